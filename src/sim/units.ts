/**
 * Branded time unit for the simulation: virtual milliseconds on the VirtualClock's axis.
 * Counterpart: Kubernetes/Argo durations (metav1.Duration) once parsed by src/model.
 * Rule: plain numbers at run time; the brand exists only for the type checker.
 */

/**
 * VirtualMs is a number of virtual milliseconds: an instant on the clock's axis or a duration.
 * The brand is structural, so a `VirtualMs` declared identically elsewhere is interchangeable.
 */
export type VirtualMs = number & { readonly __brand: 'VirtualMs' };

/**
 * ms brands a finite number of milliseconds as {@link VirtualMs}.
 *
 * @throws RangeError when `n` is NaN or infinite, so bad arithmetic fails where it happens.
 */
export function ms(n: number): VirtualMs {
  if (!Number.isFinite(n)) throw new RangeError(`ms: expected a finite number, got ${n}`);
  return n as VirtualMs;
}

/** seconds converts seconds to {@link VirtualMs} (`seconds(30)` is 30 000 ms). */
export function seconds(n: number): VirtualMs {
  return ms(n * 1000);
}

/** minutes converts minutes to {@link VirtualMs} (`minutes(1)` is 60 000 ms). */
export function minutes(n: number): VirtualMs {
  return ms(n * 60_000);
}
