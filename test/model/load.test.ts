import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_MANIFEST_CHARS,
  MODEL_ISSUE_CODES,
  loadManifests,
  parsePath,
  pathFromJsonPointer,
  pathToString,
} from '../../src/model/index';

const ROLLOUT = `apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata:
  name: demo
  namespace: ns
  annotations:
    foo.bar/baz: "x"
spec:
  replicas: 5
  strategy:
    canary:
      steps:
      - setWeight: 20
      - pause: {}
      - setWeight: 40
      - pause: {duration: 10}
`;

describe('paths', () => {
  it.each([
    [
      ['spec', 'strategy', 'canary', 'steps', 2, 'setWeight'],
      'spec.strategy.canary.steps[2].setWeight',
    ],
    [['metadata', 'annotations', 'foo.bar/baz'], 'metadata.annotations[foo.bar/baz]'],
    [['metadata', 'labels', 'app'], 'metadata.labels.app'],
    [['unknown-strategy'], 'unknown-strategy'],
    [['a b', 0], '[a b][0]'],
    [[], ''],
  ])('%j ⇄ %s', (segments, text) => {
    expect(pathToString(segments)).toBe(text);
    expect(parsePath(text)).toEqual(segments);
  });
  it('reads hyphenated identifiers and JSON pointers', () => {
    expect(parsePath('spec.strategy.unknown-strategy')).toEqual([
      'spec',
      'strategy',
      'unknown-strategy',
    ]);
    expect(pathFromJsonPointer('/spec/steps/0/setWeight')).toEqual([
      'spec',
      'steps',
      0,
      'setWeight',
    ]);
    expect(pathFromJsonPointer('/metadata/annotations/a~1b')).toEqual([
      'metadata',
      'annotations',
      'a/b',
    ]);
  });
});

describe('loadManifests', () => {
  it('loads an object with identity fields', () => {
    const { objects, issues } = loadManifests(ROLLOUT, 'r.yaml');
    expect(issues).toEqual([]);
    expect(objects).toHaveLength(1);
    const [o] = objects;
    expect(o).toMatchObject({
      kind: 'Rollout',
      apiVersion: 'argoproj.io/v1alpha1',
      name: 'demo',
      namespace: 'ns',
      docIndex: 0,
      file: 'r.yaml',
      known: true,
    });
    expect(o?.object.spec).toMatchObject({ replicas: 5 });
  });

  it('locates nested paths at the key, list items at their start', () => {
    const [o] = loadManifests(ROLLOUT, 'r.yaml').objects;
    expect(o?.locate('spec.replicas')).toEqual({ line: 9, column: 3 });
    expect(o?.locate('spec.strategy.canary.steps[2].setWeight')).toEqual({ line: 15, column: 9 });
    expect(o?.locate('spec.strategy.canary.steps[2]')).toEqual({ line: 15, column: 9 });
    expect(o?.locate('spec.strategy.canary.steps[3].pause.duration')).toEqual({
      line: 16,
      column: 17,
    });
    expect(o?.locate(['spec', 'strategy', 'canary', 'steps', 3, 'pause', 'duration'])).toEqual({
      line: 16,
      column: 17,
    });
    expect(o?.locate('metadata.annotations[foo.bar/baz]')).toEqual({ line: 7, column: 5 });
    expect(o?.locate('')).toEqual({ line: 1, column: 1 });
  });

  it('falls back to the deepest existing key for missing children', () => {
    const [o] = loadManifests(ROLLOUT, 'r.yaml').objects;
    expect(o?.locate('spec.strategy.canary.maxSurge')).toEqual({ line: 11, column: 5 });
    expect(o?.locate('spec.strategy.canary.steps[9].setWeight')).toEqual({ line: 12, column: 7 });
    expect(o?.locate('spec.replicas.nope')).toEqual({ line: 9, column: 3 });
  });

  it('gives value spans for highlighting', () => {
    const [o] = loadManifests(ROLLOUT, 'r.yaml').objects;
    expect(o?.span('spec.replicas')).toEqual({ line: 9, column: 13, endLine: 9, endColumn: 14 });
  });

  it('keeps positions absolute across documents', () => {
    const text = `---\napiVersion: v1\nkind: Service\nmetadata: {name: a}\n---\n# comment only\n---\n${ROLLOUT}`;
    const { objects, issues } = loadManifests(text, 'multi.yaml');
    expect(issues).toEqual([]);
    expect(objects.map((o) => [o.kind, o.docIndex])).toEqual([
      ['Service', 0],
      ['Rollout', 2],
    ]);
    expect(objects[1]?.locate('spec.replicas')).toEqual({ line: 16, column: 3 });
    expect(objects[0]?.locate('metadata.name')).toEqual({ line: 4, column: 12 });
  });

  it('reads JSON', () => {
    const json =
      '{\n  "apiVersion": "v1",\n  "kind": "Service",\n  "metadata": {"name": "s"},\n  "spec": {"ports": [{"port": 80}]}\n}';
    const { objects, issues } = loadManifests(json, 's.json');
    expect(issues).toEqual([]);
    expect(objects[0]?.name).toBe('s');
    expect(objects[0]?.locate('spec.ports[0].port')).toEqual({ line: 5, column: 23 });
  });

  it('reads YAML 1.1 scalars like Kubernetes does, and merge keys', () => {
    const text =
      'apiVersion: v1\nkind: ConfigMap\nmetadata: &m {name: c}\ndata:\n  a: yes\nx:\n  <<: {k: 1}\n';
    const [o] = loadManifests(text, 'c.yaml').objects;
    expect(o?.object.data).toEqual({ a: true });
    expect(o?.object.x).toEqual({ k: 1 });
  });

  it('expands kind: List', () => {
    const text =
      'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Service\n  metadata: {name: a}\n- apiVersion: v1\n  kind: Service\n  metadata:\n    name: b\n';
    const { objects } = loadManifests(text, 'l.yaml');
    expect(objects.map((o) => o.name)).toEqual(['a', 'b']);
    expect(objects[1]?.locate('metadata.name')).toEqual({ line: 10, column: 5 });
  });

  it('keeps unknown kinds as opaque objects', () => {
    const { objects, issues } = loadManifests(
      'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n',
      'w.yaml',
    );
    expect(issues).toEqual([]);
    expect(objects[0]).toMatchObject({ kind: 'Widget', known: false });
  });

  it('warns about a known kind under an unknown apiVersion', () => {
    const { objects, issues } = loadManifests(
      'apiVersion: argoproj.io/v1beta1\nkind: Rollout\n',
      'r.yaml',
    );
    expect(objects).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      code: MODEL_ISSUE_CODES.unknownApiVersion,
      severity: 'warning',
      line: 1,
    });
  });
});

describe('loadManifests problems', () => {
  const only = (text: string) => loadManifests(text, 'f.yaml').issues;

  it('empty input → no objects found', () => {
    for (const text of ['', '   \n', '# just a comment\n', '---\n---\n']) {
      expect(only(text)).toEqual([
        expect.objectContaining({
          code: MODEL_ISSUE_CODES.noObjects,
          message: 'no objects found',
          line: 1,
          column: 1,
        }),
      ]);
    }
  });

  it('syntax errors carry line and column', () => {
    const bad = only('apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n   bad: indent\n');
    expect(bad[0]).toMatchObject({
      code: MODEL_ISSUE_CODES.yamlSyntax,
      severity: 'error',
      line: 4,
      column: 9,
    });
    const dup = only('apiVersion: v1\nkind: Service\nkind: Pod\n');
    expect(dup[0]).toMatchObject({ code: MODEL_ISSUE_CODES.yamlSyntax, line: 3, column: 1 });
    expect(dup[0]?.message).toContain('duplicate key "kind"');
    const tab = only('apiVersion: v1\nkind: Service\nmetadata:\n\tname: a\n');
    expect(tab[0]).toMatchObject({ code: MODEL_ISSUE_CODES.yamlSyntax, line: 4, column: 1 });
    const quote = only('apiVersion: "v1\nkind: Service\n');
    expect(quote[0]?.code).toBe(MODEL_ISSUE_CODES.yamlSyntax);
  });

  it('reports unquoted {{args}} placeholders (a map used as a key)', () => {
    const issues = only(
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  annotations:\n    a: {{args.x}}\n',
    );
    expect(issues[0]).toMatchObject({ code: MODEL_ISSUE_CODES.yamlSyntax, line: 5 });
    expect(issues[0]?.message).toContain('invalid map key');
  });

  it('non-object documents', () => {
    expect(only('- a\n- b\n')[0]).toMatchObject({
      code: MODEL_ISSUE_CODES.notObject,
      line: 1,
      column: 1,
    });
    expect(only('apiVersion: v1\nkind: Service\n---\njust a string\n')[0]).toMatchObject({
      code: MODEL_ISSUE_CODES.notObject,
      line: 4,
    });
  });

  it('missing kind / apiVersion name the field', () => {
    expect(only('kind: Service\n')).toEqual([
      expect.objectContaining({ code: MODEL_ISSUE_CODES.missingApiVersion, path: 'apiVersion' }),
    ]);
    expect(only('apiVersion: v1\n')).toEqual([
      expect.objectContaining({ code: MODEL_ISSUE_CODES.missingKind, path: 'kind' }),
    ]);
    const both = only('metadata: {name: a}\n');
    expect(both.map((i) => i.code)).toEqual([
      MODEL_ISSUE_CODES.missingApiVersion,
      MODEL_ISSUE_CODES.missingKind,
    ]);
  });

  it('binary garbage and NUL bytes', () => {
    const nul = only('apiVersion: v1\nkind: Service\x00\n');
    expect(nul).toEqual([
      expect.objectContaining({ code: MODEL_ISSUE_CODES.binary, line: 2, column: 14 }),
    ]);
    expect(nul[0]?.message).toContain('NUL');
    const png = only(String.fromCharCode(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a));
    expect(png[0]?.code).toBe(MODEL_ISSUE_CODES.binary);
  });

  it('oversized input is refused without parsing', () => {
    const issues = only('#'.repeat(MAX_MANIFEST_CHARS + 1));
    expect(issues).toEqual([expect.objectContaining({ code: MODEL_ISSUE_CODES.tooLarge })]);
    expect(issues[0]?.message).toContain('file too large');
  });

  it('billion laughs is an issue, not a hang or a throw', () => {
    const lol = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 9; i++)
      lol.push(
        `${'b'.repeat(i + 1)}: &${'b'.repeat(i + 1)} [${Array(9)
          .fill(`*${i === 0 ? 'a' : 'b'.repeat(i)}`)
          .join(',')}]`,
      );
    const { issues } = loadManifests(
      `${lol.join('\n')}\napiVersion: v1\nkind: ConfigMap\n`,
      'lol.yaml',
    );
    expect(issues.length).toBeGreaterThan(0);
  });
});

describe('loadManifests never throws (fast-check)', () => {
  const check = (text: string): void => {
    const r = loadManifests(text, 'fuzz.yaml');
    expect(Array.isArray(r.objects)).toBe(true);
    for (const issue of r.issues) {
      expect(issue.line).toBeGreaterThanOrEqual(1);
      expect(issue.column).toBeGreaterThanOrEqual(1);
    }
    for (const o of r.objects) {
      o.locate('spec.strategy.canary.steps[0].setWeight');
      o.locate('[');
      o.span('a..b]]');
    }
  };

  it('fc.string(), seed 20240601', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), check), { seed: 20240601, numRuns: 500 });
  });

  it('fc.uint8Array as latin1, seed 424242', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) =>
        check(String.fromCharCode(...bytes)),
      ),
      { seed: 424242, numRuns: 500 },
    );
  });

  it('YAML-ish token soup, seed 7', () => {
    const token = fc.constantFrom(
      'apiVersion: v1\n',
      'kind: Rollout\n',
      '  ',
      '- ',
      ': ',
      '{',
      '}',
      '[',
      ']',
      '&a ',
      '*a',
      '<<: ',
      '---\n',
      '"',
      "'",
      '#',
      '\t',
      '\n',
      'spec:\n',
      '? ',
      '|\n',
      '!!str ',
      '%YAML 1.2\n',
      'x',
    );
    fc.assert(
      fc.property(
        fc.array(token, { maxLength: 60 }).map((t) => t.join('')),
        check,
      ),
      { seed: 7, numRuns: 500 },
    );
  });
});
