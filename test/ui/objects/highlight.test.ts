import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { highlightTree, highlightYaml, stripAnsi } from '../../../src/ui/objects/highlight';
import { groupObjects, groupOf, objectKey } from '../../../src/ui/objects/groups';
import { toYaml } from '../../../src/ui/objects/toYaml';
import {
  blueGreenPreviewWorld,
  canaryPausedWorld,
  objectsOf,
  treeOf,
} from '../../../stories/objects/fixtures';

const cliTree = readFileSync(
  new URL('../../../stories/objects/fixtures/blue-to-yellow.get.txt', import.meta.url),
  'utf8',
);
const joined = (segments: { text: string }[]) => segments.map((s) => s.text).join('');
const classed = (segments: { text: string; cls?: string }[], cls: string) =>
  segments.filter((s) => s.cls?.includes(cls)).map((s) => s.text);

describe('highlightTree', () => {
  const paused = treeOf(canaryPausedWorld());

  it('never changes a byte of real get rollout output (CLI and live world)', () => {
    for (const text of [cliTree, paused, treeOf(blueGreenPreviewWorld())]) {
      expect(joined(highlightTree(text))).toBe(text);
    }
  });

  it('colours status glyphs with their word', () => {
    const segs = highlightTree(paused);
    expect(classed(segs, 'rl-t-paused')).toEqual(['॥ Paused', '॥ Paused']);
    expect(classed(segs, 'rl-t-ok')).toContain('✔ Running');
    expect(classed(highlightTree(cliTree), 'rl-t-neutral')).toEqual(['• ScaledDown']);
    const made = '◌ Progressing ✖ Degraded ⚠ ImagePullBackOff ◷ Pending ? Unknown';
    expect(highlightTree(made).map((s) => s.cls)).toEqual([
      'rl-t-progress',
      undefined,
      'rl-t-bad',
      undefined,
      'rl-t-warn',
      undefined,
      'rl-t-wait',
      undefined,
      'rl-t-unknown',
    ]);
  });

  it('colours role tags only in the Images header and the INFO column', () => {
    const segs = highlightTree(paused);
    expect(classed(segs, 'rl-t-role--canary')).toEqual(['canary', 'canary']);
    expect(classed(segs, 'rl-t-role--stable')).toEqual(['stable', 'stable']);
    // The rollout name "rollouts-demo" and the image names are never coloured as roles.
    expect(classed(segs, 'rl-t-role').every((t) => /^(canary|stable)$/.test(t))).toBe(true);
  });

  it('strips ANSI colour codes', () => {
    expect(stripAnsi('\u001b[32m✔\u001b[0m Healthy')).toBe('✔ Healthy');
  });
});

describe('highlightYaml', () => {
  it('keeps every byte and marks keys, numbers, booleans and comments', () => {
    const world = canaryPausedWorld();
    for (const o of objectsOf(world)) {
      const text = toYaml(o);
      expect(joined(highlightYaml(text))).toBe(text);
    }
    const segs = highlightYaml('# c\nspec:\n  replicas: 5\n  paused: false\n  - name: "x"\n');
    expect(classed(segs, 'rl-y-key')).toEqual(['spec', 'replicas', 'paused', 'name']);
    expect(classed(segs, 'rl-y-num')).toEqual(['5']);
    expect(classed(segs, 'rl-y-bool')).toEqual(['false']);
    expect(classed(segs, 'rl-y-comment')).toEqual(['# c']);
    expect(classed(segs, 'rl-y-str')).toEqual(['"x"']);
  });
});

describe('groups', () => {
  it('groups a real world in teaching order with traffic kinds together', () => {
    const groups = groupObjects(objectsOf(canaryPausedWorld()));
    expect(groups.map((g) => [g.group, g.objects.length])).toEqual([
      ['Rollout', 1],
      ['ReplicaSet', 2],
      ['Pod', 5],
      ['Service', 1],
      ['Other', 1],
    ]);
    expect(groupOf('VirtualService')).toBe('Traffic');
    expect(groupOf('TrafficSplit')).toBe('Traffic');
    expect(groupOf('Ingress')).toBe('Traffic');
    expect(groupOf('AnalysisRun')).toBe('AnalysisRun');
    expect(groupOf('Traffic')).toBe('Other');
    expect(objectKey({ kind: 'Pod', metadata: { name: 'p', namespace: 'default' } })).toBe(
      'Pod/default/p',
    );
  });
});
