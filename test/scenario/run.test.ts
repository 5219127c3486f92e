import { describe, expect, it } from 'vitest';
import {
  aggregateLine,
  aggregateOf,
  aggregateWords,
  formatFailure,
  formatVirtualTime,
  parseScenario,
  runScript,
  runWithJsonLines,
} from '../../src/scenario';
import type { Scenario } from '../../src/scenario';
import { FakeWorld } from './fakeWorld';

const HEAD = `kind: Scenario
name: t
manifests:
  - {apiVersion: argoproj.io/v1alpha1, kind: Rollout, metadata: {name: demo}}
script:
`;

function scenarioOf(steps: string): Scenario {
  const r = parseScenario(HEAD + steps, 's.yaml');
  expect(r.issues).toEqual([]);
  return r.scenario!;
}

const CANARY_TO_HEALTHY = `  - setImage: { image: "demo:yellow" }
  - waitFor: { status: Paused, step: 1, setWeight: 20, actualWeight: 20 }
  - expect: { canaryPods: 1, stablePods: 4, revisionPods: { "2": 1 } }
  - promote: {}
  - waitFor: { status: Healthy, timeout: 1m }
  - expect: { stableRevision: 2, stablePods: 5, errorRate: { below: 0.05 } }
`;

describe('runScript', () => {
  it('runs a canary to Healthy in virtual time', () => {
    const world = new FakeWorld();
    const result = runScript(scenarioOf(CANARY_TO_HEALTHY), world);
    expect(result).toEqual({ passed: true, virtualTimeMs: 7000, failure: null });
  });

  it('settles after every action before evaluating conditions', () => {
    const world = new FakeWorld();
    // Without settle() the fake rollout would still be Healthy here.
    const result = runScript(
      scenarioOf(
        '  - setImage: { image: "demo:yellow" }\n  - expect: { status: Progressing, step: 0 }\n',
      ),
      world,
    );
    expect(result.passed).toBe(true);
    expect(world.log.filter((l) => l !== 'objects')).toEqual(['act:setImage', 'settle']);
  });

  it('settles after apply, setVersion, killPods and setMetric too', () => {
    const world = new FakeWorld();
    const steps = `  - apply: [{kind: ConfigMap, metadata: {name: cm}}]
  - setVersion: { image: "demo:yellow", errorRate: 0.5 }
  - killPods: { revision: 1, count: 2 }
  - setMetric: { metric: m, value: 1 }
  - updateSpec: { patch: { spec: { replicas: 3 } } }
  - scale: 4
  - undo: { toRevision: 1 }
  - promoteFull: { rollout: demo }
`;
    runScript(scenarioOf(steps), world);
    expect(world.log).toEqual([
      'apply:cm',
      'settle',
      'setVersion:demo:yellow:{"errorRate":0.5}',
      'settle',
      'killPods:1:2',
      'settle',
      'setMetric:m:value',
      'settle',
      'act:updateSpec',
      'settle',
      'act:scale',
      'settle',
      'act:undo',
      'settle',
      'act:promoteFull@demo',
      'settle',
    ]);
  });

  it('applies the manifests first only when asked', () => {
    const world = new FakeWorld();
    runScript(scenarioOf('  - wait: 0\n'), world, { applyManifests: true });
    expect(world.log.slice(0, 2)).toEqual(['apply:demo', 'settle']);
  });

  it('wait advances event by event to exactly now + duration', () => {
    const world = new FakeWorld({ heartbeatMs: 1000 });
    const result = runScript(scenarioOf('  - wait: 2500ms\n'), world);
    expect(result.virtualTimeMs).toBe(2500);
    expect(world.log.filter((l) => l.startsWith('advanceTo'))).toEqual([
      'advanceTo:1000',
      'advanceTo:2000',
      'advanceTo:2500',
    ]);
  });

  it('waitFor that already holds does not advance time', () => {
    const world = new FakeWorld({ heartbeatMs: 1000 });
    const result = runScript(scenarioOf('  - waitFor: { status: Healthy }\n'), world);
    expect(result).toEqual({ passed: true, virtualTimeMs: 0, failure: null });
    expect(world.log.some((l) => l.startsWith('advanceTo'))).toBe(false);
  });

  it('waitFor stops at the event where the condition first holds', () => {
    const world = new FakeWorld({ heartbeatMs: 700 });
    const result = runScript(
      scenarioOf('  - setImage: { image: "demo:yellow" }\n  - waitFor: { status: Paused }\n'),
      world,
    );
    expect(result.virtualTimeMs).toBe(2000);
    expect(world.log.filter((l) => l.startsWith('advanceTo'))).toEqual([
      'advanceTo:700',
      'advanceTo:1400',
      'advanceTo:2000',
    ]);
  });

  it('waitFor never advances past its timeout and fails there', () => {
    const world = new FakeWorld({ heartbeatMs: 1000 });
    const result = runScript(
      scenarioOf('  - waitFor: { status: Degraded, timeout: 2500ms }\n'),
      world,
    );
    expect(world.log.filter((l) => l.startsWith('advanceTo'))).toEqual([
      'advanceTo:1000',
      'advanceTo:2000',
      'advanceTo:2500',
    ]);
    expect(result).toEqual({
      passed: false,
      virtualTimeMs: 2500,
      failure: {
        stepIndex: 0,
        step: { waitFor: { status: 'Degraded', timeout: '2500ms' } },
        expected: { status: 'Degraded' },
        actual: { status: 'Healthy' },
        t: 2500,
        message: 'waitFor timed out after 2.5s',
      },
    });
  });

  it('waitFor on an idle world jumps straight to the default 10m timeout', () => {
    const world = new FakeWorld();
    const result = runScript(scenarioOf('  - wait: 5s\n  - waitFor: { abort: true }\n'), world);
    expect(world.log.filter((l) => l.startsWith('advanceTo'))).toEqual([
      'advanceTo:5000',
      'advanceTo:605000',
    ]);
    expect(result.failure).toMatchObject({
      stepIndex: 1,
      t: 605_000,
      message: 'waitFor timed out after 10m0s',
      expected: { abort: true },
      actual: { abort: false },
    });
  });

  it('the first failure stops the run', () => {
    const world = new FakeWorld();
    const result = runScript(
      scenarioOf(
        '  - expect: { status: Paused, step: 2 }\n  - promote: {}\n  - expect: { abort: true }\n',
      ),
      world,
    );
    expect(result.failure).toMatchObject({
      stepIndex: 0,
      expected: { status: 'Paused' },
      actual: { status: 'Healthy' },
      message: 'expect did not hold',
    });
    expect(world.log.some((l) => l.startsWith('act:'))).toBe(false);
  });

  it('reports a world error as the failure of its step', () => {
    const world = new FakeWorld({ throwOn: 'abort' });
    const result = runScript(scenarioOf('  - wait: 1s\n  - abort: {}\n  - wait: 1s\n'), world);
    expect(result).toEqual({
      passed: false,
      virtualTimeMs: 1000,
      failure: {
        stepIndex: 1,
        step: { abort: {} },
        expected: null,
        actual: null,
        t: 1000,
        message: 'cannot abort',
      },
    });
  });

  it('reads conditions from the rollout a step names', () => {
    const scenario = scenarioOf('  - expect: { rollout: demo, status: Healthy }\n');
    expect(runScript(scenario, new FakeWorld()).passed).toBe(true);
    // The parser rejects unknown names; a world that lost the rollout reports missing data.
    const ghost = { ...scenario, script: [{ ...scenario.script[0], rollout: 'ghost' }] };
    expect(runScript(ghost, new FakeWorld()).failure?.actual).toEqual({ status: null });
  });
});

describe('formatFailure', () => {
  it('names the step, expected, actual and virtual time', () => {
    const world = new FakeWorld();
    const result = runScript(
      scenarioOf(
        '  - setImage: { image: "demo:yellow" }\n  - waitFor: { status: Paused, step: 1 }\n  - wait: 1m18s\n  - expect: { status: Healthy, revisionPods: { "2": 5 } }\n',
      ),
      world,
    );
    expect(formatFailure(result.failure!)).toBe(
      [
        'step 4 (script[3]) failed at t=1m20s: expect did not hold',
        '  step:     {"expect":{"status":"Healthy","revisionPods":{"2":5}}}',
        '  expected: status: "Healthy", revisionPods[2]: 5',
        '  actual:   status: "Paused", revisionPods[2]: 1',
      ].join('\n'),
    );
  });

  it('formats virtual time like Go durations', () => {
    expect([0, 250, 1500, 80_000, 3_600_000, 3_725_000].map(formatVirtualTime)).toEqual([
      '0s',
      '250ms',
      '1.5s',
      '1m20s',
      '1h0m0s',
      '1h2m5s',
    ]);
  });
});

describe('--json lines', () => {
  const run = () =>
    runWithJsonLines(scenarioOf(CANARY_TO_HEALTHY), new FakeWorld({ heartbeatMs: 500 }));

  it('are byte-identical for the same scenario and world', () => {
    expect(run().lines.join('\n')).toBe(run().lines.join('\n'));
  });

  it('emit a rollout line only when the record changes, then the summary', () => {
    const { lines, result } = run();
    expect(result.passed).toBe(true);
    const records = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records.map((r) => [r.kind, r.t, r.phase, r.step])).toEqual([
      ['rollout', 0, 'Healthy', 2],
      ['rollout', 0, 'Progressing', 0],
      ['rollout', 2000, 'Paused', 1],
      ['rollout', 2000, 'Progressing', 2],
      ['rollout', 3000, 'Progressing', 2],
      ['rollout', 4000, 'Progressing', 2],
      ['rollout', 5000, 'Progressing', 2],
      ['rollout', 6000, 'Progressing', 2],
      ['rollout', 7000, 'Healthy', 2],
      ['summary', undefined, undefined, undefined],
    ]);
    expect(lines[2]).toBe(
      '{"kind":"rollout","t":2000,"name":"demo","phase":"Paused","message":"CanaryPauseStep","step":1,"setWeight":20,"actualWeight":20,' +
        '"replicaSets":[{"name":"demo-bbb","revision":2,"replicas":1,"ready":1,"available":1,"role":"canary"},' +
        '{"name":"demo-aaa","revision":1,"replicas":4,"ready":4,"available":4,"role":"stable"}],"analysisRuns":[]}',
    );
    expect(lines[lines.length - 1]).toBe(
      '{"kind":"summary","passed":true,"virtualTimeMs":7000,"failure":null}',
    );
  });

  it('put the failure in the summary with a fixed key order', () => {
    const { lines } = runWithJsonLines(scenarioOf('  - expect: { step: 1 }\n'), new FakeWorld());
    expect(lines[lines.length - 1]).toBe(
      '{"kind":"summary","passed":false,"virtualTimeMs":0,"failure":{"stepIndex":0,"step":{"expect":{"step":1}},' +
        '"expected":{"step":1},"actual":{"step":2},"t":0,"message":"expect did not hold"}}',
    );
  });

  it('aggregate --repeat runs as a line and in words', () => {
    const results = [
      run().result,
      run().result,
      { passed: false, virtualTimeMs: 600_000, failure: null },
    ];
    const aggregate = aggregateOf(results, 41.6);
    expect(aggregateLine(aggregate)).toBe(
      '{"kind":"aggregate","runs":3,"passed":2,"wallMs":42,"virtualTimeMs":614000}',
    );
    expect(aggregateWords(aggregate)).toBe(
      '3 runs: 2 passed, 1 failed; wall time 42 ms; virtual time 10m14s',
    );
  });
});
