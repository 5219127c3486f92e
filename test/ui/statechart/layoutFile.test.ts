import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  LAYOUT_FILE,
  rolloutDescription,
  statechartLayouts,
} from '../../../scripts/genStatechartLayout';
import { createSimStore } from '../../../src/store';

describe('precomputed statechart layout (src/ui/statechart/rolloutLayout.json)', () => {
  it('is what elk lays out for the rollout machine today (regenerate: npx tsx scripts/genStatechartLayout.ts)', async () => {
    const committed: unknown = JSON.parse(readFileSync(LAYOUT_FILE, 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(await statechartLayouts())));
  });

  it('describes the same machine the store reads from the rollout actor', () => {
    const fromStore = createSimStore({ scenario: 'blue-to-yellow' }).getState().statechart;
    expect(fromStore).toEqual(rolloutDescription());
  });
});
