// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { KubeObject } from '../../../src/model';
import GetRolloutTree from '../../../src/ui/objects/GetRolloutTree';
import { objectKey } from '../../../src/ui/objects/groups';
import ObjectPicker from '../../../src/ui/objects/ObjectPicker';
import ObjectsPanel from '../../../src/ui/objects/ObjectsPanel';
import ObjectYaml from '../../../src/ui/objects/ObjectYaml';
import { canaryPausedWorld, objectsOf, treeOf } from '../../../stories/objects/fixtures';

afterEach(cleanup);
const world = canaryPausedWorld();
const objects = objectsOf(world);
const traffic: KubeObject = {
  apiVersion: 'networking.istio.io/v1alpha3',
  kind: 'VirtualService',
  metadata: { name: 'rollouts-demo-vsvc', namespace: 'default' },
};

describe('GetRolloutTree', () => {
  it('renders text whose copy is byte-identical to the get rollout output', () => {
    const text = treeOf(world);
    const { container } = render(<GetRolloutTree text={text} />);
    const pre = container.querySelector('pre')!;
    expect(pre.textContent).toBe(text);
    expect(pre).toHaveAccessibleName('kubectl argo rollouts get rollout output');
    expect(pre.querySelectorAll('.rl-t-paused')).toHaveLength(2);
    expect(pre.querySelector('.rl-t-role--canary')).toHaveTextContent('canary');
  });
});

describe('ObjectPicker', () => {
  it('groups objects by kind with counts', () => {
    render(<ObjectPicker objects={[...objects, traffic]} onSelect={() => {}} />);
    const nav = screen.getByRole('navigation', { name: 'Kubernetes objects by kind' });
    const headings = within(nav)
      .getAllByRole('heading')
      .map((h) => h.textContent);
    expect(headings).toEqual([
      'Rollout (1)',
      'ReplicaSet (2)',
      'Pod (5)',
      'Service (1)',
      'Ingress / VirtualService / TrafficSplit (1)',
      'Other (1)',
    ]);
    expect(within(screen.getByRole('region', { name: /Pod/ })).getAllByRole('button')).toHaveLength(
      5,
    );
  });

  it('reports the key of the picked object and marks the selected one', () => {
    const onSelect = vi.fn();
    const rollout = objects.find((o) => o.kind === 'Rollout')!;
    render(<ObjectPicker objects={objects} selected={objectKey(rollout)} onSelect={onSelect} />);
    expect(screen.getByRole('button', { name: 'Rollout rollouts-demo' })).toHaveAttribute(
      'aria-current',
      'true',
    );
    const rs = objects.find((o) => o.kind === 'ReplicaSet')!;
    fireEvent.click(screen.getByRole('button', { name: `ReplicaSet ${rs.metadata!.name!}` }));
    expect(onSelect).toHaveBeenCalledWith(objectKey(rs));
  });

  it('says so when the cluster is empty', () => {
    render(<ObjectPicker objects={[]} onSelect={() => {}} />);
    expect(screen.getByText('The cluster holds no objects yet.')).toBeInTheDocument();
  });
});

describe('ObjectYaml and ObjectsPanel', () => {
  it('shows an object as YAML in a labelled pre', () => {
    const rollout = objects.find((o) => o.kind === 'Rollout')!;
    render(<ObjectYaml object={rollout} />);
    const pre = screen.getByLabelText('Rollout rollouts-demo as YAML');
    expect(pre.textContent).toContain('kind: Rollout');
    expect(pre.textContent).toContain('currentStepIndex: 1');
  });

  it('shows a note without an object', () => {
    render(<ObjectYaml object={null} />);
    expect(screen.getByText('No object selected.')).toBeInTheDocument();
  });

  it('starts on the Rollout and follows the picker', () => {
    render(<ObjectsPanel objects={objects} />);
    expect(screen.getByLabelText('Rollout rollouts-demo as YAML')).toBeInTheDocument();
    const svc = objects.find((o) => o.kind === 'Service')!;
    const picker = screen.getByRole('navigation');
    fireEvent.click(within(picker).getByRole('button', { name: `Service ${svc.metadata!.name!}` }));
    expect(screen.getByLabelText(`Service ${svc.metadata!.name!} as YAML`)).toBeInTheDocument();
  });
});
