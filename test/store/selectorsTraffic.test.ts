import { describe, expect, it } from 'vitest';
import {
  isError,
  selectRequestDestinations,
  selectServedShares,
  type RequestSample,
} from '../../src/store/selectorsTraffic';
import { paused, pausedAtStep, record } from '../../stories/traffic/recorded';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Kubernetes objects are walked as plain JSON
type Json = Record<string, any>;
const rolloutStatus = (objects: readonly unknown[]): Json =>
  ((objects as Json[]).find((o) => o.kind === 'Rollout')?.status ?? {}) as Json;

const BLUE = 'argoproj/rollouts-demo:blue';
const YELLOW = 'argoproj/rollouts-demo:yellow';
const req = (t: number, version: string, hash: string, status = 200): RequestSample => ({
  t,
  version,
  hash,
  status,
  latencyMs: 40,
});

describe('selectRequestDestinations', () => {
  it('basic canary: one destination per running ReplicaSet, weighted by ready pods', () => {
    const { frame } = record('blue-to-yellow', pausedAtStep(1), 1000);
    const d = selectRequestDestinations(frame);
    expect(d.map((x) => [x.label, x.role])).toEqual([
      ['rev 1 · blue', 'stable'],
      ['rev 2 · yellow', 'canary'],
    ]);
    expect(d[0].image).toBe(BLUE);
    expect(d[1].image).toBe(YELLOW);
    const pods = (frame.objects as Json[]).filter(
      (o) =>
        o.kind === 'Pod' &&
        o.metadata.labels['rollouts-pod-template-hash'] === d[1].hash &&
        (o.status?.conditions ?? []).some((c: Json) => c.type === 'Ready' && c.status === 'True'),
    ).length;
    const all = (frame.objects as Json[]).filter(
      (o) =>
        o.kind === 'Pod' &&
        (o.status?.conditions ?? []).some((c: Json) => c.type === 'Ready' && c.status === 'True'),
    ).length;
    expect(d[1].weight).toBeCloseTo((100 * pods) / all, 1);
    expect(d[0].weight + d[1].weight).toBeCloseTo(100, 5);
    // Hashes are the ReplicaSets' pod-template-hash labels.
    const hashes = (frame.objects as Json[])
      .filter((o) => o.kind === 'ReplicaSet')
      .map((o) => o.metadata.labels['rollouts-pod-template-hash']);
    expect(hashes).toEqual(expect.arrayContaining(d.map((x) => x.hash)));
  });

  it('traffic-routed canary: the router weights from the Rollout status', () => {
    const { frame } = record('canary-nginx', pausedAtStep(1), 1000);
    const weights = rolloutStatus(frame.objects).canary.weights;
    const d = selectRequestDestinations(frame);
    expect(d).toHaveLength(2);
    expect(d[0]).toMatchObject({ role: 'stable', hash: weights.stable.podTemplateHash });
    expect(d[0].weight).toBe(weights.stable.weight);
    expect(d[1]).toMatchObject({ role: 'canary', hash: weights.canary.podTemplateHash });
    expect(d[1].weight).toBe(weights.canary.weight);
  });

  it('blue-green: the active version takes 100 %, the preview 0 %', () => {
    const { frame } = record('bluegreen-preview', paused, 0);
    const bg = rolloutStatus(frame.objects).blueGreen;
    const d = selectRequestDestinations(frame);
    expect(d.map((x) => [x.role, x.weight])).toEqual([
      ['active', 100],
      ['preview', 0],
    ]);
    expect(d[0].hash).toBe(bg.activeSelector);
    expect(d[1].hash).toBe(bg.previewSelector);
  });

  it('matches the sampled requests: every request goes to a listed hash', () => {
    const { frame, requests } = record('canary-analysis-rollback', pausedAtStep(1), 2000);
    const hashes = new Set(selectRequestDestinations(frame).map((d) => d.hash));
    expect(requests.length).toBeGreaterThan(0);
    for (const r of requests) expect(hashes.has(r.hash)).toBe(true);
  });
});

describe('selectServedShares', () => {
  const requests = [
    req(100, BLUE, 'b'),
    req(1100, BLUE, 'b'),
    req(1200, YELLOW, 'y', 500),
    req(1300, YELLOW, 'y'),
    req(1900, BLUE, 'b', 503),
    req(2000, BLUE, 'b'),
  ];

  it('counts mirrored copies apart: never served requests, never errors', () => {
    const withCopies = [
      ...requests,
      { ...req(1500, YELLOW, 'y', 500), mirror: true as const },
      { ...req(1600, YELLOW, 'y'), mirror: true as const },
    ];
    const plain = selectServedShares(requests, 1000, 2000);
    const s = selectServedShares(withCopies, 1000, 2000);
    expect(s.mirrored).toBe(2);
    expect(plain.mirrored).toBe(0);
    expect({ ...s, mirrored: 0 }).toEqual(plain);
  });

  it('counts requests and 5xx per version over (now − window, now], most served first', () => {
    const s = selectServedShares(requests, 1000, 2000);
    expect(s.total).toBe(5);
    expect(s.errors).toBe(2);
    expect(s.versions).toEqual([
      { version: BLUE, requests: 3, errors: 1, share: 0.6 },
      { version: YELLOW, requests: 2, errors: 1, share: 0.4 },
    ]);
    expect(s.byHash).toEqual({ b: { requests: 3, errors: 1 }, y: { requests: 2, errors: 1 } });
  });

  it('ends the window at the newest request without nowMs', () => {
    expect(selectServedShares(requests, 50).total).toBe(1);
    expect(selectServedShares(requests, 50).endMs).toBe(2000);
  });

  it('is empty without requests', () => {
    expect(selectServedShares([], 2000, 5000)).toMatchObject({ total: 0, versions: [] });
  });

  it('treats every 5xx as an error', () => {
    expect([200, 404, 499, 500, 503].map(isError)).toEqual([false, false, false, true, true]);
  });
});
