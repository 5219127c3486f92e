/**
 * An in-memory cluster for controller tests: a ControllerClient over a Map of JSON objects (merge
 * patches, status subresource, generation bumps), a one-line "ReplicaSet controller" whose pods are
 * ready at once unless a test caps them, a mutable clock, and a settle loop around reconcileRollout.
 */
import type {
  ControllerClient,
  ControllerPorts,
  KubeObject,
  RecordedEvent,
} from '../../../src/controller/ports';
import {
  reconcileRollout,
  type ReconcileResult,
  type StrategyHandlers,
} from '../../../src/controller/reconcile';
import { applyUserAction, type UserAction } from '../../../src/controller/userActions';
import { rfc3339FromEpochMs } from '../../../src/sim';

/** 2024-01-01T00:00:00Z. */
export const EPOCH_MS = 1_704_067_200_000;

const clone = <T>(v: T): T => structuredClone(v);
const key = (kind: string, ns: string, name: string) => `${kind}/${ns}/${name}`;
const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** RFC 7386 JSON merge patch: objects merge recursively, null deletes, anything else replaces. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObj(patch)) return clone(patch);
  const out: Record<string, unknown> = isObj(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

/** Stable JSON (sorted keys) for hashing and comparisons. */
export function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (isObj(v)) {
    return `{${Object.keys(v)
      .sort()
      .filter((k) => v[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${stableJson(v[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

/** FNV-1a (32-bit) as 8 hex digits. */
export function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** In-memory ControllerClient. `version` counts real changes (no-op writes do not count). */
export class FakeClient implements ControllerClient {
  readonly objects = new Map<string, KubeObject>();
  version = 0;
  private uids = 0;

  constructor(private readonly now: () => number) {}

  get(kind: string, namespace: string, name: string): KubeObject | undefined {
    const obj = this.objects.get(key(kind, namespace, name));
    return obj ? clone(obj) : undefined;
  }

  list(kind: string, namespace: string): KubeObject[] {
    return [...this.objects.values()]
      .filter((o) => o.kind === kind && (o.metadata.namespace ?? 'default') === namespace)
      .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name))
      .map(clone);
  }

  create(obj: KubeObject): KubeObject {
    const ns = obj.metadata.namespace ?? 'default';
    const k = key(obj.kind, ns, obj.metadata.name);
    if (this.objects.has(k)) throw new Error(`${obj.kind} "${obj.metadata.name}" already exists`);
    const stored = clone(obj);
    stored.metadata = {
      ...stored.metadata,
      namespace: ns,
      uid: `uid-${++this.uids}`,
      creationTimestamp: rfc3339FromEpochMs(this.now()),
      generation: 1,
    };
    this.objects.set(k, stored);
    this.version++;
    return clone(stored);
  }

  update(obj: KubeObject): KubeObject {
    const current = this.mustGet(obj.kind, obj.metadata.namespace ?? 'default', obj.metadata.name);
    // Main-resource writes never touch status (status subresource), nor the server-owned metadata.
    const next: KubeObject = { ...clone(obj), status: clone(current.status) };
    if (next.status === undefined) delete next.status;
    return this.store(current, next);
  }

  patch(
    kind: string,
    namespace: string,
    name: string,
    patch: unknown,
    subresource?: 'status',
  ): KubeObject {
    const current = this.mustGet(kind, namespace, name);
    let next: KubeObject;
    if (subresource === 'status') {
      const status = isObj(patch) ? patch.status : undefined;
      next = { ...clone(current), status: mergePatch(current.status, status ?? {}) };
    } else {
      const rest = isObj(patch) ? { ...patch } : {};
      delete rest.status;
      next = mergePatch(current, rest) as KubeObject;
      if (current.status === undefined) delete next.status;
      else next.status = clone(current.status);
    }
    return this.store(current, next);
  }

  delete(kind: string, namespace: string, name: string): void {
    if (this.objects.delete(key(kind, namespace, name))) this.version++;
  }

  private mustGet(kind: string, namespace: string, name: string): KubeObject {
    const obj = this.objects.get(key(kind, namespace, name));
    if (!obj) throw new Error(`${kind} "${namespace}/${name}" not found`);
    return obj;
  }

  private store(current: KubeObject, next: KubeObject): KubeObject {
    next.metadata = {
      ...next.metadata,
      name: current.metadata.name,
      namespace: current.metadata.namespace,
      uid: current.metadata.uid,
      creationTimestamp: current.metadata.creationTimestamp,
      generation: current.metadata.generation,
    };
    if (stableJson(next.spec) !== stableJson(current.spec))
      next.metadata.generation = (current.metadata.generation ?? 0) + 1;
    if (stableJson(next) === stableJson(current)) return clone(current);
    this.objects.set(
      key(current.kind, current.metadata.namespace ?? 'default', current.metadata.name),
      next,
    );
    this.version++;
    return clone(next);
  }
}

export interface WorldOptions {
  readonly namespace?: string;
  readonly strategies?: StrategyHandlers;
}

/** A small world: client, clock, ports, a ReplicaSet controller and the reconcile loop. */
export class World {
  nowMs = EPOCH_MS;
  readonly namespace: string;
  readonly client: FakeClient;
  readonly ports: ControllerPorts;
  readonly events: RecordedEvent[] = [];
  /** Per pod-template hash: the most pods that can become available (default: all, instantly). */
  readonly availabilityCap = new Map<string, number>();
  private readonly strategies: StrategyHandlers | undefined;

  constructor(options: WorldOptions = {}) {
    this.namespace = options.namespace ?? 'default';
    this.strategies = options.strategies;
    this.client = new FakeClient(() => this.nowMs);
    this.ports = {
      client: this.client,
      nowMs: () => this.nowMs,
      hashPodTemplate: (template, collisionCount) =>
        fnv1a(stableJson(template) + (collisionCount === undefined ? '' : `#${collisionCount}`)),
      hashSteps: (steps) => fnv1a(stableJson(steps)),
      validateRollout: () => undefined,
      routersFor: () => [],
    };
  }

  /** Fake ReplicaSet controller: status follows spec (capped per hash); returns whether anything changed. */
  syncReplicaSets(): boolean {
    const before = this.client.version;
    for (const rs of this.client.list('ReplicaSet', this.namespace)) {
      const spec = (rs.spec ?? {}) as { replicas?: number };
      const desired = spec.replicas ?? 1;
      const hash = rs.metadata.labels?.['rollouts-pod-template-hash'] ?? '';
      const available = Math.min(desired, this.availabilityCap.get(hash) ?? desired);
      const status = {
        replicas: desired,
        readyReplicas: available,
        availableReplicas: available,
        observedGeneration: rs.metadata.generation ?? 1,
      };
      this.client.patch('ReplicaSet', this.namespace, rs.metadata.name, { status }, 'status');
    }
    return this.client.version !== before;
  }

  /** One reconcile of the rollout (no ReplicaSet controller step). */
  reconcileOnce(name = 'demo'): ReconcileResult {
    const result = reconcileRollout(this.ports, this.namespace, name, this.strategies);
    this.events.push(...result.events);
    return result;
  }

  /**
   * Alternates the ReplicaSet controller and reconciles until a pass changes nothing; returns that
   * last (quiet) reconcile's result. Throws if it does not settle within `maxPasses`.
   */
  settle(name = 'demo', maxPasses = 60): ReconcileResult {
    for (let i = 0; i < maxPasses; i++) {
      this.syncReplicaSets();
      const before = this.client.version;
      const result = this.reconcileOnce(name);
      if (this.client.version === before && !this.syncReplicaSets()) return result;
    }
    throw new Error(`rollout ${name} did not settle within ${maxPasses} passes`);
  }

  /** Moves the virtual clock and settles. */
  advance(ms: number, name = 'demo'): ReconcileResult {
    this.nowMs += ms;
    return this.settle(name);
  }

  act(action: UserAction, name = 'demo'): void {
    const result = applyUserAction(this.client, this.namespace, name, action, this.nowMs);
    if (!result.ok) throw new Error(result.message);
  }

  get(kind: string, name: string): KubeObject {
    const obj = this.client.get(kind, this.namespace, name);
    if (!obj) throw new Error(`${kind} ${name} not found`);
    return obj;
  }

  apply(obj: KubeObject): KubeObject {
    return this.client.create({ ...obj, metadata: { ...obj.metadata, namespace: this.namespace } });
  }

  /** Clears the recorded events (so a test can look at one step's events). */
  takeEvents(): RecordedEvent[] {
    return this.events.splice(0, this.events.length);
  }
}
