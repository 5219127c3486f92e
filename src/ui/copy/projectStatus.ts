/** Teaching and status copy for the start page (architecture.md section 13: prose lives in copy/). */

export interface StatusItem {
  /** Short name of a capability. */
  readonly name: string;
  /** One sentence on what it does or will do. */
  readonly detail: string;
}

export interface ProjectStatusCopy {
  readonly title: string;
  readonly tagline: string;
  readonly works: readonly StatusItem[];
  readonly coming: readonly StatusItem[];
  readonly tryIt: readonly string[];
}

export const PROJECT_STATUS: ProjectStatusCopy = {
  title: 'Rollout Lab',
  tagline:
    'A simulator and teaching sandbox for Argo Rollouts: canary and blue-green delivery, without a cluster.',
  works: [
    {
      name: 'Manifest loading and lint',
      detail:
        'Rollout, AnalysisTemplate, Service, Ingress and router manifests load from real YAML and are checked with Argo’s own validation rules, each problem reported at its file, line, column and field path.',
    },
    {
      name: 'Replica arithmetic',
      detail:
        'The controller’s canary and blue-green replica calculations, checked against every case of Argo’s own unit tests.',
    },
  ],
  coming: [
    {
      name: 'The simulated controller',
      detail: 'A virtual clock, a fake cluster and the Rollout controller as a statechart.',
    },
    {
      name: 'Analysis',
      detail: 'AnalysisRuns measured against simulated traffic and metric providers.',
    },
    {
      name: 'The sandbox',
      detail: 'Animated pods and traffic, the dashboard’s buttons, time travel and lessons.',
    },
  ],
  tryIt: ['./bin/rollout-lab --help', './bin/rollout-lab lint -f rollout.yaml'],
};
