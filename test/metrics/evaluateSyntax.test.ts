// Table tests for the expr-lang v1.17 syntax beyond Argo's own cases: ranges, slices, pipes, `let`,
// map literals, array built-ins, Go numeric literals and `matches` with RE2 semantics.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateCondition, evaluateMeasurement, evaluateValue } from '../../src/metrics/evaluate';
import { translateRe2 } from '../../src/model/re2';

type ValueCase = readonly [name: string, expression: string, result: unknown, value: unknown];
type ErrorCase = readonly [name: string, expression: string, result: unknown, message: RegExp];

const valueCases: readonly ValueCase[] = [
  // ranges
  ['range', '1..3', null, [1, 2, 3]],
  ['empty range', '5..3', null, []],
  ['range with expressions', '0..len(result) - 1', [7, 8], [0, 1]],
  ['range from a variable', 'let n = 3; n..5', null, [3, 4, 5]],
  ['range binds looser than +', '1 + 1..2 + 1', null, [2, 3]],
  ['range inside in', '2 in 1..3', null, true],
  // slices
  ['slice', 'result[1:3]', [1, 2, 3, 4], [2, 3]],
  ['slice to', 'result[:2]', [1, 2, 3], [1, 2]],
  ['slice from', 'result[1:]', [1, 2, 3], [2, 3]],
  ['whole slice', 'result[:]', [1, 2, 3], [1, 2, 3]],
  ['negative slice bounds', 'result[1:-1]', [1, 2, 3, 4, 5], [2, 3, 4]],
  ['slice bounds are clamped', 'result[-10:10]', [1, 2], [1, 2]],
  ['crossed bounds give empty', 'result[2:1]', [1, 2, 3], []],
  ['string slice', 'result[1:3]', 'hello', 'el'],
  ['slice of a member', 'result.v[:1]', { v: [9, 8] }, [9]],
  // pipes
  ['pipe chain', 'result | filter(# > 0.5) | len()', [0.1, 0.6, 0.9], 2],
  ['pipe then comparison', 'result | len() > 2', [1, 2, 3], true],
  ['pipe into map and sum', 'result | map(# * 2) | sum()', [1, 2, 3], 12],
  ['pipe takes the whole left side', '1 + 2 | string()', null, '3'],
  ['pipe result used by +', '"x" | upper() + "y"', null, 'Xy'],
  ['pipe with extra args', '"a,b" | split(",")', null, ['a', 'b']],
  // let
  ['let', 'let x = 2; x * 3', null, 6],
  ['chained lets', 'let x = 2; let y = x + 1; x * y', null, 6],
  ['let with pipe', 'let v = result | filter(# > 1); len(v) == 2', [1, 2, 3], true],
  ['let inside parentheses', '(let a = 1; a) + 1', null, 2],
  ['let visible in predicate', 'let t = 2; all(result, # >= t)', [2, 3], true],
  // map literals
  ['map literal', '{"a": 1, b: 2}', null, { a: 1, b: 2 }],
  ['empty map', '{}', null, {}],
  ['member of map literal', '{"a": 1}.a', null, 1],
  ['computed key', '{("k" + "1"): true}', null, { k1: true }],
  ['key in map literal', '"b" in {b: nil}', null, true],
  ['trailing comma', '{a: 1,}', null, { a: 1 }],
  // array functions
  ['filter', 'filter(0..9, {# % 2 == 0})', null, [0, 2, 4, 6, 8]],
  ['map with #index', 'map(result, #index)', ['a', 'b'], [0, 1]],
  ['count', 'count(1..10, # > 5)', null, 5],
  ['count of bools', 'count(result)', [true, false, true], 2],
  ['none', 'none(result, # > 6)', [4, 5], true],
  ['one', 'one(result, # > 4)', [4, 5], true],
  ['one false with two', 'one(result, # > 3)', [4, 5], false],
  ['sum of ints', 'sum(1..4)', null, 10],
  ['sum with predicate', 'sum(result, .v)', [{ v: 1 }, { v: 2.5 }], 3.5],
  ['min / max', '[min(result), max(result)]', [3, 1, 2], [1, 3]],
  ['first / last', '[first(result), last(result)]', [4, 5], [4, 5]],
  ['first of empty is nil', 'first(result)', [], null],
  ['reduce', 'reduce(1..4, #acc + #)', null, 10],
  ['reduce with initial', 'reduce(1..4, #acc + #, 10)', null, 20],
  ['reduce with #index', 'reduce(result, #acc + #index, 0)', [9, 9, 9], 3],
  ['sort', 'sort(result)', [3, 1, 2], [1, 2, 3]],
  ['sort desc', 'sort(result, "desc")', ['a', 'c', 'b'], ['c', 'b', 'a']],
  ['sortBy', 'sortBy(result, .a)', [{ a: 2 }, { a: 1 }], [{ a: 1 }, { a: 2 }]],
  [
    'sortBy desc is stable',
    'map(sortBy(result, .a, "desc"), .n)',
    [
      { a: 1, n: 'x' },
      { a: 3, n: 'y' },
      { a: 1, n: 'z' },
    ],
    ['y', 'x', 'z'],
  ],
  [
    'groupBy',
    'groupBy(result, .k)',
    [{ k: 'x' }, { k: 'y' }, { k: 'x' }],
    { x: [{ k: 'x' }, { k: 'x' }], y: [{ k: 'y' }] },
  ],
  ['groupBy then len', 'len(groupBy(result, #)["a"])', ['a', 'b', 'a'], 2],
  ['take', 'take(result, 2)', [1, 2, 3], [1, 2]],
  // numeric literals
  ['underscores', '1_000', null, 1000],
  ['hex', '0x1F', null, 31],
  ['hex with e is an int', '0x1E == 30', null, true],
  ['octal and binary', '0o17 + 0b101', null, 20],
  ['legacy octal', '017', null, 15],
  ['float with underscore', '1_000.5', null, 1000.5],
  ['leading dot float', '.5 + 1e1', null, 10.5],
  ['int literal is int', 'type(0x10)', null, 'int'],
  // matches with RE2 semantics
  ['(?i) flag', '"ABC" matches "(?i)abc"', null, true],
  ['(?s) flag', '"a\\nb" matches "(?s)a.b"', null, true],
  ['dot without (?s)', '"a\\nb" matches "a.b"', null, false],
  ['escaped punctuation', '"a-b#" matches "a\\\\-b\\\\#"', null, true],
  ['literal brace', '"a{" matches "a{"', null, true],
  ['posix class', '"x5" matches "^[[:alpha:]][[:digit:]]$"', null, true],
  ['named group (?P<n>)', '"ab" matches "(?P<x>a)b"', null, true],
  ['\\z end of text', '"ab\\n" matches "b\\\\z"', null, false],
  ['\\A start of text', '"ab" matches "\\\\Aa"', null, true],
  ['\\Q...\\E quoting', '"a.b" matches "\\\\Qa.b\\\\E"', null, true],
  ['\\Q...\\E quoting a dash outside a class', '"x-y" matches "\\\\Qx-y\\\\E"', null, true],
  ['\\pL', '"é" matches "^\\\\pL$"', null, true],
  ['not matches', '"abc" not matches "^b"', null, true],
];

const errorCases: readonly ErrorCase[] = [
  // ranges
  ['float range bound', '1.5..3', null, /mismatched types float64 and int/],
  ['string range bound', '"a"..3', null, /mismatched types string and int/],
  ['JSON numbers are floats', 'result..3', 1, /mismatched types float64 and int/],
  ['huge range', '0..100000000', null, /too large/],
  // slices
  ['slice of a number', '(1)[1:2]', null, /cannot slice int/],
  ['slice of a map', 'result[0:1]', { a: 1 }, /cannot slice/],
  ['string slice index', 'result["a":]', [1], /non-integer slice index/],
  ['slice of nil', 'result[1:]', null, /cannot slice nil/],
  ['unclosed slice', 'result[1:2', [1], /Unclosed/],
  // pipes
  ['pipe to a non-call', 'result | len', [1], /expected a function call after \|/],
  ['pipe to an unknown function', 'result | frob()', [1], /unknown func frob/],
  ['pipe type error', '1 | upper()', null, /invalid argument for upper/],
  // let
  ['let without ;', 'let x = 1 x', null, /Expected ;/],
  ['let without body', 'let x = 1;', null, /Expected expression after ;/],
  ['let without =', 'let x 1; x', null, /Expected =/],
  ['let shadowing result', 'let result = 1; result', 2, /cannot redeclare result/],
  ['let shadowing a builtin', 'let len = 1; len', null, /cannot redeclare len/],
  ['let variable out of scope', '(let a = 1; a) + a', null, /unknown name a/],
  ['let value type checked', 'let s = "x"; s > 1', null, /mismatched types string and int/],
  // map literals
  ['int map key', '{1: 2}', null, /as map key/],
  ['blocked map key', '{"__proto__": 1}', null, /invalid map key/],
  ['constructor map key', '{constructor: 1}', null, /invalid map key/],
  ['unclosed map', '{a: 1', null, /Expected , or }/],
  ['closure outside a predicate', '{# > 1}', null, /closure outside a predicate/],
  // array functions
  ['filter predicate not bool', 'filter(result, # + 1)', [1], /predicate should return boolean/],
  ['map over a number', 'map(1, # + 1)', null, /invalid argument for map/],
  ['reduce of empty list', 'reduce(result, #acc + #)', [], /reduce of empty array/],
  ['#acc outside reduce', 'map(result, #acc)', [1], /unknown name #acc/],
  ['sum of strings', 'sum(result)', ['a'], /invalid argument for sum/],
  ['sort mixed', 'sort(result)', [1, 'a'], /cannot sort mixed types/],
  ['sort bad order', 'sort(result, "up")', [1], /unknown order/],
  ['sortBy mixed keys', 'sortBy(result, #)', [1, 'a'], /cannot sort mixed types/],
  ['groupBy non-string key', 'groupBy(1..3, # % 2)', null, /groupBy keys must be strings/],
  ['max of nothing', 'max(result)', [], /not enough arguments/],
  ['first of a map', 'first(result)', { a: 1 }, /invalid argument for first/],
  // numeric literals
  ['bad hex', '0x', null, /bad number syntax/],
  ['bad exponent', '1e', null, /bad number syntax/],
  ['digits then letters', '12ab', null, /bad number syntax/],
  ['int overflow', '0x8000000000000000', null, /overflows int/],
  ['bad octal', '09', null, /bad number syntax/],
  // matches
  ['backreference', '"aa" matches "(a)\\\\1"', null, /invalid escape sequence: `\\1`/],
  ['lookahead', '"x" matches "(?=x)"', null, /invalid or unsupported Perl syntax: `\(\?=`/],
  ['lookbehind', '"x" matches "(?<!y)x"', null, /invalid or unsupported Perl syntax: `\(\?<!`/],
  ['possessive', '"aa" matches "a++"', null, /invalid nested repetition operator/],
  ['repeat over 1000', '"a" matches "a{1001}"', null, /invalid repeat count/],
  ['unknown escape', '"a" matches "\\\\y"', null, /invalid escape sequence/],
  ['mid-pattern flags', '"aB" matches "a(?i)b"', null, /not supported by the simulator/],
  ['ungreedy flag', '"a" matches "(?U)a+"', null, /not supported by the simulator/],
  ['unclosed class', '"a" matches "[a"', null, /missing closing \]/],
  ['matches on a number', 'result matches "1"', 1, /mismatched types float64 and string/],
];

describe('expr syntax values', () => {
  it.each(valueCases)('%s: %s', (_n, expression, result, value) => {
    expect(evaluateValue(expression, result)).toEqual({ kind: 'ok', value });
  });
});

describe('expr syntax errors', () => {
  it.each(errorCases)('%s: %s', (_n, expression, result, message) => {
    const got = evaluateValue(expression, result);
    expect(got.kind).toBe('error');
    if (got.kind === 'error') expect(got.message).toMatch(message);
  });
  it('an evaluation problem is the Error phase, as in Argo', () => {
    const m = evaluateMeasurement([1, 2], {
      successCondition: 'result[0:1] | reduce(#acc + #, "x") > 0',
    });
    expect(m.phase).toBe('Error');
    expect(evaluateMeasurement([1, 2], { successCondition: '"a" matches "(a)\\\\1"' }).phase).toBe(
      'Error',
    );
  });
  it('conditions over the new syntax decide phases', () => {
    expect(
      evaluateMeasurement([0.97, 0.99, 0.5], {
        successCondition: 'result[:2] | all(# >= 0.95)',
        failureCondition: 'let low = result | filter(# < 0.9); len(low) > 1',
      }).phase,
    ).toBe('Successful');
    expect(evaluateCondition('sum(1..3) == 6', null)).toEqual({ kind: 'ok', value: true });
  });
});

describe('RE2 translation', () => {
  it.each([
    ['(?i)abc', 'abc', 'iu'],
    ['(?is)a.b', 'a.b', 'isu'],
    ['a\\-b', 'a\\x2db', 'u'],
    ['[[:digit:]]+', '[0-9]+', 'u'],
    ['(?P<n>x)', '(?<n>x)', 'u'],
    ['x{', 'x\\{', 'u'],
  ])('%s', (pattern, source, flags) => {
    expect(translateRe2(pattern)).toEqual({ source, flags });
  });
});

describe('fuzz over the extended syntax', () => {
  const seed = 20_260_202;
  const tokens = [
    'result',
    '..',
    '[',
    ']',
    ':',
    '|',
    ';',
    'let ',
    'x',
    '=',
    '{',
    '}',
    '"a"',
    ',',
    '(',
    ')',
    '0x1F',
    '1_0',
    '.5',
    '#',
    '#acc',
    '#index',
    '.a',
    'filter(',
    'map(',
    'reduce(',
    'sortBy(',
    'groupBy(',
    'len(',
    'sum(',
    ' matches ',
    '"(?i)a"',
    '"\\\\1"',
    '"(?=a)"',
    '+',
    '-',
    '>',
    '?',
    ' ',
    '1',
    '2',
    '?.',
    'nil',
    'true',
    'in ',
    'not ',
  ];
  it(`token soup never throws (seed ${seed})`, () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...tokens), { maxLength: 30 }).map((ts) => ts.join('')),
        fc.constantFrom<unknown>(null, 1, [0.2, 0.7], { a: [1, { b: 2 }] }, [], 'abc'),
        (expression, result) => {
          const got = evaluateCondition(expression, result);
          expect(['ok', 'error']).toContain(got.kind);
          const v = evaluateValue(expression, result);
          expect(['ok', 'error']).toContain(v.kind);
        },
      ),
      { seed, numRuns: 4000 },
    );
  });
  it(`random patterns for matches never throw (seed ${seed + 1})`, () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (pattern) => {
        const got = evaluateCondition(`"abc" matches ${JSON.stringify(pattern)}`, null);
        expect(['ok', 'error']).toContain(got.kind);
      }),
      { seed: seed + 1, numRuns: 3000 },
    );
  });
});
