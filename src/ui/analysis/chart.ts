/**
 * Geometry of a metric's measurement chart: time since the run started on x, the value on y
 * (d3-scale), the line through numeric points (d3-shape) and the threshold lines. Pure: a
 * MetricView in, coordinates out; React draws the SVG.
 */
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import type { MeasurementView, MetricView, Threshold } from '../../store/selectorsAnalysis';

export const CHART = { width: 360, height: 132, left: 40, right: 70, top: 10, bottom: 34 } as const;
/** The strip under the plot where measurements without a number are marked. */
export const STRIP_Y = CHART.height - CHART.bottom + 14;

/** ChartPoint is one measurement placed on the chart. */
export interface ChartPoint {
  readonly m: MeasurementView;
  readonly x: number;
  /** The value's y, or the strip's y when the value is not a number. */
  readonly y: number;
  readonly numeric: boolean;
  /** Seconds since the run started. */
  readonly seconds: number;
}

/** ChartThreshold is a horizontal line at a condition's number. */
export interface ChartThreshold {
  readonly kind: 'success' | 'failure';
  readonly threshold: Threshold;
  readonly y: number;
}

/** ChartLayout is everything the chart draws. */
export interface ChartLayout {
  readonly points: readonly ChartPoint[];
  readonly thresholds: readonly ChartThreshold[];
  /** The path through the numeric points ('' when fewer than two). */
  readonly path: string;
  readonly xTicks: readonly { readonly x: number; readonly seconds: number }[];
  readonly yTicks: readonly { readonly y: number; readonly value: number }[];
  /** The passing side of the success threshold, as a band (null without one). */
  readonly passBand: { readonly y: number; readonly height: number } | null;
}

const X0 = CHART.left;
const X1 = CHART.width - CHART.right;
const Y0 = CHART.height - CHART.bottom;
const Y1 = CHART.top;

/** layoutChart places a metric's measurements and thresholds; `startMs`/`endMs` span the x axis. */
export function layoutChart(metric: MetricView, startMs: number, endMs: number): ChartLayout {
  const at = (m: MeasurementView) => m.finishedAt ?? m.startedAt ?? startMs;
  const seconds = (ms: number) => (ms - startMs) / 1000;
  const lastSeconds = Math.max(
    seconds(endMs),
    ...metric.measurements.map((m) => seconds(at(m))),
    metric.intervalMs ? metric.intervalMs / 1000 : 10,
  );
  const x = scaleLinear().domain([0, lastSeconds]).range([X0, X1]).nice();
  const numbers = metric.measurements.flatMap((m) => (m.point === null ? [] : [m.point]));
  const thresholds = [
    ...(metric.successThreshold
      ? [{ kind: 'success' as const, threshold: metric.successThreshold }]
      : []),
    ...(metric.failureThreshold
      ? [{ kind: 'failure' as const, threshold: metric.failureThreshold }]
      : []),
  ];
  const values = [...numbers, ...thresholds.map((t) => t.threshold.value)];
  let lo = values.length ? Math.min(...values) : 0;
  let hi = values.length ? Math.max(...values) : 1;
  let domain: [number, number];
  if (lo >= 0 && hi <= 1) {
    // Ratios read best on a fixed scale: 0..1, or 0.5..1 when everything is above one half.
    domain = [lo >= 0.5 ? 0.5 : 0, 1];
  } else {
    if (lo === hi) [lo, hi] = [lo - 1, hi + 1];
    const pad = (hi - lo) * 0.08;
    domain = [lo >= 0 && lo - pad < 0 ? 0 : lo - pad, hi + pad];
  }
  const y = scaleLinear().domain(domain).range([Y0, Y1]).nice();
  const points = metric.measurements.map((m): ChartPoint => {
    const s = seconds(at(m));
    return {
      m,
      x: x(s),
      y: m.point === null ? STRIP_Y : y(m.point),
      numeric: m.point !== null,
      seconds: s,
    };
  });
  const numeric = points.filter((p) => p.numeric);
  const path =
    numeric.length >= 2
      ? (line<ChartPoint>()
          .x((p) => p.x)
          .y((p) => p.y)(numeric) ?? '')
      : '';
  const success = thresholds.find((t) => t.kind === 'success');
  let passBand: ChartLayout['passBand'] = null;
  if (success && success.threshold.op !== '==' && success.threshold.op !== '!=') {
    const ty = y(success.threshold.value);
    passBand = success.threshold.op.startsWith('>')
      ? { y: Y1, height: Math.max(0, ty - Y1) }
      : { y: ty, height: Math.max(0, Y0 - ty) };
  }
  return {
    points,
    thresholds: thresholds.map((t) => ({ ...t, y: y(t.threshold.value) })),
    path,
    xTicks: x.ticks(4).map((s) => ({ x: x(s), seconds: s })),
    yTicks: y.ticks(3).map((v) => ({ y: y(v), value: v })),
    passBand,
  };
}
