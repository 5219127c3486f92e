import { describe, expect, it } from 'vitest';
import {
  ownerKeyOf,
  replicaSetHealth,
  replicaSetIcon,
  replicaSetInfos,
  scaleDownDelay,
} from '../../src/info';
import { NOW_MS, pod, replicaSet, rfc3339, rollout } from './fixtures';

const bg = rollout(
  'bg',
  { strategy: { blueGreen: { activeService: 'a', previewService: 'p' } } },
  {
    stableRS: 'aaa',
    currentPodHash: 'bbb',
    blueGreen: { activeSelector: 'aaa', previewSelector: 'bbb' },
  },
);
const canary = rollout(
  'cn',
  { strategy: { canary: { steps: [{ setWeight: 20 }] } } },
  { stableRS: 'aaa', currentPodHash: 'bbb', currentStepIndex: 0 },
);

describe('replicaSetHealth (replicaset_info.go getReplicaSetHealth)', () => {
  it.each([
    ['healthy', replicaSet('x', 'h', 1, { replicas: 3 }), 'Healthy', '✔'],
    [
      'available below spec',
      replicaSet('x', 'h', 1, { replicas: 3, available: 2 }),
      'Progressing',
      '◌',
    ],
    [
      'generation not observed',
      replicaSet('x', 'h', 1, { generation: 3, observedGeneration: 2 }),
      'Progressing',
      '◌',
    ],
    ['scaled to zero', replicaSet('x', 'h', 1, { replicas: 0 }), 'ScaledDown', '•'],
    [
      'replica failure',
      replicaSet('x', 'h', 1, {
        available: 0,
        conditions: [{ type: 'ReplicaFailure', status: 'True' }],
      }),
      'ReplicaFailure',
      '✖',
    ],
  ])('%s', (_name, rs, status, icon) => {
    expect(replicaSetHealth(rs)).toBe(status);
    expect(replicaSetIcon(status)).toBe(icon);
  });
});

describe('roles', () => {
  const rsFor = (owner: string) => [
    replicaSet(owner, 'aaa', 1),
    replicaSet(owner, 'bbb', 2),
    replicaSet(owner, 'ccc', 0, { replicas: 0 }),
  ];

  it('blue-green: stable and active on the active RS, preview on the preview RS', () => {
    const infos = replicaSetInfos(ownerKeyOf('Rollout', bg.metadata), bg, rsFor('bg'), [], NOW_MS);
    const roles = infos.map((rs) => [
      rs.objectMeta.name,
      rs.stable,
      rs.active,
      rs.preview,
      rs.canary,
    ]);
    expect(roles).toEqual([
      ['bg-bbb', false, false, true, false],
      ['bg-aaa', true, true, false, false],
      ['bg-ccc', false, false, false, false],
    ]);
  });

  it('canary: stable by stableRS, canary by currentPodHash (stable wins when equal)', () => {
    const infos = replicaSetInfos(
      ownerKeyOf('Rollout', canary.metadata),
      canary,
      rsFor('cn'),
      [],
      NOW_MS,
    );
    expect(infos.map((rs) => [rs.objectMeta.name, rs.stable, rs.canary])).toEqual([
      ['cn-bbb', false, true],
      ['cn-aaa', true, false],
      ['cn-ccc', false, false],
    ]);
    const promoted = { ...canary, status: { ...canary.status, currentPodHash: 'aaa' } };
    const after = replicaSetInfos(
      ownerKeyOf('Rollout', canary.metadata),
      promoted,
      rsFor('cn'),
      [],
      NOW_MS,
    );
    expect(after.find((rs) => rs.objectMeta.name === 'cn-aaa')).toMatchObject({
      stable: true,
      canary: false,
    });
  });

  it('ping-pong: the stable RS is pong unless status says ping', () => {
    const pp = {
      ...canary,
      spec: { strategy: { canary: { pingPong: { pingService: 'ping', pongService: 'pong' } } } },
    };
    const key = ownerKeyOf('Rollout', pp.metadata);
    const [canaryRs, stableRs] = replicaSetInfos(key, pp, rsFor('cn'), [], NOW_MS);
    expect(stableRs).toMatchObject({ stable: true, ping: false, pong: true });
    expect(canaryRs).toMatchObject({ canary: true, ping: true, pong: false });
    const pinged = { ...pp, status: { ...pp.status, canary: { stablePingPong: 'ping' as const } } };
    const [c2, s2] = replicaSetInfos(key, pinged, rsFor('cn'), [], NOW_MS);
    expect(s2).toMatchObject({ ping: true, pong: false });
    expect(c2).toMatchObject({ ping: false, pong: true });
  });

  it('only takes ReplicaSets and pods owned by uid, pods oldest first then by name', () => {
    const stranger = replicaSet('other', 'zzz', 9);
    const pods = [pod('cn-aaa-2', 'cn-aaa'), pod('cn-aaa-1', 'cn-aaa'), pod('x', 'other-zzz')];
    pods[0].metadata!.creationTimestamp = '2024-02-01T00:00:00Z';
    const infos = replicaSetInfos(
      ownerKeyOf('Rollout', canary.metadata),
      canary,
      [...rsFor('cn'), stranger],
      pods,
      NOW_MS,
    );
    expect(infos.map((rs) => rs.objectMeta.name)).toEqual(['cn-bbb', 'cn-aaa', 'cn-ccc']);
    expect(infos[1].pods.map((p) => p.objectMeta.name)).toEqual(['cn-aaa-2', 'cn-aaa-1']);
  });

  it('falls back to kind and name when the owner has no uid', () => {
    const noUid = { ...canary, metadata: { ...canary.metadata, uid: undefined } };
    const rs = replicaSet('cn', 'aaa', 1);
    rs.metadata!.ownerReferences = [
      { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', name: 'cn', uid: '' },
    ];
    const infos = replicaSetInfos(ownerKeyOf('Rollout', noUid.metadata), noUid, [rs], [], NOW_MS);
    expect(infos).toHaveLength(1);
  });
});

describe('scale-down delay', () => {
  it.each([
    [NOW_MS + 10_000, '10s'],
    [NOW_MS + 4 * 3_600_000 - 1000, '3h59m'],
    [NOW_MS, '0s'],
    [NOW_MS - 1000, 'passed'],
    [NOW_MS - 3_600_000, 'passed'],
  ])('deadline %d', (deadline, text) => {
    expect(scaleDownDelay(rfc3339(deadline), NOW_MS)).toBe(text);
  });

  it('is empty for an unreadable deadline, and carried on the ReplicaSet row', () => {
    expect(scaleDownDelay('soon', NOW_MS)).toBe('');
    const rs = replicaSet('bg', 'aaa', 1, {
      annotations: { 'scale-down-deadline': rfc3339(NOW_MS + 30_000) },
    });
    const [info] = replicaSetInfos(ownerKeyOf('Rollout', bg.metadata), bg, [rs], [], NOW_MS);
    expect(info).toMatchObject({
      scaleDownDelay: '30s',
      scaleDownDeadline: rfc3339(NOW_MS + 30_000),
    });
  });
});
