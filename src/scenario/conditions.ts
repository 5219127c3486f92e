/**
 * Script conditions (`waitFor`, `expect`): observe() reads one rollout's state from Kubernetes-shaped
 * objects only, as `kubectl argo rollouts get` does (pkg/kubectl-argo-rollouts/info, utils/replicaset
 * GetCurrentSetWeight), and evaluateCondition() compares it with a Condition.
 * Rule: pure; the same objects always give the same observation.
 */
import { epochMsFromRfc3339 } from '../sim';
import type { KubeObject } from './worldPort';
import { CONDITION_KEYS } from './types';
import type { AnalysisRunKind, Condition, ConditionKey } from './types';

/** The label holding a pod-template hash on ReplicaSets, pods and service selectors. */
export const POD_TEMPLATE_HASH_LABEL = 'rollouts-pod-template-hash';
/** The ReplicaSet annotation holding its revision number. */
export const REVISION_ANNOTATION = 'rollout.argoproj.io/revision';
/** The ReplicaSet annotation present while a delayed scale-down is pending. */
export const SCALE_DOWN_DEADLINE_ANNOTATION = 'scale-down-deadline';
/** Argo's RolloutTypeLabel: how the rollout created an AnalysisRun. */
export const ROLLOUT_TYPE_LABEL = 'rollout-type';

/** ANALYSIS_RUN_KIND_BY_LABEL maps Argo's `rollout-type` label values to condition kinds. */
export const ANALYSIS_RUN_KIND_BY_LABEL: Readonly<Record<string, AnalysisRunKind>> = {
  Background: 'background',
  Step: 'inline',
  PrePromotion: 'prePromotion',
  PostPromotion: 'postPromotion',
};

/** MetricSummary is one metric of an AnalysisRun as conditions see it. */
export interface MetricSummary {
  readonly name: string;
  /** `status.metricResults[].phase`; `Pending` before the first result. */
  readonly phase: string;
  /** Measurements taken in every phase (successful + failed + inconclusive + error). */
  readonly measurements: number;
}

/** AnalysisRunSummary is one AnalysisRun of the rollout as conditions see it. */
export interface AnalysisRunSummary {
  readonly name: string;
  readonly kind: AnalysisRunKind;
  /** `status.phase`; `Pending` while the run has none yet. */
  readonly phase: string;
  readonly metrics: readonly MetricSummary[];
}

/** RolloutConditionSummary is one entry of the rollout's `status.conditions`. */
export interface RolloutConditionSummary {
  readonly type: string;
  readonly status: string;
  readonly reason: string;
}

/**
 * Observation is everything conditions can test about one rollout at one instant, as plain data.
 * `null` means the data is missing (no such rollout, no status field, no such ReplicaSet …).
 */
export interface Observation {
  readonly rollout: string;
  readonly found: boolean;
  readonly status: string | null;
  readonly message: string | null;
  readonly step: number | null;
  readonly setWeight: number | null;
  readonly actualWeight: number | null;
  readonly canaryPods: number | null;
  readonly stablePods: number | null;
  /** Revision → non-terminating pods of that revision (every revision of the rollout's ReplicaSets). */
  readonly revisionPods: Readonly<Record<string, number>>;
  readonly replicas: number | null;
  readonly availableReplicas: number | null;
  readonly readyReplicas: number | null;
  readonly updatedReplicas: number | null;
  readonly activeRevision: number | null;
  readonly previewRevision: number | null;
  readonly stableRevision: number | null;
  readonly currentRevision: number | null;
  readonly canaryWeight: number | null;
  readonly stableWeight: number | null;
  /** Revision → whether its ReplicaSet carries a scale-down deadline. */
  readonly revisionScaleDownDelay: Readonly<Record<string, boolean>>;
  readonly abort: boolean | null;
  /** The rollout's AnalysisRuns, oldest first (creationTimestamp, then the order of objects()). */
  readonly analysisRuns: readonly AnalysisRunSummary[];
  /** Service name → revision its pod-template-hash selector points at (null: no such selector or ReplicaSet). */
  readonly services: Readonly<Record<string, number | null>>;
  readonly conditions: readonly RolloutConditionSummary[];
  readonly errorRate: number | null;
}

/** ObservationExtras are the observations that do not live in Kubernetes objects. */
export interface ObservationExtras {
  /** errorRate returns the share of failed requests over the last 10s, undefined without traffic. */
  readonly errorRate?: () => number | undefined;
}

/** Mismatch is one condition key that does not hold. */
export interface Mismatch {
  /** The condition key, with the map key for maps: `status`, `revisionPods[2]`, `serviceRevision[svc]`. */
  readonly key: string;
  readonly expected: unknown;
  /** What was observed; null when the data is missing. */
  readonly actual: unknown;
}

/** ConditionResult says whether a condition holds and, if not, which keys failed. */
export interface ConditionResult {
  readonly holds: boolean;
  readonly mismatches: readonly Mismatch[];
}

// ---- defensive accessors: objects come from the world or a user and are untyped JSON ----

type Json = Record<string, unknown>;

function obj(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Json)
    : undefined;
}

/** at walks up to four own keys down plain JSON objects (no rest array: it runs a lot). */
function at(value: unknown, k1: string, k2?: string, k3?: string, k4?: string): unknown {
  let current = own(value, k1);
  if (k2 === undefined || current === undefined) return current;
  current = own(current, k2);
  if (k3 === undefined || current === undefined) return current;
  current = own(current, k3);
  if (k4 === undefined || current === undefined) return current;
  return own(current, k4);
}

/** own returns `o[key]` when `o` is a plain JSON object with that own key (one step of `at`). */
function own(o: unknown, key: string): unknown {
  return typeof o === 'object' &&
    o !== null &&
    !Array.isArray(o) &&
    Object.prototype.hasOwnProperty.call(o, key)
    ? (o as Json)[key]
    : undefined;
}

/** metaField is `at(o, 'metadata', key)` without the rest-argument array (hot in gather). */
function metaField(o: unknown, key: string): unknown {
  return own(own(o, 'metadata'), key);
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function nameOf(o: KubeObject): string {
  return str(metaField(o, 'name')) ?? '';
}

function labelOf(o: KubeObject, key: string): string | undefined {
  return str(own(metaField(o, 'labels'), key));
}

function annotationOf(o: KubeObject, key: string): string | undefined {
  return str(own(metaField(o, 'annotations'), key));
}

/** revisionOf reads the revision annotation as Go's strconv.Atoi would; undefined when unreadable. */
function revisionOf(rs: KubeObject): number | undefined {
  const text = annotationOf(rs, REVISION_ANNOTATION);
  return text !== undefined && /^[+-]?[0-9]+$/.test(text) ? Number(text) : undefined;
}

interface OwnerRef {
  kind?: unknown;
  name?: unknown;
  uid?: unknown;
}

const NO_REFS: readonly OwnerRef[] = Object.freeze([]);

/** ownerRefs returns the object entries of metadata.ownerReferences (read-only: may be the list itself). */
function ownerRefs(o: KubeObject): readonly OwnerRef[] {
  const refs = metaField(o, 'ownerReferences');
  if (!Array.isArray(refs) || refs.length === 0) return NO_REFS;
  // Usually every entry is an object: hand out the list itself rather than a filtered copy.
  for (const r of refs) {
    if (obj(r) === undefined) return refs.filter((x): x is OwnerRef => obj(x) !== undefined);
  }
  return refs as OwnerRef[];
}

/** isOwnedBy matches owner references by uid when both sides have one, else by kind and name. */
function isOwnedBy(o: KubeObject, kind: string, name: string, uid: string | undefined): boolean {
  return ownerRefs(o).some((ref) =>
    uid !== undefined && typeof ref.uid === 'string'
      ? ref.uid === uid
      : ref.kind === kind && ref.name === name,
  );
}

function sameNamespace(o: KubeObject, namespace: string | undefined): boolean {
  const ns = str(metaField(o, 'namespace'));
  return namespace === undefined || ns === undefined || ns === namespace;
}

/** creationOrder sorts oldest first by creationTimestamp; ties keep the order of objects(). */
function creationOrder<T extends KubeObject>(objects: readonly T[]): T[] {
  const keyed = objects.map((o, i) => ({
    o,
    i,
    t: epochMsFromRfc3339(str(at(o, 'metadata', 'creationTimestamp')) ?? '') ?? -Infinity,
  }));
  keyed.sort((a, b) => (a.t === b.t ? a.i - b.i : a.t < b.t ? -1 : 1));
  return keyed.map((k) => k.o);
}

/** The rollout's objects, found by ownership (Argo's owner references) with name fallbacks. */
interface RolloutObjects {
  readonly rollout: KubeObject;
  readonly replicaSets: readonly KubeObject[];
  readonly pods: readonly KubeObject[];
  readonly services: readonly KubeObject[];
  readonly allReplicaSets: readonly KubeObject[];
  readonly analysisRuns: readonly KubeObject[];
}

/**
 * The memo of the last frozen objects list seen: the world hands out the same frozen array until
 * something changes, and both the recorder and the condition checks gather and observe the same
 * rollout from it; compute each once. One slot (the lists come one after another), which keeps
 * only the latest list alive, and no WeakMap insert per state.
 */
let memoObjects: readonly KubeObject[] | undefined;
let memoGather = new Map<KubeObject, RolloutObjects>();
let memoObservations = new Map<string, Observation>();

function useMemoOf(objects: readonly KubeObject[]): void {
  if (objects === memoObjects) return;
  memoObjects = objects;
  memoGather = new Map<KubeObject, RolloutObjects>();
  memoObservations = new Map<string, Observation>();
}

function gather(objects: readonly KubeObject[], rollout: KubeObject): RolloutObjects {
  if (!Object.isFrozen(objects)) return gatherObjects(objects, rollout);
  useMemoOf(objects);
  const byRollout = memoGather;
  let g = byRollout.get(rollout);
  if (!g) byRollout.set(rollout, (g = gatherObjects(objects, rollout)));
  return g;
}

function gatherObjects(objects: readonly KubeObject[], rollout: KubeObject): RolloutObjects {
  const name = nameOf(rollout);
  const uid = str(at(rollout, 'metadata', 'uid'));
  const namespace = str(at(rollout, 'metadata', 'namespace'));
  // One pass sorts the namespace's objects of the kinds we read, each list in objects() order.
  const allReplicaSets: KubeObject[] = [];
  const namespacePods: KubeObject[] = [];
  const namespaceRuns: KubeObject[] = [];
  const services: KubeObject[] = [];
  for (const o of objects) {
    const kind = o.kind;
    if (kind !== 'ReplicaSet' && kind !== 'Pod' && kind !== 'AnalysisRun' && kind !== 'Service')
      continue;
    if (!sameNamespace(o, namespace)) continue;
    if (kind === 'ReplicaSet') allReplicaSets.push(o);
    else if (kind === 'Pod') namespacePods.push(o);
    else if (kind === 'AnalysisRun') namespaceRuns.push(o);
    else services.push(o);
  }
  // Argo names a rollout's ReplicaSet `<rollout>-<hash>`; used only when owner references are absent.
  const replicaSets = allReplicaSets.filter((rs) =>
    ownerRefs(rs).length > 0
      ? isOwnedBy(rs, 'Rollout', name, uid)
      : rs.metadata?.name === `${name}-${labelOf(rs, POD_TEMPLATE_HASH_LABEL) ?? ''}`,
  );
  const analysisRuns = creationOrder(
    namespaceRuns.filter((o) =>
      ownerRefs(o).length > 0
        ? isOwnedBy(o, 'Rollout', name, uid)
        : nameOf(o).startsWith(`${name}-`),
    ),
  );
  return new GatheredObjects(
    rollout,
    replicaSets,
    services,
    allReplicaSets,
    analysisRuns,
    namespacePods,
    name,
  );
}

/**
 * GatheredObjects is what gatherObjects found. The rollout's pods are filtered on first read:
 * most observations (phase, step, weights, revisions) never look at pods, and a namespace may hold
 * thousands. A class rather than a literal with a getter, which V8 builds as a slow
 * dictionary-mode object.
 */
class GatheredObjects implements RolloutObjects {
  #pods: KubeObject[] | undefined;

  constructor(
    readonly rollout: KubeObject,
    readonly replicaSets: readonly KubeObject[],
    readonly services: readonly KubeObject[],
    readonly allReplicaSets: readonly KubeObject[],
    readonly analysisRuns: readonly KubeObject[],
    private readonly namespacePods: readonly KubeObject[],
    private readonly rolloutName: string,
  ) {}

  get pods(): readonly KubeObject[] {
    return (this.#pods ??= podsOfRollout(this.replicaSets, this.namespacePods, this.rolloutName));
  }
}

/** podsOfRollout: the pods owned by the rollout's ReplicaSets (by Argo naming without owners). */
function podsOfRollout(
  replicaSets: readonly KubeObject[],
  namespacePods: readonly KubeObject[],
  name: string,
): KubeObject[] {
  const rsNames = new Set(replicaSets.map(nameOf));
  const rsHashes = new Set(replicaSets.map((rs) => labelOf(rs, POD_TEMPLATE_HASH_LABEL)));
  return namespacePods.filter((o) => {
    const refs = ownerRefs(o);
    if (refs.length > 0)
      return refs.some((r) => r.kind === 'ReplicaSet' && rsNames.has(String(r.name)));
    const hash = labelOf(o, POD_TEMPLATE_HASH_LABEL);
    return hash !== undefined && rsHashes.has(hash) && nameOf(o).startsWith(`${name}-${hash}-`);
  });
}

function isTerminating(pod: KubeObject): boolean {
  return metaField(pod, 'deletionTimestamp') !== undefined;
}

/** podsWithHash is the number of non-terminating pods whose hash label is `hash` (counted by the caller). */
function podsWithHash(
  liveByHash: ReadonlyMap<string, number>,
  hash: string | undefined,
): number | null {
  if (hash === undefined || hash === '') return null;
  return liveByHash.get(hash) ?? 0;
}

function revisionOfHash(
  replicaSets: readonly KubeObject[],
  hash: string | undefined,
): number | null {
  if (hash === undefined || hash === '') return null;
  const rs = replicaSets.find((r) => labelOf(r, POD_TEMPLATE_HASH_LABEL) === hash);
  return (rs && revisionOf(rs)) ?? null;
}

function serviceHash(services: readonly KubeObject[], name: unknown): string | undefined {
  if (typeof name !== 'string' || name === '') return undefined;
  const svc = services.find((s) => nameOf(s) === name);
  return svc ? str(at(svc, 'spec', 'selector', POD_TEMPLATE_HASH_LABEL)) : undefined;
}

/** maxTrafficWeight is Argo's weightutil.MaxTrafficWeight: trafficRouting.maxTrafficWeight or 100. */
function maxTrafficWeight(rollout: KubeObject): number {
  const tr = at(rollout, 'spec', 'strategy', 'canary', 'trafficRouting');
  return (tr !== undefined && num(at(tr, 'maxTrafficWeight'))) || 100;
}

/**
 * currentCanaryStep ports GetCurrentCanaryStep: no steps ⇒ none; index = currentStepIndex ?? 0;
 * index ≥ len(steps) ⇒ none (all steps done).
 */
function currentCanaryStep(rollout: KubeObject): { index: number; steps: unknown[] } | undefined {
  const steps = list(at(rollout, 'spec', 'strategy', 'canary', 'steps'));
  if (steps.length === 0) return undefined;
  const index = num(at(rollout, 'status', 'currentStepIndex')) ?? 0;
  return index < steps.length ? { index, steps } : undefined;
}

/**
 * setWeightOf ports GetCurrentSetWeight: 0 when aborted; MAXW without a current step; otherwise
 * the nearest setWeight at or before the current step, 0 when there is none.
 */
function setWeightOf(rollout: KubeObject): number {
  if (at(rollout, 'status', 'abort') === true) return 0;
  const current = currentCanaryStep(rollout);
  if (!current) return maxTrafficWeight(rollout);
  for (let i = current.index; i >= 0; i--) {
    const w = num(at(current.steps[i], 'setWeight'));
    if (w !== undefined) return w;
  }
  return 0;
}

/**
 * actualWeightOf ports the plugin's ActualWeight (info/rollout_info.go): MAXW without a current
 * step; 0 while status.availableReplicas is 0; basic canary ⇒ floor(canaryRS.available·100 /
 * status.availableReplicas) (0 when there is no canary RS); traffic-routed ⇒
 * status.canary.weights.canary.weight, or SetWeight when weights are not set.
 */
function actualWeightOf(
  rollout: KubeObject,
  replicaSets: readonly KubeObject[],
  setWeight: number,
): number {
  if (!currentCanaryStep(rollout)) return maxTrafficWeight(rollout);
  const available = num(at(rollout, 'status', 'availableReplicas')) ?? 0;
  if (available <= 0) return 0;
  if (at(rollout, 'spec', 'strategy', 'canary', 'trafficRouting') === undefined) {
    const current = str(at(rollout, 'status', 'currentPodHash'));
    const stable = str(at(rollout, 'status', 'stableRS'));
    let weight = 0;
    for (const rs of replicaSets) {
      const hash = labelOf(rs, POD_TEMPLATE_HASH_LABEL);
      if (hash !== undefined && hash === current && hash !== stable) {
        weight = Math.floor(((num(at(rs, 'status', 'availableReplicas')) ?? 0) * 100) / available);
      }
    }
    return weight;
  }
  const weights = at(rollout, 'status', 'canary', 'weights');
  return weights !== undefined ? (num(at(weights, 'canary', 'weight')) ?? 0) : setWeight;
}

function summariseRun(run: KubeObject, kind: AnalysisRunKind): AnalysisRunSummary {
  const results = list(at(run, 'status', 'metricResults'));
  const metrics: MetricSummary[] = results.map((r) => {
    const counters = ['successful', 'failed', 'inconclusive', 'error'].map((k) => num(at(r, k)));
    // Argo's `count` skips Error measurements, so sum the four per-phase counters when present.
    const measurements = counters.some((c) => c !== undefined)
      ? counters.reduce<number>((sum, c) => sum + (c ?? 0), 0)
      : (num(at(r, 'count')) ?? list(at(r, 'measurements')).length);
    return {
      name: str(at(r, 'name')) ?? '',
      phase: str(at(r, 'phase')) || 'Pending',
      measurements,
    };
  });
  for (const m of list(at(run, 'spec', 'metrics'))) {
    const name = str(at(m, 'name'));
    if (name !== undefined && !metrics.some((x) => x.name === name)) {
      metrics.push({ name, phase: 'Pending', measurements: 0 });
    }
  }
  return { name: nameOf(run), kind, phase: str(at(run, 'status', 'phase')) || 'Pending', metrics };
}

function emptyObservation(rollout: string, errorRate: number | null): Observation {
  return {
    rollout,
    found: false,
    status: null,
    message: null,
    step: null,
    setWeight: null,
    actualWeight: null,
    canaryPods: null,
    stablePods: null,
    revisionPods: {},
    replicas: null,
    availableReplicas: null,
    readyReplicas: null,
    updatedReplicas: null,
    activeRevision: null,
    previewRevision: null,
    stableRevision: null,
    currentRevision: null,
    canaryWeight: null,
    stableWeight: null,
    revisionScaleDownDelay: {},
    abort: null,
    analysisRuns: [],
    services: {},
    conditions: [],
    errorRate,
  };
}

/**
 * observe reads everything a condition can test about the Rollout named `rolloutName` from
 * Kubernetes-shaped objects (Rollout, ReplicaSets, Pods, Services, AnalysisRuns) plus `extras`.
 * A missing rollout gives an observation with `found: false` and every field null or empty.
 */
export function observe(
  objects: readonly KubeObject[],
  rolloutName: string,
  extras: ObservationExtras = {},
): Observation {
  const rate = extras.errorRate?.();
  const errorRate = typeof rate === 'number' && Number.isFinite(rate) ? rate : null;
  // The world hands out the same frozen array until something changes, so the object-derived
  // part of an observation is computed once per state, however often conditions are checked.
  // A list that is not frozen may be edited in place between calls: it is read afresh each time.
  if (!Object.isFrozen(objects)) {
    const fresh = observeObjects(objects, rolloutName);
    return fresh.errorRate === errorRate ? fresh : { ...fresh, errorRate };
  }
  useMemoOf(objects);
  const byName = memoObservations;
  let base = byName.get(rolloutName);
  if (!base) byName.set(rolloutName, (base = observeObjects(objects, rolloutName)));
  return base.errorRate === errorRate ? base : { ...base, errorRate };
}

/** PodFacts are an observation's pod counts, computed on first read (see observeObjects). */
interface PodFacts {
  canaryPods: number | null;
  stablePods: number | null;
  revisionPods: Record<string, number>;
}

/** podFactsOf counts the rollout's live pods by hash and by revision, in one pass over the pods. */
function podFactsOf(
  g: RolloutObjects,
  currentHash: string | undefined,
  stableHash: string | undefined,
): PodFacts {
  const livePods = g.pods.filter((p) => !isTerminating(p));
  const revisionPods: Record<string, number> = {};
  // One pass over the pods: live pods per owning ReplicaSet name (each pod counted once per
  // name), and, for pods without owner references, per hash label.
  const byOwnerName = new Map<string, number>();
  const byHash = new Map<string, number>();
  const liveByHash = new Map<string, number>();
  for (const p of livePods) {
    const label = labelOf(p, POD_TEMPLATE_HASH_LABEL);
    if (label !== undefined) liveByHash.set(label, (liveByHash.get(label) ?? 0) + 1);
    const refs = ownerRefs(p);
    if (refs.length > 0) {
      let seen: string | Set<string> | undefined;
      for (const r of refs) {
        if (r.kind !== 'ReplicaSet' || typeof r.name !== 'string') continue;
        if (seen === r.name || (typeof seen === 'object' && seen.has(r.name))) continue;
        if (seen === undefined) seen = r.name;
        else (seen = typeof seen === 'string' ? new Set([seen]) : seen).add(r.name);
        byOwnerName.set(r.name, (byOwnerName.get(r.name) ?? 0) + 1);
      }
    } else if (label !== undefined) {
      byHash.set(label, (byHash.get(label) ?? 0) + 1);
    }
  }
  for (const rs of g.replicaSets) {
    const rev = revisionOf(rs);
    if (rev === undefined) continue;
    const hash = labelOf(rs, POD_TEMPLATE_HASH_LABEL);
    const key = String(rev);
    const count =
      (byOwnerName.get(nameOf(rs)) ?? 0) + (hash === undefined ? 0 : (byHash.get(hash) ?? 0));
    revisionPods[key] = (revisionPods[key] ?? 0) + count;
  }
  return {
    canaryPods: podsWithHash(liveByHash, currentHash),
    stablePods: podsWithHash(liveByHash, stableHash),
    revisionPods,
  };
}

/** LazyPodFacts computes an observation's pod facts once, when a getter first asks. */
class LazyPodFacts {
  #facts: PodFacts | undefined;

  constructor(
    private readonly g: RolloutObjects,
    private readonly currentHash: string | undefined,
    private readonly stableHash: string | undefined,
  ) {}

  get(): PodFacts {
    return (this.#facts ??= podFactsOf(this.g, this.currentHash, this.stableHash));
  }
}

function observeObjects(objects: readonly KubeObject[], rolloutName: string): Observation {
  const errorRate = null;
  const rollout = objects.find((o) => o.kind === 'Rollout' && nameOf(o) === rolloutName);
  if (!rollout) return emptyObservation(rolloutName, errorRate);
  const g = gather(objects, rollout);
  // omitempty: an absent counter means 0.
  const st = at(rollout, 'status');
  const currentHash = str(at(st, 'currentPodHash'));
  const stableHash = str(at(st, 'stableRS'));
  const isCanary = at(rollout, 'spec', 'strategy', 'canary') !== undefined;
  const setWeight = isCanary ? setWeightOf(rollout) : null;
  // Pod counts are computed on first read (see gatherObjects): conditions and records that never
  // ask for them never walk the pods.
  const scaleDown: Record<string, boolean> = {};
  for (const rs of g.replicaSets) {
    const rev = revisionOf(rs);
    if (rev === undefined) continue;
    const key = String(rev);
    scaleDown[key] =
      (scaleDown[key] ?? false) || annotationOf(rs, SCALE_DOWN_DEADLINE_ANNOTATION) !== undefined;
  }
  const podFacts = new LazyPodFacts(g, currentHash, stableHash);

  const services: Record<string, number | null> = {};
  for (const svc of g.services) {
    const hash = str(at(svc, 'spec', 'selector', POD_TEMPLATE_HASH_LABEL));
    services[nameOf(svc)] =
      revisionOfHash(g.replicaSets, hash) ?? revisionOfHash(g.allReplicaSets, hash);
  }

  const analysisRuns: AnalysisRunSummary[] = [];
  for (const run of g.analysisRuns) {
    const kind = ANALYSIS_RUN_KIND_BY_LABEL[labelOf(run, ROLLOUT_TYPE_LABEL) ?? ''];
    if (kind) analysisRuns.push(summariseRun(run, kind));
  }

  const weights = at(rollout, 'status', 'canary', 'weights');
  const bg = at(rollout, 'spec', 'strategy', 'blueGreen');
  const stepIndex = num(at(st, 'currentStepIndex'));
  return {
    rollout: rolloutName,
    found: true,
    status: str(at(st, 'phase')) ?? null,
    message: str(at(st, 'message')) ?? '',
    step: stepIndex ?? null,
    setWeight,
    actualWeight:
      isCanary && setWeight !== null ? actualWeightOf(rollout, g.replicaSets, setWeight) : null,
    get canaryPods() {
      return podFacts.get().canaryPods;
    },
    get stablePods() {
      return podFacts.get().stablePods;
    },
    get revisionPods() {
      return podFacts.get().revisionPods;
    },
    replicas: num(at(st, 'replicas')) ?? 0,
    availableReplicas: num(at(st, 'availableReplicas')) ?? 0,
    readyReplicas: num(at(st, 'readyReplicas')) ?? 0,
    updatedReplicas: num(at(st, 'updatedReplicas')) ?? 0,
    activeRevision:
      bg === undefined
        ? null
        : revisionOfHash(g.replicaSets, serviceHash(g.services, at(bg, 'activeService'))),
    previewRevision:
      bg === undefined
        ? null
        : revisionOfHash(g.replicaSets, serviceHash(g.services, at(bg, 'previewService'))),
    stableRevision: revisionOfHash(g.replicaSets, stableHash),
    currentRevision: revisionOfHash(g.replicaSets, currentHash),
    canaryWeight: weights === undefined ? null : (num(at(weights, 'canary', 'weight')) ?? 0),
    stableWeight: weights === undefined ? null : (num(at(weights, 'stable', 'weight')) ?? 0),
    revisionScaleDownDelay: scaleDown,
    abort: at(st, 'abort') === true,
    analysisRuns,
    services,
    conditions: list(at(st, 'conditions')).map((c) => ({
      type: str(at(c, 'type')) ?? '',
      status: str(at(c, 'status')) ?? '',
      reason: str(at(c, 'reason')) ?? '',
    })),
    errorRate,
  };
}

/** Keys whose value is a plain number, boolean or string compared with ===. */
const SCALAR_KEYS: readonly ConditionKey[] = [
  'status',
  'step',
  'setWeight',
  'actualWeight',
  'canaryPods',
  'stablePods',
  'replicas',
  'availableReplicas',
  'readyReplicas',
  'updatedReplicas',
  'activeRevision',
  'previewRevision',
  'stableRevision',
  'currentRevision',
  'canaryWeight',
  'stableWeight',
  'abort',
];

function latestRun(
  obs: Observation,
  kind: AnalysisRunKind | undefined,
  metric?: string,
): { run: AnalysisRunSummary | undefined; count: number } {
  const runs = obs.analysisRuns.filter(
    (r) =>
      (kind === undefined || r.kind === kind) &&
      (metric === undefined || r.metrics.some((m) => m.name === metric)),
  );
  return { run: runs[runs.length - 1], count: runs.length };
}

function checkKey(key: ConditionKey, cond: Condition, obs: Observation, out: Mismatch[]): void {
  if ((SCALAR_KEYS as readonly string[]).includes(key)) {
    const expected = cond[key];
    const actual = obs[key as keyof Observation] as unknown;
    if (actual === null || actual !== expected) out.push({ key, expected, actual });
    return;
  }
  switch (key) {
    case 'message': {
      const expected = cond.message ?? '';
      if (obs.message === null || !obs.message.includes(expected)) {
        out.push({ key, expected, actual: obs.message });
      }
      return;
    }
    case 'revisionPods':
      for (const [rev, expected] of Object.entries(cond.revisionPods ?? {})) {
        // Counting pods is well defined for any revision of an existing rollout: none is 0.
        const actual = obs.found ? (obs.revisionPods[rev] ?? 0) : null;
        if (actual !== expected) out.push({ key: `revisionPods[${rev}]`, expected, actual });
      }
      return;
    case 'revisionScaleDownDelay':
      for (const [rev, expected] of Object.entries(cond.revisionScaleDownDelay ?? {})) {
        const actual = obs.revisionScaleDownDelay[rev] ?? null;
        if (actual !== expected)
          out.push({ key: `revisionScaleDownDelay[${rev}]`, expected, actual });
      }
      return;
    case 'serviceRevision':
      for (const [svc, expected] of Object.entries(cond.serviceRevision ?? {})) {
        const actual = obs.services[svc] ?? null;
        if (actual !== expected) out.push({ key: `serviceRevision[${svc}]`, expected, actual });
      }
      return;
    case 'analysisRun': {
      const expected = cond.analysisRun;
      if (!expected) return;
      const { run, count } = latestRun(obs, expected.kind);
      const onlyCount = expected.phase === undefined && expected.count !== undefined;
      const holds =
        (run !== undefined || (onlyCount && obs.found)) &&
        (expected.phase === undefined || run?.phase === expected.phase) &&
        (expected.count === undefined || count === expected.count);
      if (!holds) {
        const actual = run
          ? { kind: expected.kind, name: run.name, phase: run.phase, count }
          : onlyCount && obs.found
            ? { kind: expected.kind, count }
            : null;
        out.push({ key, expected, actual });
      }
      return;
    }
    case 'metric': {
      const expected = cond.metric;
      if (!expected) return;
      const { run } = latestRun(obs, expected.kind, expected.name);
      const m = run?.metrics.find((x) => x.name === expected.name);
      const holds =
        m !== undefined &&
        (expected.phase === undefined || m.phase === expected.phase) &&
        (expected.measurements === undefined || m.measurements === expected.measurements);
      if (!holds) {
        const actual =
          run && m
            ? {
                name: m.name,
                kind: run.kind,
                run: run.name,
                phase: m.phase,
                measurements: m.measurements,
              }
            : null;
        out.push({ key, expected, actual });
      }
      return;
    }
    case 'rolloutCondition': {
      const expected = cond.rolloutCondition;
      if (!expected) return;
      const c = obs.conditions.find((x) => x.type === expected.type);
      const holds =
        c !== undefined &&
        (expected.status === undefined || c.status === expected.status) &&
        (expected.reason === undefined || c.reason === expected.reason);
      if (!holds) out.push({ key, expected, actual: c ? { ...c } : null });
      return;
    }
    case 'errorRate': {
      const expected = cond.errorRate;
      if (!expected) return;
      const actual = obs.errorRate;
      const holds =
        actual !== null &&
        (expected.kind === 'equals'
          ? actual === expected.value
          : (expected.below === undefined || actual < expected.below) &&
            (expected.above === undefined || actual > expected.above));
      if (!holds) {
        const shown =
          expected.kind === 'equals'
            ? expected.value
            : {
                ...(expected.below !== undefined ? { below: expected.below } : {}),
                ...(expected.above !== undefined ? { above: expected.above } : {}),
              };
        out.push({ key, expected: shown, actual });
      }
      return;
    }
    default:
      return;
  }
}

/**
 * evaluateCondition checks every key given in `cond` against `obs` (in the contract's table
 * order). Numbers compare exactly; `message` holds when the rollout message contains the text;
 * `errorRate` bounds are exclusive. A key whose data is missing never holds and reports actual null.
 */
export function evaluateCondition(cond: Condition, obs: Observation): ConditionResult {
  const mismatches: Mismatch[] = [];
  for (const key of CONDITION_KEYS) {
    if (cond[key] !== undefined) checkKey(key, cond, obs, mismatches);
  }
  return { holds: mismatches.length === 0, mismatches };
}

/**
 * rolloutReplicaSets returns the ReplicaSets that belong to the Rollout named `rolloutName` (owner
 * references, or Argo's `<rollout>-<hash>` name when a ReplicaSet has none); [] without the rollout.
 */
export function rolloutReplicaSets(
  objects: readonly KubeObject[],
  rolloutName: string,
): readonly KubeObject[] {
  const rollout = objects.find((o) => o.kind === 'Rollout' && nameOf(o) === rolloutName);
  return rollout ? gather(objects, rollout).replicaSets : [];
}
