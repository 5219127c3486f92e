import { describe, expect, it } from 'vitest';
import { rolloutMachine } from '../../../src/controller/rolloutMachine';
import { describeMachine } from '../../../src/ui/statechart/describe';
import { edgeLabelLine, graphFor, layoutMachine, nodeIds } from '../../../src/ui/statechart/layout';

const d = describeMachine(rolloutMachine.toJSON() as never, rolloutMachine.config as never);

describe('graphFor (pure)', () => {
  it('has one node per state plus the "any state" root and merges parallel edges', () => {
    const g = graphFor(d);
    expect(nodeIds(d)).toEqual(['rollout', ...d.states.map((s) => s.id)]);
    expect(g.children).toHaveLength(6);
    expect(g.edges).toHaveLength(5);
    const intoRoute = g.edges!.find((e) => e.id === 'rollout->rollout.route')!;
    expect(intoRoute.labels![0].text).toBe('cluster.changed\nreconcile.due');
    expect(g.layoutOptions!['elk.algorithm']).toBe('layered');
  });

  it('labels always edges by their guard', () => {
    expect(edgeLabelLine({ from: 'a', to: 'b', event: 'always', guard: 'isPhasePaused' })).toBe(
      '[isPhasePaused]',
    );
    expect(edgeLabelLine({ from: 'a', to: 'b', event: 'always' })).toBe('always');
    expect(edgeLabelLine({ from: 'a', to: 'b', event: 'go', guard: 'g' })).toBe('go [g]');
  });
});

describe('layoutMachine (elkjs)', () => {
  it('places every box without overlap and routes every edge', async () => {
    const layout = await layoutMachine(d);
    expect(layout.nodes.map((n) => n.id).sort()).toEqual(nodeIds(d).sort());
    for (const a of layout.nodes)
      for (const b of layout.nodes) {
        if (a === b) continue;
        const apart =
          a.x + a.width <= b.x ||
          b.x + b.width <= a.x ||
          a.y + a.height <= b.y ||
          b.y + b.height <= a.y;
        expect(apart, `${a.id} overlaps ${b.id}`).toBe(true);
      }
    for (const e of layout.edges) {
      expect(e.points.length).toBeGreaterThanOrEqual(2);
      expect(e.label).toBeDefined();
      for (const p of e.points) {
        expect(p.x).toBeLessThanOrEqual(layout.width);
        expect(p.y).toBeLessThanOrEqual(layout.height);
      }
    }
    // Layered, top to bottom: the root above route above the phases.
    const y = (id: string) => layout.nodes.find((n) => n.id === id)!.y;
    expect(y('rollout')).toBeLessThan(y('rollout.route'));
    expect(y('rollout.route')).toBeLessThan(y('rollout.Paused'));
  });
});
