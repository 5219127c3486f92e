// Named tests for src/metrics/evaluate.ts: every conditionEvaluation case of the reference digest
// (utils/evaluate/evaluate_test.go, and the evaluation part of the Prometheus, Datadog v1 and Web
// provider tables), re-expressed as TypeScript tables, plus a seeded fuzz test.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  equalStringSets,
  evaluateCondition,
  evaluateMeasurement,
  evaluateResult,
  evaluateTime,
  evaluateValue,
  formatMetricValue,
  isNilOrEmpty,
} from '../../src/metrics/evaluate';
import { rfc3339FromEpochMs } from '../../src/sim';

interface EvaluateResultCase {
  readonly name: string;
  readonly successCondition: string;
  readonly failureCondition: string;
  readonly result: unknown;
  readonly phase: string;
  readonly errorContains?: readonly string[];
}
interface EvalConditionCase {
  readonly name: string;
  readonly expression: string;
  readonly result: unknown;
  readonly expected?: boolean;
  readonly error?: string;
  readonly errorMatches?: string;
}
type HelperCase =
  | {
      readonly name: string;
      readonly kind: 'expr';
      readonly expression: string;
      readonly result: unknown;
      readonly output?: unknown;
      readonly panics?: boolean;
    }
  | {
      readonly name: string;
      readonly kind: 'stringSets';
      readonly sets: readonly (readonly string[])[];
      readonly output: boolean;
    }
  | {
      readonly name: string;
      readonly kind: 'nilOrEmpty';
      readonly result: unknown;
      readonly output: boolean;
    };
interface EvalTimeCase {
  readonly name: string;
  readonly expression: string;
  readonly expected?: string;
  readonly error?: boolean;
}
interface ProviderCase {
  readonly name: string;
  /** The provider's decoded result (what `result` is for the conditions). */
  readonly result: unknown;
  readonly successCondition: string;
  readonly failureCondition: string;
  readonly phase: string;
  /** measurement.value, where the provider stores the JSON encoding of the result. */
  readonly value?: string;
  readonly errorContains?: readonly string[];
}

const evaluateResultCases: readonly EvaluateResultCase[] = [
  {
    name: 'TestEvaluateResultWithSuccess (EvaluateResult/success)',
    successCondition: 'true',
    failureCondition: 'false',
    result: true,
    phase: 'Successful',
  },
  {
    name: 'TestEvaluateResultWithFailure (EvaluateResult/failure)',
    successCondition: 'true',
    failureCondition: 'true',
    result: true,
    phase: 'Failed',
  },
  {
    name: 'TestEvaluateResultInconclusive (EvaluateResult/inconclusive)',
    successCondition: 'false',
    failureCondition: 'false',
    result: true,
    phase: 'Inconclusive',
  },
  {
    name: 'TestEvaluateResultNoSuccessConditionAndNotFailing (EvaluateResult/onlyFailureFalse)',
    successCondition: '',
    failureCondition: 'false',
    result: true,
    phase: 'Successful',
  },
  {
    name: 'TestEvaluateResultNoFailureConditionAndNotSuccessful (EvaluateResult/onlySuccessFalse)',
    successCondition: 'false',
    failureCondition: '',
    result: true,
    phase: 'Failed',
  },
  {
    name: 'TestEvaluateResultNoFailureConditionAndNoSuccessCondition (EvaluateResult/noConditions)',
    successCondition: '',
    failureCondition: '',
    result: true,
    phase: 'Successful',
  },
  {
    name: 'TestEvaluateResultWithErrorOnSuccessCondition (EvaluateResult/successConditionInvalidRef)',
    successCondition: 'a == true',
    failureCondition: 'true',
    result: true,
    phase: 'Error',
  },
  {
    name: 'TestEvaluateResultWithErrorOnFailureCondition (EvaluateResult/failureConditionInvalidRef)',
    successCondition: 'true',
    failureCondition: 'a == true',
    result: true,
    phase: 'Error',
  },
  {
    name: 'TestEvaluateResultErrorMessageWithNilResult (EvaluateResult/nilResult)',
    successCondition: 'result[0] >= 0.95',
    failureCondition: '',
    result: null,
    phase: 'Error',
    errorContains: ['metric result is nil or empty', 'successCondition'],
  },
  {
    name: 'TestEvaluateResultErrorMessageWithEmptySlice (EvaluateResult/emptySlice)',
    successCondition: 'result[0] >= 0.95',
    failureCondition: '',
    result: [],
    phase: 'Error',
    errorContains: ['metric result is nil or empty', 'successCondition'],
  },
  {
    name: 'TestEvaluateResultErrorMessageWithInvalidExpression (EvaluateResult/invalidExpressionMessage)',
    successCondition: 'a == true',
    failureCondition: '',
    result: true,
    phase: 'Error',
    errorContains: ['could not evaluate successCondition', 'a == true'],
  },
  {
    name: 'TestEvaluateResultErrorMessageOnFailureCondition (EvaluateResult/failureConditionMessage)',
    successCondition: 'true',
    failureCondition: 'invalidVar == true',
    result: true,
    phase: 'Error',
    errorContains: ['could not evaluate failureCondition', 'invalidVar == true'],
  },
];

const evalConditionCases: readonly EvalConditionCase[] = [
  {
    name: 'TestEvaluateConditionWithSuccess (EvalCondition/eqTrue)',
    expression: 'result == true',
    result: true,
    expected: true,
  },
  {
    name: 'TestEvaluateConditionWithFailure (EvalCondition/eqFalse)',
    expression: 'result == false',
    result: true,
    expected: false,
  },
  {
    name: 'TestErrorWithNonBoolReturn (EvalCondition/nonBool)',
    expression: '1',
    result: true,
    error: 'expected bool, but got int',
  },
  {
    name: 'TestErrorWithInvalidReference (EvalCondition/unknownName)',
    expression: 'invalidVariable',
    result: true,
    error: 'unknown name invalidVariable',
  },
  {
    name: 'TestEvaluateArray (EvalCondition/allOverNestedMap)',
    expression: 'all(result.service_apdex.values.values, {# > 1})',
    result: { service_apdex: { label: null, values: { values: [2.0, 2.0] } } },
    expected: true,
  },
  {
    name: 'TestEvaluateInOperator (EvalCondition/inOperator)',
    expression: '2 in result',
    result: [2.0, 2.0],
    expected: true,
  },
  {
    name: 'TestEvaluateFloat64 (EvalCondition/floatGreater)',
    expression: 'result > 1',
    result: 5.0,
    expected: true,
  },
  {
    name: 'TestEvaluateInvalidStruct (EvalCondition/methodOnBool)',
    expression: "result.Name() == 'hi'",
    result: true,
    errorMatches: '.*',
  },
  {
    name: 'TestEvaluateAsIntPanic (EvalCondition/asIntOfDecimalString)',
    expression: 'asInt(result) == 1.1',
    result: '1.1',
    errorMatches: '.*',
  },
  {
    name: 'TestEvaluateAsInt (EvalCondition/asInt/string)',
    expression: 'asInt(result) == 1',
    result: '1',
    expected: true,
  },
  {
    name: 'TestEvaluateAsInt (EvalCondition/asInt/int)',
    expression: 'asInt(result) == 1',
    result: 1,
    expected: true,
  },
  {
    name: 'TestEvaluateAsInt (EvalCondition/asInt/floatTruncates)',
    expression: 'asInt(result) == 1',
    result: 1.123,
    expected: true,
  },
  {
    name: 'TestEvaluateAsFloatError (EvalCondition/asFloat/notANumber)',
    expression: 'asFloat(result) == 1.1',
    result: 'NotANum',
    errorMatches: 'strconv.ParseFloat: parsing "NotANum": invalid syntax',
  },
  {
    name: 'TestEvaluateAsFloatError (EvalCondition/asFloat/compareWithString)',
    expression: 'asFloat(result) == "1.1"',
    result: '1.1',
    errorMatches: 'invalid operation: == \\(mismatched types float64 and string\\)',
  },
  {
    name: 'TestEvaluateAsFloat (EvalCondition/asFloat/eq)',
    expression: 'asFloat(result) == 1.1',
    result: '1.1',
    expected: true,
  },
  {
    name: 'TestEvaluateAsFloat (EvalCondition/asFloat/ge)',
    expression: 'asFloat(result) >= 1.1',
    result: '1.1',
    expected: true,
  },
  {
    name: 'TestEvaluateAsFloat (EvalCondition/asFloat/le)',
    expression: 'asFloat(result) <= 1.1',
    result: '1.1',
    expected: true,
  },
  {
    name: 'TestEvaluateAsFloat (EvalCondition/asFloat/float)',
    expression: 'asFloat(result) == 1.1',
    result: 1.1,
    expected: true,
  },
  {
    name: 'TestEvaluateAsFloat (EvalCondition/asFloat/intEq)',
    expression: 'asFloat(result) == 1',
    result: 1,
    expected: true,
  },
  {
    name: 'TestEvaluateAsFloat (EvalCondition/asFloat/intGe)',
    expression: 'asFloat(result) >= 1',
    result: 1,
    expected: true,
  },
  {
    name: 'TestEvaluateAsFloat (EvalCondition/asFloat/intGe(dup))',
    expression: 'asFloat(result) >= 1',
    result: 1,
    expected: true,
  },
];

const helperCases: readonly HelperCase[] = [
  {
    name: 'TestAsInt asInt("1")',
    kind: 'expr',
    expression: 'asInt(result)',
    result: '1',
    output: 1,
  },
  {
    name: 'TestAsInt asInt("notint")',
    kind: 'expr',
    expression: 'asInt(result)',
    result: 'notint',
    panics: true,
  },
  {
    name: 'TestAsInt asInt("1.1")',
    kind: 'expr',
    expression: 'asInt(result)',
    result: '1.1',
    panics: true,
  },
  {
    name: 'TestAsFloat asFloat("1")',
    kind: 'expr',
    expression: 'asFloat(result)',
    result: '1',
    output: 1.0,
  },
  {
    name: 'TestAsFloat asFloat("notfloat")',
    kind: 'expr',
    expression: 'asFloat(result)',
    result: 'notfloat',
    panics: true,
  },
  {
    name: 'TestAsFloat asFloat("1.1")',
    kind: 'expr',
    expression: 'asFloat(result)',
    result: '1.1',
    output: 1.1,
  },
  {
    name: 'TestIsInf isInf("+Inf")',
    kind: 'expr',
    expression: 'isInf(result)',
    result: Infinity,
    output: true,
  },
  {
    name: 'TestIsInf isInf(0.0)',
    kind: 'expr',
    expression: 'isInf(result)',
    result: 0.0,
    output: false,
  },
  {
    name: 'TestEqual [["a", "b"], ["b", "a"]]',
    kind: 'stringSets',
    sets: [
      ['a', 'b'],
      ['b', 'a'],
    ],
    output: true,
  },
  {
    name: 'TestEqual [["a"], ["a", "b"]]',
    kind: 'stringSets',
    sets: [['a'], ['a', 'b']],
    output: false,
  },
  { name: 'TestEqual [["a", "b"], []]', kind: 'stringSets', sets: [['a', 'b'], []], output: false },
  {
    name: 'TestDefaultFunc default(*float64 null, 0)',
    kind: 'expr',
    expression: 'default(result, 0)',
    result: null,
    output: 0,
  },
  {
    name: 'TestDefaultFunc default(*float64 null, 1)',
    kind: 'expr',
    expression: 'default(result, 1)',
    result: null,
    output: 1,
  },
  {
    name: 'TestDefaultFunc default(*float64 null, 2)',
    kind: 'expr',
    expression: 'default(result, 2)',
    result: null,
    output: 2,
  },
  {
    name: 'TestDefaultFunc default(*float64 1.0, 0)',
    kind: 'expr',
    expression: 'default(result, 0)',
    result: 1.0,
    output: 1.0,
  },
  {
    name: 'TestIsNilFunc isNil(*float64 null)',
    kind: 'expr',
    expression: 'isNil(result)',
    result: null,
    output: true,
  },
  {
    name: 'TestIsNilFunc isNil([]string null)',
    kind: 'expr',
    expression: 'isNil(result)',
    result: null,
    output: true,
  },
  {
    name: 'TestIsNilFunc isNil(float64 1.0)',
    kind: 'expr',
    expression: 'isNil(result)',
    result: 1.0,
    output: false,
  },
  {
    name: 'TestIsNilFunc isNil([]string ["hi", "hello"])',
    kind: 'expr',
    expression: 'isNil(result)',
    result: ['hi', 'hello'],
    output: false,
  },
  {
    name: 'TestIsNilFunc isNil(int 1)',
    kind: 'expr',
    expression: 'isNil(result)',
    result: 1,
    output: false,
  },
  {
    name: 'TestIsNilFunc isNil(bool false)',
    kind: 'expr',
    expression: 'isNil(result)',
    result: false,
    output: false,
  },
  {
    name: 'TestValueFromPointer *float64 null',
    kind: 'expr',
    expression: 'result',
    result: null,
    output: null,
  },
  {
    name: 'TestValueFromPointer []string null',
    kind: 'expr',
    expression: 'result',
    result: null,
    output: null,
  },
  {
    name: 'TestValueFromPointer []string ["hi", "hello"]',
    kind: 'expr',
    expression: 'result',
    result: ['hi', 'hello'],
    output: ['hi', 'hello'],
  },
  {
    name: 'TestValueFromPointer *float64 1.0',
    kind: 'expr',
    expression: 'result',
    result: 1.0,
    output: 1.0,
  },
  { name: 'TestValueFromPointer int 1', kind: 'expr', expression: 'result', result: 1, output: 1 },
  {
    name: 'TestValueFromPointer bool false',
    kind: 'expr',
    expression: 'result',
    result: false,
    output: false,
  },
  { name: 'TestIsNilOrEmpty nil null', kind: 'nilOrEmpty', result: null, output: true },
  { name: 'TestIsNilOrEmpty []float64 []', kind: 'nilOrEmpty', result: [], output: true },
  { name: 'TestIsNilOrEmpty []string []', kind: 'nilOrEmpty', result: [], output: true },
  { name: 'TestIsNilOrEmpty []float64 [1.0]', kind: 'nilOrEmpty', result: [1.0], output: false },
  { name: 'TestIsNilOrEmpty int 42', kind: 'nilOrEmpty', result: 42, output: false },
  { name: 'TestIsNilOrEmpty string "hello"', kind: 'nilOrEmpty', result: 'hello', output: false },
];

const evalTimeCases: readonly EvalTimeCase[] = [
  {
    name: 'TestEvalTimeWithSuccessExpr',
    expression: 'date("2023-08-14 00:00:00", "2006-01-02 15:04:05", "UTC") - duration("1h")',
    expected: '2023-08-13T23:00:00Z',
  },
  { name: 'TestEvalTimeWithNotTimeResult', expression: 'hello', error: true },
  { name: 'TestEvalTimeWithInvalidExpression', expression: 'now() -- ?', error: true },
];

const providerCases: readonly ProviderCase[] = [
  {
    name: 'prometheus TestRunSuccessfully',
    result: 10.0,
    successCondition: 'result == 10',
    failureCondition: 'result != 10',
    phase: 'Successful',
    value: '10',
  },
  {
    name: 'prometheus TestRunSuccessfullyWithRangeQuery',
    result: [11, 12, 13, 14],
    successCondition: 'all(result, # > 10)',
    failureCondition: 'all(result, # < 10)',
    phase: 'Successful',
    value: '[11,12,13,14]',
  },
  {
    name: 'prometheus TestProcessScalarResponse',
    result: 10.0,
    successCondition: 'result == 10',
    failureCondition: 'result != 10',
    phase: 'Successful',
    value: '10',
  },
  {
    name: 'prometheus TestProcessNaNResponse/inconclusive',
    result: NaN,
    successCondition: 'result >= 0.9',
    failureCondition: 'result < 0.9',
    phase: 'Inconclusive',
    value: 'NaN',
  },
  {
    name: 'prometheus TestProcessNaNResponse/success',
    result: NaN,
    successCondition: 'result >= 0.9 || isNaN(result)',
    failureCondition: '',
    phase: 'Successful',
    value: 'NaN',
  },
  {
    name: 'prometheus TestProcessNaNResponse/failure',
    result: NaN,
    successCondition: 'result >= 0.9',
    failureCondition: '',
    phase: 'Failed',
    value: 'NaN',
  },
  {
    name: 'prometheus TestProcessInfResponse/success',
    result: Infinity,
    successCondition: 'result >= 0.9',
    failureCondition: '',
    phase: 'Successful',
    value: '+Inf',
  },
  {
    name: 'prometheus TestProcessInfResponse/failure',
    result: Infinity,
    successCondition: '',
    failureCondition: 'isInf(result)',
    phase: 'Failed',
    value: '+Inf',
  },
  {
    name: 'prometheus TestProcessVectorResponse',
    result: [10, 11],
    successCondition: '10 in result',
    failureCondition: 'len(result) != 2',
    phase: 'Successful',
    value: '[10,11]',
  },
  {
    name: 'prometheus TestRunSuccessfulWithOAuth / TestRunSuccessfulWithBasicAuth',
    result: [10],
    successCondition: 'result[0] == 10',
    failureCondition: 'result[0] != 10',
    phase: 'Successful',
    value: '[10]',
  },
  {
    name: 'datadogV1 row 0: result < 0.001 | result >= 0.001 on 0.0003332881882246533',
    result: 0.0003332881882246533,
    successCondition: 'result < 0.001',
    failureCondition: 'result >= 0.001',
    phase: 'Successful',
    value: '0.0003332881882246533',
  },
  {
    name: 'datadogV1 row 1: result < 0.001 | result >= 0.001 on 0.0003332881882246533',
    result: 0.0003332881882246533,
    successCondition: 'result < 0.001',
    failureCondition: 'result >= 0.001',
    phase: 'Successful',
    value: '0.0003332881882246533',
  },
  {
    name: 'datadogV1 row 2: result < 0.001 | result >= 0.001 on 0.006121378742186943',
    result: 0.006121378742186943,
    successCondition: 'result < 0.001',
    failureCondition: 'result >= 0.001',
    phase: 'Failed',
    value: '0.006121378742186943',
  },
  {
    name: 'datadogV1 row 5: default(result, 0) < 0.05 |  on 0.006121378742186943',
    result: 0.006121378742186943,
    successCondition: 'default(result, 0) < 0.05',
    failureCondition: '',
    phase: 'Successful',
    value: '0.006121378742186943',
  },
  {
    name: 'datadogV1 row 6: result < 0.05 |  on null',
    result: null,
    successCondition: 'result < 0.05',
    failureCondition: '',
    phase: 'Error',
    errorContains: ['metric result is nil or empty: no data returned from the metric provider'],
  },
  {
    name: 'datadogV1 row 7: default(result, 0) < 0.05 |  on null',
    result: null,
    successCondition: 'default(result, 0) < 0.05',
    failureCondition: '',
    phase: 'Successful',
  },
  {
    name: 'datadogV1 row 8: default(result, 1) < 0.05 |  on null',
    result: null,
    successCondition: 'default(result, 1) < 0.05',
    failureCondition: '',
    phase: 'Failed',
  },
  {
    name: 'datadogV1 row 9: default(result, 1) < 0.05 |  on 0.006121378742186943',
    result: 0.006121378742186943,
    successCondition: 'default(result, 1) < 0.05',
    failureCondition: '',
    phase: 'Successful',
    value: '0.006121378742186943',
  },
  {
    name: 'datadogV1 row 12: result < 0.001 | result >= 0.001 on 0.0003332881882246533',
    result: 0.0003332881882246533,
    successCondition: 'result < 0.001',
    failureCondition: 'result >= 0.001',
    phase: 'Successful',
    value: '0.0003332881882246533',
  },
  {
    name: 'web row 0: result.a > 0 && result.b && all(result.c, {# < 5}) && result.d == nil |  on {"a": 1, "b": true, "c": [1, 2, 3, 4], "d": null}',
    result: { a: 1, b: true, c: [1, 2, 3, 4], d: null },
    successCondition: 'result.a > 0 && result.b && all(result.c, {# < 5}) && result.d == nil',
    failureCondition: '',
    phase: 'Successful',
    value: '{"a":1,"b":true,"c":[1,2,3,4],"d":null}',
  },
  {
    name: 'web row 1: result.a >= 2 && result.b && all(result.c, {# < 5}) && result.d == nil | result.a <= 0 && result.b && all(result.c, {# < 5}) && result.d == nil on {"a": 1, "b": true, "c": [1, 2, 3, 4], "d": null}',
    result: { a: 1, b: true, c: [1, 2, 3, 4], d: null },
    successCondition: 'result.a >= 2 && result.b && all(result.c, {# < 5}) && result.d == nil',
    failureCondition: 'result.a <= 0 && result.b && all(result.c, {# < 5}) && result.d == nil',
    phase: 'Inconclusive',
    value: '{"a":1,"b":true,"c":[1,2,3,4],"d":null}',
  },
  {
    name: 'web row 2: asInt(result) > 0 | asInt(result) <= 0 on "1"',
    result: '1',
    successCondition: 'asInt(result) > 0',
    failureCondition: 'asInt(result) <= 0',
    phase: 'Successful',
    value: '"1"',
  },
  {
    name: 'web row 3: asInt(result) > 0 | asInt(result) <= 0 on "0"',
    result: '0',
    successCondition: 'asInt(result) > 0',
    failureCondition: 'asInt(result) <= 0',
    phase: 'Failed',
    value: '"0"',
  },
  {
    name: 'web row 4: asFloat(result) > 1.1 | asFloat(result) <= 0 on "1.2"',
    result: '1.2',
    successCondition: 'asFloat(result) > 1.1',
    failureCondition: 'asFloat(result) <= 0',
    phase: 'Successful',
    value: '"1.2"',
  },
  {
    name: 'web row 5: asFloat(result) > 1.1 | asFloat(result) < 1.3 on "1.2"',
    result: '1.2',
    successCondition: 'asFloat(result) > 1.1',
    failureCondition: 'asFloat(result) < 1.3',
    phase: 'Failed',
    value: '"1.2"',
  },
  {
    name: 'web row 6: result > 0 | result <= 0 on 1',
    result: 1,
    successCondition: 'result > 0',
    failureCondition: 'result <= 0',
    phase: 'Successful',
    value: '1',
  },
  {
    name: 'web row 7: result > 0 | result <= 0 on 0',
    result: 0,
    successCondition: 'result > 0',
    failureCondition: 'result <= 0',
    phase: 'Failed',
    value: '0',
  },
  {
    name: 'web row 8: result > 0 | result <= 0 on 1.1',
    result: 1.1,
    successCondition: 'result > 0',
    failureCondition: 'result <= 0',
    phase: 'Successful',
    value: '1.1',
  },
  {
    name: 'web row 9: result > 0 | result <= 0 on -1.1',
    result: -1.1,
    successCondition: 'result > 0',
    failureCondition: 'result <= 0',
    phase: 'Failed',
    value: '-1.1',
  },
  {
    name: 'web row 10: result == "true" | result == "false" on "true"',
    result: 'true',
    successCondition: 'result == "true"',
    failureCondition: 'result == "false"',
    phase: 'Successful',
    value: '"true"',
  },
  {
    name: 'web row 11: result == "true" | result == "true" on "true"',
    result: 'true',
    successCondition: 'result == "true"',
    failureCondition: 'result == "true"',
    phase: 'Failed',
    value: '"true"',
  },
  {
    name: 'web row 12: result == true | result == false on true',
    result: true,
    successCondition: 'result == true',
    failureCondition: 'result == false',
    phase: 'Successful',
    value: 'true',
  },
  {
    name: 'web row 13: result == true | result == false on false',
    result: false,
    successCondition: 'result == true',
    failureCondition: 'result == false',
    phase: 'Failed',
    value: 'false',
  },
  {
    name: 'web row 14: any(result, {# > 5}) |  on [1, 2, 3, 4, 5, 6]',
    result: [1, 2, 3, 4, 5, 6],
    successCondition: 'any(result, {# > 5})',
    failureCondition: '',
    phase: 'Successful',
    value: '[1,2,3,4,5,6]',
  },
  {
    name: 'web row 15: any(result, {# > 6}) |  on [1, 2, 3, 4, 5, 6]',
    result: [1, 2, 3, 4, 5, 6],
    successCondition: 'any(result, {# > 6})',
    failureCondition: '',
    phase: 'Failed',
    value: '[1,2,3,4,5,6]',
  },
  {
    name: 'web row 16: result.num > 1.1 && result.bool && result.mapfield.foo == "bar" |  on {"num": 1.2, "bool": true, "mapfield": {"foo": "bar"}}',
    result: { num: 1.2, bool: true, mapfield: { foo: 'bar' } },
    successCondition: 'result.num > 1.1 && result.bool && result.mapfield.foo == "bar"',
    failureCondition: '',
    phase: 'Successful',
    value: '{"bool":true,"mapfield":{"foo":"bar"},"num":1.2}',
  },
  {
    name: 'web row 17: result.num > 1.1 && result.bool && result.mapfield.foo == "bar" | result.num > 1.1 && result.bool && result.mapfield.foo == "bar" on {"num": 1.2, "bool": true, "mapfield": {"foo": "bar"}}',
    result: { num: 1.2, bool: true, mapfield: { foo: 'bar' } },
    successCondition: 'result.num > 1.1 && result.bool && result.mapfield.foo == "bar"',
    failureCondition: 'result.num > 1.1 && result.bool && result.mapfield.foo == "bar"',
    phase: 'Failed',
    value: '{"bool":true,"mapfield":{"foo":"bar"},"num":1.2}',
  },
  {
    name: 'web row 20: true |  on ""',
    result: '',
    successCondition: 'true',
    failureCondition: '',
    phase: 'Successful',
  },
  {
    name: 'web row 21: result == \'fail123\' |  on ""',
    result: '',
    successCondition: "result == 'fail123'",
    failureCondition: '',
    phase: 'Failed',
  },
  {
    name: 'web row 22: result == \'test: notJson\' |  on "test: notJson"',
    result: 'test: notJson',
    successCondition: "result == 'test: notJson'",
    failureCondition: '',
    phase: 'Successful',
  },
  {
    name: 'web row 23: result == \'fail123\' |  on "OK"',
    result: 'OK',
    successCondition: "result == 'fail123'",
    failureCondition: '',
    phase: 'Failed',
  },
  {
    name: 'web row 25: true |  on ""',
    result: '',
    successCondition: 'true',
    failureCondition: '',
    phase: 'Successful',
  },
  {
    name: 'web row 26: true |  on {}',
    result: {},
    successCondition: 'true',
    failureCondition: '',
    phase: 'Successful',
    value: '{}',
  },
  {
    name: 'web row 28: result.a > 0 && result.b && all(result.c, {# < 5}) && result.d == nil |  on {"a": 1, "b": true, "c": [1, 2, 3, 4], "d": null}',
    result: { a: 1, b: true, c: [1, 2, 3, 4], d: null },
    successCondition: 'result.a > 0 && result.b && all(result.c, {# < 5}) && result.d == nil',
    failureCondition: '',
    phase: 'Successful',
    value: '{"a":1,"b":true,"c":[1,2,3,4],"d":null}',
  },
  {
    name: 'web row 29: result.a > 0 && result.b && all(result.c, {# < 5}) && result.d == nil |  on {"a": 1, "b": true, "c": [1, 2, 3, 4], "d": null}',
    result: { a: 1, b: true, c: [1, 2, 3, 4], d: null },
    successCondition: 'result.a > 0 && result.b && all(result.c, {# < 5}) && result.d == nil',
    failureCondition: '',
    phase: 'Successful',
    value: '{"a":1,"b":true,"c":[1,2,3,4],"d":null}',
  },
  {
    name: 'web row 30: result.a > 0 && result.b && all(result.c, {# < 5}) && result.d == nil |  on {"a": 1, "b": true, "c": [1, 2, 3, 4], "d": null}',
    result: { a: 1, b: true, c: [1, 2, 3, 4], d: null },
    successCondition: 'result.a > 0 && result.b && all(result.c, {# < 5}) && result.d == nil',
    failureCondition: '',
    phase: 'Successful',
    value: '{"a":1,"b":true,"c":[1,2,3,4],"d":null}',
  },
  {
    name: 'web row 31: result.a > 0 && result.b && all(result.c, {# < 5}) && result.d == nil |  on {"a": 1, "b": true, "c": [1, 2, 3, 4], "d": null}',
    result: { a: 1, b: true, c: [1, 2, 3, 4], d: null },
    successCondition: 'result.a > 0 && result.b && all(result.c, {# < 5}) && result.d == nil',
    failureCondition: '',
    phase: 'Successful',
    value: '{"a":1,"b":true,"c":[1,2,3,4],"d":null}',
  },
  {
    name: 'web row 33: result.a > 0 && result.b && all(result.c, {# < 5}) && result.d == nil |  on {"a": 1, "b": true, "c": [1, 2, 3, 4], "d": null}',
    result: { a: 1, b: true, c: [1, 2, 3, 4], d: null },
    successCondition: 'result.a > 0 && result.b && all(result.c, {# < 5}) && result.d == nil',
    failureCondition: '',
    phase: 'Successful',
    value: '{"a":1,"b":true,"c":[1,2,3,4],"d":null}',
  },
  {
    name: 'web row 34: result.a > 0 && result.b && all(result.c, {# < 5}) && result.d == nil |  on {"a": 1, "b": true, "c": [1, 2, 3, 4], "d": null}',
    result: { a: 1, b: true, c: [1, 2, 3, 4], d: null },
    successCondition: 'result.a > 0 && result.b && all(result.c, {# < 5}) && result.d == nil',
    failureCondition: '',
    phase: 'Successful',
    value: '{"a":1,"b":true,"c":[1,2,3,4],"d":null}',
  },
];

/** Rows of the provider tables that test transport/config, not evaluation (the providers' own tests cover them). */
const providerOnlyRows: readonly string[] = [
  "prometheus TestProcessInvalidResponse: unsupported response type; message 'Prometheus metric type not supported' (TestRunWithEvaluationError)",
  'datadogV1 row 3: received non 2xx response code: 400 {"status":"error","error":"error messsage"}',
  'datadogV1 row 4: received authentication error response code: 401 {"errors": ["No authenticated user."]}',
  'datadogV1 row 10: Could not parse JSON body: json: cannot unmarshal string',
  'datadogV1 row 11: parse "://wrong.schema": missing protocol scheme',
  'web row 18: non-2xx => Error',
  'web row 19: unsupported protocol scheme',
  'web row 24: Could not find JSONPath in body',
  'web row 27: non-2xx',
  'web row 32: can only be used with POST or PUT WebMetric Method types',
  'web row 35: Body/JSONBody can only be used with POST or PUT WebMetric Method types',
  'web row 36: use either Body or JSONBody; both cannot exists for WebMetric payload',
  'web row 37: OAuth2 client-credentials token obtained and sent',
  'web row 38: oauth2: cannot fetch token: 401 Unauthorized',
];

describe('evaluateResult (utils/evaluate/evaluate_test.go TestEvaluateResult*)', () => {
  it.each(evaluateResultCases.map((c) => [c.name, c] as const))('%s', (_n, c) => {
    const m = evaluateMeasurement(c.result, c);
    expect(m.phase).toBe(c.phase);
    expect(evaluateResult(c.result, c)).toBe(c.phase);
    for (const part of c.errorContains ?? []) expect(m.message).toContain(part);
    if (c.phase !== 'Error') expect(m.message).toBeUndefined();
  });
});

describe('evaluateCondition (utils/evaluate/evaluate_test.go EvalCondition cases)', () => {
  it.each(evalConditionCases.map((c) => [c.name, c] as const))('%s', (_n, c) => {
    const got = evaluateCondition(c.expression, c.result);
    if (c.expected !== undefined) expect(got).toEqual({ kind: 'ok', value: c.expected });
    else if (c.error !== undefined) expect(got).toEqual({ kind: 'error', message: c.error });
    else {
      expect(got.kind).toBe('error');
      if (got.kind === 'error') expect(got.message).toMatch(new RegExp(c.errorMatches ?? '.*'));
    }
  });
});

describe('helper functions (TestAsInt, TestAsFloat, TestIsInf, TestEqual, TestDefaultFunc, TestIsNilFunc, TestValueFromPointer, TestIsNilOrEmpty)', () => {
  it.each(helperCases.map((c) => [c.name, c] as const))('%s', (_n, c) => {
    if (c.kind === 'stringSets') expect(equalStringSets(c.sets[0], c.sets[1])).toBe(c.output);
    else if (c.kind === 'nilOrEmpty') expect(isNilOrEmpty(c.result)).toBe(c.output);
    else if (c.panics) expect(evaluateValue(c.expression, c.result).kind).toBe('error');
    else expect(evaluateValue(c.expression, c.result)).toEqual({ kind: 'ok', value: c.output });
  });
});

describe('evaluateTime (TestEvalTime*)', () => {
  it.each(evalTimeCases.map((c) => [c.name, c] as const))('%s', (_n, c) => {
    const got = evaluateTime(c.expression, 0);
    if (c.error) expect(got.kind).toBe('error');
    else expect(got.kind === 'ok' && rfc3339FromEpochMs(got.epochMs)).toBe(c.expected);
  });
  it('now() is the given virtual instant', () => {
    const got = evaluateTime('now() - duration("5m")', 1_767_225_600_000);
    expect(got).toEqual({ kind: 'ok', epochMs: 1_767_225_600_000 - 300_000 });
  });
});

describe('provider results through the conditions (Prometheus, Datadog v1, Web tables)', () => {
  it.each(providerCases.map((c) => [c.name, c] as const))('%s', (_n, c) => {
    const m = evaluateMeasurement(c.result, c);
    expect(m.phase).toBe(c.phase);
    for (const part of c.errorContains ?? []) expect(m.message).toContain(part);
    if (c.value !== undefined) expect(formatMetricValue(c.result)).toBe(c.value);
  });
  it('rows that test transport or configuration are left to the providers', () => {
    expect(providerOnlyRows).toHaveLength(14);
  });
});

describe('the language beyond the reference cases', () => {
  const ok = (expression: string, result: unknown) => evaluateCondition(expression, result);
  it.each([
    ['and/or/not keywords', 'not (result < 1) and result > 1 or false', 2, true],
    ['ternary', 'result > 1 ? true : false', 2, true],
    ['modulo (ints only) and power', 'asInt(result) % 2 == 1 && result ** 2 == 9', 3, true],
    ['a computed constructor key reads as a missing key', 'result["constructor"] == nil', {}, true],
    ['unary minus binds looser than **', '-result ** 2 < 0', 2, true],
    ['`/` yields float', '7 / 2 == 3.5', null, true],
    ['not in', '5 not in result', [1, 2], true],
    ['map key in', '"a" in result', { a: 1 }, true],
    [
      'string operators',
      'result contains "ell" && result startsWith "h" && result endsWith "o"',
      'hello',
      true,
    ],
    ['matches', 'result matches "^h.*o$"', 'hello', true],
    ['string functions', 'upper(trim(result)) == "HI" && lower("A") == "a"', ' hi ', true],
    ['negative index', 'result[-1] == 3', [1, 2, 3], true],
    [
      'bracket member with dots',
      "result['average.duration'] < 100",
      { 'average.duration': 50 },
      true,
    ],
    ['optional member on nil', 'result?.a == nil', null, true],
    ['nil coalescing', '(result.missing ?? 3) == 3', { a: 1 }, true],
    [
      'closure with field shorthand',
      'all(result, {asFloat(.value) >= 9900})',
      [{ value: '9901' }],
      true,
    ],
    [
      'count / filter / map',
      'count(result, # > 1) == 2 && len(filter(result, # > 2)) == 1 && map(result, # * 2)[0] == 2',
      [1, 2, 3],
      true,
    ],
    ['one / none', 'one(result, # == 2) && none(result, # > 5)', [1, 2, 3], true],
    [
      'sum / max / min / mean',
      'sum(result) == 6 && max(result) == 3 && min(result) == 1 && mean(result) == 2',
      [1, 2, 3],
      true,
    ],
    ['NaN never compares', 'result >= 0.9 || result < 0.9', NaN, false],
    ['+Inf >= 0.9', 'result >= 0.9', Infinity, true],
    ['mismatched map member == is false', 'result.a == "x"', { a: 1 }, false],
    ['short-circuit keeps an empty list safe', 'len(result) == 0 || result[0] > 1', [], true],
  ] as const)('%s', (_n, expression, result, expected) => {
    expect(ok(expression, result)).toEqual({ kind: 'ok', value: expected });
  });
  it.each([
    ['ordering between mismatched members is an error', 'result.a < "x"', { a: 1 }],
    ['index out of range', 'result[3] > 0', [1]],
    ['nil result', 'result > 1', null],
    ['unknown function', 'frobnicate(result)', 1],
    ['prototype access is blocked', 'result.__proto__ != nil', {}],
    ['float % int is a type error, as in Go', 'result % 2 == 1', 3],
    ['non-bool ternary test', '1 ? true : false', 1],
    ['syntax error', 'result >', 1],
  ] as const)('%s → error', (_n, expression, result) => {
    expect(ok(expression, result).kind).toBe('error');
  });
  it('formatMetricValue writes Go-style values', () => {
    expect(formatMetricValue(10)).toBe('10');
    expect(formatMetricValue(NaN)).toBe('NaN');
    expect(formatMetricValue(Infinity)).toBe('+Inf');
    expect(formatMetricValue([10, 11])).toBe('[10,11]');
    expect(formatMetricValue(1e-7)).toBe('0.0000001');
    expect(formatMetricValue({ b: true, a: 'x' })).toBe('{"a":"x","b":true}');
  });
});

describe('fuzz', () => {
  const seed = 20_260_101;
  it(`arbitrary strings never throw (seed ${seed})`, () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.jsonValue(), (expression, result) => {
        const got = evaluateCondition(expression, result);
        expect(['ok', 'error']).toContain(got.kind);
        evaluateMeasurement(result, { successCondition: expression, failureCondition: expression });
      }),
      { seed, numRuns: 2000 },
    );
  });
  // `;`, `|`, `:` and `..` reach let, pipes, slices and ranges; `x`/`_` digits reach hex/underscores.
  const alphabet = 'result[]().,#{}!<>=&|+-*/%?:;"\' 0123456789abcdefghijklmnopqrstuvwxyz_$';
  it(`expression-like strings never throw (seed ${seed + 1})`, () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.constantFrom(...alphabet.split('')), { maxLength: 60 })
          .map((cs) => cs.join('')),
        fc.constantFrom<unknown>(null, 1, 0.5, NaN, 'x', [1, 2], { a: [1, { b: 2 }] }, []),
        (expression, result) => {
          const got = evaluateCondition(expression, result);
          expect(['ok', 'error']).toContain(got.kind);
        },
      ),
      { seed: seed + 1, numRuns: 3000 },
    );
  });
});

// Cross-check against the shared digest (skipped when ../shared is absent): the tables above are the
// source of truth, this only guards against drift.
const jsonPath = path.resolve(__dirname, '../../../shared/reference/cases/analysis-cases.json');
const haveJson = existsSync(jsonPath);
if (!haveJson) console.info(`[metrics] ${jsonPath} not found; skipping the evaluate cross-check.`);
describe.skipIf(!haveJson)('evaluate tables match the reference digest', () => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const data: any = haveJson ? JSON.parse(readFileSync(jsonPath, 'utf8')) : {};
  it('same number of cases per table', () => {
    const counts = data.counts;
    expect(evaluateResultCases).toHaveLength(counts['conditionEvaluation.evaluateResult']);
    expect(evalConditionCases).toHaveLength(counts['conditionEvaluation.evalCondition']);
    expect(helperCases).toHaveLength(counts['conditionEvaluation.helperFunctions']);
    expect(evalTimeCases).toHaveLength(counts['conditionEvaluation.evalTime']);
    expect(providerCases.length + providerOnlyRows.length).toBe(
      counts['conditionEvaluation.providerProcessing.prometheus'] +
        counts['conditionEvaluation.providerProcessing.datadogV1'] +
        counts['conditionEvaluation.providerProcessing.web'],
    );
  });
  it('same expressions and expected outcomes', () => {
    const ce = data.conditionEvaluation;
    expect(
      evaluateResultCases.map((c) => [c.successCondition, c.failureCondition, c.phase]),
    ).toEqual(
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      ce.evaluateResult.map((c: any) => [c.successCondition, c.failureCondition, c.expectedPhase]),
    );
    expect(evalConditionCases.map((c) => [c.expression, c.expected ?? null])).toEqual(
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      ce.evalCondition.map((c: any) => [c.expression, c.expectError ? null : c.expected]),
    );
  });
});
