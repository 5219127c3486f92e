/**
 * Deterministic object identities: `metadata.uid` values and `generateName` names.
 * Counterpart: k8s.io/apiserver `pkg/storage/names` (SimpleNameGenerator) and the apiserver's uid.
 * Rule: every id is drawn from a named Rng stream, so ids replay exactly with the world's seed.
 */
import type { Rng } from './rng';

/** Kubernetes' name limit (DNS-1123 subdomain label) and `generateName`'s random tail length. */
const MAX_NAME_LENGTH = 63;
const RANDOM_LENGTH = 5;
const MAX_GENERATE_ATTEMPTS = 100;

/** IdGenerator issues uids and generated names from one Rng stream. */
export interface IdGenerator {
  /**
   * uid returns a lowercase UUID-shaped string (8-4-4-4-12 hex, version 4 layout) drawn from the
   * stream, for `metadata.uid`.
   */
  uid(): string;
  /** suffix returns `len` (default 5) characters of Kubernetes' name alphabet. */
  suffix(len?: number): string;
  /**
   * generateName returns `base` followed by a 5-character random suffix, the way the apiserver
   * fills in `metadata.generateName`: `base` is cut to 58 characters so the name fits in 63. The
   * base carries its own separator, as the ReplicaSet controller passes `<rs-name>-`. When
   * `isTaken` is given, names it reports as taken are redrawn (the apiserver would reject them).
   *
   * @example
   * ids.generateName('web-5c8d9f4b7d-'); // 'web-5c8d9f4b7d-x7k2q'
   */
  generateName(base: string, isTaken?: (name: string) => boolean): string;
}

function hex32(n: number): string {
  return n.toString(16).padStart(8, '0');
}

/**
 * createIdGenerator returns an {@link IdGenerator} drawing from `rng`. It keeps no state of its
 * own, so snapshotting the stream snapshots the generator. Give it a dedicated stream (for example
 * `rng.stream('ids')`) so that adding ids never shifts other random draws.
 */
export function createIdGenerator(rng: Rng): IdGenerator {
  return {
    uid() {
      const w0 = rng.int(0, 0xffffffff);
      const w1 = rng.int(0, 0xffffffff);
      const w2 = rng.int(0, 0xffffffff);
      const w3 = rng.int(0, 0xffffffff);
      // Version nibble 4 and variant bits 10xx, so the string parses as an RFC 4122 v4 UUID.
      const h1 = hex32(((w1 & 0xffff0fff) | 0x00004000) >>> 0);
      const h2 = hex32(((w2 & 0x3fffffff) | 0x80000000) >>> 0);
      const h3 = hex32(w3);
      return `${hex32(w0)}-${h1.slice(0, 4)}-${h1.slice(4)}-${h2.slice(0, 4)}-${h2.slice(4)}${h3}`;
    },
    suffix(len = RANDOM_LENGTH) {
      return rng.suffix(len);
    },
    generateName(base, isTaken) {
      const prefix = base.slice(0, MAX_NAME_LENGTH - RANDOM_LENGTH);
      for (let attempt = 0; attempt < MAX_GENERATE_ATTEMPTS; attempt++) {
        const name = prefix + rng.suffix(RANDOM_LENGTH);
        if (isTaken === undefined || !isTaken(name)) return name;
      }
      throw new Error(
        `generateName: no free name for base '${base}' after ${MAX_GENERATE_ATTEMPTS} attempts`,
      );
    },
  };
}
