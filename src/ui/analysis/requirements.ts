/**
 * The pass requirements of a metric in plain words ("passes when result[0] ≥ 0.95; fails the run
 * after 2 failed measurements (failureLimit 1); every 10 s"), from its spec after Argo's defaults.
 */
import type { MetricView, Threshold, ThresholdOp } from '../../store/selectorsAnalysis';
import type { AnalysisKey } from './strings';

type T = (key: AnalysisKey, vars?: Readonly<Record<string, string | number>>) => string;

/** The operators as a teacher would write them. */
export const OP_SIGN: Readonly<Record<ThresholdOp, string>> = {
  '>=': '≥',
  '>': '>',
  '<=': '≤',
  '<': '<',
  '==': '=',
  '!=': '≠',
};

/** thresholdText is `result[0] ≥ 0.95`. */
export function thresholdText(th: Threshold): string {
  return `${th.subject} ${OP_SIGN[th.op]} ${th.value}`;
}

/** durationText is `10 s`, `2 min` or `90 s`. */
export function durationText(t: T, ms: number): string {
  if (ms >= 60_000 && ms % 60_000 === 0) return t('analysis.minutes', { n: ms / 60_000 });
  return t('analysis.seconds', { n: Math.round(ms / 100) / 10 });
}

/** Requirements: the main sentence and the fine print (inconclusive and error limits). */
export interface Requirements {
  readonly main: string;
  readonly detail: string;
}

/** requirementsOf words a metric's pass requirements. */
export function requirementsOf(t: T, m: MetricView): Requirements {
  const main: string[] = [];
  const success = m.successThreshold ? thresholdText(m.successThreshold) : m.successCondition;
  const failure = m.failureThreshold ? thresholdText(m.failureThreshold) : m.failureCondition;
  if (success) main.push(t('analysis.req.passesWhen', { condition: success }));
  if (failure) main.push(t('analysis.req.failsWhen', { condition: failure }));
  if (!success && !failure)
    main.push(t(m.provider === 'job' ? 'analysis.req.job' : 'analysis.req.noCondition'));
  if (m.consecutiveSuccessLimit > 0)
    main.push(t('analysis.req.consecutiveSuccess', { count: m.consecutiveSuccessLimit }));
  if (m.failureLimit < 0) main.push(t('analysis.req.failureLimit.off'));
  else
    main.push(
      m.failureLimit === 0
        ? t('analysis.req.failureLimit.one', { limit: m.failureLimit })
        : t('analysis.req.failureLimit.many', {
            count: m.failureLimit + 1,
            limit: m.failureLimit,
          }),
    );
  if (m.intervalMs !== null)
    main.push(t('analysis.req.every', { interval: durationText(t, m.intervalMs) }));
  else if (m.interval) main.push(t('analysis.req.every', { interval: m.interval }));
  if (m.count === 1) main.push(t('analysis.req.once'));
  else if (m.count !== null) main.push(t('analysis.req.count', { count: m.count }));
  else main.push(t('analysis.req.unbounded'));
  if (m.initialDelay) main.push(t('analysis.req.initialDelay', { delay: m.initialDelay }));
  if (m.dryRun) main.push(t('analysis.dryRun'));

  const detail: string[] = [];
  if ((success && failure) || m.inconclusiveLimit > 0)
    detail.push(
      m.inconclusiveLimit === 0
        ? t('analysis.req.inconclusive.one', { limit: m.inconclusiveLimit })
        : t('analysis.req.inconclusive', {
            count: m.inconclusiveLimit + 1,
            limit: m.inconclusiveLimit,
          }),
    );
  detail.push(
    t('analysis.req.errors', {
      count: m.consecutiveErrorLimit + 1,
      limit: m.consecutiveErrorLimit,
    }),
  );
  return { main: main.join('; '), detail: detail.join('; ') };
}
