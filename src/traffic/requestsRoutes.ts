/**
 * Which share of a rollout's users a router's header and mirror routes catch. Argo counterpart:
 * none (it is what the proxy does with the routes Argo writes: Istio evaluates its http routes in
 * order and the first match wins; ALB, Apisix and the Gateway API rule match when every header
 * condition holds). Rule: pure, aggregate over user groups (the scenario's `traffic.headers`),
 * never per request — the cost is O(groups × routes) per rollout and tick.
 */
import { translateRe2 } from '../model';
import type {
  ObservedHeaderRoute,
  ObservedMirrorRoute,
  ObservedRouteMatch,
  ObservedSplit,
  ObservedStringMatch,
} from './router';

/** HeaderShare is a share of a rollout's users that send these headers (scenario `traffic.headers`). */
export interface HeaderShare {
  /** Share of the offered load, 0..1 (the shares of a scenario sum to at most 1). */
  readonly share: number;
  /** Headers every request of this group carries (names are case-insensitive). */
  readonly set: Readonly<Record<string, string>>;
}

/** RoutedShares is how much of a rollout's load the managed routes catch. */
export interface RoutedShares {
  /** Share of the load a header route sends 100 % to the canary (taken out of the weights). */
  readonly header: number;
  /** Share of the load copied to the canary as shadow traffic (on top of the weights). */
  readonly mirror: number;
}

export const NOT_ROUTED: RoutedShares = Object.freeze({ header: 0, mirror: 0 });

/** The simulated requests are `GET /` (the series' `method` and `path` labels). */
const REQUEST_METHOD = 'GET';
const REQUEST_PATH = '/';

const regexCache = new Map<string, RegExp | null>();

// RE2 as Envoy uses it (Go's syntax, translated by model/re2): the whole value must match. An
// invalid pattern, or one RE2 rejects (backreferences, lookaround), matches nothing.
function fullMatch(pattern: string, value: string): boolean {
  let re = regexCache.get(pattern);
  if (re === undefined) {
    if (regexCache.size > 256) regexCache.clear();
    try {
      // Anchored after translation, so leading flag groups such as (?i) stay leading.
      const { source, flags } = translateRe2(pattern);
      re = new RegExp(`^(?:${source})$`, flags);
    } catch {
      re = null;
    }
    regexCache.set(pattern, re);
  }
  return re !== null && re.test(value);
}

/** stringMatches applies an Argo StringMatch (exact, else prefix, else regex) to a value. */
export function stringMatches(m: ObservedStringMatch, value: string | undefined): boolean {
  if (value === undefined) return false; // a missing header matches no value condition
  if (m.exact !== undefined) return value === m.exact;
  if (m.prefix !== undefined) return value.startsWith(m.prefix);
  if (m.regex !== undefined) return fullMatch(m.regex, value);
  return false;
}

function headerOf(headers: Readonly<Record<string, string>>, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === lower) return v;
  return undefined;
}

/** headerRouteMatches reports whether requests carrying `headers` take the header route. */
export function headerRouteMatches(
  route: ObservedHeaderRoute,
  headers: Readonly<Record<string, string>>,
): boolean {
  if (route.match.length === 0) return false;
  const hit = (m: ObservedHeaderRoute['match'][number]): boolean =>
    stringMatches(m.headerValue, headerOf(headers, m.headerName));
  return route.matchAll ? route.match.every(hit) : route.match.some(hit);
}

function routeMatchHolds(
  m: ObservedRouteMatch,
  headers: Readonly<Record<string, string>>,
): boolean {
  if (m.method && !stringMatches(m.method, REQUEST_METHOD)) return false;
  if (m.path && !stringMatches(m.path, REQUEST_PATH)) return false;
  for (const [name, sm] of Object.entries(m.headers ?? {}))
    if (!stringMatches(sm, headerOf(headers, name))) return false;
  return true;
}

/** mirrorRouteMatches reports whether `GET /` requests carrying `headers` take the mirror route. */
export function mirrorRouteMatches(
  route: ObservedMirrorRoute,
  headers: Readonly<Record<string, string>>,
): boolean {
  return route.match.some((m) => routeMatchHolds(m, headers));
}

type Ordered =
  | { readonly kind: 'header'; readonly rank: number; readonly route: ObservedHeaderRoute }
  | { readonly kind: 'mirror'; readonly rank: number; readonly route: ObservedMirrorRoute };

/**
 * routedShares returns the share of the load `split`'s header routes send to the canary and the
 * share its mirror routes copy there. Each user group (plus the rest of the users, who send no
 * header) takes the first route that matches, in `managedRoutes` order (Istio puts the managed
 * routes first, in that order); a group no route matches follows the weights.
 */
export function routedShares(
  split: ObservedSplit | undefined,
  groups: readonly HeaderShare[],
  managedRoutes: readonly string[],
): RoutedShares {
  const headerRoutes = split?.headerRoutes ?? [];
  const mirrorRoutes = split?.mirrorRoutes ?? [];
  if (headerRoutes.length === 0 && mirrorRoutes.length === 0) return NOT_ROUTED;
  const rankOf = (name: string): number => {
    const i = managedRoutes.indexOf(name);
    return i < 0 ? managedRoutes.length : i;
  };
  const routes: Ordered[] = [
    ...headerRoutes.map((route) => ({ kind: 'header' as const, rank: rankOf(route.name), route })),
    ...mirrorRoutes.map((route) => ({ kind: 'mirror' as const, rank: rankOf(route.name), route })),
  ].sort((a, b) => a.rank - b.rank);
  let given = 0;
  const all: HeaderShare[] = [];
  for (const g of groups) {
    const share = Math.min(Math.max(0, g.share), Math.max(0, 1 - given));
    given += share;
    if (share > 0) all.push({ share, set: g.set });
  }
  if (given < 1) all.push({ share: 1 - given, set: {} });
  let header = 0;
  let mirror = 0;
  for (const g of all) {
    for (const r of routes) {
      if (r.kind === 'header') {
        if (!headerRouteMatches(r.route, g.set)) continue;
        header += g.share;
        break;
      }
      if (!mirrorRouteMatches(r.route, g.set)) continue;
      mirror += (g.share * Math.min(100, Math.max(0, r.route.percentage))) / 100;
      break;
    }
  }
  return { header: Math.min(1, header), mirror };
}
