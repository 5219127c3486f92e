/**
 * Seeded property tests (tldraw-style fuzz): random canary (basic and traffic-routed through
 * nginx/istio/smi) and blue-green strategies × random kubectl verbs × pod faults, run in the real
 * world. Invariants are checked after every op; after the last op and 30 virtual minutes every
 * rollout must have settled in Healthy, Paused or Degraded; the same case twice gives identical
 * objects. Seeds are in the test names.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createWorld, type World } from '../../src/scenario';
import { blueGreenRollout, canaryRollout, HASH_LABEL, type RouterKind } from '../support/dsl';

type Json = Record<string, unknown>;

const GOOD = ['example/app:v2', 'example/app:v3'];
const FAULTY = {
  'example/app:crash': { crashLoop: true },
  'example/app:never': { neverReady: true },
  'example/app:pull': { imagePullError: true },
} as const;
const IMAGES = [...GOOD, ...Object.keys(FAULTY)];

type Op =
  | { readonly kind: 'setImage'; readonly image: string }
  | { readonly kind: 'promote' | 'promoteFull' | 'abort' | 'retry' | 'pause' | 'resume' }
  | { readonly kind: 'scale'; readonly replicas: number }
  | { readonly kind: 'wait'; readonly ms: number }
  | {
      readonly kind: 'fault';
      readonly image: string;
      readonly fault: 'crashLoop' | 'neverReady' | 'imagePullError' | 'heal';
    };

interface Case {
  readonly manifests: Json[];
  readonly strategy: 'basic' | RouterKind | 'blueGreen';
  readonly replicas: number;
  readonly ops: readonly Op[];
}

// ---- generators ----

const intOrPercent = fc.constantFrom<number | string>(0, 1, 2, 3, '10%', '25%', '50%');
const surgeUnavailable = fc
  .record({ maxSurge: intOrPercent, maxUnavailable: intOrPercent })
  .filter((r) => !(r.maxSurge === 0 && r.maxUnavailable === 0));

const pauseStep = fc.oneof(
  fc.constant({ pause: {} }),
  fc.integer({ min: 1, max: 30 }).map((s) => ({ pause: { duration: s } })),
  fc.integer({ min: 1, max: 2 }).map((m) => ({ pause: { duration: `${m}m` } })),
);
const setWeightStep = fc.integer({ min: 0, max: 100 }).map((w) => ({ setWeight: w }));
const setCanaryScaleStep = (replicas: number) =>
  fc.oneof(
    fc.integer({ min: 0, max: replicas + 2 }).map((n) => ({ setCanaryScale: { replicas: n } })),
    fc.integer({ min: 0, max: 100 }).map((w) => ({ setCanaryScale: { weight: w } })),
    fc.constant({ setCanaryScale: { matchTrafficWeight: true } }),
  );

const canaryCase: fc.Arbitrary<Omit<Case, 'ops'>> = fc
  .record({
    router: fc.constantFrom<'basic' | RouterKind>('basic', 'nginx', 'istio', 'smi'),
    replicas: fc.integer({ min: 1, max: 10 }),
    surge: surgeUnavailable,
  })
  .chain(({ router, replicas, surge }) =>
    fc
      .array(
        router === 'basic'
          ? fc.oneof(setWeightStep, pauseStep)
          : fc.oneof(setWeightStep, pauseStep, setCanaryScaleStep(replicas)),
        { minLength: 0, maxLength: 5 },
      )
      .map((steps) => ({
        strategy: router,
        replicas,
        manifests: canaryRollout({
          replicas,
          steps,
          canary: surge,
          ...(router === 'basic' ? {} : { router }),
        }),
      })),
  );

const blueGreenCase: fc.Arbitrary<Omit<Case, 'ops'>> = fc
  .record({
    replicas: fc.integer({ min: 1, max: 10 }),
    autoPromotionEnabled: fc.boolean(),
    autoPromotionSeconds: fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined }),
    scaleDownDelaySeconds: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
    preview: fc.boolean(),
  })
  .map((r) => ({
    strategy: 'blueGreen' as const,
    replicas: r.replicas,
    manifests: blueGreenRollout({
      replicas: r.replicas,
      preview: r.preview,
      blueGreen: {
        autoPromotionEnabled: r.autoPromotionEnabled,
        ...(r.autoPromotionSeconds !== undefined
          ? { autoPromotionSeconds: r.autoPromotionSeconds }
          : {}),
        ...(r.scaleDownDelaySeconds !== undefined
          ? { scaleDownDelaySeconds: r.scaleDownDelaySeconds }
          : {}),
      },
    }),
  }));

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(...IMAGES).map((image) => ({ kind: 'setImage' as const, image })),
  },
  {
    weight: 6,
    arbitrary: fc
      .constantFrom('promote', 'promoteFull', 'abort', 'retry', 'pause', 'resume')
      .map((kind) => ({ kind })),
  },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 1, max: 10 })
      .map((replicas) => ({ kind: 'scale' as const, replicas })),
  },
  {
    weight: 5,
    arbitrary: fc.integer({ min: 0, max: 60_000 }).map((ms) => ({ kind: 'wait' as const, ms })),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({
        image: fc.constantFrom(...IMAGES),
        fault: fc.constantFrom<'crashLoop' | 'neverReady' | 'imagePullError' | 'heal'>(
          'crashLoop',
          'neverReady',
          'imagePullError',
          'heal',
        ),
      })
      .map((f) => ({ kind: 'fault' as const, ...f })),
  },
);

const anyCase: fc.Arbitrary<Case> = fc
  .record({
    base: fc.oneof(canaryCase, canaryCase, blueGreenCase),
    ops: fc.array(op, { minLength: 1, maxLength: 12 }),
  })
  .map(({ base, ops }) => ({ ...base, ops }));

// ---- running a case ----

const SETTLE_MS = 30 * 60_000;

function newWorld(c: Case): World {
  const world = createWorld({
    seed: 7,
    manifests: c.manifests,
    versions: Object.fromEntries(Object.entries(FAULTY).map(([image, b]) => [image, { ...b }])),
  });
  // Let the first revision come up before the verbs (bounded).
  world.advanceTo(world.now() + 30_000);
  return world;
}

function rolloutOf(world: World): Json {
  return world.objects().find((o) => o.kind === 'Rollout') as Json;
}

function applyOp(world: World, o: Op): void {
  switch (o.kind) {
    case 'wait':
      world.advanceTo(world.now() + o.ms);
      return;
    case 'fault':
      world.setVersion(
        o.image,
        o.fault === 'heal'
          ? { crashLoop: false, neverReady: false, imagePullError: false }
          : { [o.fault]: true },
      );
      world.settle();
      return;
    default: {
      world.act(o);
      world.settle();
    }
  }
}

function checkInvariants(world: World, c: Case, where: string): void {
  const objects = world.objects();
  const ro = rolloutOf(world);
  const spec = ro.spec as Json;
  const status = (ro.status ?? {}) as Json;
  const replicaSets = objects.filter((o) => o.kind === 'ReplicaSet') as Json[];
  for (const rs of replicaSets) {
    const s = (rs.spec ?? {}) as Json;
    const st = (rs.status ?? {}) as Json;
    for (const n of [s.replicas, st.replicas, st.readyReplicas, st.availableReplicas])
      if (n !== undefined) expect(n as number, where).toBeGreaterThanOrEqual(0);
  }
  for (const key of ['replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas'])
    if (status[key] !== undefined)
      expect(status[key] as number, `${where} ${key}`).toBeGreaterThanOrEqual(0);
  const weights = (status.canary as Json | undefined)?.weights as
    { canary: { weight: number }; stable: { weight: number } } | undefined;
  if (weights) {
    for (const w of [weights.canary.weight, weights.stable.weight]) {
      expect(w, `${where} weights`).toBeGreaterThanOrEqual(0);
      expect(w, `${where} weights`).toBeLessThanOrEqual(100);
    }
  }
  // Abort: once the stable ReplicaSet is fully available the canary gets no traffic and (basic
  // canary) every ready pod is a stable pod.
  if (
    c.strategy !== 'blueGreen' &&
    status.abort === true &&
    !spec.paused &&
    status.stableRS !== status.currentPodHash
  ) {
    const replicas = (spec.replicas as number | undefined) ?? 1;
    const stable = replicaSets.find(
      (rs) =>
        ((rs.metadata as Json).labels as Record<string, string>)[HASH_LABEL] === status.stableRS,
    );
    const stableAvailable =
      ((stable?.status as Json | undefined)?.availableReplicas as number | undefined) ?? 0;
    if (stable && stableAvailable >= replicas) {
      if (weights) expect(weights.canary.weight, `${where} abort weight`).toBe(0);
      if (c.strategy === 'basic') {
        const readyNonStable = objects.filter(
          (p) =>
            p.kind === 'Pod' &&
            !p.metadata?.deletionTimestamp &&
            p.metadata?.labels?.[HASH_LABEL] !== status.stableRS &&
            (((p.status as Json | undefined)?.conditions as Json[] | undefined) ?? []).some(
              (cond) => cond.type === 'Ready' && cond.status === 'True',
            ),
        );
        expect(
          readyNonStable.map((p) => p.metadata?.name),
          `${where} abort pods`,
        ).toEqual([]);
      }
    }
  }
}

function runCase(c: Case): World {
  const world = newWorld(c);
  checkInvariants(world, c, 'initial');
  c.ops.forEach((o, i) => {
    applyOp(world, o);
    checkInvariants(world, c, `after op ${i} ${JSON.stringify(o)} t=${world.now()}`);
  });
  world.advanceTo(world.now() + SETTLE_MS);
  checkInvariants(world, c, 'settled');
  return world;
}

const phaseOf = (world: World) => ((rolloutOf(world).status ?? {}) as Json).phase;

describe('fuzz: canary and blue-green × verbs × faults', () => {
  it('seed 4242: invariants after every op; never stuck after 30 virtual minutes', () => {
    fc.assert(
      fc.property(anyCase, (c) => {
        const world = runCase(c);
        expect(
          ['Healthy', 'Paused', 'Degraded'],
          JSON.stringify({ ops: c.ops, status: rolloutOf(world).status }),
        ).toContain(phaseOf(world));
        world.dispose();
      }),
      { seed: 4242, numRuns: 300 },
    );
  }, 60_000);

  it('seed 1717: invariants after every op; never stuck after 30 virtual minutes', () => {
    fc.assert(
      fc.property(anyCase, (c) => {
        const world = runCase(c);
        expect(['Healthy', 'Paused', 'Degraded']).toContain(phaseOf(world));
        world.dispose();
      }),
      { seed: 1717, numRuns: 200 },
    );
  }, 60_000);

  it('seed 9001: the same case twice gives identical world.objects() JSON', () => {
    fc.assert(
      fc.property(anyCase, (c) => {
        const a = runCase(c);
        const b = runCase(c);
        expect(JSON.stringify(b.objects())).toBe(JSON.stringify(a.objects()));
        a.dispose();
        b.dispose();
      }),
      { seed: 9001, numRuns: 60 },
    );
  }, 60_000);
});
