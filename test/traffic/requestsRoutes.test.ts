import { describe, expect, it } from 'vitest';
import type { ObservedSplit, RouterResult, TrafficRouter } from '../../src/traffic';
import {
  createDataPlane,
  createIstioRouter,
  createNginxRouter,
  headerRouteMatches,
  mirrorRouteMatches,
  observedHeaderRoute,
  observedMirrorRoute,
  routedShares,
  splitFromWorld,
  stringMatches,
} from '../../src/traffic';
import type { Rollout } from '../../src/model';
import { createStepClock, example, hasShared, withCanary } from './support';

const HASH = 'rollouts-pod-template-hash';

const base: ObservedSplit = {
  canaryWeight: 0,
  canaryHash: 'new',
  stableHash: 'old',
  additional: [],
};
const header = (value: { exact?: string; prefix?: string; regex?: string }, name = 'X-Canary') => ({
  headerName: name,
  headerValue: value,
});
const testers = (matchAll = false, ...match: ReturnType<typeof header>[]) => ({
  name: 'testers',
  match: match.length > 0 ? match : [header({ exact: 'yes' })],
  matchAll,
});

describe('header and mirror route matching', () => {
  it('applies exact, prefix and full-match regex; a missing header matches nothing', () => {
    expect(stringMatches({ exact: 'yes' }, 'yes')).toBe(true);
    expect(stringMatches({ exact: 'yes' }, 'yes!')).toBe(false);
    expect(stringMatches({ prefix: 'be' }, 'beta')).toBe(true);
    expect(stringMatches({ regex: 'b.t' }, 'bet')).toBe(true);
    expect(stringMatches({ regex: 'b.t' }, 'beta')).toBe(false); // RE2 full match, as Envoy
    expect(stringMatches({ regex: '(' }, '(')).toBe(false); // invalid pattern: no match
    expect(stringMatches({ regex: '.*' }, undefined)).toBe(false);
  });

  it('reads regexes as RE2 (Go syntax), not as JavaScript', () => {
    // A leading flag group, a POSIX class and \z work as in RE2 (JavaScript rejects or misreads them).
    expect(stringMatches({ regex: '(?i)canary' }, 'CANARY')).toBe(true);
    expect(stringMatches({ regex: '[[:digit:]]+' }, '2026')).toBe(true);
    expect(stringMatches({ regex: 'v1\\z' }, 'v1')).toBe(true);
    // RE2 rejects backreferences and lookaround: such a route matches nothing.
    expect(stringMatches({ regex: '(a)\\1' }, 'aa')).toBe(false);
    expect(stringMatches({ regex: '(?=a)a' }, 'a')).toBe(false);
  });

  it('compares header names case-insensitively; Istio ORs conditions, the others AND them', () => {
    const two = [header({ exact: 'yes' }), header({ exact: 'eu' }, 'X-Region')];
    expect(headerRouteMatches(testers(false, ...two), { 'x-canary': 'yes' })).toBe(true);
    expect(headerRouteMatches(testers(true, ...two), { 'x-canary': 'yes' })).toBe(false);
    expect(headerRouteMatches(testers(true, ...two), { 'X-Canary': 'yes', 'x-region': 'eu' })).toBe(
      true,
    );
    expect(headerRouteMatches({ name: 'e', match: [], matchAll: false }, {})).toBe(false);
  });

  it('mirror matches see requests as GET / with the group headers', () => {
    const route = (match: object[]) => ({ name: 'm', match, percentage: 100 });
    expect(mirrorRouteMatches(route([{ method: { exact: 'GET' } }]), {})).toBe(true);
    expect(mirrorRouteMatches(route([{ method: { exact: 'POST' } }]), {})).toBe(false);
    expect(mirrorRouteMatches(route([{ path: { prefix: '/api' } }]), {})).toBe(false);
    expect(
      mirrorRouteMatches(route([{ path: { exact: '/' }, headers: { 'x-b': { exact: '1' } } }]), {
        'X-B': '1',
      }),
    ).toBe(true);
    expect(mirrorRouteMatches(route([{ headers: { 'x-b': { exact: '1' } } }]), {})).toBe(false);
  });

  it('normalises steps for the data plane (StringMatch fields kept, default percentage 100)', () => {
    expect(
      observedHeaderRoute(
        { name: 'h', match: [header({ exact: 'yes' }), { headerName: 'x' }] },
        true,
      ),
    ).toEqual({ name: 'h', match: [header({ exact: 'yes' })], matchAll: true });
    expect(
      observedMirrorRoute({ name: 'm', match: [{ method: { exact: 'GET' }, headers: { a: {} } }] }),
    ).toEqual({ name: 'm', match: [{ method: { exact: 'GET' } }], percentage: 100 });
  });
});

describe('routedShares', () => {
  const groups = [
    { share: 0.2, set: { 'X-Canary': 'yes' } },
    { share: 0.1, set: { 'X-Canary': 'no' } },
  ];

  it('is zero without routes or without matching users', () => {
    expect(routedShares(base, groups, [])).toEqual({ header: 0, mirror: 0 });
    expect(routedShares({ ...base, headerRoutes: [testers()] }, [], ['testers'])).toEqual({
      header: 0,
      mirror: 0,
    });
  });

  it('sums the shares a header route catches and the mirrored share × percentage', () => {
    expect(routedShares({ ...base, headerRoutes: [testers()] }, groups, ['testers']).header).toBe(
      0.2,
    );
    const mirrorRoutes = [
      { name: 'shadow', match: [{ method: { exact: 'GET' } }], percentage: 50 },
    ];
    // Everyone sends GET: 50 % of all users are copied.
    expect(routedShares({ ...base, mirrorRoutes }, groups, ['shadow'])).toEqual({
      header: 0,
      mirror: 0.5,
    });
  });

  it('takes the first matching route in managedRoutes order', () => {
    const mirrorRoutes = [
      { name: 'shadow', match: [{ method: { exact: 'GET' } }], percentage: 100 },
    ];
    const split = { ...base, headerRoutes: [testers()], mirrorRoutes };
    // Header route first: the testers go to the canary, only the other 80 % are mirrored.
    const headerFirst = routedShares(split, groups, ['testers', 'shadow']);
    expect(headerFirst.header).toBe(0.2);
    expect(headerFirst.mirror).toBeCloseTo(0.8, 12);
    // Mirror route first: it catches everyone, the header route never sees a request.
    expect(routedShares(split, groups, ['shadow', 'testers'])).toEqual({ header: 0, mirror: 1 });
  });

  it('caps shares that sum above 1', () => {
    const many = [
      { share: 0.7, set: { 'X-Canary': 'yes' } },
      { share: 0.7, set: { 'X-Canary': 'yes' } },
    ];
    expect(routedShares({ ...base, headerRoutes: [testers()] }, many, []).header).toBe(1);
  });
});

const pod = (name: string, hash: string, image: string) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default', labels: { app: 'demo', [HASH]: hash } },
  spec: { containers: [{ name: 'demo', image }] },
  status: { conditions: [{ type: 'Ready', status: 'True' }] },
});

const istioRollout = (managedRoutes: string[]) => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Rollout',
  metadata: { name: 'demo', namespace: 'default' },
  spec: {
    selector: { matchLabels: { app: 'demo' } },
    template: { metadata: { labels: { app: 'demo' } }, spec: { containers: [{ image: 'x' }] } },
    strategy: {
      canary: {
        canaryService: 'demo-canary',
        stableService: 'demo-stable',
        trafficRouting: {
          managedRoutes: managedRoutes.map((name) => ({ name })),
          istio: { virtualService: { name: 'vs', routes: ['primary'] } },
        },
      },
    },
  },
  status: { currentPodHash: 'new', stableRS: 'old' },
});

const WORLD = [
  istioRollout(['testers', 'shadow']),
  pod('s1', 'old', 'demo:blue'),
  pod('s2', 'old', 'demo:blue'),
  pod('c1', 'new', 'demo:red'),
];

const shares = (
  observed: ObservedSplit,
  headerShares = [{ share: 0.2, set: { 'X-Canary': 'yes' } }],
) =>
  splitFromWorld({
    objects: WORLD,
    observedSplits: { 'Istio/default/demo': observed },
    headerShares,
  }).map((d) => [d.hash, Number(d.share.toFixed(12)), d.mirrorShare]);

describe('splitFromWorld with header and mirror routes', () => {
  it('sends the matching users 100 % to the canary at weight 0; the weights split the rest', () => {
    expect(shares({ ...base, headerRoutes: [testers()] })).toEqual([
      ['new', 0.2, undefined],
      ['old', 0.8, undefined],
    ]);
    expect(shares({ ...base, canaryWeight: 50, headerRoutes: [testers()] })).toEqual([
      ['new', 0.6, undefined],
      ['old', 0.4, undefined],
    ]);
    // Without a header route, or without users sending the header, nothing changes.
    expect(shares(base)).toEqual([
      ['new', 0, undefined],
      ['old', 1, undefined],
    ]);
    expect(shares({ ...base, headerRoutes: [testers()] }, [])).toEqual([
      ['new', 0, undefined],
      ['old', 1, undefined],
    ]);
  });

  it('adds mirrored traffic to the canary as mirrorShare, leaving the user split alone', () => {
    const mirrorRoutes = [
      { name: 'shadow', match: [{ headers: { 'x-canary': { exact: 'yes' } } }], percentage: 50 },
    ];
    expect(shares({ ...base, canaryWeight: 10, mirrorRoutes })).toEqual([
      ['new', 0.1, 0.1],
      ['old', 0.9, undefined],
    ]);
  });

  it('sends header-routed users to stable when there is no distinct canary', () => {
    const split = { ...base, canaryHash: 'old', headerRoutes: [testers()] };
    expect(shares(split)).toEqual([
      ['new', 0, undefined],
      ['old', 1, undefined],
    ]);
  });
});

describe('the data plane carries header and mirror routes with the propagation delay', () => {
  const rollout = istioRollout(['testers', 'shadow']) as unknown as Rollout;
  const fake = () => {
    const clock = createStepClock();
    const dataPlane = createDataPlane({ clock });
    return { clock, dataPlane };
  };

  it.skipIf(!hasShared)(
    'Istio (shared example): setHeaderRoute / setMirrorRoute land after 500 ms, removal too',
    () => {
      const ex = example('istio');
      const r = withCanary(ex.rollout, {
        trafficRouting: {
          managedRoutes: [{ name: 'shadow' }, { name: 'testers' }],
          istio: { virtualService: { name: 'rollouts-demo-vsvc', routes: ['primary'] } },
        },
      });
      const { clock, dataPlane } = fake();
      const router: TrafficRouter = createIstioRouter({
        rollout: r,
        client: ex.client,
        clock,
        dataPlane,
      });
      const ok: RouterResult = { ok: true };
      expect(router.setHeaderRoute({ name: 'testers', match: [header({ exact: 'yes' })] })).toEqual(
        ok,
      );
      expect(
        router.setMirrorRoute({ name: 'shadow', match: [{ method: { exact: 'GET' } }] }),
      ).toEqual(ok);
      expect(router.observedSplit().headerRoutes).toBeUndefined();
      clock.advanceBy(500);
      const seen = router.observedSplit();
      expect(seen.headerRoutes).toEqual([testers(false)]);
      expect(seen.mirrorRoutes).toEqual([
        { name: 'shadow', match: [{ method: { exact: 'GET' } }], percentage: 100 },
      ]);
      // setWeight keeps the routes.
      router.setWeight(20, []);
      clock.advanceBy(500);
      expect(router.observedSplit()).toMatchObject({ canaryWeight: 20, headerRoutes: [testers()] });
      expect(router.removeManagedRoutes()).toEqual(ok);
      clock.advanceBy(499);
      expect(router.observedSplit().headerRoutes).toHaveLength(1);
      clock.advanceBy(1);
      expect(router.observedSplit()).toEqual({
        canaryWeight: 20,
        canaryHash: '',
        stableHash: '',
        additional: [],
      });
    },
  );

  it.skipIf(!hasShared)(
    'an empty match deletes one route; routers without header routing leave the split alone',
    () => {
      const ex = example('istio');
      const r = withCanary(ex.rollout, {
        trafficRouting: {
          managedRoutes: [{ name: 'testers' }],
          istio: { virtualService: { name: 'rollouts-demo-vsvc', routes: ['primary'] } },
        },
      });
      const { clock, dataPlane } = fake();
      const router = createIstioRouter({ rollout: r, client: ex.client, clock, dataPlane });
      router.setHeaderRoute({ name: 'testers', match: [header({ exact: 'yes' })] });
      router.setHeaderRoute({ name: 'testers', match: [] });
      clock.advanceBy(500);
      expect(router.observedSplit().headerRoutes).toBeUndefined();

      const nginx = createNginxRouter({ rollout, client: ex.client, clock, dataPlane });
      expect(nginx.setHeaderRoute({ name: 'testers', match: [header({ exact: 'yes' })] })).toEqual({
        ok: true,
      });
      clock.advanceBy(1000);
      expect(nginx.observedSplit().headerRoutes).toBeUndefined();
    },
  );
});
