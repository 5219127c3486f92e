/**
 * Every scenario under simulations/: parses, passes the manifest checks, runs to a passing end,
 * and its `--json` lines match a golden file (test/__golden__/<name>.jsonl). Same seed twice gives
 * byte-identical lines; another seed still passes. Features that come later are refused at load
 * with the field path and line:column.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkScenarioManifests,
  parseScenario,
  runScenario,
  type Scenario,
} from '../../src/scenario';

const ROOT = resolve(__dirname, '../..');
const SIM_DIR = join(ROOT, 'simulations');
const FILES = readdirSync(SIM_DIR)
  .filter((f) => f.endsWith('.yaml'))
  .sort();

function load(file: string): Scenario {
  const abs = join(SIM_DIR, file);
  const readFile = (path: string) => {
    try {
      return readFileSync(resolve(dirname(abs), path), 'utf8');
    } catch {
      return undefined;
    }
  };
  const parsed = parseScenario(readFileSync(abs, 'utf8'), `simulations/${file}`, readFile);
  const errors = parsed.issues.filter((i) => i.severity === 'error');
  expect(errors).toEqual([]);
  expect(parsed.scenario).toBeDefined();
  return parsed.scenario!;
}

describe('simulations/*.yaml', () => {
  it('there are scenario files to check', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(9);
  });

  describe.each(FILES)('%s', (file) => {
    const name = basename(file, '.yaml');

    it('parses, passes the manifest checks and runs to a passing end (golden --json lines)', async () => {
      const scenario = load(file);
      expect(scenario.name).toBe(name);
      expect(checkScenarioManifests(scenario)).toEqual([]);
      const run = runScenario(scenario);
      expect(run.result.failure ?? null).toBeNull();
      expect(run.result.passed).toBe(true);
      const last = JSON.parse(run.lines[run.lines.length - 1]) as { kind: string; passed: boolean };
      expect(last).toMatchObject({ kind: 'summary', passed: true });
      await expect(`${run.lines.join('\n')}\n`).toMatchFileSnapshot(
        join(ROOT, 'test/__golden__', `${name}.jsonl`),
      );
    });

    it('is deterministic: the same seed twice gives byte-identical lines; another seed still passes', () => {
      const scenario = load(file);
      const a = runScenario(scenario, scenario.seed).lines.join('\n');
      const b = runScenario(scenario, scenario.seed).lines.join('\n');
      expect(b).toBe(a);
      const other = runScenario(scenario, scenario.seed + 17);
      expect(other.result.failure ?? null).toBeNull();
      expect(other.result.passed).toBe(true);
    });
  });
});

// ---- features that come later are refused with a field path and line:column ----

const HEAD = `kind: Scenario
name: later
manifests:
  - apiVersion: argoproj.io/v1alpha1
    kind: Rollout
    metadata:
      name: demo
    spec:
      replicas: 2
      selector:
        matchLabels: { app: demo }
      template:
        metadata:
          labels: { app: demo }
        spec:
          containers:
            - name: app
              image: demo:v1
      strategy:
`;

const TEMPLATE = `  - apiVersion: argoproj.io/v1alpha1
    kind: AnalysisTemplate
    metadata:
      name: ok
    spec:
      metrics:
        - name: ok
          provider:
            job:
              spec:
                template:
                  spec:
                    restartPolicy: Never
                    containers:
                      - name: c
                        image: busybox
`;

const SERVICES = `  - apiVersion: v1
    kind: Service
    metadata: { name: canary }
    spec: { selector: { app: demo }, ports: [{ port: 80 }] }
  - apiVersion: v1
    kind: Service
    metadata: { name: stable }
    spec: { selector: { app: demo }, ports: [{ port: 80 }] }
`;

const SCRIPT = `script:
  - wait: 1s
`;

/** lineOf returns the 1-based line number of the first line after the HEAD containing `needle`. */
function lineOf(text: string, needle: string): number {
  const from = HEAD.split('\n').length - 1;
  const i = text.split('\n').findIndex((l, n) => n >= from && l.includes(needle));
  expect(i).toBeGreaterThanOrEqual(0);
  return i + 1;
}

function refusal(text: string) {
  const parsed = parseScenario(text, 'later.yaml');
  expect(parsed.issues.filter((i) => i.severity === 'error')).toEqual([]);
  return checkScenarioManifests(parsed.scenario!).filter((i) => i.code === 'scenario.unsupported');
}

describe('checkScenarioManifests refuses what the engine cannot simulate', () => {
  const cases: {
    title: string;
    strategy: string;
    extra?: string;
    path: string;
    needle: string;
    words: RegExp;
  }[] = [
    {
      title: 'a step plugin',
      strategy: `        canary:
          steps:
            - setWeight: 10
            - plugin:
                name: argoproj-labs/sample
                config: {}
`,
      path: 'spec.strategy.canary.steps[1].plugin',
      needle: '- plugin:',
      words: /plugin/,
    },
    {
      title: 'an unsupported traffic router (appMesh)',
      strategy: `        canary:
          canaryService: canary
          stableService: stable
          trafficRouting:
            appMesh:
              virtualService: { name: vs }
              virtualNodeGroup:
                canaryVirtualNodeRef: { name: c }
                stableVirtualNodeRef: { name: s }
          steps:
            - setWeight: 10
`,
      extra: SERVICES,
      path: 'spec.strategy.canary.trafficRouting',
      needle: 'trafficRouting:',
      words: /appMesh/i,
    },
  ];

  it.each(cases)('$title', ({ strategy, extra, path, needle, words }) => {
    const text = `${HEAD}${strategy}${extra ?? ''}${SCRIPT}`;
    const issues = refusal(text);
    expect(issues.length).toBeGreaterThanOrEqual(1);
    // The field path inside the Rollout (the lint format is `file:line:column: path: message`).
    const issue = issues.find((i) => i.path === path || i.path.endsWith(`.${path}`));
    expect(issue, JSON.stringify(issues)).toBeDefined();
    expect(issue!.file).toBe('later.yaml');
    expect(issue!.message).toMatch(words);
    // The position points into the scenario file at the refused field (its line; a real column).
    // Positions are where the field's value starts: for a block map that is the line below its key.
    expect([lineOf(text, needle), lineOf(text, needle) + 1]).toContain(issue!.line);
    expect(issue!.column).toBeGreaterThan(1);
  });

  it.each([
    [
      'an analysis step',
      `        canary:
          steps:
            - setWeight: 20
            - analysis:
                templates: [{ templateName: ok }]
${TEMPLATE}`,
    ],
    [
      'background analysis',
      `        canary:
          analysis:
            templates: [{ templateName: ok }]
          steps:
            - setWeight: 20
${TEMPLATE}`,
    ],
    [
      'blue-green pre-promotion analysis',
      `        blueGreen:
          activeService: stable
          prePromotionAnalysis:
            templates: [{ templateName: ok }]
${TEMPLATE}${SERVICES}`,
    ],
    [
      'an experiment step',
      `        canary:
          steps:
            - experiment:
                duration: 1m
                templates:
                  - name: baseline
                    specRef: stable
`,
    ],
  ])('accepts %s now that the engine simulates it', (_title, strategy) => {
    expect(refusal(`${HEAD}${strategy}${SCRIPT}`)).toEqual([]);
  });

  it('a supported scenario has no refusals', () => {
    const text = `${HEAD}        canary:
          steps:
            - setWeight: 50
            - pause: { duration: 10 }
${SCRIPT}`;
    expect(refusal(text)).toEqual([]);
  });
});
