import { describe, expect, it } from 'vitest';
import { createRng, K8S_ALPHANUMS } from '../../src/sim';
import type { Rng } from '../../src/sim';

const draw = (rng: Rng, n: number) => Array.from({ length: n }, () => rng.next());
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const variance = (xs: number[]) => {
  const m = mean(xs);
  return xs.reduce((a, b) => a + (b - m) ** 2, 0) / xs.length;
};

describe('createRng', () => {
  it('is deterministic: same seed and stream ⇒ same sequence', () => {
    expect(draw(createRng(42).stream('pods'), 20)).toEqual(draw(createRng(42).stream('pods'), 20));
    expect(createRng(42).stream('pods').suffix(12)).toBe(createRng('42').stream('pods').suffix(12));
  });

  it('pins the first draws of seed 42 (a changed generator must be a deliberate change)', () => {
    const rng = createRng(42).stream('pods');
    const pinned = [rng.next(), rng.next(), rng.next()].map((x) => x.toFixed(10));
    expect(pinned).toMatchInlineSnapshot(`
      [
        "0.7682950210",
        "0.7354328153",
        "0.4859846712",
      ]
    `);
  });

  it('gives different sequences for different seeds and different stream names', () => {
    const a = draw(createRng(42).stream('pods'), 5);
    expect(draw(createRng(43).stream('pods'), 5)).not.toEqual(a);
    expect(draw(createRng(42).stream('traffic'), 5)).not.toEqual(a);
    expect(draw(createRng(42).stream('pods2'), 5)).not.toEqual(a);
  });

  it('keeps streams independent: creating or using another stream changes nothing', () => {
    const alone = createRng(7);
    const expected = draw(alone.stream('pods'), 50);

    const crowded = createRng(7);
    crowded.stream('traffic').poisson(1_000);
    const pods = crowded.stream('pods');
    const out: number[] = [];
    for (let i = 0; i < 50; i++) {
      out.push(pods.next());
      crowded.stream(`noise-${i}`).normal();
      crowded.stream('traffic').binomial(10_000, 0.3);
    }
    expect(out).toEqual(expected);
  });

  it('returns the same stream object for the same name', () => {
    const rng = createRng(1);
    expect(rng.stream('a')).toBe(rng.stream('a'));
    rng.stream('b');
    expect(rng.streamNames()).toEqual(['a', 'b']);
  });

  it('snapshots and restores one stream', () => {
    const rng = createRng(3).stream('x');
    draw(rng, 10);
    const state = rng.snapshot();
    const next = draw(rng, 10);
    rng.restore(JSON.parse(JSON.stringify(state)));
    expect(draw(rng, 10)).toEqual(next);
    expect(() => rng.restore({ a: 1 } as never)).toThrow(TypeError);
  });

  it('snapshots and restores every stream through JSON, resetting later-created ones', () => {
    const rng = createRng(99);
    rng.stream('a').next();
    rng.stream('b').int(1, 6);
    const snapshot = JSON.parse(JSON.stringify(rng.snapshot()));
    expect(Object.keys(snapshot.streams)).toEqual(['a', 'b']);

    const after = {
      a: draw(rng.stream('a'), 5),
      b: draw(rng.stream('b'), 5),
      c: draw(rng.stream('c'), 5),
    };
    rng.restore(snapshot);
    expect(draw(rng.stream('a'), 5)).toEqual(after.a);
    expect(draw(rng.stream('b'), 5)).toEqual(after.b);
    expect(draw(rng.stream('c'), 5)).toEqual(after.c);

    // A fresh root restored from the snapshot continues identically too.
    const fresh = createRng(99);
    fresh.restore(snapshot);
    rng.restore(snapshot);
    expect(draw(fresh.stream('b'), 5)).toEqual(draw(rng.stream('b'), 5));

    expect(() => createRng(1).restore(snapshot)).toThrow(/seed/);
  });

  it('next() stays in [0, 1) and has a uniform mean', () => {
    const xs = draw(createRng(5).stream('u'), 20_000);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(mean(xs)).toBeCloseTo(0.5, 2);
  });

  it('int() covers [lo, hi] inclusively and evenly', () => {
    const rng = createRng(11).stream('dice');
    const counts = new Map<number, number>();
    for (let i = 0; i < 60_000; i++) {
      const v = rng.int(1, 6);
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual([1, 2, 3, 4, 5, 6]);
    for (const c of counts.values()) expect(Math.abs(c - 10_000)).toBeLessThan(500);
    expect(rng.int(3, 3)).toBe(3);
    const big = rng.int(0, 2 ** 40);
    expect(Number.isInteger(big) && big >= 0 && big <= 2 ** 40).toBe(true);
    expect(() => rng.int(2, 1)).toThrow(RangeError);
    expect(() => rng.int(0.5, 2)).toThrow(RangeError);
  });

  it('uniform(), chance() and pick() behave', () => {
    const rng = createRng(12).stream('misc');
    const us = Array.from({ length: 10_000 }, () => rng.uniform(10, 20));
    expect(Math.min(...us)).toBeGreaterThanOrEqual(10);
    expect(Math.max(...us)).toBeLessThan(20);
    expect(mean(us)).toBeCloseTo(15, 0);
    const hits = Array.from({ length: 10_000 }, () => rng.chance(0.2)).filter(Boolean).length;
    expect(Math.abs(hits - 2_000)).toBeLessThan(200);
    const picked = new Set(Array.from({ length: 200 }, () => rng.pick(['a', 'b', 'c'])));
    expect([...picked].sort()).toEqual(['a', 'b', 'c']);
    expect(() => rng.pick([])).toThrow(RangeError);
  });

  it('normal() has the requested mean and standard deviation', () => {
    const rng = createRng(13).stream('latency');
    const xs = Array.from({ length: 20_000 }, () => rng.normal(100, 15));
    expect(mean(xs)).toBeCloseTo(100, 0);
    expect(Math.sqrt(variance(xs))).toBeCloseTo(15, 0);
  });

  it.each([0.5, 4, 29.5, 30, 31, 250, 1e6])(
    'poisson(%d) has mean ≈ variance ≈ lambda',
    (lambda) => {
      const rng = createRng(21).stream(`poisson-${lambda}`);
      const xs = Array.from({ length: 20_000 }, () => rng.poisson(lambda));
      expect(xs.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
      expect(Math.abs(mean(xs) - lambda)).toBeLessThan(4 * Math.sqrt(lambda / xs.length) + 1e-9);
      expect(variance(xs) / lambda).toBeGreaterThan(0.95);
      expect(variance(xs) / lambda).toBeLessThan(1.05);
    },
  );

  it('poisson() costs the same for huge lambda (no per-event loop)', () => {
    const rng = createRng(22).stream('p');
    const draws = rng.snapshot().d;
    rng.poisson(1e9);
    // sfc32's d word is a counter: one normal() is exactly two draws.
    expect((rng.snapshot().d - draws) >>> 0).toBe(2);
    expect(rng.poisson(0)).toBe(0);
    expect(() => rng.poisson(-1)).toThrow(RangeError);
    expect(() => rng.poisson(Number.NaN)).toThrow(RangeError);
  });

  it.each([
    [10, 0.5],
    [100, 0.01],
    [1_000, 0.02],
    [1_000, 0.5],
    [100_000, 0.97],
    [10_000_000, 0.001],
  ])('binomial(%d, %d) has mean ≈ np and variance ≈ np(1-p)', (n, p) => {
    const rng = createRng(31).stream(`binomial-${n}-${p}`);
    const xs = Array.from({ length: 20_000 }, () => rng.binomial(n, p));
    const sd = Math.sqrt(n * p * (1 - p));
    expect(xs.every((x) => Number.isInteger(x) && x >= 0 && x <= n)).toBe(true);
    expect(Math.abs(mean(xs) - n * p)).toBeLessThan((4 * sd) / Math.sqrt(xs.length));
    expect(Math.sqrt(variance(xs)) / sd).toBeGreaterThan(0.97);
    expect(Math.sqrt(variance(xs)) / sd).toBeLessThan(1.03);
  });

  it('binomial() handles edges and costs the same for huge n', () => {
    const rng = createRng(32).stream('b');
    expect(rng.binomial(0, 0.5)).toBe(0);
    expect(rng.binomial(50, 0)).toBe(0);
    expect(rng.binomial(50, 1)).toBe(50);
    const before = rng.snapshot().d;
    rng.binomial(2 ** 40, 0.25);
    expect((rng.snapshot().d - before) >>> 0).toBe(2);
    expect(() => rng.binomial(-1, 0.5)).toThrow(RangeError);
    expect(() => rng.binomial(1.5, 0.5)).toThrow(RangeError);
    expect(() => rng.binomial(10, 1.5)).toThrow(RangeError);
  });

  it('suffix() draws Kubernetes-style name suffixes', () => {
    const rng = createRng(8).stream('names');
    const suffixes = Array.from({ length: 500 }, () => rng.suffix());
    for (const s of suffixes) expect(s).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(new Set(suffixes).size).toBeGreaterThan(495);
    expect(new Set(suffixes.join('')).size).toBe(K8S_ALPHANUMS.length);
    expect(rng.suffix(8)).toHaveLength(8);
    expect(rng.suffix(0)).toBe('');
  });
});
