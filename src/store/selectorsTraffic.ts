/**
 * Traffic selectors for the request visualiser (rollouts-demo's blue/yellow page, drawn next to
 * the rollout): where sampled requests can go (one destination per ReplicaSet, with its image,
 * role and weight) and what share of the recent requests each version served (the demo's bar).
 * Rule: pure functions of plain data (a frame, a list of requests); no React, no time source.
 */
import type { Frame } from './frames';
import { rolloutName, selectPodsByRevision, selectTrafficShare } from './selectors';

/** RequestDestination is one place requests can land: the pods of one pod-template hash. */
export interface RequestDestination {
  /** The pods' `rollouts-pod-template-hash`. */
  readonly hash: string;
  /** What to call it: `rev 2 · yellow`. */
  readonly label: string;
  /** The first container's image (its colour). */
  readonly image: string;
  /** `stable`, `canary`, `active`, `preview` or `other` (an old ReplicaSet still running pods). */
  readonly role: string;
  /** Share of production traffic it receives, percent 0..100. */
  readonly weight: number;
}

/** The minimal request shape the selectors read (src/traffic's SampledRequest satisfies it). */
export interface RequestSample {
  /** Virtual ms at which the request arrived. */
  readonly t: number;
  /** The image that answered. */
  readonly version: string;
  readonly hash: string;
  /** HTTP status code. */
  readonly status: number;
  readonly latencyMs: number;
  /** A shadow copy made by a mirror route (not a user request). */
  readonly mirror?: true;
}

type Json = Record<string, unknown>;

function obj(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Json)
    : {};
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

const HASH_LABEL = 'rollouts-pod-template-hash';

function tagOf(image: string): string {
  const at = image.lastIndexOf(':');
  const slash = image.lastIndexOf('/');
  return at > slash ? image.slice(at + 1) : image.slice(slash + 1);
}

/**
 * selectRequestDestinations lists the rollout's ReplicaSets that serve or could serve requests
 * (running pods or a non-zero weight), stable/active first. The weight is the router weight from
 * the Rollout's status when traffic-routed (`status.canary.weights`), 100 for the blue-green
 * active and 0 for its preview, else each version's share of ready pods (a plain Service).
 */
export function selectRequestDestinations(frame: Frame, name?: string): RequestDestination[] {
  const n = rolloutName(frame, name);
  const groups = selectPodsByRevision(frame, n);
  const traffic = selectTrafficShare(frame, n);
  const hashOf = new Map<string, string>();
  for (const o of frame.objects) {
    if (o.kind !== 'ReplicaSet') continue;
    const labels = obj(obj(o.metadata).labels);
    hashOf.set(str(o.metadata?.name), str(labels[HASH_LABEL]));
  }
  const order: Record<string, number> = { stable: 0, active: 0, canary: 1, preview: 1, other: 2 };
  const out: (RequestDestination & { revision: number })[] = [];
  for (const g of groups) {
    const slice = traffic.slices.find((s) => s.revision === g.revision);
    const weight = slice ? Math.round(slice.share * 10_000) / 100 : 0;
    const running = g.pods.some((p) => p.state !== 'terminating');
    if (!running && weight === 0) continue;
    const dash = g.replicaSet.lastIndexOf('-');
    const hash = hashOf.get(g.replicaSet) || (dash >= 0 ? g.replicaSet.slice(dash + 1) : '');
    const role = g.roles.includes('active')
      ? 'active'
      : g.roles.includes('preview')
        ? 'preview'
        : (g.roles[0] ?? 'other');
    out.push({
      hash,
      label: `rev ${g.revision} · ${tagOf(g.image)}`,
      image: g.image,
      role,
      weight,
      revision: g.revision,
    });
  }
  return out
    .sort((a, b) => (order[a.role] ?? 2) - (order[b.role] ?? 2) || a.revision - b.revision)
    .map(({ hash, label, image, role, weight }) => ({ hash, label, image, role, weight }));
}

/** ServedShare is one version's part of the recent requests. */
export interface ServedShare {
  /** The image that answered. */
  readonly version: string;
  readonly requests: number;
  /** Requests answered with a 5xx. */
  readonly errors: number;
  /** Share of all requests in the window, 0..1. */
  readonly share: number;
}

/** ServedShares is the rollouts-demo bar for one window. */
export interface ServedShares {
  /** The window's end (virtual ms): `nowMs`, else the newest request's time. */
  readonly endMs: number;
  readonly windowMs: number;
  readonly total: number;
  readonly errors: number;
  /** Versions by requests served, most first (ties by name). */
  readonly versions: readonly ServedShare[];
  /** Requests and errors per pod-template hash (a version can run under two hashes). */
  readonly byHash: Readonly<Record<string, { readonly requests: number; readonly errors: number }>>;
  /** Shadow copies made by mirror routes in the window (not in any count above). */
  readonly mirrored: number;
}

/** isError is how a response counts as failed: any 5xx. */
export function isError(status: number): boolean {
  return status >= 500;
}

/**
 * selectServedShares counts the requests of the last `windowMs` before `nowMs` (default: the
 * newest request) per version: requests, 5xx errors and the share of all requests. Mirrored
 * copies are users' requests copied to the canary; their answers reach no one, so they are
 * counted apart (`mirrored`), never as served requests or errors.
 */
export function selectServedShares(
  requests: readonly RequestSample[],
  windowMs: number,
  nowMs?: number,
): ServedShares {
  let end = nowMs ?? -Infinity;
  if (nowMs === undefined) for (const r of requests) end = Math.max(end, r.t);
  if (!Number.isFinite(end)) end = 0;
  const start = end - windowMs;
  const by = new Map<string, { requests: number; errors: number }>();
  const byHash: Record<string, { requests: number; errors: number }> = {};
  let total = 0;
  let errors = 0;
  let mirrored = 0;
  for (const r of requests) {
    if (r.t <= start || r.t > end) continue;
    if (r.mirror) {
      mirrored++;
      continue;
    }
    let entry = by.get(r.version);
    if (!entry) by.set(r.version, (entry = { requests: 0, errors: 0 }));
    const h = (byHash[r.hash] ??= { requests: 0, errors: 0 });
    entry.requests++;
    h.requests++;
    total++;
    if (isError(r.status)) {
      entry.errors++;
      h.errors++;
      errors++;
    }
  }
  const versions = [...by.entries()]
    .map(([version, e]) => ({
      version,
      requests: e.requests,
      errors: e.errors,
      share: total > 0 ? e.requests / total : 0,
    }))
    .sort((a, b) => b.requests - a.requests || (a.version < b.version ? -1 : 1));
  return { endMs: end, windowMs, total, errors, versions, byHash, mirrored };
}
