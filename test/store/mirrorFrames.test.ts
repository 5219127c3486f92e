/**
 * A mirror route's shadow copies reach the sandbox's frames marked `mirror`, so the request view
 * can draw them apart and keep them out of the users' shares.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario, runScript, worldFor } from '../../src/scenario';
import { selectServedShares } from '../../src/store/selectorsTraffic';
import { createFrameRecorder } from '../../src/store/frames';

const SOURCE = readFileSync(
  new URL('../../simulations/canary-mirror-route.yaml', import.meta.url),
  'utf8',
);

describe('mirrored requests in frames', () => {
  it('copies made by setMirrorRoute are in the frame, marked mirror, and not user requests', () => {
    // canary-mirror-route, stopped 15 s into its mirror step.
    const text = SOURCE.replace(
      /\nscript:\n[\s\S]*$/,
      `
script:
  - waitFor: { status: Healthy }
  - setImage: { image: argoproj/rollouts-demo:red }
  - waitFor: { status: Paused, step: 2 }
  - wait: 15s
`,
    );
    const parsed = parseScenario(text, 'mirror.yaml');
    expect(parsed.issues).toEqual([]);
    const world = worldFor(parsed.scenario!, parsed.scenario!.seed, { traffic: true });
    expect(runScript(parsed.scenario!, world).passed).toBe(true);
    const frame = createFrameRecorder(0).capture(world, undefined)!;
    const copies = frame.requests.filter((r) => r.mirror);
    expect(copies.length).toBeGreaterThan(0);
    // Every copy went to the canary (red), which fails them all; the users saw none of it.
    expect(new Set(copies.map((r) => r.version))).toEqual(new Set(['argoproj/rollouts-demo:red']));
    const shares = selectServedShares(frame.requests, 2000, frame.t);
    expect(shares.mirrored).toBe(copies.filter((r) => r.t > frame.t - 2000).length);
    expect(shares.errors).toBe(0);
  });
});
