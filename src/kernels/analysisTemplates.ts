/**
 * From AnalysisTemplates to an AnalysisRun spec: resolving template references, flattening and
 * merging metrics/args/rules, `{{args.x}}` substitution, Secret and Rollout field arguments.
 * Argo counterparts: utils/analysis/{helpers,factory}.go, utils/template, rollout/analysis.go.
 * Rule: pure; lookups (templates, Secrets) are passed in, errors are returned as values.
 */
import type {
  AnalysisRun,
  AnalysisTemplate,
  ClusterAnalysisTemplate,
  ReplicaSet,
  Rollout,
  Secret,
} from '../model';
import type {
  AnalysisArgument,
  AnalysisMetric,
  AnalysisRunSpec,
  DryRunRule,
  MeasurementRetentionRule,
} from './analysis';
import { getPodTemplateHash } from './replicaSets';

/** Result is a value or Argo's error text. */
export type Result<T> =
  { readonly kind: 'ok'; readonly value: T } | { readonly kind: 'error'; readonly message: string };

const ok = <T>(value: T): Result<T> => ({ kind: 'ok', value });
const err = <T>(message: string): Result<T> => ({ kind: 'error', message });

/** TemplateRef names one (Cluster)AnalysisTemplate (`templates[]` of an analysis spec). */
export interface TemplateRef {
  readonly templateName?: string | undefined;
  readonly clusterScope?: boolean | undefined;
}

/** TemplateSpec is the shared spec of AnalysisTemplate and ClusterAnalysisTemplate. */
export type TemplateSpec = AnalysisTemplate['spec'];

/** ResolvedTemplates are the namespaced and cluster templates a reference list expands to. */
export interface ResolvedTemplates {
  readonly templates: readonly AnalysisTemplate[];
  readonly clusterTemplates: readonly ClusterAnalysisTemplate[];
}

/**
 * resolveTemplateRefs ports getAnalysisTemplatesFromRefs: each reference is looked up in the
 * Rollout's namespace (or cluster-wide with clusterScope), then its nested `templates` are expanded
 * recursively (the referenced template first); both lists are de-duplicated by name at the end.
 * A missing template is Kubernetes' NotFound error.
 */
export function resolveTemplateRefs(
  refs: readonly TemplateRef[] | undefined,
  namespace: string,
  templates: readonly AnalysisTemplate[],
  clusterTemplates: readonly ClusterAnalysisTemplate[],
): Result<ResolvedTemplates> {
  const outT: AnalysisTemplate[] = [];
  const outC: ClusterAnalysisTemplate[] = [];
  const visiting = new Set<string>();
  const walk = (list: readonly TemplateRef[] | undefined): string | undefined => {
    for (const ref of list ?? []) {
      const name = ref.templateName ?? '';
      const key = `${ref.clusterScope ? 'cluster' : 'ns'}/${name}`;
      let nested: readonly TemplateRef[] | undefined;
      if (ref.clusterScope) {
        const t = clusterTemplates.find((c) => c.metadata?.name === name);
        if (!t) return `clusteranalysistemplates.argoproj.io "${name}" not found`;
        outC.push(t);
        nested = t.spec.templates;
      } else {
        const t = templates.find(
          (c) => c.metadata?.name === name && (c.metadata?.namespace ?? namespace) === namespace,
        );
        if (!t) return `analysistemplates.argoproj.io "${name}" not found`;
        outT.push(t);
        nested = t.spec.templates;
      }
      if (nested && nested.length > 0 && !visiting.has(key)) {
        visiting.add(key);
        const e = walk(nested);
        visiting.delete(key);
        if (e) return e;
      }
    }
    return undefined;
  };
  const problem = walk(refs);
  if (problem) return err(problem);
  const unique = filterUniqueTemplates(outT, outC);
  return ok(unique);
}

/**
 * filterUniqueTemplates ports FilterUniqueTemplates: keeps the first template of each name in each
 * list, so diamond-shaped references are fine.
 */
export function filterUniqueTemplates(
  templates: readonly AnalysisTemplate[],
  clusterTemplates: readonly ClusterAnalysisTemplate[],
): ResolvedTemplates {
  const uniq = <T extends { metadata?: { name?: string } }>(list: readonly T[]): T[] => {
    const seen = new Set<string>();
    return list.filter((t) => {
      const name = t.metadata?.name ?? '';
      if (seen.has(name)) return false;
      seen.add(name);
      return true;
    });
  };
  return { templates: uniq(templates), clusterTemplates: uniq(clusterTemplates) };
}

/** FlatTemplate is what flattenTemplates combines. */
export interface FlatTemplate {
  readonly metrics: AnalysisMetric[];
  readonly args: AnalysisArgument[];
  readonly dryRun: DryRunRule[];
  readonly measurementRetention: MeasurementRetentionRule[];
}

function duplicateRule(
  rules: readonly { metricName: string }[],
  label: string,
): string | undefined {
  const seen = new Set<string>();
  for (const r of rules) {
    if (seen.has(r.metricName))
      return `two ${label} metric rules have the same name '${r.metricName}'`;
    seen.add(r.metricName);
  }
  return undefined;
}

/**
 * flattenTemplates ports FlattenTemplates: metrics, dry-run rules, retention rules and args of all
 * namespaced templates in order, then all cluster templates. A repeated metric name or rule name is
 * an error; args of the same name must agree on their value (an earlier arg without value is
 * replaced by a later one; otherwise the earlier is kept). Placeholders are not resolved here.
 */
export function flattenTemplates(
  templates: readonly { spec: TemplateSpec }[],
  clusterTemplates: readonly { spec: TemplateSpec }[],
): Result<FlatTemplate> {
  const all = [...templates, ...clusterTemplates];
  const metrics = all.flatMap((t) => t.spec.metrics ?? []);
  const names = new Set<string>();
  for (const m of metrics) {
    if (names.has(m.name)) return err(`two metrics have the same name '${m.name}'`);
    names.add(m.name);
  }
  const dryRun = all.flatMap((t) => t.spec.dryRun ?? []);
  const dupDry = duplicateRule(dryRun, 'Dry-Run');
  if (dupDry) return err(dupDry);
  const measurementRetention = all.flatMap((t) => t.spec.measurementRetention ?? []);
  const dupRet = duplicateRule(measurementRetention, 'Measurement Retention');
  if (dupRet) return err(dupRet);
  const args: AnalysisArgument[] = [];
  for (const arg of all.flatMap((t) => t.spec.args ?? [])) {
    const i = args.findIndex((a) => a.name === arg.name);
    if (i < 0) {
      args.push(arg);
      continue;
    }
    const prev = args[i];
    if (prev.value !== undefined && arg.value !== undefined && prev.value !== arg.value) {
      return err(
        `Argument \`${prev.name}\` specified multiple times with different values: '${prev.value}', '${arg.value}'`,
      );
    }
    if (prev.value === undefined) args[i] = arg;
  }
  return ok({ metrics, args, dryRun, measurementRetention });
}

/**
 * mergeArgs ports MergeArgs: starting from the template args, each incoming arg of the same name
 * overwrites the value (or else the valueFrom); incoming args no template declares are dropped.
 * Every arg must end with a value or valueFrom, else "args.<name> was not resolved".
 */
export function mergeArgs(
  incoming: readonly AnalysisArgument[] | undefined,
  templateArgs: readonly AnalysisArgument[] | undefined,
): Result<AnalysisArgument[] | undefined> {
  if (templateArgs === undefined) return ok(undefined);
  const out = templateArgs.map((a) => ({ ...a }));
  for (const arg of incoming ?? []) {
    const target = out.find((a) => a.name === arg.name);
    if (!target) continue;
    if (arg.value !== undefined) target.value = arg.value;
    else if (arg.valueFrom !== undefined) target.valueFrom = arg.valueFrom;
  }
  for (const a of out) {
    if (a.value === undefined && a.valueFrom === undefined)
      return err(`args.${a.name} was not resolved`);
  }
  return ok(out);
}

function mergeRules<R extends { metricName: string }>(
  front: readonly R[] | undefined,
  back: readonly R[],
  label: string,
): Result<R[]> {
  const combined = [...(front ?? []), ...back];
  const dup = duplicateRule(combined, label);
  return dup ? err(dup) : ok(combined);
}

/** NewRunOptions are the object-meta parts of a new run. */
export interface NewRunOptions {
  readonly name?: string;
  readonly generateName?: string;
  readonly namespace?: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
}

/**
 * newAnalysisRunFromTemplates ports NewAnalysisRunFromTemplates: flatten, merge the caller's args
 * onto the template args, put the caller's dry-run and retention rules in front of the templates'
 * (names must stay unique) and build an AnalysisRun with an empty status.
 */
export function newAnalysisRunFromTemplates(
  templates: readonly { spec: TemplateSpec }[],
  clusterTemplates: readonly { spec: TemplateSpec }[],
  args: readonly AnalysisArgument[] | undefined,
  dryRun: readonly DryRunRule[] | undefined,
  measurementRetention: readonly MeasurementRetentionRule[] | undefined,
  options: NewRunOptions = {},
): Result<AnalysisRun> {
  const flat = flattenTemplates(templates, clusterTemplates);
  if (flat.kind === 'error') return flat;
  const merged = mergeArgs(args, flat.value.args);
  if (merged.kind === 'error') return merged;
  const dry = mergeRules(dryRun, flat.value.dryRun, 'Dry-Run');
  if (dry.kind === 'error') return dry;
  const ret = mergeRules(
    measurementRetention,
    flat.value.measurementRetention,
    'Measurement Retention',
  );
  if (ret.kind === 'error') return ret;
  const spec: AnalysisRunSpec = { metrics: flat.value.metrics };
  if (merged.value && merged.value.length > 0) spec.args = merged.value;
  if (dry.value.length > 0) spec.dryRun = dry.value;
  if (ret.value.length > 0) spec.measurementRetention = ret.value;
  const metadata: NonNullable<AnalysisRun['metadata']> = {};
  if (options.name) metadata.name = options.name;
  if (options.generateName) metadata.generateName = options.generateName;
  if (options.namespace) metadata.namespace = options.namespace;
  metadata.labels = { ...(options.labels ?? {}) };
  metadata.annotations = { ...(options.annotations ?? {}) };
  return ok({ apiVersion: 'argoproj.io/v1alpha1', kind: 'AnalysisRun', metadata, spec });
}

/**
 * isSemanticallyEqual ports IsSemanticallyEqual: two run specs are equal when metrics, args,
 * dry-run and retention rules serialise identically (`terminate` and TTL are ignored).
 */
export function isSemanticallyEqual(left: AnalysisRunSpec, right: AnalysisRunSpec): boolean {
  const pick = (s: AnalysisRunSpec) =>
    JSON.stringify([s.metrics, s.dryRun ?? null, s.measurementRetention ?? null, s.args ?? null]);
  return pick(left) === pick(right);
}

// ---------------------------------------------------------------------------------------------
// Argument substitution (utils/template ResolveQuotedArgs)

// Go's json.Marshal writes Metric fields in struct order; the last unresolved placeholder in that
// order is the one Argo reports.
const METRIC_FIELD_ORDER = [
  'name',
  'interval',
  'initialDelay',
  'count',
  'successCondition',
  'failureCondition',
  'failureLimit',
  'inconclusiveLimit',
  'consecutiveErrorLimit',
  'consecutiveSuccessLimit',
  'provider',
];

const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;

function substitute(
  text: string,
  values: ReadonlyMap<string, string>,
  onMissing: (tag: string) => void,
): string {
  return text.replace(PLACEHOLDER, (whole, raw: string) => {
    const tag = raw.trim();
    const v = values.get(tag);
    if (v === undefined) {
      onMissing(tag);
      return whole;
    }
    return v;
  });
}

function walkStrings(
  value: unknown,
  fn: (s: string) => string,
  topLevelOrder?: readonly string[],
): unknown {
  if (typeof value === 'string') return fn(value);
  if (Array.isArray(value)) return value.map((v) => walkStrings(v, fn));
  if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj);
    const ordered = topLevelOrder
      ? [
          ...topLevelOrder.filter((k) => keys.includes(k)),
          ...keys.filter((k) => !topLevelOrder.includes(k)),
        ]
      : keys;
    const out: Record<string, unknown> = {};
    for (const k of ordered) out[k] = walkStrings(obj[k], fn);
    // Keep the author's key order in the output.
    return Object.fromEntries(keys.map((k) => [k, out[k]]));
  }
  return value;
}

/**
 * resolveMetricArgs ports ResolveMetricArgs: every `{{args.name}}` (spaces inside the braces
 * allowed) in every string field of the metric is replaced by the arg's value. Any arg still
 * without a value gives `argument "<name>" was not supplied`; an unknown placeholder gives
 * "failed to resolve {{<tag>}}" (the last one in Go's field order when there are several).
 */
export function resolveMetricArgs(
  metric: AnalysisMetric,
  args: readonly AnalysisArgument[] | undefined,
): Result<AnalysisMetric> {
  const values = new Map<string, string>();
  for (const a of args ?? []) {
    // Every arg must carry a value by now (Secrets are resolved first).
    if (a.value === undefined) return err(`argument "${a.name}" was not supplied`);
    values.set(`args.${a.name}`, a.value);
  }
  let unresolved: string | undefined;
  const resolved = walkStrings(
    metric,
    (s) =>
      substitute(s, values, (tag) => {
        unresolved = `failed to resolve {{${tag}}}`;
      }),
    METRIC_FIELD_ORDER,
  ) as AnalysisMetric;
  if (unresolved) return err(unresolved);
  return ok(resolved);
}

/** SECRET_PLACEHOLDER stands in for Secret-backed args when only validation and scheduling need them. */
export const SECRET_PLACEHOLDER = 'temp-for-secret';

/**
 * resolveMetricsWithoutSecrets ports getResolvedMetricsWithoutSecrets: substitutes args into all
 * metrics with a placeholder value for Secret-backed args (used to validate and schedule).
 */
export function resolveMetricsWithoutSecrets(
  metrics: readonly AnalysisMetric[],
  args: readonly AnalysisArgument[] | undefined,
): Result<AnalysisMetric[]> {
  const placeholderArgs = (args ?? []).map((a) =>
    a.valueFrom?.secretKeyRef ? { name: a.name, value: SECRET_PLACEHOLDER } : a,
  );
  const out: AnalysisMetric[] = [];
  for (const m of metrics) {
    const r = resolveMetricArgs(m, placeholderArgs);
    if (r.kind === 'error') return r;
    out.push(r.value);
  }
  return ok(out);
}

/** SecretArgs are args with Secret values filled in, and the values to redact from messages. */
export interface SecretArgs {
  readonly args: AnalysisArgument[];
  readonly secretValues: string[];
}

function decodeBase64(text: string): string | undefined {
  try {
    const bin = atob(text);
    const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
    return new TextDecoder().decode(bytes);
  } catch {
    return undefined;
  }
}

/** secretValue reads one key of a Secret: `stringData` as written, `data` base64-decoded. */
export function secretValue(secret: Secret, key: string): string | undefined {
  const plain = secret.stringData?.[key];
  if (plain !== undefined) return plain;
  const encoded = secret.data?.[key];
  return encoded === undefined ? undefined : decodeBase64(encoded);
}

/**
 * resolveSecretArgs ports resolveArgs: each `valueFrom.secretKeyRef` arg takes the Secret's value
 * from the run's namespace. Errors: `secrets "<name>" not found`,
 * "key '<key>' does not exist in secret '<name>'".
 */
export function resolveSecretArgs(
  args: readonly AnalysisArgument[] | undefined,
  namespace: string,
  secrets: readonly Secret[],
): Result<SecretArgs> {
  const out: AnalysisArgument[] = [];
  const secretValues = new Set<string>();
  for (const a of args ?? []) {
    const ref = a.valueFrom?.secretKeyRef;
    if (!ref) {
      out.push(a);
      continue;
    }
    const secret = secrets.find(
      (s) => s.metadata?.name === ref.name && (s.metadata?.namespace ?? namespace) === namespace,
    );
    if (!secret) return err(`secrets "${ref.name}" not found`);
    const value = secretValue(secret, ref.key);
    if (value === undefined) return err(`key '${ref.key}' does not exist in secret '${ref.name}'`);
    secretValues.add(value);
    out.push({ name: a.name, value });
  }
  return ok({ args: out, secretValues: [...secretValues] });
}

/** redactSecrets replaces every non-empty secret value in a message with `*****`. */
export function redactSecrets(message: string, secretValues: readonly string[]): string {
  let out = message;
  for (const s of secretValues) if (s !== '') out = out.split(s).join('*****');
  return out;
}

// ---------------------------------------------------------------------------------------------
// Rollout-side arguments (utils/analysis/factory.go)

function goValueString(v: unknown): string {
  if (typeof v === 'number') {
    const s = String(v);
    return /e/.test(s) ? s.replace(/e([+-])(\d)$/, 'e$10$2') : s;
  }
  return String(v);
}

/**
 * extractValueFromRollout ports extractValueFromRollout: walks the Rollout's JSON along `path`
 * split on `.`, `[` and `]`. Errors: "invalid index '<x>'", "index <n> out of range",
 * "invalid path <path> in rollout", "path <path> in rollout must terminate in a primitive value".
 */
export function extractValueFromRollout(rollout: unknown, path: string): Result<string> {
  let m: unknown = JSON.parse(JSON.stringify(rollout ?? null)) as unknown;
  for (const section of path.split(/[.[\]]+/)) {
    if (section === '') continue;
    if (Array.isArray(m)) {
      if (!/^[+-]?\d+$/.test(section)) return err(`invalid index '${section}'`);
      const i = Number(section);
      if (i >= m.length) return err(`index ${i} out of range`);
      m = m[i] as unknown;
    } else if (m !== null && typeof m === 'object') {
      m = Object.prototype.hasOwnProperty.call(m, section)
        ? (m as Record<string, unknown>)[section]
        : undefined;
    } else {
      return err(`invalid path ${path} in rollout`);
    }
  }
  if (m === null || m === undefined) return err(`invalid path ${path} in rollout`);
  if (typeof m === 'object')
    return err(`path ${path} in rollout must terminate in a primitive value`);
  return ok(goValueString(m));
}

/**
 * extractFieldPathAsString ports Kubernetes' fieldpath.ExtractFieldPathAsString for the
 * `metadata.*` paths Argo sends there: name, namespace, uid, labels, annotations, and
 * `metadata.labels['k']` / `metadata.annotations['k']`.
 */
export function extractFieldPathAsString(
  obj: { metadata?: Rollout['metadata'] },
  fieldPath: string,
): Result<string> {
  const meta = obj.metadata ?? {};
  const subscript = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(fieldPath);
  if (subscript) {
    const map = subscript[1] === 'labels' ? meta.labels : meta.annotations;
    return ok(map?.[subscript[2]] ?? '');
  }
  const formatMap = (m: Readonly<Record<string, string>> | undefined) =>
    Object.keys(m ?? {})
      .sort()
      .map((k) => `${k}=${JSON.stringify(m![k])}`)
      .join('\n');
  switch (fieldPath) {
    case 'metadata.annotations':
      return ok(formatMap(meta.annotations));
    case 'metadata.labels':
      return ok(formatMap(meta.labels));
    case 'metadata.name':
      return ok(meta.name ?? '');
    case 'metadata.namespace':
      return ok(meta.namespace ?? '');
    case 'metadata.uid':
      return ok(meta.uid ?? '');
    default:
      return err(`unsupported fieldPath: ${fieldPath}`);
  }
}

/** RolloutArgument is one Rollout-side analysis argument (`AnalysisRunArgument`). */
export type RolloutArgument = NonNullable<
  NonNullable<NonNullable<NonNullable<Rollout['spec']['strategy']>['canary']>['analysis']>['args']
>[number];

/**
 * buildArgumentsForRolloutAnalysisRun ports BuildArgumentsForRolloutAnalysisRun: every arg gets a
 * concrete value — `value`; `podTemplateHashValue` Stable/Latest → the stable/new ReplicaSet's
 * hash; `fieldRef` starting with `metadata` → downward-API syntax; other field paths → the
 * Rollout's JSON. A `metadata` path error fails at once; other field-path errors are reported after
 * all args were built (the last one wins), as Argo does.
 */
export function buildArgumentsForRolloutAnalysisRun(
  args: readonly RolloutArgument[] | undefined,
  stableRS: ReplicaSet | null | undefined,
  newRS: ReplicaSet | null | undefined,
  rollout: Rollout,
): Result<AnalysisArgument[]> {
  const out: AnalysisArgument[] = [];
  let lastError: string | undefined;
  for (const arg of args ?? []) {
    let value = arg.value ?? '';
    const from = arg.valueFrom;
    if (from?.podTemplateHashValue !== undefined) {
      if (from.podTemplateHashValue === 'Latest') value = getPodTemplateHash(newRS);
      else if (from.podTemplateHashValue === 'Stable') value = getPodTemplateHash(stableRS);
    } else if (from?.fieldRef) {
      const path = from.fieldRef.fieldPath;
      if (path.startsWith('metadata')) {
        const r = extractFieldPathAsString(rollout, path);
        if (r.kind === 'error') return r;
        value = r.value;
      } else {
        const r = extractValueFromRollout(rollout, path);
        if (r.kind === 'error') {
          lastError = r.message;
          value = '';
        } else value = r.value;
      }
    }
    out.push({ name: arg.name, value });
  }
  return lastError ? err(lastError) : ok(out);
}
