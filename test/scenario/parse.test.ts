import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  issueInManifest,
  locateInManifest,
  parseScenario,
  resolveRelative,
  SCENARIO_ISSUE_CODES as CODES,
} from '../../src/scenario';
import type { ValidationIssue } from '../../src/model';
import { FULL_SCENARIO, readFake } from './fixtures';

const HEAD = 'kind: Scenario\nname: t\n';

/** brief keeps the fields a test compares. */
function brief(issues: readonly ValidationIssue[]) {
  return issues.map((i) => ({ path: i.path, line: i.line, column: i.column, code: i.code }));
}

function issuesOf(text: string, readFile = readFake) {
  return brief(parseScenario(text, 'sims/s.yaml', readFile).issues);
}

describe('parseScenario: a valid scenario', () => {
  const result = parseScenario(FULL_SCENARIO, 'sims/full.yaml', readFake);
  const scenario = result.scenario!;

  it('reports no issue and returns a scenario', () => {
    expect(result.issues).toEqual([]);
    expect(scenario).toBeDefined();
  });

  it('normalises the top-level fields', () => {
    expect({
      file: scenario.file,
      name: scenario.name,
      title: scenario.title,
      description: scenario.description,
      seed: scenario.seed,
      namespace: scenario.namespace,
      manifestFiles: scenario.manifestFiles,
      cluster: scenario.cluster,
      traffic: scenario.traffic,
    }).toEqual({
      file: 'sims/full.yaml',
      name: 'blue-to-yellow',
      title: 'Canary: blue to yellow',
      description: 'Shows a canary.\n',
      seed: 7,
      namespace: 'demo',
      manifestFiles: ['extra.yaml'],
      cluster: { podStartupMs: 3000, podStartupJitterMs: 500, podTerminationMs: 2000 },
      traffic: { requestsPerSecond: 20 },
    });
  });

  it('normalises versions and analysis (durations in ms)', () => {
    expect(scenario.versions).toEqual({
      'argoproj/rollouts-demo:yellow': { errorRate: 0, latencyMs: 80 },
      'argoproj/rollouts-demo:bad-red': {
        errorRate: 0.3,
        latencyMs: 400,
        crashLoop: false,
        neverReady: true,
      },
      'example/slow:v2': { startupMs: 45000, imagePullError: true },
      'example/job:fails': { exitCode: 1, runForMs: 20000 },
    });
    expect(scenario.analysis).toEqual({
      'success-rate': { kind: 'values', values: [0.99, 0.98, 0.6], afterMs: 0 },
      latency: { kind: 'value', value: 0.2, afterMs: 0 },
      smoke: { kind: 'phase', phase: 'Failed', afterMs: 30000 },
      'long-job': { kind: 'phase', phase: 'Successful', afterMs: 86_400_000 },
    });
  });

  it('keeps manifests raw, inline ones first, then each manifest file document', () => {
    expect(scenario.manifests.map((m) => [m.kind, m.name, m.file, m.basePath])).toEqual([
      ['Rollout', 'rollouts-demo', 'sims/full.yaml', 'manifests[0]'],
      ['Service', 'rollouts-demo', 'sims/full.yaml', 'manifests[1]'],
      ['Service', 'canary-svc', 'sims/extra.yaml', ''],
      ['Service', 'stable-svc', 'sims/extra.yaml', ''],
    ]);
    expect(scenario.manifests[0].object).toEqual({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Rollout',
      metadata: { name: 'rollouts-demo' },
      spec: { replicas: 5, strategy: { canary: { steps: [{ setWeight: 20 }, { pause: {} }] } } },
    });
    expect(scenario.manifests[0].range.start).toEqual({ line: 9, column: 5 });
  });

  it('turns every step into a kind-discriminated value', () => {
    const steps = scenario.script.map((s) => {
      const { index: _i, line: _l, column: _c, written: _w, ...rest } = s;
      return 'objects' in rest ? { ...rest, objects: rest.objects.map((o) => o.name) } : rest;
    });
    expect(steps).toEqual([
      { kind: 'setImage', image: 'argoproj/rollouts-demo:yellow' },
      {
        kind: 'waitFor',
        condition: { status: 'Paused', step: 1, setWeight: 20, actualWeight: 20 },
        timeoutMs: 90_000,
      },
      {
        kind: 'expect',
        condition: {
          canaryPods: 1,
          stablePods: 4,
          revisionPods: { '1': 4, '2': 1 },
          replicas: 5,
          availableReplicas: 5,
          readyReplicas: 5,
          updatedReplicas: 1,
          stableRevision: 1,
          currentRevision: 2,
          revisionScaleDownDelay: { '1': false },
          abort: false,
          message: 'CanaryPause',
          rolloutCondition: { type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated' },
          errorRate: { kind: 'range', below: 0.05 },
        },
      },
      {
        kind: 'expect',
        condition: {
          activeRevision: 1,
          previewRevision: 2,
          canaryWeight: 20,
          stableWeight: 80,
          analysisRun: { kind: 'background', phase: 'Running', count: 1 },
          metric: { name: 'success-rate', kind: 'background', phase: 'Running', measurements: 2 },
          serviceRevision: { 'rollouts-demo': 1 },
          errorRate: { kind: 'equals', value: 0 },
        },
      },
      { kind: 'promote' },
      { kind: 'promoteFull' },
      { kind: 'abort' },
      { kind: 'retry' },
      { kind: 'pause' },
      { kind: 'resume' },
      { kind: 'restart' },
      { kind: 'undo', toRevision: 1 },
      { kind: 'undo' },
      { kind: 'updateSpec' },
      { kind: 'updateSpec', patch: { spec: { replicas: 3 } } },
      { kind: 'scale', replicas: 3 },
      {
        kind: 'setVersion',
        image: 'argoproj/rollouts-demo:yellow',
        behaviour: { errorRate: 0.5, latencyMs: 1000, crashLoop: true, neverReady: false },
      },
      { kind: 'killPods', revision: 2, count: 1 },
      {
        kind: 'setMetric',
        metric: 'success-rate',
        outcome: { kind: 'values', values: [0.5], afterMs: 0 },
      },
      {
        kind: 'setMetric',
        metric: 'smoke',
        outcome: { kind: 'phase', phase: 'Error', afterMs: 10_000 },
      },
      { kind: 'wait', durationMs: 10_000 },
      { kind: 'wait', durationMs: 5_000 },
      { kind: 'apply', objects: ['cm'] },
      {
        kind: 'applyFile',
        path: 'more/obj.yaml',
        resolvedPath: 'sims/more/obj.yaml',
        objects: ['s'],
      },
    ]);
  });

  it('keeps each step as written, with its index and position', () => {
    const step = scenario.script[1];
    expect(step.written).toEqual({
      waitFor: { status: 'Paused', step: 1, setWeight: 20, actualWeight: 20, timeout: '1m30s' },
    });
    expect([step.index, step.line, step.column]).toEqual([1, 43, 5]);
  });

  it('applies the defaults of the contract', () => {
    const r = parseScenario(HEAD, 's.yaml');
    expect(r.issues).toEqual([]);
    expect(r.scenario).toEqual({
      file: 's.yaml',
      name: 't',
      seed: 1,
      namespace: 'default',
      manifests: [],
      manifestFiles: [],
      cluster: { podStartupMs: 2000, podStartupJitterMs: 0, podTerminationMs: 1000 },
      traffic: { requestsPerSecond: 50 },
      versions: {},
      analysis: {},
      script: [],
    });
  });

  it('defaults waitFor timeout to 10m and accepts `promote:` without a value', () => {
    const r = parseScenario(
      `${HEAD}manifests:\n  - {kind: Rollout, metadata: {name: r}}\nscript:\n  - promote:\n  - waitFor: {status: Healthy}\n`,
      's.yaml',
    );
    expect(r.issues).toEqual([]);
    expect(r.scenario!.script.map((s) => s.kind)).toEqual(['promote', 'waitFor']);
    expect(r.scenario!.script[1]).toMatchObject({ timeoutMs: 600_000 });
  });
});

describe('parseScenario: invalid fields name the path and line:column', () => {
  const cases: [string, string, { path: string; line: number; column: number; code: string }][] = [
    ['missing kind', 'name: t\n', { path: '', line: 1, column: 1, code: CODES.kind }],
    [
      'wrong kind',
      'kind: Rollout\nname: t\n',
      { path: 'kind', line: 1, column: 7, code: CODES.kind },
    ],
    ['missing name', 'kind: Scenario\n', { path: '', line: 1, column: 1, code: CODES.required }],
    [
      'name not a DNS label',
      'kind: Scenario\nname: Blue_Yellow\n',
      { path: 'name', line: 2, column: 7, code: CODES.invalidValue },
    ],
    [
      'seed not an integer',
      `${HEAD}seed: 1.5\n`,
      { path: 'seed', line: 3, column: 7, code: CODES.type },
    ],
    ['seed a string', `${HEAD}seed: "1"\n`, { path: 'seed', line: 3, column: 7, code: CODES.type }],
    [
      'namespace not a DNS label',
      `${HEAD}namespace: My.NS\n`,
      { path: 'namespace', line: 3, column: 12, code: CODES.invalidValue },
    ],
    [
      'title not a string',
      `${HEAD}title: [a]\n`,
      { path: 'title', line: 3, column: 8, code: CODES.type },
    ],
    [
      'manifests not a list',
      `${HEAD}manifests: {a: 1}\n`,
      { path: 'manifests', line: 3, column: 12, code: CODES.type },
    ],
    [
      'manifest not a map',
      `${HEAD}manifests:\n  - 3\n`,
      { path: 'manifests[0]', line: 4, column: 5, code: CODES.type },
    ],
    [
      'manifestFiles not a list',
      `${HEAD}manifestFiles: a.yaml\n`,
      { path: 'manifestFiles', line: 3, column: 16, code: CODES.type },
    ],
    [
      'cluster duration',
      `${HEAD}cluster:\n  podStartup: 2x\n`,
      { path: 'cluster.podStartup', line: 4, column: 15, code: CODES.duration },
    ],
    [
      'cluster negative',
      `${HEAD}cluster:\n  podTermination: -1\n`,
      { path: 'cluster.podTermination', line: 4, column: 19, code: CODES.duration },
    ],
    [
      'traffic negative',
      `${HEAD}traffic:\n  requestsPerSecond: -5\n`,
      { path: 'traffic.requestsPerSecond', line: 4, column: 22, code: CODES.invalidValue },
    ],
    [
      'traffic string',
      `${HEAD}traffic:\n  requestsPerSecond: lots\n`,
      { path: 'traffic.requestsPerSecond', line: 4, column: 22, code: CODES.type },
    ],
    [
      'errorRate above 1',
      `${HEAD}versions:\n  "img:v1": { errorRate: 1.5 }\n`,
      { path: 'versions[img:v1].errorRate', line: 4, column: 26, code: CODES.invalidValue },
    ],
    [
      'crashLoop not boolean',
      `${HEAD}versions:\n  img: { crashLoop: "yes" }\n`,
      { path: 'versions.img.crashLoop', line: 4, column: 21, code: CODES.type },
    ],
    [
      'exitCode not an integer',
      `${HEAD}versions:\n  img: { exitCode: 1.5 }\n`,
      { path: 'versions.img.exitCode', line: 4, column: 20, code: CODES.type },
    ],
    [
      'version not a map',
      `${HEAD}versions:\n  img: 3\n`,
      { path: 'versions.img', line: 4, column: 8, code: CODES.type },
    ],
    [
      'analysis phase',
      `${HEAD}analysis:\n  m: { phase: Done }\n`,
      { path: 'analysis.m.phase', line: 4, column: 15, code: CODES.invalidValue },
    ],
    [
      'analysis two outcomes',
      `${HEAD}analysis:\n  m: { value: 1, values: [1] }\n`,
      { path: 'analysis.m', line: 4, column: 6, code: CODES.invalidValue },
    ],
    [
      'analysis no outcome',
      `${HEAD}analysis:\n  m: { after: 1s }\n`,
      { path: 'analysis.m', line: 4, column: 6, code: CODES.invalidValue },
    ],
    [
      'analysis empty values',
      `${HEAD}analysis:\n  m: { values: [] }\n`,
      { path: 'analysis.m.values', line: 4, column: 16, code: CODES.type },
    ],
    [
      'script not a list',
      `${HEAD}script: {wait: 1s}\n`,
      { path: 'script', line: 3, column: 9, code: CODES.type },
    ],
    [
      'step with two keys',
      `${HEAD}script:\n  - wait: 1s\n    expect: {}\n`,
      { path: 'script[0]', line: 4, column: 5, code: CODES.step },
    ],
    [
      'unknown verb',
      `${HEAD}script:\n  - sleep: 1s\n`,
      { path: 'script[0].sleep', line: 4, column: 5, code: CODES.step },
    ],
    [
      'step not a map',
      `${HEAD}script:\n  - wait\n`,
      { path: 'script[0]', line: 4, column: 5, code: CODES.step },
    ],
    [
      'wait bad duration',
      `${HEAD}script:\n  - wait: soon\n`,
      { path: 'script[0].wait', line: 4, column: 11, code: CODES.duration },
    ],
    [
      'waitFor timeout',
      `${HEAD}script:\n  - wait: 1s\n  - wait: 2s\n  - wait: 3s\n  - waitFor: { abort: true, timeout: 10y }\n`,
      { path: 'script[3].waitFor.timeout', line: 7, column: 38, code: CODES.duration },
    ],
    [
      'status not a phase',
      `${HEAD}script:\n  - expect: { status: Done }\n`,
      { path: 'script[0].expect.status', line: 4, column: 23, code: CODES.invalidValue },
    ],
    [
      'step negative',
      `${HEAD}script:\n  - expect: { step: -1 }\n`,
      { path: 'script[0].expect.step', line: 4, column: 21, code: CODES.invalidValue },
    ],
    [
      'setWeight float',
      `${HEAD}script:\n  - expect: { setWeight: 2.5 }\n`,
      { path: 'script[0].expect.setWeight', line: 4, column: 26, code: CODES.type },
    ],
    [
      'revisionPods bad key',
      `${HEAD}script:\n  - expect:\n      revisionPods: { two: 1 }\n`,
      { path: 'script[0].expect.revisionPods.two', line: 5, column: 23, code: CODES.invalidValue },
    ],
    [
      'revisionPods bad value',
      `${HEAD}script:\n  - expect:\n      revisionPods: { "2": x }\n`,
      { path: 'script[0].expect.revisionPods[2]', line: 5, column: 28, code: CODES.type },
    ],
    [
      'revisionScaleDownDelay value',
      `${HEAD}script:\n  - expect:\n      revisionScaleDownDelay: { "1": 1 }\n`,
      { path: 'script[0].expect.revisionScaleDownDelay[1]', line: 5, column: 38, code: CODES.type },
    ],
    [
      'activeRevision zero',
      `${HEAD}script:\n  - expect: { activeRevision: 0 }\n`,
      { path: 'script[0].expect.activeRevision', line: 4, column: 31, code: CODES.invalidValue },
    ],
    [
      'abort not boolean',
      `${HEAD}script:\n  - expect: { abort: 1 }\n`,
      { path: 'script[0].expect.abort', line: 4, column: 22, code: CODES.type },
    ],
    [
      'analysisRun kind missing',
      `${HEAD}script:\n  - expect: { analysisRun: { phase: Running } }\n`,
      { path: 'script[0].expect.analysisRun', line: 4, column: 28, code: CODES.required },
    ],
    [
      'analysisRun bad kind',
      `${HEAD}script:\n  - expect: { analysisRun: { kind: step } }\n`,
      { path: 'script[0].expect.analysisRun.kind', line: 4, column: 36, code: CODES.invalidValue },
    ],
    [
      'metric name missing',
      `${HEAD}script:\n  - expect: { metric: { phase: Failed } }\n`,
      { path: 'script[0].expect.metric', line: 4, column: 23, code: CODES.required },
    ],
    [
      'metric measurements',
      `${HEAD}script:\n  - expect: { metric: { name: m, measurements: x } }\n`,
      { path: 'script[0].expect.metric.measurements', line: 4, column: 48, code: CODES.type },
    ],
    [
      'serviceRevision value',
      `${HEAD}script:\n  - expect: { serviceRevision: { svc: two } }\n`,
      { path: 'script[0].expect.serviceRevision.svc', line: 4, column: 39, code: CODES.type },
    ],
    [
      'rolloutCondition status',
      `${HEAD}script:\n  - expect: { rolloutCondition: { type: Available, status: Maybe } }\n`,
      {
        path: 'script[0].expect.rolloutCondition.status',
        line: 4,
        column: 60,
        code: CODES.invalidValue,
      },
    ],
    [
      'errorRate out of range',
      `${HEAD}script:\n  - expect: { errorRate: 2 }\n`,
      { path: 'script[0].expect.errorRate', line: 4, column: 26, code: CODES.invalidValue },
    ],
    [
      'errorRate empty bounds',
      `${HEAD}script:\n  - expect: { errorRate: {} }\n`,
      { path: 'script[0].expect.errorRate', line: 4, column: 26, code: CODES.required },
    ],
    [
      'setImage without image',
      `${HEAD}manifests: [{kind: Rollout, metadata: {name: r}}]\nscript:\n  - setImage: { container: c }\n`,
      { path: 'script[0].setImage', line: 5, column: 15, code: CODES.required },
    ],
    [
      'scale negative',
      `${HEAD}manifests: [{kind: Rollout, metadata: {name: r}}]\nscript:\n  - scale: -1\n`,
      { path: 'script[0].scale', line: 5, column: 12, code: CODES.invalidValue },
    ],
    [
      'scale not a number',
      `${HEAD}manifests: [{kind: Rollout, metadata: {name: r}}]\nscript:\n  - scale: three\n`,
      { path: 'script[0].scale', line: 5, column: 12, code: CODES.type },
    ],
    [
      'killPods count missing',
      `${HEAD}manifests: [{kind: Rollout, metadata: {name: r}}]\nscript:\n  - killPods: { revision: 1 }\n`,
      { path: 'script[0].killPods', line: 5, column: 15, code: CODES.required },
    ],
    [
      'undo toRevision',
      `${HEAD}manifests: [{kind: Rollout, metadata: {name: r}}]\nscript:\n  - undo: { toRevision: x }\n`,
      { path: 'script[0].undo.toRevision', line: 5, column: 25, code: CODES.type },
    ],
    [
      'updateSpec patch',
      `${HEAD}manifests: [{kind: Rollout, metadata: {name: r}}]\nscript:\n  - updateSpec: { patch: 3 }\n`,
      { path: 'script[0].updateSpec.patch', line: 5, column: 26, code: CODES.type },
    ],
    [
      'promote with a list',
      `${HEAD}manifests: [{kind: Rollout, metadata: {name: r}}]\nscript:\n  - promote: [1]\n`,
      { path: 'script[0].promote', line: 5, column: 14, code: CODES.type },
    ],
    [
      'setMetric without metric',
      `${HEAD}script:\n  - setMetric: { value: 1 }\n`,
      { path: 'script[0].setMetric', line: 4, column: 16, code: CODES.required },
    ],
    [
      'setVersion latency',
      `${HEAD}script:\n  - setVersion: { image: i, latency: fast }\n`,
      { path: 'script[0].setVersion.latency', line: 4, column: 38, code: CODES.duration },
    ],
    [
      'apply not a list',
      `${HEAD}script:\n  - apply: {kind: ConfigMap}\n`,
      { path: 'script[0].apply', line: 4, column: 12, code: CODES.type },
    ],
  ];
  it.each(cases)('%s', (_name, text, issue) => {
    expect(issuesOf(text)).toEqual([issue]);
  });

  it('reports several issues in one pass, in file order', () => {
    const issues = issuesOf(`kind: Scenario\nname: t\nseed: x\ncluster: { podStartup: 1y }\n`);
    expect(issues.map((i) => i.path)).toEqual(['seed', 'cluster.podStartup']);
  });

  it('returns no scenario when there is an error', () => {
    expect(parseScenario(`${HEAD}seed: x\n`, 's.yaml').scenario).toBeUndefined();
  });

  it('reports YAML syntax errors with line and column', () => {
    const issues = issuesOf('kind: Scenario\nname: t\nseed: [1, 2\n');
    expect(issues[0]).toMatchObject({ code: CODES.yamlSyntax, line: 4 });
    expect(issuesOf('kind: Scenario\nname: t\nname: u\n')[0]).toMatchObject({
      code: CODES.yamlSyntax,
      line: 3,
      column: 1,
    });
  });

  it('rejects a document that is not a map', () => {
    expect(issuesOf('- a\n- b\n')).toEqual([{ path: '', line: 1, column: 1, code: CODES.type }]);
    expect(issuesOf('')).toEqual([{ path: '', line: 1, column: 1, code: CODES.type }]);
  });
});

describe('parseScenario: unknown fields', () => {
  const cases: [string, string, string, number, number][] = [
    ['top level', `${HEAD}seeds: 3\n`, 'seeds', 3, 1],
    ['cluster', `${HEAD}cluster:\n  podStart: 1s\n`, 'cluster.podStart', 4, 3],
    ['traffic', `${HEAD}traffic: { rps: 3 }\n`, 'traffic.rps', 3, 12],
    [
      'versions entry',
      `${HEAD}versions:\n  img: { errorrate: 0.1 }\n`,
      'versions.img.errorrate',
      4,
      10,
    ],
    [
      'analysis entry',
      `${HEAD}analysis:\n  m: { value: 1, delay: 1s }\n`,
      'analysis.m.delay',
      4,
      18,
    ],
    [
      'condition',
      `${HEAD}script:\n  - expect: { phase: Healthy, abort: true }\n`,
      'script[0].expect.phase',
      4,
      15,
    ],
    [
      'timeout on expect',
      `${HEAD}script:\n  - expect: { abort: true, timeout: 1s }\n`,
      'script[0].expect.timeout',
      4,
      28,
    ],
    [
      'analysisRun',
      `${HEAD}script:\n  - expect: { analysisRun: { kind: inline, name: x } }\n`,
      'script[0].expect.analysisRun.name',
      4,
      44,
    ],
    [
      'setImage',
      `${HEAD}manifests: [{kind: Rollout, metadata: {name: r}}]\nscript:\n  - setImage: { image: i, tag: x }\n`,
      'script[0].setImage.tag',
      5,
      27,
    ],
    [
      'promote',
      `${HEAD}manifests: [{kind: Rollout, metadata: {name: r}}]\nscript:\n  - promote: { full: true }\n`,
      'script[0].promote.full',
      5,
      16,
    ],
  ];
  it.each(cases)('%s', (_name, text, path, line, column) => {
    expect(issuesOf(text)).toEqual([{ path, line, column, code: CODES.unknownField }]);
  });
});

describe('parseScenario: durations', () => {
  const ok: [unknown, number][] = [
    ['10s', 10_000],
    ['1m30s', 90_000],
    ['250ms', 250],
    ['1h', 3_600_000],
    ['1.5s', 1500],
    [30, 30_000],
    [0, 0],
    ['0', 0],
  ];
  it.each(ok)('wait: %j is %d ms', (value, ms) => {
    const r = parseScenario(`${HEAD}script:\n  - wait: ${JSON.stringify(value)}\n`, 's.yaml');
    expect(r.issues).toEqual([]);
    expect(r.scenario!.script[0]).toMatchObject({ kind: 'wait', durationMs: ms });
  });
  const bad: unknown[] = ['10x', '1d', '-1s', 1.5, -3, 'ten seconds', '', true, null, '0.5ms'];
  it.each(bad)('wait: %j is an error at script[0].wait', (value) => {
    expect(issuesOf(`${HEAD}script:\n  - wait: ${JSON.stringify(value)}\n`)).toEqual([
      { path: 'script[0].wait', line: 4, column: 11, code: CODES.duration },
    ]);
  });
});

describe('parseScenario: manifest files', () => {
  it('resolves paths against the scenario folder with /', () => {
    expect(resolveRelative('sims/a.yaml', 'b.yaml')).toBe('sims/b.yaml');
    expect(resolveRelative('sims/a.yaml', './m/../b.yaml')).toBe('sims/b.yaml');
    expect(resolveRelative('sims/x/a.yaml', '../../b.yaml')).toBe('b.yaml');
    expect(resolveRelative('a.yaml', '../b.yaml')).toBe('../b.yaml');
    expect(resolveRelative('/abs/a.yaml', 'b.yaml')).toBe('/abs/b.yaml');
    expect(resolveRelative('sims/a.yaml', '/etc/b.yaml')).toBe('/etc/b.yaml');
  });

  it('reads every document of a manifest file', () => {
    const r = parseScenario(`${HEAD}manifestFiles: [extra.yaml]\n`, 'sims/s.yaml', readFake);
    expect(r.issues).toEqual([]);
    expect(r.scenario!.manifests.map((m) => m.name)).toEqual(['canary-svc', 'stable-svc']);
  });

  it('names a missing file', () => {
    const r = parseScenario(
      `${HEAD}manifestFiles: [extra.yaml, nope.yaml]\n`,
      'sims/s.yaml',
      readFake,
    );
    expect(brief(r.issues)).toEqual([
      { path: 'manifestFiles[1]', line: 3, column: 29, code: CODES.fileNotFound },
    ]);
    expect(r.issues[0].message).toContain('sims/nope.yaml');
  });

  it('names a missing applyFile', () => {
    const r = parseScenario(`${HEAD}script:\n  - applyFile: gone.yaml\n`, 'sims/s.yaml', readFake);
    expect(brief(r.issues)).toEqual([
      { path: 'script[0].applyFile', line: 4, column: 16, code: CODES.fileNotFound },
    ]);
    expect(r.issues[0].message).toContain('sims/gone.yaml');
  });

  it('reports that files cannot be read without a reader', () => {
    const r = parseScenario(`${HEAD}manifestFiles: [extra.yaml]\n`, 'sims/s.yaml');
    expect(brief(r.issues)).toEqual([
      { path: 'manifestFiles[0]', line: 3, column: 17, code: CODES.fileNotFound },
    ]);
  });

  it('treats a throwing reader as a missing file', () => {
    const r = parseScenario(`${HEAD}manifestFiles: [x.yaml]\n`, 's.yaml', () => {
      throw new Error('EACCES');
    });
    expect(r.issues.map((i) => i.code)).toEqual([CODES.fileNotFound]);
  });

  it('reports syntax errors inside a manifest file at that file', () => {
    const r = parseScenario(`${HEAD}manifestFiles: [bad.yaml]\n`, 's.yaml', (p) =>
      p === 'bad.yaml' ? 'kind: Service\nmetadata: {name: [\n' : undefined,
    );
    expect(r.issues[0]).toMatchObject({ file: 'bad.yaml', code: CODES.manifestSyntax });
  });

  it('rejects a manifest file document that is not a map', () => {
    const r = parseScenario(
      `${HEAD}manifestFiles: [l.yaml]\n`,
      's.yaml',
      () => 'kind: A\n---\n- 1\n',
    );
    expect(brief(r.issues)).toEqual([{ path: '', line: 3, column: 1, code: CODES.type }]);
    expect(r.issues[0].file).toBe('l.yaml');
  });
});

describe('locating fields inside manifests', () => {
  const scenario = parseScenario(FULL_SCENARIO, 'sims/full.yaml', readFake).scenario!;

  it('maps a field path of an inline manifest to the scenario file', () => {
    expect(locateInManifest(scenario, 0, 'spec.strategy.canary.steps[1].pause')).toEqual({
      file: 'sims/full.yaml',
      line: 19,
      column: 22,
    });
    expect(locateInManifest(scenario, 0, 'spec.replicas')).toEqual({
      file: 'sims/full.yaml',
      line: 14,
      column: 17,
    });
    expect(locateInManifest(scenario, 0, 'metadata.name')).toMatchObject({ line: 12, column: 13 });
  });

  it('maps a field that is not written to its nearest written ancestor', () => {
    expect(locateInManifest(scenario, 0, 'spec.strategy.canary.maxSurge')).toMatchObject({
      line: 17,
      column: 11,
    });
    expect(locateInManifest(scenario, 0, 'spec.strategy.canary.steps[7].setWeight')).toMatchObject({
      line: 18,
      column: 13,
    });
  });

  it('maps a field of a manifest file document to that file', () => {
    expect(locateInManifest(scenario, 3, 'spec.ports[0].port')).toEqual({
      file: 'sims/extra.yaml',
      line: 12,
      column: 13,
    });
    expect(locateInManifest(scenario, 99, 'spec')).toEqual({
      file: 'sims/full.yaml',
      line: 1,
      column: 1,
    });
  });

  it('re-anchors a model issue with the scenario path', () => {
    const issue: ValidationIssue = {
      file: '',
      line: 0,
      column: 0,
      path: 'spec.strategy.canary.steps[0].setWeight',
      code: 'x',
      message: 'SetWeight needs to be between 0 and 100',
      severity: 'error',
    };
    expect(issueInManifest(scenario.manifests[0], issue)).toMatchObject({
      file: 'sims/full.yaml',
      line: 18,
      column: 26,
      path: 'manifests[0].spec.strategy.canary.steps[0].setWeight',
    });
    expect(issueInManifest(scenario.manifests[2], issue)).toMatchObject({
      file: 'sims/extra.yaml',
      path: 'spec.strategy.canary.steps[0].setWeight',
    });
  });
});

describe('parseScenario: which rollout an action targets', () => {
  const two = `${HEAD}manifests:\n  - {kind: Rollout, metadata: {name: a}}\n  - {kind: Rollout, metadata: {name: b}}\nscript:\n`;

  it('requires rollout: NAME when there are several Rollouts', () => {
    expect(issuesOf(`${two}  - promote: {}\n`)).toEqual([
      { path: 'script[0].promote', line: 7, column: 14, code: CODES.rollout },
    ]);
    expect(issuesOf(`${two}  - expect: { status: Healthy }\n`)).toEqual([
      { path: 'script[0].expect', line: 7, column: 13, code: CODES.rollout },
    ]);
  });

  it('accepts a named rollout and rejects an unknown one', () => {
    const r = parseScenario(
      `${two}  - promote: { rollout: b }\n  - scale: { replicas: 2, rollout: a }\n`,
      's.yaml',
    );
    expect(r.issues).toEqual([]);
    expect(r.scenario!.script).toMatchObject([
      { kind: 'promote', rollout: 'b' },
      { kind: 'scale', replicas: 2, rollout: 'a' },
    ]);
    expect(issuesOf(`${two}  - abort: { rollout: c }\n`)).toEqual([
      { path: 'script[0].abort.rollout', line: 7, column: 23, code: CODES.rollout },
    ]);
  });

  it('counts Rollouts the script applies', () => {
    const text = `${HEAD}manifests: [{kind: Rollout, metadata: {name: a}}]\nscript:\n  - apply: [{kind: Rollout, metadata: {name: b}}]\n  - promote: {}\n`;
    expect(issuesOf(text).map((i) => i.path)).toEqual(['script[1].promote']);
  });

  it('warns about a condition-less waitFor without failing the scenario', () => {
    const r = parseScenario(`${HEAD}script:\n  - waitFor: { timeout: 1s }\n`, 's.yaml');
    expect(r.scenario).toBeDefined();
    expect(r.issues).toMatchObject([{ code: CODES.emptyCondition, severity: 'warning' }]);
  });
});

describe('parseScenario never throws', () => {
  const SEED = 20240611;
  it(`on arbitrary text (fast-check seed ${SEED})`, () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const r = parseScenario(text, 'f.yaml', readFake);
        expect(Array.isArray(r.issues)).toBe(true);
      }),
      { seed: SEED, numRuns: 400 },
    );
  });

  it(`on mutations of a full scenario (fast-check seed ${SEED})`, () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: FULL_SCENARIO.length }),
        fc.integer({ min: 0, max: 40 }),
        fc.string({ maxLength: 20 }),
        (at, cut, insert) => {
          const text = FULL_SCENARIO.slice(0, at) + insert + FULL_SCENARIO.slice(at + cut);
          const r = parseScenario(text, 'sims/full.yaml', readFake);
          for (const issue of r.issues) {
            expect(issue.line).toBeGreaterThanOrEqual(1);
            expect(issue.column).toBeGreaterThanOrEqual(1);
          }
          expect(r.scenario === undefined || r.issues.every((i) => i.severity !== 'error')).toBe(
            true,
          );
        },
      ),
      { seed: SEED, numRuns: 400 },
    );
  });

  it(`on arbitrary JSON-like values under every field (fast-check seed ${SEED})`, () => {
    const fields = ['seed', 'manifests', 'cluster', 'versions', 'analysis', 'script', 'traffic'];
    fc.assert(
      fc.property(fc.constantFrom(...fields), fc.jsonValue({ maxDepth: 4 }), (field, value) => {
        const text = `${HEAD}${field}: ${JSON.stringify(value)}\n`;
        expect(() => parseScenario(text, 's.yaml', readFake)).not.toThrow();
      }),
      { seed: SEED, numRuns: 400 },
    );
  });

  it('on recursive aliases and alias bombs', () => {
    const texts = [
      `${HEAD}manifests: &a [*a]\n`,
      `${HEAD}script:\n  - updateSpec: &p { patch: *p }\n`,
      `${HEAD}a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n`,
    ];
    for (const text of texts) {
      const r = parseScenario(text, 's.yaml');
      expect(r.issues.length).toBeGreaterThan(0);
    }
  });
});
