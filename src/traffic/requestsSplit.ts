/**
 * Where each rollout's requests go right now, from plain Kubernetes objects and the routers'
 * observed splits: the destinations the request model ticks with. Argo counterpart: none (it is
 * the data plane's behaviour — a Service spreads over ready endpoints, a router over weights).
 * Rule: pure; reads objects only (Rollouts, Pods, ReplicaSets, Services).
 */
import type { ObservedSplit } from './router';
import type { DestinationRole, TrafficDestination } from './requests';
import { basicCanarySplit } from './noRouter';
import type { HeaderShare } from './requestsRoutes';
import { routedShares } from './requestsRoutes';

/** The pod label Argo puts on every pod and selector it manages. */
const HASH_LABEL = 'rollouts-pod-template-hash';

/** SplitFromWorldInput is what {@link splitFromWorld} reads. */
export interface SplitFromWorldInput {
  /** Plain Kubernetes objects of the world (Rollouts, Pods, ReplicaSets, Services, ...). */
  readonly objects: readonly unknown[];
  /**
   * Each router target's observed split, keyed like the data plane: `<RouterType>/<ns>/<rollout>`
   * (`Istio/default/rollouts-demo`). Missing keys mean the router has not acted yet.
   */
  readonly observedSplits?: Readonly<Record<string, ObservedSplit>>;
  /**
   * Which share of every rollout's users sends which headers (scenario `traffic.headers`);
   * default none. Only header and mirror routes in an observed split look at them.
   */
  readonly headerShares?: readonly HeaderShare[];
}

type Rec = Record<string, unknown>;

const rec = (v: unknown): Rec =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Rec) : {};
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const labelsOf = (o: Rec): Record<string, string> =>
  rec(rec(o.metadata).labels) as Record<string, string>;
const nsOf = (o: Rec): string => str(rec(o.metadata).namespace) || 'default';
const nameOf = (o: Rec): string => str(rec(o.metadata).name);

/** ROUTER_TYPES maps trafficRouting keys to router type names, in Argo's reconciler order. */
const ROUTER_TYPES: readonly (readonly [string, string])[] = [
  ['istio', 'Istio'],
  ['nginx', 'Nginx'],
  ['alb', 'ALB'],
  ['smi', 'SMI'],
  ['ambassador', 'Ambassador'],
  ['appMesh', 'AppMesh'],
  ['traefik', 'Traefik'],
  ['apisix', 'Apisix'],
];

function selects(
  selector: Readonly<Record<string, unknown>>,
  labels: Readonly<Record<string, string>>,
): boolean {
  const keys = Object.keys(selector);
  return keys.length > 0 && keys.every((k) => labels[k] === selector[k]);
}

function isReady(pod: Rec): boolean {
  if (rec(pod.metadata).deletionTimestamp !== undefined) return false;
  const conditions = rec(pod.status).conditions;
  return (
    Array.isArray(conditions) &&
    conditions.some((c) => rec(c).type === 'Ready' && rec(c).status === 'True')
  );
}

function firstImage(podSpec: unknown): string {
  const containers = rec(podSpec).containers;
  return Array.isArray(containers) ? str(rec(containers[0]).image) : '';
}

function routerTypesOf(trafficRouting: Rec): string[] {
  const out = ROUTER_TYPES.filter(([key]) => trafficRouting[key] !== undefined).map(([, t]) => t);
  if (rec(trafficRouting.plugins)['argoproj-labs/gatewayAPI'] !== undefined) out.push('GatewayAPI');
  return out;
}

/**
 * splitFromWorld returns, for every Rollout, the destinations of its offered load:
 * - canary with traffic routing: the first router's observed split (canary weight of
 *   maxTrafficWeight to the canary hash via the canary Service, `additional` to their services,
 *   the rest to the stable hash via the stable Service); before any router acted, all to stable;
 * - basic canary: each version's share of ready pods ({@link basicCanarySplit}) through the Service
 *   that selects the rollout's pods without a hash;
 *   Header routes in the observed split take the share of users whose headers match 100 % to the
 *   canary (the weights split the rest); mirror routes copy the matching share (× percentage) to
 *   the canary as `mirrorShare`, shadow traffic on top of the split ({@link routedShares});
 * - blue-green: everything to the hash the active Service selects (the preview gets no load).
 * Every other hash with ready pods is listed with share 0 so its counters keep being scraped.
 * A destination whose hash has no ready pod is `available: false` (its requests get 503).
 */
export function splitFromWorld(input: SplitFromWorldInput): TrafficDestination[] {
  const objects = input.objects.map(rec);
  const observed = input.observedSplits ?? {};
  const headerShares = input.headerShares ?? [];
  const byKind = (kind: string): Rec[] => objects.filter((o) => o.kind === kind);
  const rollouts = byKind('Rollout').sort((a, b) =>
    `${nsOf(a)}/${nameOf(a)}` < `${nsOf(b)}/${nameOf(b)}` ? -1 : 1,
  );
  const pods = byKind('Pod');
  const replicaSets = byKind('ReplicaSet');
  const services = byKind('Service').sort((a, b) => (nameOf(a) < nameOf(b) ? -1 : 1));
  const out: TrafficDestination[] = [];

  for (const ro of rollouts) {
    const namespace = nsOf(ro);
    const name = nameOf(ro);
    const spec = rec(ro.spec);
    const status = rec(ro.status);
    const matchLabels = rec(rec(spec.selector).matchLabels);
    const templateLabels = labelsOf(rec(spec.template));
    const own = (o: Rec): boolean => nsOf(o) === namespace && selects(matchLabels, labelsOf(o));

    const readyByHash: Record<string, number> = {};
    const imageByHash: Record<string, string> = {};
    for (const rs of replicaSets.filter(own)) {
      const hash = labelsOf(rs)[HASH_LABEL];
      if (hash) imageByHash[hash] = firstImage(rec(rec(rs.spec).template).spec);
    }
    for (const pod of pods.filter(own)) {
      const hash = labelsOf(pod)[HASH_LABEL];
      if (!hash || rec(pod.metadata).deletionTimestamp !== undefined) continue;
      readyByHash[hash] = (readyByHash[hash] ?? 0) + (isReady(pod) ? 1 : 0);
      imageByHash[hash] ??= firstImage(pod.spec);
    }

    const currentHash = str(status.currentPodHash);
    const stableHash = str(status.stableRS) || currentHash;
    const canary = spec.strategy !== undefined ? rec(rec(spec.strategy).canary) : {};
    const blueGreen = rec(rec(spec.strategy).blueGreen);
    const isBlueGreen = rec(spec.strategy).blueGreen !== undefined;
    const trafficRouting = rec(canary.trafficRouting);
    const hasRouting =
      !isBlueGreen &&
      rec(spec.strategy).canary !== undefined &&
      canary.trafficRouting !== undefined;
    const routers = hasRouting ? routerTypesOf(trafficRouting) : [];
    const nginx = rec(trafficRouting.nginx);
    const stableIngresses = nginx.additionalStableIngresses;
    const ingress =
      str(nginx.stableIngress) || (Array.isArray(stableIngresses) ? str(stableIngresses[0]) : '');
    const canaryService = str(canary.canaryService);
    const stableService = str(canary.stableService);
    const mainService =
      nameOf(
        services.find((s) => {
          const sel = rec(rec(s.spec).selector);
          return (
            nsOf(s) === namespace && sel[HASH_LABEL] === undefined && selects(sel, templateLabels)
          );
        }) ?? {},
      ) ||
      stableService ||
      name;

    const shares = new Map<string, { share: number; service: string; role: DestinationRole }>();
    const mirrorShares = new Map<string, number>();
    const put = (hash: string, share: number, service: string, role: DestinationRole): void => {
      if (!hash) return;
      const prev = shares.get(hash);
      shares.set(hash, {
        share: (prev?.share ?? 0) + share,
        service: prev && prev.share >= share ? prev.service : service,
        role: prev?.role ?? role,
      });
    };
    const roleOf = (hash: string): DestinationRole =>
      hash === stableHash ? 'stable' : hash === currentHash ? 'canary' : 'other';

    if (isBlueGreen) {
      const activeName = str(blueGreen.activeService);
      const active = services.find((s) => nsOf(s) === namespace && nameOf(s) === activeName);
      const activeHash =
        str(rec(rec(active?.spec).selector)[HASH_LABEL]) ||
        str(rec(status.blueGreen).activeSelector);
      if (activeHash) put(activeHash, 1, activeName || mainService, 'active');
      else
        spreadOverPods(
          readyByHash,
          currentHash,
          stableHash,
          activeName || mainService,
          put,
          roleOf,
        );
      const previewName = str(blueGreen.previewService);
      const previewHash = str(rec(status.blueGreen).previewSelector);
      if (previewHash && previewHash !== activeHash)
        put(previewHash, 0, previewName || mainService, 'preview');
    } else if (hasRouting) {
      const maxWeight =
        typeof trafficRouting.maxTrafficWeight === 'number' ? trafficRouting.maxTrafficWeight : 100;
      const key = routers
        .map((t) => `${t}/${namespace}/${name}`)
        .find((k) => observed[k] !== undefined);
      const split = key !== undefined ? observed[key] : undefined;
      const stable = split?.stableHash || stableHash;
      const canaryH = split?.canaryHash || '';
      const managed = Array.isArray(trafficRouting.managedRoutes)
        ? trafficRouting.managedRoutes.map((r) => str(rec(r).name))
        : [];
      // Header-routed users skip the weights; `weighted` is the share the weights split.
      const routed = routedShares(split, headerShares, managed);
      const weighted = 1 - routed.header;
      const hasCanary = split !== undefined && canaryH !== '' && canaryH !== stable;
      let rest = 1;
      if (hasCanary) {
        const w = Math.min(1, Math.max(0, split.canaryWeight / maxWeight));
        put(canaryH, w * weighted + routed.header, canaryService || mainService, 'canary');
        rest -= w;
      }
      for (const extra of split?.additional ?? []) {
        const w = Math.min(rest, Math.max(0, extra.weight / maxWeight));
        put(extra.podTemplateHash, w * weighted, extra.serviceName || mainService, 'other');
        rest -= w;
      }
      // Without a distinct canary, the canary Service selects the stable pods.
      const stableShare = Math.max(0, rest) * weighted + (hasCanary ? 0 : routed.header);
      put(stable, stableShare, stableService || mainService, 'stable');
      if (routed.mirror > 0) {
        const target = hasCanary ? canaryH : stable;
        put(target, 0, canaryService || mainService, hasCanary ? 'canary' : 'stable');
        if (target) mirrorShares.set(target, routed.mirror);
      }
    } else {
      spreadOverPods(readyByHash, currentHash, stableHash, mainService, put, roleOf);
    }
    for (const hash of Object.keys(readyByHash).sort()) {
      if (!shares.has(hash) && (readyByHash[hash] ?? 0) > 0)
        put(hash, 0, mainService, roleOf(hash));
    }

    for (const hash of [...shares.keys()].sort()) {
      const s = shares.get(hash)!;
      out.push({
        namespace,
        rollout: name,
        service: s.service,
        hash,
        image: imageByHash[hash] ?? '',
        share: s.share,
        role: s.role,
        available: (readyByHash[hash] ?? 0) > 0,
        routers,
        ...(mirrorShares.has(hash) ? { mirrorShare: mirrorShares.get(hash)! } : {}),
        ...(ingress ? { ingress } : {}),
        ...(canaryService ? { canaryService } : {}),
      });
    }
  }
  return out;
}

function spreadOverPods(
  readyByHash: Readonly<Record<string, number>>,
  currentHash: string,
  stableHash: string,
  service: string,
  put: (hash: string, share: number, service: string, role: DestinationRole) => void,
  roleOf: (hash: string) => DestinationRole,
): void {
  const split = basicCanarySplit({
    readyPodsByHash: readyByHash,
    canaryHash: currentHash,
    stableHash,
  });
  const canaryShare = split.canaryWeight / 100;
  const extra = split.additional.reduce((n, d) => n + d.weight / 100, 0);
  const total = Object.values(readyByHash).reduce((n, v) => n + v, 0);
  if (total === 0) {
    // No endpoints at all: the Service still gets the load, and every request fails.
    put(stableHash, 1, service, roleOf(stableHash));
    return;
  }
  if (currentHash !== stableHash) put(currentHash, canaryShare, service, roleOf(currentHash));
  for (const d of split.additional)
    put(d.podTemplateHash, d.weight / 100, service, roleOf(d.podTemplateHash));
  put(stableHash, Math.max(0, 1 - canaryShare - extra), service, roleOf(stableHash));
}
