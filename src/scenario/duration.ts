/**
 * Scenario durations (integer seconds, or strings with ms/s/m/h such as `1m30s`) and the
 * `t=1m20s` rendering of virtual time. Counterpart: Go's time.ParseDuration / Duration.String.
 * Rule: parsing delegates to src/model/duration.ts so the scenario and model layers agree.
 */
import { durationFromScenario } from '../model';

/** ScenarioDuration is a parsed duration in whole virtual milliseconds, or why it is not one. */
export type ScenarioDuration =
  | { readonly kind: 'ok'; readonly ms: number }
  | { readonly kind: 'error'; readonly message: string };

/**
 * scenarioDurationMs parses a scenario duration: a non-negative integer is seconds (`30` → 30000),
 * a string uses ms, s, m and h (`"1m30s"` → 90000, `"250ms"` → 250). Sub-millisecond results
 * are rejected because virtual time moves in whole milliseconds.
 */
export function scenarioDurationMs(value: unknown): ScenarioDuration {
  const parsed = durationFromScenario(value);
  if (parsed.kind === 'error') return parsed;
  const ms = Number(parsed.ms);
  if (!Number.isInteger(ms)) {
    return {
      kind: 'error',
      message: `duration ${String(value)} is not a whole number of milliseconds`,
    };
  }
  if (!Number.isSafeInteger(ms)) {
    return { kind: 'error', message: `duration ${String(value)} is too long` };
  }
  return { kind: 'ok', ms };
}

/**
 * formatVirtualTime renders milliseconds the way Go's Duration.String does, which is also how
 * durations are written in scenario files: 0 → `0s`, 250 → `250ms`, 80000 → `1m20s`,
 * 3600000 → `1h0m0s`, 1500 → `1.5s`.
 */
export function formatVirtualTime(ms: number): string {
  if (!Number.isFinite(ms)) return String(ms);
  const sign = ms < 0 ? '-' : '';
  let rest = Math.abs(Math.round(ms));
  if (rest === 0) return '0s';
  if (rest < 1000) return `${sign}${rest}ms`;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const wholeSeconds = Math.floor(rest / 1000);
  const millis = rest - wholeSeconds * 1000;
  const seconds =
    millis === 0
      ? String(wholeSeconds)
      : `${wholeSeconds}.${String(millis).padStart(3, '0').replace(/0+$/, '')}`;
  if (hours > 0) return `${sign}${hours}h${minutes}m${seconds}s`;
  if (minutes > 0) return `${sign}${minutes}m${seconds}s`;
  return `${sign}${seconds}s`;
}
