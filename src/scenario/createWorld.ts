/**
 * createWorld: the composition root. One virtual clock and seeded RNG drive a fake cluster, the
 * traffic routers and one rolloutMachine actor per Rollout; a workqueue turns watch events into
 * reconciles at the same virtual instant, as Argo's informers and workqueue do.
 * Rule: the only place concrete fakes meet the controller's ports (architecture.md section 2).
 */
import { createActor, type Actor } from 'xstate';
import {
  createFakeCluster,
  type FakeCluster,
  type ImageBehaviour,
  type KubeObject as ClusterObject,
} from '../cluster';
import {
  applyUserAction,
  createRolloutLogic,
  reconcileRollout,
  type ControllerClient,
  type ControllerPorts,
  type KubeObject as ControllerObject,
  type RolloutEmitted,
  type UserAction,
} from '../controller';
import { loadManifests, validateObjects } from '../model';
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
import { createDataPlane, createRoutersFor } from '../traffic';
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
  readonly actors: ReadonlyMap<string, Actor<ReturnType<typeof createRolloutLogic>>>;
  /** Every emitted domain event so far, in order. */
  events(): readonly WorldEvent[];
  /** The names of the Rollouts in the world, sorted. */
  rolloutNames(): string[];
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

function memoHash(
  memo: WeakMap<object, Map<number, string>>,
  key: unknown,
  variant: number,
  compute: () => string,
): string {
  if (typeof key !== 'object' || key === null || !Object.isFrozen(key)) return compute();
  let byVariant = memo.get(key);
  if (!byVariant) memo.set(key, (byVariant = new Map<number, string>()));
  let hash = byVariant.get(variant);
  if (hash === undefined) byVariant.set(variant, (hash = compute()));
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
function createRolloutValidator(): (rollout: ControllerObject) => string | undefined {
  const bySpec = new WeakMap<object, string | undefined>();
  return (rollout) => {
    const spec = rollout.spec as object | undefined;
    if (spec && bySpec.has(spec)) return bySpec.get(spec);
    const key = stableStringify({ metadata: { name: rollout.metadata.name }, spec: rollout.spec });
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

  const client: ControllerClient = {
    get: (kind, ns, name) => cluster.client.get(kind, ns, name) as ControllerObject | undefined,
    list: (kind, ns) =>
      cluster.client.list(kind, { namespace: ns }) as unknown as ControllerObject[],
    create: (obj) => cluster.client.create(obj),
    update: (obj) => cluster.client.update(obj),
    patch: (kind, ns, name, patch, subresource) =>
      cluster.client.patch(
        kind,
        ns,
        name,
        patch,
        subresource ? { subresource } : undefined,
      ) as unknown as ControllerObject,
    delete: (kind, ns, name) => void cluster.client.delete(kind, ns, name),
  };

  // Stored objects are frozen and replaced on change, so hashes can be memoised by identity.
  const templateHashes = new WeakMap<object, Map<number, string>>();
  const stepHashes = new WeakMap<object, Map<number, string>>();
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
  const actors = new Map<string, Actor<ReturnType<typeof createRolloutLogic>>>();
  const queued = new Set<string>();

  const logic = createRolloutLogic({
    reconcile: (ns, name) => reconcileRollout(ports, ns, name),
    act: (ns, name, action) => applyUserAction(client, ns, name, action, epochMs + clock.now()),
    specPaused: (ns, name) =>
      (client.get('Rollout', ns, name)?.spec as { paused?: boolean } | undefined)?.paused === true,
  });

  function ensureActor(name: string) {
    if (actors.has(name)) return;
    const actor = createActor(logic, {
      input: { namespace, name },
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
      const copy = structuredClone(obj) as ClusterObject & { metadata: { namespace?: string } };
      copy.metadata = {
        ...(copy.metadata ?? {}),
        namespace: copy.metadata?.namespace ?? namespace,
      };
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
    setMetric(_metric: string, _outcome: MetricOutcome) {
      throw new Error('setMetric needs the analysis engine, which is not built yet');
    },
    advanceTo(t) {
      clock.advanceTo(t);
    },
    nextEventAt: () => clock.peekNextDueAt(),
    settle() {
      clock.advanceBy(0);
    },
    errorRate: () => undefined,
    rolloutChanges: () => [],
    events: () => worldEvents,
    rolloutNames,
    dispose() {
      for (const actor of actors.values()) actor.stop();
      cluster.dispose();
    },
  };

  apply(options.manifests);
  world.settle();
  return world;
}
