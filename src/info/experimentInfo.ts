/**
 * Experiment rows of the view model: phase, icon, its own ReplicaSets (no roles) and AnalysisRuns.
 * Mirrors argo-rollouts pkg/kubectl-argo-rollouts/info/experiment_info.go.
 * Pure: objects and `nowMs` in.
 */
import type { AnalysisRun, Experiment, Pod, ReplicaSet } from '../model/k8s';
import { infoMetaOf, isOwnedBy, ownerKeyOf, revisionOf } from './common';
import type { OwnerKey } from './common';
import { analysisIcon, analysisRunInfos } from './analysisRunInfo';
import type { JobLike } from './analysisRunInfo';
import { ageOf, epochMsFromRfc3339 } from './humanDuration';
import { mergeImageAndTags } from './images';
import { replicaSetInfos } from './replicaSetInfo';
import type { ExperimentInfo, ImageInfo } from './types';

/** The objects an Experiment's rows are built from. */
export interface ExperimentSources {
  readonly replicaSets: readonly ReplicaSet[];
  readonly pods: readonly Pod[];
  readonly analysisRuns: readonly AnalysisRun[];
  readonly jobs?: readonly JobLike[];
}

/** `experimentInfoFromExperiment` builds one Experiment row with its children at `nowMs`. */
export function experimentInfoFromExperiment(
  experiment: Experiment,
  sources: ExperimentSources,
  nowMs: number,
): ExperimentInfo {
  const key = ownerKeyOf('Experiment', experiment.metadata);
  const phase = experiment.status?.phase ?? '';
  return {
    objectMeta: infoMetaOf(experiment.metadata),
    age: ageOf(experiment.metadata?.creationTimestamp, nowMs),
    status: phase,
    icon: analysisIcon(phase),
    message: experiment.status?.message ?? '',
    revision: revisionOf(experiment.metadata),
    replicaSets: replicaSetInfos(key, undefined, sources.replicaSets, sources.pods, nowMs),
    analysisRuns: analysisRunInfos(key, sources.analysisRuns, nowMs, sources.jobs),
  };
}

/**
 * `experimentInfos` lists the Experiments owned by `owner`, newest revision first and then oldest
 * first (Argo's comparator, made consistent).
 */
export function experimentInfos(
  owner: OwnerKey,
  experiments: readonly Experiment[],
  sources: ExperimentSources,
  nowMs: number,
): ExperimentInfo[] {
  return experiments
    .filter((e) => isOwnedBy(e.metadata, owner))
    .map((e) => experimentInfoFromExperiment(e, sources, nowMs))
    .sort((a, b) => {
      if (a.revision !== b.revision) return b.revision - a.revision;
      const ta = epochMsFromRfc3339(a.objectMeta.creationTimestamp ?? '') ?? -Infinity;
      const tb = epochMsFromRfc3339(b.objectMeta.creationTimestamp ?? '') ?? -Infinity;
      return ta - tb || 0;
    });
}

/**
 * `experimentImages` lists the images the Experiment's running ReplicaSets use, each tagged
 * `Σ:<template>` with the experiment template that runs it.
 */
export function experimentImages(experiment: ExperimentInfo): ImageInfo[] {
  let images: ImageInfo[] = [];
  for (const rs of experiment.replicaSets) {
    if (rs.replicas <= 0) continue;
    for (const image of rs.images) {
      images = mergeImageAndTags({ image, tags: rs.template ? [`Σ:${rs.template}`] : [] }, images);
    }
  }
  return images;
}
