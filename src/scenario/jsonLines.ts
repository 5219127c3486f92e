/**
 * The `--json` output contract of `rollout-lab run`: one JSON object per line for each rollout
 * change, a final summary line, and an aggregate line for `--repeat`. Counterpart: the plugin's
 * `get rollout --watch` (one redraw per change).
 * Rule: fixed key order, so equal runs print equal bytes.
 */
import { jsonEqual } from '../cluster/json';
import {
  observe,
  POD_TEMPLATE_HASH_LABEL,
  REVISION_ANNOTATION,
  rolloutReplicaSets,
} from './conditions';
import { formatVirtualTime } from './duration';
import { runScript } from './run';
import type { RunFailure, RunOptions, RunResult } from './run';
import type { Scenario } from './types';
import type { KubeObject, WorldPort } from './worldPort';

/** A ReplicaSet's role for its rollout: canary strategy `stable`/`canary`, blue-green `active`/`preview`, else `old`. */
export type ReplicaSetRole = 'stable' | 'canary' | 'active' | 'preview' | 'old';

/** ReplicaSetRecord is one ReplicaSet of a rollout record. */
export interface ReplicaSetRecord {
  readonly name: string;
  readonly revision: number | null;
  /** `status.replicas`. */
  readonly replicas: number;
  /** `status.readyReplicas`. */
  readonly ready: number;
  /** `status.availableReplicas`. */
  readonly available: number;
  readonly role: ReplicaSetRole;
}

/** AnalysisRunRecord is one AnalysisRun of a rollout record. */
export interface AnalysisRunRecord {
  readonly name: string;
  readonly kind: string;
  readonly phase: string;
  readonly metrics: readonly {
    readonly name: string;
    readonly phase: string;
    readonly measurements: number;
  }[];
}

/** RolloutRecord is one `{"kind":"rollout",…}` line: a rollout's state at virtual time `t`. */
export interface RolloutRecord {
  readonly kind: 'rollout';
  readonly t: number;
  readonly name: string;
  readonly phase: string | null;
  readonly message: string | null;
  readonly step: number | null;
  /** Canary only (null for blue-green), as the kubectl plugin reports it. */
  readonly setWeight: number | null;
  readonly actualWeight: number | null;
  /** Newest revision first, ties by name. */
  readonly replicaSets: readonly ReplicaSetRecord[];
  /** Oldest first. */
  readonly analysisRuns: readonly AnalysisRunRecord[];
}

/** Aggregate is the `--repeat` summary. */
export interface Aggregate {
  readonly runs: number;
  readonly passed: number;
  /** Wall-clock time around the runs only, measured by the caller. */
  readonly wallMs: number;
  /** Sum of the runs' virtual times. */
  readonly virtualTimeMs: number;
}

function num(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

function field(o: unknown, ...keys: string[]): unknown {
  let current = o;
  for (const key of keys) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function serviceHash(objects: readonly KubeObject[], name: unknown): string | undefined {
  if (typeof name !== 'string') return undefined;
  const svc = objects.find((o) => o.kind === 'Service' && o.metadata?.name === name);
  const hash = field(svc, 'spec', 'selector', POD_TEMPLATE_HASH_LABEL);
  return typeof hash === 'string' ? hash : undefined;
}

/**
 * rolloutRecord builds the record of the Rollout named `rolloutName` at virtual time `t`, or
 * undefined when there is no such rollout. Built only from Kubernetes-shaped objects.
 */
export function rolloutRecord(
  objects: readonly KubeObject[],
  rolloutName: string,
  t: number,
): RolloutRecord | undefined {
  const obs = observe(objects, rolloutName);
  if (!obs.found) return undefined;
  const rollout = objects.find((o) => o.kind === 'Rollout' && o.metadata?.name === rolloutName);
  const bg = field(rollout, 'spec', 'strategy', 'blueGreen');
  const active = bg === undefined ? undefined : serviceHash(objects, field(bg, 'activeService'));
  const preview = bg === undefined ? undefined : serviceHash(objects, field(bg, 'previewService'));
  const stable = field(rollout, 'status', 'stableRS');
  const current = field(rollout, 'status', 'currentPodHash');
  const roleOf = (hash: string | undefined): ReplicaSetRole => {
    if (hash === undefined) return 'old';
    if (bg !== undefined) return hash === active ? 'active' : hash === preview ? 'preview' : 'old';
    return hash === stable ? 'stable' : hash === current ? 'canary' : 'old';
  };
  const replicaSets = rolloutReplicaSets(objects, rolloutName)
    .map((rs): ReplicaSetRecord => {
      const revText = rs.metadata?.annotations?.[REVISION_ANNOTATION];
      const revision = revText !== undefined && /^[0-9]+$/.test(revText) ? Number(revText) : null;
      return {
        name: rs.metadata?.name ?? '',
        revision,
        replicas: num(field(rs, 'status', 'replicas')),
        ready: num(field(rs, 'status', 'readyReplicas')),
        available: num(field(rs, 'status', 'availableReplicas')),
        role: roleOf(rs.metadata?.labels?.[POD_TEMPLATE_HASH_LABEL]),
      };
    })
    .sort((a, b) =>
      (b.revision ?? 0) !== (a.revision ?? 0)
        ? (b.revision ?? 0) - (a.revision ?? 0)
        : a.name < b.name
          ? -1
          : a.name > b.name
            ? 1
            : 0,
    );
  return {
    kind: 'rollout',
    t,
    name: rolloutName,
    phase: obs.status,
    message: obs.message,
    step: obs.step,
    setWeight: obs.setWeight,
    actualWeight: obs.actualWeight,
    replicaSets,
    analysisRuns: obs.analysisRuns.map((r) => ({
      name: r.name,
      kind: r.kind,
      phase: r.phase,
      metrics: r.metrics.map((m) => ({
        name: m.name,
        phase: m.phase,
        measurements: m.measurements,
      })),
    })),
  };
}

/** RolloutRecorder turns successive world states into the records that changed. */
export interface RolloutRecorder {
  /**
   * record returns the records (one per Rollout, by name) that differ from the last recorded
   * state of the same rollout, ignoring `t`.
   */
  record(objects: readonly KubeObject[], t: number): RolloutRecord[];
}

/** The kinds {@link rolloutRecord} reads; a record is a function of these objects only. */
const RECORD_KINDS: ReadonlySet<string | undefined> = new Set([
  'Rollout',
  'ReplicaSet',
  'Service',
  'AnalysisRun',
]);

function recordInputs(objects: readonly KubeObject[]): KubeObject[] {
  const out: KubeObject[] = [];
  for (const o of objects) if (RECORD_KINDS.has(o.kind)) out.push(o);
  return out;
}

function sameObjects(a: readonly KubeObject[], b: readonly KubeObject[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** createRolloutRecorder starts a recorder with no previous state: the first call reports every rollout. */
export function createRolloutRecorder(): RolloutRecorder {
  // The last record per rollout with t = 0, compared structurally (same JSON, cheaper than
  // serialising every state to compare lines).
  const last = new Map<string, RolloutRecord>();
  // The world hands out the same frozen array until something changes: the same objects give
  // the same records, which all equal the last ones written.
  let lastObjects: readonly KubeObject[] | undefined;
  // The objects a record is built from (see RECORD_KINDS), as last seen: stored objects are
  // frozen and replaced on every write, so the same objects in the same order give the same
  // records. Most changes are pods and endpoints, which no record reads.
  let lastInputs: KubeObject[] = [];
  return {
    record(objects, t) {
      if (objects === lastObjects && Object.isFrozen(objects)) return [];
      lastObjects = objects;
      if (Object.isFrozen(objects)) {
        const inputs = recordInputs(objects);
        const same = sameObjects(inputs, lastInputs);
        lastInputs = inputs;
        if (same) return [];
      } else lastInputs = [];
      const names = [
        ...new Set(objects.filter((o) => o.kind === 'Rollout').map((o) => o.metadata?.name ?? '')),
      ].sort();
      const changed: RolloutRecord[] = [];
      for (const name of names) {
        const record = rolloutRecord(objects, name, t);
        if (!record) continue;
        const key = { ...record, t: 0 };
        if (jsonEqual(last.get(name), key)) continue;
        last.set(name, key);
        changed.push(record);
      }
      return changed;
    },
  };
}

/** recordLine serialises a rollout record with the contract's key order. */
export function recordLine(record: RolloutRecord): string {
  return JSON.stringify({
    kind: 'rollout',
    t: record.t,
    name: record.name,
    phase: record.phase,
    message: record.message,
    step: record.step,
    setWeight: record.setWeight,
    actualWeight: record.actualWeight,
    replicaSets: record.replicaSets.map((rs) => ({
      name: rs.name,
      revision: rs.revision,
      replicas: rs.replicas,
      ready: rs.ready,
      available: rs.available,
      role: rs.role,
    })),
    analysisRuns: record.analysisRuns.map((r) => ({
      name: r.name,
      kind: r.kind,
      phase: r.phase,
      metrics: r.metrics.map((m) => ({
        name: m.name,
        phase: m.phase,
        measurements: m.measurements,
      })),
    })),
  });
}

function failureJson(failure: RunFailure): Record<string, unknown> {
  return {
    stepIndex: failure.stepIndex,
    step: failure.step,
    expected: failure.expected,
    actual: failure.actual,
    t: failure.t,
    message: failure.message,
  };
}

/** summaryLine is the last `--json` line: `{"kind":"summary","passed":…,"virtualTimeMs":N,"failure":null|{…}}`. */
export function summaryLine(result: RunResult): string {
  return JSON.stringify({
    kind: 'summary',
    passed: result.passed,
    virtualTimeMs: result.virtualTimeMs,
    failure: result.failure ? failureJson(result.failure) : null,
  });
}

/** aggregateOf sums `--repeat` results; wallMs is measured by the caller around the runs only. */
export function aggregateOf(results: readonly RunResult[], wallMs: number): Aggregate {
  return {
    runs: results.length,
    passed: results.filter((r) => r.passed).length,
    wallMs,
    virtualTimeMs: results.reduce((sum, r) => sum + r.virtualTimeMs, 0),
  };
}

/** aggregateLine is `{"kind":"aggregate","runs":N,"passed":K,"wallMs":W,"virtualTimeMs":V}`. */
export function aggregateLine(aggregate: Aggregate): string {
  return JSON.stringify({
    kind: 'aggregate',
    runs: aggregate.runs,
    passed: aggregate.passed,
    wallMs: Math.round(aggregate.wallMs),
    virtualTimeMs: aggregate.virtualTimeMs,
  });
}

/**
 * aggregateWords is the same figures for people (no `--json`):
 * `10 runs: 9 passed, 1 failed; wall time 412 ms; virtual time 1h40m0s`.
 */
export function aggregateWords(aggregate: Aggregate): string {
  const failed = aggregate.runs - aggregate.passed;
  const runs = aggregate.runs === 1 ? '1 run' : `${aggregate.runs} runs`;
  return `${runs}: ${aggregate.passed} passed, ${failed} failed; wall time ${Math.round(aggregate.wallMs)} ms; virtual time ${formatVirtualTime(aggregate.virtualTimeMs)}`;
}

/**
 * runWithJsonLines runs the script like runScript and returns the `--json` lines: a rollout line
 * for each change (diffing consecutive states from `world.objects()`), then the summary line.
 */
export function runWithJsonLines(
  scenario: Scenario,
  world: WorldPort,
  opts: RunOptions = {},
): { result: RunResult; lines: string[] } {
  const recorder = createRolloutRecorder();
  const lines: string[] = [];
  const result = runScript(scenario, world, {
    ...opts,
    onObserve: (w) => {
      opts.onObserve?.(w);
      for (const record of recorder.record(w.objects(), w.now())) lines.push(recordLine(record));
    },
  });
  lines.push(summaryLine(result));
  return { result, lines };
}
