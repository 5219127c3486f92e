/**
 * Every user-visible string of the analysis panel, in English and Korean, keyed `analysis.*` so
 * they can be merged into the app catalogue (src/ui/i18n) as they are. Argo terms (AnalysisRun,
 * failureLimit, Successful…) stay in English in both, as the Korean Argo docs keep them.
 */
import { format, type Lang, type Vars } from '../i18n';

export const analysisEn = {
  'analysis.title': 'Analysis',
  'analysis.none': 'No AnalysisRun for this rollout yet.',
  'analysis.kind.Background': 'Background analysis',
  'analysis.kind.Step': 'Step analysis',
  'analysis.kind.PrePromotion': 'Pre-promotion analysis',
  'analysis.kind.PostPromotion': 'Post-promotion analysis',
  'analysis.kind.': 'Analysis',
  'analysis.headline.Running': 'Analysis in progress',
  'analysis.headline.Pending': 'Analysis pending',
  'analysis.headline.Successful': 'Analysis passed',
  'analysis.headline.SuccessfulWithFailures': 'Analysis passed with measurement failures',
  'analysis.headline.Failed': 'Analysis failed',
  'analysis.headline.Error': 'Analysis errored',
  'analysis.headline.Inconclusive': 'Analysis inconclusive',
  'analysis.revision': 'revision {revision}',
  'analysis.summary':
    '{count} metrics: {successful} successful, {failed} failed, {inconclusive} inconclusive, {error} errored',
  'analysis.phase.Successful': 'Successful',
  'analysis.phase.Failed': 'Failed',
  'analysis.phase.Inconclusive': 'Inconclusive',
  'analysis.phase.Error': 'Error',
  'analysis.phase.Running': 'Running',
  'analysis.phase.Pending': 'Pending',
  'analysis.dryRun': 'dry run: never fails the run',
  'analysis.provider': 'provider: {provider}',
  'analysis.req.passesWhen': 'passes when {condition}',
  'analysis.req.failsWhen': 'a measurement fails when {condition}',
  'analysis.req.noCondition': 'every measurement that returns a value passes',
  'analysis.req.job': 'passes when the Job succeeds',
  'analysis.req.failureLimit.one':
    'fails the run after 1 failed measurement (failureLimit {limit})',
  'analysis.req.failureLimit.many':
    'fails the run after {count} failed measurements (failureLimit {limit})',
  'analysis.req.failureLimit.off': 'failed measurements never fail the run (failureLimit -1)',
  'analysis.req.every': 'every {interval}',
  'analysis.req.once': 'one measurement',
  'analysis.req.count': '{count} measurements',
  'analysis.req.unbounded': 'until the rollout stops it',
  'analysis.req.initialDelay': 'first after {delay}',
  'analysis.req.consecutiveSuccess': 'passes after {count} successes in a row',
  'analysis.req.inconclusive':
    'inconclusive after {count} inconclusive measurements (inconclusiveLimit {limit})',
  'analysis.req.inconclusive.one':
    'inconclusive after 1 inconclusive measurement (inconclusiveLimit {limit})',
  'analysis.req.errors': 'errors after {count} errors in a row (consecutiveErrorLimit {limit})',
  'analysis.condition': 'Condition',
  'analysis.condition.success': 'successCondition',
  'analysis.condition.failure': 'failureCondition',
  'analysis.threshold.pass': 'pass {op} {value}',
  'analysis.threshold.fail': 'fail {op} {value}',
  'analysis.chart': '{metric}: {count} measurements; latest {value} ({phase}){thresholds}',
  'analysis.chart.thresholds': '; lines at {lines}',
  'analysis.chart.noValue': 'no value',
  'analysis.chart.axis': 's since start',
  'analysis.measurements': 'Measurements ({count})',
  'analysis.measurement': '+{seconds} s',
  'analysis.measurement.value': 'value {value}',
  'analysis.measurement.empty': 'no value',
  'analysis.legend': 'Marks',
  'analysis.seconds': '{n} s',
  'analysis.minutes': '{n} min',
  'analysis.counts':
    '{measured} measured: {successful} successful, {failed} failed, {inconclusive} inconclusive, {error} errored',
} as const;

export type AnalysisKey = keyof typeof analysisEn;

export const analysisKo = {
  'analysis.title': '분석',
  'analysis.none': '이 Rollout에는 아직 AnalysisRun이 없습니다.',
  'analysis.kind.Background': '백그라운드 분석',
  'analysis.kind.Step': '단계 분석 (analysis step)',
  'analysis.kind.PrePromotion': 'Promote 전 분석',
  'analysis.kind.PostPromotion': 'Promote 후 분석',
  'analysis.kind.': '분석',
  'analysis.headline.Running': '분석 진행 중',
  'analysis.headline.Pending': '분석 대기 중',
  'analysis.headline.Successful': '분석 통과',
  'analysis.headline.SuccessfulWithFailures': '분석 통과 (일부 측정 실패)',
  'analysis.headline.Failed': '분석 실패',
  'analysis.headline.Error': '분석 오류',
  'analysis.headline.Inconclusive': '분석 결론 없음 (Inconclusive)',
  'analysis.revision': '리비전 {revision}',
  'analysis.summary':
    '메트릭 {count}개: 성공 {successful}, 실패 {failed}, 판단 보류 {inconclusive}, 오류 {error}',
  'analysis.phase.Successful': '성공',
  'analysis.phase.Failed': '실패',
  'analysis.phase.Inconclusive': '판단 보류',
  'analysis.phase.Error': '오류',
  'analysis.phase.Running': '진행 중',
  'analysis.phase.Pending': '대기 중',
  'analysis.dryRun': 'dry run: 결과와 상관없이 run을 실패시키지 않음',
  'analysis.provider': '프로바이더: {provider}',
  'analysis.req.passesWhen': '{condition} 이면 통과',
  'analysis.req.failsWhen': '{condition} 이면 그 측정은 실패',
  'analysis.req.noCondition': '값이 나오면 측정은 모두 통과',
  'analysis.req.job': 'Job이 성공하면 통과',
  'analysis.req.failureLimit.one': '측정이 1번 실패하면 run 실패 (failureLimit {limit})',
  'analysis.req.failureLimit.many': '측정이 {count}번 실패하면 run 실패 (failureLimit {limit})',
  'analysis.req.failureLimit.off': '측정이 실패해도 run은 실패하지 않음 (failureLimit -1)',
  'analysis.req.every': '{interval}마다 측정',
  'analysis.req.once': '한 번 측정',
  'analysis.req.count': '총 {count}번 측정',
  'analysis.req.unbounded': 'Rollout이 멈출 때까지 계속',
  'analysis.req.initialDelay': '{delay} 뒤에 첫 측정',
  'analysis.req.consecutiveSuccess': '연속 {count}번 성공하면 통과',
  'analysis.req.inconclusive': '판단 보류가 {count}번이면 Inconclusive (inconclusiveLimit {limit})',
  'analysis.req.inconclusive.one': '판단 보류가 1번이면 Inconclusive (inconclusiveLimit {limit})',
  'analysis.req.errors': '연속 {count}번 오류가 나면 Error (consecutiveErrorLimit {limit})',
  'analysis.condition': '조건',
  'analysis.condition.success': 'successCondition',
  'analysis.condition.failure': 'failureCondition',
  'analysis.threshold.pass': '통과 {op} {value}',
  'analysis.threshold.fail': '실패 {op} {value}',
  'analysis.chart': '{metric}: 측정 {count}번, 마지막 값 {value} ({phase}){thresholds}',
  'analysis.chart.thresholds': ', 기준선 {lines}',
  'analysis.chart.noValue': '값 없음',
  'analysis.chart.axis': '시작 후 초',
  'analysis.measurements': '측정 기록 ({count})',
  'analysis.measurement': '+{seconds}초',
  'analysis.measurement.value': '값 {value}',
  'analysis.measurement.empty': '값 없음',
  'analysis.legend': '표시',
  'analysis.seconds': '{n}초',
  'analysis.minutes': '{n}분',
  'analysis.counts':
    '측정 {measured}번: 성공 {successful}, 실패 {failed}, 판단 보류 {inconclusive}, 오류 {error}',
} satisfies Record<AnalysisKey, string>;

const CATALOGUES: Record<Lang, Record<AnalysisKey, string>> = { en: analysisEn, ko: analysisKo };

/** analysisT returns the lookup for `lang` (English for anything else). */
export function analysisT(lang: Lang): (key: AnalysisKey, vars?: Vars) => string {
  const catalogue = CATALOGUES[lang] ?? analysisEn;
  return (key, vars) => format(catalogue[key] ?? analysisEn[key], vars);
}
