// Mirrors the RFC 3339 handling behind Argo's `scale-down-deadline` annotation (Go's
// time.Parse / Format with time.RFC3339), as pure calendar arithmetic on virtual milliseconds.
const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * Parses an RFC 3339 timestamp into milliseconds since the Unix epoch, or undefined when the
 * text is not RFC 3339 (Argo then treats the annotation as unreadable).
 *
 * Example: "1970-01-01T00:00:30Z" → 30000; "2024-02-29T12:00:00+02:00" → the instant 10:00 UTC.
 */
export function parseRfc3339(text: string): number | undefined {
  const m = RFC3339.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const days = daysFromCivil(Number(y), Number(mo), Number(d));
  let ms = days * MS_PER_DAY + ((Number(h) * 60 + Number(mi)) * 60 + Number(s)) * 1000;
  if (frac) ms += Math.floor(Number(`0${frac}`) * 1000);
  if (zone && zone !== 'Z' && zone !== 'z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    ms -= sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60_000;
  }
  return ms;
}

/**
 * Formats milliseconds since the Unix epoch as RFC 3339 in UTC with whole seconds, as Argo
 * writes `scale-down-deadline` (sub-second parts are truncated).
 *
 * Example: 30000 → "1970-01-01T00:00:30Z".
 */
export function formatRfc3339(ms: number): string {
  const days = Math.floor(ms / MS_PER_DAY);
  let secondsOfDay = Math.floor((ms - days * MS_PER_DAY) / 1000);
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const hour = Math.floor(secondsOfDay / 3600);
  secondsOfDay -= hour * 3600;
  const minute = Math.floor(secondsOfDay / 60);
  const second = secondsOfDay - minute * 60;
  const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}Z`;
}
