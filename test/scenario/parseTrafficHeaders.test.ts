import { describe, expect, it } from 'vitest';
import { parseScenario, SCENARIO_ISSUE_CODES as CODES } from '../../src/scenario';
import { readFake } from './fixtures';

const HEAD = 'kind: Scenario\nname: t\n';

function parse(text: string) {
  const result = parseScenario(text, 'sims/s.yaml', readFake);
  return {
    scenario: result.scenario,
    issues: result.issues.map((i) => ({
      path: i.path,
      line: i.line,
      column: i.column,
      code: i.code,
    })),
  };
}

describe('parseScenario: traffic.headers', () => {
  it('is absent by default', () => {
    expect(parse(`${HEAD}traffic: { requestsPerSecond: 20 }\n`).scenario?.traffic).toEqual({
      requestsPerSecond: 20,
    });
  });

  it('reads shares of users and the headers they send', () => {
    const text = `${HEAD}traffic:
  requestsPerSecond: 50
  headers:
    - share: 0.1
      set: { X-Canary: "yes" }
    - { share: 0.25, set: { x-region: eu, x-beta: "1" } }
`;
    const { scenario, issues } = parse(text);
    expect(issues).toEqual([]);
    expect(scenario?.traffic).toEqual({
      requestsPerSecond: 50,
      headers: [
        { share: 0.1, set: { 'X-Canary': 'yes' } },
        { share: 0.25, set: { 'x-region': 'eu', 'x-beta': '1' } },
      ],
    });
    expect(parse(`${HEAD}traffic: { headers: [] }\n`).scenario?.traffic).toEqual({
      requestsPerSecond: 50,
      headers: [],
    });
  });

  it.each([
    [
      'not a list',
      `${HEAD}traffic:\n  headers: { share: 1 }\n`,
      { path: 'traffic.headers', line: 4, column: 12, code: CODES.type },
    ],
    [
      'entry not a map',
      `${HEAD}traffic:\n  headers:\n    - 0.5\n`,
      { path: 'traffic.headers[0]', line: 5, column: 7, code: CODES.type },
    ],
    [
      'share above 1',
      `${HEAD}traffic:\n  headers:\n    - { share: 1.5, set: { a: b } }\n`,
      { path: 'traffic.headers[0].share', line: 5, column: 16, code: CODES.invalidValue },
    ],
    [
      'negative share',
      `${HEAD}traffic:\n  headers:\n    - { share: -0.1, set: { a: b } }\n`,
      { path: 'traffic.headers[0].share', line: 5, column: 16, code: CODES.invalidValue },
    ],
    [
      'share a string',
      `${HEAD}traffic:\n  headers:\n    - { share: half, set: { a: b } }\n`,
      { path: 'traffic.headers[0].share', line: 5, column: 16, code: CODES.type },
    ],
    [
      'share missing',
      `${HEAD}traffic:\n  headers:\n    - { set: { a: b } }\n`,
      { path: 'traffic.headers[0]', line: 5, column: 7, code: CODES.required },
    ],
    [
      'set missing',
      `${HEAD}traffic:\n  headers:\n    - { share: 0.1 }\n`,
      { path: 'traffic.headers[0]', line: 5, column: 7, code: CODES.required },
    ],
    [
      'set a list',
      `${HEAD}traffic:\n  headers:\n    - { share: 0.1, set: [a] }\n`,
      { path: 'traffic.headers[0].set', line: 5, column: 26, code: CODES.type },
    ],
    [
      'header value not a string',
      `${HEAD}traffic:\n  headers:\n    - { share: 0.1, set: { a: 1 } }\n`,
      { path: 'traffic.headers[0].set.a', line: 5, column: 31, code: CODES.type },
    ],
    [
      'unknown field',
      `${HEAD}traffic:\n  headers:\n    - { share: 0.1, set: {}, weight: 2 }\n`,
      { path: 'traffic.headers[0].weight', line: 5, column: 30, code: CODES.unknownField },
    ],
    [
      'shares summing above 1',
      `${HEAD}traffic:\n  headers:\n    - { share: 0.6, set: { a: b } }\n    - { share: 0.5, set: { a: c } }\n`,
      { path: 'traffic.headers[1].share', line: 6, column: 16, code: CODES.invalidValue },
    ],
    [
      'unknown traffic field',
      `${HEAD}traffic: { header: [] }\n`,
      { path: 'traffic.header', line: 3, column: 12, code: CODES.unknownField },
    ],
  ])('rejects %s with its position', (_name, text, issue) => {
    const { scenario, issues } = parse(text);
    expect(scenario).toBeUndefined();
    expect(issues).toEqual([issue]);
  });
});
