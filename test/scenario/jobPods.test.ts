import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario, runScript, worldFor } from '../../src/scenario';
import { jobPodStatus } from '../../src/scenario/jobPods';
import type { Pod } from '../../src/model';
import type { KubeObject } from '../../src/scenario/worldPort';

const SOURCE = readFileSync(
  new URL('../../simulations/analysis-job.yaml', import.meta.url),
  'utf8',
);

/** The analysis-job scenario with its script replaced and its test image's behaviour changed. */
function scenarioWith(version: string, script: string) {
  const text = SOURCE.replace(
    '"example/integration-test:v1": { exitCode: 0, runFor: 15s }',
    `"example/integration-test:v1": ${version}`,
  ).replace(/\nscript:\n[\s\S]*$/, `\nscript:\n${script}`);
  const r = parseScenario(text, 'analysis-job.yaml');
  expect(r.issues).toEqual([]);
  return r.scenario!;
}

const UNTIL_RUNNING = `  - waitFor: { status: Healthy }
  - setImage: { image: argoproj/rollouts-demo:yellow }
  - waitFor: { analysisRun: { kind: inline, phase: Running } }
  - wait: 5s
`;

function jobAndPods(objects: readonly KubeObject[]) {
  const jobs = objects.filter((o) => o.kind === 'Job');
  const pods = objects.filter(
    (o) => o.kind === 'Pod' && o.metadata?.ownerReferences?.some((r) => r.kind === 'Job') === true,
  ) as Pod[];
  return { jobs, pods };
}

/** The template with `provider.job.metadata` set (labels and annotations Argo copies to the Job). */
function withJobMetadata(object: KubeObject): KubeObject {
  const copy = structuredClone(object) as KubeObject & {
    spec: { metrics: { provider: { job: Record<string, unknown> } }[] };
  };
  copy.spec.metrics[0].provider.job.metadata = {
    labels: { team: 'qa' },
    annotations: { note: 'smoke' },
  };
  return copy;
}

function run(version: string, script: string) {
  const scenario = scenarioWith(version, script);
  const world = worldFor(scenario);
  const result = runScript(scenario, world);
  return { result, ...jobAndPods(world.objects()) };
}

describe('Job metric pods', () => {
  it('the Job has one pod, Running while the measurement runs', () => {
    const scenario = scenarioWith('{ exitCode: 0, runFor: 15s }', UNTIL_RUNNING);
    const withMeta = {
      ...scenario,
      manifests: scenario.manifests.map((m) =>
        m.object.kind === 'AnalysisTemplate' ? { ...m, object: withJobMetadata(m.object) } : m,
      ),
    };
    const world = worldFor(withMeta);
    const result = runScript(withMeta, world);
    const { jobs, pods } = jobAndPods(world.objects());
    expect(result.passed).toBe(true);
    expect(jobs).toHaveLength(1);
    const run = world.objects().find((o) => o.kind === 'AnalysisRun');
    // metricproviders/job: provider metadata, the run's uid label, name and metric annotations.
    expect(jobs[0].metadata?.labels).toEqual({
      team: 'qa',
      'analysisrun.argoproj.io/uid': run?.metadata?.uid,
    });
    expect(jobs[0].metadata?.annotations).toEqual({
      note: 'smoke',
      'analysisrun.argoproj.io/name': run?.metadata?.name,
      'analysisrun.argoproj.io/metric-name': 'integration-test',
    });
    expect(pods).toHaveLength(1);
    const pod = pods[0];
    const jobName = jobs[0].metadata?.name ?? '';
    expect((pod.metadata?.name ?? '').startsWith(`${jobName}-`)).toBe(true);
    expect(pod.metadata?.labels?.['job-name']).toBe(jobName);
    expect(pod.metadata?.labels?.['batch.kubernetes.io/job-name']).toBe(jobName);
    expect(pod.status?.phase).toBe('Running');
    expect(pod.status?.containerStatuses?.[0].state?.running).toBeDefined();
  });

  it('ends Succeeded (exit 0) when the measurement is Successful', () => {
    const script = `${UNTIL_RUNNING}  - waitFor: { analysisRun: { kind: inline, phase: Successful }, timeout: 1m }
`;
    const { result, pods } = run('{ exitCode: 0, runFor: 15s }', script);
    expect(result.passed).toBe(true);
    expect(pods.map((p) => p.status?.phase)).toEqual(['Succeeded']);
    expect(pods[0].status?.containerStatuses?.[0].state?.terminated).toMatchObject({
      exitCode: 0,
      reason: 'Completed',
    });
  });

  it("ends Failed with the image's exit code when the measurement Fails", () => {
    const script = `${UNTIL_RUNNING}  - waitFor: { analysisRun: { kind: inline, phase: Failed }, timeout: 1m }
`;
    const { result, pods } = run('{ exitCode: 3, runFor: 15s }', script);
    expect(result.passed).toBe(true);
    expect(pods.map((p) => p.status?.phase)).toEqual(['Failed']);
    expect(pods[0].status?.containerStatuses?.[0].state?.terminated).toMatchObject({
      exitCode: 3,
      reason: 'Error',
    });
  });

  it('waits with ErrImagePull when the image cannot be pulled', () => {
    const script = `${UNTIL_RUNNING}  - waitFor: { analysisRun: { kind: inline, phase: Inconclusive }, timeout: 1m }
`;
    const { result, pods } = run('{ imagePullError: true }', script);
    expect(result.passed).toBe(true);
    expect(pods.map((p) => p.status?.phase)).toEqual(['Pending']);
    expect(pods[0].status?.containerStatuses?.[0].state?.waiting?.reason).toBe('ErrImagePull');
  });
});

/** The analysis-job scenario with extra metric fields (count, interval, ...) on its one metric. */
function withMetricFields(fields: string, version: string, script: string) {
  const text = SOURCE.replace(
    '        - name: integration-test\n',
    `        - name: integration-test\n${fields
      .split('\n')
      .map((l) => `          ${l}`)
      .join('\n')}\n`,
  )
    .replace(
      '"example/integration-test:v1": { exitCode: 0, runFor: 15s }',
      `"example/integration-test:v1": ${version}`,
    )
    .replace(/\nscript:\n[\s\S]*$/, `\nscript:\n${script}`);
  const r = parseScenario(text, 'analysis-job.yaml');
  expect(r.issues).toEqual([]);
  const world = worldFor(r.scenario!);
  const result = runScript(r.scenario!, world);
  type RunView = KubeObject & {
    status?: {
      phase?: string;
      metricResults?: {
        measurements?: { phase: string; message?: string; metadata?: Record<string, string> }[];
      }[];
    };
  };
  const run = world.objects().find((o): o is RunView => o.kind === 'AnalysisRun');
  return { result, run, world, ...jobAndPods(world.objects()) };
}

const UNTIL_SUCCESSFUL = `  - waitFor: { status: Healthy }
  - setImage: { image: argoproj/rollouts-demo:yellow }
  - waitFor: { analysisRun: { kind: inline, phase: Successful }, timeout: 2m }
`;

describe('Job names and lifetimes (metricproviders/job)', () => {
  it('each measurement runs its own Job, named <run uid>.<metric>.<count + error + 1>', () => {
    const { result, run, jobs, pods } = withMetricFields(
      'count: 3\ninterval: 20s',
      '{ exitCode: 0, runFor: 5s }',
      UNTIL_SUCCESSFUL,
    );
    expect(result.passed).toBe(true);
    const uid = run?.metadata?.uid ?? '';
    expect(uid).not.toBe('');
    expect(jobs.map((j) => j.metadata?.name)).toEqual([
      `${uid}.integration-test.1`,
      `${uid}.integration-test.2`,
      `${uid}.integration-test.3`,
    ]);
    expect(
      run?.status?.metricResults?.[0].measurements?.map((m) => m.metadata?.['job-name']),
    ).toEqual(jobs.map((j) => j.metadata?.name));
    expect(pods.map((p) => p.status?.phase)).toEqual(['Succeeded', 'Succeeded', 'Succeeded']);
  });

  it('a terminated in-flight Job is deleted and its measurement is Successful, "Metric Terminated"', () => {
    const { result, run, jobs, pods } = withMetricFields(
      '',
      '{ exitCode: 0, runFor: 60s }',
      `${UNTIL_RUNNING}  - abort: {}
  - wait: 40s
`,
    );
    expect(result.passed).toBe(true);
    const last = run?.status?.metricResults?.[0].measurements?.at(-1);
    expect(last).toMatchObject({ phase: 'Successful', message: 'Metric Terminated' });
    expect(jobs).toEqual([]);
    expect(pods).toEqual([]);
  });

  it("garbage collection keeps the run's newest 10 Jobs once a metric holds 10 measurements", () => {
    const { result, run, jobs } = withMetricFields(
      'count: 12\ninterval: 2s',
      '{ exitCode: 0, runFor: 1s }',
      UNTIL_SUCCESSFUL,
    );
    expect(result.passed).toBe(true);
    const uid = run?.metadata?.uid ?? '';
    expect(jobs.map((j) => j.metadata?.name).sort()).toEqual(
      Array.from({ length: 10 }, (_, i) => `${uid}.integration-test.${i + 3}`).sort(),
    );
    expect(run?.status?.metricResults?.[0].measurements).toHaveLength(10);
  });
});

describe('Job retries: a pod per attempt, as the Job controller runs them', () => {
  /** backoffLimit 2 and exit 3, 15 s per run: pods start at 0, 25 s and 60 s; the Job fails at 75 s. */
  function retrying(extraScript: string) {
    const text = SOURCE.replace('backoffLimit: 0', 'backoffLimit: 2')
      .replace(
        '"example/integration-test:v1": { exitCode: 0, runFor: 15s }',
        '"example/integration-test:v1": { exitCode: 3, runFor: 15s }',
      )
      .replace(/\nscript:\n[\s\S]*$/, `\nscript:\n${UNTIL_RUNNING}${extraScript}`);
    const r = parseScenario(text, 'analysis-job.yaml');
    expect(r.issues).toEqual([]);
    const world = worldFor(r.scenario!);
    const result = runScript(r.scenario!, world);
    const { jobs, pods } = jobAndPods(world.objects());
    const byStart = [...pods].sort((x, y) =>
      (x.metadata?.creationTimestamp ?? '') < (y.metadata?.creationTimestamp ?? '') ? -1 : 1,
    );
    return { result, jobs, pods: byStart };
  }

  it('after the first failure the next pod runs, once the 10 s back-off is over', () => {
    // UNTIL_RUNNING stops 5 s into the Job; 25 s more is 30 s in: pod 1 failed at 15 s, pod 2 ran at 25 s.
    const { result, jobs, pods } = retrying('  - wait: 25s\n');
    expect(result.passed).toBe(true);
    expect(pods.map((p) => p.status?.phase)).toEqual(['Failed', 'Running']);
    expect(pods[0].status?.containerStatuses?.[0].state?.terminated).toMatchObject({
      exitCode: 3,
      reason: 'Error',
    });
    expect((jobs[0] as { status?: unknown }).status).toMatchObject({ active: 1, failed: 1 });
  });

  it('backoffLimit 2 makes three pods, all Failed, and the measurement Fails when the last one does', () => {
    const { result, jobs, pods } = retrying(
      '  - waitFor: { analysisRun: { kind: inline, phase: Failed }, timeout: 2m }\n',
    );
    expect(result.passed).toBe(true);
    expect(pods.map((p) => p.status?.phase)).toEqual(['Failed', 'Failed', 'Failed']);
    const starts = pods.map((p) => Date.parse(p.status?.startTime ?? ''));
    expect([starts[1] - starts[0], starts[2] - starts[0]]).toEqual([25_000, 60_000]);
    expect((jobs[0] as { status?: { failed?: number; active?: number } }).status).toMatchObject({
      failed: 3,
    });
    expect((jobs[0] as { status?: { active?: number } }).status?.active).toBeUndefined();
  });
});

describe('jobPodStatus', () => {
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    spec: { containers: [{ name: 'test', image: 'img' }] },
  } satisfies Pod;
  const t0 = '2026-01-01T00:00:00Z';
  const t1 = '2026-01-01T00:00:15Z';

  it('a Failed measurement of an image that exits 0 still shows a failing container', () => {
    const s = jobPodStatus(pod, { startedAt: t0, finishedAt: t1, phase: 'Failed' }, () => ({}));
    expect(s.phase).toBe('Failed');
    expect(s.containerStatuses?.[0].state?.terminated).toMatchObject({
      exitCode: 1,
      reason: 'Error',
      startedAt: t0,
      finishedAt: t1,
    });
  });

  it('is Running with the measurement start as startTime before it finishes', () => {
    const s = jobPodStatus(pod, { startedAt: t0 }, () => ({ exitCode: 0 }));
    expect(s).toMatchObject({ phase: 'Running', startTime: t0 });
    expect(s.containerStatuses?.[0]).toMatchObject({
      ready: true,
      state: { running: { startedAt: t0 } },
    });
  });
});
