/**
 * RequestFlow: rollouts-demo's request visualiser next to the rollout. Sampled requests travel
 * as particles from Users through the Service/router to the pods of one version, each coloured
 * by its image (blue, yellow… as in the demo); a 5xx ends as a red ✕ that reads without colour.
 * Below, the demo's bar: each version's share of the last seconds' requests, errors hatched.
 * Motion: a `<canvas>` redrawn on requestAnimationFrame by a presentation clock that glides
 * between the `nowMs` updates; it never feeds back into the simulation. With
 * `prefers-reduced-motion` there is no animation, only the counts.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { selectServedShares, type ServedShares } from '../../store/selectorsTraffic';
import { useLang, type Lang } from '../i18n';
import { colourOf } from '../viz/colours';
import { layoutBar } from '../viz/traffic';
import {
  JUMP_MS,
  LEG1_MS,
  MAX_AGE_MS,
  flowHeight,
  jitterOf,
  layoutFlow,
  particleAt,
  retarget,
  shownTime,
  type FlowLayout,
  type PresentationClock,
} from './geometry';
import { flowT, type FlowKey } from './strings';
import { errorsText, flowSummary, percent, shortImage } from './summary';
import { useReducedMotion } from './useReducedMotion';
import './traffic.css';

/** One sampled request (src/traffic's SampledRequest has these fields and more). */
export interface FlowRequest {
  /** Virtual ms at which the request arrived. */
  readonly t: number;
  /** The image that answered. */
  readonly version: string;
  /** The pod-template hash that answered. */
  readonly hash: string;
  /** HTTP status; ≥ 500 is drawn as a failure. */
  readonly status: number;
  readonly latencyMs: number;
  /** A mirror route's shadow copy: drawn as a ring from the router on, never as a failure. */
  readonly mirror?: true;
}

/** One place requests can go (selectRequestDestinations builds these from a frame). */
export interface FlowDestination {
  readonly hash: string;
  readonly label: string;
  readonly image: string;
  /** `stable`, `canary`, `active`, `preview` or `other`. */
  readonly role: string;
  /** Percent of traffic, 0..100. */
  readonly weight: number;
}

export interface RequestFlowProps {
  /** The sampled requests of the last seconds (`world.recentRequests(2000)`). */
  readonly requests: readonly FlowRequest[];
  readonly destinations: readonly FlowDestination[];
  /** The simulation's virtual time, ms (the same clock as the requests' `t`). */
  readonly nowMs: number;
  /** Window of the summary and the share bar, virtual ms (default 2000). */
  readonly windowMs?: number;
  /**
   * How far the particles run behind `nowMs`, virtual ms (default 1000, the engine's traffic
   * tick): a tick's requests are known only at its end, so drawing one tick late lets every
   * request start its trip at Users instead of appearing mid-flight.
   */
  readonly drawDelayMs?: number;
  /** Language of the strings (default: the page's language context, else English). */
  readonly lang?: Lang;
}

/** Lane is one drawn destination (requests to an unknown hash get a lane of their own). */
interface Lane {
  readonly key: string;
  readonly label: string;
  readonly image: string;
  readonly role: string;
  readonly weight: number | null;
  readonly fill: string;
}

/** Prepared particles: flat typed arrays, grouped by lane, built once per `requests` change. */
interface Prepared {
  readonly count: number;
  readonly t: Float64Array;
  readonly latency: Float32Array;
  readonly failed: Uint8Array;
  /** 1 for a mirror route's shadow copy. */
  readonly mirror: Uint8Array;
  readonly jitter: Float32Array;
  /** Particle indices per lane. */
  readonly byLane: readonly Uint32Array[];
}

interface Scene {
  readonly layout: FlowLayout;
  readonly lanes: readonly Lane[];
  readonly prepared: Prepared;
  readonly dpr: number;
  readonly labels: { readonly users: string; readonly router: string };
  /** drawDelayMs: particles are drawn at the shown time minus this. */
  readonly delay: number;
}

const ERROR_RED = '#FB3D3D';
const NEUTRAL = '#cbd5e1';
const BACKGROUND = '#151a24';
const ANNOUNCE_EVERY_MS = 2500;
const DEFAULT_WIDTH = 640;

function lanesOf(
  destinations: readonly FlowDestination[],
  requests: readonly FlowRequest[],
): Lane[] {
  const lanes: Lane[] = destinations.map((d) => ({
    key: d.hash,
    label: d.label,
    image: d.image,
    role: d.role,
    weight: d.weight,
    fill: colourOf(d.image).fill,
  }));
  const known = new Set(lanes.map((l) => l.key));
  for (const r of requests) {
    if (known.has(r.hash)) continue;
    known.add(r.hash);
    lanes.push({
      key: r.hash,
      label: shortImage(r.version),
      image: r.version,
      role: 'other',
      weight: null,
      fill: colourOf(r.version).fill,
    });
  }
  return lanes;
}

function prepare(requests: readonly FlowRequest[], lanes: readonly Lane[]): Prepared {
  const n = requests.length;
  const index = new Map(lanes.map((l, i) => [l.key, i]));
  const t = new Float64Array(n);
  const latency = new Float32Array(n);
  const failed = new Uint8Array(n);
  const mirror = new Uint8Array(n);
  const jitter = new Float32Array(n);
  const laneOf = new Int32Array(n);
  const sizes = new Uint32Array(lanes.length);
  for (let i = 0; i < n; i++) {
    const r = requests[i];
    t[i] = r.t;
    latency[i] = r.latencyMs;
    mirror[i] = r.mirror ? 1 : 0;
    // A shadow copy's answer is dropped by the proxy: it never fails anyone.
    failed[i] = !r.mirror && r.status >= 500 ? 1 : 0;
    jitter[i] = jitterOf(r.t, r.latencyMs, 0);
    const lane = index.get(r.hash) ?? -1;
    laneOf[i] = lane;
    if (lane >= 0) sizes[lane]++;
  }
  const byLane = Array.from(sizes, (size) => new Uint32Array(size));
  const fill = new Uint32Array(lanes.length);
  for (let i = 0; i < n; i++) {
    const lane = laneOf[i];
    if (lane >= 0) byLane[lane][fill[lane]++] = i;
  }
  return { count: n, t, latency, failed, mirror, jitter, byLane };
}

function drawScene(ctx: CanvasRenderingContext2D, scene: Scene, shown: number): void {
  const { layout, lanes, prepared, dpr } = scene;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.globalAlpha = 1;
  ctx.fillStyle = BACKGROUND;
  ctx.fillRect(0, 0, layout.width, layout.height);

  // Wires from Users to the router and from the router to each lane.
  ctx.strokeStyle = '#334155';
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(layout.users.x, layout.users.y);
  ctx.lineTo(layout.router.x, layout.router.y);
  for (const y of layout.lanes) {
    ctx.moveTo(layout.router.x, layout.router.y);
    ctx.lineTo(layout.podX, y);
  }
  ctx.stroke();

  // Lanes: the pods of one version, with its label and weight.
  ctx.font = '12px system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  lanes.forEach((lane, i) => {
    const y = layout.lanes[i];
    ctx.strokeStyle = lane.fill;
    ctx.lineWidth = 2;
    ctx.strokeRect(
      layout.podX,
      y - layout.laneHalf,
      layout.width - layout.podX - 6,
      layout.laneHalf * 2,
    );
    ctx.fillStyle = '#e2e8f0';
    ctx.textAlign = 'right';
    ctx.fillText(
      lane.weight === null ? lane.label : `${lane.label}  ${Math.round(lane.weight)}%`,
      layout.width - 12,
      y - layout.laneHalf + 10,
    );
  });

  // Nodes.
  ctx.fillStyle = '#e2e8f0';
  ctx.beginPath();
  ctx.arc(layout.users.x, layout.users.y, 9, 0, 2 * Math.PI);
  ctx.fill();
  ctx.beginPath();
  const { x: rx, y: ry } = layout.router;
  ctx.moveTo(rx, ry - 12);
  ctx.lineTo(rx + 12, ry);
  ctx.lineTo(rx, ry + 12);
  ctx.lineTo(rx - 12, ry);
  ctx.closePath();
  ctx.fill();
  ctx.textAlign = 'center';
  ctx.fillText(scene.labels.users, layout.users.x, layout.users.y + 22);
  ctx.fillText(scene.labels.router, rx, ry + 26);

  // Particles. Inbound ones are neutral: the router has not picked a version yet.
  const inbound: number[] = [];
  const crosses: number[] = [];
  const R = 3;
  // Mirrored copies start at the router (the proxy makes them) and are drawn as rings.
  const rings: number[][] = lanes.map(() => []);
  for (let lane = 0; lane < prepared.byLane.length; lane++) {
    const ids = prepared.byLane[lane];
    ctx.fillStyle = lanes[lane]?.fill ?? NEUTRAL;
    ctx.beginPath();
    const fading: number[] = [];
    for (let k = 0; k < ids.length; k++) {
      const i = ids[k];
      const age = shown - prepared.t[i];
      if (age < 0 || age > MAX_AGE_MS) continue;
      if (prepared.mirror[i] === 1) {
        if (age < LEG1_MS) continue;
        const p = particleAt(layout, lane, age, prepared.latency[i], false, prepared.jitter[i]);
        if (p.stage === 'routed' || p.stage === 'waiting') rings[lane].push(p.x, p.y);
        continue;
      }
      if (age < LEG1_MS) {
        const p = particleAt(layout, lane, age, 0, false, prepared.jitter[i]);
        inbound.push(p.x, p.y);
        continue;
      }
      const failed = prepared.failed[i] === 1;
      const p = particleAt(layout, lane, age, prepared.latency[i], failed, prepared.jitter[i]);
      if (p.stage === 'gone') continue;
      if (p.stage === 'answered') {
        if (failed) crosses.push(p.x, p.y, p.alpha);
        else fading.push(p.x, p.y, p.alpha);
        continue;
      }
      ctx.moveTo(p.x + R, p.y);
      ctx.arc(p.x, p.y, R, 0, 2 * Math.PI);
    }
    ctx.fill();
    for (let k = 0; k < fading.length; k += 3) {
      ctx.globalAlpha = fading[k + 2];
      ctx.beginPath();
      ctx.arc(fading[k], fading[k + 1], R + 1, 0, 2 * Math.PI);
      ctx.fill();
    }
    ctx.globalAlpha = 1;
    const ring = rings[lane];
    if (ring.length > 0) {
      ctx.strokeStyle = lanes[lane]?.fill ?? NEUTRAL;
      ctx.lineWidth = 1.5;
      ctx.beginPath();
      for (let k = 0; k < ring.length; k += 2) {
        ctx.moveTo(ring[k] + R, ring[k + 1]);
        ctx.arc(ring[k], ring[k + 1], R, 0, 2 * Math.PI);
      }
      ctx.stroke();
    }
  }
  ctx.fillStyle = NEUTRAL;
  ctx.beginPath();
  for (let k = 0; k < inbound.length; k += 2) {
    ctx.moveTo(inbound[k] + 2.5, inbound[k + 1]);
    ctx.arc(inbound[k], inbound[k + 1], 2.5, 0, 2 * Math.PI);
  }
  ctx.fill();
  // Failures: a red ✕ with a dark outline, readable without colour.
  const S = 5;
  for (const [style, width] of [
    ['#000000', 4],
    [ERROR_RED, 2],
  ] as const) {
    ctx.strokeStyle = style;
    ctx.lineWidth = width;
    ctx.beginPath();
    for (let k = 0; k < crosses.length; k += 3) {
      const x = crosses[k];
      const y = crosses[k + 1];
      ctx.moveTo(x - S, y - S);
      ctx.lineTo(x + S, y + S);
      ctx.moveTo(x + S, y - S);
      ctx.lineTo(x - S, y + S);
    }
    ctx.stroke();
  }
}

/** SharesBar is rollouts-demo's bar: each version's share of the window, errors hatched. */
function SharesBar({
  shares,
  t,
  patternId,
}: {
  shares: ServedShares;
  t: (key: FlowKey, vars?: Record<string, string | number>) => string;
  patternId: string;
}) {
  const WIDTH = 600;
  const HEIGHT = 22;
  const items = shares.versions.flatMap((v) => [
    { share: shares.total ? (v.requests - v.errors) / shares.total : 0, v, error: false },
    { share: shares.total ? v.errors / shares.total : 0, v, error: true },
  ]);
  const segments = layoutBar(items, WIDTH).filter((s) => s.width > 0);
  return (
    <svg
      className="request-flow-bar"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      preserveAspectRatio="none"
      aria-hidden="true"
    >
      <title>{t('flow.bar', { seconds: Math.round(shares.windowMs / 100) / 10 })}</title>
      <defs>
        <pattern
          id={patternId}
          width="6"
          height="6"
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(45)"
        >
          <rect width="6" height="6" fill={ERROR_RED} />
          <rect width="2.5" height="6" fill="#5f1010" />
        </pattern>
      </defs>
      <rect width={WIDTH} height={HEIGHT} fill="#e5e7eb" rx={4} />
      {segments.map(({ item, x, width }) => (
        <rect
          key={`${item.v.version}-${item.error ? 'e' : 'ok'}`}
          x={x}
          width={width}
          height={HEIGHT}
          fill={item.error ? `url(#${patternId})` : colourOf(item.v.version).fill}
          stroke={item.error ? '#5f1010' : 'none'}
          strokeWidth={item.error ? 2 : 0}
          data-version={shortImage(item.v.version)}
          data-kind={item.error ? 'errors' : 'ok'}
        />
      ))}
    </svg>
  );
}

/** RequestFlow animates sampled requests per version; see the module comment. */
export default function RequestFlow({
  requests,
  destinations,
  nowMs,
  windowMs = 2000,
  drawDelayMs = 1000,
  lang,
}: RequestFlowProps) {
  const contextLang = useLang();
  const t = useMemo(() => flowT(lang ?? contextLang), [lang, contextLang]);
  const reduced = useReducedMotion();
  const titleId = useId();
  const patternId = `${useId()}-errors`;
  const shares = useMemo(
    () => selectServedShares(requests, windowMs, nowMs),
    [requests, windowMs, nowMs],
  );
  const summary = flowSummary(t, shares);
  const seconds = Math.round(windowMs / 100) / 10;
  const lanes = useMemo(() => lanesOf(destinations, requests), [destinations, requests]);

  // Width follows the container; the height follows the number of lanes.
  const stageRef = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(DEFAULT_WIDTH);
  useEffect(() => {
    const el = stageRef.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const w = Math.round(entries[0]?.contentRect.width ?? 0);
      if (w > 0) setWidth(w);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [reduced]);
  const height = flowHeight(lanes.length);
  const dpr = typeof window === 'undefined' ? 1 : Math.min(2, window.devicePixelRatio || 1);

  // The scene the animation loop draws, and the presentation clock it reads.
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const sceneRef = useRef<Scene | null>(null);
  const clockRef = useRef<PresentationClock | null>(null);
  const labels = useMemo(() => ({ users: t('flow.users'), router: t('flow.router') }), [t]);
  // Requests seen in earlier props stay drawable for their whole trip (the props hold only
  // the last seconds); a jump or a step back in time (scrubbing) starts afresh.
  const cacheRef = useRef<{ byKey: Map<string, FlowRequest>; lastNow: number } | null>(null);
  useEffect(() => {
    let cache = cacheRef.current;
    if (!cache || nowMs < cache.lastNow || nowMs - cache.lastNow > JUMP_MS)
      cache = cacheRef.current = { byKey: new Map(), lastNow: nowMs };
    cache.lastNow = nowMs;
    const oldest = nowMs - drawDelayMs - MAX_AGE_MS;
    for (const r of requests) if (r.t >= oldest) cache.byKey.set(`${r.t}|${r.hash}`, r);
    for (const [key, r] of cache.byKey) if (r.t < oldest) cache.byKey.delete(key);
    sceneRef.current = {
      layout: layoutFlow(width, lanes.length),
      lanes,
      prepared: prepare([...cache.byKey.values()], lanes),
      dpr,
      labels,
      delay: drawDelayMs,
    };
  }, [requests, nowMs, drawDelayMs, width, lanes, dpr, labels]);
  useEffect(() => {
    clockRef.current = retarget(clockRef.current, nowMs, performance.now());
  }, [nowMs]);
  useEffect(() => {
    if (reduced) return;
    const ctx = canvasRef.current?.getContext('2d');
    if (!ctx) return;
    let handle = 0;
    let lastShown = NaN;
    let lastScene: Scene | null = null;
    const loop = (wall: number) => {
      const scene = sceneRef.current;
      const clock = clockRef.current;
      if (scene && clock) {
        const shown = shownTime(clock, wall) - scene.delay;
        if (shown !== lastShown || scene !== lastScene) {
          drawScene(ctx, scene, shown);
          lastShown = shown;
          lastScene = scene;
        }
      }
      handle = requestAnimationFrame(loop);
    };
    handle = requestAnimationFrame(loop);
    return () => cancelAnimationFrame(handle);
  }, [reduced]);

  // The live region speaks the summary at most every few seconds, not on every tick.
  const liveRef = useRef<HTMLParagraphElement>(null);
  const latest = useRef(summary);
  const announcedAt = useRef(-Infinity);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => {
    latest.current = summary;
    const el = liveRef.current;
    if (!el) return;
    const since = performance.now() - announcedAt.current;
    if (since >= ANNOUNCE_EVERY_MS) {
      el.textContent = summary;
      announcedAt.current = performance.now();
    } else if (timer.current === undefined) {
      timer.current = window.setTimeout(() => {
        timer.current = undefined;
        el.textContent = latest.current;
        announcedAt.current = performance.now();
      }, ANNOUNCE_EVERY_MS - since);
    }
  }, [summary]);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const roleKey = (role: string): FlowKey =>
    (['stable', 'canary', 'active', 'preview'].includes(role)
      ? `flow.role.${role}`
      : 'flow.role.other') as FlowKey;

  return (
    <section className="panel request-flow" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('flow.title')}</h2>
      <p className="panel-note">{reduced ? t('flow.static', { seconds }) : t('flow.note')}</p>
      <div
        ref={stageRef}
        className={`request-flow-stage${reduced ? ' request-flow-static' : ''}`}
        role="img"
        aria-label={summary}
        data-testid="request-flow-stage"
      >
        {reduced ? (
          <p className="request-flow-summary">{summary}</p>
        ) : (
          <canvas
            ref={canvasRef}
            width={Math.round(width * dpr)}
            height={Math.round(height * dpr)}
            style={{ width: '100%', height }}
          />
        )}
      </div>
      <SharesBar shares={shares} t={t} patternId={patternId} />
      <ul className="request-flow-legend">
        {lanes.map((lane) => {
          const served = shares.byHash[lane.key] ?? { requests: 0, errors: 0 };
          return (
            <li key={lane.key} data-hash={lane.key}>
              <span className="swatch" style={{ background: lane.fill }} aria-hidden="true" />
              {t('flow.destination', {
                label: lane.label,
                role: t(roleKey(lane.role)),
                weight:
                  lane.weight === null
                    ? '—'
                    : t('flow.weight', { weight: Math.round(lane.weight * 10) / 10 }),
              })}
              {' · '}
              <span className="request-flow-served">
                {served.errors > 0
                  ? t('flow.served.errors', { count: served.requests, errors: served.errors })
                  : t('flow.served', { count: served.requests })}
              </span>
            </li>
          );
        })}
      </ul>
      <p className="request-flow-totals">
        {shares.versions
          .map((v) =>
            t('flow.share', { percent: percent(v.share), version: shortImage(v.version) }),
          )
          .join(' · ')}
        {shares.total > 0 && (
          <>
            {' · '}
            <span className={shares.errors > 0 ? 'request-flow-errors' : undefined}>
              {shares.errors > 0 ? '✕ ' : ''}
              {errorsText(t, shares.errors)}
            </span>
          </>
        )}
      </p>
      {shares.mirrored > 0 && (
        <p className="request-flow-mirrored">{t('flow.mirrored', { count: shares.mirrored })}</p>
      )}
      <p className="request-flow-sampled">{t('flow.sampled')}</p>
      <p ref={liveRef} className="visually-hidden" aria-live="polite" />
    </section>
  );
}
