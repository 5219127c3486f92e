/**
 * Geometry of the traffic bar: each version's share as an x-offset and width (d3-scale), plus
 * the marker positions of the desired and observed canary weights. React draws the SVG.
 */
import { scaleLinear } from 'd3-scale';

/** BarSegment is one version's stretch of the bar. */
export interface BarSegment<T> {
  readonly item: T;
  readonly x: number;
  readonly width: number;
}

/** layoutBar lays `items` side by side over `width`, each as wide as its share (0..1). */
export function layoutBar<T extends { share: number }>(
  items: readonly T[],
  width: number,
): BarSegment<T>[] {
  const x = scaleLinear().domain([0, 1]).range([0, width]).clamp(true);
  let offset = 0;
  return items.map((item) => {
    const start = x(offset);
    offset += item.share;
    return { item, x: start, width: Math.max(0, x(offset) - start) };
  });
}

/** weightX is the x of a percentage weight (0..100) on a bar of `width`. */
export function weightX(weight: number, width: number): number {
  return scaleLinear().domain([0, 100]).range([0, width]).clamp(true)(weight);
}
