/**
 * The two capabilities the fake cluster borrows from the simulation engine: a clock and random draws.
 * Declared structurally here so src/cluster compiles against any implementation; src/sim's
 * `createVirtualClock()` and `createRng(seed).stream(name)` satisfy them. Rule: no other time source.
 */

/**
 * ClusterClock is the stepping virtual clock the cluster schedules every delay on (pod stage
 * transitions, graceful deletion, minReadySeconds). Times are virtual milliseconds.
 */
export interface ClusterClock {
  /** now returns the current virtual time in milliseconds. */
  now(): number;
  /** setTimeout runs `fn` once, `ms` virtual milliseconds from now; returns a cancel handle. */
  setTimeout(fn: () => void, ms: number): unknown;
  /** clearTimeout cancels a pending timer; unknown handles are ignored. */
  clearTimeout(id: unknown): void;
}

/** ClusterRng is one deterministic stream of random numbers. */
export interface ClusterRng {
  /** next returns a uniform float in [0, 1). */
  next(): number;
  /** suffix returns `len` characters from Kubernetes' `bcdfghjklmnpqrstvwxz2456789` alphabet. */
  suffix(len: number): string;
}

/** ClusterRngStreams hands out named, independent {@link ClusterRng} streams (src/sim `RngStreams`). */
export interface ClusterRngStreams {
  /** stream returns the stream called `name`, the same object on every call. */
  stream(name: string): ClusterRng;
}

/** Stream names the cluster draws from when given {@link ClusterRngStreams}. */
export const CLUSTER_RNG_STREAMS = {
  /** uids: `metadata.uid` of every object. */
  uids: 'cluster.uids',
  /** names: `generateName` suffixes (`<rs-name>-<5 chars>`). */
  names: 'cluster.names',
  /** podStartup: jitter of pod stage delays. */
  podStartup: 'cluster.podStartup',
} as const;

/**
 * rngStream returns the named stream of `rng` when it hands out streams, or `rng` itself when it
 * is a single stream (then every consumer shares one sequence, which is still deterministic).
 */
export function rngStream(rng: ClusterRng | ClusterRngStreams, name: string): ClusterRng {
  return 'stream' in rng && typeof rng.stream === 'function'
    ? rng.stream(name)
    : (rng as ClusterRng);
}
