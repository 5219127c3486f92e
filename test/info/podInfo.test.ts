import { describe, expect, it } from 'vitest';
import { podIcon, podInfoFromPod, podStatusSummary } from '../../src/info';
import type { Pod } from '../../src/model/k8s';
import { NOW_MS, T, pod, running, terminated, waiting } from './fixtures';

describe('pod status string (kubectl printPod, as pod_info.go)', () => {
  it.each<[string, Pod, string, string, string, number]>([
    ['running and ready', pod('p', 'rs'), 'Running', '✔', '1/1', 0],
    [
      'image pull back-off',
      pod('p', 'rs', [waiting('ImagePullBackOff')], { phase: 'Pending' }),
      'ImagePullBackOff',
      '⚠',
      '0/1',
      0,
    ],
    [
      'err image pull',
      pod('p', 'rs', [waiting('ErrImagePull')], { phase: 'Pending' }),
      'ErrImagePull',
      '⚠',
      '0/1',
      0,
    ],
    [
      'config error',
      pod('p', 'rs', [waiting('CreateContainerConfigError')], { phase: 'Pending' }),
      'CreateContainerConfigError',
      '⚠',
      '0/1',
      0,
    ],
    [
      'crash loop',
      pod('p', 'rs', [waiting('CrashLoopBackOff', 5)]),
      'CrashLoopBackOff',
      '✖',
      '0/1',
      5,
    ],
    [
      'container creating',
      pod('p', 'rs', [waiting('ContainerCreating')], { phase: 'Pending' }),
      'ContainerCreating',
      '◌',
      '0/1',
      0,
    ],
    ['pending, no statuses', pod('p', 'rs', [], { phase: 'Pending' }), 'Pending', '◌', '0/0', 0],
    [
      'terminating',
      pod('p', 'rs', [running()], { deletionTimestamp: T }),
      'Terminating',
      '◌',
      '1/1',
      0,
    ],
    [
      'node lost',
      pod('p', 'rs', [running()], { deletionTimestamp: T, reason: 'NodeLost' }),
      'Unknown',
      '?',
      '1/1',
      0,
    ],
    [
      'exit code',
      pod('p', 'rs', [terminated(137)], { phase: 'Failed' }),
      'ExitCode:137',
      '✖',
      '0/1',
      0,
    ],
    [
      'signal',
      pod('p', 'rs', [terminated(0, { signal: 9 })], { phase: 'Failed' }),
      'Signal:9',
      '✖',
      '0/1',
      0,
    ],
    [
      'completed',
      pod('p', 'rs', [terminated(0, { reason: 'Completed' })], { phase: 'Succeeded' }),
      'Completed',
      '✔',
      '0/1',
      0,
    ],
    [
      'completed sidecar next to a running container reads Running',
      pod('p', 'rs', [running('a'), terminated(0, { reason: 'Completed' }, 'b')]),
      'Running',
      '✔',
      '1/2',
      0,
    ],
    [
      'the first container in spec order wins',
      pod('p', 'rs', [waiting('CrashLoopBackOff', 2, 'a'), waiting('ImagePullBackOff', 1, 'b')]),
      'CrashLoopBackOff',
      '✖',
      '0/2',
      3,
    ],
  ])('%s', (_name, p, status, icon, ready, restarts) => {
    const info = podInfoFromPod(p, NOW_MS);
    expect(info.status).toBe(status);
    expect(info.icon).toBe(icon);
    expect(info.ready).toBe(ready);
    expect(info.restarts).toBe(restarts);
    expect(info.age).toBe('7d');
  });

  const withInit = (initStatuses: ReturnType<typeof waiting>[], sidecar = false): Pod => {
    const p = pod('p', 'rs', [waiting('PodInitializing')], { phase: 'Pending' });
    return {
      ...p,
      spec: {
        ...p.spec!,
        initContainers: initStatuses.map((s) => ({
          name: s.name,
          image: 'i',
          restartPolicy: sidecar ? 'Always' : undefined,
        })),
      },
      status: { ...p.status, initContainerStatuses: initStatuses },
    };
  };

  it.each<[string, Pod, string]>([
    [
      'init still running',
      withInit([waiting('PodInitializing', 0, 'i0'), waiting('', 0, 'i1')]),
      'Init:0/2',
    ],
    [
      'init done, second pending',
      withInit([terminated(0, {}, 'i0'), waiting('', 0, 'i1')]),
      'Init:1/2',
    ],
    ['init crash loop', withInit([waiting('CrashLoopBackOff', 3, 'i0')]), 'Init:CrashLoopBackOff'],
    ['init exit code', withInit([terminated(2, {}, 'i0')]), 'Init:ExitCode:2'],
    ['init signal', withInit([terminated(1, { signal: 15 }, 'i0')]), 'Init:Signal:15'],
    ['init reason', withInit([terminated(1, { reason: 'Error' }, 'i0')]), 'Init:Error'],
  ])('%s', (_name, p, status) => {
    expect(podStatusSummary(p).status).toBe(status);
    // Init:* is in progress even when it names an error.
    expect(podIcon(podStatusSummary(p).status)).toBe('◌');
  });

  it('counts init restarts while initializing', () => {
    expect(podStatusSummary(withInit([waiting('CrashLoopBackOff', 3, 'i0')])).restarts).toBe(3);
  });

  it('a started but unready sidecar stops the init scan without initializing', () => {
    const sidecar = { ...running('i0'), ready: false, started: true };
    const p = withInit([sidecar], true);
    expect(podStatusSummary(p).status).toBe('PodInitializing');
  });

  it('unknown statuses have a blank icon', () => {
    expect(podIcon('Whatever')).toBe(' ');
  });
});
