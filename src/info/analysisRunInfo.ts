/**
 * AnalysisRun rows of the view model: phase, icon, measurement counts, Jobs and non-Job values.
 * Mirrors argo-rollouts pkg/kubectl-argo-rollouts/info/analysisrun_info.go (and `analysisIcon`
 * from experiment_info.go). Pure: objects and `nowMs` in.
 */
import type { AnalysisRun, ObjectMeta } from '../model/k8s';
import { ICON, infoMetaOf, isOwnedBy, revisionOf } from './common';
import type { OwnerKey } from './common';
import { ageOf, epochMsFromRfc3339 } from './humanDuration';
import type { AnalysisRunInfo, JobInfo, NonJobInfo } from './types';

/** The measurement metadata key under which the Job provider records its Job's name. */
export const JOB_NAME_KEY = 'job-name';

/** A Job as far as the view model cares: its metadata (the model has no batch/v1 types). */
export interface JobLike {
  readonly metadata?: ObjectMeta;
}

/**
 * `analysisIcon` maps an analysis phase (AnalysisRun, Experiment, Job measurement) to the plugin's
 * icon: Successful ✔, Inconclusive ?, Failed ✖, Error ⚠, Running ◌, Pending ◷, else ' '.
 */
export function analysisIcon(phase: string | undefined): string {
  switch (phase) {
    case 'Successful':
      return ICON.ok;
    case 'Inconclusive':
      return ICON.unknown;
    case 'Failed':
      return ICON.bad;
    case 'Error':
      return ICON.warning;
    case 'Running':
      return ICON.progressing;
    case 'Pending':
      return ICON.waiting;
    default:
      return ' ';
  }
}

/** Go's `IntOrString.IntVal`: the number, or 0 for a string value. */
function intVal(value: number | string | undefined): number {
  return typeof value === 'number' ? value : 0;
}

function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * `analysisRunInfos` lists the AnalysisRuns owned by `owner` (a Rollout or an Experiment): newest
 * revision first, then oldest first, then by name *descending* (Argo's order). Counts are summed
 * over all metric results. A measurement whose metadata names a Job becomes a Job row (its age is
 * the measurement's start; `jobs` only fills in a creation time the measurement lacks); a
 * measurement without metadata becomes a non-Job value.
 */
export function analysisRunInfos(
  owner: OwnerKey,
  analysisRuns: readonly AnalysisRun[],
  nowMs: number,
  jobs: readonly JobLike[] = [],
): AnalysisRunInfo[] {
  const infos = analysisRuns
    .filter((run) => isOwnedBy(run.metadata, owner))
    .map((run): AnalysisRunInfo => {
      const metrics = run.spec?.metrics ?? [];
      const first = metrics[0];
      let successful = 0;
      let failed = 0;
      let inconclusive = 0;
      let error = 0;
      const jobInfos: JobInfo[] = [];
      const nonJobInfo: NonJobInfo[] = [];
      for (const result of run.status?.metricResults ?? []) {
        successful += result.successful ?? 0;
        failed += result.failed ?? 0;
        inconclusive += result.inconclusive ?? 0;
        error += result.error ?? 0;
        for (const m of result.measurements ?? []) {
          if (m.metadata) {
            const jobName = m.metadata[JOB_NAME_KEY];
            if (jobName === undefined) continue;
            const created =
              m.startedAt ??
              jobs.find((j) => j.metadata?.name === jobName)?.metadata?.creationTimestamp;
            jobInfos.push({
              objectMeta: { name: jobName, creationTimestamp: created },
              age: ageOf(created, nowMs),
              status: m.phase,
              icon: analysisIcon(m.phase),
              startedAt: m.startedAt,
            });
          } else {
            nonJobInfo.push({ value: m.value, status: m.phase, startedAt: m.startedAt });
          }
        }
      }
      const phase = run.status?.phase ?? '';
      return {
        objectMeta: infoMetaOf(run.metadata),
        age: ageOf(run.metadata?.creationTimestamp, nowMs),
        status: phase,
        icon: analysisIcon(phase),
        revision: revisionOf(run.metadata),
        successful,
        failed,
        inconclusive,
        error,
        successCondition: first?.successCondition ?? '',
        count: intVal(first?.count),
        inconclusiveLimit: intVal(first?.inconclusiveLimit),
        failureLimit: intVal(first?.failureLimit),
        jobs: jobInfos,
        nonJobInfo,
        specAndStatus: { spec: run.spec, status: run.status },
      };
    });
  return infos.sort((a, b) => {
    if (a.revision !== b.revision) return b.revision - a.revision;
    const ta = epochMsFromRfc3339(a.objectMeta.creationTimestamp ?? '') ?? -Infinity;
    const tb = epochMsFromRfc3339(b.objectMeta.creationTimestamp ?? '') ?? -Infinity;
    if (ta !== tb) return ta < tb ? -1 : 1;
    return byName(b.objectMeta.name, a.objectMeta.name);
  });
}
