/**
 * The controller writes status through the store's structural sharing: a condition it did not
 * change stays the very stored object from one Rollout version to the next (no copy per write).
 * Checked on the blue-to-yellow walkthrough, which changes conditions at every stage.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonEqual } from '../../src/cluster/json';
import {
  parseScenario,
  runScript,
  settleInitialDeploy,
  worldFor,
  type KubeObject,
} from '../../src/scenario';

interface Condition {
  type: string;
}

const conditionsOf = (o: KubeObject): Condition[] =>
  (o.status as { conditions?: Condition[] } | undefined)?.conditions ?? [];

describe('status writes share unchanged conditions', () => {
  it('an unchanged condition is the same stored object in the next Rollout version', () => {
    const file = join(import.meta.dirname, '../../simulations/blue-to-yellow.yaml');
    const scenario = parseScenario(readFileSync(file, 'utf8'), file).scenario!;
    const world = worldFor(scenario);
    const versions: KubeObject[] = [];
    world.cluster.store.watch('Rollout', (e) => {
      if (e.type === 'MODIFIED') versions.push(e.object as unknown as KubeObject);
    });
    settleInitialDeploy(world);
    expect(runScript(scenario, world).passed).toBe(true);
    let unchanged = 0;
    let changedLists = 0;
    for (let i = 1; i < versions.length; i++) {
      const before = conditionsOf(versions[i - 1]);
      const after = conditionsOf(versions[i]);
      if (after !== before) changedLists++;
      for (const c of after) {
        const old = before.find((b) => b.type === c.type);
        if (old === undefined || !jsonEqual(old, c)) continue;
        unchanged++;
        expect(c).toBe(old);
      }
    }
    // The walkthrough rewrites the conditions list many times; each kept condition was shared.
    expect(changedLists).toBeGreaterThan(10);
    expect(unchanged).toBeGreaterThan(50);
  });
});
