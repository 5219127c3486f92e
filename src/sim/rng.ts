/**
 * Seeded random numbers with named, independent streams (sfc32, written here), plus the samplers
 * the simulation needs: traffic counts (poisson, binomial), latency noise, Kubernetes name suffixes.
 * Counterpart: k8s.io/apimachinery `pkg/util/rand` (suffix alphabet). Rule: every random draw in a
 * world comes from a named stream; state is plain JSON so a world can be saved and scrubbed.
 */

/** RngState is the complete, JSON-serialisable state of one stream: sfc32's four 32-bit words. */
export interface RngState {
  readonly a: number;
  readonly b: number;
  readonly c: number;
  readonly d: number;
}

/** RngSnapshot is the JSON-serialisable state of every stream created from one seed. */
export interface RngSnapshot {
  /** seed is the root seed, as a string (`createRng(42)` and `createRng('42')` are the same). */
  readonly seed: string;
  /** streams maps each stream name to its state at snapshot time. */
  readonly streams: Readonly<Record<string, RngState>>;
}

/** Rng is one deterministic stream of random numbers. */
export interface Rng {
  /** name is the stream name this Rng was derived from. */
  readonly name: string;
  /** next returns a uniform float in [0, 1) with 32 bits of randomness. */
  next(): number;
  /** int returns a uniform integer in [lo, hi], both ends inclusive, without modulo bias. */
  int(lo: number, hi: number): number;
  /** uniform returns a uniform float in [lo, hi). */
  uniform(lo: number, hi: number): number;
  /** chance returns true with probability `p` (a Bernoulli trial). */
  chance(p: number): boolean;
  /** pick returns a uniformly chosen element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** normal returns a normally distributed float (Box–Muller; two uniforms per call). */
  normal(mean?: number, sd?: number): number;
  /**
   * poisson returns a Poisson-distributed count with mean `lambda`. Exact (Knuth's product method)
   * for lambda ≤ 30; above that a rounded normal approximation, so the cost never grows with lambda.
   */
  poisson(lambda: number): number;
  /**
   * binomial returns the number of successes in `n` trials of probability `p`. Exact (geometric
   * waiting times) while the expected count of the rarer outcome is below 30; a rounded, clamped
   * normal approximation above that, so the cost never grows with `n`.
   */
  binomial(n: number, p: number): number;
  /**
   * suffix returns `len` characters from Kubernetes' `bcdfghjklmnpqrstvwxz2456789` alphabet, as
   * `generateName` appends to a pod name (`<rs-name>-<5 chars>`).
   */
  suffix(len?: number): string;
  /** snapshot returns this stream's state as plain JSON. */
  snapshot(): RngState;
  /** restore rewinds or fast-forwards this stream to a state taken by `snapshot()`. */
  restore(state: RngState): void;
}

/** RngStreams is the root of a world's randomness: one seed, many named streams. */
export interface RngStreams {
  /** seed is the root seed as a string. */
  readonly seed: string;
  /**
   * stream returns the stream called `name`, creating it on first use. Repeated calls return the
   * same object, so two modules asking for `'pods'` share (and advance) one sequence.
   */
  stream(name: string): Rng;
  /** streamNames returns the names of the streams created so far, sorted. */
  streamNames(): string[];
  /** snapshot returns the state of every stream created so far as plain JSON. */
  snapshot(): RngSnapshot;
  /**
   * restore returns every stream to the state recorded in `snapshot`. Streams created after the
   * snapshot was taken go back to their initial state, as if they had not been used yet.
   */
  restore(snapshot: RngSnapshot): void;
}

/** K8S_ALPHANUMS is the alphabet of k8s.io/apimachinery `rand.String`: no vowels, no 0/1/3. */
export const K8S_ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

const TWO_POW_32 = 4294967296;
/** Outputs discarded after seeding so that nearby seeds have decorrelated first draws. */
const WARMUP_ROUNDS = 15;
const POISSON_EXACT_MAX = 30;
const BINOMIAL_EXACT_MAX_MEAN = 30;

/** fmix32 is MurmurHash3's finaliser: it spreads every input bit over the 32-bit output. */
function fmix32(h: number): number {
  let x = h;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/**
 * deriveState hashes (seed, name) into an sfc32 state. Four multiplicative lanes over the UTF-16
 * code units, each finalised and cross-mixed, give 128 bits of key material. A stream's state
 * depends on nothing but its own (seed, name), which is why adding a stream never perturbs another.
 */
function deriveState(seed: string, name: string): { a: number; b: number; c: number; d: number } {
  const key = `${seed}\u0000${name}`;
  let h1 = 0x811c9dc5;
  let h2 = 0x9e3779b9;
  let h3 = 0x85ebca6b;
  let h4 = 0xc2b2ae35;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h3 = Math.imul(h3 ^ c, 0x27d4eb2f);
    h4 = Math.imul(h4 ^ c, 0x165667b1);
  }
  h1 = fmix32(h1 ^ key.length);
  h2 = fmix32(h2 ^ h1);
  h3 = fmix32(h3 ^ h2);
  h4 = fmix32(h4 ^ h3);
  const state = { a: h1 | 0, b: h2 | 0, c: h3 | 0, d: h4 | 0 };
  for (let i = 0; i < WARMUP_ROUNDS; i++) sfc32(state);
  return state;
}

/** sfc32 advances the state in place and returns the next uint32 (Chris Doty-Humphrey's SFC). */
function sfc32(s: { a: number; b: number; c: number; d: number }): number {
  const t = (((s.a + s.b) | 0) + s.d) | 0;
  s.d = (s.d + 1) | 0;
  s.a = s.b ^ (s.b >>> 9);
  s.b = (s.c + (s.c << 3)) | 0;
  s.c = (s.c << 21) | (s.c >>> 11);
  s.c = (s.c + t) | 0;
  return t >>> 0;
}

function isRngState(value: unknown): value is RngState {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return ['a', 'b', 'c', 'd'].every((k) => Number.isInteger(v[k]));
}

/** createStream builds one stream over a mutable sfc32 state. */
function createStream(name: string, initial: { a: number; b: number; c: number; d: number }): Rng {
  const s = { ...initial };

  const uint32 = (): number => sfc32(s);
  const next = (): number => uint32() / TWO_POW_32;

  function int(lo: number, hi: number): number {
    if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(hi) || lo > hi) {
      throw new RangeError(`Rng.int: expected safe integers lo ≤ hi, got [${lo}, ${hi}]`);
    }
    const range = hi - lo + 1;
    if (range <= TWO_POW_32) {
      // Rejection sampling: drop the top partial bucket so every value is equally likely.
      const limit = TWO_POW_32 - (TWO_POW_32 % range);
      let u = uint32();
      while (u >= limit) u = uint32();
      return lo + (u % range);
    }
    const u53 = (uint32() >>> 5) * 67108864 + (uint32() >>> 6); // 27 + 26 bits
    return lo + Math.floor((u53 / 9007199254740992) * range);
  }

  function normal(mean = 0, sd = 1): number {
    // 1 - next() lies in (0, 1], so the logarithm is always finite.
    const u1 = 1 - next();
    const u2 = next();
    return mean + sd * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  function poisson(lambda: number): number {
    if (!Number.isFinite(lambda) || lambda < 0) {
      throw new RangeError(`Rng.poisson: lambda must be finite and ≥ 0, got ${lambda}`);
    }
    if (lambda === 0) return 0;
    if (lambda <= POISSON_EXACT_MAX) {
      // Knuth: multiply uniforms until the product drops below e^-lambda; ~lambda+1 draws.
      const floor = Math.exp(-lambda);
      let k = 0;
      let product = next();
      while (product > floor) {
        k++;
        product *= next();
      }
      return k;
    }
    // Rounding to the nearest integer is the continuity correction.
    return Math.max(0, Math.round(normal(lambda, Math.sqrt(lambda))));
  }

  function binomialRare(n: number, q: number): number {
    if (n * q < BINOMIAL_EXACT_MAX_MEAN) {
      // Waiting-time method: add geometric gaps between successes until they pass n trials.
      // Expected iterations n·q + 1, exact for any n.
      const logMiss = Math.log1p(-q);
      let successes = 0;
      let trials = 0;
      for (;;) {
        trials += Math.floor(Math.log(1 - next()) / logMiss) + 1;
        if (trials > n) return successes;
        successes++;
      }
    }
    const mean = n * q;
    const x = Math.round(normal(mean, Math.sqrt(mean * (1 - q))));
    return Math.min(n, Math.max(0, x));
  }

  function binomial(n: number, p: number): number {
    if (!Number.isSafeInteger(n) || n < 0) {
      throw new RangeError(`Rng.binomial: n must be a non-negative integer, got ${n}`);
    }
    if (!(p >= 0 && p <= 1)) throw new RangeError(`Rng.binomial: p must be in [0, 1], got ${p}`);
    if (n === 0 || p === 0) return 0;
    if (p === 1) return n;
    // Sample the rarer outcome so the exact branch covers every case with a small mean.
    return p <= 0.5 ? binomialRare(n, p) : n - binomialRare(n, 1 - p);
  }

  return {
    name,
    next,
    int,
    normal,
    poisson,
    binomial,
    uniform(lo, hi) {
      if (!Number.isFinite(lo) || !Number.isFinite(hi) || lo > hi) {
        throw new RangeError(`Rng.uniform: expected finite lo ≤ hi, got [${lo}, ${hi}]`);
      }
      return lo + (hi - lo) * next();
    },
    chance(p) {
      return next() < p;
    },
    pick(items) {
      if (items.length === 0) throw new RangeError('Rng.pick: cannot pick from an empty array');
      return items[int(0, items.length - 1)];
    },
    suffix(len = 5) {
      if (!Number.isSafeInteger(len) || len < 0) {
        throw new RangeError(`Rng.suffix: len must be a non-negative integer, got ${len}`);
      }
      let out = '';
      for (let i = 0; i < len; i++) out += K8S_ALPHANUMS[int(0, K8S_ALPHANUMS.length - 1)];
      return out;
    },
    snapshot() {
      return { a: s.a >>> 0, b: s.b >>> 0, c: s.c >>> 0, d: s.d >>> 0 };
    },
    restore(state) {
      if (!isRngState(state)) throw new TypeError(`Rng.restore: not an RngState for '${name}'`);
      s.a = state.a | 0;
      s.b = state.b | 0;
      s.c = state.c | 0;
      s.d = state.d | 0;
    },
  };
}

/**
 * createRng returns the named streams of one seed. Each stream is derived from `(seed, name)`
 * alone, so the sequence a stream produces does not depend on which other streams exist or in
 * which order they were created or used.
 *
 * @example
 * const rng = createRng(42);
 * const pods = rng.stream('pods');
 * pods.suffix(); // e.g. 'x7k2q'
 * rng.stream('traffic').poisson(120); // does not change what `pods` draws next
 */
export function createRng(seed: number | string): RngStreams {
  const seedKey = String(seed);
  const streams = new Map<string, Rng>();

  const stream = (name: string): Rng => {
    let rng = streams.get(name);
    if (rng === undefined) {
      rng = createStream(name, deriveState(seedKey, name));
      streams.set(name, rng);
    }
    return rng;
  };

  return {
    seed: seedKey,
    stream,
    streamNames: () => [...streams.keys()].sort(),
    snapshot() {
      const out: Record<string, RngState> = {};
      for (const name of [...streams.keys()].sort()) out[name] = streams.get(name)!.snapshot();
      return { seed: seedKey, streams: out };
    },
    restore(snapshot) {
      if (snapshot.seed !== seedKey) {
        throw new Error(
          `RngStreams.restore: snapshot seed '${snapshot.seed}' differs from this seed '${seedKey}'`,
        );
      }
      for (const [name, rng] of streams) {
        const state = snapshot.streams[name];
        rng.restore(state ?? deriveState(seedKey, name));
      }
      for (const name of Object.keys(snapshot.streams)) {
        if (!streams.has(name)) stream(name).restore(snapshot.streams[name]);
      }
    },
  };
}
