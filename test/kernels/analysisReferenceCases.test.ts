// Cross-checks the AnalysisRun test tables (./tables/analysis*.ts, ../controller/tables/analysisRun.ts)
// against the shared reference digest ../shared/reference/cases/analysis-cases.json. The TypeScript
// tables are the source of truth; this file only guards against drift and skips without ../shared.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { reconcileAnalysisRunCases } from '../controller/tables/analysisRun';
import * as runTables from './tables/analysis';
import * as templateTables from './tables/analysisTemplates';

const jsonPath = path.resolve(__dirname, '../../../shared/reference/cases/analysis-cases.json');
const exists = existsSync(jsonPath);
if (!exists) console.info(`[kernels] ${jsonPath} not found; skipping the analysis cross-check.`);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
const data: Json = exists ? JSON.parse(readFileSync(jsonPath, 'utf8')) : {};

const strip = (rows: readonly Json[]) =>
  rows.map((r) => {
    const { name: _name, source: _source, ...rest } = r;
    return rest;
  });
const jsonRows = (rows: readonly Json[]) =>
  rows.map((r) => {
    const { source: _source, ...rest } = r;
    return rest;
  });

const pairs: [string, () => readonly Json[], () => readonly Json[]][] = [
  [
    'metricPhaseAssessment',
    () => runTables.metricPhaseAssessmentCases,
    () => data.metricPhaseAssessment,
  ],
  [
    'failureInconclusiveOrError',
    () => runTables.failureInconclusiveOrErrorCases,
    () => data.failureInconclusiveOrError,
  ],
  ['runPhaseAssessment', () => runTables.runPhaseAssessmentCases, () => data.runPhaseAssessment],
  ['reconcileAnalysisRun', () => reconcileAnalysisRunCases, () => data.reconcileAnalysisRun],
  [
    'measurementScheduling',
    () => runTables.measurementSchedulingCases,
    () => data.measurementScheduling,
  ],
  ['nextReconcileTime', () => runTables.nextReconcileTimeCases, () => data.nextReconcileTime],
  [
    'measurementTrimming',
    () => runTables.measurementTrimmingCases,
    () => data.measurementTrimming.cases,
  ],
  [
    'ttlGarbageCollection',
    () => runTables.ttlGarbageCollectionCases,
    () => data.ttlGarbageCollection,
  ],
  ['phaseOrdering', () => runTables.phaseOrderingCases, () => data.phaseOrdering.cases],
  ['isTerminating', () => runTables.isTerminatingCases, () => data.isTerminating],
  ['metricValidation', () => runTables.metricValidationCases, () => data.metricValidation],
  [
    'dryRunAndRetentionRules',
    () => runTables.dryRunAndRetentionCases,
    () => data.dryRunAndRetentionRules.cases,
  ],
  [
    'templateMergingAndArgs',
    () => [
      ...templateTables.flattenTemplatesCases,
      ...templateTables.newAnalysisRunFromTemplatesCases,
      ...templateTables.mergeArgsCases,
      ...templateTables.filterUniqueTemplatesCases,
      ...templateTables.resolveMetricArgsCases,
      ...templateTables.semanticEqualityCases,
      ...templateTables.createWithCollisionCounterCases,
    ],
    () => {
      const t = data.templateMergingAndArgs;
      return [
        ...t.flattenTemplates,
        ...t.newAnalysisRunFromTemplates,
        ...t.mergeArgs,
        ...t.filterUniqueTemplates,
        ...t.resolveMetricArgs,
        ...t.semanticEquality,
        ...t.createWithCollisionCounter,
      ];
    },
  ],
  [
    'extractValueFromRollout',
    () => templateTables.extractValueFromRolloutCases,
    () => data.extractValueFromRollout.cases,
  ],
  [
    'buildArgumentsForRolloutAnalysisRun',
    () => templateTables.buildArgumentsCases,
    () => data.buildArgumentsForRolloutAnalysisRun.cases,
  ],
  ['analysisRunLabels', () => templateTables.analysisRunLabelsCases, () => data.analysisRunLabels],
  [
    'analysisRunHistoryGC',
    () => templateTables.analysisRunHistoryGCCases,
    () => data.analysisRunHistoryGC,
  ],
  [
    'blueGreenAnalysisSkip',
    () => [...templateTables.skipPrePromotionCases, ...templateTables.skipPostPromotionCases],
    () => [...data.blueGreenAnalysisSkip.prePromotion, ...data.blueGreenAnalysisSkip.postPromotion],
  ],
];

describe.skipIf(!exists)('analysis tables match the reference digest', () => {
  for (const [key, ours, theirs] of pairs) {
    it(`${key}: same cases (${exists ? String(data.counts[key]) : '?'} in the digest)`, () => {
      expect(ours()).toHaveLength(data.counts[key]);
      expect(strip(ours())).toEqual(jsonRows(theirs()));
    });
  }
  it('every case has a unique test name per table', () => {
    for (const [key, ours] of pairs) {
      const names = ours().map((r) => r.name as string);
      expect(new Set(names).size, key).toBe(names.length);
    }
  });
});
