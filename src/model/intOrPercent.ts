/**
 * Int-or-percent values (maxSurge, maxUnavailable, canary weights given as "25%"): parsing and
 * scaling against a total. Argo counterpart: k8s.io/apimachinery intstr as Argo's resolvers use
 * it (utils/replicaset). Rule: pure, never throws; invalid input is a result, not an exception.
 */

/** IntOrPercent is a parsed int-or-string: a plain integer, or a percentage of some total. */
export type IntOrPercent =
  | { readonly kind: 'int'; readonly value: number }
  | { readonly kind: 'percent'; readonly percent: number };

/** IntOrPercentResult is the outcome of parsing an int-or-string value. */
export type IntOrPercentResult =
  | { readonly kind: 'ok'; readonly value: IntOrPercent }
  | { readonly kind: 'error'; readonly message: string };

/** ScaledResult is the outcome of scaling an int-or-string value against a total. */
export type ScaledResult =
  | { readonly kind: 'ok'; readonly value: number }
  | { readonly kind: 'error'; readonly message: string };

/** goAtoi ports strconv.Atoi on a 64-bit platform: optional sign, ASCII digits, int64 range. */
function goAtoi(s: string): number | undefined {
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined;
  const big = BigInt(s);
  if (big > 9_223_372_036_854_775_807n || big < -9_223_372_036_854_775_808n) return undefined;
  return Number(big);
}

/**
 * parseIntOrPercent reads a YAML int-or-string the way Argo's replica arithmetic does: a number is
 * an integer count; a string has every `%` removed and the rest must be a Go integer, and is then
 * ALWAYS a percentage. So `"25%"` and `"25"` both mean 25 % (Argo's default maxSurge is the string
 * "25"). Non-integer numbers, `"abc"`, `""`, `"2.5%"` and non-scalars are errors.
 */
export function parseIntOrPercent(value: unknown): IntOrPercentResult {
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) {
      return {
        kind: 'error',
        message: `invalid value ${value}: must be an integer or a percentage`,
      };
    }
    return { kind: 'ok', value: { kind: 'int', value } };
  }
  if (typeof value === 'string') {
    const n = goAtoi(value.replaceAll('%', ''));
    if (n === undefined) {
      return {
        kind: 'error',
        message: `invalid value ${JSON.stringify(value)}: must be an integer or a percentage`,
      };
    }
    return { kind: 'ok', value: { kind: 'percent', percent: n } };
  }
  return { kind: 'error', message: 'invalid type: neither int nor percentage' };
}

/**
 * scaledValueFromIntOrPercent ports GetScaledValueFromIntOrPercent with Argo's percent rule: an
 * integer is returned as is; a percentage p gives ceil(p·total/100) when roundUp, else floor.
 * Example: "25%" of 10 → 3 rounding up (maxSurge), 2 rounding down (maxUnavailable).
 */
export function scaledValueFromIntOrPercent(
  value: unknown,
  total: number,
  roundUp: boolean,
): ScaledResult {
  const parsed = parseIntOrPercent(value);
  if (parsed.kind === 'error')
    return { kind: 'error', message: `invalid value for IntOrString: ${parsed.message}` };
  return { kind: 'ok', value: scaleIntOrPercent(parsed.value, total, roundUp) };
}

/** scaleIntOrPercent scales an already-parsed value against total (see scaledValueFromIntOrPercent). */
export function scaleIntOrPercent(value: IntOrPercent, total: number, roundUp: boolean): number {
  if (value.kind === 'int') return value.value;
  const exact = (value.percent * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

/**
 * intValueOfIntOrString ports IntOrString.IntValue(): an integer as is, a string through Atoi with
 * 0 on failure. Argo uses it for metric limits (count, failureLimit, consecutiveErrorLimit …),
 * which is why "a string that is not an integer counts as 0".
 */
export function intValueOfIntOrString(value: unknown): number {
  if (typeof value === 'number') return Number.isInteger(value) ? value : 0;
  if (typeof value === 'string') return goAtoi(value) ?? 0;
  return 0;
}
