/**
 * Virtual milliseconds ⇄ RFC 3339 timestamps, as Kubernetes writes `creationTimestamp` and
 * conditions' `lastTransitionTime`. Counterpart: k8s.io/apimachinery `metav1.Time`. Rule: no `Date`;
 * calendar arithmetic is Howard Hinnant's civil-from-days / days-from-civil, written out here.
 */

/** DEFAULT_EPOCH_MS is the wall-clock instant of virtual time 0: 2026-01-01T00:00:00Z (Unix ms). */
export const DEFAULT_EPOCH_MS = 1767225600000;

const MS_PER_DAY = 86_400_000;

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** civilFromDays returns the proleptic Gregorian [year, month 1–12, day 1–31] of a Unix day number. */
function civilFromDays(days: number): [number, number, number] {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097; // day of era, [0, 146096]
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100)); // [0, 365]
  const mp = Math.floor((5 * doy + 2) / 153); // March-based month, [0, 11]
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return [year, month, day];
}

/** daysFromCivil is the inverse of {@link civilFromDays}. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/**
 * rfc3339 returns the UTC RFC 3339 timestamp of virtual time `ms` (epoch `epochMs`).
 * Whole seconds are written as Kubernetes does (`2026-01-01T00:00:02Z`); a fractional second keeps
 * its milliseconds (`2026-01-01T00:00:02.500Z`, still valid RFC 3339) so that
 * {@link parseRfc3339} round-trips every virtual instant exactly.
 *
 * @example
 * rfc3339(0); // '2026-01-01T00:00:00Z'
 * rfc3339(90_500); // '2026-01-01T00:01:30.500Z'
 */
export function rfc3339(ms: number, epochMs: number = DEFAULT_EPOCH_MS): string {
  const abs = Math.round(epochMs + ms);
  const days = Math.floor(abs / MS_PER_DAY);
  let rest = abs - days * MS_PER_DAY;
  const [year, month, day] = civilFromDays(days);
  const hh = Math.floor(rest / 3_600_000);
  rest -= hh * 3_600_000;
  const mm = Math.floor(rest / 60_000);
  rest -= mm * 60_000;
  const ss = Math.floor(rest / 1000);
  const frac = rest - ss * 1000;
  const date = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
  const time = `${pad(hh, 2)}:${pad(mm, 2)}:${pad(ss, 2)}`;
  return `${date}T${time}${frac === 0 ? '' : `.${pad(frac, 3)}`}Z`;
}

const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

/**
 * parseRfc3339 returns the virtual time (ms since `epochMs`) of an RFC 3339 timestamp, or
 * undefined when `text` is not one. Fractions beyond milliseconds are truncated.
 */
export function parseRfc3339(text: string, epochMs: number = DEFAULT_EPOCH_MS): number | undefined {
  const m = RFC3339.exec(text);
  if (m === null) return undefined;
  const [, y, mo, d, h, mi, s, frac, , sign, oh, om] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  let abs =
    daysFromCivil(Number(y), month, day) * MS_PER_DAY +
    Number(h) * 3_600_000 +
    Number(mi) * 60_000 +
    Number(s) * 1000 +
    (frac === undefined ? 0 : Number(frac.slice(0, 3).padEnd(3, '0')));
  if (sign !== undefined) {
    const offset = (Number(oh) * 60 + Number(om)) * 60_000;
    abs += sign === '+' ? -offset : offset;
  }
  return abs - epochMs;
}
