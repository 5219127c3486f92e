/**
 * The request flow's text summary ("last 2 s: 96 requests, 80 % blue, 20 % yellow, 3 errors"):
 * what screen readers hear and what the reduced-motion view shows.
 */
import type { ServedShares } from '../../store/selectorsTraffic';
import type { FlowKey } from './strings';

type T = (key: FlowKey, vars?: Readonly<Record<string, string | number>>) => string;

/** shortImage is the tag of an image (`argoproj/rollouts-demo:yellow` → `yellow`). */
export function shortImage(image: string): string {
  const at = image.lastIndexOf(':');
  const slash = image.lastIndexOf('/');
  return at > slash ? image.slice(at + 1) : image.slice(slash + 1);
}

/** percent rounds a share (0..1) to a whole percent. */
export function percent(share: number): number {
  return Math.round(share * 100);
}

/** errorsText is "no errors", "1 error" or "3 errors". */
export function errorsText(t: T, count: number): string {
  if (count === 0) return t('flow.errors.none');
  if (count === 1) return t('flow.errors.one');
  return t('flow.errors.many', { count });
}

/** flowSummary words the served shares of one window. */
export function flowSummary(t: T, shares: ServedShares): string {
  const seconds = Math.round(shares.windowMs / 100) / 10;
  if (shares.total === 0) return t('flow.summary.empty', { seconds });
  return t('flow.summary', {
    seconds,
    count: shares.total,
    shares: shares.versions
      .map((v) => t('flow.share', { percent: percent(v.share), version: shortImage(v.version) }))
      .join(', '),
    errors: errorsText(t, shares.errors),
  });
}
