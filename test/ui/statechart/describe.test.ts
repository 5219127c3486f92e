import { describe, expect, it } from 'vitest';
import { rolloutMachine } from '../../../src/controller/rolloutMachine';
import {
  describeMachine,
  litTransitions,
  resolveStateId,
} from '../../../src/ui/statechart/describe';
import type { StateNodeJson } from '../../../src/ui/statechart/describe';

// What the store passes: plain JSON (a recorded frame is serialisable), plus the config for `always`.
const json = JSON.parse(JSON.stringify(rolloutMachine.toJSON())) as StateNodeJson;
const config = rolloutMachine.config as never;

describe('describeMachine on the real rolloutMachine', () => {
  const d = describeMachine(json, config);

  it('lists every state below the root with its phase tag', () => {
    expect(d.id).toBe('rollout');
    expect(d.initial).toBe('rollout.Progressing');
    expect(d.states.map((s) => [s.id, s.label, s.tags])).toEqual([
      ['rollout.route', 'route', []],
      ['rollout.Progressing', 'Progressing', ['Progressing']],
      ['rollout.Paused', 'Paused', ['Paused']],
      ['rollout.Healthy', 'Healthy', ['Healthy']],
      ['rollout.Degraded', 'Degraded', ['Degraded']],
    ]);
    expect(d.states.find((s) => s.id === 'rollout.route')!.transient).toBe(true);
  });

  it('has the reconcile edges into route and the guarded always edges out of it', () => {
    const moving = d.transitions.filter((t) => t.from !== t.to);
    expect(moving).toEqual([
      { from: 'rollout', to: 'rollout.route', event: 'cluster.changed' },
      { from: 'rollout', to: 'rollout.route', event: 'reconcile.due' },
      { from: 'rollout.route', to: 'rollout.Degraded', event: 'always', guard: 'isPhaseDegraded' },
      { from: 'rollout.route', to: 'rollout.Paused', event: 'always', guard: 'isPhasePaused' },
      { from: 'rollout.route', to: 'rollout.Healthy', event: 'always', guard: 'isPhaseHealthy' },
      { from: 'rollout.route', to: 'rollout.Progressing', event: 'always' },
    ]);
  });

  it('keeps the user verbs as in-place transitions with their guards', () => {
    const inPlace = d.transitions.filter((t) => t.from === t.to);
    expect(inPlace.map((t) => t.event)).toEqual(
      expect.arrayContaining(['user.promote', 'user.promoteFull', 'user.abort', 'user.retry']),
    );
    expect(inPlace.find((t) => t.event === 'user.promoteFull')!.guard).toBe('canPromoteFull');
    // Every event the machine accepts appears somewhere.
    const events = new Set(d.transitions.map((t) => t.event));
    for (const e of Object.keys(rolloutMachine.config.on ?? {})) expect(events).toContain(e);
  });

  it('gives the same answer from the unserialised toJSON object', () => {
    expect(describeMachine(rolloutMachine.toJSON() as never, config)).toEqual(d);
  });

  it('without config it still describes states and event edges (toJSON omits always)', () => {
    const bare = describeMachine(json);
    expect(bare.states).toHaveLength(5);
    expect(bare.transitions.some((t) => t.event === 'always')).toBe(false);
  });

  it('resolves an active state by id, key or phase tag', () => {
    expect(resolveStateId(d, 'rollout.Paused')).toBe('rollout.Paused');
    expect(resolveStateId(d, 'Healthy')).toBe('rollout.Healthy');
    expect(resolveStateId(d, 'nope')).toBeUndefined();
  });

  it('lights both hops of a phase change (event into route, always out of it)', () => {
    const lit = litTransitions(d, {
      from: 'rollout.Paused',
      to: 'rollout.Progressing',
      event: 'reconcile.due',
    });
    expect(lit).toEqual([
      { from: 'rollout', to: 'rollout.route', event: 'reconcile.due' },
      { from: 'rollout.route', to: 'rollout.Progressing', event: 'always' },
    ]);
    expect(litTransitions(d, undefined)).toEqual([]);
  });

  it('handles config-style relative targets and nested states', () => {
    const nested = describeMachine(
      {
        id: 'm',
        key: 'm',
        initial: 'a',
        states: {
          a: {
            id: 'm.a',
            key: 'a',
            on: { GO: [{ target: ['#m.b.inner'], eventType: 'GO' }] },
          },
          b: {
            id: 'm.b',
            key: 'b',
            states: { inner: { id: 'm.b.inner', key: 'inner', tags: ['t'] } },
          },
        },
      },
      { states: { a: { always: { target: 'b', guard: { type: 'ok' } } } } },
    );
    expect(nested.initial).toBe('m.a');
    expect(nested.states.find((s) => s.id === 'm.b.inner')!.parent).toBe('m.b');
    expect(nested.transitions).toEqual([
      { from: 'm.a', to: 'm.b.inner', event: 'GO' },
      { from: 'm.a', to: 'm.b', event: 'always', guard: 'ok' },
    ]);
  });
});
