import { describe, expect, it } from 'vitest';
import { createIdGenerator, createRng } from '../../src/sim';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('createIdGenerator', () => {
  it('issues UUID-shaped uids, reproducibly from the seed', () => {
    const a = createIdGenerator(createRng(42).stream('ids'));
    const b = createIdGenerator(createRng(42).stream('ids'));
    const uids = Array.from({ length: 200 }, () => a.uid());
    for (const uid of uids) expect(uid).toMatch(UUID_V4);
    expect(new Set(uids).size).toBe(200);
    expect(Array.from({ length: 200 }, () => b.uid())).toEqual(uids);
  });

  it('generates pod names the way the ReplicaSet controller asks for them', () => {
    const ids = createIdGenerator(createRng(1).stream('ids'));
    expect(ids.generateName('web-5c8d9f4b7d-')).toMatch(
      /^web-5c8d9f4b7d-[bcdfghjklmnpqrstvwxz2456789]{5}$/,
    );
    expect(ids.suffix()).toHaveLength(5);
  });

  it('cuts long bases so the name fits in 63 characters', () => {
    const ids = createIdGenerator(createRng(1).stream('ids'));
    const name = ids.generateName(`${'x'.repeat(70)}-`);
    expect(name).toHaveLength(63);
    expect(name.startsWith('x'.repeat(58))).toBe(true);
  });

  it('redraws names reported as taken, and gives up clearly', () => {
    const ids = createIdGenerator(createRng(1).stream('ids'));
    const taken = new Set<string>();
    for (let i = 0; i < 300; i++) taken.add(ids.generateName('p-', (n) => taken.has(n)));
    expect(taken.size).toBe(300);
    expect(() => ids.generateName('p-', () => true)).toThrow(/no free name/);
  });

  it('keeps no state of its own: restoring the stream replays the ids', () => {
    const rng = createRng(5).stream('ids');
    const ids = createIdGenerator(rng);
    const state = rng.snapshot();
    const first = [ids.uid(), ids.generateName('rs-')];
    rng.restore(state);
    expect([ids.uid(), ids.generateName('rs-')]).toEqual(first);
  });
});
