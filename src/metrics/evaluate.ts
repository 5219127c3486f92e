/**
 * Turns a provider's value into a measurement phase with the metric's successCondition and
 * failureCondition, in Argo's condition language. Argo counterpart: utils/evaluate/evaluate.go
 * (expr-lang v1.17). Rule: pure and synchronous; never throws, never evaluates JavaScript.
 */
import { parseCondition } from './evaluateParse';
import {
  EvalError,
  evaluateAst,
  formatValue,
  goTypeName,
  timeMsOf,
  valueFromJson,
} from './evaluateInterpreter';
import type { Value } from './evaluateInterpreter';

/** MeasurementPhase is the phase one measurement can end in. */
export type MeasurementPhase = 'Successful' | 'Failed' | 'Inconclusive' | 'Error';

/** ConditionResult is the outcome of evaluating one condition. */
export type ConditionResult =
  | { readonly kind: 'ok'; readonly value: boolean }
  | { readonly kind: 'error'; readonly message: string };

/** MetricConditions are the two condition strings of a metric ("" or absent = not set). */
export interface MetricConditions {
  readonly successCondition?: string | undefined;
  readonly failureCondition?: string | undefined;
}

/** MeasurementAssessment is a measurement's phase, with the reason when it is Error. */
export interface MeasurementAssessment {
  readonly phase: MeasurementPhase;
  readonly message?: string;
}

/** EvaluateConditionOptions are optional parts of the evaluation environment. */
export interface EvaluateConditionOptions {
  /** Epoch milliseconds `now()` returns; without it `now()` is an evaluation error. */
  readonly nowMs?: number;
}

/** NIL_OR_EMPTY_MESSAGE replaces the cause of a failed evaluation when the result was nil or empty. */
export const NIL_OR_EMPTY_MESSAGE =
  'metric result is nil or empty: no data returned from the metric provider';

function messageOf(e: unknown): string {
  if (e instanceof EvalError) return e.message;
  if (e instanceof RangeError) return 'expression too deeply nested';
  return e instanceof Error ? e.message : String(e);
}

/**
 * isNilOrEmpty ports Argo's isNilOrEmpty: true for nil (undefined/null) and for an empty list.
 * Example: `[]` → true, `[1]` → false, `42` → false, `"hello"` → false.
 */
export function isNilOrEmpty(result: unknown): boolean {
  return result === null || result === undefined || (Array.isArray(result) && result.length === 0);
}

/**
 * evaluateCondition evaluates one condition against `result` exactly as EvalCondition does: the
 * expression is type-checked against the concrete type of `result` (unknown names, mismatched
 * operand types and non-boolean results are errors), then run. Example:
 * `evaluateCondition('result[0] >= 0.95', [0.99])` → `{ kind: 'ok', value: true }`;
 * `evaluateCondition('1', true)` → `{ kind: 'error', message: 'expected bool, but got int' }`.
 */
export function evaluateCondition(
  expression: string,
  result: unknown,
  options: EvaluateConditionOptions = {},
): ConditionResult {
  try {
    const parsed = parseCondition(expression);
    if (parsed.kind === 'error') return { kind: 'error', message: parsed.message };
    const { value, staticType } = evaluateAst(parsed.ast, valueFromJson(result), options);
    if (typeof value !== 'boolean') {
      const type = staticType !== 'interface {}' ? staticType : goTypeName(value);
      return { kind: 'error', message: `expected bool, but got ${type}` };
    }
    return { kind: 'ok', value };
  } catch (e) {
    return { kind: 'error', message: messageOf(e) };
  }
}

function conditionError(
  which: 'successCondition' | 'failureCondition',
  condition: string,
  result: unknown,
  cause: string,
): MeasurementAssessment {
  const why = isNilOrEmpty(result) ? NIL_OR_EMPTY_MESSAGE : cause;
  return {
    phase: 'Error',
    message: `could not evaluate ${which} ${JSON.stringify(condition)}: ${why}`,
  };
}

/**
 * evaluateMeasurement ports EvaluateResult with its error message: successCondition is evaluated
 * first (its error wins), then failureCondition; neither set → Successful; only success → Failed
 * when false; only failure → Successful when false; both → failure true wins (Failed), else
 * success true → Successful, else Inconclusive. Any evaluation problem → Error.
 */
export function evaluateMeasurement(
  result: unknown,
  metric: MetricConditions,
): MeasurementAssessment {
  const success = metric.successCondition ?? '';
  const failure = metric.failureCondition ?? '';
  let successTrue = false;
  let failureTrue = false;
  if (success !== '') {
    const r = evaluateCondition(success, result);
    if (r.kind === 'error') return conditionError('successCondition', success, result, r.message);
    successTrue = r.value;
  }
  if (failure !== '') {
    const r = evaluateCondition(failure, result);
    if (r.kind === 'error') return conditionError('failureCondition', failure, result, r.message);
    failureTrue = r.value;
  }
  if (success === '' && failure === '') return { phase: 'Successful' };
  if (success !== '' && failure === '') failureTrue = !successTrue;
  if (success === '' && failure !== '') successTrue = !failureTrue;
  if (failureTrue) return { phase: 'Failed' };
  if (!successTrue) return { phase: 'Inconclusive' };
  return { phase: 'Successful' };
}

/**
 * evaluateResult returns only the phase of {@link evaluateMeasurement} (Argo's EvaluateResult).
 * Example: result 0.97, success `result >= 0.95` and no failure condition → 'Successful'.
 */
export function evaluateResult(result: unknown, metric: MetricConditions): MeasurementPhase {
  return evaluateMeasurement(result, metric).phase;
}

/** TimeResult is the outcome of {@link evaluateTime}. */
export type TimeResult =
  | { readonly kind: 'ok'; readonly epochMs: number }
  | { readonly kind: 'error'; readonly message: string };

/**
 * evaluateTime ports EvalTime (Prometheus rangeQuery start/end): the expression must produce a
 * time, e.g. `now() - duration("5m")` or `date("2023-08-14 00:00:00", "2006-01-02 15:04:05",
 * "UTC") - duration("1h")`. `now()` is `nowMs` (epoch ms of the virtual clock).
 */
export function evaluateTime(expression: string, nowMs: number): TimeResult {
  try {
    const parsed = parseCondition(expression);
    if (parsed.kind === 'error') return { kind: 'error', message: parsed.message };
    const { value } = evaluateAst(parsed.ast, null, { nowMs });
    const ms = timeMsOf(value);
    if (ms === undefined) {
      return { kind: 'error', message: `expected time.Time, but got ${goTypeName(value)}` };
    }
    return { kind: 'ok', epochMs: ms };
  } catch (e) {
    return { kind: 'error', message: messageOf(e) };
  }
}

/**
 * formatMetricValue renders a provider value the way Argo stores `measurement.value`: Go's JSON
 * encoding with Go's float formatting — 10 → "10", NaN → "NaN", +Inf → "+Inf", [10, 11] →
 * "[10,11]", maps with sorted keys, strings quoted (as the Web provider stores them).
 */
export function formatMetricValue(value: unknown): string {
  if (value === undefined) return '';
  const v: Value = valueFromJson(value);
  return formatValue(v);
}

/** ValueResult is the outcome of {@link evaluateValue}. */
export type ValueResult =
  | { readonly kind: 'ok'; readonly value: unknown }
  | { readonly kind: 'error'; readonly message: string };

function plainFrom(v: Value): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (Array.isArray(v)) return v.map((x: Value) => plainFrom(x));
  if (v !== null && typeof v === 'object') {
    const obj = v as Record<string, Value>;
    if ('goTime' in obj || 'goDuration' in obj) return formatValue(v);
    return Object.fromEntries(Object.keys(obj).map((k) => [k, plainFrom(obj[k] ?? null)]));
  }
  return v;
}

/**
 * evaluateValue evaluates any expression (not only booleans) against `result` and returns plain
 * data (ints as numbers), for tests and for showing learners what part of a condition yields.
 * Example: `evaluateValue('default(result, 0)', null)` → `{ kind: 'ok', value: 0 }`.
 */
export function evaluateValue(
  expression: string,
  result: unknown,
  options: EvaluateConditionOptions = {},
): ValueResult {
  try {
    const parsed = parseCondition(expression);
    if (parsed.kind === 'error') return { kind: 'error', message: parsed.message };
    return {
      kind: 'ok',
      value: plainFrom(evaluateAst(parsed.ast, valueFromJson(result), options).value),
    };
  } catch (e) {
    return { kind: 'error', message: messageOf(e) };
  }
}

/**
 * equalStringSets ports the Equal helper of utils/evaluate: the same strings regardless of order.
 * Example: ["a","b"] vs ["b","a"] → true; ["a"] vs ["a","b"] → false.
 */
export function equalStringSets(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((x) => set.has(x));
}
