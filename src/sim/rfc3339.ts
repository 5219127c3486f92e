/**
 * Virtual time as Kubernetes timestamps: RFC 3339 UTC strings with second precision, the way the
 * API server serialises metav1.Time. Written without Date so core code stays wall-clock free.
 * Rule: pure integer arithmetic (Howard Hinnant's civil-from-days algorithm and its inverse).
 */

/** The virtual epoch: virtual time 0 is 2026-01-01T00:00:00Z unless a world chooses otherwise. */
export const DEFAULT_EPOCH_MS = 1_767_225_600_000;

const MS_PER_DAY = 86_400_000;

function civilFromDays(days: number): [number, number, number] {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/**
 * rfc3339FromEpochMs formats epoch milliseconds as `YYYY-MM-DDTHH:MM:SSZ`, truncating to the second
 * as metav1.Time does. Example: 1767225600000 → "2026-01-01T00:00:00Z".
 */
export function rfc3339FromEpochMs(epochMs: number): string {
  const totalSec = Math.floor(epochMs / 1000);
  const days = Math.floor(totalSec / 86_400);
  const secOfDay = totalSec - days * 86_400;
  const [y, mo, d] = civilFromDays(days);
  const h = Math.floor(secOfDay / 3600);
  const mi = Math.floor((secOfDay % 3600) / 60);
  const s = secOfDay % 60;
  return `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}Z`;
}

const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

/**
 * epochMsFromRfc3339 parses an RFC 3339 timestamp (any offset, optional fraction) into epoch
 * milliseconds, or undefined when it is not one. Example: "2026-01-01T00:00:30Z" → 1767225630000.
 */
export function epochMsFromRfc3339(text: string): number | undefined {
  const m = RFC3339.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, z, sign, oh, om] = m;
  const days = daysFromCivil(Number(y), Number(mo), Number(d));
  let ms = days * MS_PER_DAY + Number(h) * 3_600_000 + Number(mi) * 60_000 + Number(s) * 1000;
  if (frac) ms += Math.floor(Number(`0.${frac}`) * 1000);
  if (!z && sign) {
    const offset = (Number(oh) * 60 + Number(om)) * 60_000;
    ms += sign === '+' ? -offset : offset;
  }
  return ms;
}
