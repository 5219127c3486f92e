import { describe, expect, it } from 'vitest';
import { NOT_IN_WORLD, web } from '../../src/metrics';
import { envOf, metricOf, syntheticSignals } from './synthetic';

const bodies: Record<string, { status: number; body: string }> = {
  'http://demo.default.svc/metrics': {
    status: 200,
    body: '{"a": 1, "b": true, "c": [1, 2, 3, 4], "d": null}',
  },
  'http://demo.default.svc/nested': { status: 200, body: '{"key": [{"key2": {"value": "1.2"}}]}' },
  'http://demo.default.svc/text': { status: 200, body: 'OK' },
  'http://demo.default.svc/broken': { status: 503, body: 'unavailable' },
};
const seen: Record<string, string>[] = [];
const signals = syntheticSignals([], 0, {
  httpGet: (url: string, headers: Readonly<Record<string, string>>) => {
    seen.push({ ...headers });
    return bodies[url];
  },
});
const run = (config: Record<string, unknown>) => web.start(metricOf('web', config), envOf(signals));

describe('web provider', () => {
  it('returns the whole JSON document without jsonPath', () => {
    expect(run({ url: 'http://demo.default.svc/metrics' })).toEqual({
      status: 'done',
      value: { a: 1, b: true, c: [1, 2, 3, 4], d: null },
    });
  });

  it('applies a Kubernetes JSONPath and keeps strings as strings', () => {
    expect(
      run({ url: 'http://demo.default.svc/nested', jsonPath: '{$.key[0].key2.value}' }),
    ).toEqual({ status: 'done', value: '1.2' });
    expect(run({ url: 'http://demo.default.svc/metrics', jsonPath: '{.c[2]}' })).toEqual({
      status: 'done',
      value: 3,
    });
    expect(run({ url: 'http://demo.default.svc/metrics', jsonPath: '{$.nope}' }).status).toBe(
      'error',
    );
  });

  it('a non-JSON body is the raw string; non-2xx is an error', () => {
    expect(run({ url: 'http://demo.default.svc/text' })).toEqual({ status: 'done', value: 'OK' });
    expect(run({ url: 'http://demo.default.svc/broken' })).toEqual({
      status: 'error',
      message: 'received non 2xx response code: 503',
    });
  });

  it('passes headers and refuses URLs outside the simulated world', () => {
    run({
      url: 'http://demo.default.svc/text',
      headers: [{ key: 'Authorization', value: 'Bearer x' }],
    });
    expect(seen[seen.length - 1]).toEqual({ Authorization: 'Bearer x' });
    expect(run({ url: 'https://example.com/health' })).toEqual({
      status: 'error',
      message: NOT_IN_WORLD,
    });
    expect(
      web.start(
        metricOf('web', { url: 'http://demo.default.svc/text' }),
        envOf(syntheticSignals([])),
      ),
    ).toEqual({ status: 'error', message: NOT_IN_WORLD });
  });

  it('validates url, method and body fields', () => {
    expect(run({})).toEqual({ status: 'error', message: 'url is required for the web provider' });
    expect(run({ url: 'http://demo.default.svc/text', body: 'x' })).toEqual({
      status: 'error',
      message: 'body and jsonBody can only be used with POST or PUT',
    });
    expect(
      run({ url: 'http://demo.default.svc/text', method: 'POST', body: 'x', jsonBody: {} }).status,
    ).toBe('error');
    expect(
      run({ url: 'http://demo.default.svc/text', method: 'POST', jsonBody: { a: 1 } }),
    ).toMatchObject({ status: 'error', message: expect.stringMatching(/^POST is not simulated/) });
  });
});
