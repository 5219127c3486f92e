/**
 * AnalysisPanel: the AnalysisRuns of a rollout, as the Argo dashboard's analysis modal shows them
 * (kind, phase, message; one chart per metric), plus what it lacks: the success/failure
 * thresholds drawn on the chart and the pass requirements in plain words. Measurement phases are
 * told apart by shape as well as colour (● passed, ✕ failed, ◆ inconclusive, ▲ error).
 */
import { useId, useMemo } from 'react';
import { symbol, symbolCircle, symbolDiamond, symbolTimes, symbolTriangle } from 'd3-shape';
import type { AnalysisRunView, MetricView } from '../../store/selectorsAnalysis';
import { useLang, type Lang } from '../i18n';
import { CHART, STRIP_Y, layoutChart } from './chart';
import { OP_SIGN, requirementsOf } from './requirements';
import { analysisT, type AnalysisKey } from './strings';
import './analysis.css';

export interface AnalysisPanelProps {
  /** The rollout's AnalysisRuns, newest first (`selectAnalysisRuns`). */
  readonly runs: readonly AnalysisRunView[];
  /** Language of the strings (default: the page's language context, else English). */
  readonly lang?: Lang;
}

type T = (key: AnalysisKey, vars?: Readonly<Record<string, string | number>>) => string;

const PHASES = ['Successful', 'Failed', 'Inconclusive', 'Error', 'Running', 'Pending'] as const;
type Phase = (typeof PHASES)[number];

const phaseOf = (p: string): Phase =>
  (PHASES as readonly string[]).includes(p) ? (p as Phase) : 'Pending';

/** The text mark of each phase (the same shapes as on the chart). */
const MARK: Record<Phase, string> = {
  Successful: '●',
  Failed: '✕',
  Inconclusive: '◆',
  Error: '▲',
  Running: '◌',
  Pending: '…',
};

/** Shape and paint of each phase on the chart: filled shapes, or stroked ones for ✕ ▲ ◌. */
const SHAPE: Record<Phase, { path: string; filled: boolean }> = {
  Successful: { path: symbol(symbolCircle, 48)() ?? '', filled: true },
  Failed: { path: symbol(symbolTimes, 60)() ?? '', filled: false },
  Inconclusive: { path: symbol(symbolDiamond, 56)() ?? '', filled: true },
  Error: { path: symbol(symbolTriangle, 56)() ?? '', filled: false },
  Running: { path: symbol(symbolCircle, 48)() ?? '', filled: false },
  Pending: { path: symbol(symbolCircle, 48)() ?? '', filled: false },
};

function Mark({ phase, x = 0, y = 0 }: { phase: Phase; x?: number; y?: number }) {
  const s = SHAPE[phase];
  return (
    <path
      d={s.path}
      transform={`translate(${x},${y})`}
      className={`analysis-mark analysis-mark-${phase}${s.filled ? '' : ' analysis-mark-stroke'}`}
    />
  );
}

function Legend({ t }: { t: T }) {
  return (
    <p className="analysis-legend">
      <span className="visually-hidden">{t('analysis.legend')}: </span>
      {(['Successful', 'Failed', 'Inconclusive', 'Error'] as const).map((p) => (
        <span key={p} className="analysis-legend-item">
          <svg width="14" height="14" viewBox="-7 -7 14 14" aria-hidden="true">
            <Mark phase={p} />
          </svg>
          {t(`analysis.phase.${p}`)}{' '}
        </span>
      ))}
    </p>
  );
}

function seconds(value: number): number {
  return Math.round(value * 10) / 10;
}

function MetricChart({ metric, run, t }: { metric: MetricView; run: AnalysisRunView; t: T }) {
  const first = metric.measurements[0];
  const startMs = run.startedAt ?? run.createdAt ?? first?.startedAt ?? 0;
  const last = metric.measurements[metric.measurements.length - 1];
  const endMs = run.completedAt ?? run.nowMs ?? last?.finishedAt ?? last?.startedAt ?? startMs;
  const chart = useMemo(() => layoutChart(metric, startMs, endMs), [metric, startMs, endMs]);
  const lines = chart.thresholds.map((th) =>
    t(th.kind === 'success' ? 'analysis.threshold.pass' : 'analysis.threshold.fail', {
      op: OP_SIGN[th.threshold.op],
      value: th.threshold.value,
    }),
  );
  const label = t('analysis.chart', {
    metric: metric.name,
    count: metric.measurements.length,
    value: last ? last.value || t('analysis.chart.noValue') : t('analysis.chart.noValue'),
    phase: last ? t(`analysis.phase.${phaseOf(last.phase)}`) : t('analysis.phase.Pending'),
    thresholds: lines.length ? t('analysis.chart.thresholds', { lines: lines.join(', ') }) : '',
  });
  const x1 = CHART.width - CHART.right;
  const hasStrip = chart.points.some((p) => !p.numeric);
  return (
    <svg
      className="analysis-chart"
      viewBox={`0 0 ${CHART.width} ${CHART.height}`}
      role="img"
      aria-label={label}
    >
      {chart.passBand && (
        <rect
          className="analysis-pass-band"
          x={CHART.left}
          width={x1 - CHART.left}
          y={chart.passBand.y}
          height={chart.passBand.height}
        />
      )}
      {chart.yTicks.map((tick) => (
        <g key={tick.value}>
          <line className="analysis-grid" x1={CHART.left} x2={x1} y1={tick.y} y2={tick.y} />
          <text className="analysis-tick" x={CHART.left - 4} y={tick.y + 3} textAnchor="end">
            {tick.value}
          </text>
        </g>
      ))}
      {chart.xTicks.map((tick) => (
        <text
          key={tick.seconds}
          className="analysis-tick"
          x={tick.x}
          y={CHART.height - 4}
          textAnchor="middle"
        >
          {t('analysis.measurement', { seconds: seconds(tick.seconds) })}
        </text>
      ))}
      {hasStrip && (
        <line className="analysis-strip" x1={CHART.left} x2={x1} y1={STRIP_Y} y2={STRIP_Y} />
      )}
      {chart.thresholds.map((th, i) => (
        <g
          key={th.kind}
          className={`analysis-threshold analysis-threshold-${th.kind}`}
          data-threshold={th.kind}
        >
          <line x1={CHART.left} x2={x1} y1={th.y} y2={th.y} />
          <text x={x1 + 4} y={th.y + 3}>
            {lines[i]}
          </text>
        </g>
      ))}
      {chart.path && <path className="analysis-line" d={chart.path} />}
      {chart.points.map((p, i) => (
        <g key={i} data-phase={p.m.phase}>
          <title>
            {`${t('analysis.measurement', { seconds: seconds(p.seconds) })} ${t(`analysis.phase.${phaseOf(p.m.phase)}`)}: ${p.m.value || t('analysis.measurement.empty')}`}
          </title>
          <Mark phase={phaseOf(p.m.phase)} x={p.x} y={p.y} />
        </g>
      ))}
    </svg>
  );
}

function MetricBlock({ metric, run, t }: { metric: MetricView; run: AnalysisRunView; t: T }) {
  const req = requirementsOf(t, metric);
  const phase = phaseOf(metric.phase);
  const start = run.startedAt ?? run.createdAt ?? 0;
  const showText = metric.measurements.some((m) => m.point === null || m.message);
  const simpleSuccess = !metric.successCondition || metric.successThreshold !== null;
  const simpleFailure = !metric.failureCondition || metric.failureThreshold !== null;
  return (
    <div className={`analysis-metric analysis-metric-${phase}`} data-metric={metric.name}>
      <h4>
        <span className={`analysis-phase analysis-phase-${phase}`}>
          <span aria-hidden="true">{MARK[phase]} </span>
          {t(`analysis.phase.${phase}`)}
        </span>{' '}
        <code>{metric.name}</code>
        {metric.provider && (
          <span className="analysis-provider">
            {' '}
            {t('analysis.provider', { provider: metric.provider })}
          </span>
        )}
      </h4>
      <p className="analysis-requirement">{req.main}</p>
      <p className="analysis-requirement-detail">{req.detail}</p>
      {(!simpleSuccess || !simpleFailure) && (
        <dl className="analysis-conditions">
          {!simpleSuccess && (
            <>
              <dt>{t('analysis.condition.success')}</dt>
              <dd>
                <code>{metric.successCondition}</code>
              </dd>
            </>
          )}
          {!simpleFailure && (
            <>
              <dt>{t('analysis.condition.failure')}</dt>
              <dd>
                <code>{metric.failureCondition}</code>
              </dd>
            </>
          )}
        </dl>
      )}
      {metric.message && <p className="analysis-message">{metric.message}</p>}
      <p className="analysis-counts">
        {t('analysis.counts', {
          measured: metric.measured,
          successful: metric.successful,
          failed: metric.failed,
          inconclusive: metric.inconclusive,
          error: metric.error,
        })}
      </p>
      <MetricChart metric={metric} run={run} t={t} />
      {metric.measurements.length > 0 && (
        <details className="analysis-measurements" open={showText}>
          <summary>{t('analysis.measurements', { count: metric.measurements.length })}</summary>
          <ol>
            {metric.measurements.map((m, i) => {
              const p = phaseOf(m.phase);
              const at = m.finishedAt ?? m.startedAt;
              return (
                <li key={i} className={`analysis-measurement-${p}`}>
                  <span aria-hidden="true">{MARK[p]} </span>
                  {at !== null &&
                    `${t('analysis.measurement', { seconds: seconds((at - start) / 1000) })} `}
                  {t(`analysis.phase.${p}`)}
                  {': '}
                  {m.value ? (
                    <code>{m.value}</code>
                  ) : (
                    <span className="analysis-empty">{t('analysis.measurement.empty')}</span>
                  )}
                  {m.message && (
                    <span className="analysis-measurement-message"> — {m.message}</span>
                  )}
                </li>
              );
            })}
          </ol>
        </details>
      )}
    </div>
  );
}

function RunBlock({ run, t }: { run: AnalysisRunView; t: T }) {
  const titleId = useId();
  const phase = phaseOf(run.phase);
  const withFailures =
    phase === 'Successful' && run.metrics.some((m) => m.failed > 0 || m.error > 0);
  const headline = withFailures
    ? t('analysis.headline.SuccessfulWithFailures')
    : t(`analysis.headline.${phase}`);
  return (
    <article
      className={`analysis-run analysis-run-${phase}`}
      aria-labelledby={titleId}
      data-run={run.name}
    >
      <h3 id={titleId}>
        <span className={`analysis-phase analysis-phase-${phase}`}>
          <span aria-hidden="true">{MARK[phase]} </span>
          {headline}
        </span>{' '}
        <span className="analysis-kind">{t(`analysis.kind.${run.kind}`)}</span>
      </h3>
      <p className="analysis-run-name">
        <code>{run.name}</code>
        {run.revision !== null && <> · {t('analysis.revision', { revision: run.revision })}</>}
      </p>
      {run.message && <p className="analysis-message">{run.message}</p>}
      {run.metrics.map((m) => (
        <MetricBlock key={m.name} metric={m} run={run} t={t} />
      ))}
    </article>
  );
}

/** AnalysisPanel lists the runs, newest first, with a chart and the requirements per metric. */
export default function AnalysisPanel({ runs, lang }: AnalysisPanelProps) {
  const contextLang = useLang();
  const t = useMemo(() => analysisT(lang ?? contextLang), [lang, contextLang]);
  const titleId = useId();
  return (
    <section className="panel analysis-panel" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('analysis.title')}</h2>
      {runs.length === 0 ? (
        <p className="panel-note">{t('analysis.none')}</p>
      ) : (
        <>
          <Legend t={t} />
          {runs.map((run) => (
            <RunBlock key={run.name} run={run} t={t} />
          ))}
        </>
      )}
    </section>
  );
}
