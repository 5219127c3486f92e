import { describe, expect, it } from 'vitest';
import { evaluatePromQL } from '../../src/metrics';
import type { PromValue } from '../../src/metrics';
import { appTraffic, syntheticSignals } from './synthetic';

const NOW = 600_000;

const istio = (svc: string, reporter: string, code: string, perSecond: number) => ({
  name: 'istio_requests_total',
  labels: {
    reporter,
    destination_service: `${svc}.default.svc.cluster.local`,
    destination_service_name: svc,
    response_code: code,
  },
  perSecond,
});

// canary: 10 rps, 1 of them 503; stable: 40 rps, 0.4 of them 500.
const signals = syntheticSignals([
  istio('demo-canary', 'source', '200', 9),
  istio('demo-canary', 'source', '503', 1),
  istio('demo-canary', 'destination', '200', 9),
  istio('demo-canary', 'destination', '503', 1),
  istio('demo-stable', 'source', '200', 39.6),
  istio('demo-stable', 'source', '500', 0.4),
  ...appTraffic({ service: 'demo-canary', namespace: 'default' }, 10, 1),
  ...appTraffic({ service: 'demo-stable', namespace: 'default' }, 40, 0.4, {
    '0.1': 30,
    '0.25': 36,
    '0.5': 39,
    '+Inf': 40,
  }),
  {
    name: 'nginx_ingress_controller_requests',
    labels: { ingress: 'demo', status: '200', canary: '' },
    perSecond: 36,
  },
  {
    name: 'nginx_ingress_controller_requests',
    labels: { ingress: 'demo', status: '200', canary: 'default-demo-canary-80' },
    perSecond: 3,
  },
  {
    name: 'nginx_ingress_controller_requests',
    labels: { ingress: 'demo', status: '404', canary: '' },
    perSecond: 1,
  },
]);

const run = (q: string, at = NOW): PromValue => {
  const r = evaluatePromQL(q, signals, at);
  if (r.kind === 'error') throw new Error(r.message);
  return r.value;
};
const values = (v: PromValue): number[] =>
  v.kind === 'vector' ? v.samples.map((s) => s.value) : v.kind === 'scalar' ? [v.value] : [];

describe('evaluatePromQL over exact counters', () => {
  it("evaluates Argo's Istio success-rate query (irate) to the hand-computed ratio", () => {
    const q = `sum(irate(istio_requests_total{reporter="source",destination_service=~"demo-canary.default.svc.cluster.local",response_code!~"5.*"}[5m])) /
      sum(irate(istio_requests_total{reporter="source",destination_service=~"demo-canary.default.svc.cluster.local"}[5m]))`;
    expect(values(run(q))[0]).toBeCloseTo(9 / 10, 12);
  });

  it('rate with extrapolation over aligned scrapes gives the exact per-second rate', () => {
    expect(values(run('sum(rate(http_requests_total{service="demo-stable"}[5m]))'))[0]).toBeCloseTo(
      40,
      9,
    );
    expect(
      values(run('sum(increase(http_requests_total{service="demo-canary"}[5m]))'))[0],
    ).toBeCloseTo(3000, 6);
  });

  it('computes the http_requests_total error rate and the success rate by service', () => {
    const q =
      'sum(rate(http_requests_total{code=~"5.."}[2m])) by (service) / sum(rate(http_requests_total[2m])) by (service)';
    const v = run(q);
    expect(v.kind).toBe('vector');
    const byService = Object.fromEntries(
      (
        v as unknown as { samples: { labels: Record<string, string>; value: number }[] }
      ).samples.map((s) => [s.labels.service, s.value]),
    );
    expect(byService['demo-canary']).toBeCloseTo(0.1, 12);
    expect(byService['demo-stable']).toBeCloseTo(0.01, 12);
  });

  it("evaluates Argo's NGINX success-rate query", () => {
    const q =
      'sum(rate(nginx_ingress_controller_requests{ingress="demo",status!~"[4-5].*"}[2m])) / sum(rate(nginx_ingress_controller_requests{ingress="demo"}[2m]))';
    expect(values(run(q))[0]).toBeCloseTo(39 / 40, 12);
  });

  it('histogram_quantile p95 interpolates inside the bucket as Prometheus does', () => {
    // stable cumulative rates: 0.1→30, 0.25→36, 0.5→39, +Inf→40; rank 38 lies in (0.25, 0.5]:
    // 0.25 + 0.25 · (38 − 36) / (39 − 36)
    const q =
      'histogram_quantile(0.95, sum(rate(http_request_duration_seconds_bucket{service="demo-stable"}[5m])) by (le))';
    expect(values(run(q))[0]).toBeCloseTo(0.25 + (0.25 * 2) / 3, 12);
    // p99.9 falls in +Inf: the highest finite bound.
    expect(values(run(q.replace('0.95', '0.999')))[0]).toBe(0.5);
  });

  it('average latency from _sum / _count', () => {
    const q =
      'sum(rate(http_request_duration_seconds_sum{service="demo-canary"}[5m])) / sum(rate(http_request_duration_seconds_count{service="demo-canary"}[5m]))';
    expect(values(run(q))[0]).toBeCloseTo(0.12, 12);
  });

  it('scalars, vector(), scalar(), clamp and comparisons', () => {
    expect(run('1 + 2 * 3')).toEqual({ kind: 'scalar', value: 7 });
    expect(run('-(2) ^ 2')).toEqual({ kind: 'scalar', value: -4 });
    expect(run('scalar(sum(rate(http_requests_total[5m])))')).toMatchObject({ kind: 'scalar' });
    expect(values(run('scalar(sum(rate(http_requests_total[5m])))'))[0]).toBeCloseTo(50, 9);
    expect(values(run('clamp_max(vector(5), 3)'))).toEqual([3]);
    expect(values(run('clamp_min(vector(-1), 0)'))).toEqual([0]);
    expect(values(run('abs(vector(-2))'))).toEqual([2]);
    expect(run('1 > bool 2')).toEqual({ kind: 'scalar', value: 0 });
    // A filtering comparison keeps only the matching samples, with their own values.
    expect(
      values(run('sum(rate(http_requests_total[5m])) by (service) > 20')).map(Math.round),
    ).toEqual([40]);
    expect(values(run('sum(rate(http_requests_total[5m])) by (service) > bool 20'))).toEqual([
      0, 1,
    ]);
  });

  it('vector matching with on / ignoring / group_left', () => {
    const q =
      'sum by (service, code) (rate(http_requests_total[5m])) / ignoring(code) group_left sum by (service) (rate(http_requests_total[5m]))';
    const v = run(q);
    const got = (
      v as unknown as { samples: { labels: Record<string, string>; value: number }[] }
    ).samples
      .map((s) => `${s.labels.service}/${s.labels.code}=${s.value.toFixed(3)}`)
      .sort();
    expect(got).toEqual([
      'demo-canary/200=0.900',
      'demo-canary/500=0.100',
      'demo-stable/200=0.990',
      'demo-stable/500=0.010',
    ]);
    const on =
      'sum by (service) (rate(http_requests_total{code="500"}[5m])) / on(service) sum by (service) (rate(http_requests_total[5m]))';
    expect(values(run(on)).map((x) => x.toFixed(3))).toEqual(['0.100', '0.010']);
  });

  it('or vector(0) fills an absent error series', () => {
    expect(values(run('sum(rate(http_requests_total{code="502"}[5m])) or vector(0)'))).toEqual([0]);
  });

  it('offset looks back in time', () => {
    // At 300 s the canary counter 200 was at 9 · 300.
    expect(
      values(run('sum(http_requests_total{service="demo-canary",code="200"} offset 5m)'))[0],
    ).toBeCloseTo(2700, 6);
  });

  it('anchors regular expressions', () => {
    expect(values(run('count(http_requests_total{service=~"demo"})'))).toEqual([]);
    expect(values(run('count(http_requests_total{service=~"demo-.*"})'))).toEqual([4]);
  });

  it('reads label regexes as RE2 (POSIX classes, \\Q…\\E, (?i)); a leading (?m) leaves the anchors', () => {
    expect(values(run('count(http_requests_total{code=~"[[:digit:]]{3}"})'))).toEqual([4]);
    expect(values(run('count(http_requests_total{service=~"\\\\Qdemo-\\\\E.*"})'))).toEqual([4]);
    expect(values(run('count(http_requests_total{service=~"(?i)DEMO-.*"})'))).toEqual([4]);
    expect(values(run('count(http_requests_total{service=~"(?m)demo"})'))).toEqual([]);
  });

  it('stale series (no sample in the 5m look-back) are not returned', () => {
    expect(values(run('count(http_requests_total)', 600_000 + 6 * 60_000))).toEqual([]);
  });

  it('names what is outside the subset', () => {
    const err = (q: string): string => {
      const r = evaluatePromQL(q, signals, NOW);
      return r.kind === 'error' ? r.message : 'no error';
    };
    expect(err('topk(3, http_requests_total)')).toBe('unsupported PromQL: aggregation topk');
    expect(err('max_over_time(http_requests_total[5m:1m])')).toMatch(
      /^unsupported PromQL: subquery/,
    );
    expect(err('http_requests_total @ 100')).toMatch(/^unsupported PromQL: @ modifier/);
    expect(err('predict_linear(http_requests_total[5m], 60)')).toBe(
      'unsupported PromQL: function predict_linear',
    );
    expect(err('label_replace(http_requests_total, "a", "b", "c", "d")')).toBe(
      'unsupported PromQL: function label_replace',
    );
    expect(err('sum(rate(http_requests_total[5m])')).toMatch(/parse error/);
    expect(err('rate(http_requests_total)')).toMatch(/expected type range vector/);
  });
});
