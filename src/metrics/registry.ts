/**
 * The metric provider registry: one simulated provider per kind Argo supports, looked up by the
 * metric's provider key. Counterpart: metricproviders/metricproviders.go (ProviderFactory.NewProvider).
 * Rule: a record checked with `satisfies`, not an if/else chain — adding a supported kind fails
 * compilation until its provider exists.
 */
import type { MetricProviderKind } from '../model';
import type { MetricProviderImpl } from './provider';
import { cloudWatch } from './cloudWatch';
import { datadog } from './datadog';
import { graphite } from './graphite';
import { influxdb } from './influxdb';
import { job } from './job';
import { kayenta } from './kayenta';
import { newRelic } from './newRelic';
import { prometheus } from './prometheus';
import { wavefront } from './wavefront';
import { web } from './web';

/** The provider kinds Rollout Lab simulates (SkyWalking and plugins are not simulated). */
export type SupportedKind = Exclude<MetricProviderKind, 'skywalking' | 'plugin'>;

/** The providers, keyed by kind; the `satisfies` clause is the compile-time completeness check. */
export const metricProviders = {
  prometheus,
  datadog,
  newRelic,
  wavefront,
  graphite,
  influxdb,
  kayenta,
  web,
  job,
  cloudWatch,
} satisfies { readonly [K in SupportedKind]: MetricProviderImpl<K> };

/** isSupportedKind reports whether Rollout Lab simulates the provider `kind`. */
export function isSupportedKind(kind: MetricProviderKind): kind is SupportedKind {
  return Object.prototype.hasOwnProperty.call(metricProviders, kind);
}

/**
 * providerFor returns the provider of `kind`, or undefined for kinds that are not simulated
 * (SkyWalking, plugins): the caller records an Error measurement naming the kind.
 */
export function providerFor<K extends SupportedKind>(kind: K): MetricProviderImpl<K>;
export function providerFor(kind: MetricProviderKind): MetricProviderImpl | undefined;
export function providerFor(kind: MetricProviderKind): MetricProviderImpl | undefined {
  return isSupportedKind(kind)
    ? (metricProviders[kind] as unknown as MetricProviderImpl)
    : undefined;
}
