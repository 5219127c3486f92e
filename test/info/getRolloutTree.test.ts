import { describe, expect, it } from 'vitest';
import { renderRolloutTree, rolloutInfo } from '../../src/info';
import type { RolloutObjects } from '../../src/info';
import type { Experiment, Rollout } from '../../src/model/k8s';
import {
  NOW_MS,
  T,
  analysisRun,
  pod,
  replicaSet,
  rfc3339,
  rollout,
  stripTrailingSpaces,
} from './fixtures';

/** The blue-green rollout of the plugin's get_test.go, rebuilt from scratch. */
function blueGreen(): {
  ro: Rollout;
  objects: Required<Pick<RolloutObjects, 'replicaSets' | 'pods'>>;
} {
  const ro = rollout(
    'bluegreen-demo',
    {
      replicas: 3,
      strategy: { blueGreen: { activeService: 'bg-active', previewService: 'bg-preview' } },
    },
    {
      replicas: 6,
      updatedReplicas: 3,
      readyReplicas: 6,
      availableReplicas: 3,
      stableRS: '6cbccd9f99',
      currentPodHash: '74b948fccb',
      controllerPause: true,
      pauseConditions: [{ reason: 'BlueGreenPause', startTime: T }],
      blueGreen: { activeSelector: '6cbccd9f99', previewSelector: '74b948fccb' },
    },
  );
  const replicaSets = [
    replicaSet('bluegreen-demo', '746d5fddf6', 8, {
      replicas: 0,
      image: 'argoproj/rollouts-demo:red',
    }),
    replicaSet('bluegreen-demo', '6cbccd9f99', 10, {
      replicas: 3,
      image: 'argoproj/rollouts-demo:blue',
    }),
    replicaSet('bluegreen-demo', '74b948fccb', 11, {
      replicas: 3,
      image: 'argoproj/rollouts-demo:green',
    }),
  ];
  const pods = [
    ...['vvj2t', '5jz59', 'mkhrl'].map((s) =>
      pod(`bluegreen-demo-74b948fccb-${s}`, 'bluegreen-demo-74b948fccb'),
    ),
    ...['t2d4f', 'gk78v', 'kxj8g'].map((s) =>
      pod(`bluegreen-demo-6cbccd9f99-${s}`, 'bluegreen-demo-6cbccd9f99'),
    ),
  ];
  return { ro, objects: { replicaSets, pods } };
}

const BLUE_GREEN_HEADER = `Name:            bluegreen-demo
Namespace:       jesse-test
Status:          ॥ Paused
Message:         BlueGreenPause
Strategy:        BlueGreen
`;
const REPLICAS = `Replicas:
  Desired:       3
  Current:       6
  Updated:       3
  Ready:         6
  Available:     3

`;

function blueGreenTable(previewInfo: string): string {
  return `NAME                                        KIND        STATUS        AGE  INFO
⟳ bluegreen-demo                            Rollout     ॥ Paused      7d
├──# revision:11
│  └──⧉ bluegreen-demo-74b948fccb           ReplicaSet  ✔ Healthy     7d   ${previewInfo}
│     ├──□ bluegreen-demo-74b948fccb-5jz59  Pod         ✔ Running     7d   ready:1/1
│     ├──□ bluegreen-demo-74b948fccb-mkhrl  Pod         ✔ Running     7d   ready:1/1
│     └──□ bluegreen-demo-74b948fccb-vvj2t  Pod         ✔ Running     7d   ready:1/1
├──# revision:10
│  └──⧉ bluegreen-demo-6cbccd9f99           ReplicaSet  ✔ Healthy     7d   stable,active
│     ├──□ bluegreen-demo-6cbccd9f99-gk78v  Pod         ✔ Running     7d   ready:1/1
│     ├──□ bluegreen-demo-6cbccd9f99-kxj8g  Pod         ✔ Running     7d   ready:1/1
│     └──□ bluegreen-demo-6cbccd9f99-t2d4f  Pod         ✔ Running     7d   ready:1/1
└──# revision:8
   └──⧉ bluegreen-demo-746d5fddf6           ReplicaSet  • ScaledDown  7d
`;
}

describe('renderRolloutTree: blue-green (the plugin test cases)', () => {
  it('paused with preview and stable,active ReplicaSets', () => {
    const { ro, objects } = blueGreen();
    const out = renderRolloutTree(rolloutInfo(ro, objects, NOW_MS), { color: false });
    expect(stripTrailingSpaces(out)).toBe(
      BLUE_GREEN_HEADER +
        'Images:          argoproj/rollouts-demo:blue (stable, active)\n' +
        '                 argoproj/rollouts-demo:green (preview)\n' +
        REPLICAS +
        blueGreenTable('preview'),
    );
  });

  it.each([
    [4 * 3_600_000 - 1000, 'delay:3h59m'],
    [-3_600_000, 'delay:passed'],
  ])('scale-down deadline now%+d ms reads %s', (offset, info) => {
    const { ro, objects } = blueGreen();
    const preview = objects.replicaSets[2];
    preview.metadata!.annotations!['scale-down-deadline'] = rfc3339(NOW_MS + offset);
    delete preview.metadata!.labels!['rollouts-pod-template-hash'];
    const out = renderRolloutTree(rolloutInfo(ro, objects, NOW_MS), { color: false });
    expect(stripTrailingSpaces(out)).toBe(
      BLUE_GREEN_HEADER +
        'Images:          argoproj/rollouts-demo:blue (stable, active)\n' +
        '                 argoproj/rollouts-demo:green\n' +
        REPLICAS +
        blueGreenTable(info),
    );
  });
});

describe('renderRolloutTree: analysis runs, jobs and experiments', () => {
  const ro = rollout(
    'demo',
    { replicas: 1, strategy: { canary: { steps: [{ setWeight: 50 }, { pause: {} }] } } },
    {
      replicas: 1,
      updatedReplicas: 0,
      availableReplicas: 1,
      readyReplicas: 1,
      stableRS: 'aaa',
      currentPodHash: 'bbb',
      currentStepIndex: 0,
      abort: true,
      phase: 'Degraded',
      message: 'RolloutAborted: metric "web" assessed Failed due to failed (1) > failureLimit (0)',
    },
  );
  const measurement = (phase: 'Successful' | 'Failed', job?: string) => ({
    phase,
    startedAt: T,
    ...(job ? { metadata: { 'job-name': job } } : { value: '1' }),
  });
  const run = analysisRun('demo-bbb-2', 'demo', 2, {
    phase: 'Inconclusive',
    metricResults: [
      {
        name: 'm',
        phase: 'Inconclusive',
        successful: 4,
        failed: 4,
        inconclusive: 1,
        error: 1,
        measurements: [
          measurement('Failed', 'demo-bbb-2-job-1'),
          measurement('Successful', 'demo-bbb-2-job-2'),
        ],
      },
      { name: 'n', phase: 'Successful', measurements: [measurement('Successful')] },
    ],
  });
  const failed = analysisRun('demo-bbb-2-pre', 'demo', 2, {
    phase: 'Failed',
    metricResults: [{ name: 'web', phase: 'Failed', failed: 1 }],
  });
  const experiment: Experiment = {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Experiment',
    metadata: {
      name: 'demo-bbb-2-0',
      namespace: 'jesse-test',
      uid: 'uid-exp',
      creationTimestamp: T,
      annotations: { 'rollout.argoproj.io/revision': '2' },
      ownerReferences: [
        { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', name: 'demo', uid: 'uid-demo' },
      ],
    },
    spec: { templates: [] },
    status: { phase: 'Running' },
  };
  const expRs = replicaSet('x', 'ccc', 0, {
    name: 'demo-bbb-2-0-baseline',
    image: 'app:blue',
    annotations: { 'experiment.argoproj.io/template-name': 'baseline' },
  });
  expRs.metadata!.ownerReferences = [
    {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Experiment',
      name: 'demo-bbb-2-0',
      uid: 'uid-exp',
    },
  ];
  const objects: RolloutObjects = {
    replicaSets: [
      replicaSet('demo', 'aaa', 1, { image: 'app:blue' }),
      replicaSet('demo', 'bbb', 2, { replicas: 0, image: 'app:green' }),
      expRs,
    ],
    pods: [
      pod('demo-aaa-z5wps', 'demo-aaa'),
      pod('demo-bbb-2-0-baseline-q1', 'demo-bbb-2-0-baseline'),
    ],
    analysisRuns: [run, failed],
    experiments: [experiment],
  };

  it('prints counts, jobs and experiment children in the plugin order', () => {
    const info = rolloutInfo(ro, objects, NOW_MS);
    expect(info.analysisRuns.map((r) => r.objectMeta.name)).toEqual([
      'demo-bbb-2-pre',
      'demo-bbb-2',
    ]);
    expect(info.analysisRuns[1].nonJobInfo).toEqual([
      { value: '1', status: 'Successful', startedAt: T },
    ]);
    expect(stripTrailingSpaces(renderRolloutTree(info, { color: false })))
      .toBe(`Name:            demo
Namespace:       jesse-test
Status:          ✖ Degraded
Message:         RolloutAborted: metric "web" assessed Failed due to failed (1) > failureLimit (0)
Strategy:        Canary
  Step:          0/2
  SetWeight:     0
  ActualWeight:  0
Images:          app:blue (stable, Σ:baseline)
Replicas:
  Desired:       1
  Current:       1
  Updated:       0
  Ready:         1
  Available:     1

NAME                                    KIND         STATUS          AGE  INFO
⟳ demo                                  Rollout      ✖ Degraded      7d
├──# revision:2
│  ├──⧉ demo-bbb                        ReplicaSet   • ScaledDown    7d   canary
│  ├──Σ demo-bbb-2-0                    Experiment   ◌ Running       7d
│  │  └──⧉ demo-bbb-2-0-baseline        ReplicaSet   ✔ Healthy       7d
│  │     └──□ demo-bbb-2-0-baseline-q1  Pod          ✔ Running       7d   ready:1/1
│  ├──α demo-bbb-2-pre                  AnalysisRun  ✖ Failed        7d   ✖ 1
│  └──α demo-bbb-2                      AnalysisRun  ? Inconclusive  7d   ✔ 4,✖ 4,? 1,⚠ 1
│     ├──⊞ demo-bbb-2-job-1             Job          ✖ Failed        7d
│     └──⊞ demo-bbb-2-job-2             Job          ✔ Successful    7d
└──# revision:1
   └──⧉ demo-aaa                        ReplicaSet   ✔ Healthy       7d   stable
      └──□ demo-aaa-z5wps               Pod          ✔ Running       7d   ready:1/1
`);
  });
});

describe('renderRolloutTree: colour', () => {
  const { ro, objects } = blueGreen();
  const info = rolloutInfo(ro, objects, NOW_MS);

  it('uses the plugin ANSI codes, wrapping uncoloured words in ESC[0m', () => {
    const out = renderRolloutTree(info, { color: true });
    expect(out).toContain('Status:          \x1b[0m॥\x1b[0m Paused\n');
    expect(out).toContain(
      'argoproj/rollouts-demo:blue (\x1b[32mstable\x1b[0m, \x1b[32mactive\x1b[0m)',
    );
    expect(out).toContain('(\x1b[94mpreview\x1b[0m)');
    expect(out).toContain('\x1b[32m✔\x1b[0m Healthy');
    expect(out).toContain('\x1b[0m•\x1b[0m ScaledDown');
    // Names take the colour of each role in turn.
    expect(out).toContain('⧉ \x1b[32m\x1b[32mbluegreen-demo-6cbccd9f99\x1b[0m\x1b[0m');
    expect(out).toContain('\x1b[32mstable\x1b[0m,\x1b[32mactive\x1b[0m');
  });

  it('keeps the columns of the plain output (colour codes take no width)', () => {
    // eslint-disable-next-line no-control-regex
    const plain = renderRolloutTree(info, { color: true }).replace(/\x1b\[[0-9;]*m/g, '');
    expect(plain).toBe(renderRolloutTree(info, { color: false }));
  });

  it('prints no escape sequences without colour', () => {
    expect(renderRolloutTree(info, { color: false })).not.toContain('\x1b');
  });
});
