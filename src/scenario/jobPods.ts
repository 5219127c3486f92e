/**
 * The status of a Job metric's pod at a moment of its measurement: Running while the measurement
 * runs, then Succeeded or Failed with it (the container's exit code comes from the image's
 * behaviour, `Error` for a failure with exit code 0), or waiting with ErrImagePull when the image
 * cannot be pulled. Rule: pure; the world writes the result (see createWorld's syncJobs).
 */
import type { Pod } from '../model';
import { isUnpullable, type ImageBehaviour } from '../cluster';

/** JobMeasurement is what the pod's state follows. */
export interface JobMeasurement {
  readonly startedAt?: string;
  readonly finishedAt?: string;
  readonly phase?: string;
}

type ContainerStatus = NonNullable<NonNullable<Pod['status']>['containerStatuses']>[number];

/** jobPodStatus is the pod's `.status` for the measurement `m`. */
export function jobPodStatus(
  pod: Pod,
  m: JobMeasurement,
  behaviourOf: (image: string) => ImageBehaviour,
): NonNullable<Pod['status']> {
  const containers = pod.spec?.containers ?? [];
  const started = m.startedAt;
  const done = m.finishedAt !== undefined;
  const base = { qosClass: 'BestEffort' as const, ...(started ? { startTime: started } : {}) };
  const statusOf = (c: { name: string; image?: string }): ContainerStatus => {
    const image = c.image ?? '';
    const common = { name: c.name, image, imageID: '', restartCount: 0 };
    const b = behaviourOf(image);
    if (isUnpullable(b)) {
      return {
        ...common,
        ready: false,
        started: false,
        state: {
          waiting: {
            reason: 'ErrImagePull',
            message: `failed to pull and unpack image "${image}": not found`,
          },
        },
      };
    }
    if (!done) {
      return {
        ...common,
        ready: true,
        started: true,
        state: { running: { ...(started ? { startedAt: started } : {}) } },
      };
    }
    const succeeded = m.phase === 'Successful';
    const exitCode = succeeded ? 0 : b.exitCode !== undefined && b.exitCode !== 0 ? b.exitCode : 1;
    return {
      ...common,
      ready: false,
      started: false,
      state: {
        terminated: {
          exitCode,
          reason: succeeded ? 'Completed' : 'Error',
          ...(started ? { startedAt: started } : {}),
          ...(m.finishedAt ? { finishedAt: m.finishedAt } : {}),
        },
      },
    };
  };
  const containerStatuses = containers.map(statusOf);
  const unpullable = containerStatuses.some((c) => c.state?.waiting !== undefined);
  if (unpullable) return { ...base, phase: 'Pending', containerStatuses };
  if (!done) return { ...base, phase: 'Running', containerStatuses };
  return {
    ...base,
    phase: m.phase === 'Successful' ? 'Succeeded' : 'Failed',
    containerStatuses,
  };
}
