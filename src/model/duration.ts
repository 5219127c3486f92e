/**
 * Duration parsing exactly as Argo Rollouts does it: Go's time.ParseDuration for DurationString
 * fields (analysis interval/initialDelay, experiment duration) and RolloutPause.DurationSeconds for
 * pause steps. Argo counterpart: pkg/apis/rollouts/v1alpha1/types.go. Rule: pure, never throws.
 */
import type { VirtualMs } from './units';

/** GoDurationResult is the outcome of parseGoDuration: whole nanoseconds, or Go's error text. */
export type GoDurationResult =
  | { readonly kind: 'ok'; readonly ns: bigint }
  | { readonly kind: 'error'; readonly message: string };

/** DurationResult is a parsed duration in virtual milliseconds, or an explanation. */
export type DurationResult =
  | { readonly kind: 'ok'; readonly ms: VirtualMs }
  | { readonly kind: 'error'; readonly message: string };

const NS_PER_MS = 1_000_000n;
const MAX_UINT_63 = 1n << 63n; // Go compares against 1<<63 before negating
const INT32_MAX = 2_147_483_647;
const INT32_MIN = -2_147_483_648;

/** GO_DURATION_UNITS maps each unit Go's time.ParseDuration accepts to nanoseconds. */
export const GO_DURATION_UNITS: Readonly<Record<string, bigint>> = {
  ns: 1n,
  us: 1_000n,
  '\u00b5s': 1_000n, // MICRO SIGN
  '\u03bcs': 1_000n, // GREEK SMALL LETTER MU
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

function goQuote(s: string): string {
  return JSON.stringify(s);
}

/**
 * parseGoDuration ports Go's time.ParseDuration: `[-+]?([0-9]*(\.[0-9]*)?[a-z]+)+`, units
 * ns/us/µs/ms/s/m/h, the bare string "0" allowed, anything over ±(2^63−1) ns rejected.
 * Examples: "10s" → 10e9 ns, "1m30s", "1.5h", "-2h45m" (negative is accepted here; callers
 * decide), "10" → error "missing unit", "" → error "invalid duration", "10x" → "unknown unit".
 */
export function parseGoDuration(text: string): GoDurationResult {
  const invalid = (): GoDurationResult => ({
    kind: 'error',
    message: `time: invalid duration ${goQuote(text)}`,
  });
  let s = text;
  let neg = false;
  if (s !== '' && (s[0] === '-' || s[0] === '+')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return { kind: 'ok', ns: 0n };
  if (s === '') return invalid();
  let total = 0n;
  while (s !== '') {
    // The next character must be [0-9.].
    if (!(s[0] === '.' || isDigit(s[0]))) return invalid();
    // Integer part: Go's leadingInt, which fails once the value would pass 2^63.
    let i = 0;
    let v = 0n;
    for (; i < s.length && isDigit(s[i]); i++) {
      if (v > MAX_UINT_63 / 10n) return invalid();
      v = v * 10n + BigInt(s.charCodeAt(i) - 48);
      if (v > MAX_UINT_63) return invalid();
    }
    const pre = i > 0;
    s = s.slice(i);
    // Fraction: Go's leadingFraction keeps digits until they would overflow, then ignores the rest.
    let f = 0n;
    let scale = 1;
    let post = false;
    if (s[0] === '.') {
      s = s.slice(1);
      let j = 0;
      let overflow = false;
      for (; j < s.length && isDigit(s[j]); j++) {
        if (overflow) continue;
        if (f > (MAX_UINT_63 - 1n) / 10n) {
          overflow = true;
          continue;
        }
        const y = f * 10n + BigInt(s.charCodeAt(j) - 48);
        if (y > MAX_UINT_63) {
          overflow = true;
          continue;
        }
        f = y;
        scale *= 10;
      }
      post = j > 0;
      s = s.slice(j);
    }
    if (!pre && !post) return invalid(); // no digits, e.g. ".s"
    // Unit: every character up to the next '.' or digit.
    let u = 0;
    for (; u < s.length && !(s[u] === '.' || isDigit(s[u])); u++);
    if (u === 0)
      return { kind: 'error', message: `time: missing unit in duration ${goQuote(text)}` };
    const unitName = s.slice(0, u);
    s = s.slice(u);
    const unit = GO_DURATION_UNITS[unitName];
    if (unit === undefined) {
      return {
        kind: 'error',
        message: `time: unknown unit ${goQuote(unitName)} in duration ${goQuote(text)}`,
      };
    }
    if (v > MAX_UINT_63 / unit) return invalid();
    v *= unit;
    if (f > 0n) {
      // Go does this step in float64 and truncates; Number() rounds like Go's uint64→float64.
      v += BigInt(Math.trunc(Number(f) * (Number(unit) / scale)));
      if (v > MAX_UINT_63) return invalid();
    }
    total += v;
    if (total > MAX_UINT_63) return invalid();
  }
  if (neg) return { kind: 'ok', ns: -total };
  if (total > MAX_UINT_63 - 1n) return invalid();
  return { kind: 'ok', ns: total };
}

/** msFromNs converts nanoseconds to (possibly fractional) milliseconds. */
function msFromNs(ns: bigint): VirtualMs {
  const whole = ns / NS_PER_MS;
  const rest = ns % NS_PER_MS;
  return (Number(whole) + Number(rest) / 1e6) as VirtualMs;
}

/**
 * durationFromString parses an Argo DurationString (Metric.interval, Metric.initialDelay,
 * Experiment.duration, DatadogMetric.interval …): exactly Go's time.ParseDuration, so a bare
 * number such as "10" is an error ("missing unit") and negative values are accepted. Sub-millisecond
 * parts are kept as a fraction of a millisecond.
 */
export function durationFromString(text: string): DurationResult {
  const parsed = parseGoDuration(text);
  return parsed.kind === 'ok' ? { kind: 'ok', ms: msFromNs(parsed.ns) } : parsed;
}

/**
 * parseGoInt32 ports strconv.ParseInt(s, 10, 32): optional sign, ASCII digits only, int32 range.
 * Returns undefined where Go returns an error.
 */
function parseGoInt32(s: string): number | undefined {
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined;
  const n = Number(s);
  return n >= INT32_MIN && n <= INT32_MAX ? n : undefined;
}

/**
 * pauseDurationSeconds ports RolloutPause.DurationSeconds: undefined/null → 0; an integer → itself;
 * a string that parses as an int32 → that many seconds (Argo's "no unit" special case); any other
 * string → Go's time.ParseDuration truncated toward zero to whole seconds ("500ms" → 0,
 * "1.9s" → 1, "-0.5s" → 0), or −1 when it does not parse. Argo's validation rejects results < 0.
 * Values Go could not decode into an IntOrString (floats, booleans, objects) also give −1, and so
 * do durations beyond int32 seconds (Go's float→int32 conversion yields a negative number on amd64).
 */
export function pauseDurationSeconds(value: unknown): number {
  if (value === undefined || value === null) return 0;
  if (typeof value === 'number') {
    return Number.isInteger(value) && value >= INT32_MIN && value <= INT32_MAX ? value : -1;
  }
  if (typeof value !== 'string') return -1;
  const asInt = parseGoInt32(value);
  if (asInt !== undefined) return asInt;
  const parsed = parseGoDuration(value);
  if (parsed.kind === 'error') return -1;
  const seconds = parsed.ns / 1_000_000_000n; // BigInt division truncates toward zero, like int32(d.Seconds())
  if (seconds > BigInt(INT32_MAX) || seconds < BigInt(INT32_MIN)) return -1;
  return Number(seconds);
}

/**
 * durationFromPause returns a pause step's duration in whole seconds as VirtualMs, following
 * pauseDurationSeconds; a negative or unparseable duration is an error (Argo: "Duration needs to be
 * greater than 0"). An absent duration is an error too: callers treat absence as "pause
 * indefinitely" before calling this.
 */
export function durationFromPause(value: unknown): DurationResult {
  if (value === undefined || value === null) {
    return { kind: 'error', message: 'no duration given (the pause is indefinite)' };
  }
  if (typeof value === 'number' && !Number.isInteger(value)) {
    return { kind: 'error', message: `pause duration ${value} must be a whole number of seconds` };
  }
  if (typeof value !== 'number' && typeof value !== 'string') {
    return { kind: 'error', message: 'pause duration must be an integer or a string' };
  }
  const seconds = pauseDurationSeconds(value);
  if (seconds >= 0) return { kind: 'ok', ms: (seconds * 1000) as VirtualMs };
  if (typeof value === 'string') {
    const parsed = parseGoDuration(value);
    if (parsed.kind === 'error') {
      return {
        kind: 'error',
        message: `invalid pause duration ${goQuote(value)}: ${parsed.message}`,
      };
    }
  }
  return { kind: 'error', message: 'Duration needs to be greater than 0' };
}

/** SCENARIO_DURATION_UNITS are the units a scenario file may use (scenario-format.md). */
export const SCENARIO_DURATION_UNITS: readonly string[] = ['ms', 's', 'm', 'h'];

/**
 * durationFromScenario parses a scenario-file duration: a non-negative integer (seconds), a bare
 * integer string (seconds, as Argo's pause does), or a Go-style string using only ms, s, m and h
 * ("10s", "1m30s", "250ms", "1.5s"). Negative values are errors.
 */
export function durationFromScenario(value: unknown): DurationResult {
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 0) {
      return {
        kind: 'error',
        message: `duration ${value} must be a non-negative whole number of seconds`,
      };
    }
    return { kind: 'ok', ms: (value * 1000) as VirtualMs };
  }
  if (typeof value !== 'string') {
    return {
      kind: 'error',
      message: 'duration must be a number of seconds or a string like "10s"',
    };
  }
  if (/^[0-9]+$/.test(value)) return { kind: 'ok', ms: (Number(value) * 1000) as VirtualMs };
  const units = value.match(/[^0-9.]+/g) ?? [];
  const bad = units.find((u) => !SCENARIO_DURATION_UNITS.includes(u) && u !== '-' && u !== '+');
  if (bad !== undefined) {
    return {
      kind: 'error',
      message: `unknown unit ${goQuote(bad)} in duration ${goQuote(value)} (use ms, s, m or h)`,
    };
  }
  const parsed = parseGoDuration(value);
  if (parsed.kind === 'error') return parsed;
  if (parsed.ns < 0n)
    return { kind: 'error', message: `duration ${goQuote(value)} must not be negative` };
  return { kind: 'ok', ms: msFromNs(parsed.ns) };
}
