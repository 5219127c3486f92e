// Test table re-expressing TestGetDesiredCanaryWeightOnAbortWithScaleDownDelay (table part) of Argo Rollouts' utils/replicaset/canary_test.go
// (commit 9f8d111, via the shared reference digest). Case names are Argo's own.

export interface AbortWeightCase {
  readonly name: string;
  readonly abortDelay: number | undefined;
  readonly stableAvailable: number;
  readonly expectedWeight: number;
}

/** R=10, steps [setWeight 10, setWeight 50], dynamic, aborted; canary RS 5/5; stable spec = available. */
export const abortWeightCases: readonly AbortWeightCase[] = [
  {
    name: 'no explicit delay: weight is held up by canary size (progressive drain unchanged)',
    abortDelay: undefined,
    stableAvailable: 9,
    expectedWeight: 10,
  },
  {
    name: 'explicit delay: weight steps down gradually while stable is scaling up',
    abortDelay: 30,
    stableAvailable: 5,
    expectedWeight: 10,
  },
  {
    name: 'explicit delay: weight reaches zero once stable nearly covers spec.Replicas (deadlock case)',
    abortDelay: 30,
    stableAvailable: 9,
    expectedWeight: 0,
  },
  {
    name: 'explicit zero delay (leave canary up indefinitely): weight is held up by canary size',
    abortDelay: 0,
    stableAvailable: 9,
    expectedWeight: 10,
  },
];
