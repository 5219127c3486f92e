// Builders for the validation table tests: small manifests written as YAML, loaded with the real
// loader (so positions and paths are the production ones), then validated.
import { expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { ValidationIssue } from '../../../src/model/issues';
import { loadManifests } from '../../../src/model/load';
import { validateObjects } from '../../../src/model/validation';

/** A JSON-shaped manifest the tests mutate freely. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- builders reach into nested fields
export type Doc = Record<string, any>;

/** baseCanary is a valid canary Rollout without traffic routing. */
export function baseCanary(): Doc {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    metadata: { name: 'demo' },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'demo' } },
      template: {
        metadata: { labels: { app: 'demo' } },
        spec: { containers: [{ name: 'app', image: 'argoproj/rollouts-demo:blue' }] },
      },
      strategy: { canary: { steps: [{ setWeight: 20 }, { pause: {} }] } },
    },
  };
}

/** baseBlueGreen is a valid blue-green Rollout. */
export function baseBlueGreen(): Doc {
  const r = baseCanary();
  r.spec.strategy = { blueGreen: { activeService: 'demo-active', previewService: 'demo-preview' } };
  return r;
}

/** canaryWith returns baseCanary with `mutate` applied to spec.strategy.canary. */
export function canaryWith(mutate: (canary: Doc, spec: Doc) => void): Doc {
  const r = baseCanary();
  mutate(r.spec.strategy.canary, r.spec);
  return r;
}

/** service builds a Service selecting `selector`. */
export function service(name: string, selector: Record<string, string> = { app: 'demo' }): Doc {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name },
    spec: { selector, ports: [{ port: 80, targetPort: 8080 }] },
  };
}

/** template builds an AnalysisTemplate with the given metrics (and optional extra spec). */
export function analysisTemplate(name: string, metrics: Doc[], extra: Doc = {}): Doc {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AnalysisTemplate',
    metadata: { name },
    spec: { metrics, ...extra },
  };
}

/** metric builds a valid one-shot web metric, overridden by `extra`. */
export function metric(extra: Doc = {}): Doc {
  return { name: 'ok', provider: { web: { url: 'http://x' } }, ...extra };
}

/** toYaml renders documents as one multi-document YAML text. */
export function toYaml(...docs: Doc[]): string {
  return docs.map((d) => stringify(d)).join('---\n');
}

/** validateYaml loads YAML text with the real loader and validates what it read. */
export function validateYaml(text: string, file = 'test.yaml'): ValidationIssue[] {
  const loaded = loadManifests(text, file);
  return validateObjects(loaded.objects);
}

/** validateDocs renders documents to YAML and validates them. */
export function validateDocs(...docs: Doc[]): ValidationIssue[] {
  return validateYaml(toYaml(...docs));
}

/** summary renders issues compactly for readable assertion failures. */
export function summary(issues: readonly ValidationIssue[]): string[] {
  return issues.map((i) => `${i.path} [${i.code}] ${i.message}`);
}

/** RuleCase is one row of a rule table: a manifest that breaks the rule and its valid twin. */
export interface RuleCase {
  readonly name: string;
  readonly bad: readonly Doc[];
  readonly good: readonly Doc[];
  readonly path: string;
  readonly code: string;
  readonly message: string;
}

/** runRuleCases asserts each bad manifest reports (path, code, message) and each twin is clean. */
export function runRuleCases(cases: readonly RuleCase[]): void {
  it.each(cases)('$name: reported at $path', ({ bad, path, code, message }) => {
    const issues = validateDocs(...bad);
    const hit = issues.find((i) => i.code === code && i.path === path);
    expect(hit, summary(issues).join('\n')).toBeDefined();
    expect(hit?.message).toContain(message);
    expect(hit?.severity).toBe('error');
    expect(hit?.file).toBe('test.yaml');
    expect(hit?.line).toBeGreaterThan(0);
  });
  it.each(cases)('$name: valid twin has no issue', ({ good }) => {
    expect(summary(validateDocs(...good))).toEqual([]);
  });
}
