import { describe, expect, it } from 'vitest';
import { prometheus, prometheusResultMetadata } from '../../src/metrics';
import { appTraffic, envOf, metricOf, syntheticSignals } from './synthetic';

const signals = syntheticSignals([
  ...appTraffic({ service: 'demo-canary' }, 10, 1),
  ...appTraffic({ service: 'demo-stable' }, 40, 0.4),
]);
const env = envOf(signals);
const ADDRESS = 'http://prometheus.monitoring:9090';
const run = (config: Record<string, unknown>) =>
  prometheus.start(metricOf('prometheus', config), env);

describe('prometheus provider', () => {
  it('returns a scalar as a float', () => {
    expect(
      run({
        address: ADDRESS,
        query:
          'scalar(sum(rate(http_requests_total{code="500"}[5m])) / sum(rate(http_requests_total[5m])))',
      }),
    ).toEqual({
      status: 'done',
      value: expect.closeTo(1.4 / 50, 12),
    });
  });

  it('returns an instant vector as a list of floats (possibly empty)', () => {
    const step = run({
      address: ADDRESS,
      query: 'sum(rate(http_requests_total[5m])) by (service)',
    });
    expect(step.status).toBe('done');
    expect((step as { value: number[] }).value.map((x) => Math.round(x))).toEqual([10, 40]);
    expect(run({ address: ADDRESS, query: 'http_requests_total{service="nope"}' })).toEqual({
      status: 'done',
      value: [],
    });
  });

  it('NaN and +Inf come through as floats', () => {
    expect(run({ address: ADDRESS, query: '0/0' })).toEqual({ status: 'done', value: NaN });
    expect(run({ address: ADDRESS, query: '1/0' })).toEqual({ status: 'done', value: Infinity });
  });

  it('an instant range-vector result is not supported, as in Argo', () => {
    expect(run({ address: ADDRESS, query: 'http_requests_total[5m]' })).toEqual({
      status: 'error',
      message: 'Prometheus metric type not supported',
    });
  });

  it('rangeQuery flattens every sample of every series', () => {
    const step = run({
      address: ADDRESS,
      query: 'sum(rate(http_requests_total[1m])) by (service)',
      rangeQuery: { start: "now() - duration('2m')", end: 'now()', step: '1m' },
    });
    expect(step.status).toBe('done');
    expect((step as { value: number[] }).value.map((x) => Math.round(x))).toEqual([
      10, 10, 10, 40, 40, 40,
    ]);
  });

  it('validates address, timeout and query', () => {
    expect(run({ query: 'vector(1)' })).toEqual({
      status: 'error',
      message: 'prometheus address is not configured',
    });
    expect(run({ address: 'prometheus:9090', query: 'vector(1)' })).toEqual({
      status: 'error',
      message: 'prometheus address is not is url format',
    });
    expect(run({ address: ADDRESS, query: 'vector(1)', timeout: -1 })).toEqual({
      status: 'error',
      message: 'prometheus timeout should not be negative',
    });
    expect(run({ address: ADDRESS, query: '' }).status).toBe('error');
  });

  it('names unsupported constructs', () => {
    expect(run({ address: ADDRESS, query: 'quantile(0.9, http_requests_total)' })).toEqual({
      status: 'error',
      message: 'unsupported PromQL: aggregation quantile',
    });
  });

  it('records the resolved query as result metadata', () => {
    expect(
      prometheusResultMetadata(metricOf('prometheus', { address: ADDRESS, query: 'up' })),
    ).toEqual({ ResolvedPrometheusQuery: 'up' });
  });
});
