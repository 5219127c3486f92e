// Test support for the traffic routers: a tiny in-memory client (a Map of JSON objects with RFC 7386
// merge patch and an action log), a tiny stepping clock, and the getting-started manifests loader.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { Rollout } from '../../src/model';
import type { RouterClient, RouterClock, RouterObject } from '../../src/traffic';

/** Where the real Argo getting-started manifests live (absent outside the shared workspace). */
export const GETTING_STARTED = '/work/shared/reference/manifests/getting-started';
/** hasShared is false when /work/shared is not mounted; manifest-based suites skip then. */
export const hasShared = existsSync(GETTING_STARTED);

export interface LoggedAction {
  verb: 'create' | 'update' | 'patch' | 'delete';
  kind: string;
  name: string;
  patch?: unknown;
}

export interface MemoryClient extends RouterClient {
  /** Stored object or undefined (a copy). */
  peek(kind: string, name: string, namespace?: string): RouterObject | undefined;
  /** Seeds objects without logging. */
  seed(...objects: RouterObject[]): void;
  readonly log: LoggedAction[];
}

const clone = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** mergePatch applies an RFC 7386 JSON merge patch. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObj(patch)) return clone(patch);
  const out: Record<string, unknown> = isObj(target) ? clone(target) : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

/** createMemoryClient returns an empty in-memory cluster (namespace defaults to `default`). */
export function createMemoryClient(...initial: RouterObject[]): MemoryClient {
  const store = new Map<string, RouterObject>();
  const log: LoggedAction[] = [];
  let rv = 0;
  const key = (kind: string, ns: string, name: string) => `${kind}/${ns || 'default'}/${name}`;
  const keyOf = (o: RouterObject) =>
    key(o.kind, o.metadata?.namespace ?? 'default', o.metadata?.name ?? '');
  const stamp = (o: RouterObject): RouterObject => {
    const c = clone(o);
    c.metadata = {
      ...c.metadata,
      namespace: c.metadata?.namespace ?? 'default',
      resourceVersion: String(++rv),
    };
    return c;
  };
  const client: MemoryClient = {
    log,
    get: (kind, ns, name) => clone(store.get(key(kind, ns, name))),
    peek: (kind, name, ns = 'default') => clone(store.get(key(kind, ns, name))),
    seed(...objects) {
      for (const o of objects) store.set(keyOf(o), stamp(o));
    },
    create(obj) {
      if (store.has(keyOf(obj)))
        throw new Error(`${obj.kind} "${obj.metadata?.name}" already exists`);
      const s = stamp(obj);
      store.set(keyOf(obj), s);
      log.push({ verb: 'create', kind: obj.kind, name: obj.metadata?.name ?? '' });
      return clone(s);
    },
    update(obj) {
      if (!store.has(keyOf(obj))) throw new Error(`${obj.kind} "${obj.metadata?.name}" not found`);
      const s = stamp(obj);
      store.set(keyOf(obj), s);
      log.push({ verb: 'update', kind: obj.kind, name: obj.metadata?.name ?? '' });
      return clone(s);
    },
    patch(kind, ns, name, patch) {
      const current = store.get(key(kind, ns, name));
      if (!current) throw new Error(`${kind} "${name}" not found`);
      const s = stamp(mergePatch(current, patch) as RouterObject);
      store.set(key(kind, ns, name), s);
      log.push({ verb: 'patch', kind, name, patch: clone(patch) });
      return clone(s);
    },
    delete(kind, ns, name) {
      const existed = store.delete(key(kind, ns, name));
      if (existed) log.push({ verb: 'delete', kind, name });
      return existed;
    },
  };
  client.seed(...initial);
  return client;
}

export interface StepClock extends RouterClock {
  advanceBy(ms: number): void;
  pending(): number;
}

/** createStepClock returns a tiny stepping clock (timers due at or before the target fire in order). */
export function createStepClock(start = 0): StepClock {
  let now = start;
  let seq = 0;
  const timers = new Map<number, { dueAt: number; seq: number; fn: () => void }>();
  return {
    now: () => now,
    setTimeout(fn, ms) {
      const id = ++seq;
      timers.set(id, { dueAt: now + Math.max(0, ms), seq: id, fn });
      return id;
    },
    clearTimeout(id) {
      timers.delete(id as number);
    },
    advanceBy(ms) {
      const target = now + ms;
      for (;;) {
        let next: [number, { dueAt: number; seq: number; fn: () => void }] | undefined;
        for (const e of timers) {
          if (e[1].dueAt > target) continue;
          if (
            !next ||
            e[1].dueAt < next[1].dueAt ||
            (e[1].dueAt === next[1].dueAt && e[1].seq < next[1].seq)
          ) {
            next = e;
          }
        }
        if (!next) break;
        timers.delete(next[0]);
        now = next[1].dueAt;
        next[1].fn();
      }
      now = target;
    },
    pending: () => timers.size,
  };
}

/** loadManifests parses every YAML file of a getting-started example into plain objects. */
export function loadManifests(example: string, ...files: string[]): RouterObject[] {
  const dir = join(GETTING_STARTED, example);
  const names = files.length > 0 ? files : readdirSync(dir).filter((f) => f.endsWith('.yaml'));
  return names.flatMap((f) =>
    parseAllDocuments(readFileSync(join(dir, f), 'utf8'))
      .map((d) => d.toJS() as RouterObject | null)
      .filter((o): o is RouterObject => !!o),
  );
}

/** example loads an example: its Rollout and a client seeded with everything else. */
export function example(
  name: string,
  ...files: string[]
): { rollout: Rollout; client: MemoryClient; clock: StepClock } {
  const objects = loadManifests(name, ...files);
  const rollout = objects.find((o) => o.kind === 'Rollout') as unknown as Rollout;
  const client = createMemoryClient(...objects.filter((o) => o.kind !== 'Rollout'));
  return { rollout, client, clock: createStepClock() };
}

/** withCanary returns a copy of the rollout with trafficRouting (and more) overridden. */
export function withCanary(
  rollout: Rollout,
  canary: Record<string, unknown>,
  status?: Record<string, unknown>,
): Rollout {
  const r = clone(rollout);
  r.spec.strategy = { ...r.spec.strategy, canary: { ...r.spec.strategy?.canary, ...canary } };
  if (status) r.status = status;
  return r;
}

/** annotations returns an object's annotations ({} when none). */
export function annotationsOf(o: RouterObject | undefined): Record<string, string> {
  return o?.metadata?.annotations ?? {};
}

/** at reads a nested JSON path like `spec.http.0.route.1.weight` (untyped, for assertions). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function at(o: unknown, path: string): any {
  return path
    .split('.')
    .reduce<unknown>(
      (v, k) =>
        v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined,
      o,
    );
}
