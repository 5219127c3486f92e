import { Text } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { loadAndCheck } from '../../../src/model';
import type { ValidationIssue } from '../../../src/model';
import { issueText, issuesToDiagnostics } from '../../../src/ui/editor/diagnostics';
import { BROKEN_ROLLOUT_YAML } from '../../../stories/objects/fixtures';

const issue = (
  line: number,
  column: number,
  extra: Partial<ValidationIssue> = {},
): ValidationIssue => ({
  file: 'r.yaml',
  line,
  column,
  path: 'spec.replicas',
  code: 'x.code',
  message: 'must be greater than or equal to 0',
  severity: 'error',
  ...extra,
});

describe('issuesToDiagnostics', () => {
  const doc = Text.of(['kind: Rollout', 'spec:', '  replicas: -1', '']);

  it('underlines the key token at line:column and carries path, message and code', () => {
    const [d] = issuesToDiagnostics(doc, [issue(3, 3)]);
    expect(doc.sliceString(d.from, d.to)).toBe('replicas');
    expect(d).toMatchObject({
      severity: 'error',
      message: 'spec.replicas: must be greater than or equal to 0',
      source: 'x.code',
      line: 3,
    });
  });

  it('underlines a value token when the column points at it', () => {
    const [d] = issuesToDiagnostics(doc, [issue(3, 13)]);
    expect(doc.sliceString(d.from, d.to)).toBe('-1');
  });

  it('clamps lines past the end and columns past the line', () => {
    const [past, wide] = issuesToDiagnostics(doc, [issue(99, 1), issue(1, 80)]);
    expect(past.line).toBe(4);
    expect(wide.from).toBe(doc.line(1).to);
    expect(wide.to).toBeGreaterThan(wide.from);
  });

  it('keeps warnings as warnings and omits an empty path', () => {
    const [d] = issuesToDiagnostics(doc, [issue(1, 1, { severity: 'warning', path: '' })]);
    expect(d.severity).toBe('warning');
    expect(d.message).toBe('must be greater than or equal to 0');
  });

  it('maps every issue the model reports for a broken Rollout onto its token', () => {
    const { issues } = loadAndCheck(BROKEN_ROLLOUT_YAML, 'rollout.yaml');
    expect(issues.length).toBeGreaterThanOrEqual(3);
    const text = Text.of(BROKEN_ROLLOUT_YAML.split('\n'));
    const tokens = issuesToDiagnostics(text, issues).map((d) => text.sliceString(d.from, d.to));
    expect(tokens).toEqual(expect.arrayContaining(['replicas', 'stratgy', 'setWeight']));
  });

  it('issueText joins path and message like lint does', () => {
    expect(issueText({ path: 'a.b', message: 'bad' })).toBe('a.b: bad');
    expect(issueText({ path: '', message: 'bad' })).toBe('bad');
  });
});
