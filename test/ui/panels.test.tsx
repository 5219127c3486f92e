// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  selectEventLog,
  selectGetTree,
  selectPodsByRevision,
  selectStatusText,
  selectSteps,
  selectTrafficShare,
  selectWaitingFor,
} from '../../src/store';
import { PodsPanel } from '../../src/ui/components/PodsPanel';
import { GetRolloutTree } from '../../src/ui/objects/GetRolloutTree';
import { StatusPanel } from '../../src/ui/components/StatusPanel';
import { StepsPanel } from '../../src/ui/components/StepsPanel';
import { TrafficPanel } from '../../src/ui/components/TrafficPanel';
import { WhyLog } from '../../src/ui/components/WhyLog';
import { pausedAt20, phase, recordUntil } from './frames';

afterEach(cleanup);

const paused = pausedAt20();

describe('StatusPanel', () => {
  it('is the "Rollout status" region with phase, message, Step, SetWeight and ActualWeight as text', () => {
    render(<StatusPanel status={selectStatusText(paused)} waiting={selectWaitingFor(paused)} />);
    const region = screen.getByRole('region', { name: 'Rollout status' });
    expect(region).toHaveTextContent('Paused');
    expect(region).toHaveTextContent('CanaryPauseStep');
    expect(region).toHaveTextContent(/Step\s*1\/8/);
    expect(region).toHaveTextContent(/SetWeight\s*20/);
    expect(region).toHaveTextContent(/ActualWeight\s*20/);
    expect(region).toHaveTextContent(
      'Waiting for: Paused: step 2 is pause: {} and waits for Promote.',
    );
    expect(within(region).getByText('pause: {}').tagName).toBe('CODE');
  });

  it('says so when there is no rollout', () => {
    render(<StatusPanel status={undefined} waiting={{ key: 'waiting.noRollout' }} />);
    expect(screen.getByRole('region', { name: 'Rollout status' })).toHaveTextContent(
      'No scenario is running. Pick one above.',
    );
  });
});

describe('PodsPanel', () => {
  it('groups pods by revision with role tags, one yellow canary and four blue stable pods', () => {
    render(<PodsPanel groups={selectPodsByRevision(paused)} />);
    const revisions = screen.getAllByRole('listitem', { name: /^Revision \d/ });
    expect(revisions).toHaveLength(2);
    expect(revisions[0]).toHaveTextContent('Revision 2');
    expect(within(revisions[0]).getByText('canary')).toBeInTheDocument();
    expect(within(revisions[1]).getByText('stable')).toBeInTheDocument();
    expect(within(revisions[0]).getAllByRole('listitem', { name: /image yellow/ })).toHaveLength(1);
    expect(within(revisions[1]).getAllByRole('listitem', { name: /image blue/ })).toHaveLength(4);
    const pod = within(revisions[0]).getByRole('listitem', { name: /image yellow/ });
    expect(pod).toHaveAttribute('data-state', 'ready');
    expect(pod.getAttribute('aria-label')).toMatch(/Running, ready 1\/1/);
  });

  it('marks failing pods so they read without colour', () => {
    const frame = recordUntil('bad-image-degraded', (f) =>
      selectPodsByRevision(f).some((g) => g.pods.some((p) => p.state === 'imagepull')),
    );
    render(<PodsPanel groups={selectPodsByRevision(frame)} />);
    const failing = screen.getByRole('listitem', { name: /ImagePullBackOff|ErrImagePull/ });
    expect(failing).toHaveClass('pod-failing');
    expect(failing).toHaveTextContent('⚠');
  });

  it('shows the scale-down countdown on an old ReplicaSet', () => {
    const groups = [
      {
        revision: 1,
        replicaSet: 'demo-abc',
        roles: [],
        status: 'Healthy',
        image: 'argoproj/rollouts-demo:blue',
        images: ['argoproj/rollouts-demo:blue'],
        desired: 3,
        available: 3,
        scaleDownInMs: 24_500,
        pods: [],
      },
    ];
    render(<PodsPanel groups={groups} />);
    expect(screen.getByText('Scaledown in 25s')).toBeInTheDocument();
    expect(screen.getByText('no pods')).toBeInTheDocument();
  });
});

describe('TrafficPanel', () => {
  it('shows the share per version and desired vs actual weight', () => {
    render(<TrafficPanel traffic={selectTrafficShare(paused)} />);
    const region = screen.getByRole('region', { name: 'Traffic' });
    expect(region).toHaveTextContent('20% yellow (canary)');
    expect(region).toHaveTextContent('80% blue (stable)');
    expect(region).toHaveTextContent('SetWeight 20% (desired)');
    expect(region).toHaveTextContent('ActualWeight 20% (observed)');
    expect(
      screen.getByRole('img', { name: /Traffic share per version: 20% yellow, 80% blue/ }),
    ).toBeInTheDocument();
    const fills = [...region.querySelectorAll('rect.traffic-seg')].map(
      (r) => (r as SVGRectElement).style.fill,
    );
    expect(fills).toHaveLength(2);
  });

  it('blue-green: production on the active version, the preview named apart', () => {
    const frame = recordUntil('bluegreen-preview', phase('Paused'));
    render(<TrafficPanel traffic={selectTrafficShare(frame)} />);
    const region = screen.getByRole('region', { name: 'Traffic' });
    expect(region).toHaveTextContent('100% blue (active)');
    expect(region).toHaveTextContent('Preview service: green (revision 2), for testing only');
  });

  it('no ready pods: says nothing serves traffic', () => {
    render(
      <TrafficPanel
        traffic={{ mode: 'pods', slices: [], setWeight: null, actualWeight: null, preview: null }}
      />,
    );
    expect(screen.getByText('No pod is ready: nothing serves traffic.')).toBeInTheDocument();
  });
});

describe('StepsPanel', () => {
  it('highlights the current step and says it waits for Promote', () => {
    render(<StepsPanel steps={selectSteps(paused)} />);
    const items = screen.getAllByRole('listitem');
    expect(items).toHaveLength(8);
    const current = items.find((li) => li.getAttribute('aria-current') === 'step');
    expect(current).toHaveTextContent('pause: {}');
    expect(current).toHaveTextContent('waits for Promote');
    expect(items[0]).toHaveTextContent('(done)');
    expect(items[2]).toHaveTextContent('(to do)');
  });

  it('counts down a timed pause', () => {
    const steps = selectSteps(paused);
    const timed = {
      ...steps,
      current: 3,
      steps: steps.steps.map((s) =>
        s.index === 3
          ? { ...s, state: 'current' as const, pause: { durationMs: 10_000, remainingMs: 6_200 } }
          : { ...s, state: s.index < 3 ? ('complete' as const) : ('pending' as const) },
      ),
    };
    render(<StepsPanel steps={timed} />);
    expect(screen.getByText('7s left')).toBeInTheDocument();
  });
});

describe('WhyLog', () => {
  it('narrates events newest first, with Argo reason and message', () => {
    render(<WhyLog entries={selectEventLog(paused)} />);
    const items = screen.getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('Phase → Paused.');
    expect(
      screen.getByText(/Scaled up canary to 1 because setWeight 20 of 5 replicas\./),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'ScalingReplicaSet: Scaled up ReplicaSet rollouts-demo-585c74ffd4 (revision 2) from 0 to 1',
      ),
    ).toBeInTheDocument();
  });

  it('says when nothing happened yet', () => {
    render(<WhyLog entries={[]} />);
    expect(screen.getByText('Nothing has happened yet.')).toBeInTheDocument();
  });
});

describe('GetRolloutTree (the get rollout panel)', () => {
  it('shows the get rollout text in a focusable pre', () => {
    render(<GetRolloutTree text={selectGetTree(paused)} />);
    const pre = screen.getByLabelText('kubectl argo rollouts get rollout output');
    expect(pre.tagName).toBe('PRE');
    expect(pre.textContent).toMatch(/Name:\s+rollouts-demo/);
    expect(pre).toHaveAttribute('tabindex', '0');
    expect(pre.textContent).toContain('  Step:          1/8');
  });
});
