/**
 * Branded units: virtual milliseconds, traffic weights and replica counts.
 * Argo counterpart: the int32 seconds / percent / replica fields of pkg/apis/rollouts/v1alpha1.
 * Rule: raw numbers become branded values once, at the model boundary, through these helpers.
 */

declare const brand: unique symbol;

/** Branded marks a primitive with a compile-time unit so numbers of different units never mix. */
type Branded<T, B extends string> = T & { readonly [brand]: B };

/** VirtualMs is a point in or span of simulated time, in milliseconds. */
export type VirtualMs = Branded<number, 'VirtualMs'>;

/** Weight is a traffic weight, 0..maxTrafficWeight (100 unless trafficRouting.maxTrafficWeight says otherwise). */
export type Weight = Branded<number, 'Weight'>;

/** ReplicaCount is a non-negative whole number of pods. */
export type ReplicaCount = Branded<number, 'ReplicaCount'>;

/** virtualMs brands a number of milliseconds; it does not round or check. */
export function virtualMs(ms: number): VirtualMs {
  return ms as VirtualMs;
}

/** virtualMsFromSeconds converts whole seconds (Argo's int32 *Seconds fields) into VirtualMs. */
export function virtualMsFromSeconds(seconds: number): VirtualMs {
  return (seconds * 1000) as VirtualMs;
}

/** weight brands a number as a traffic weight; it does not clamp (validation reports out-of-range values). */
export function weight(value: number): Weight {
  return value as Weight;
}

/** replicaCount brands a number as a replica count; it does not clamp. */
export function replicaCount(value: number): ReplicaCount {
  return value as ReplicaCount;
}
