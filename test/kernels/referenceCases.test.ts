// Cross-checks the TypeScript test tables against the shared reference data
// (../shared/reference/cases/canary-replica-cases.json, extracted from Argo Rollouts'
// utils/replicaset/canary_test.go) and runs every JSON case through the kernels as well.
// The tables under ./tables are the source of truth; this file only guards against drift.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IntOrString, SetCanaryScale } from '../../src/kernels';
import {
  allDesiredAreAvailable,
  approximateWeightedCanaryStableReplicaCounts,
  getCanaryReplicasOrWeight,
  getDesiredCanaryWeight,
  getReplicasForScaleDown,
  replicaProgressThresholdMet,
  trafficWeightToReplicas,
} from '../../src/kernels';
import type { CanaryCountsCase, DynamicScaleCase } from './harness';
import {
  makeRS,
  newRollout,
  rolloutFrom,
  runAtDesiredCase,
  runCanaryCountsCase,
  runDynamicScaleCase,
} from './harness';
import { approximateCases } from './tables/approximateWeightedCanaryStableReplicaCounts';
import { calculateReplicaCountsForCanaryCases } from './tables/calculateReplicaCountsForCanary';
import { abortWeightCases } from './tables/desiredCanaryWeightOnAbort';
import {
  allDesiredAreAvailableCases,
  atDesiredReplicaCountsCases,
  getCanaryReplicasOrWeightCases,
  getReplicasForScaleDownCases,
  replicaProgressThresholdCases,
  trafficWeightToReplicasCases,
} from './tables/helpers';
import { dynamicScaleCases } from './tables/trafficRoutingDynamicScale';

const jsonPath = path.resolve(
  __dirname,
  '../../../shared/reference/cases/canary-replica-cases.json',
);
const exists = existsSync(jsonPath);
if (!exists) {
  console.info(`[kernels] reference cases not found at ${jsonPath}; skipping the cross-check.`);
}

/* eslint-disable @typescript-eslint/no-explicit-any -- raw JSON from the reference digest */
type Json = any;
const data: Json = exists ? JSON.parse(readFileSync(jsonPath, 'utf8')) : {};
const list = (key: string): Json[] => (exists ? (data[key] as Json[]) : []);

const names = (rows: readonly { name: string }[]) => new Set(rows.map((r) => r.name));
const rsOf = (rs: Json) => rs && makeRS('rs', rs.specReplicas, rs.availableReplicas);
const scaleOf = (s: Json): SetCanaryScale | undefined =>
  s && (s.replicas !== null || s.weight !== null || s.matchTrafficWeight)
    ? {
        ...(s.replicas !== null ? { replicas: s.replicas as number } : {}),
        ...(s.weight !== null ? { weight: s.weight as number } : {}),
        ...(s.matchTrafficWeight ? { matchTrafficWeight: true } : {}),
      }
    : undefined;

describe.skipIf(!exists)('reference cases (canary-replica-cases.json)', () => {
  it('has the documented number of cases', () => {
    const counts = data.counts as Record<string, unknown>;
    for (const [key, count] of Object.entries(counts)) {
      if (typeof count === 'number') expect(list(key), key).toHaveLength(count);
    }
  });

  it('every named JSON case appears in the TypeScript tables', () => {
    const tables: [string, Set<string>][] = [
      ['calculateReplicaCountsForCanary', names(calculateReplicaCountsForCanaryCases)],
      ['calculateReplicaCountsForCanaryTrafficRoutingDynamicScale', names(dynamicScaleCases)],
      ['getDesiredCanaryWeightOnAbortWithScaleDownDelay', names(abortWeightCases)],
      ['getReplicasForScaleDown', names(getReplicasForScaleDownCases)],
      ['replicaProgressThresholdMet', names(replicaProgressThresholdCases)],
      ['allDesiredAreAvailable', names(allDesiredAreAvailableCases)],
      ['atDesiredReplicaCountsForCanary', names(atDesiredReplicaCountsCases)],
      ['getCanaryReplicasOrWeight', names(getCanaryReplicasOrWeightCases)],
    ];
    for (const [key, table] of tables) {
      const jsonNames = list(key).map((c) => c.name as string);
      expect(
        jsonNames.filter((n) => !table.has(n)),
        key,
      ).toEqual([]);
      expect(table.size, key).toBe(new Set(jsonNames).size);
    }
  });

  it('every unnamed JSON row appears in the TypeScript tables', () => {
    const approx = new Set(approximateCases.map((c) => c.slice(0, 6).join(',')));
    for (const c of list('approximateWeightedCanaryStableReplicaCounts')) {
      const key = [c.replicas, c.weight, c.maxWeight, c.maxSurge, c.expCanary, c.expStable];
      expect(approx.has(key.join(',')), key.join(',')).toBe(true);
    }
    const tw = new Set(trafficWeightToReplicasCases.map((c) => c.join(',')));
    for (const c of list('trafficWeightToReplicas')) {
      const key = [c.replicas, c.weight, c.maxWeight, c.expected].join(',');
      expect(tw.has(key), key).toBe(true);
    }
  });

  it('every single-assertion Go test is named in a kernels test file', () => {
    const dir = __dirname;
    const sources = readdirSync(dir)
      .filter((f) => f.endsWith('.test.ts') && f !== path.basename(__filename))
      .map((f) => readFileSync(path.join(dir, f), 'utf8'))
      .join('\n');
    for (const c of list('singleAssertionTests')) {
      const goTest = (c.goTest as string).split(' ')[0] ?? '';
      expect(sources.includes(goTest), goTest).toBe(true);
    }
  });

  describe('JSON cases run through the kernels', () => {
    it.each(list('calculateReplicaCountsForCanary').map((c) => [c.name as string, c]))(
      'calculateReplicaCountsForCanary: %s',
      (_, c) => {
        const row: CanaryCountsCase = {
          name: c.name,
          replicas: c.rolloutSpecReplicas,
          setWeight: c.setWeight,
          maxSurge: c.maxSurge as IntOrString,
          maxUnavailable: c.maxUnavailable as IntOrString,
          promoteFull: c.promoteFull,
          stable: [c.stableSpecReplica, c.stableAvailableReplica],
          canary: [c.canarySpecReplica, c.canaryAvailableReplica],
          ...(c.olderRS
            ? {
                older: {
                  name: c.olderRS.name,
                  spec: c.olderRS.specReplicas,
                  available: c.olderRS.availableReplicas,
                },
              }
            : {}),
          ...(scaleOf(c.setCanaryScale) ? { setCanaryScale: scaleOf(c.setCanaryScale) } : {}),
          trafficRouting: c.trafficRouting,
          ...(c.abortScaleDownDelaySeconds !== null
            ? { abortScaleDownDelaySeconds: c.abortScaleDownDelaySeconds }
            : {}),
          abort: c.statusAbort,
          ...(c.minPodsPerReplicaSet !== null
            ? { minPodsPerReplicaSet: c.minPodsPerReplicaSet }
            : {}),
          expected: { canary: c.expectedCanaryReplicaCount, stable: c.expectedStableReplicaCount },
        };
        expect(runCanaryCountsCase(row)).toEqual(row.expected);
      },
    );

    it.each(list('approximateWeightedCanaryStableReplicaCounts').map((c) => [c.index, c]))(
      'approximateWeightedCanaryStableReplicaCounts #%i',
      (_, c) => {
        expect(
          approximateWeightedCanaryStableReplicaCounts(
            c.replicas,
            c.weight,
            c.maxWeight,
            c.maxSurge,
          ),
        ).toEqual({ canary: c.expCanary, stable: c.expStable });
      },
    );

    it.each(
      list('calculateReplicaCountsForCanaryTrafficRoutingDynamicScale').map((c) => [c.name, c]),
    )('dynamic scale: %s', (_, c) => {
      const pair = (rs: Json) => (rs ? ([rs.specReplicas, rs.availableReplicas] as const) : null);
      const row: DynamicScaleCase = {
        name: c.name,
        replicas: c.rolloutReplicas,
        abort: c.rolloutAbort,
        steps: (c.effectiveSteps as Json[]).map((s) => s.setWeight as number),
        weights: [c.canaryWeight, c.stableWeight],
        canaryRS: pair(c.effectiveCanaryRS),
        stableRS: pair(c.effectiveStableRS),
        expected: { canary: c.expectedCanaryReplicas, stable: c.expectedStableReplicas },
      };
      expect(runDynamicScaleCase(row)).toEqual(row.expected);
    });

    it.each(list('getDesiredCanaryWeightOnAbortWithScaleDownDelay').map((c) => [c.name, c]))(
      'abort weight: %s',
      (_, c) => {
        const rollout = newRollout({
          replicas: 10,
          setWeight: 10,
          maxSurge: 1,
          maxUnavailable: 0,
          trafficRouting: true,
        });
        const canary = rollout.spec.strategy?.canary;
        if (!canary || !rollout.status) throw new Error('unreachable');
        canary.steps = [{ setWeight: 10 }, { setWeight: 50 }];
        canary.dynamicStableScale = true;
        if (c.abortDelay !== null) canary.abortScaleDownDelaySeconds = c.abortDelay;
        rollout.status.abort = true;
        const stable = makeRS('stable', c.stableAvailable, c.stableAvailable);
        expect(getDesiredCanaryWeight(rollout, makeRS('canary', 5, 5), stable)).toBe(
          c.expectedWeight,
        );
      },
    );

    it.each(list('getReplicasForScaleDown').map((c) => [c.name, c]))(
      'getReplicasForScaleDown: %s',
      (_, c) => {
        expect(getReplicasForScaleDown(rsOf(c.rs), c.ignoreAvailability)).toBe(c.want);
      },
    );

    it.each(list('replicaProgressThresholdMet').map((c) => [c.name, c]))(
      'replicaProgressThresholdMet: %s',
      (_, c) => {
        expect(replicaProgressThresholdMet(c.threshold, rsOf(c.rs), c.desired)).toBe(c.want);
      },
    );

    it.each(list('allDesiredAreAvailable').map((c) => [c.name, c]))(
      'allDesiredAreAvailable: %s',
      (_, c) => {
        expect(allDesiredAreAvailable(rsOf(c.rs), c.desired)).toBe(c.want);
      },
    );

    it.each(list('atDesiredReplicaCountsForCanary').map((c) => [c.name, c]))(
      'atDesiredReplicaCountsForCanary: %s',
      (_, c) => {
        const triple = (rs: Json) =>
          [rs.specReplicas, rs.availableReplicas, rs.statusReplicas] as const;
        const scale = scaleOf(c.setCanaryScale);
        expect(
          runAtDesiredCase({
            name: c.name,
            replicas: c.rolloutSpecReplicas,
            setWeight: c.setWeight,
            maxSurge: c.maxSurge,
            maxUnavailable: c.maxUnavailable,
            ...(scale ? { setCanaryScale: scale } : {}),
            newRS: triple(c.newRS),
            stableRS: triple(c.stableRS),
            weights: [c.weights.canary, c.weights.stable],
            want: c.want,
          }),
        ).toBe(c.want);
      },
    );

    it.each(list('getCanaryReplicasOrWeight').map((c) => [c.name, c]))(
      'getCanaryReplicasOrWeight: %s',
      (_, c) => {
        expect(getCanaryReplicasOrWeight(rolloutFrom(c.rollout))).toEqual({
          replicas: c.replicas ?? undefined,
          weight: c.weight,
        });
      },
    );

    it.each(list('trafficWeightToReplicas').map((c) => [c.index, c]))(
      'trafficWeightToReplicas #%i',
      (_, c) => {
        expect(trafficWeightToReplicas(c.replicas, c.weight, c.maxWeight)).toBe(c.expected);
      },
    );
  });
});
