import { describe, expect, it } from 'vitest';
import { cloudWatch, datadog, graphite, influxdb, newRelic, wavefront } from '../../src/metrics';
import type { MeasureStep } from '../../src/metrics';
import { appTraffic, envOf, metricOf, syntheticSignals } from './synthetic';

// canary: 10 rps, 10 % 500s, mean latency 0.12 s; stable: 40 rps, 1 % 500s.
const signals = syntheticSignals([
  ...appTraffic(
    { service: 'demo-canary', namespace: 'default', version: 'red', rollout: 'demo' },
    10,
    1,
  ),
  ...appTraffic(
    { service: 'demo-stable', namespace: 'default', version: 'blue', rollout: 'demo' },
    40,
    0.4,
    {
      '0.1': 30,
      '0.25': 36,
      '0.5': 39,
      '+Inf': 40,
    },
  ),
]);
const env = envOf(signals);
const value = (s: MeasureStep): unknown => {
  if (s.status !== 'done') throw new Error(s.status === 'error' ? s.message : 'in flight');
  return s.value;
};
const error = (s: MeasureStep): string =>
  s.status === 'error' ? s.message : `not an error: ${JSON.stringify(s)}`;

describe('datadog provider', () => {
  const dd = (c: Record<string, unknown>) => datadog.start(metricOf('datadog', c), env);

  it('v1 error-rate formula over as_count metrics', () => {
    const v = value(
      dd({
        query:
          'sum:requests.errors{service:demo-canary}.as_count() / sum:requests{service:demo-canary}.as_count()',
      }),
    );
    expect(v).toBeCloseTo(0.1, 12);
    expect(value(dd({ query: 'sum:requests.error.rate{service:demo-stable}' }))).toBeCloseTo(
      0.01,
      12,
    );
  });

  it('v2 queries + formula (moving_rollup) and the interval window', () => {
    const v = value(
      dd({
        apiVersion: 'v2',
        interval: '5m',
        queries: {
          a: 'sum:requests.errors{service:demo-canary}.as_count()',
          b: 'sum:requests{service:demo-canary}.as_count()',
        },
        formula: "moving_rollup(a, 60, 'sum') / b",
      }),
    );
    expect(v).toBeCloseTo(0.1, 12);
    expect(
      value(
        dd({ apiVersion: 'v2', queries: { q: 'sum:requests{service:demo-canary}.as_count()' } }),
      ),
    ).toBeCloseTo(3000, 6);
  });

  it('latency percentiles and no data (nil)', () => {
    expect(
      value(dd({ query: 'p95:trace.http.request.duration{service:demo-stable}' })),
    ).toBeCloseTo(0.25 + (0.25 * 2) / 3, 9);
    expect(value(dd({ query: 'sum:requests{service:nobody}.as_count()' }))).toBeNull();
  });

  it('v2 grouped query returns a list and groups metadata', () => {
    const step = dd({ apiVersion: 'v2', query: 'sum:requests.error.rate{*} by {service}' });
    expect(step.status).toBe('done');
    const s = step as { value: number[]; metadata: Record<string, string> };
    expect(s.value.map((x) => Number(x.toFixed(3)))).toEqual([0.1, 0.01]);
    expect(JSON.parse(s.metadata.groups)).toEqual([
      { name: 'demo-canary', value: expect.closeTo(0.1, 9) },
      { name: 'demo-stable', value: expect.closeTo(0.01, 9) },
    ]);
  });

  it("validates as Argo's validateIncomingProps does", () => {
    expect(error(dd({}))).toBe(
      'Must have either a query or queries. Please review the Analysis Template.',
    );
    expect(error(dd({ query: 'a', queries: { a: 'b' } }))).toBe(
      'Cannot have both a query and queries. Please review the Analysis Template.',
    );
    expect(error(dd({ apiVersion: 'v1', queries: { a: 'b' } }))).toBe(
      'Query is empty. API Version v1 only supports using the query parameter in your Analysis Template.',
    );
    expect(error(dd({ apiVersion: 'v2', queries: { a: 'x', b: 'y' } }))).toBe(
      'When multiple queries are provided you must include a formula.',
    );
    expect(error(dd({ query: 'sum:requests{*}', aggregator: 'sum' }))).toBe(
      'Aggregator is not supported in v1. Please review the Analysis Template.',
    );
  });

  it('names what it does not model', () => {
    expect(error(dd({ query: 'max:kubernetes.containers.restarts{service:demo}' }))).toMatch(
      /unsupported Datadog metric "kubernetes.containers.restarts"/,
    );
    expect(error(dd({ query: 'sum:requests{host:abc}' }))).toMatch(
      /unsupported Datadog tag key "host"/,
    );
  });
});

describe('newRelic provider', () => {
  const nr = (query: string) => newRelic.start(metricOf('newRelic', { query }), env);

  it('success rate with filter() and an alias', () => {
    const v = value(
      nr(
        "SELECT filter(count(*), WHERE httpResponseCode !~ '5%') / count(*) AS successRate FROM Transaction WHERE appName = 'demo-canary' SINCE 5 minutes ago",
      ),
    );
    expect(v).toEqual({ successRate: expect.closeTo(0.9, 12) });
  });

  it("percentage() in Argo's FROM … SELECT order", () => {
    const v = value(
      nr(
        "FROM Transaction SELECT percentage(count(*), WHERE httpResponseCode != 500) as successRate where appName = 'demo-stable' SINCE 5 minutes ago",
      ),
    );
    expect(v).toEqual({ successRate: expect.closeTo(99, 9) });
  });

  it('percentile and average keys follow NRQL naming', () => {
    const v = value(
      nr(
        "SELECT percentile(duration, 95), average(duration), count(*) FROM Transaction WHERE appName = 'demo-stable' SINCE 5 minutes ago",
      ),
    ) as Record<string, unknown>;
    expect(v['percentile.duration']).toEqual({ '95': expect.closeTo(0.25 + (0.25 * 2) / 3, 9) });
    expect(v['average.duration']).toBeCloseTo(0.12, 9);
    expect(v.count).toBeCloseTo(12_000, 6);
  });

  it('requires a query and names unsupported NRQL', () => {
    expect(error(nr(''))).toBe('query is required for the newRelic provider');
    expect(error(nr('SELECT count(*) FROM PageView'))).toMatch(
      /unsupported NRQL event type "PageView"/,
    );
    expect(error(nr('SELECT count(*) FROM Transaction FACET appName'))).toBe(
      'unsupported NRQL clause FACET',
    );
    expect(error(nr('SELECT uniqueCount(user) FROM Transaction'))).toMatch(
      /unsupported NRQL function uniqueCount/,
    );
  });
});

describe('wavefront provider', () => {
  it("evaluates the docs' success-rate query", () => {
    const query = `sum(rate(5m, ts("istio.requestcount.count", response_code!=500 and destination_service="demo-canary.default.svc.cluster.local"))) /
      sum(rate(5m, ts("istio.requestcount.count", reporter=client and destination_service="demo-canary.default.svc.cluster.local")))`;
    expect(
      value(
        wavefront.start(metricOf('wavefront', { address: 'example.wavefront.com', query }), env),
      ),
    ).toBeCloseTo(0.9, 12);
  });

  it('validates and names unknown metrics', () => {
    expect(error(wavefront.start(metricOf('wavefront', { query: 'ts("x")' }), env))).toBe(
      'wavefront address is not configured',
    );
    expect(
      error(wavefront.start(metricOf('wavefront', { address: 'a', query: 'ts("cpu.load")' }), env)),
    ).toMatch(/unsupported Wavefront metric "cpu.load"/);
  });
});

describe('graphite provider', () => {
  it("evaluates the docs' asPercent / summarize target: a list of floats", () => {
    const query = `target=summarize(
      asPercent(
        sumSeries(stats.timers.httpServerRequests.app.demo-canary.exception.*.method.*.outcome.{CLIENT_ERROR,INFORMATIONAL,REDIRECTION,SUCCESS}.status.*.uri.*.count),
        sumSeries(stats.timers.httpServerRequests.app.demo-canary.exception.*.method.*.outcome.*.status.*.uri.*.count)
      ),
      '5min',
      'avg'
    )`;
    const v = value(
      graphite.start(
        metricOf('graphite', { address: 'http://graphite.example.com:9090', query }),
        env,
      ),
    );
    expect((v as number[]).map((x) => Number(x.toFixed(6)))).toEqual([90]);
  });

  it('1-minute points without summarize; errors name the problem', () => {
    const q =
      'stats.timers.httpServerRequests.app.demo-stable.exception.*.method.*.outcome.SERVER_ERROR.status.*.uri.*.count';
    const v = value(
      graphite.start(metricOf('graphite', { address: 'http://g:80', query: q }), env),
    ) as number[];
    expect(v.map((x) => Math.round(x))).toEqual([24, 24, 24, 24, 24]);
    expect(
      error(graphite.start(metricOf('graphite', { address: 'http://g:80', query: 'a.b.c' }), env)),
    ).toMatch(/unsupported Graphite path/);
    expect(
      error(
        graphite.start(
          metricOf('graphite', {
            address: 'http://g:80',
            query: q.replace('demo-stable', 'nobody'),
          }),
          env,
        ),
      ),
    ).toBe('no values found');
  });
});

describe('influxdb provider', () => {
  it("evaluates the docs' error-percentage Flux: one value per minute", () => {
    const query = `from(bucket: "app_istio")
      |> range(start: -5m)
      |> filter(fn: (r) => r["destination_workload"] == "demo")
      |> filter(fn: (r) => r["_measurement"] == "istio:istio_requests_errors_percentage:rate1m:5xx")`;
    const v = value(influxdb.start(metricOf('influxdb', { query }), env)) as number[];
    expect(v.map((x) => Number(x.toFixed(6)))).toEqual([2.8, 2.8, 2.8, 2.8, 2.8]);
    const mean = value(
      influxdb.start(metricOf('influxdb', { query: `${query} |> mean()` }), env),
    ) as number[];
    expect(mean.map((x) => Number(x.toFixed(6)))).toEqual([2.8]);
  });

  it('no results and unsupported Flux are errors', () => {
    const none =
      'from(bucket: "b") |> range(start: -5m) |> filter(fn: (r) => r._measurement == "http_requests_total" and r.service == "nobody")';
    expect(error(influxdb.start(metricOf('influxdb', { query: none }), env))).toBe(
      'no results returned from flux query',
    );
    expect(
      error(
        influxdb.start(
          metricOf('influxdb', { query: 'from(bucket: "b") |> range(start: -5m) |> pivot()' }),
          env,
        ),
      ),
    ).toBe('unsupported Flux function pivot()');
  });
});

describe('cloudWatch provider', () => {
  const queries = [
    { id: 'rate', expression: 'errors / requests' },
    {
      id: 'errors',
      metricStat: {
        metric: {
          namespace: 'app',
          metricName: 'errors',
          dimensions: [{ name: 'ServiceName', value: 'demo-canary' }],
        },
        period: 60,
        stat: 'Sum',
        unit: 'Count',
      },
      returnData: false,
    },
    {
      id: 'requests',
      metricStat: {
        metric: {
          namespace: 'app',
          metricName: 'requests',
          dimensions: [{ name: 'ServiceName', value: 'demo-canary' }],
        },
        period: 60,
        stat: 'Sum',
        unit: 'Count',
      },
      returnData: false,
    },
  ];

  it('returns MetricDataResults with Values per period, newest first', () => {
    const v = value(
      cloudWatch.start(metricOf('cloudWatch', { interval: '3m', metricDataQueries: queries }), env),
    ) as {
      Id: string;
      Values: number[];
      Timestamps: string[];
      StatusCode: string;
    }[];
    expect(v).toHaveLength(1);
    expect(v[0]).toMatchObject({ Id: 'rate', Label: 'rate', StatusCode: 'Complete', Messages: [] });
    expect(v[0].Values.map((x) => Number(x.toFixed(6)))).toEqual([0.1, 0.1, 0.1]);
    expect(v[0].Timestamps[0]).toBe('2026-01-01T00:10:00Z');
  });

  it("accepts the docs' capitalised JSON string form", () => {
    const json = JSON.stringify([
      { Id: 'rate', Expression: 'errors / requests' },
      {
        Id: 'errors',
        MetricStat: {
          Metric: { Namespace: 'app', MetricName: 'errors' },
          Period: 300,
          Stat: 'Sum',
        },
        ReturnData: false,
      },
      {
        Id: 'requests',
        MetricStat: {
          Metric: { Namespace: 'app', MetricName: 'requests' },
          Period: 300,
          Stat: 'Sum',
        },
        ReturnData: false,
      },
    ]);
    const v = value(
      cloudWatch.start(metricOf('cloudWatch', { interval: '5m', metricDataQueries: json }), env),
    ) as { Values: number[] }[];
    expect(v[0].Values[0]).toBeCloseTo(1.4 / 50, 12);
  });

  it('requires metricDataQueries and names unsupported metrics', () => {
    expect(error(cloudWatch.start(metricOf('cloudWatch', {}), env))).toBe(
      'metricDataQueries is required',
    );
    const bad = [
      { id: 'x', metricStat: { metric: { metricName: 'CPUUtilization' }, stat: 'Average' } },
    ];
    expect(
      error(cloudWatch.start(metricOf('cloudWatch', { metricDataQueries: bad }), env)),
    ).toMatch(/unsupported CloudWatch metric "CPUUtilization"/);
  });
});
