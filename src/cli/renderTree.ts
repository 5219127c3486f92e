/**
 * The `get rollout` tree of a live simulated world (for `run --get` and `--watch`), built with the
 * same view model as `get rollout -f`. Node-only, so wall time is not involved: AGE uses virtual time.
 */
import { renderRolloutTree, rolloutInfo } from '../info';
import type { ReplicaSet, Rollout } from '../model';
import { DEFAULT_EPOCH_MS } from '../sim';
import type { World } from '../scenario';

/** renderWorldRollout renders every Rollout of the world, separated by a blank line. */
export function renderWorldRollout(world: World, color: boolean): string {
  const objects = world.objects() as unknown as { kind: string }[];
  const of = <T>(kind: string) => objects.filter((o) => o.kind === kind) as unknown as T[];
  return of<Rollout>('Rollout')
    .map((ro) =>
      renderRolloutTree(
        rolloutInfo(
          ro,
          {
            replicaSets: of<ReplicaSet>('ReplicaSet'),
            pods: of('Pod'),
            analysisRuns: of('AnalysisRun'),
            experiments: of('Experiment'),
            jobs: of('Job'),
          } as never,
          DEFAULT_EPOCH_MS + world.now(),
        ),
        { color },
      ),
    )
    .join('\n');
}
