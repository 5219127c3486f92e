/**
 * Geometry of the request flow: where the Users and router nodes sit, one lane per destination
 * (d3-scale), and where a request is at a given age (d3-interpolate along its two legs).
 * Pure: sizes and times in, positions out. React and the canvas only draw what this computes.
 */
import { interpolateNumber } from 'd3-interpolate';
import { scaleBand } from 'd3-scale';

/** Virtual ms a request takes from Users to the router, and from the router to its pods. */
export const LEG1_MS = 600;
export const LEG2_MS = 600;
/** The longest a request is shown waiting at its pods (its latency, capped). */
export const MAX_WAIT_MS = 3000;
/** How long an answered request stays visible: a success fades quickly, a 5xx lingers as ✕. */
export const OK_LINGER_MS = 250;
export const ERROR_LINGER_MS = 1500;
/** The oldest request that can still be on screen. */
export const MAX_AGE_MS = LEG1_MS + LEG2_MS + MAX_WAIT_MS + ERROR_LINGER_MS;

/** FlowLayout is where things are on a canvas of `width` × `height` (CSS px). */
export interface FlowLayout {
  readonly width: number;
  readonly height: number;
  readonly users: { readonly x: number; readonly y: number };
  readonly router: { readonly x: number; readonly y: number };
  /** The x where requests arrive at the pods, and the lanes' centres and half-height. */
  readonly podX: number;
  readonly lanes: readonly number[];
  readonly laneHalf: number;
}

/** LANE_HEIGHT is the height of one destination lane; the canvas grows with lanes. */
export const LANE_HEIGHT = 46;

/** flowHeight is the canvas height for `lanes` destinations. */
export function flowHeight(lanes: number): number {
  return Math.max(150, 24 + Math.max(1, lanes) * LANE_HEIGHT);
}

/** layoutFlow places the nodes and `lanes` destination lanes on a `width`-wide canvas. */
export function layoutFlow(width: number, lanes: number): FlowLayout {
  const height = flowHeight(lanes);
  const band = scaleBand<number>()
    .domain(Array.from({ length: Math.max(1, lanes) }, (_, i) => i))
    .range([12, height - 12])
    .paddingInner(0.18);
  const mid = height / 2;
  return {
    width,
    height,
    users: { x: 44, y: mid },
    router: { x: Math.round(width * 0.4), y: mid },
    podX: Math.round(width * 0.72),
    lanes: Array.from(
      { length: Math.max(1, lanes) },
      (_, i) => (band(i) ?? 0) + band.bandwidth() / 2,
    ),
    laneHalf: band.bandwidth() / 2,
  };
}

/** ParticleStage says which part of its trip a request is on. */
export type ParticleStage = 'inbound' | 'routed' | 'waiting' | 'answered' | 'gone';

/** ParticlePosition is where one request is drawn and how. */
export interface ParticlePosition {
  readonly stage: ParticleStage;
  readonly x: number;
  readonly y: number;
  /** 0..1: answered successes fade out. */
  readonly alpha: number;
}

const clamp01 = (v: number) => (v < 0 ? 0 : v > 1 ? 1 : v);
const ease = (p: number) => p * p * (3 - 2 * p);

/**
 * particleAt returns where a request of `age` virtual ms is: on its way to the router, on its
 * way to lane `lane`, waiting `latencyMs` (capped) at the pods, then answered (an error stays as
 * ✕ longer), then gone. `jitter` (−1..1) spreads requests across the lane.
 */
export function particleAt(
  layout: FlowLayout,
  lane: number,
  age: number,
  latencyMs: number,
  failed: boolean,
  jitter: number,
): ParticlePosition {
  const laneY = layout.lanes[lane] ?? layout.router.y;
  const spread = layout.laneHalf * 0.8 * jitter;
  if (age < 0) return { stage: 'gone', x: 0, y: 0, alpha: 0 };
  if (age < LEG1_MS) {
    const p = ease(age / LEG1_MS);
    return {
      stage: 'inbound',
      x: interpolateNumber(layout.users.x, layout.router.x)(p),
      y: interpolateNumber(layout.users.y + spread * 1.6, layout.router.y + spread * 0.3)(p),
      alpha: 1,
    };
  }
  if (age < LEG1_MS + LEG2_MS) {
    const p = ease((age - LEG1_MS) / LEG2_MS);
    return {
      stage: 'routed',
      x: interpolateNumber(layout.router.x, layout.podX)(p),
      y: interpolateNumber(layout.router.y + spread * 0.3, laneY + spread)(p),
      alpha: 1,
    };
  }
  const wait = Math.min(MAX_WAIT_MS, Math.max(0, latencyMs));
  const atPod = age - LEG1_MS - LEG2_MS;
  // Waiting requests creep a little to the right, so a slow version visibly piles up.
  const x =
    layout.podX + 10 + (clamp01(atPod / Math.max(1, wait)) * (layout.width - layout.podX - 24)) / 2;
  if (atPod < wait) return { stage: 'waiting', x, y: laneY + spread, alpha: 1 };
  const after = atPod - wait;
  const linger = failed ? ERROR_LINGER_MS : OK_LINGER_MS;
  if (after >= linger) return { stage: 'gone', x: 0, y: 0, alpha: 0 };
  return {
    stage: 'answered',
    x,
    y: laneY + spread,
    alpha: failed ? 1 - 0.5 * (after / linger) : 1 - after / linger,
  };
}

/** jitterOf is a stable pseudo-random −1..1 for a request (the same request never jumps). */
export function jitterOf(t: number, latencyMs: number, salt: number): number {
  const s = Math.sin(t * 12.9898 + latencyMs * 78.233 + salt * 37.719) * 43758.5453;
  return (s - Math.floor(s)) * 2 - 1;
}

/**
 * PresentationClock interpolates the shown virtual time between the last two `nowMs` updates,
 * so particles glide although the simulation ticks only about ten times a second. It never
 * feeds back into the simulation.
 */
export interface PresentationClock {
  readonly from: number;
  readonly to: number;
  /** Wall ms when the glide from `from` to `to` began, and how long it lasts. */
  readonly start: number;
  readonly duration: number;
  /** Wall ms of the last update. */
  readonly updatedAt: number;
}

/** A jump larger than this (or backwards: scrubbing) is shown at once, not glided. */
export const JUMP_MS = 3000;

/** shownTime is the virtual time the clock shows at wall time `wall`. */
export function shownTime(clock: PresentationClock, wall: number): number {
  const p = clamp01((wall - clock.start) / Math.max(1, clock.duration));
  return clock.from + (clock.to - clock.from) * p;
}

/** retarget glides from what is shown now to `nowMs` over the time since the last update. */
export function retarget(
  clock: PresentationClock | null,
  nowMs: number,
  wall: number,
): PresentationClock {
  if (!clock) return { from: nowMs, to: nowMs, start: wall, duration: 1, updatedAt: wall };
  const shown = shownTime(clock, wall);
  if (nowMs < shown || nowMs - shown > JUMP_MS)
    return { from: nowMs, to: nowMs, start: wall, duration: 1, updatedAt: wall };
  const duration = Math.min(400, Math.max(16, wall - clock.updatedAt));
  return { from: shown, to: nowMs, start: wall, duration, updatedAt: wall };
}
