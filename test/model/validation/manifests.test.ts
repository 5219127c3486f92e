// The reference manifests in ../shared: Argo's own lint test data and the getting-started and
// examples manifests. Valid ones must produce no validation issue; each invalid lint case must
// produce an issue naming the offending field.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadManifests } from '../../../src/model/load';
import type { LoadedObject } from '../../../src/model/load';
import { ISSUE_CODES, validateObjects } from '../../../src/model/validation';
import { summary } from './helpers';

const sharedDir = path.resolve(__dirname, '../../../../shared');
const manifestsDir = path.join(sharedDir, 'reference', 'manifests');
const hasShared = fs.existsSync(manifestsDir);

function load(file: string): LoadedObject[] {
  return loadManifests(fs.readFileSync(file, 'utf8'), path.basename(file)).objects;
}

function yamlFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? yamlFiles(path.join(dir, e.name)) : [path.join(dir, e.name)],
    )
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort();
}

const lintDir = path.join(manifestsDir, 'lint');
const lintFiles = yamlFiles(lintDir).map((f) => path.basename(f));
const validLint = lintFiles.filter((f) => f.startsWith('valid'));
const otherManifests = [
  ...yamlFiles(path.join(manifestsDir, 'getting-started')),
  ...yamlFiles(path.join(manifestsDir, 'examples')),
].map((f) => path.relative(manifestsDir, f));
const gettingStartedDirs = hasShared
  ? fs
      .readdirSync(path.join(manifestsDir, 'getting-started'), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
  : [];

/** Which field each invalid lint case gets wrong, read off the file. */
const INVALID_LINT: Record<string, { path: string; code: string }> = {
  'invalid.yml': {
    path: 'spec.strategy.canary.maxSurge',
    code: ISSUE_CODES.maxSurgeMaxUnavailableZero,
  },
  'invalid-multiple-docs.yml': {
    path: 'spec.strategy.canary.maxSurge',
    code: ISSUE_CODES.maxSurgeMaxUnavailableZero,
  },
  'invalid-ping-pong.yml': {
    path: 'spec.strategy.canary.pingPong.pingService',
    code: ISSUE_CODES.serviceSelectorMismatch,
  },
  // The unknown `unknown-strategy` key itself is the schema checker's; validation sees no strategy.
  'invalid-unknown-field.yml': { path: 'spec.strategy', code: ISSUE_CODES.strategyMissing },
  'invalid-empty-rollout-vsvc.yml': { path: 'spec.selector', code: ISSUE_CODES.selectorMissing },
};

describe.skipIf(!hasShared)('reference manifests (../shared/reference/manifests)', () => {
  it('finds the lint cases', () => {
    expect(validLint.length).toBeGreaterThan(0);
    expect(lintFiles.filter((f) => f.startsWith('invalid')).sort()).toEqual(
      Object.keys(INVALID_LINT).sort(),
    );
  });

  it.each(validLint)('lint/%s has no validation issue', (file) => {
    expect(summary(validateObjects(load(path.join(lintDir, file))))).toEqual([]);
  });

  it.each(Object.entries(INVALID_LINT))('lint/%s names the offending field', (file, want) => {
    const issues = validateObjects(load(path.join(lintDir, file)));
    expect(
      issues.some((i) => i.path === want.path && i.code === want.code),
      summary(issues).join('\n'),
    ).toBe(true);
  });

  it.each(otherManifests)('%s has no validation issue', (file) => {
    expect(summary(validateObjects(load(path.join(manifestsDir, file))))).toEqual([]);
  });

  it.each(gettingStartedDirs)(
    'getting-started/%s has no issue with all its files together',
    (dir) => {
      const objects = yamlFiles(path.join(manifestsDir, 'getting-started', dir)).flatMap(load);
      expect(objects.some((o) => o.kind === 'Rollout')).toBe(true);
      expect(summary(validateObjects(objects))).toEqual([]);
    },
  );

  it('checks references in a getting-started set for real (a broken Service is caught)', () => {
    const dir = path.join(manifestsDir, 'getting-started', 'nginx');
    const objects = yamlFiles(dir).flatMap(load);
    const svc = objects.find((o) => o.kind === 'Service' && o.name.endsWith('-canary'));
    expect(svc).toBeDefined();
    const spec = (svc?.object as unknown as { spec: { selector: Record<string, string> } }).spec;
    const original = { ...spec.selector };
    spec.selector = { ...original, app: 'not-the-rollout' };
    try {
      expect(validateObjects(objects).map((i) => i.code)).toContain(
        ISSUE_CODES.serviceSelectorMismatch,
      );
    } finally {
      spec.selector = original;
    }
  });
});

if (!hasShared) {
  describe('reference manifests', () => {
    it.skip(`skipped: ${sharedDir} is absent, so the reference manifests cannot be read`, () => {});
  });
}
