/**
 * Constant-draw samplers for the aggregate request model: every count, error count and latency
 * bucket costs exactly one uniform from the seeded stream, whatever the mean. No Argo counterpart.
 * Rule: pure functions of their inputs and the uniforms they are handed; cost bounded, not O(rps).
 */

/** The largest mean sampled exactly (by inversion); above it a rounded normal approximation. */
const EXACT_MAX_MEAN = 30;

/**
 * inverseNormalCdf returns z with Φ(z) = p (Acklam's rational approximation, relative error
 * below 1.2e-9), clamped to ±8.3 for p at 0 or 1.
 */
export function inverseNormalCdf(p: number): number {
  if (p <= 0) return -8.3;
  if (p >= 1) return 8.3;
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972,
    -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734,
    4.374664141464968, 2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    );
  }
  if (p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return (
      -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    );
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  );
}

/** normalCdf returns Φ(x), the standard normal distribution function (erfc, W. J. Cody style fit). */
export function normalCdf(x: number): number {
  // Numerical Recipes' erfc with fractional error below 1.2e-7 everywhere.
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  const erfc =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t *
                              (-1.13520398 +
                                t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? 1 - erfc / 2 : erfc / 2;
}

/**
 * poissonFromUniform returns a Poisson(mean) count from one uniform `u` in [0, 1): exact inversion
 * of the distribution function for mean ≤ 30 (at most a few dozen steps), a rounded normal
 * N(mean, mean) quantile above that. Either way one uniform, so the draw count never depends on
 * the mean.
 */
export function poissonFromUniform(mean: number, u: number): number {
  if (!(mean > 0)) return 0;
  if (mean > EXACT_MAX_MEAN) {
    return Math.max(0, Math.round(mean + Math.sqrt(mean) * inverseNormalCdf(u)));
  }
  let k = 0;
  let pmf = Math.exp(-mean);
  let cdf = pmf;
  // The cap only guards against u within rounding of 1; the tail beyond it is below 1e-15.
  while (u >= cdf && k < 200) {
    k++;
    pmf *= mean / k;
    cdf += pmf;
  }
  return k;
}

/**
 * binomialFromUniform returns a Binomial(n, p) count from one uniform: inversion on the rarer
 * outcome while its mean is ≤ 30, a rounded and clamped normal quantile otherwise.
 */
export function binomialFromUniform(n: number, p: number, u: number): number {
  if (n <= 0 || !(p > 0)) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - binomialFromUniform(n, 1 - p, 1 - u);
  const mean = n * p;
  if (mean > EXACT_MAX_MEAN) {
    const x = Math.round(mean + Math.sqrt(mean * (1 - p)) * inverseNormalCdf(u));
    return Math.min(n, Math.max(0, x));
  }
  let k = 0;
  let pmf = Math.exp(n * Math.log1p(-p));
  let cdf = pmf;
  const ratio = p / (1 - p);
  while (u >= cdf && k < n && k < 400) {
    pmf *= ((n - k) / (k + 1)) * ratio;
    k++;
    cdf += pmf;
  }
  return k;
}

/**
 * multinomialFromUniforms splits `n` over `probs` (summing to 1) as conditional binomials, one
 * uniform per category except the last, which takes the rest. `uniforms.length` must be at least
 * `probs.length - 1`; every uniform is consumed even when nothing is left to split.
 */
export function multinomialFromUniforms(
  n: number,
  probs: readonly number[],
  uniforms: readonly number[],
): number[] {
  const out = new Array<number>(probs.length).fill(0);
  let remaining = n;
  let mass = 1;
  for (let i = 0; i < probs.length - 1; i++) {
    const p = mass > 0 ? Math.min(1, Math.max(0, probs[i] / mass)) : 0;
    const k = binomialFromUniform(remaining, p, uniforms[i]);
    out[i] = k;
    remaining -= k;
    mass -= probs[i];
  }
  out[probs.length - 1] = remaining;
  return out;
}

/**
 * logNormalBucketProbabilities returns, for upper bounds `les` (seconds, ascending), the share of
 * a log-normal latency (median `medianSeconds`, log-space sd `sigma`) in each bucket
 * (le[i-1], le[i]], plus a last entry for (le[last], +Inf).
 */
export function logNormalBucketProbabilities(
  les: readonly number[],
  medianSeconds: number,
  sigma: number,
): number[] {
  const mu = Math.log(Math.max(medianSeconds, 1e-9));
  const cdf = les.map((le) =>
    sigma > 0 ? normalCdf((Math.log(le) - mu) / sigma) : le >= medianSeconds ? 1 : 0,
  );
  const out: number[] = [];
  let prev = 0;
  for (const c of cdf) {
    out.push(Math.max(0, c - prev));
    prev = c;
  }
  out.push(Math.max(0, 1 - prev));
  return out;
}

/**
 * logNormalBucketMeans returns the mean latency (seconds) of a request falling in each bucket of
 * {@link logNormalBucketProbabilities}, so a histogram's `_sum` follows from its bucket counts
 * without a draw: E[X | a < X ≤ b] = e^(μ+σ²/2) · (Φ(β−σ) − Φ(α−σ)) / (Φ(β) − Φ(α)).
 */
export function logNormalBucketMeans(
  les: readonly number[],
  medianSeconds: number,
  sigma: number,
): number[] {
  const mu = Math.log(Math.max(medianSeconds, 1e-9));
  const bounds = [0, ...les, Infinity];
  const out: number[] = [];
  for (let i = 0; i < bounds.length - 1; i++) {
    const lo = bounds[i];
    const hi = bounds[i + 1];
    const mid = Number.isFinite(hi) ? (lo + hi) / 2 : lo * 1.5;
    if (!(sigma > 0)) {
      out.push(medianSeconds > lo && medianSeconds <= hi ? medianSeconds : mid);
      continue;
    }
    const alpha = lo > 0 ? (Math.log(lo) - mu) / sigma : -Infinity;
    const beta = Number.isFinite(hi) ? (Math.log(hi) - mu) / sigma : Infinity;
    const phi = (z: number): number => (z === Infinity ? 1 : z === -Infinity ? 0 : normalCdf(z));
    const mass = phi(beta) - phi(alpha);
    if (mass < 1e-12) {
      out.push(mid);
      continue;
    }
    const mean =
      (Math.exp(mu + (sigma * sigma) / 2) * (phi(beta - sigma) - phi(alpha - sigma))) / mass;
    out.push(Math.min(Number.isFinite(hi) ? hi : Infinity, Math.max(lo, mean)));
  }
  return out;
}
