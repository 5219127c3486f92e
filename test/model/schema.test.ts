import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  MODEL_ISSUE_CODES,
  checkSchemas,
  checkAllUnknownFields,
  loadManifests,
  suggestField,
} from '../../src/model/index';

const SHARED = resolve(__dirname, '../../../shared');
const MANIFESTS = join(SHARED, 'reference/manifests');
const hasShared = existsSync(MANIFESTS);
if (!hasShared) console.warn(`skipping reference-manifest tests: ${MANIFESTS} not found`);

function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? filesUnder(p) : [p];
    });
}

function check(text: string, file = 'test.yaml') {
  const { objects, issues } = loadManifests(text, file);
  return {
    objects,
    load: issues,
    schema: checkSchemas(objects),
    unknown: checkAllUnknownFields(objects),
  };
}

/**
 * Argo's own example writes an unquoted `{{args.linkerd-enabled}}` annotation, which YAML reads as a
 * map with a map key; Kubernetes' YAML-to-JSON conversion rejects it, and so do we.
 */
const KNOWN_BROKEN: Record<string, string> = {
  'examples/traffic-management-rollout-linkerd.yaml': 'invalid map key',
};

describe.skipIf(!hasShared)('reference manifests (../shared/reference/manifests)', () => {
  const files = hasShared
    ? [
        ...filesUnder(join(MANIFESTS, 'getting-started')),
        ...readdirSync(join(MANIFESTS, 'examples'))
          .filter((f) => f.endsWith('.yaml'))
          .sort()
          .map((f) => join(MANIFESTS, 'examples', f)),
      ]
    : [];
  it.each(files.map((f) => [f.slice(MANIFESTS.length + 1), f]))(
    '%s loads with no schema or unknown-field issues',
    (rel, file) => {
      const r = check(readFileSync(file, 'utf8'), rel);
      const expected = KNOWN_BROKEN[rel];
      if (expected) {
        expect(r.load.map((i) => i.message).join('\n')).toContain(expected);
        return;
      }
      expect(r.load).toEqual([]);
      expect(r.objects.length).toBeGreaterThan(0);
      expect(r.schema).toEqual([]);
      expect(r.unknown).toEqual([]);
    },
  );

  it('lint/invalid-unknown-field.yml flags spec.strategy.unknown-strategy at its key', () => {
    const r = check(
      readFileSync(join(MANIFESTS, 'lint/invalid-unknown-field.yml'), 'utf8'),
      'invalid-unknown-field.yml',
    );
    expect(r.unknown).toEqual([
      expect.objectContaining({
        path: 'spec.strategy.unknown-strategy',
        message: 'unknown field "unknown-strategy"',
        code: MODEL_ISSUE_CODES.unknownField,
        line: 9,
        column: 5,
        object: 'Rollout/invalid-rollout',
      }),
    ]);
  });
});

const ROLLOUT = `apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata:
  name: demo
spec:
  replicas: 2
  selector:
    matchLabels: {app: demo}
  template:
    metadata:
      labels: {app: demo}
    spec:
      containers:
      - name: demo
        imagee: nginx
  strategy:
    canary:
      foo: 1
      steps:
      - setWeight: 20
      - setweight: 30
`;

describe('unknown fields', () => {
  it('reports each unknown field at its key, with hints', () => {
    const { unknown } = check(ROLLOUT);
    expect(unknown.map((i) => [i.path, i.line, i.column, i.message])).toEqual([
      [
        'spec.template.spec.containers[0].imagee',
        15,
        9,
        'unknown field "imagee" (did you mean "image"?)',
      ],
      ['spec.strategy.canary.foo', 18, 7, 'unknown field "foo"'],
      [
        'spec.strategy.canary.steps[1].setweight',
        21,
        9,
        'unknown field "setweight" (did you mean "setWeight"?)',
      ],
    ]);
  });

  it('does not enter free-form fields (maps, plugin config)', () => {
    const text = `apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata: {name: p, labels: {anything: goes}}
spec:
  strategy:
    canary:
      trafficRouting:
        plugins:
          argoproj-labs/gatewayAPI: {httpRoute: r, namespace: default}
      steps:
      - plugin: {name: x, config: {whatever: {deep: 1}}}
`;
    expect(check(text).unknown).toEqual([]);
  });

  it('checks core kinds too', () => {
    const text = 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  port: 80\n';
    expect(check(text).unknown).toEqual([
      expect.objectContaining({ path: 'spec.port', line: 5, column: 3 }),
    ]);
  });

  it('suggestField', () => {
    expect(suggestField('imagee', ['image', 'name'])).toBe('image');
    expect(suggestField('SETWEIGHT', ['setWeight'])).toBe('setWeight');
    expect(suggestField('zzz', ['image'])).toBeUndefined();
  });
});

describe('schema types', () => {
  it('reports wrong types with positions and merges int-or-string alternatives', () => {
    const text = `apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata: {name: demo}
spec:
  replicas: two
  strategy:
    canary:
      maxSurge: true
      steps:
      - setWeight: "20"
`;
    const { schema } = check(text);
    expect(schema.map((i) => [i.path, i.line, i.column, i.message])).toEqual([
      ['spec.replicas', 5, 3, 'invalid type: must be integer, got string'],
      [
        'spec.strategy.canary.maxSurge',
        8,
        7,
        'invalid type: must be string or integer, got boolean',
      ],
      [
        'spec.strategy.canary.steps[0].setWeight',
        10,
        9,
        'invalid type: must be integer, got string',
      ],
    ]);
    expect(
      schema.every((i) => i.code === MODEL_ISSUE_CODES.schema && i.object === 'Rollout/demo'),
    ).toBe(true);
  });

  it('reports missing required fields at the parent', () => {
    const { schema } = check(
      'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: x}\n',
    );
    expect(schema).toEqual([
      expect.objectContaining({
        path: 'spec',
        message: 'missing required field "spec"',
        line: 1,
        column: 1,
      }),
    ]);
  });

  it('skips kinds without a schema', () => {
    const { schema, unknown } = check(
      'apiVersion: networking.istio.io/v1beta1\nkind: VirtualService\nmetadata: {name: v}\nspec: {whatever: 1}\n',
    );
    expect(schema).toEqual([]);
    expect(unknown).toEqual([]);
  });
});
