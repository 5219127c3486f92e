import { describe, expect, it } from 'vitest';
import { splitFromWorld } from '../../src/traffic';

const HASH = 'rollouts-pod-template-hash';

const pod = (
  name: string,
  hash: string,
  image: string,
  ready: boolean,
  extra: Record<string, unknown> = {},
) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default', labels: { app: 'demo', [HASH]: hash }, ...extra },
  spec: { containers: [{ name: 'demo', image }] },
  status: { conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
});

const service = (name: string, selector: Record<string, string>) => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace: 'default' },
  spec: { selector },
});

const rollout = (strategy: Record<string, unknown>, status: Record<string, unknown>) => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Rollout',
  metadata: { name: 'demo', namespace: 'default' },
  spec: {
    selector: { matchLabels: { app: 'demo' } },
    template: {
      metadata: { labels: { app: 'demo' } },
      spec: { containers: [{ name: 'demo', image: 'demo:red' }] },
    },
    strategy,
  },
  status,
});

const pods = [
  pod('s1', 'old', 'demo:blue', true),
  pod('s2', 'old', 'demo:blue', true),
  pod('s3', 'old', 'demo:blue', true),
  pod('s4', 'old', 'demo:blue', true, { deletionTimestamp: '2026-01-01T00:00:00Z' }),
  pod('c1', 'new', 'demo:red', true),
  pod('c2', 'new', 'demo:red', false),
];

describe('splitFromWorld', () => {
  it('basic canary: shares follow ready pods, through the Service selecting every version', () => {
    const objects = [
      rollout(
        { canary: { steps: [{ setWeight: 20 }] } },
        { currentPodHash: 'new', stableRS: 'old' },
      ),
      service('demo', { app: 'demo' }),
      ...pods,
    ];
    const split = splitFromWorld({ objects });
    expect(split.map((d) => [d.hash, d.share, d.role, d.service, d.image, d.available])).toEqual([
      ['new', 0.25, 'canary', 'demo', 'demo:red', true],
      ['old', 0.75, 'stable', 'demo', 'demo:blue', true],
    ]);
    expect(split[0].routers).toEqual([]);
  });

  it("canary with a router: the router's observed weight, via canary and stable Services", () => {
    const objects = [
      rollout(
        {
          canary: {
            canaryService: 'demo-canary',
            stableService: 'demo-stable',
            trafficRouting: { nginx: { stableIngress: 'demo-ingress' } },
          },
        },
        { currentPodHash: 'new', stableRS: 'old' },
      ),
      ...pods,
    ];
    const observedSplits = {
      'Nginx/default/demo': {
        canaryWeight: 10,
        canaryHash: 'new',
        stableHash: 'old',
        additional: [],
      },
    };
    const split = splitFromWorld({ objects, observedSplits });
    expect(split.map((d) => [d.hash, d.share, d.service])).toEqual([
      ['new', 0.1, 'demo-canary'],
      ['old', 0.9, 'demo-stable'],
    ]);
    expect(split[0]).toMatchObject({
      routers: ['Nginx'],
      ingress: 'demo-ingress',
      canaryService: 'demo-canary',
    });
    // Before the router acted, everything goes to stable; the canary is still listed at 0.
    const before = splitFromWorld({ objects });
    expect(before.map((d) => [d.hash, d.share])).toEqual([
      ['new', 0],
      ['old', 1],
    ]);
  });

  it('blue-green: all load to the hash the active Service selects', () => {
    const objects = [
      rollout(
        { blueGreen: { activeService: 'demo-active', previewService: 'demo-preview' } },
        {
          currentPodHash: 'new',
          stableRS: 'old',
          blueGreen: { activeSelector: 'old', previewSelector: 'new' },
        },
      ),
      service('demo-active', { app: 'demo', [HASH]: 'old' }),
      service('demo-preview', { app: 'demo', [HASH]: 'new' }),
      ...pods,
    ];
    expect(splitFromWorld({ objects }).map((d) => [d.hash, d.share, d.role, d.service])).toEqual([
      ['new', 0, 'preview', 'demo-preview'],
      ['old', 1, 'active', 'demo-active'],
    ]);
  });

  it('a weighted hash without ready pods is unavailable', () => {
    const objects = [
      rollout(
        { canary: { canaryService: 'c', stableService: 's', trafficRouting: { istio: {} } } },
        { currentPodHash: 'gone', stableRS: 'old' },
      ),
      ...pods,
    ];
    const split = splitFromWorld({
      objects,
      observedSplits: {
        'Istio/default/demo': {
          canaryWeight: 50,
          canaryHash: 'gone',
          stableHash: 'old',
          additional: [],
        },
      },
    });
    expect(split.find((d) => d.hash === 'gone')).toMatchObject({
      share: 0.5,
      available: false,
      routers: ['Istio'],
    });
  });
});
