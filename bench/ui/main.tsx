/**
 * The UI bench page (built by bench/vite.bench.config.ts, driven by bench/ui.ts): the sandbox's
 * heaviest moving parts at a workshop's worst case — RequestFlow animating 1,000 requests per
 * second and PodsPanel with 200 pods — fed ten times a second as the store's ticks would, while
 * requestAnimationFrame records frame times. The result lands on `window.__uiBench`.
 */
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { PodView, RevisionGroup } from '../../src/store';
import { PodsPanel } from '../../src/ui/components/PodsPanel';
import RequestFlow, {
  type FlowDestination,
  type FlowRequest,
} from '../../src/ui/traffic/RequestFlow';
import '../../src/ui/app.css';

const params = new URLSearchParams(location.search);
const PODS = Number(params.get('pods') ?? 200);
const RPS = Number(params.get('rps') ?? 1000);
const WARMUP_MS = Number(params.get('warmup') ?? 1000);
const MEASURE_MS = Number(params.get('measure') ?? 5000);
const TICK_MS = 100;
const BLUE = 'argoproj/rollouts-demo:blue';
const YELLOW = 'argoproj/rollouts-demo:yellow';
const CANARY_SHARE = 0.2;

const destinations: FlowDestination[] = [
  { hash: 'b1b1b1', label: 'rev 1 · blue', image: BLUE, role: 'stable', weight: 80 },
  { hash: 'y2y2y2', label: 'rev 2 · yellow', image: YELLOW, role: 'canary', weight: 20 },
];

/** A small deterministic generator, so every bench run draws the same traffic. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}
const rand = lcg(42);

function podsOf(count: number, image: string, prefix: string, tick: number): PodView[] {
  const states = ['ready', 'ready', 'ready', 'creating', 'terminating'] as const;
  return Array.from({ length: count }, (_, i) => {
    // A few pods change state every tick, so React has real work.
    const state = (i + tick) % 37 === 0 ? states[(i + tick) % states.length] : 'ready';
    return {
      name: `${prefix}-${i.toString(36).padStart(5, '0')}`,
      state,
      status:
        state === 'ready' ? 'Running' : state === 'creating' ? 'ContainerCreating' : 'Terminating',
      ready: state === 'ready' ? '1/1' : '0/1',
      restarts: 0,
      image,
    };
  });
}

function groupsAt(tick: number): RevisionGroup[] {
  const canary = Math.round(PODS * CANARY_SHARE);
  const make = (
    revision: number,
    image: string,
    role: 'stable' | 'canary',
    n: number,
  ): RevisionGroup => ({
    revision,
    replicaSet: `bench-${revision === 1 ? 'b1b1b1' : 'y2y2y2'}`,
    roles: [role],
    status: 'Healthy',
    image,
    images: [image],
    desired: n,
    available: n,
    scaleDownInMs: null,
    pods: podsOf(n, image, `bench-${revision}`, tick),
  });
  return [make(2, YELLOW, 'canary', canary), make(1, BLUE, 'stable', PODS - canary)];
}

function requestsFor(from: number, to: number): FlowRequest[] {
  const n = Math.round(((to - from) / 1000) * RPS);
  return Array.from({ length: n }, () => {
    const yellow = rand() < CANARY_SHARE;
    return {
      t: from + rand() * (to - from),
      version: yellow ? YELLOW : BLUE,
      hash: yellow ? 'y2y2y2' : 'b1b1b1',
      status: yellow && rand() < 0.1 ? 500 : 200,
      latencyMs: 30 + rand() * (yellow ? 400 : 60),
    };
  });
}

interface BenchResult {
  frames: number;
  deltas: number[];
  longFrames: number;
  userAgent: string;
}

declare global {
  interface Window {
    __uiBench?: BenchResult;
  }
}

function Bench() {
  const [state, setState] = useState(() => ({
    tick: 0,
    now: 2000,
    requests: requestsFor(0, 2000),
  }));
  useEffect(() => {
    const id = window.setInterval(() => {
      setState((s) => {
        const now = s.now + TICK_MS;
        const requests = s.requests.filter((r) => r.t > now - 2000).concat(requestsFor(s.now, now));
        return { tick: s.tick + 1, now, requests };
      });
    }, TICK_MS);
    return () => window.clearInterval(id);
  }, []);
  return (
    <div
      className="app"
      style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 12, padding: 12 }}
    >
      <RequestFlow requests={state.requests} destinations={destinations} nowMs={state.now} />
      <PodsPanel groups={groupsAt(state.tick)} />
    </div>
  );
}

function measure(): void {
  const deltas: number[] = [];
  let longFrames = 0;
  try {
    new PerformanceObserver((list) => {
      longFrames += list.getEntries().length;
    }).observe({ type: 'long-animation-frame', buffered: false });
  } catch {
    // Older engines: no LoAF entries.
  }
  let last: number | undefined;
  let start: number | undefined;
  const frame = (ts: number) => {
    start ??= ts;
    if (ts - start >= WARMUP_MS) {
      if (last !== undefined) deltas.push(ts - last);
      last = ts;
    }
    if (ts - start < WARMUP_MS + MEASURE_MS) requestAnimationFrame(frame);
    else
      window.__uiBench = {
        frames: deltas.length,
        deltas,
        longFrames,
        userAgent: navigator.userAgent,
      };
  };
  requestAnimationFrame(frame);
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <Bench />
    </StrictMode>,
  );
  measure();
}
