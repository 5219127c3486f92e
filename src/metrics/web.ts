/**
 * The Web provider: an HTTP request to a service of the simulated world, its JSON body reduced by
 * a Kubernetes-style JSONPath. Counterpart: metricproviders/webmetric/webmetric.go. Rule: only
 * the world's in-cluster URLs answer (through `signals.httpGet`; a real URL is the CLI's
 * business); non-2xx is an Error; a non-JSON body is the raw string; the first JSONPath match
 * is the result.
 */
import { JSONPath } from 'jsonpath-plus';
import type { MeasureEnv, MeasureStep, MetricOf, MetricProviderImpl } from './provider';
import { done, errorMessage, fail, rec, str, synchronousLifecycle } from './common';

/** NOT_IN_WORLD is the Error of a URL the simulated world does not serve. */
export const NOT_IN_WORLD = 'only in-cluster URLs of the simulated world are reachable here';

/** jsonPathFromKubernetes turns `{$.a.b}` / `{.a.b}` (Kubernetes JSONPath) into `$.a.b`. */
export function jsonPathFromKubernetes(path: string): string {
  let p = path.trim();
  if (p.startsWith('{') && p.endsWith('}')) p = p.slice(1, -1).trim();
  if (p === '' || p === '$') return '$';
  if (p.startsWith('.') || p.startsWith('[')) p = `$${p}`;
  return p;
}

function validate(c: Readonly<Record<string, unknown>>): string | undefined {
  if (str(c.url) === '') return 'url is required for the web provider';
  const method = (str(c.method) || 'GET').toUpperCase();
  if (!['GET', 'POST', 'PUT'].includes(method))
    return `unsupported method ${JSON.stringify(c.method)} (GET, POST or PUT)`;
  const hasBody = str(c.body) !== '';
  const hasJson = c.jsonBody !== undefined && c.jsonBody !== null;
  if (hasBody && hasJson) return 'use either body or jsonBody, not both';
  if (method === 'GET' && (hasBody || hasJson))
    return 'body and jsonBody can only be used with POST or PUT';
  return undefined;
}

function start(metric: MetricOf<'web'>, env: MeasureEnv): MeasureStep {
  const c = rec(metric.provider.config);
  const problem = validate(c);
  if (problem) return fail(problem);
  const url = str(c.url);
  const method = (str(c.method) || 'GET').toUpperCase();
  const headers: Record<string, string> = {};
  for (const h of Array.isArray(c.headers) ? c.headers : [])
    headers[str(rec(h).key)] = str(rec(h).value);
  if (c.jsonBody !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') {
    return fail(`${method} is not simulated: the services of the simulated world answer GET only`);
  }
  const response = env.signals.httpGet?.(url, headers);
  if (!response) return fail(NOT_IN_WORLD);
  if (response.status < 200 || response.status >= 300) {
    return fail(`received non 2xx response code: ${response.status}`);
  }
  let document: unknown;
  try {
    document = JSON.parse(response.body) as unknown;
  } catch {
    return done(response.body); // not JSON (or empty): the raw body is the result
  }
  const path = jsonPathFromKubernetes(str(c.jsonPath) || '{$}');
  if (path === '$') return done(document);
  try {
    const matches = JSONPath<unknown[]>({ path, json: document as object, wrap: true });
    if (!Array.isArray(matches) || matches.length === 0) {
      return fail(`could not find JSONPath ${str(c.jsonPath) || '{$}'} in the response body`);
    }
    return done(matches[0]);
  } catch (e) {
    return fail(`invalid JSONPath ${str(c.jsonPath)}: ${errorMessage(e)}`);
  }
}

/** web is the Web metric provider. */
export const web: MetricProviderImpl<'web'> = {
  kind: 'web',
  start,
  ...synchronousLifecycle('Web'),
};
