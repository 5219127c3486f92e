/**
 * The countdown ring of timed pauses and scale-down delays: an arc (d3-shape) that shrinks as
 * the remaining time runs out. Pure: fraction in, SVG path out.
 */
import { arc } from 'd3-shape';

/** ringPath returns the path of a ring `fraction` (0..1) full, starting at twelve o'clock. */
export function ringPath(fraction: number, radius: number, thickness: number): string {
  const f = Math.min(1, Math.max(0, fraction));
  return (
    arc()({
      innerRadius: radius - thickness,
      outerRadius: radius,
      startAngle: 0,
      endAngle: f * 2 * Math.PI,
    }) ?? ''
  );
}
