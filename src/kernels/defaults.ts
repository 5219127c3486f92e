// Mirrors argo-rollouts utils/defaults/defaults.go: the values Argo assumes when a Rollout
// field is left out (replicas 1, maxSurge/maxUnavailable "25", delays of 30 s, weight 100).
import type { IntOrString } from './intstr';
import type { Rollout } from '../model/k8s';

/** Default `spec.replicas`. */
export const DEFAULT_REPLICAS = 1;
/** Default `canary.maxSurge`: the string "25", which the lenient resolver reads as 25 %. */
export const DEFAULT_MAX_SURGE: IntOrString = '25';
/** Default `maxUnavailable` (canary and blue-green): "25" ⇒ 25 %. */
export const DEFAULT_MAX_UNAVAILABLE: IntOrString = '25';
/** Default `scaleDownDelaySeconds` (blue-green, and canary with traffic routing). */
export const DEFAULT_SCALE_DOWN_DELAY_SECONDS = 30;
/** Default `abortScaleDownDelaySeconds` (blue-green, and canary with traffic routing). */
export const DEFAULT_ABORT_SCALE_DOWN_DELAY_SECONDS = 30;
/** Default `trafficRouting.maxTrafficWeight`. */
export const DEFAULT_MAX_TRAFFIC_WEIGHT = 100;
/** Label carrying the pod-template hash on ReplicaSets, pods and Service selectors. */
export const ROLLOUT_POD_TEMPLATE_HASH_LABEL = 'rollouts-pod-template-hash';

/**
 * GetReplicasOrDefault returns `replicas`, or 1 when it is unset.
 *
 * Example: undefined → 1; 0 → 0; 5 → 5.
 */
export function getReplicasOrDefault(replicas: number | null | undefined): number {
  return replicas ?? DEFAULT_REPLICAS;
}

/**
 * GetMaxSurgeOrDefault returns `canary.maxSurge`, or the default "25" (25 %).
 *
 * Example: `{canary: {maxSurge: 1}}` → 1; `{canary: {}}` or a blue-green rollout → "25".
 */
export function getMaxSurgeOrDefault(rollout: Rollout): IntOrString {
  return rollout.spec.strategy?.canary?.maxSurge ?? DEFAULT_MAX_SURGE;
}

/**
 * GetMaxUnavailableOrDefault returns blue-green's or canary's `maxUnavailable`, or "25" (25 %).
 *
 * Example: `{blueGreen: {maxUnavailable: "10%"}}` → "10%"; `{canary: {}}` → "25".
 */
export function getMaxUnavailableOrDefault(rollout: Rollout): IntOrString {
  const strategy = rollout.spec.strategy;
  return (
    strategy?.blueGreen?.maxUnavailable ??
    strategy?.canary?.maxUnavailable ??
    DEFAULT_MAX_UNAVAILABLE
  );
}

/**
 * GetMaxTrafficWeight returns `trafficRouting.maxTrafficWeight` (only honoured with traffic
 * routing), else 100. This is the "MAXW" that every weight is measured against.
 *
 * Example: nginx routing with maxTrafficWeight 1000 → 1000; basic canary → 100.
 */
export function getMaxTrafficWeight(rollout: Rollout): number {
  const trafficRouting = rollout.spec.strategy?.canary?.trafficRouting;
  return trafficRouting?.maxTrafficWeight ?? DEFAULT_MAX_TRAFFIC_WEIGHT;
}

/**
 * GetScaleDownDelaySecondsOrDefault returns the delay before an old ReplicaSet is scaled down:
 * blue-green and traffic-routed canary default to 30 s; basic canary has no delay (0).
 *
 * Example: `{blueGreen: {}}` → 30; `{canary: {trafficRouting: {}, scaleDownDelaySeconds: 5}}` → 5;
 * `{canary: {}}` → 0.
 */
export function getScaleDownDelaySecondsOrDefault(rollout: Rollout): number {
  const strategy = rollout.spec.strategy;
  if (strategy?.blueGreen) {
    return strategy.blueGreen.scaleDownDelaySeconds ?? DEFAULT_SCALE_DOWN_DELAY_SECONDS;
  }
  if (strategy?.canary?.trafficRouting) {
    return strategy.canary.scaleDownDelaySeconds ?? DEFAULT_SCALE_DOWN_DELAY_SECONDS;
  }
  return 0;
}

/** Result of {@link getAbortScaleDownDelaySecondsOrDefault}. */
export interface AbortScaleDownDelay {
  /** Delay in seconds; `undefined` means "never scale down while aborted" (explicit 0). */
  readonly seconds: number | undefined;
  /** Whether `abortScaleDownDelaySeconds` was written explicitly. */
  readonly wasSet: boolean;
}

/**
 * GetAbortScaleDownDelaySecondsOrDefault returns how long to wait before scaling down the
 * canary/preview ReplicaSet of an aborted rollout. An explicit 0 means "never" (seconds
 * undefined); blue-green and traffic-routed canary default to 30 s; basic canary gets 0.
 *
 * Example: `{blueGreen: {abortScaleDownDelaySeconds: 0}}` → {seconds: undefined, wasSet: true};
 * `{canary: {trafficRouting: {}}}` → {seconds: 30, wasSet: false}; `{canary: {}}` → {0, false}.
 */
export function getAbortScaleDownDelaySecondsOrDefault(rollout: Rollout): AbortScaleDownDelay {
  const strategy = rollout.spec.strategy;
  let configured: number | undefined;
  if (strategy?.blueGreen) {
    configured = strategy.blueGreen.abortScaleDownDelaySeconds;
  } else if (strategy?.canary?.trafficRouting) {
    configured = strategy.canary.abortScaleDownDelaySeconds;
  } else {
    return { seconds: 0, wasSet: false };
  }
  if (configured === undefined) {
    return { seconds: DEFAULT_ABORT_SCALE_DOWN_DELAY_SECONDS, wasSet: false };
  }
  return { seconds: configured === 0 ? undefined : configured, wasSet: true };
}
