/**
 * createWorld: the composition root. One virtual clock and seeded RNG drive a fake cluster, the
 * traffic routers and one rolloutMachine actor per Rollout; a workqueue turns watch events into
 * reconciles at the same virtual instant, as Argo's informers and workqueue do.
 * Rule: the only place concrete fakes meet the controller's ports (architecture.md section 2).
 */
import { createActor, type Actor } from 'xstate';
import {
  cloneJson,
  createFakeCluster,
  deepFreeze,
  type FakeCluster,
  type ImageBehaviour,
  type KubeObject as ClusterObject,
} from '../cluster';
import {
  applyUserAction,
  analysisRunSystemId,
  createAnalysisRunLogic,
  createExperimentLogic,
  experimentSystemId,
  reconcileExperimentByName,
  rolloutLogic,
  reconcileAnalysisRun,
  reconcileRollout,
  type ScriptedOutcome,
  type ControllerClient,
  type ControllerPorts,
  type KubeObject as ControllerObject,
  type RolloutEmitted,
  type RolloutMachinePorts,
  type UserAction,
} from '../controller';
import {
  DEFAULT_MEASUREMENT_HISTORY_LIMIT,
  getMeasurementRetentionMetrics,
  isCompletedPhase,
  METRIC_TERMINATED_MESSAGE,
  timestampFromEpochMs,
} from '../kernels';
import { loadManifests, validateObjects, type AnalysisRun, type Pod } from '../model';
import { jobAttempts, jobLimits, providerFor, type JobOutcome, type SignalView } from '../metrics';
import {
  DEFAULT_EPOCH_MS,
  createRng,
  createVirtualClock,
  fnv32a,
  podTemplateHash,
  safeEncodeString,
  stableStringify,
  type VirtualClock,
} from '../sim';
import {
  createDataPlane,
  createRoutersFor,
  createTrafficModel,
  signalsFromTraffic,
  splitFromWorld,
  type HeaderShare,
  type ObservedSplit,
  type SampledRequest,
} from '../traffic';
import { jobPodStatus } from './jobPods';
import type { KubeObject, RolloutAction, WorldPort } from './worldPort';
import type { MetricOutcome, VersionBehaviour } from './types';

export interface WorldOptions {
  readonly seed: number;
  readonly namespace?: string;
  readonly manifests: readonly KubeObject[];
  readonly versions?: Readonly<Record<string, Partial<VersionBehaviour>>>;
  readonly cluster?: {
    podStartupMs?: number;
    podStartupJitterMs?: number;
    podTerminationMs?: number;
  };
  /** Virtual time 0 as Unix ms (timestamps in objects); default 2026-01-01T00:00:00Z. */
  readonly epochMs?: number;
  /** Offered load per rollout (scenario `traffic.requestsPerSecond`, default 50). */
  readonly requestsPerSecond?: number;
  /** Which share of users sends which headers (scenario `traffic.headers`, default none). */
  readonly headerShares?: readonly HeaderShare[];
  /**
   * Simulate request traffic (one tick per virtual second). Needed by analysis metrics, the
   * `errorRate` condition and the sandbox's request animation; off, a run has fewer events.
   */
  readonly traffic?: boolean;
  /** Scripted metric outcomes by metric name (scenario `analysis:`). */
  readonly analysis?: Readonly<Record<string, MetricOutcome>>;
  /**
   * Answers Web-metric GETs to URLs outside the simulated world. Off by default (core code never
   * touches the network); the Node CLI injects a real client when the user opts in (--allow-http).
   */
  readonly externalHttpGet?: (
    url: string,
    headers: Readonly<Record<string, string>>,
  ) => { status: number; body: string } | undefined;
}

/** A domain event with the virtual time it happened at. */
export interface WorldEvent {
  readonly t: number;
  readonly rollout: string;
  readonly event: RolloutEmitted;
}

export interface World extends WorldPort {
  readonly clock: VirtualClock;
  readonly cluster: FakeCluster;
  readonly namespace: string;
  /** The rollout actors by name (their snapshots carry phase tags and `can(...)`). */
  readonly actors: ReadonlyMap<string, Actor<typeof rolloutLogic>>;
  /** Every emitted domain event so far, in order. */
  events(): readonly WorldEvent[];
  /** The names of the Rollouts in the world, sorted. */
  rolloutNames(): string[];
  /** Requests sampled over the last `windowMs` (for the sandbox's animation); empty without traffic. */
  recentRequests(windowMs: number): readonly SampledRequest[];
  /** The telemetry providers read (series, in-cluster HTTP, Job outcomes). */
  readonly signals: SignalView;
  dispose(): void;
}

function behaviourFor(v: Partial<VersionBehaviour>): ImageBehaviour {
  const b: ImageBehaviour = {};
  if (v.errorRate !== undefined) b.errorRate = v.errorRate;
  if (v.latencyMs !== undefined) b.latencyMs = v.latencyMs;
  if (v.startupMs !== undefined) b.startupMs = v.startupMs;
  if (v.crashLoop !== undefined) b.crashLoop = v.crashLoop;
  if (v.neverReady !== undefined) b.neverReady = v.neverReady;
  if (v.imagePullError !== undefined) b.imagePullError = v.imagePullError;
  if (v.exitCode !== undefined) b.exitCode = v.exitCode;
  if (v.runForMs !== undefined) b.runForMs = v.runForMs;
  return b;
}

/**
 * sameJson reports whether two values write the same canonical JSON (stableStringify), checking
 * structure instead of building strings: plain objects (any key order, undefined = absent),
 * arrays and primitives. Anything else (class instances, toJSON) answers false, which only
 * means "not known equal".
 */
function sameJson(a: unknown, b: unknown): boolean {
  if (typeof a === 'function' || typeof b === 'function') return false;
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const pa: unknown = Object.getPrototypeOf(a);
  const pb: unknown = Object.getPrototypeOf(b);
  if ((pa !== Object.prototype && pa !== null) || (pb !== Object.prototype && pb !== null))
    return false;
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  let count = 0;
  for (const k of Object.keys(ao)) {
    const v = ao[k];
    if (v === undefined) continue;
    count++;
    if (!Object.prototype.hasOwnProperty.call(bo, k) || !sameJson(v, bo[k])) return false;
  }
  for (const k of Object.keys(bo)) if (bo[k] !== undefined) count--;
  return count === 0;
}

/** How many distinct values per variant {@link memoHash} remembers by content. */
const CONTENT_MEMO_SIZE = 8;

interface HashMemo {
  /** Frozen keys (stored objects, replaced on change) by identity. */
  readonly byIdentity: WeakMap<object, Map<number, string>>;
  /** Recently hashed values by content, per variant: the controller hashes copies it was given. */
  readonly byContent: Map<number, { value: unknown; hash: string }[]>;
}

function createHashMemo(): HashMemo {
  return { byIdentity: new WeakMap(), byContent: new Map() };
}

// Shared by every world in the process: the hashes are pure functions of content, and a new
// world (the sandbox's next run, a --repeat seed) hashes the same templates again.
const templateHashes = createHashMemo();
const stepHashes = createHashMemo();

/**
 * memoHash returns `compute()` for `key`, remembered by identity for frozen keys and by content
 * (a deep, frozen copy compared with {@link sameJson}) otherwise. The hashes are pure functions
 * of the key's canonical JSON, so a remembered one is the one `compute()` would give.
 */
function memoHash(memo: HashMemo, key: unknown, variant: number, compute: () => string): string {
  if (typeof key !== 'object' || key === null) return compute();
  let byVariant: Map<number, string> | undefined;
  if (Object.isFrozen(key)) {
    byVariant = memo.byIdentity.get(key);
    if (!byVariant) memo.byIdentity.set(key, (byVariant = new Map<number, string>()));
    const known = byVariant.get(variant);
    if (known !== undefined) return known;
  }
  // A frozen key seen for the first time (another world's equal template) is looked up by
  // content too, then remembered by identity.
  let recent = memo.byContent.get(variant);
  if (!recent) memo.byContent.set(variant, (recent = []));
  let hash: string | undefined;
  for (let i = 0; i < recent.length; i++) {
    const entry = recent[i];
    if (sameJson(entry.value, key)) {
      if (i > 0) recent.unshift(...recent.splice(i, 1));
      hash = entry.hash;
      break;
    }
  }
  if (hash === undefined) {
    hash = compute();
    recent.unshift({ value: deepFreeze(cloneJson(key)), hash });
    if (recent.length > CONTENT_MEMO_SIZE) recent.pop();
  }
  byVariant?.set(variant, hash);
  return hash;
}

function toUserAction(action: RolloutAction, nowMs: number): UserAction {
  switch (action.kind) {
    case 'restart':
      return { kind: 'restart', atMs: nowMs };
    case 'updateSpec':
      return action.patch !== undefined
        ? { kind: 'updateSpec', patch: action.patch }
        : { kind: 'updateSpec' };
    default:
      return action;
  }
}

/**
 * Argo validation of a Rollout, memoised: the controller validates on every reconcile, while the
 * spec changes rarely. Stored objects are frozen, so the spec object itself is a cheap first key;
 * the canonical JSON is the second (shared by every world in the process: validation is pure).
 */
const validationMemo = new Map<string, string | undefined>();
// A spec met for the first time (a new object: another world's, or a copy) is looked up among
// recent specs (deep, frozen copies) with their memo key, so an equal spec (equal canonical JSON)
// finds the key without writing the canonical JSON again. Shared by every world, like the memo.
const recentKeys: { name: unknown; spec: unknown; key: string }[] = [];
function createRolloutValidator(): (rollout: ControllerObject) => string | undefined {
  const bySpec = new WeakMap<object, string | undefined>();
  return (rollout) => {
    const spec = rollout.spec as object | undefined;
    if (spec && bySpec.has(spec)) return bySpec.get(spec);
    const name: unknown = rollout.metadata.name;
    let key = recentKeys.find((r) => r.name === name && sameJson(r.spec, rollout.spec))?.key;
    if (key === undefined) {
      key = stableStringify({ metadata: { name: rollout.metadata.name }, spec: rollout.spec });
      recentKeys.unshift({ name, spec: deepFreeze(cloneJson(rollout.spec)), key });
      if (recentKeys.length > CONTENT_MEMO_SIZE) recentKeys.pop();
    }
    if (validationMemo.has(key)) {
      const known = validationMemo.get(key);
      if (spec) bySpec.set(spec, known);
      return known;
    }
    const text = JSON.stringify({
      apiVersion: rollout.apiVersion,
      kind: rollout.kind,
      metadata: { name: rollout.metadata.name },
      spec: rollout.spec,
    });
    const loaded = loadManifests(text, 'rollout');
    const issues = validateObjects(loaded.objects).filter(
      (i) => i.severity === 'error' && i.path.startsWith('spec'),
    );
    const first = issues[0];
    const result = first ? `${first.path}: ${first.message}` : undefined;
    if (validationMemo.size > 1000) validationMemo.clear();
    validationMemo.set(key, result);
    if (spec) bySpec.set(spec, result);
    return result;
  };
}

/** createWorld builds a running world from a scenario's manifests and settings. */
export function createWorld(options: WorldOptions): World {
  const namespace = options.namespace ?? 'default';
  const epochMs = options.epochMs ?? DEFAULT_EPOCH_MS;
  const clock = createVirtualClock(0);
  const rng = createRng(options.seed);
  const behaviour: Record<string, ImageBehaviour> = {};
  for (const [image, v] of Object.entries(options.versions ?? {}))
    behaviour[image] = behaviourFor(v);
  const cluster = createFakeCluster({
    clock,
    rng,
    behaviour,
    config: {
      epochMs,
      ...(options.cluster?.podStartupMs !== undefined
        ? { podStartupMs: options.cluster.podStartupMs }
        : {}),
      ...(options.cluster?.podStartupJitterMs !== undefined
        ? { podStartupJitterMs: options.cluster.podStartupJitterMs }
        : {}),
      ...(options.cluster?.podTerminationMs !== undefined
        ? { podTerminationMs: options.cluster.podTerminationMs }
        : {}),
    },
  });

  // The controller gets the stored, frozen objects (no copies): it never edits what it reads, and
  // an edit would throw (strict mode), so the tests catch one at once.
  const client: ControllerClient = {
    get: (kind, ns, name) => cluster.store.peek(kind, ns, name) as ControllerObject | undefined,
    list: (kind, ns) =>
      cluster.store.peekList(kind, { namespace: ns }) as unknown as ControllerObject[],
    create: (obj) => cluster.store.createShared(obj),
    update: (obj) => cluster.store.updateShared(obj),
    patch: (kind, ns, name, patch, subresource) =>
      cluster.store.patchShared(
        kind,
        ns,
        name,
        patch,
        subresource ? { subresource } : undefined,
      ) as unknown as ControllerObject,
    delete: (kind, ns, name) => void cluster.client.delete(kind, ns, name),
  };

  // The routers of a rollout, built once per rollout name and trafficRouting spec.
  const routerCache = new Map<string, ReturnType<typeof createRoutersFor>>();
  // One data plane per world: what routers wrote reaches the simulated proxies after their delay.
  const dataPlane = createDataPlane({ clock });
  const ports: ControllerPorts = {
    client,
    nowMs: () => epochMs + clock.now(),
    hashPodTemplate: (template, collisionCount) =>
      memoHash(templateHashes, template, collisionCount ?? 0, () =>
        podTemplateHash(template, collisionCount),
      ),
    hashSteps: (steps) =>
      memoHash(stepHashes, steps, 0, () =>
        safeEncodeString(String(fnv32a(stableStringify(steps ?? [])))),
      ),
    validateRollout: createRolloutValidator(),
    routersFor: (rollout) => {
      const key = `${rollout.metadata.name}:${stableStringify((rollout.spec as { strategy?: { canary?: { trafficRouting?: unknown } } })?.strategy?.canary?.trafficRouting ?? null)}`;
      let routers = routerCache.get(key);
      if (!routers) {
        routers = createRoutersFor(rollout as never, { client, clock, dataPlane });
        routerCache.set(key, routers);
      }
      return routers;
    },
  };

  const worldEvents: WorldEvent[] = [];
  const actors = new Map<string, Actor<typeof rolloutLogic>>();
  const queued = new Set<string>();

  const rolloutPorts: RolloutMachinePorts = {
    reconcile: (ns, name) => reconcileRollout(ports, ns, name),
    act: (ns, name, action) => applyUserAction(client, ns, name, action, epochMs + clock.now()),
    // A read-only look: the stored (frozen) object, not a copy.
    specPaused: (ns, name) => cluster.store.peek('Rollout', ns, name)?.spec?.paused === true,
    now: () => clock.now(),
  };

  function ensureActor(name: string) {
    if (actors.has(name)) return;
    const actor = createActor(rolloutLogic, {
      input: { namespace, name, ports: rolloutPorts },
      clock,
      systemId: `rollout/${name}`,
    });
    actor.on('*', (event: RolloutEmitted) =>
      worldEvents.push({ t: clock.now(), rollout: name, event }),
    );
    actor.start();
    actors.set(name, actor);
  }

  /** enqueue schedules one reconcile of `name` at this instant (deduplicated, like a workqueue). */
  function enqueue(name: string): void {
    if (queued.has(name)) return;
    queued.add(name);
    clock.setTimeout(() => {
      queued.delete(name);
      actors.get(name)?.send({ type: 'cluster.changed' });
    }, 0);
  }

  cluster.store.watch('*', (event) => {
    const obj = event.object;
    if (obj.kind === 'Rollout') {
      const name = obj.metadata?.name ?? '';
      if (event.type === 'DELETED') return;
      ensureActor(name);
      enqueue(name);
      return;
    }
    if (obj.kind === 'ReplicaSet' || obj.kind === 'AnalysisRun' || obj.kind === 'Experiment') {
      const owner = obj.metadata?.ownerReferences?.find((r) => r.kind === 'Rollout');
      if (owner && actors.has(owner.name)) enqueue(owner.name);
    }
  });

  // --- Request traffic (src/traffic): one tick per virtual second through the observed split.
  const traffic = createTrafficModel({
    rng: rng.stream('traffic'),
    requestsPerSecond: options.requestsPerSecond ?? 50,
    versions: (image) => {
      const b = cluster.behaviourOf(image);
      return { errorRate: b.errorRate ?? 0, latencyMs: b.latencyMs ?? 50 };
    },
  });
  const observedSplits = (): Record<string, ObservedSplit> => {
    const out: Record<string, ObservedSplit> = {};
    for (const key of dataPlane.keys()) out[key] = dataPlane.observed(key);
    return out;
  };
  // Users arrive once an application is first live: a rollout's offered load starts when it first
  // has a ready pod (so the initial deploy is not counted as an outage); after that, a version
  // without ready pods answers 503.
  const live = new Set<string>();
  const trafficTick = (): void => {
    const destinations = splitFromWorld({
      objects: cluster.snapshot(),
      observedSplits: observedSplits(),
      ...(options.headerShares ? { headerShares: options.headerShares } : {}),
    });
    for (const d of destinations)
      if (d.available && d.share > 0) live.add(`${d.namespace}/${d.rollout}`);
    traffic.tick(
      clock.now(),
      destinations.filter((d) => live.has(`${d.namespace}/${d.rollout}`)),
    );
    clock.setTimeout(trafficTick, traffic.tickMs);
  };
  if (options.traffic) clock.setTimeout(trafficTick, traffic.tickMs);

  // --- In-cluster HTTP for Web metrics: http://<service>.<namespace>.svc[.cluster.local][:port]/path
  const httpRng = rng.stream('http');
  const httpGet = (
    url: string,
    headers: Readonly<Record<string, string>> = {},
  ): { status: number; body: string } | undefined => {
    const inWorld = clusterHttpGet(url);
    return inWorld ?? options.externalHttpGet?.(url, headers);
  };
  const clusterHttpGet = (url: string): { status: number; body: string } | undefined => {
    const m =
      /^https?:\/\/([a-z0-9-]+)\.([a-z0-9-]+)\.svc(?:\.cluster\.local)?(?::\d+)?(?:\/.*)?$/.exec(
        url,
      );
    if (!m) return undefined;
    const [, svcName, ns] = m;
    const endpoints = cluster.store.peek('Endpoints', ns, svcName) as
      { subsets?: { addresses?: { targetRef?: { name?: string } }[] }[] } | undefined;
    if (!cluster.store.peek('Service', ns, svcName)) return undefined;
    const pods = (endpoints?.subsets ?? [])
      .flatMap((s) => s.addresses ?? [])
      .map((a) => a.targetRef?.name ?? '');
    if (pods.length === 0) return { status: 503, body: 'no endpoints available for service' };
    const pod = cluster.store.peek('Pod', ns, pods[Math.floor(httpRng.next() * pods.length)]) as
      { spec?: { containers?: { image?: string }[] } } | undefined;
    const image = pod?.spec?.containers?.[0]?.image ?? '';
    const b = cluster.behaviourOf(image);
    if (httpRng.next() < (b.errorRate ?? 0)) return { status: 500, body: '{"status":"error"}' };
    const tag = image.includes(':') ? image.slice(image.lastIndexOf(':') + 1) : image;
    return { status: 200, body: JSON.stringify({ color: tag, version: image, status: 'ok' }) };
  };
  /** How a Job pod running `image` ends (scenario `versions:` exitCode, runFor, imagePullError). */
  const jobOutcome = (image: string): JobOutcome => {
    const b = cluster.behaviourOf(image);
    return {
      exitCode: b.exitCode ?? 0,
      runForMs: b.runForMs ?? 0,
      ...(b.imagePullError ? { imagePullError: true } : {}),
    };
  };
  const signals: SignalView = signalsFromTraffic(traffic, {
    httpGet,
    jobOutcome,
  });

  // --- Scripted metric outcomes (scenario `analysis:` and `setMetric`).
  const scripted = new Map<string, ScriptedOutcome>();
  const setScripted = (metric: string, outcome: MetricOutcome) => {
    const afterMs = outcome.afterMs > 0 ? { afterMs: outcome.afterMs } : {};
    scripted.set(
      metric,
      outcome.kind === 'value'
        ? { value: outcome.value, ...afterMs }
        : outcome.kind === 'values'
          ? { values: outcome.values, ...afterMs }
          : { phase: outcome.phase, ...afterMs },
    );
  };
  for (const [metric, outcome] of Object.entries(options.analysis ?? {}))
    setScripted(metric, outcome);

  // --- AnalysisRuns: each is measured by its own actor, as Argo's analysis controller does.
  const analysisActors = new Map<string, Actor<ReturnType<typeof createAnalysisRunLogic>>>();
  // Built on first use: most worlds never start an AnalysisRun or an Experiment, and building a
  // machine's logic (XState's provide) costs about as much as a reconcile.
  let analysisLogicMemo: ReturnType<typeof createAnalysisRunLogic> | undefined;
  const analysisLogic = () =>
    (analysisLogicMemo ??= createAnalysisRunLogic({
      now: () => epochMs + clock.now(),
      reconcile: (run, nowMs) =>
        reconcileAnalysisRun(run, providerFor, {
          nowMs,
          epochMs,
          secrets: cluster.store.peekList('Secret', {
            namespace: run.metadata?.namespace ?? namespace,
          }),
          signals,
          rng: (metric) => rng.stream(`analysis/${run.metadata?.name ?? ''}/${metric}`),
          scripted: (metric) => scripted.get(metric),
        }),
      persist: (run) => {
        const ns = run.metadata?.namespace ?? namespace;
        const before = cluster.store.peek<AnalysisRun['kind']>(
          'AnalysisRun',
          ns,
          run.metadata?.name ?? '',
        );
        if (before) {
          cluster.client.updateStatus(run);
          syncJobs(run, before);
        }
      },
    }));

  // Jobs deleted (terminated measurements, garbage collection) are never written again, although
  // their measurements may still name them.
  const deletedJobs = new Set<string>();
  function deleteJob(ns: string, name: string): void {
    deletedJobs.add(`${ns}/${name}`);
    // Foreground deletion in Argo; here the Job goes and the garbage collector takes its pod.
    if (cluster.store.peek('Job', ns, name)) cluster.client.delete('Job', ns, name);
  }

  /**
   * syncJobs makes the Jobs of Job-provider measurements visible as batch/v1 Job objects (owned by
   * the AnalysisRun), active while the measurement runs and succeeded/failed when it ends, as the
   * Job provider's Jobs are on a cluster. Each Job has a pod per attempt (`generateName: <job>-`,
   * the Job controller's labels; see startJobPods): a failing image's pods fail one after another
   * with back-off, and the last one ends Succeeded or Failed with the measurement (exit code from
   * the image's behaviour), or waits with ErrImagePull. The provider plans the outcome, so these
   * pods are written here, not walked by the pod lifecycle. The Job's counters follow its pods.
   */
  function syncJobs(run: AnalysisRun, before: AnalysisRun): void {
    const ns = run.metadata?.namespace ?? namespace;
    for (const result of run.status?.metricResults ?? []) {
      const metric = run.spec?.metrics?.find((m) => m.name === result.name);
      const jobSpec = metric?.provider?.job?.spec;
      if (!jobSpec) continue;
      const jobMeta = metric?.provider?.job?.metadata;
      for (const m of result.measurements ?? []) {
        const jobName = m.metadata?.['job-name'];
        if (!jobName || deletedJobs.has(`${ns}/${jobName}`)) continue;
        // A terminated in-flight measurement: the provider deleted its Job.
        if (m.finishedAt && m.message === METRIC_TERMINATED_MESSAGE) {
          deleteJob(ns, jobName);
          continue;
        }
        const existing = cluster.store.peek('Job', ns, jobName);
        if (!existing) {
          const created = cluster.client.create({
            apiVersion: 'batch/v1',
            kind: 'Job',
            metadata: {
              name: jobName,
              namespace: ns,
              // metricproviders/job: the provider's metadata, then the run's uid as a label and
              // its name and metric as annotations.
              labels: {
                ...(jobMeta?.labels ?? {}),
                'analysisrun.argoproj.io/uid': run.metadata?.uid ?? '',
              },
              annotations: {
                ...(jobMeta?.annotations ?? {}),
                'analysisrun.argoproj.io/name': run.metadata?.name ?? '',
                'analysisrun.argoproj.io/metric-name': result.name,
              },
              ownerReferences: [
                {
                  apiVersion: 'argoproj.io/v1alpha1',
                  kind: 'AnalysisRun',
                  name: run.metadata?.name ?? '',
                  uid: run.metadata?.uid ?? '',
                  controller: true,
                },
              ],
            },
            spec: jobSpec,
            status: { startTime: m.startedAt, active: 1 },
          } as unknown as ClusterObject);
          startJobPods(created, jobSpec, m);
        }
        syncJobPod(ns, jobName, m);
        syncJobStatus(ns, jobName, m);
      }
    }
    garbageCollectJobs(run, before);
  }

  /**
   * garbageCollectJobs: when a pass appended a measurement to a Job metric already holding its
   * retention limit (10, or its measurementRetention), Argo trims that metric's history and asks
   * the Job provider to garbage-collect, which deletes the run's oldest Jobs (all its metrics)
   * beyond that limit.
   */
  function garbageCollectJobs(run: AnalysisRun, before: AnalysisRun): void {
    const ns = run.metadata?.namespace ?? namespace;
    const uid = run.metadata?.uid ?? '';
    const metrics = run.spec?.metrics ?? [];
    const retention = getMeasurementRetentionMetrics(run.spec?.measurementRetention, metrics);
    for (const result of run.status?.metricResults ?? []) {
      if (!metrics.find((m) => m.name === result.name)?.provider?.job) continue;
      const rule = retention.kind === 'ok' ? retention.matched[result.name] : undefined;
      const limit = rule && rule.limit > 0 ? rule.limit : DEFAULT_MEASUREMENT_HISTORY_LIMIT;
      const prior = before.status?.metricResults?.find((r) => r.name === result.name);
      const priorNames = new Set((prior?.measurements ?? []).map((m) => m.metadata?.['job-name']));
      const last = result.measurements?.[result.measurements.length - 1];
      const appended = last !== undefined && !priorNames.has(last.metadata?.['job-name']);
      if (!appended || (prior?.measurements?.length ?? 0) < limit) continue;
      const jobs = cluster.store
        .peekList('Job', { namespace: ns })
        .filter((j) => j.metadata?.labels?.['analysisrun.argoproj.io/uid'] === uid)
        .sort((a, b) =>
          (a.metadata?.creationTimestamp ?? '') < (b.metadata?.creationTimestamp ?? '') ? -1 : 1,
        );
      for (let i = 0; i < jobs.length - limit; i++) deleteJob(ns, jobs[i].metadata?.name ?? '');
    }
  }

  /** The pods of each Job (by `ns/name`), in the order the Job controller made them. */
  const jobPodNames = new Map<string, { attempts: number; pods: string[] }>();

  /** createJobPod adds one pod of the Job, as the Job controller would, Pending until synced. */
  function createJobPod(
    job: ClusterObject,
    jobSpec: { template?: { metadata?: { labels?: Record<string, string> }; spec?: unknown } },
    startTime: string | undefined,
  ): Pod {
    const name = job.metadata?.name ?? '';
    const uid = job.metadata?.uid ?? '';
    const template = jobSpec.template ?? {};
    return cluster.client.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        generateName: `${name}-`,
        namespace: job.metadata?.namespace,
        labels: {
          ...(template.metadata?.labels ?? {}),
          'batch.kubernetes.io/controller-uid': uid,
          'batch.kubernetes.io/job-name': name,
          'controller-uid': uid,
          'job-name': name,
        },
        ownerReferences: [
          {
            apiVersion: 'batch/v1',
            kind: 'Job',
            name,
            uid,
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
      },
      spec: template.spec ?? { containers: [] },
      status: { phase: 'Pending', qosClass: 'BestEffort', startTime },
    } as unknown as ClusterObject) as unknown as Pod;
  }

  /**
   * startJobPods creates the Job's first pod and, for an image that fails, schedules the retries
   * the Job controller makes (jobAttempts: a new pod after each failure, with back-off, until
   * backoffLimit or the deadline). Every pod but the last ends Failed at its own time; the last
   * one follows the measurement (syncJobPod), which ends when it does.
   */
  function startJobPods(
    job: ClusterObject,
    jobSpec: {
      template?: { metadata?: { labels?: Record<string, string> }; spec?: unknown };
      backoffLimit?: number;
      activeDeadlineSeconds?: number;
    },
    m: { startedAt?: string },
  ): void {
    const ns = job.metadata?.namespace ?? namespace;
    const name = job.metadata?.name ?? '';
    const uid = job.metadata?.uid ?? '';
    const key = `${ns}/${name}`;
    const spec = jobSpec.template?.spec as { containers?: { image?: string }[] } | undefined;
    // The provider planned the measurement from the same outcome and limits (planJob).
    const { backoffLimit, activeDeadlineMs } = jobLimits(jobSpec);
    const attempts = jobAttempts(
      jobOutcome(spec?.containers?.[0]?.image ?? ''),
      backoffLimit,
      activeDeadlineMs,
    );
    const first = createJobPod(job, jobSpec, m.startedAt);
    const entry = { attempts: attempts.length, pods: [first.metadata?.name ?? ''] };
    jobPodNames.set(key, entry);
    const t0 = clock.now();
    const alive = () => cluster.store.peek('Job', ns, name)?.metadata?.uid === uid;
    attempts.slice(0, -1).forEach((attempt, i) => {
      clock.setTimeout(() => {
        if (!alive()) return;
        const pod = cluster.store.peek('Pod', ns, entry.pods[i]);
        if (!pod) return;
        const startedAt = timestampFromEpochMs(epochMs + t0 + attempt.startMs);
        const finishedAt = timestampFromEpochMs(epochMs + t0 + attempt.endMs);
        const status = jobPodStatus(pod, { startedAt, finishedAt, phase: 'Failed' }, (image) =>
          cluster.behaviourOf(image),
        );
        cluster.client.updateStatus({ ...pod, status } as unknown as ClusterObject);
        syncJobStatus(ns, name, { startedAt: m.startedAt });
      }, attempt.endMs);
      clock.setTimeout(
        () => {
          if (!alive()) return;
          const next = attempts[i + 1];
          const startedAt = timestampFromEpochMs(epochMs + t0 + next.startMs);
          const pod = createJobPod(job, jobSpec, startedAt);
          entry.pods.push(pod.metadata?.name ?? '');
          const status = jobPodStatus(pod, { startedAt }, (image) => cluster.behaviourOf(image));
          cluster.client.updateStatus({ ...pod, status } as unknown as ClusterObject);
          syncJobStatus(ns, name, { startedAt: m.startedAt });
        },
        attempts[i + 1].startMs,
      );
    });
  }

  /** syncJobPod writes the status of the Job's last pod for its measurement (see syncJobs). */
  function syncJobPod(
    ns: string,
    jobName: string,
    m: { startedAt?: string; finishedAt?: string; phase?: string },
  ): void {
    const entry = jobPodNames.get(`${ns}/${jobName}`);
    // Until the last attempt's pod exists, the pods follow the retry timeline, not the measurement.
    if (!entry || entry.pods.length < entry.attempts) return;
    const pod = cluster.store.peek('Pod', ns, entry.pods[entry.pods.length - 1]);
    if (!pod) return;
    const startedAt = entry.pods.length > 1 ? pod.status?.startTime : m.startedAt;
    const status = jobPodStatus(pod, { ...m, ...(startedAt ? { startedAt } : {}) }, (image) =>
      cluster.behaviourOf(image),
    );
    if (JSON.stringify(pod.status) === JSON.stringify(status)) return;
    cluster.client.updateStatus({ ...pod, status } as unknown as ClusterObject);
  }

  /**
   * syncJobStatus writes the Job's status from its pods (active, succeeded and failed counts, as
   * the Job controller keeps them) and its completion from the measurement.
   */
  function syncJobStatus(
    ns: string,
    jobName: string,
    m: { startedAt?: string; finishedAt?: string; phase?: string },
  ): void {
    const job = cluster.store.peek('Job', ns, jobName) as { status?: unknown } | undefined;
    const entry = jobPodNames.get(`${ns}/${jobName}`);
    if (!job || !entry) return;
    let active = 0;
    let succeeded = 0;
    let failed = 0;
    for (const podName of entry.pods) {
      const phase = cluster.store.peek('Pod', ns, podName)?.status?.phase;
      if (phase === 'Succeeded') succeeded++;
      else if (phase === 'Failed') failed++;
      else if (phase !== undefined) active++;
    }
    const status: Record<string, unknown> = { startTime: m.startedAt };
    if (active > 0) status.active = active;
    if (succeeded > 0) status.succeeded = succeeded;
    if (failed > 0) status.failed = failed;
    if (m.finishedAt && m.phase === 'Successful') status.completionTime = m.finishedAt;
    if (JSON.stringify(job.status) === JSON.stringify(status)) return;
    cluster.client.patch(
      'Job',
      ns,
      jobName,
      { status: { active: null, succeeded: null, failed: null, completionTime: null, ...status } },
      { subresource: 'status' },
    );
  }

  cluster.store.watch('AnalysisRun', (event) => {
    const run = event.object as unknown as AnalysisRun;
    const name = run.metadata?.name ?? '';
    const existing = analysisActors.get(name);
    if (event.type === 'DELETED') {
      existing?.stop();
      analysisActors.delete(name);
      return;
    }
    if (!existing) {
      const actor = createActor(analysisLogic(), {
        input: { run },
        clock,
        systemId: analysisRunSystemId(name),
      });
      actor.on('*', (e: unknown) =>
        worldEvents.push({ t: clock.now(), rollout: name, event: e as RolloutEmitted }),
      );
      analysisActors.set(name, actor);
      // Start after this write finishes, like a controller picking the object up from its informer.
      clock.setTimeout(() => actor.start(), 0);
      return;
    }
    if (run.spec?.terminate && !existing.getSnapshot().context.run.spec?.terminate) {
      clock.setTimeout(() => existing.send({ type: 'terminate' }), 0);
    }
  });

  // --- Experiments: each is reconciled by its own actor, as Argo's experiment controller does.
  const experimentActors = new Map<string, Actor<ReturnType<typeof createExperimentLogic>>>();
  const experimentQueued = new Set<string>();
  let experimentLogicMemo: ReturnType<typeof createExperimentLogic> | undefined;
  const experimentLogic = () =>
    (experimentLogicMemo ??= createExperimentLogic({
      reconcile: (ns, name) =>
        reconcileExperimentByName(
          {
            client,
            nowMs: epochMs + clock.now(),
            hashPodTemplate: (t, c) => ports.hashPodTemplate(t, c),
          },
          ns,
          name,
        ),
    }));
  /** enqueueExperiment: one experiment pass at this instant (deduplicated, like a workqueue). */
  function enqueueExperiment(name: string): void {
    if (experimentQueued.has(name)) return;
    experimentQueued.add(name);
    clock.setTimeout(() => {
      experimentQueued.delete(name);
      experimentActors.get(name)?.send({ type: 'cluster.changed' });
    }, 0);
  }
  cluster.store.watch('*', (event) => {
    const obj = event.object;
    if (obj.kind === 'Experiment') {
      const name = obj.metadata?.name ?? '';
      const existing = experimentActors.get(name);
      if (event.type === 'DELETED') {
        existing?.stop();
        experimentActors.delete(name);
        return;
      }
      if (existing) {
        enqueueExperiment(name);
        return;
      }
      const actor = createActor(experimentLogic(), {
        input: { namespace: obj.metadata?.namespace ?? namespace, name },
        clock,
        systemId: experimentSystemId(name),
      });
      actor.on('*', (e: unknown) =>
        worldEvents.push({ t: clock.now(), rollout: name, event: e as RolloutEmitted }),
      );
      experimentActors.set(name, actor);
      // Start (its entry runs the first pass) after this write finishes, as an informer would.
      clock.setTimeout(() => actor.start(), 0);
      return;
    }
    const owner = obj.metadata?.ownerReferences?.find(
      (r) => r.controller && r.kind === 'Experiment',
    );
    if (!owner || !experimentActors.has(owner.name)) return;
    if (obj.kind === 'ReplicaSet' || obj.kind === 'Service') enqueueExperiment(owner.name);
    // Argo's experiment controller only requeues on AnalysisRuns that completed (enqueueIfCompleted).
    const phase = (obj as { status?: { phase?: string } }).status?.phase;
    if (obj.kind === 'AnalysisRun' && isCompletedPhase(phase)) enqueueExperiment(owner.name);
  });

  const rolloutNames = () => [...actors.keys()].sort();
  const targetRollout = (name?: string): string => {
    if (name) return name;
    const names = rolloutNames();
    if (names.length !== 1)
      throw new Error(`the scenario has ${names.length} Rollouts: name one with rollout: NAME`);
    return names[0];
  };

  function apply(objects: readonly KubeObject[]): void {
    for (const obj of objects) {
      // A shallow copy is enough: the store adopts (deep-copies) what it is given.
      const copy = {
        ...obj,
        metadata: { ...(obj.metadata ?? {}), namespace: obj.metadata?.namespace ?? namespace },
      } as ClusterObject;
      cluster.apply(copy);
    }
  }

  const world: World = {
    clock,
    cluster,
    namespace,
    actors,
    now: () => clock.now(),
    objects: () => cluster.snapshot() as unknown as KubeObject[],
    apply,
    act(action, rollout) {
      const name = targetRollout(rollout);
      const actor = actors.get(name);
      if (!actor) throw new Error(`no Rollout named "${name}"`);
      // User verbs go straight to the API like kubectl does; the machine's guards only gate the UI.
      const result = applyUserAction(
        client,
        namespace,
        name,
        toUserAction(action, epochMs + clock.now()),
        epochMs + clock.now(),
      );
      worldEvents.push({
        t: clock.now(),
        rollout: name,
        event: { type: 'rollout.userAction', action: action.kind, result },
      });
      if (!result.ok) throw new Error(result.message);
    },
    setVersion(image, b) {
      cluster.setBehaviour(image, behaviourFor(b));
    },
    killPods(revision, count, rollout) {
      targetRollout(rollout);
      cluster.killPods(revision, count);
    },
    setMetric(metric: string, outcome: MetricOutcome) {
      setScripted(metric, outcome);
    },
    advanceTo(t) {
      clock.advanceTo(t);
    },
    nextEventAt: () => clock.peekNextDueAt(),
    settle() {
      clock.advanceBy(0);
    },
    errorRate: (windowMs) => traffic.errorRate(windowMs),
    recentRequests: (windowMs) => traffic.recentSamples(windowMs),
    signals,
    rolloutChanges: () => [],
    events: () => worldEvents,
    rolloutNames,
    dispose() {
      for (const actor of actors.values()) actor.stop();
      for (const actor of analysisActors.values()) actor.stop();
      for (const actor of experimentActors.values()) actor.stop();
      cluster.dispose();
    },
  };

  apply(options.manifests);
  world.settle();
  return world;
}
