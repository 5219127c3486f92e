/**
 * The experiment controller (src/controller/experiment.ts) on the in-memory fake client: template
 * ReplicaSets and Services, template statuses, the duration (both sides of the deadline), the
 * experiment's AnalysisRuns and how their phases roll up, termination, the progress deadline and
 * the delayed scale-down. Argo: experiments/experiment_test.go.
 */
import { describe, expect, it } from 'vitest';
import type { Experiment } from '../../src/model';
import {
  reconcileExperiment,
  type ExperimentReconcileResult,
} from '../../src/controller/experiment';
import type { KubeObject } from '../../src/controller/ports';
import { epochMsFromRfc3339, rfc3339FromEpochMs } from '../../src/sim';
import { World } from './support/fakePorts';

const HASH = 'rollouts-pod-template-hash';
const DEADLINE = 'scale-down-deadline';

type Json = Record<string, unknown>;

function podTemplate(image: string, app = 'demo') {
  return {
    metadata: { labels: { app } },
    spec: { containers: [{ name: 'app', image, ports: [{ name: 'http', containerPort: 8080 }] }] },
  };
}

function experimentObject(spec: Json = {}): KubeObject {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Experiment',
    metadata: { name: 'ex' },
    spec: {
      duration: '30s',
      templates: [
        {
          name: 'baseline',
          selector: { matchLabels: { app: 'demo' } },
          template: podTemplate('demo:v1'),
        },
        {
          name: 'canary',
          replicas: 2,
          selector: { matchLabels: { app: 'demo' } },
          template: podTemplate('demo:v2'),
        },
      ],
      ...spec,
    },
  };
}

function analysisTemplate(): KubeObject {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AnalysisTemplate',
    metadata: { name: 'smoke' },
    spec: {
      args: [{ name: 'canary-hash' }],
      metrics: [{ name: 'ok', provider: { job: { spec: { template: {} } } } }],
    },
  };
}

class Harness {
  readonly w = new World();
  last: ExperimentReconcileResult | undefined;

  constructor(spec: Json = {}, withTemplate = true) {
    if (withTemplate) this.w.apply(analysisTemplate());
    this.w.apply(experimentObject(spec));
  }

  get ex(): Experiment {
    return this.w.get('Experiment', 'ex') as unknown as Experiment;
  }

  /** One experiment pass (no ReplicaSet controller step). */
  pass(): ExperimentReconcileResult {
    this.last = reconcileExperiment(this.ex, {
      client: this.w.client,
      nowMs: this.w.nowMs,
      hashPodTemplate: (t, c) => this.w.ports.hashPodTemplate(t, c),
    });
    return this.last;
  }

  /** Alternate the fake ReplicaSet controller and experiment passes until quiet. */
  settle(max = 20): ExperimentReconcileResult {
    for (let i = 0; i < max; i++) {
      this.w.syncReplicaSets();
      const before = this.w.client.version;
      const r = this.pass();
      if (this.w.client.version === before && !this.w.syncReplicaSets()) return r;
    }
    throw new Error('experiment did not settle');
  }

  advance(ms: number): ExperimentReconcileResult {
    this.w.nowMs += ms;
    return this.settle();
  }

  rs(template: string): KubeObject | undefined {
    return this.w.client.get('ReplicaSet', 'default', `ex-${template}`);
  }

  replicas(template: string): number | undefined {
    return (this.rs(template)?.spec as { replicas?: number } | undefined)?.replicas;
  }

  templateStatus(name: string) {
    return this.ex.status?.templateStatuses?.find((t) => t.name === name);
  }

  setRunPhase(name: string, phase: string, message?: string): void {
    this.w.client.patch(
      'AnalysisRun',
      'default',
      name,
      { status: { phase, ...(message ? { message } : {}) } },
      'status',
    );
  }
}

describe('experiment templates', () => {
  it('creates one ReplicaSet per template, owned and annotated, with 0 replicas, then scales it', () => {
    const h = new Harness();
    const first = h.pass();
    expect(first.phase).toBe('Pending');
    const rs = h.rs('baseline')!;
    expect(rs.metadata.ownerReferences?.[0]).toMatchObject({
      kind: 'Experiment',
      name: 'ex',
      uid: h.ex.metadata?.uid,
      controller: true,
    });
    expect(rs.metadata.annotations).toEqual({
      'experiment.argoproj.io/name': 'ex',
      'experiment.argoproj.io/template-name': 'baseline',
    });
    const hash = rs.metadata.labels?.[HASH];
    expect(hash).toBeTruthy();
    const spec = rs.spec as {
      replicas: number;
      selector: { matchLabels: Json };
      template: { metadata: { labels: Json } };
    };
    expect(spec.replicas).toBe(0);
    expect(spec.selector.matchLabels).toEqual({ app: 'demo', [HASH]: hash });
    expect(spec.template.metadata.labels).toEqual({ app: 'demo', [HASH]: hash });
    expect(h.templateStatus('baseline')).toMatchObject({ status: 'Progressing', replicas: 0 });

    h.pass();
    expect(h.replicas('baseline')).toBe(1);
    expect(h.replicas('canary')).toBe(2);
    expect(h.last!.events).toContainEqual({
      type: 'Normal',
      reason: 'ScalingReplicaSet',
      message: 'Scaled up ReplicaSet ex-canary from 0 to 2',
    });
    expect(h.ex.status?.phase).toBe('Pending');
  });

  it('is Running once every template is available, with availableAt, and asks to come back after the duration', () => {
    const h = new Harness();
    const r = h.settle();
    expect(r.phase).toBe('Running');
    expect(h.templateStatus('canary')).toMatchObject({
      status: 'Running',
      replicas: 2,
      updatedReplicas: 2,
      readyReplicas: 2,
      availableReplicas: 2,
    });
    expect(h.ex.status?.availableAt).toBe(rfc3339FromEpochMs(h.w.nowMs));
    expect(r.nextReconcileInMs).toBe(30_001);
    expect(h.ex.status?.conditions?.[0]).toMatchObject({
      type: 'Progressing',
      status: 'True',
      reason: 'NewReplicaSetAvailable',
      message: 'Experiment "ex" is running.',
    });
  });

  it('stays Running at exactly availableAt + duration and is Successful just after', () => {
    const h = new Harness();
    h.settle();
    expect(h.advance(30_000).phase).toBe('Running');
    h.w.nowMs += 1;
    const done = h.pass();
    expect(done.phase).toBe('Successful');
    expect(h.templateStatus('baseline')?.status).toBe('Successful');
    expect(h.ex.status?.conditions?.find((c) => c.type === 'Progressing')).toMatchObject({
      status: 'False',
      reason: 'ExperimentCompleted',
      message: 'Experiment "ex" has successfully ran and completed.',
    });
    expect(done.events.map((e) => e.reason)).toContain('TemplateSuccessful');
  });

  it('scales the template ReplicaSets to 0 only after scaleDownDelaySeconds (30 s default)', () => {
    const h = new Harness();
    h.settle();
    h.advance(30_001);
    expect(h.ex.status?.phase).toBe('Successful');
    const deadline = (h.rs('canary')!.metadata.annotations ?? {})[DEADLINE];
    expect(epochMsFromRfc3339(deadline)).toBe(Math.floor(h.w.nowMs / 1000) * 1000 + 30_000);
    expect(h.replicas('canary')).toBe(2);
    expect(h.advance(29_000).phase).toBe('Successful');
    expect(h.replicas('canary')).toBe(2);
    h.advance(1_000);
    expect(h.replicas('canary')).toBe(0);
    expect(h.replicas('baseline')).toBe(0);
    expect(h.templateStatus('canary')).toMatchObject({
      status: 'Successful',
      replicas: 0,
      availableReplicas: 0,
    });
  });

  it('fails a template that is not available within progressDeadlineSeconds', () => {
    const h = new Harness({ progressDeadlineSeconds: 60 });
    h.w.availabilityCap.set(h.w.ports.hashPodTemplate(podTemplate('demo:v2'), undefined), 1);
    const r = h.settle();
    expect(r.phase).toBe('Pending');
    expect(r.nextReconcileInMs).toBeGreaterThan(59_000);
    expect(h.advance(r.nextReconcileInMs! - 1).phase).toBe('Pending');
    const failed = h.advance(1);
    expect(failed.phase).toBe('Failed');
    expect(h.templateStatus('canary')).toMatchObject({
      status: 'Failed',
      message: "Template 'canary' exceeded its progressDeadlineSeconds (60)",
    });
    expect(h.ex.status?.message).toBe(
      "Template 'canary' exceeded its progressDeadlineSeconds (60)",
    );
  });

  it('creates a Service per template with `service`, selecting the template hash with its ports', () => {
    const h = new Harness({
      templates: [
        {
          name: 'canary',
          service: {},
          selector: { matchLabels: { app: 'demo' } },
          template: podTemplate('demo:v2'),
        },
        {
          name: 'named',
          service: { name: 'preview-svc' },
          selector: { matchLabels: { app: 'demo' } },
          template: podTemplate('demo:v3'),
        },
      ],
    });
    h.settle();
    const svc = h.w.client.get('Service', 'default', 'ex-canary')!;
    const hash = h.rs('canary')!.metadata.labels?.[HASH];
    expect(svc.spec).toEqual({
      selector: { [HASH]: hash },
      ports: [{ name: 'http', protocol: 'TCP', port: 8080, targetPort: 8080 }],
    });
    expect(svc.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'Experiment', name: 'ex' });
    expect(h.templateStatus('canary')).toMatchObject({
      serviceName: 'ex-canary',
      podTemplateHash: hash,
    });
    expect(h.w.client.get('Service', 'default', 'preview-svc')).toBeDefined();
    expect(h.templateStatus('named')?.serviceName).toBe('preview-svc');
  });
});

describe('experiment analyses', () => {
  const analyses = (required = false) => ({
    analyses: [
      {
        name: 'smoke',
        templateName: 'smoke',
        args: [{ name: 'canary-hash', value: '{{templates.canary.podTemplateHash}}' }],
        ...(required ? { requiredForCompletion: true } : {}),
      },
    ],
  });

  it('starts the runs only once available, named <experiment>-<analysis>, with template hashes as args', () => {
    const h = new Harness(analyses());
    h.pass();
    h.pass();
    expect(h.w.client.list('AnalysisRun', 'default')).toEqual([]);
    expect(h.ex.status?.analysisRuns).toEqual([{ name: 'smoke', analysisRun: '', phase: '' }]);
    h.w.syncReplicaSets();
    expect(h.pass().phase).toBe('Running');
    expect(h.w.client.list('AnalysisRun', 'default')).toEqual([]);
    const created = h.pass();
    expect(created.events).toContainEqual({
      type: 'Normal',
      reason: 'AnalysisRunPending',
      message: "AnalysisRun 'smoke' transitioned from  -> Pending",
    });
    const run = h.w.client.get('AnalysisRun', 'default', 'ex-smoke')!;
    expect(run.metadata.ownerReferences?.[0]).toMatchObject({
      kind: 'Experiment',
      name: 'ex',
      controller: true,
    });
    const hash = h.rs('canary')!.metadata.labels?.[HASH];
    expect((run.spec as { args: Json[] }).args).toEqual([{ name: 'canary-hash', value: hash }]);
    expect(h.ex.status?.analysisRuns).toEqual([
      { name: 'smoke', analysisRun: 'ex-smoke', phase: 'Pending' },
    ]);
    expect(h.ex.status?.phase).toBe('Running');
    // The run's own phase is copied on later passes (Argo copies "" too until the run is measured).
    h.setRunPhase('ex-smoke', 'Running');
    h.pass();
    expect(h.ex.status?.analysisRuns?.[0]?.phase).toBe('Running');
    expect(h.w.client.list('AnalysisRun', 'default')).toHaveLength(1);
  });

  it('a Failed run fails the experiment with its message, and the templates scale down', () => {
    const h = new Harness(analyses());
    h.settle();
    h.setRunPhase('ex-smoke', 'Running');
    expect(h.pass().phase).toBe('Running');
    expect(h.ex.status?.analysisRuns?.[0]?.phase).toBe('Running');
    h.setRunPhase(
      'ex-smoke',
      'Failed',
      'Metric "ok" assessed Failed due to failed (1) > failureLimit (0)',
    );
    const r = h.pass();
    expect(r.phase).toBe('Failed');
    expect(h.ex.status?.message).toBe(
      'Metric "ok" assessed Failed due to failed (1) > failureLimit (0)',
    );
    expect(r.events).toContainEqual(
      expect.objectContaining({ type: 'Warning', reason: 'AnalysisRunFailed' }),
    );
    h.pass();
    expect(h.rs('canary')!.metadata.annotations?.[DEADLINE]).toBeDefined();
    h.advance(30_000);
    expect(h.replicas('canary')).toBe(0);
  });

  it('Inconclusive and Error runs end the experiment with that phase', () => {
    for (const phase of ['Inconclusive', 'Error']) {
      const h = new Harness(analyses());
      h.settle();
      h.setRunPhase('ex-smoke', phase);
      expect(h.pass().phase).toBe(phase);
    }
  });

  it('a Successful non-required run does not end the experiment before its duration', () => {
    const h = new Harness(analyses());
    h.settle();
    h.setRunPhase('ex-smoke', 'Successful');
    expect(h.pass().phase).toBe('Running');
    expect(h.advance(30_001).phase).toBe('Successful');
  });

  it('with a required analysis and no duration, the experiment ends when the run succeeds', () => {
    const h = new Harness({ ...analyses(true), duration: undefined });
    const r = h.settle();
    expect(r.phase).toBe('Running');
    expect(r.nextReconcileInMs).toBeUndefined();
    h.setRunPhase('ex-smoke', 'Successful');
    const done = h.pass();
    expect(done.phase).toBe('Successful');
    expect(h.ex.status?.message).toBe('Required AnalysisRuns completed');
  });

  it('with a required analysis still running when the duration passes, the experiment waits for it', () => {
    const h = new Harness(analyses(true));
    h.settle();
    h.setRunPhase('ex-smoke', 'Running');
    expect(h.advance(30_001).phase).toBe('Running');
    expect(h.templateStatus('canary')?.status).toBe('Successful');
    h.setRunPhase('ex-smoke', 'Successful');
    expect(h.pass().phase).toBe('Successful');
  });

  it('an analysis whose template does not exist is an Error before anything runs', () => {
    const h = new Harness(analyses(), false);
    h.pass();
    expect(h.pass().phase).toBe('Error');
    expect(h.ex.status?.message).toBe(
      'AnalysisTemplate verification failed for analysis \'smoke\': analysistemplates.argoproj.io "smoke" not found',
    );
  });
});

describe('experiment termination', () => {
  it('spec.terminate ends a running experiment Successful and terminates its running runs', () => {
    const h = new Harness({
      duration: undefined,
      analyses: [
        { name: 'smoke', templateName: 'smoke', args: [{ name: 'canary-hash', value: 'x' }] },
      ],
    });
    h.settle();
    h.setRunPhase('ex-smoke', 'Running');
    h.pass();
    h.w.client.patch('Experiment', 'default', 'ex', { spec: { terminate: true } });
    const r = h.pass();
    expect(r.events).toContainEqual({
      type: 'Normal',
      reason: 'AnalysisRunTerminating',
      message: 'Terminating smoke (ex-smoke)',
    });
    expect((h.w.get('AnalysisRun', 'ex-smoke').spec as { terminate?: boolean }).terminate).toBe(
      true,
    );
    expect(h.templateStatus('canary')?.status).toBe('Successful');
    expect(r.phase).toBe('Successful');
    expect(r.nextReconcileInMs).toBe(30_000);
  });

  it('an invalid spec only records the InvalidSpec condition', () => {
    const h = new Harness({
      templates: [{ name: 'a', selector: {}, template: podTemplate('demo:v1') }],
    });
    const r = h.pass();
    expect(h.rs('a')).toBeUndefined();
    expect(r.phase).toBeUndefined();
    expect(h.ex.status?.conditions?.[0]).toMatchObject({
      type: 'InvalidSpec',
      status: 'True',
      message:
        'This experiment is selecting all pods at index 0. A non-empty selector is required.',
    });
  });
});
