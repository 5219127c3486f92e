/**
 * The handful of signals every non-Prometheus provider's common queries boil down to — request
 * count, error count, success count, request rate, latency quantile and mean — computed over the
 * simulated `http_requests_total` / `http_request_duration_seconds` series by generating PromQL.
 * No Argo counterpart (each vendor backend computes these). Rule: one definition of "error"
 * (HTTP 5xx) and "latency" (seconds) shared by every provider.
 */
import type { SignalView } from './provider';
import { evaluatePromQL } from './promql';

/** The kinds of signal a provider query can ask for. */
export type MeasureKind =
  'requests' | 'errors' | 'successes' | 'latencyAvg' | 'latencyQuantile' | 'latencySum';

/** A label filter on our series (`=`, `!=`, `=~`, `!~` as in PromQL). */
export interface LabelFilter {
  readonly label: string;
  readonly op: '=' | '!=' | '=~' | '!~';
  readonly value: string;
}

/** One signal over one window. */
export interface MeasureQuery {
  readonly kind: MeasureKind;
  readonly filters: readonly LabelFilter[];
  /** The look-back window ending at the evaluation instant, in ms. */
  readonly windowMs: number;
  /** For counts: per second instead of per window. */
  readonly perSecond?: boolean;
  /** For `latencyQuantile`: 0..1. */
  readonly quantile?: number;
  /** Group by these labels: the answer has one entry per group. */
  readonly by?: readonly string[];
}

/** One answer per group (a single entry with empty labels when not grouped). */
export interface MeasureValue {
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

const quote = (s: string): string => JSON.stringify(s);

/** globToRegex turns a `*` / `?` / `{a,b}` wildcard into an anchored-regex body (RE2 syntax). */
export function globToRegex(glob: string): string {
  let out = '';
  let inBraces = false;
  for (const ch of glob) {
    if (ch === '*') out += '.*';
    else if (ch === '?') out += '.';
    else if (ch === '{') {
      out += '(?:';
      inBraces = true;
    } else if (ch === '}' && inBraces) {
      out += ')';
      inBraces = false;
    } else if (ch === ',' && inBraces) out += '|';
    else out += ch.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return out;
}

/** promqlFor returns the PromQL that computes `q` (exported so the README and tests can show it). */
export function promqlFor(q: MeasureQuery): string {
  const window = `[${Math.max(1, Math.round(q.windowMs / 1000))}s]`;
  const sel = (extra: string[] = []): string => {
    const parts = [...q.filters.map((f) => `${f.label}${f.op}${quote(f.value)}`), ...extra];
    return parts.length > 0 ? `{${parts.join(',')}}` : '';
  };
  const by = q.by && q.by.length > 0 ? ` by (${q.by.join(',')})` : '';
  const grow = q.perSecond ? 'rate' : 'increase';
  const count = (extra: string[]): string => {
    const s = `sum${by}(${grow}(http_requests_total${sel(extra)}${window}))`;
    // Error series only exist once an error happened; an absent one counts as zero.
    return by ? s : `(${s} or vector(0))`;
  };
  switch (q.kind) {
    case 'requests':
      return count([]);
    case 'errors':
      return count(['code=~"5.."']);
    case 'successes':
      return count(['code!~"5.."']);
    case 'latencySum':
      return `sum${by}(${grow}(http_request_duration_seconds_sum${sel()}${window}))`;
    case 'latencyAvg':
      return `sum${by}(increase(http_request_duration_seconds_sum${sel()}${window})) / sum${by}(increase(http_request_duration_seconds_count${sel()}${window}))`;
    case 'latencyQuantile': {
      const keep = [...(q.by ?? []), 'le'].join(',');
      return `histogram_quantile(${q.quantile ?? 0.95}, sum by (${keep})(increase(http_request_duration_seconds_bucket${sel()}${window})))`;
    }
  }
}

/**
 * measure evaluates `q` at `atMs`. Ungrouped counts are 0 without traffic; an ungrouped latency
 * without requests is NaN (as the backends answer "no data"); grouped answers list only groups
 * that have series.
 */
export function measure(signals: SignalView, atMs: number, q: MeasureQuery): MeasureValue[] {
  const r = evaluatePromQL(promqlFor(q), signals, atMs);
  if (r.kind === 'error') throw new Error(r.message);
  const v = r.value;
  if (v.kind === 'scalar') return [{ labels: {}, value: v.value }];
  if (v.kind !== 'vector') return [];
  const out = v.samples.map((s) => ({ labels: s.labels, value: s.value }));
  if (!q.by || q.by.length === 0) {
    if (out.length === 0) return [{ labels: {}, value: q.kind.startsWith('latency') ? NaN : 0 }];
    return [out[0]];
  }
  return out.sort((a, b) => (JSON.stringify(a.labels) < JSON.stringify(b.labels) ? -1 : 1));
}

/** measureOne returns the single ungrouped value of `q` at `atMs`. */
export function measureOne(signals: SignalView, atMs: number, q: MeasureQuery): number {
  return measure(signals, atMs, { ...q, by: [] })[0].value;
}
