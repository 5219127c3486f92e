/**
 * AnalysisTemplate / ClusterAnalysisTemplate rules: metrics, limits, durations, providers, rules, args.
 * Argo counterpart: utils/analysis ValidateMetrics/ValidateMetric, flattenArgs, GetDryRunMetrics (all errors, not the first).
 * Rule: limits that still hold an `{{args.…}}` placeholder are only checked once resolved.
 */
import { parseGoDuration } from '../duration';
import { goRegexpMatches } from '../re2';
import type { ValidationIssue } from '../issues';
import { intValueOfIntOrString } from '../intOrPercent';
import type { LoadedObject } from '../load';
import { ISSUE_CODES } from './codes';
import type { Collector, JsonRecord } from './context';
import {
  arr,
  child,
  hasArgPlaceholder,
  isSet,
  newCollector,
  objectSpec,
  rec,
  report,
  str,
  strOrEmpty,
} from './context';

/** METRIC_PROVIDERS are the built-in provider keys of MetricProvider (plugins counted apart). */
export const METRIC_PROVIDERS = [
  'prometheus',
  'job',
  'web',
  'wavefront',
  'kayenta',
  'datadog',
  'newRelic',
  'cloudWatch',
  'graphite',
  'influxdb',
  'skywalking',
] as const;

/** validateAnalysisTemplate checks one AnalysisTemplate or ClusterAnalysisTemplate. */
export function validateAnalysisTemplate(obj: LoadedObject): ValidationIssue[] {
  const c = newCollector(obj);
  const spec = objectSpec(obj);
  const metrics = arr(spec.metrics);
  const nested = arr(spec.templates).length > 0;
  if (metrics.length === 0 && !nested) {
    report(c, 'spec.metrics', ISSUE_CODES.metricsMissing, 'no metrics specified');
  }
  validateMetrics(c, metrics, 'spec.metrics');
  validateArgs(c, arr(spec.args), 'spec.args');
  const names = metrics.map((m) => strOrEmpty(rec(m)?.name));
  validateMetricRules(c, arr(spec.dryRun), 'spec.dryRun', 'dryRun', nested ? undefined : names);
  validateMetricRules(
    c,
    arr(spec.measurementRetention),
    'spec.measurementRetention',
    'measurementRetention',
    nested ? undefined : names,
  );
  return c.issues;
}

/** validateMetrics runs ValidateMetrics on a list of metrics at `path` (e.g. `spec.metrics`). */
export function validateMetrics(c: Collector, metrics: readonly unknown[], path: string): void {
  const seen = new Set<string>();
  metrics.forEach((raw, i) => {
    const metric = rec(raw) ?? {};
    const metricPath = child(path, i);
    const name = strOrEmpty(metric.name);
    if (seen.has(name)) {
      report(
        c,
        child(metricPath, 'name'),
        ISSUE_CODES.metricNameDuplicate,
        `metrics[${i}]: duplicate name '${name}'`,
      );
    }
    seen.add(name);
    validateMetric(c, metric, metricPath, `metrics[${i}]: `);
  });
}

/** limit reads an int-or-string limit; undefined when it is still an argument placeholder. */
function limit(v: unknown, fallback: number): number | undefined {
  if (hasArgPlaceholder(v)) return undefined;
  return isSet(v) ? intValueOfIntOrString(v) : fallback;
}

function validateMetric(c: Collector, metric: JsonRecord, path: string, prefix: string): void {
  const count = limit(metric.count, 0);
  const failureLimit = limit(metric.failureLimit, 0);
  const inconclusiveLimit = limit(metric.inconclusiveLimit, 0);
  const consecutiveSuccessLimit = limit(metric.consecutiveSuccessLimit, 0);
  const consecutiveErrorLimit = limit(metric.consecutiveErrorLimit, 0);
  const at = (field: string): string => child(path, field);

  if (consecutiveSuccessLimit !== undefined && consecutiveSuccessLimit < 0) {
    report(
      c,
      at('consecutiveSuccessLimit'),
      ISSUE_CODES.metricConsecutiveSuccessLimitNegative,
      `${prefix}consecutiveSuccessLimit must be >= 0`,
    );
  }
  if (failureLimit !== undefined && failureLimit < -1) {
    report(
      c,
      at('failureLimit'),
      ISSUE_CODES.metricFailureLimitInvalid,
      `${prefix}failureLimit must be >= 0, or -1 to be disabled`,
    );
  }
  if (failureLimit === -1 && consecutiveSuccessLimit === 0) {
    report(
      c,
      at('failureLimit'),
      ISSUE_CODES.metricLimitsBothDisabled,
      `${prefix}failureLimit and consecutiveSuccessLimit cannot both be disabled`,
    );
  }
  if (inconclusiveLimit !== undefined && inconclusiveLimit < 0) {
    report(
      c,
      at('inconclusiveLimit'),
      ISSUE_CODES.metricInconclusiveLimitNegative,
      `${prefix}inconclusiveLimit must be >= 0`,
    );
  }
  if (consecutiveErrorLimit !== undefined && consecutiveErrorLimit < 0) {
    report(
      c,
      at('consecutiveErrorLimit'),
      ISSUE_CODES.metricConsecutiveErrorLimitNegative,
      `${prefix}consecutiveErrorLimit must be >= 0`,
    );
  }

  if (count !== undefined && count > 0) {
    if (failureLimit !== undefined && consecutiveSuccessLimit !== undefined) {
      if (failureLimit >= 0 && count < failureLimit + consecutiveSuccessLimit) {
        report(
          c,
          at('count'),
          ISSUE_CODES.metricCountBelowLimits,
          `${prefix}count (${count}) must be >= failureLimit + consecutiveSuccessLimit (${failureLimit} + ${consecutiveSuccessLimit}) if both >= 0`,
        );
      } else if (failureLimit < 0 && count < consecutiveSuccessLimit) {
        report(
          c,
          at('count'),
          ISSUE_CODES.metricCountBelowLimits,
          `${prefix}count must be >= consecutiveSuccessLimit`,
        );
      }
    }
    if (inconclusiveLimit !== undefined && count < inconclusiveLimit) {
      report(
        c,
        at('count'),
        ISSUE_CODES.metricCountBelowLimits,
        `${prefix}count must be >= inconclusiveLimit`,
      );
    }
  }

  const interval = strOrEmpty(metric.interval);
  if (count !== undefined && count > 1 && interval === '') {
    report(
      c,
      at('interval'),
      ISSUE_CODES.metricIntervalRequired,
      `${prefix}interval must be specified when count > 1`,
    );
  }
  if (interval !== '' && !hasArgPlaceholder(interval)) {
    const parsed = parseGoDuration(interval);
    if (parsed.kind === 'error') {
      report(
        c,
        at('interval'),
        ISSUE_CODES.metricIntervalInvalid,
        `${prefix}invalid interval string: ${parsed.message}`,
      );
    }
  }
  const initialDelay = strOrEmpty(metric.initialDelay);
  if (initialDelay !== '' && !hasArgPlaceholder(initialDelay)) {
    const parsed = parseGoDuration(initialDelay);
    if (parsed.kind === 'error') {
      report(
        c,
        at('initialDelay'),
        ISSUE_CODES.metricInitialDelayInvalid,
        `${prefix}invalid startDelay string: ${parsed.message}`,
      );
    }
  }

  const provider = rec(metric.provider) ?? {};
  const plugins = rec(provider.plugin);
  const providers =
    METRIC_PROVIDERS.filter((k) => isSet(provider[k])).length +
    (plugins ? Object.keys(plugins).length : 0);
  if (providers === 0) {
    report(c, at('provider'), ISSUE_CODES.metricProviderMissing, `${prefix}no provider specified`);
  } else if (providers > 1) {
    report(
      c,
      at('provider'),
      ISSUE_CODES.metricProviderMultiple,
      `${prefix}multiple providers specified`,
    );
  }
}

/**
 * validateArgs mirrors flattenArgs within one list (same name twice with different values) and
 * validateAnalysisMetrics (value and valueFrom both set).
 */
export function validateArgs(c: Collector, args: readonly unknown[], path: string): void {
  const values = new Map<string, string | undefined>();
  args.forEach((raw, i) => {
    const arg = rec(raw) ?? {};
    const name = strOrEmpty(arg.name);
    const value = str(arg.value);
    if (isSet(arg.value) && isSet(arg.valueFrom)) {
      report(
        c,
        child(path, i),
        ISSUE_CODES.argValueAndValueFrom,
        `arg '${name}' has both Value and ValueFrom fields`,
      );
    }
    if (values.has(name)) {
      const previous = values.get(name);
      if (previous !== undefined && value !== undefined && previous !== value) {
        report(
          c,
          child(path, i, 'value'),
          ISSUE_CODES.argConflict,
          `Argument \`${name}\` specified multiple times with different values: '${previous}', '${value}'`,
        );
      }
      if (previous === undefined) values.set(name, value);
    } else {
      values.set(name, value);
    }
  });
}

/**
 * validateMetricRules checks dryRun / measurementRetention rules: no metricName twice, and (when
 * the full metric list is known) every rule's regex matches at least one metric name.
 */
export function validateMetricRules(
  c: Collector,
  rules: readonly unknown[],
  path: string,
  label: 'dryRun' | 'measurementRetention',
  metricNames: readonly string[] | undefined,
): void {
  const seen = new Set<string>();
  const duplicateCode =
    label === 'dryRun' ? ISSUE_CODES.dryRunDuplicate : ISSUE_CODES.measurementRetentionDuplicate;
  const noMatchCode =
    label === 'dryRun' ? ISSUE_CODES.dryRunNoMatch : ISSUE_CODES.measurementRetentionNoMatch;
  const ruleName = label === 'dryRun' ? 'Dry-Run' : 'Measurement Retention';
  rules.forEach((raw, i) => {
    const metricName = strOrEmpty(rec(raw)?.metricName);
    const rulePath = child(path, i, 'metricName');
    if (seen.has(metricName)) {
      report(
        c,
        rulePath,
        duplicateCode,
        `two ${ruleName} metric rules have the same name '${metricName}'`,
      );
    }
    seen.add(metricName);
    if (metricNames && !metricNames.some((n) => goRegexpMatches(metricName, n))) {
      report(c, rulePath, noMatchCode, `${label}[${i}]: Rule didn't match any metric name(s)`);
    }
  });
}
