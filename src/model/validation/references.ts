/**
 * Cross-object rules: a Rollout against the loaded Services, Ingresses, VirtualServices and templates it names.
 * Argo counterpart: ValidateRolloutReferencedResources (validation_references.go), lint.go matching, managed-by check.
 * Rule: names resolve within the Rollout's namespace; an object that is not loaded is not an error.
 */
import type { ValidationIssue } from '../issues';
import { intValueOfIntOrString } from '../intOrPercent';
import type { LoadedObject } from '../load';
import { goRegexpMatches } from '../re2';
import { validateMetricRules } from './analysis';
import { ISSUE_CODES } from './codes';
import type { IssueCode } from './codes';
import type { Collector, JsonRecord } from './context';
import {
  arr,
  child,
  isSet,
  newCollector,
  num,
  objectSpec,
  rec,
  report,
  str,
  stringMap,
  strOrEmpty,
} from './context';

/** The label Argo adds to pods and service selectors; ignored when comparing selectors. */
const POD_TEMPLATE_HASH_LABEL = 'rollouts-pod-template-hash';
/** The annotation the controller writes on Services it manages. */
const MANAGED_BY_ANNOTATION = 'argo-rollouts.argoproj.io/managed-by-rollouts';

type ServiceRole = 'canary' | 'stable' | 'ping' | 'pong' | 'active' | 'preview';

interface ServiceRef {
  readonly role: ServiceRole;
  readonly name: string;
  readonly path: string;
}

/** Index of the loaded objects by kind, for name lookups. */
interface ObjectIndex {
  readonly objects: readonly LoadedObject[];
}

function group(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

function sameNamespace(a: LoadedObject, b: LoadedObject): boolean {
  return a.namespace === undefined || b.namespace === undefined || a.namespace === b.namespace;
}

function findObject(
  index: ObjectIndex,
  from: LoadedObject,
  kind: string,
  groups: readonly string[],
  name: string,
  namespaced = true,
): LoadedObject | undefined {
  return index.objects.find(
    (o) =>
      o.kind === kind &&
      groups.includes(group(o.apiVersion)) &&
      o.name === name &&
      (!namespaced || sameNamespace(from, o)),
  );
}

/** isRollout is true for argoproj.io Rollouts. */
export function isRollout(o: LoadedObject): boolean {
  return o.kind === 'Rollout' && group(o.apiVersion) === 'argoproj.io';
}

/** serviceRefs lists the Services a Rollout names, in lint's order (later roles win a tie). */
function serviceRefs(spec: JsonRecord): ServiceRef[] {
  const strategy = rec(spec.strategy) ?? {};
  const refs: ServiceRef[] = [];
  const add = (role: ServiceRole, name: string, path: string): void => {
    if (name !== '') refs.push({ role, name, path });
  };
  const canary = rec(strategy.canary);
  if (canary) {
    const base = 'spec.strategy.canary';
    add('canary', strOrEmpty(canary.canaryService), `${base}.canaryService`);
    add('stable', strOrEmpty(canary.stableService), `${base}.stableService`);
    const pingPong = rec(canary.pingPong);
    if (pingPong) {
      add('ping', strOrEmpty(pingPong.pingService), `${base}.pingPong.pingService`);
      add('pong', strOrEmpty(pingPong.pongService), `${base}.pingPong.pongService`);
    }
  }
  const blueGreen = rec(strategy.blueGreen);
  if (blueGreen) {
    const base = 'spec.strategy.blueGreen';
    add('active', strOrEmpty(blueGreen.activeService), `${base}.activeService`);
    add('preview', strOrEmpty(blueGreen.previewService), `${base}.previewService`);
  }
  return refs;
}

/** The pod-template labels of a Rollout, or of the Deployment its workloadRef names. */
function templateLabels(
  index: ObjectIndex,
  rollout: LoadedObject,
  spec: JsonRecord,
): ReadonlyMap<string, string> | undefined {
  const workloadRef = rec(spec.workloadRef);
  if (!workloadRef) return stringMap(rec(rec(spec.template)?.metadata)?.labels);
  const deployment = findObject(
    index,
    rollout,
    strOrEmpty(workloadRef.kind) || 'Deployment',
    ['apps'],
    strOrEmpty(workloadRef.name),
  );
  if (!deployment) return undefined;
  const template = rec(objectSpec(deployment).template);
  return stringMap(rec(template?.metadata)?.labels);
}

/** Labels of the ephemeral metadata that validSvcSelectorForType accepts for a role. */
function roleMetadataLabels(spec: JsonRecord, role: ServiceRole): ReadonlyMap<string, string> {
  const strategy = rec(spec.strategy) ?? {};
  const canary = rec(strategy.canary);
  const blueGreen = rec(strategy.blueGreen);
  switch (role) {
    case 'stable':
      return stringMap(rec(canary?.stableMetadata)?.labels);
    case 'canary':
      return stringMap(rec(canary?.canaryMetadata)?.labels);
    case 'active':
      return stringMap(rec(blueGreen?.activeMetadata)?.labels);
    case 'preview':
      return stringMap(rec(blueGreen?.previewMetadata)?.labels);
    default:
      return new Map();
  }
}

function validateServices(
  c: Collector,
  index: ObjectIndex,
  spec: JsonRecord,
  claimedBy: ReadonlyMap<LoadedObject, LoadedObject>,
): void {
  const rollout = c.obj;
  const labels = templateLabels(index, rollout, spec);
  const byService = new Map<LoadedObject, ServiceRef>();
  for (const ref of serviceRefs(spec)) {
    const svc = findObject(index, rollout, 'Service', [''], ref.name);
    if (svc) byService.set(svc, ref); // a later role wins, as in lint
  }
  for (const [svc, ref] of byService) {
    const selector = stringMap(rec(objectSpec(svc).selector) ?? {});
    const roleLabels = roleMetadataLabels(spec, ref.role);
    if (labels) {
      for (const [key, value] of selector) {
        if (key === POD_TEMPLATE_HASH_LABEL) continue;
        if (labels.get(key) === value || roleLabels.get(key) === value) continue;
        report(
          c,
          ref.path,
          ISSUE_CODES.serviceSelectorMismatch,
          `Service "${ref.name}" has unmatch label "${key}" in rollout`,
        );
      }
    }
    const annotated = stringMap(rec(rec(svc.object)?.metadata)?.annotations).get(
      MANAGED_BY_ANNOTATION,
    );
    const owner = claimedBy.get(svc);
    if (
      (annotated !== undefined && annotated !== rollout.name) ||
      (owner !== undefined && owner !== rollout)
    ) {
      report(
        c,
        ref.path,
        ISSUE_CODES.serviceManagedByOtherRollout,
        `Service "${ref.name}" is managed by another Rollout`,
      );
    }
  }
}

/** ingressutil.HasRuleWithService for networking/v1 and extensions/v1beta1 shapes. */
function ingressHasRuleWithService(ingress: LoadedObject, service: string): boolean {
  for (const rule of arr(objectSpec(ingress).rules)) {
    for (const path of arr(rec(rec(rule)?.http)?.paths)) {
      const backend = rec(rec(path)?.backend) ?? {};
      const name = str(rec(backend.service)?.name) ?? str(backend.serviceName);
      if (name === service) return true;
    }
  }
  return false;
}

function validateIngresses(c: Collector, index: ObjectIndex, canary: JsonRecord): void {
  const tr = rec(canary.trafficRouting);
  if (!tr) return;
  const base = 'spec.strategy.canary.trafficRouting';
  const check = (ingressName: string, serviceName: string, path: string): void => {
    if (ingressName === '') return;
    const ingress = findObject(
      index,
      c.obj,
      'Ingress',
      ['networking.k8s.io', 'extensions'],
      ingressName,
    );
    if (ingress && !ingressHasRuleWithService(ingress, serviceName)) {
      report(
        c,
        path,
        ISSUE_CODES.ingressMissingServiceRule,
        `ingress \`${ingressName}\` has no rules using service ${serviceName} backend`,
      );
    }
  };
  const stable = strOrEmpty(canary.stableService);
  const nginx = rec(tr.nginx);
  const alb = rec(tr.alb);
  if (nginx) {
    check(strOrEmpty(nginx.stableIngress), stable, `${base}.nginx.stableIngress`);
    arr(nginx.stableIngresses).forEach((n, i) => {
      check(str(n) ?? '', stable, child(`${base}.nginx.stableIngresses`, i));
    });
  } else if (alb) {
    const service = strOrEmpty(alb.rootService) || stable;
    check(strOrEmpty(alb.ingress), service, `${base}.alb.ingress`);
    arr(alb.ingresses).forEach((n, i) => {
      check(str(n) ?? '', service, child(`${base}.alb.ingresses`, i));
    });
  }
}

/** Istio's getHost: the short service name of a destination host (`svc.ns.svc…` → `svc`). */
function destinationHost(dest: unknown): string {
  const host = strOrEmpty(rec(rec(dest)?.destination)?.host);
  return host.split('.')[0] ?? '';
}

function checkDestinations(route: JsonRecord, canary: JsonRecord): string | undefined {
  const stable = strOrEmpty(canary.stableService);
  const canarySvc = strOrEmpty(canary.canaryService);
  const destinationRule = rec(rec(rec(canary.trafficRouting)?.istio)?.destinationRule);
  const dests = arr(route.route);
  if (destinationRule) {
    const subsets = dests.map((d) => strOrEmpty(rec(rec(d)?.destination)?.subset));
    const canarySubset = strOrEmpty(destinationRule.canarySubsetName);
    const stableSubset = strOrEmpty(destinationRule.stableSubsetName);
    if (canarySubset === '' || !subsets.includes(canarySubset)) {
      return `Canary DestinationRule subset '${canarySubset}' not found in route`;
    }
    if (stableSubset === '' || !subsets.includes(stableSubset)) {
      return `Stable DestinationRule subset '${stableSubset}' not found in route`;
    }
    return undefined;
  }
  const hosts = dests.map(destinationHost);
  if (canarySvc === '' || !hosts.includes(canarySvc)) {
    return `Canary Service '${canarySvc}' not found in route`;
  }
  if (stable === '' || !hosts.includes(stable)) {
    return `Stable Service '${stable}' not found in route`;
  }
  return undefined;
}

function validateHttpRoutes(
  routes: readonly JsonRecord[],
  routeNames: readonly string[],
  canary: JsonRecord,
): string | undefined {
  let indexes: number[] = [];
  if (routeNames.length === 0) {
    const first = routes.findIndex((r) => strOrEmpty(r.name) === '');
    if (first >= 0) indexes = [first];
  } else {
    for (const name of routeNames) {
      const i = routes.findIndex((r) => strOrEmpty(r.name) === name);
      if (i < 0) return `HTTP Route '${name}' is not found in the defined Virtual Service.`;
      indexes.push(i);
    }
  }
  for (const i of indexes) {
    const err = checkDestinations(routes[i] ?? {}, canary);
    if (err) return err;
  }
  const managed = new Set(
    arr(rec(canary.trafficRouting)?.managedRoutes).map((m) => strOrEmpty(rec(m)?.name)),
  );
  const unmanaged = routes.filter((r) => !managed.has(strOrEmpty(r.name)));
  if (routeNames.length === 0 && unmanaged.length > 1) {
    return 'spec.http[] should be set in VirtualService and it must have exactly one route when omitting spec.strategy.canary.trafficRouting.istio.virtualService.routes';
  }
  return undefined;
}

function routePorts(route: JsonRecord): { ports: Set<number>; sni: Set<string> } {
  const ports = new Set<number>();
  const sni = new Set<string>();
  for (const m of arr(route.match)) {
    ports.add(num(rec(m)?.port) ?? 0);
    for (const h of arr(rec(m)?.sniHosts)) sni.add(strOrEmpty(h));
  }
  return { ports, sni };
}

function validatePortRoutes(
  kind: 'tls' | 'tcp',
  routes: readonly JsonRecord[],
  selectors: readonly JsonRecord[],
  canary: JsonRecord,
): string | undefined {
  const indexes: number[] = [];
  if (selectors.length === 0) {
    if (routes.length > 0) indexes.push(0);
  } else {
    for (const sel of selectors) {
      const port = num(sel.port) ?? 0;
      const wantSni = arr(sel.sniHosts).map((h) => strOrEmpty(h));
      const found = routes.flatMap((r, i) => {
        const { ports, sni } = routePorts(r);
        if (ports.size > 1) return [];
        const routePort = ports.size === 1 ? [...ports][0] : 0;
        if (routePort !== port) return [];
        if (kind === 'tls') {
          const same = sni.size === wantSni.length && wantSni.every((h) => sni.has(h));
          if (!same) return [];
        }
        return [i];
      });
      if (found.length === 0) {
        return `No matching ${kind.toUpperCase()} routes found in the defined Virtual Service.`;
      }
      indexes.push(...found);
    }
  }
  for (const i of indexes) {
    const err = checkDestinations(routes[i] ?? {}, canary);
    if (err) return err;
  }
  if (selectors.length === 0 && routes.length > 1) {
    return `spec.${kind}[] should be set in VirtualService and it must have exactly one route when omitting spec.strategy.canary.trafficRouting.istio.virtualService.${kind}Routes`;
  }
  return undefined;
}

/** Mirrors istioutil.GetVirtualServiceNamespaceName: `name.namespace` or `name`. */
function virtualServiceName(ref: string): string {
  const dot = ref.indexOf('.');
  return dot < 0 ? ref : ref.slice(0, dot);
}

function validateVirtualServices(c: Collector, index: ObjectIndex, canary: JsonRecord): void {
  const istio = rec(rec(canary.trafficRouting)?.istio);
  if (!istio) return;
  const base = 'spec.strategy.canary.trafficRouting.istio';
  const entries: { vs: JsonRecord; path: string }[] = [];
  const multiple = arr(istio.virtualServices);
  if (multiple.length > 0) {
    multiple.forEach((vs, i) => {
      entries.push({ vs: rec(vs) ?? {}, path: child(`${base}.virtualServices`, i, 'name') });
    });
  } else if (rec(istio.virtualService)) {
    entries.push({ vs: rec(istio.virtualService) ?? {}, path: `${base}.virtualService.name` });
  }
  for (const { vs, path } of entries) {
    const name = virtualServiceName(strOrEmpty(vs.name));
    const obj = findObject(index, c.obj, 'VirtualService', ['networking.istio.io'], name, false);
    if (!obj) continue;
    const vsSpec = objectSpec(obj);
    const http = Array.isArray(vsSpec.http) ? arr(vsSpec.http).map((r) => rec(r) ?? {}) : undefined;
    const tls = Array.isArray(vsSpec.tls) ? arr(vsSpec.tls).map((r) => rec(r) ?? {}) : undefined;
    const tcp = Array.isArray(vsSpec.tcp) ? arr(vsSpec.tcp).map((r) => rec(r) ?? {}) : undefined;
    if (!http && !tls && !tcp) {
      report(
        c,
        path,
        ISSUE_CODES.virtualServiceNoRoutes,
        'Unable to get any of the HTTP, TCP or TLS routes for the Istio VirtualService',
      );
      continue;
    }
    const routeNames = arr(vs.routes).map((r) => strOrEmpty(r));
    const checks: [string, string | undefined][] = [
      ['HTTP', http ? validateHttpRoutes(http, routeNames, canary) : undefined],
      [
        'TLS',
        tls
          ? validatePortRoutes(
              'tls',
              tls,
              arr(vs.tlsRoutes).map((r) => rec(r) ?? {}),
              canary,
            )
          : undefined,
      ],
      [
        'TCP',
        tcp
          ? validatePortRoutes(
              'tcp',
              tcp,
              arr(vs.tcpRoutes).map((r) => rec(r) ?? {}),
              canary,
            )
          : undefined,
      ],
    ];
    for (const [label, err] of checks) {
      if (err === undefined) continue;
      report(
        c,
        path,
        ISSUE_CODES.virtualServiceInvalidRoutes,
        `Istio VirtualService has invalid ${label} routes. Error: ${err}`,
      );
    }
  }
}

/** One `analysis` block of a Rollout that names AnalysisTemplates. */
interface AnalysisGroup {
  readonly analysis: JsonRecord;
  readonly path: string;
  readonly background: boolean;
}

function analysisGroups(spec: JsonRecord): AnalysisGroup[] {
  const strategy = rec(spec.strategy) ?? {};
  const groups: AnalysisGroup[] = [];
  const blueGreen = rec(strategy.blueGreen);
  const canary = rec(strategy.canary);
  const add = (a: unknown, path: string, background: boolean): void => {
    const analysis = rec(a);
    if (analysis && arr(analysis.templates).length > 0) {
      groups.push({ analysis, path: `${path}.templates`, background });
    }
  };
  if (blueGreen) {
    add(blueGreen.prePromotionAnalysis, 'spec.strategy.blueGreen.prePromotionAnalysis', false);
    add(blueGreen.postPromotionAnalysis, 'spec.strategy.blueGreen.postPromotionAnalysis', false);
  }
  if (canary) {
    add(canary.analysis, 'spec.strategy.canary.analysis', true);
    arr(canary.steps).forEach((s, i) => {
      add(rec(s)?.analysis, `spec.strategy.canary.steps[${i}].analysis`, false);
    });
  }
  return groups;
}

/**
 * Resolves a group's template references (and nested `templates`) against the loaded objects.
 * Returns undefined when any is missing: such a group cannot be checked here.
 */
function resolveTemplates(
  index: ObjectIndex,
  rollout: LoadedObject,
  refs: readonly unknown[],
): LoadedObject[] | undefined {
  const namespaced: LoadedObject[] = [];
  const cluster: LoadedObject[] = [];
  let missing = false;
  const visit = (list: readonly unknown[], depth: number): void => {
    for (const raw of list) {
      const ref = rec(raw) ?? {};
      const name = strOrEmpty(ref.templateName);
      const clusterScope = ref.clusterScope === true;
      const found = clusterScope
        ? findObject(index, rollout, 'ClusterAnalysisTemplate', ['argoproj.io'], name, false)
        : findObject(index, rollout, 'AnalysisTemplate', ['argoproj.io'], name);
      if (!found) {
        missing = true;
        continue;
      }
      const target = clusterScope ? cluster : namespaced;
      if (target.includes(found)) continue;
      target.push(found);
      if (depth < 10) visit(arr(objectSpec(found).templates), depth + 1);
    }
  };
  visit(refs, 0);
  return missing ? undefined : [...namespaced, ...cluster];
}

/** Replaces `{{args.x}}` / `{{ args.x }}` placeholders; undefined when one cannot be resolved. */
function resolvePlaceholders(
  text: string,
  values: ReadonlyMap<string, string>,
): { value: string } | { unresolved: string } {
  let unresolved: string | undefined;
  const value = text.replace(/\{\{\s*([^}]*?)\s*\}\}/g, (whole, tag: string) => {
    const m = /^args\.(.+)$/.exec(tag);
    const v = m ? values.get(m[1] ?? '') : undefined;
    if (v === undefined) {
      unresolved = whole;
      return whole;
    }
    return v;
  });
  return unresolved === undefined ? { value } : { unresolved };
}

function validateAnalysisGroup(
  c: Collector,
  index: ObjectIndex,
  group: AnalysisGroup,
  globalDryRunNames: (names: readonly string[]) => void,
): void {
  const templates = resolveTemplates(index, c.obj, arr(group.analysis.templates));
  if (!templates) return;
  const fail = (code: IssueCode, message: string): void => {
    report(c, group.path, code, message);
  };

  // flattenMetrics
  const metrics: { metric: JsonRecord; template: LoadedObject }[] = [];
  const seenMetric = new Set<string>();
  for (const t of templates) {
    for (const raw of arr(objectSpec(t).metrics)) {
      const metric = rec(raw) ?? {};
      const name = strOrEmpty(metric.name);
      if (seenMetric.has(name)) {
        fail(ISSUE_CODES.analysisTemplatesInvalid, `two metrics have the same name '${name}'`);
        return;
      }
      seenMetric.add(name);
      metrics.push({ metric, template: t });
    }
  }

  // flattenArgs
  const args = new Map<string, { value?: string; valueFrom: boolean }>();
  for (const t of templates) {
    for (const raw of arr(objectSpec(t).args)) {
      const arg = rec(raw) ?? {};
      const name = strOrEmpty(arg.name);
      const next = { value: str(arg.value), valueFrom: isSet(arg.valueFrom) };
      const prev = args.get(name);
      if (!prev) {
        args.set(name, next);
        continue;
      }
      if (prev.value !== undefined && next.value !== undefined && prev.value !== next.value) {
        fail(
          ISSUE_CODES.analysisTemplatesInvalid,
          `Argument \`${name}\` specified multiple times with different values: '${prev.value}', '${next.value}'`,
        );
        return;
      }
      if (prev.value === undefined) args.set(name, next);
    }
  }

  // MergeArgs with the Rollout's arguments, then ResolveArgs
  const supplied = new Set(
    arr(group.analysis.args)
      .map((a) => rec(a) ?? {})
      .filter((a) => isSet(a.value) || isSet(a.valueFrom))
      .map((a) => strOrEmpty(a.name)),
  );
  for (const [name, arg] of args) {
    if (arg.value === undefined && !arg.valueFrom && !supplied.has(name)) {
      fail(ISSUE_CODES.analysisArgUnresolved, `args.${name} was not resolved`);
      return;
    }
  }

  // dry-run and measurement-retention rules (Rollout's first, then the templates')
  for (const label of ['dryRun', 'measurementRetention'] as const) {
    const rules = [
      ...arr(group.analysis[label]),
      ...templates.flatMap((t) => arr(objectSpec(t)[label])),
    ];
    const scratch: Collector = { obj: c.obj, issues: [] };
    validateMetricRules(scratch, rules, group.path, label, undefined);
    const first = scratch.issues[0];
    if (first) {
      fail(first.code as IssueCode, first.message);
      return;
    }
  }
  globalDryRunNames(metrics.map((m) => strOrEmpty(m.metric.name)));

  if (group.background) return;
  // ValidateAnalysisTemplateWithType: every metric must have a finite effective count.
  for (const t of templates) {
    const values = new Map<string, string>();
    for (const raw of arr(objectSpec(t).args)) {
      const arg = rec(raw) ?? {};
      values.set(strOrEmpty(arg.name), str(arg.value) ?? 'dummy-value');
    }
    for (const { metric } of metrics.filter((m) => m.template === t)) {
      let count: unknown = metric.count;
      let interval = strOrEmpty(metric.interval);
      for (const [field, raw] of [
        ['count', metric.count],
        ['interval', metric.interval],
      ] as const) {
        if (typeof raw !== 'string' || !raw.includes('{{')) continue;
        const resolved = resolvePlaceholders(raw, values);
        if ('unresolved' in resolved) {
          fail(
            ISSUE_CODES.analysisTemplatesInvalid,
            `AnalysisTemplate ${t.name}: failed to resolve ${resolved.unresolved}`,
          );
          return;
        }
        if (field === 'count') count = resolved.value;
        else interval = resolved.value;
      }
      const n = isSet(count) ? intValueOfIntOrString(count) : 0;
      if (n === 0 && interval !== '') {
        const shown = isSet(count) ? String(count) : '<nil>';
        fail(
          ISSUE_CODES.analysisMetricRunsIndefinitely,
          `AnalysisTemplate ${t.name} has metric ${strOrEmpty(metric.name)} which runs indefinitely. Invalid value for count: ${shown}`,
        );
      }
    }
  }
}

function validateAnalysisReferences(c: Collector, index: ObjectIndex, spec: JsonRecord): void {
  for (const group of analysisGroups(spec)) {
    validateAnalysisGroup(c, index, group, (metricNames) => {
      arr(group.analysis.dryRun).forEach((raw, i) => {
        const pattern = strOrEmpty(rec(raw)?.metricName);
        if (!metricNames.some((n) => goRegexpMatches(pattern, n))) {
          report(
            c,
            child(group.path.replace(/\.templates$/, '.dryRun'), i, 'metricName'),
            ISSUE_CODES.dryRunNoMatch,
            `dryRun[${i}]: Rule didn't match any metric name(s)`,
          );
        }
      });
      arr(group.analysis.measurementRetention).forEach((raw, i) => {
        const pattern = strOrEmpty(rec(raw)?.metricName);
        if (!metricNames.some((n) => goRegexpMatches(pattern, n))) {
          report(
            c,
            child(group.path.replace(/\.templates$/, '.measurementRetention'), i, 'metricName'),
            ISSUE_CODES.measurementRetentionNoMatch,
            `measurementRetention[${i}]: Rule didn't match any metric name(s)`,
          );
        }
      });
    });
  }
}

/**
 * validateReferences checks every Rollout against the other loaded objects it names; the result
 * maps each Rollout to its reference issues.
 */
export function validateReferences(
  objects: readonly LoadedObject[],
): Map<LoadedObject, ValidationIssue[]> {
  const index: ObjectIndex = { objects };
  const rollouts = objects.filter(isRollout);

  // The first Rollout (in document order) naming a Service manages it, like the controller.
  const claimedBy = new Map<LoadedObject, LoadedObject>();
  for (const rollout of rollouts) {
    for (const ref of serviceRefs(objectSpec(rollout))) {
      const svc = findObject(index, rollout, 'Service', [''], ref.name);
      if (svc && !claimedBy.has(svc)) claimedBy.set(svc, rollout);
    }
  }

  const out = new Map<LoadedObject, ValidationIssue[]>();
  for (const rollout of rollouts) {
    const c = newCollector(rollout);
    out.set(rollout, c.issues);
    const spec = objectSpec(rollout);
    validateServices(c, index, spec, claimedBy);
    const canary = rec(rec(spec.strategy)?.canary);
    if (canary) {
      validateIngresses(c, index, canary);
      validateVirtualServices(c, index, canary);
    }
    validateAnalysisReferences(c, index, spec);
  }
  return out;
}
