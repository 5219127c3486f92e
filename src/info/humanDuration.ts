/**
 * Short human durations and RFC 3339 timestamps for the `get rollout` view model.
 * Mirrors k8s.io/apimachinery/pkg/util/duration (HumanDuration), which the Argo plugin's
 * `info.Age` and `info.ScaleDownDelay` call. Pure: "now" always arrives as epoch milliseconds.
 */

const SECOND_MS = 1000;
const MINUTE_MS = 60 * SECOND_MS;
const HOUR_MS = 60 * MINUTE_MS;

/** Epoch milliseconds of Go's zero `time.Time` (0001-01-01T00:00:00Z). */
const GO_ZERO_TIME_MS = -62_135_596_800_000;
/** The largest Go `time.Duration` (2^63-1 ns) in whole milliseconds; `Time.Sub` saturates here. */
const GO_MAX_DURATION_MS = 9_223_372_036_854;

/**
 * `humanDuration` returns the succinct, two-to-three significant figure form of a duration that
 * kubectl prints in AGE columns, e.g. `45s`, `5m30s`, `12m`, `3h59m`, `20h`, `7d`, `3d4h`, `400d`,
 * `2y30d`, `9y`.
 *
 * The thresholds are k8s' own: seconds up to 2 minutes, `XmYs` under 10 minutes, minutes under 3
 * hours, `XhYm` under 8 hours, hours under 2 days, `XdYh` under 8 days, days under 2 years, `XyYd`
 * under 8 years. Up to one second in the future reads `0s` (clock skew); further is `<invalid>`.
 * Every step truncates towards zero, as Go's integer division does.
 */
export function humanDuration(durationMs: number): string {
  const seconds = Math.trunc(durationMs / SECOND_MS);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60 * 2) return `${seconds}s`;

  const minutes = Math.trunc(durationMs / MINUTE_MS);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;

  const hours = Math.trunc(durationMs / HOUR_MS);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  const days = Math.trunc(hours / 24);
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${days}d` : `${days}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${days}d`;
  const years = Math.trunc(days / 365);
  if (hours < 24 * 365 * 8) {
    const dy = days % 365;
    return dy === 0 ? `${years}y` : `${years}y${dy}d`;
  }
  return `${years}y`;
}

const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * `epochMsFromRfc3339` parses an RFC 3339 timestamp (`2019-10-28T04:52:26Z`,
 * `2019-10-28T06:52:26.5+02:00`) into epoch milliseconds, or returns `undefined` when the text is
 * not one, as Go's `time.Parse(time.RFC3339, …)` would fail. Sub-millisecond digits are truncated.
 * Written by hand because the view model may not touch `Date` (determinism rule).
 */
export function epochMsFromRfc3339(text: string): number | undefined {
  const m = RFC3339.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const fraction = m[7] ?? '';
  const millis = fraction === '' ? 0 : Number(fraction.slice(0, 3).padEnd(3, '0'));
  let offsetMin = 0;
  if (m[8] === undefined) {
    const oh = Number(m[10]);
    const om = Number(m[11]);
    if (oh > 23 || om > 59) return undefined;
    offsetMin = (m[9] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const days = daysFromCivil(year, month, day);
  return (
    days * 24 * HOUR_MS +
    hour * HOUR_MS +
    minute * MINUTE_MS +
    second * SECOND_MS +
    millis -
    offsetMin * MINUTE_MS
  );
}

/**
 * `ageOf` returns the AGE column text for an object created at `creationTimestamp`, as Argo's
 * `info.Age` does. A missing or unreadable timestamp is Go's zero time, so (with `Time.Sub`
 * saturating) it reads `292y`, exactly as the plugin shows it.
 */
export function ageOf(creationTimestamp: string | undefined, nowMs: number): string {
  const created =
    creationTimestamp === undefined ? undefined : epochMsFromRfc3339(creationTimestamp);
  const elapsed = nowMs - (created ?? GO_ZERO_TIME_MS);
  return humanDuration(Math.min(elapsed, GO_MAX_DURATION_MS));
}
