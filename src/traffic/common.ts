/**
 * Shared plumbing of the routers: structural client and clock ports, rollout accessors, owner
 * references, JSON helpers (clone, equality, merge-patch diff) and error capture. Argo counterpart:
 * helpers spread over rollout/trafficrouting/*, utils/ingress and utils/diff.
 * Rule: routers never throw, so every router step runs inside `attempt`.
 */
import type { Rollout } from '../model';
import type { RouterResult, WeightDestination } from './router';

/** RouterObject is a Kubernetes-shaped object as a router reads and writes it (plain JSON). */
export interface RouterObject {
  apiVersion?: string;
  kind: string;
  metadata?: {
    name?: string;
    namespace?: string;
    uid?: string;
    resourceVersion?: string;
    generation?: number;
    creationTimestamp?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    ownerReferences?: OwnerReference[];
    managedFields?: unknown;
  };
  spec?: unknown;
  status?: unknown;
  /** ConfigMap data. */
  data?: unknown;
}

/** OwnerReference is metav1.OwnerReference, as Argo sets it on the objects a Rollout creates. */
export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

/**
 * RouterClient is the slice of the controller's client port a router uses. The controller's
 * `ControllerClient` and the fake cluster's `ClusterClient` both satisfy it structurally.
 * Methods may throw (NotFound, AlreadyExists, Conflict); routers catch and report.
 */
export interface RouterClient {
  get(kind: string, namespace: string, name: string): RouterObject | undefined;
  create(obj: RouterObject): RouterObject;
  update(obj: RouterObject): RouterObject;
  /** RFC 7386 JSON merge patch. */
  patch(kind: string, namespace: string, name: string, patch: unknown): RouterObject;
  delete(kind: string, namespace: string, name: string): unknown;
}

/**
 * RouterClock is the structural slice of the project's VirtualClock a router needs: the current
 * virtual time and timers (stepping semantics: a timer due at `t` has fired once the clock is at `t`).
 */
export interface RouterClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
}

/** ROLLOUT_UNIQUE_LABEL_KEY is Argo's DefaultRolloutUniqueLabelKey (the pod-template-hash label). */
export const ROLLOUT_UNIQUE_LABEL_KEY = 'rollouts-pod-template-hash';
/** MANAGED_BY_ROLLOUTS_KEY is Argo's ManagedByRolloutsKey annotation. */
export const MANAGED_BY_ROLLOUTS_KEY = 'argo-rollouts.argoproj.io/managed-by-rollouts';

type Canary = NonNullable<NonNullable<Rollout['spec']['strategy']>['canary']>;
type TrafficRouting = NonNullable<Canary['trafficRouting']>;

/** canaryOf returns spec.strategy.canary (empty when absent, so callers can read fields safely). */
export function canaryOf(rollout: Rollout): Canary {
  return rollout.spec?.strategy?.canary ?? {};
}

/** trafficRoutingOf returns spec.strategy.canary.trafficRouting (empty when absent). */
export function trafficRoutingOf(rollout: Rollout): TrafficRouting {
  return canaryOf(rollout).trafficRouting ?? {};
}

/** namespaceOf returns the rollout's namespace, `default` when unset (as the API server would). */
export function namespaceOf(rollout: Rollout): string {
  return rollout.metadata?.namespace || 'default';
}

/** nameOf returns the rollout's name. */
export function nameOf(rollout: Rollout): string {
  return rollout.metadata?.name ?? '';
}

/** managedRouteNames returns trafficRouting.managedRoutes[].name in declaration order. */
export function managedRouteNames(rollout: Rollout): string[] {
  return (trafficRoutingOf(rollout).managedRoutes ?? []).map((r) => r.name);
}

/** controllerRef returns the owner reference Argo's metav1.NewControllerRef(rollout) produces. */
export function controllerRef(rollout: Rollout): OwnerReference {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    name: nameOf(rollout),
    uid: rollout.metadata?.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
}

/**
 * isControlledBy mirrors metav1.IsControlledBy: the controller owner reference carries the
 * rollout's uid. Rollouts without a uid (hand-built test objects) match on kind and name instead.
 */
export function isControlledBy(obj: RouterObject, rollout: Rollout): boolean {
  const ref = obj.metadata?.ownerReferences?.find((r) => r.controller);
  if (!ref) return false;
  const uid = rollout.metadata?.uid;
  if (uid) return ref.uid === uid;
  return ref.kind === 'Rollout' && ref.name === nameOf(rollout);
}

/** RouterError carries an Argo-style error message out of a router step. */
export class RouterError extends Error {}

/** fail throws a RouterError; `attempt` turns it into `{ ok: false, reason }`. */
export function fail(reason: string): never {
  throw new RouterError(reason);
}

/** attempt runs a router step and turns any thrown error (ours or the client's) into a result. */
export function attempt(step: () => void): RouterResult {
  try {
    step();
    return { ok: true };
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : String(e) };
  }
}

/** isRecord reports whether a JSON value is a plain object. */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** asArray returns `v` when it is an array, else an empty one. */
export function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** recordsOf returns the plain-object elements of `v` (an array), skipping anything else. */
export function recordsOf(v: unknown): Record<string, unknown>[] {
  return asArray(v).filter(isRecord);
}

/** clone deep-copies plain JSON. */
export function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

/** jsonEqual compares two JSON values structurally (object key order ignored). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => jsonEqual(x, b[i]));
  }
  if (isRecord(a) && isRecord(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => jsonEqual(a[k], b[k]));
  }
  return false;
}

/**
 * mergePatchDiff returns the RFC 7386 merge patch that turns `from` into `to` (keys missing from
 * `to` become null; arrays and scalars are replaced whole), or undefined when they are equal.
 * Counterpart: Argo's diff.CreateTwoWayMergePatch as used for Ingress and TrafficSplit patches.
 */
export function mergePatchDiff(from: unknown, to: unknown): unknown {
  if (jsonEqual(from, to)) return undefined;
  if (!isRecord(from) || !isRecord(to)) return to === undefined ? null : clone(to);
  const patch: Record<string, unknown> = {};
  for (const k of Object.keys(from)) {
    if (from[k] !== undefined && to[k] === undefined) patch[k] = null;
  }
  for (const k of Object.keys(to)) {
    if (to[k] === undefined) continue;
    const d = mergePatchDiff(from[k], to[k]);
    if (d !== undefined) patch[k] = d;
  }
  return patch;
}

/** sumWeights returns the total weight of the additional destinations. */
export function sumWeights(additional: readonly WeightDestination[]): number {
  return additional.reduce((n, d) => n + d.weight, 0);
}

/** notFound returns the message a Kubernetes client gives for a missing object. */
export function notFound(kind: string, namespace: string, name: string): string {
  return `${kind} "${name}" not found in namespace "${namespace}"`;
}

/** mustGet reads an object or fails with `message` (defaulting to the API server's NotFound). */
export function mustGet(
  client: RouterClient,
  kind: string,
  namespace: string,
  name: string,
  message?: string,
): RouterObject {
  const obj = client.get(kind, namespace, name);
  if (!obj) fail(message ?? notFound(kind, namespace, name));
  return obj;
}

/** StringMatchLike is Argo's StringMatch (exactly one of exact, prefix, regex). */
export interface StringMatchLike {
  exact?: string;
  prefix?: string;
  regex?: string;
}

/** HeaderMatchLike is one element of a setHeaderRoute step's `match` (Argo HeaderRoutingMatch). */
export interface HeaderMatchLike {
  headerName?: string;
  headerValue?: StringMatchLike;
}

/** RouteMatchLike is one element of a setMirrorRoute step's `match` (Argo RouteMatch). */
export interface RouteMatchLike {
  method?: StringMatchLike;
  path?: StringMatchLike;
  headers?: Record<string, StringMatchLike>;
}

/** headerMatchOf reads a header match from the step's untyped `match` element. */
export function headerMatchOf(m: unknown): HeaderMatchLike {
  return isRecord(m) ? m : {};
}

/** routeMatchOf reads a mirror route match from the step's untyped `match` element. */
export function routeMatchOf(m: unknown): RouteMatchLike {
  return isRecord(m) ? m : {};
}
