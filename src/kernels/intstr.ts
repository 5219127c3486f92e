// Mirrors k8s.io/apimachinery/pkg/util/intstr (intstr.go): resolving an int-or-percent value
// against a total. Argo Rollouts calls the deprecated lenient variant (GetValueFromIntOrPercent),
// which is why its default maxSurge/maxUnavailable string "25" means 25 %.
import type { CanaryStrategy } from '../model/k8s';

/** A Kubernetes IntOrString as it appears in YAML: a number, or a string such as `"25%"`. */
export type IntOrString = NonNullable<CanaryStrategy['maxSurge']>;

const GO_ATOI = /^[+-]?\d+$/;

function atoi(text: string, original: string): number {
  if (!GO_ATOI.test(text)) {
    throw new Error(`invalid value for IntOrString: invalid value "${original}"`);
  }
  return Number.parseInt(text, 10);
}

// The few distinct strings a strategy holds ("25%", "1", ...), parsed once: this runs several
// times per reconcile. Bounded; invalid strings are never cached (they throw every time).
const lenientParsed = new Map<string, number>();

/** lenientPercent is Go's Atoi of `value` with every `%` removed (see getValueFromIntOrPercent). */
function lenientPercent(value: string): number {
  let n = lenientParsed.get(value);
  if (n === undefined) {
    n = atoi(value.replaceAll('%', ''), value);
    if (lenientParsed.size >= 256) lenientParsed.clear();
    lenientParsed.set(value, n);
  }
  return n;
}

function scale(value: number, total: number, roundUp: boolean): number {
  const exact = (value * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

/**
 * GetValueFromIntOrPercent resolves an int-or-percent against `total` the way Argo Rollouts does:
 * a number is used as is; for a string every `%` is removed and the rest is a percentage, so
 * `"25"` and `"25%"` are both 25 %. Percentages are rounded up when `roundUp`, otherwise down.
 *
 * Example: total 10 — `"25%"` with roundUp → ceil(2.5) = 3; `"25"` rounded down → 2; `4` → 4.
 *
 * @throws Error when the value is undefined or the string is not an integer (e.g. `"1.5%"`).
 */
export function getValueFromIntOrPercent(
  value: IntOrString | undefined,
  total: number,
  roundUp: boolean,
): number {
  if (value === undefined) throw new Error('nil value for IntOrString');
  if (typeof value === 'number') return Math.trunc(value);
  return scale(lenientPercent(value), total, roundUp);
}

/**
 * GetScaledValueFromIntOrPercent is the strict modern resolver: a string must end in `%`
 * (`"25"` is an error here, unlike {@link getValueFromIntOrPercent}).
 *
 * Example: total 5 — `"10%"` rounded down → floor(0.5) = 0; `"10"` → throws.
 *
 * @throws Error on undefined, a string without a trailing `%`, or a non-integer percentage.
 */
export function getScaledValueFromIntOrPercent(
  value: IntOrString | undefined,
  total: number,
  roundUp: boolean,
): number {
  if (value === undefined) throw new Error('nil value for IntOrString');
  if (typeof value === 'number') return Math.trunc(value);
  if (!value.endsWith('%')) {
    throw new Error('invalid value for IntOrString: invalid type: string is not a percentage');
  }
  return scale(atoi(value.slice(0, -1), value), total, roundUp);
}
