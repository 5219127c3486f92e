// Builders shared by the AnalysisRun kernel and controller tests: turn the digest's compact case
// encoding (measurements as {phase, finished}, times in seconds relative to now) into CRD objects.
import type { AnalysisMetric, Measurement, MetricResult } from '../../../src/kernels';
import { formatRfc3339 } from '../../../src/kernels';
import type { AnalysisRun } from '../../../src/model';
import { DEFAULT_EPOCH_MS } from '../../../src/sim';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** NOW is the evaluation instant of every case (whole seconds, as metav1.Time keeps them). */
export const NOW = DEFAULT_EPOCH_MS + 3_600_000;
/** ago formats NOW − seconds as RFC 3339 (negative seconds are in the future). */
export const ago = (seconds: number): string => formatRfc3339(NOW - seconds * 1000);

/** providerFrom expands the digest's shorthand ("job", "prometheus", ...) into a provider object. */
export function providerFrom(p: Json): Json {
  if (p === undefined) return undefined;
  if (typeof p === 'string')
    return p === 'prometheus' ? { prometheus: { query: 'q' } } : { [p]: {} };
  return p;
}

/** metricFrom turns a case metric into a CRD metric. */
export function metricFrom(m: Json): AnalysisMetric {
  const out: Json = { ...m };
  if ('provider' in m) out.provider = providerFrom(m.provider);
  return out as AnalysisMetric;
}

/** measurementFrom turns {phase, finished, ...SecondsAgo} into a Measurement. */
export function measurementFrom(m: Json): Measurement {
  const out: Measurement = {
    phase: m.phase,
    startedAt: ago(m.startedAtSecondsAgo ?? m.finishedAtSecondsAgo ?? 0),
  };
  if (m.finished) out.finishedAt = ago(m.finishedAtSecondsAgo ?? 0);
  if (m.resumeAtSeconds !== undefined) out.resumeAt = ago(-m.resumeAtSeconds);
  if (m.message !== undefined) out.message = m.message;
  return out;
}

/** resultFrom turns a case metric result into a MetricResult (phase "" when not given). */
export function resultFrom(r: Json, name = r.name ?? 'success-rate'): MetricResult {
  const out: Json = { name, phase: r.phase ?? '' };
  for (const k of [
    'count',
    'successful',
    'failed',
    'inconclusive',
    'error',
    'consecutiveError',
    'consecutiveSuccess',
    'message',
  ]) {
    if (r[k] !== undefined) out[k] = r[k];
  }
  if (r.dryRun) out.dryRun = true;
  if (r.measurements) out.measurements = r.measurements.map(measurementFrom);
  return out as MetricResult;
}

/** runFrom builds an AnalysisRun from case metrics and status. */
export function runFrom(metrics: Json[], status: Json = {}, spec: Json = {}): AnalysisRun {
  const st: Json = { phase: status.phase ?? '' };
  if (status.metricResults) st.metricResults = status.metricResults.map((r: Json) => resultFrom(r));
  if (status.startedAtSecondsAgo !== undefined) st.startedAt = ago(status.startedAtSecondsAgo);
  if (status.startedAt === 'now') st.startedAt = ago(0);
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AnalysisRun',
    metadata: { name: 'run', namespace: 'default' },
    spec: { ...spec, metrics: metrics.map(metricFrom) },
    status: st,
  };
}
