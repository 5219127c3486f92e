import { describe, expect, expectTypeOf, it } from 'vitest';
import { isSupportedKind, metricProviders, providerFor } from '../../src/metrics';
import type { MetricProviderImpl, SupportedKind } from '../../src/metrics';
import { prometheus } from '../../src/metrics';

describe('metric provider registry', () => {
  it('has one provider per supported kind, under its own key', () => {
    for (const [kind, provider] of Object.entries(metricProviders))
      expect(provider.kind).toBe(kind);
    expect(Object.keys(metricProviders).sort()).toEqual([
      'cloudWatch',
      'datadog',
      'graphite',
      'influxdb',
      'job',
      'kayenta',
      'newRelic',
      'prometheus',
      'wavefront',
      'web',
    ]);
    expect(providerFor('prometheus')).toBe(prometheus);
    expect(providerFor('skywalking')).toBeUndefined();
    expect(providerFor('plugin')).toBeUndefined();
    expect(isSupportedKind('job')).toBe(true);
  });

  it('fails compilation when a supported kind has no provider', () => {
    const { web: _web, ...missingWeb } = metricProviders;
    // @ts-expect-error — 'web' is a SupportedKind, so a registry without it does not type-check.
    const incomplete = missingWeb satisfies {
      readonly [K in SupportedKind]: MetricProviderImpl<K>;
    };
    expect(Object.keys(incomplete)).not.toContain('web');
    // @ts-expect-error — a provider registered under another kind's key does not type-check either.
    const swapped = { ...metricProviders, web: prometheus } satisfies {
      readonly [K in SupportedKind]: MetricProviderImpl<K>;
    };
    expect(swapped.web.kind).toBe('prometheus');
    expectTypeOf(providerFor('datadog')).toEqualTypeOf<MetricProviderImpl<'datadog'>>();
  });
});
