import { describe, expect, it } from 'vitest';
import { createTraceRecorder, roundFloats, stripInternals } from '../../src/sim';

interface Frame {
  t: number;
  phase: string;
  weights: { stable: number; canary: number };
  pods: string[];
  note?: string;
}

describe('createTraceRecorder', () => {
  it('records copies, so later mutation of the world does not alter frames', () => {
    const trace = createTraceRecorder<Frame>();
    const world: Frame = {
      t: 0,
      phase: 'Progressing',
      weights: { stable: 100, canary: 0 },
      pods: ['a'],
    };
    trace.record(world);
    world.phase = 'Paused';
    world.weights.canary = 20;
    world.pods.push('b');
    trace.record({ ...world, t: 1000 });
    expect(trace.frames()[0]).toEqual({
      t: 0,
      phase: 'Progressing',
      weights: { stable: 100, canary: 0 },
      pods: ['a'],
    });
    expect(trace.size()).toBe(2);
    expect(trace.at(-1)?.weights.canary).toBe(20);
  });

  it('freezes recorded frames and hands out a fresh array', () => {
    const trace = createTraceRecorder<Frame>();
    trace.record({ t: 0, phase: 'Healthy', weights: { stable: 100, canary: 0 }, pods: [] });
    const frame = trace.frames()[0];
    expect(Object.isFrozen(frame)).toBe(true);
    expect(Object.isFrozen(frame.weights)).toBe(true);
    expect(Object.isFrozen(frame.pods)).toBe(true);
    expect(() => {
      (frame.weights as { canary: number }).canary = 5;
    }).toThrow(TypeError);
    (trace.frames() as unknown[]).length = 0;
    expect(trace.size()).toBe(1);
  });

  it('writes canonical JSON lines and drops undefined properties', () => {
    const trace = createTraceRecorder<Frame>();
    expect(trace.toJSONLines()).toBe('');
    trace.record({
      weights: { canary: 0, stable: 100 },
      t: 0,
      phase: 'Healthy',
      pods: [],
      note: undefined,
    });
    trace.record({ t: 5, phase: 'Paused', weights: { stable: 80, canary: 20 }, pods: ['x'] });
    expect(trace.toJSONLines()).toBe(
      '{"phase":"Healthy","pods":[],"t":0,"weights":{"canary":0,"stable":100}}\n' +
        '{"phase":"Paused","pods":["x"],"t":5,"weights":{"canary":20,"stable":80}}\n',
    );
  });

  it('rejects frames that are not plain JSON, naming the path', () => {
    const trace = createTraceRecorder();
    expect(() => trace.record({ t: 0, m: new Map() })).toThrow(
      /Map is not plain JSON \(at \$\.m\)/,
    );
    expect(() => trace.record({ t: 0, a: [1, () => 2] })).toThrow(/at \$\.a\[1\]/);
    expect(() => trace.record({ t: 0, x: Number.NaN })).toThrow(/non-finite number NaN at \$\.x/);
    const cyclic: Record<string, unknown> = { t: 0 };
    cyclic.self = cyclic;
    expect(() => trace.record(cyclic as { t: number })).toThrow(/circular/);
    expect(() => trace.record({ t: Number.NaN })).toThrow(/frame\.t/);
    expect(trace.size()).toBe(0);
  });

  it('refuses to go back in time', () => {
    const trace = createTraceRecorder();
    trace.record({ t: 10 });
    trace.record({ t: 10 });
    expect(() => trace.record({ t: 9 })).toThrow(RangeError);
  });
});

describe('roundFloats', () => {
  it('rounds non-integers deeply to 6 digits by default, without mutating the input', () => {
    const input = { w: 33.33333333333, n: [0.1 + 0.2, 7, -0.0000001], s: 'x', z: null };
    expect(roundFloats(input)).toEqual({ w: 33.333333, n: [0.3, 7, 0], s: 'x', z: null });
    expect(input.w).toBe(33.33333333333);
    expect(Object.is(roundFloats(-0.0000001), 0)).toBe(true);
  });

  it('takes a digit count and validates it', () => {
    expect(roundFloats({ a: 2.675, b: 1.25 }, 1)).toEqual({ a: 2.7, b: 1.3 });
    expect(roundFloats(12.5, 0)).toBe(13);
    expect(() => roundFloats(1, 16)).toThrow(RangeError);
  });
});

describe('stripInternals', () => {
  it('removes underscore keys at every depth and leaves the rest', () => {
    const snapshot = {
      value: 'paused',
      context: { _cache: 1, pauseStartedAt: 5, steps: [{ _id: 'x', weight: 20 }] },
      _scheduledEvents: { 'x.1': { startedAt: 1700000000000 } },
    };
    expect(stripInternals(snapshot)).toEqual({
      value: 'paused',
      context: { pauseStartedAt: 5, steps: [{ weight: 20 }] },
    });
    expect(snapshot._scheduledEvents).toBeDefined();
  });

  it('keeps non-plain objects by reference instead of walking them', () => {
    const map = new Map([['_k', 1]]);
    expect(stripInternals({ m: map }).m).toBe(map);
  });
});
