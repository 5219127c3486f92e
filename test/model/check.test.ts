import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MODEL_ISSUE_CODES, compareIssues, loadAndCheck } from '../../src/model/index';

const FIXTURES = resolve(__dirname, '../fixtures/yaml');
const fixture = (rel: string): string => readFileSync(resolve(FIXTURES, rel), 'utf8');

describe('loadAndCheck', () => {
  it('a valid fixture has no errors', () => {
    const r = loadAndCheck(fixture('valid/canary-basic.yaml'), 'canary-basic.yaml');
    expect(r.objects.map((o) => o.kind)).toEqual(['Rollout', 'Service']);
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('returns every issue sorted by file, line and column', () => {
    const r = loadAndCheck(fixture('invalid/mixed-problems.yaml'), 'mixed.yaml');
    const mine = r.issues.filter(
      (i) => i.code === MODEL_ISSUE_CODES.schema || i.code === MODEL_ISSUE_CODES.unknownField,
    );
    expect(mine.map((i) => [i.line, i.path])).toEqual([
      [7, 'spec.replicas'],
      [18, 'spec.template.spec.containers[0].imagee'],
    ]);
    // validation/ (Argo's rules) reports the two-type step
    expect(r.issues.some((i) => i.path === 'spec.strategy.canary.steps[0]')).toBe(true);
    const sorted = [...r.issues].sort(compareIssues);
    expect(r.issues).toEqual(sorted);
  });

  it('syntax errors stop at the loader', () => {
    const r = loadAndCheck(fixture('invalid/syntax.yaml'), 'syntax.yaml');
    expect(r.objects).toEqual([]);
    expect(r.issues).toEqual([
      expect.objectContaining({ code: MODEL_ISSUE_CODES.yamlSyntax, line: 5, column: 3 }),
    ]);
  });

  it('never throws on junk', () => {
    for (const junk of [
      '',
      '\u0000',
      '{',
      'kind: Rollout',
      '- 1',
      'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nspec: 5\n',
    ]) {
      expect(() => loadAndCheck(junk, 'junk.yaml')).not.toThrow();
    }
  });
});
