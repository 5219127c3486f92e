/**
 * parseScenario: reads a scenario file (../shared/design/scenario-format.md), checks every field
 * of the contract with file:line:column and field path, and returns the normalised Scenario.
 * Argo counterpart: none (the e2e fixtures are Go code).
 * Rule: pure, no I/O but the injected readFile, never throws.
 */
import { LineCounter, parseAllDocuments, parseDocument } from 'yaml';
import type { Document, Node, YAMLError } from 'yaml';
import type { SourcePosition, ValidationIssue } from '../model';
import { SCENARIO_ISSUE_CODES } from './codes';
import type { ScenarioIssueCode } from './codes';
import { scenarioDurationMs } from './duration';
import {
  ANALYSIS_PHASES,
  ANALYSIS_RUN_KINDS,
  CONDITION_KEYS,
  DEFAULT_WAIT_FOR_TIMEOUT_MS,
  MEASUREMENT_PHASES,
  ROLLOUT_PHASES,
  SCENARIO_KIND,
} from './types';
import type {
  AnalysisPhase,
  AnalysisRunCondition,
  AnalysisRunKind,
  Condition,
  ConditionStatus,
  MeasurementPhase,
  MetricCondition,
  MetricOutcome,
  PlainObject,
  RolloutConditionCondition,
  RolloutPhase,
  Scenario,
  ScenarioManifest,
  ScriptStep,
  TrafficHeaderShare,
  TrafficSettings,
  VersionBehaviour,
} from './types';
import {
  collectPositions,
  lookupPosition,
  nodeAtPath,
  pathString,
  positionOfOffset,
  rangeOf,
} from './yamlPositions';
import type { PathSegment } from './yamlPositions';

/**
 * ReadFile returns a file's text, or undefined when it cannot be read. The CLI passes a Node
 * reader, the browser a lookup in the bundled simulations; paths use '/'.
 */
export type ReadFile = (path: string) => string | undefined;

/** ParseResult is a scenario (present only when there is no error-severity issue) and every issue found. */
export interface ParseResult {
  readonly scenario?: Scenario;
  readonly issues: ValidationIssue[];
}

/** Top-level fields of a scenario file. */
const TOP_LEVEL_FIELDS = [
  'kind',
  'name',
  'title',
  'description',
  'seed',
  'namespace',
  'manifests',
  'manifestFiles',
  'cluster',
  'traffic',
  'versions',
  'analysis',
  'script',
] as const;

const CLUSTER_FIELDS = ['podStartup', 'podStartupJitter', 'podTermination'] as const;
const VERSION_FIELDS = [
  'errorRate',
  'latency',
  'startup',
  'crashLoop',
  'neverReady',
  'imagePullError',
  'exitCode',
  'runFor',
] as const;
const OUTCOME_FIELDS = ['value', 'values', 'phase', 'after'] as const;
const TRAFFIC_FIELDS = ['requestsPerSecond', 'headers'] as const;
const TRAFFIC_HEADER_FIELDS = ['share', 'set'] as const;

/** STEP_VERBS lists every script verb in the contract's table order. */
export const STEP_VERBS: readonly ScriptStep['kind'][] = [
  'apply',
  'applyFile',
  'updateSpec',
  'setImage',
  'scale',
  'promote',
  'promoteFull',
  'abort',
  'retry',
  'pause',
  'resume',
  'restart',
  'undo',
  'setVersion',
  'killPods',
  'setMetric',
  'wait',
  'waitFor',
  'expect',
];

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

const hasOwn = (obj: object, key: string): boolean =>
  Object.prototype.hasOwnProperty.call(obj, key);

function isObject(value: unknown): value is PlainObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  if (typeof value === 'number' || typeof value === 'boolean')
    return `${typeof value} ${String(value)}`;
  return typeof value;
}

/**
 * isPlainJson reports whether a value is acyclic plain JSON (objects, arrays, strings, finite
 * numbers, booleans, null). Recursive YAML aliases can build cycles, which the world cannot store.
 */
function isPlainJson(value: unknown, depth = 0, seen: Set<object> = new Set()): boolean {
  if (depth > 200) return false;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value !== 'object') return false;
  if (seen.has(value)) return false;
  seen.add(value);
  const ok = Array.isArray(value)
    ? value.every((v) => isPlainJson(v, depth + 1, seen))
    : Object.getPrototypeOf(value) === Object.prototype &&
      Object.values(value).every((v) => isPlainJson(v, depth + 1, seen));
  seen.delete(value);
  return ok;
}

/**
 * resolveRelative joins `path` to the folder of `fromFile` with '/', folding `.` and `..`.
 * Example: ('simulations/a.yaml', '../m/r.yaml') → 'm/r.yaml'. Absolute paths are kept.
 */
export function resolveRelative(fromFile: string, path: string): string {
  const absolute = path.startsWith('/');
  const slash = fromFile.lastIndexOf('/');
  const folder = slash >= 0 ? fromFile.slice(0, slash + 1) : '';
  const joined = absolute ? path : folder + path;
  const rooted = joined.startsWith('/');
  const out: string[] = [];
  for (const part of joined.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else if (part === '..' && rooted) continue;
    else out.push(part);
  }
  return (rooted ? '/' : '') + out.join('/');
}

/** One YAML text (the scenario file or a manifest file) with what is needed to point into it. */
interface Source {
  readonly file: string;
  readonly doc: Document;
  readonly lineCounter: LineCounter;
}

/** The parser's working state: the scenario source, collected issues and known rollout names. */
class Parser {
  readonly issues: ValidationIssue[] = [];

  constructor(
    readonly source: Source,
    readonly readFile: ReadFile | undefined,
  ) {}

  /** where returns the position of the value (or key) at `segments` in the scenario file. */
  where(segments: readonly PathSegment[], at: 'value' | 'key' = 'value'): SourcePosition {
    const { doc, lineCounter, file } = this.source;
    const found = nodeAtPath(doc, doc.contents, segments);
    const node =
      at === 'key' && found.matched === segments.length && found.keyNode
        ? found.keyNode
        : found.node;
    const start = node?.range?.[0];
    const pos = start === undefined ? { line: 1, column: 1 } : positionOfOffset(lineCounter, start);
    return { file, line: pos.line, column: pos.column };
  }

  issue(
    segments: readonly PathSegment[],
    code: ScenarioIssueCode,
    message: string,
    opts: { at?: 'value' | 'key'; severity?: 'error' | 'warning' } = {},
  ): void {
    this.issues.push({
      ...this.where(segments, opts.at),
      path: pathString(segments),
      code,
      message,
      severity: opts.severity ?? 'error',
    });
  }

  /** object checks that `value` is a map and reports every key outside `allowed`. */
  object(
    value: unknown,
    segments: readonly PathSegment[],
    allowed: readonly string[],
    what: string,
  ): PlainObject | undefined {
    if (!isObject(value)) {
      this.issue(
        segments,
        SCENARIO_ISSUE_CODES.type,
        `${what} must be a map, not ${describe(value)}`,
      );
      return undefined;
    }
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) {
        this.issue(
          [...segments, key],
          SCENARIO_ISSUE_CODES.unknownField,
          unknownFieldMessage(key, allowed),
          {
            at: 'key',
          },
        );
      }
    }
    return value;
  }

  string(
    obj: PlainObject,
    key: string,
    segments: readonly PathSegment[],
    opts: { required?: boolean; nonEmpty?: boolean } = {},
  ): string | undefined {
    const path = [...segments, key];
    if (!hasOwn(obj, key) || obj[key] === undefined) {
      if (opts.required) this.issue(segments, SCENARIO_ISSUE_CODES.required, `${key} is required`);
      return undefined;
    }
    const value = obj[key];
    if (typeof value !== 'string') {
      this.issue(
        path,
        SCENARIO_ISSUE_CODES.type,
        `${key} must be a string, not ${describe(value)}`,
      );
      return undefined;
    }
    if (opts.nonEmpty && value === '') {
      this.issue(path, SCENARIO_ISSUE_CODES.invalidValue, `${key} must not be empty`);
      return undefined;
    }
    return value;
  }

  integer(
    obj: PlainObject,
    key: string,
    segments: readonly PathSegment[],
    opts: { required?: boolean; min?: number } = {},
  ): number | undefined {
    const path = [...segments, key];
    if (!hasOwn(obj, key) || obj[key] === undefined) {
      if (opts.required) this.issue(segments, SCENARIO_ISSUE_CODES.required, `${key} is required`);
      return undefined;
    }
    return this.integerValue(obj[key], path, key, opts.min);
  }

  integerValue(
    value: unknown,
    path: readonly PathSegment[],
    what: string,
    min?: number,
  ): number | undefined {
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
      this.issue(
        path,
        SCENARIO_ISSUE_CODES.type,
        `${what} must be an integer, not ${describe(value)}`,
      );
      return undefined;
    }
    if (min !== undefined && value < min) {
      this.issue(
        path,
        SCENARIO_ISSUE_CODES.invalidValue,
        `${what} must be at least ${min}, not ${value}`,
      );
      return undefined;
    }
    return value;
  }

  number(
    obj: PlainObject,
    key: string,
    segments: readonly PathSegment[],
    range: { min?: number; max?: number } = {},
  ): number | undefined {
    if (!hasOwn(obj, key) || obj[key] === undefined) return undefined;
    return this.numberValue(obj[key], [...segments, key], key, range);
  }

  numberValue(
    value: unknown,
    path: readonly PathSegment[],
    what: string,
    range: { min?: number; max?: number } = {},
  ): number | undefined {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.issue(
        path,
        SCENARIO_ISSUE_CODES.type,
        `${what} must be a number, not ${describe(value)}`,
      );
      return undefined;
    }
    if (
      (range.min !== undefined && value < range.min) ||
      (range.max !== undefined && value > range.max)
    ) {
      const bounds =
        range.max === undefined
          ? `at least ${range.min}`
          : range.min === undefined
            ? `at most ${range.max}`
            : `between ${range.min} and ${range.max}`;
      this.issue(
        path,
        SCENARIO_ISSUE_CODES.invalidValue,
        `${what} must be ${bounds}, not ${value}`,
      );
      return undefined;
    }
    return value;
  }

  boolean(obj: PlainObject, key: string, segments: readonly PathSegment[]): boolean | undefined {
    if (!hasOwn(obj, key) || obj[key] === undefined) return undefined;
    const value = obj[key];
    if (typeof value !== 'boolean') {
      this.issue(
        [...segments, key],
        SCENARIO_ISSUE_CODES.type,
        `${key} must be true or false, not ${describe(value)}`,
      );
      return undefined;
    }
    return value;
  }

  duration(obj: PlainObject, key: string, segments: readonly PathSegment[]): number | undefined {
    if (!hasOwn(obj, key) || obj[key] === undefined) return undefined;
    return this.durationValue(obj[key], [...segments, key], key);
  }

  durationValue(value: unknown, path: readonly PathSegment[], what: string): number | undefined {
    const parsed = scenarioDurationMs(value);
    if (parsed.kind === 'error') {
      this.issue(path, SCENARIO_ISSUE_CODES.duration, `${what}: ${parsed.message}`);
      return undefined;
    }
    return parsed.ms;
  }

  oneOf<T extends string>(
    obj: PlainObject,
    key: string,
    segments: readonly PathSegment[],
    allowed: readonly T[],
    opts: { required?: boolean } = {},
  ): T | undefined {
    const value = this.string(obj, key, segments, opts);
    if (value === undefined) return undefined;
    if (!(allowed as readonly string[]).includes(value)) {
      this.issue(
        [...segments, key],
        SCENARIO_ISSUE_CODES.invalidValue,
        `${key} must be one of ${allowed.join(', ')}, not ${JSON.stringify(value)}`,
      );
      return undefined;
    }
    return value as T;
  }
}

function unknownFieldMessage(key: string, allowed: readonly string[]): string {
  return `unknown field ${JSON.stringify(key)} (expected one of: ${allowed.join(', ')})`;
}

function yamlIssue(
  source: { file: string; lineCounter: LineCounter },
  error: YAMLError,
  code: ScenarioIssueCode,
  severity: 'error' | 'warning',
  path = '',
): ValidationIssue {
  const pos = positionOfOffset(source.lineCounter, error.pos[0]);
  const message = error.message.split('\n')[0] ?? error.message;
  return { file: source.file, line: pos.line, column: pos.column, path, code, message, severity };
}

/** manifestFromNode builds a ScenarioManifest for a map node already converted to `object`. */
function manifestFromNode(
  source: Source,
  node: Node | undefined,
  object: PlainObject,
  basePath: string,
): ScenarioManifest {
  const range = rangeOf(source.lineCounter, node) ?? {
    start: { line: 1, column: 1 },
    end: { line: 1, column: 1 },
  };
  const metadata = object.metadata;
  const name = isObject(metadata) && typeof metadata.name === 'string' ? metadata.name : '';
  return {
    object,
    kind: typeof object.kind === 'string' ? object.kind : '',
    name,
    file: source.file,
    basePath,
    range,
    positions: node ? collectPositions(source.lineCounter, node) : [],
  };
}

/** parseManifestList reads a list of inline objects (`manifests:`, `apply:`). */
function parseManifestList(p: Parser, value: unknown, segments: PathSegment[]): ScenarioManifest[] {
  if (!Array.isArray(value)) {
    p.issue(
      segments,
      SCENARIO_ISSUE_CODES.type,
      `${String(segments[segments.length - 1])} must be a list of objects, not ${describe(value)}`,
    );
    return [];
  }
  const out: ScenarioManifest[] = [];
  value.forEach((item: unknown, i) => {
    const path = [...segments, i];
    if (!isObject(item)) {
      p.issue(
        path,
        SCENARIO_ISSUE_CODES.type,
        `a manifest must be a map (a Kubernetes object), not ${describe(item)}`,
      );
      return;
    }
    if (!isPlainJson(item)) {
      p.issue(
        path,
        SCENARIO_ISSUE_CODES.invalidValue,
        'a manifest must be plain JSON-like data (no recursive aliases)',
      );
      return;
    }
    const { node } = nodeAtPath(p.source.doc, p.source.doc.contents, path);
    out.push(manifestFromNode(p.source, node, item, pathString(path)));
  });
  return out;
}

/**
 * readManifestFile reads a multi-document YAML file through readFile; issues inside the file carry
 * its (resolved) path and positions, and a missing file is reported at `segments` of the scenario.
 */
function readManifestFile(
  p: Parser,
  written: string,
  segments: PathSegment[],
): {
  resolved: string;
  manifests: ScenarioManifest[];
} {
  const resolved = resolveRelative(p.source.file, written);
  if (!p.readFile) {
    p.issue(
      segments,
      SCENARIO_ISSUE_CODES.fileNotFound,
      `cannot read ${JSON.stringify(resolved)}: no file access here`,
    );
    return { resolved, manifests: [] };
  }
  let text: string | undefined;
  try {
    text = p.readFile(resolved);
  } catch {
    text = undefined;
  }
  if (text === undefined) {
    p.issue(
      segments,
      SCENARIO_ISSUE_CODES.fileNotFound,
      `cannot read manifest file ${JSON.stringify(resolved)}`,
    );
    return { resolved, manifests: [] };
  }
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, prettyErrors: false });
  const docList = Array.isArray(docs) ? docs : [];
  const manifests: ScenarioManifest[] = [];
  const fileSource = { file: resolved, lineCounter };
  let failed = false;
  for (const doc of docList) {
    for (const error of doc.errors) {
      p.issues.push(yamlIssue(fileSource, error, SCENARIO_ISSUE_CODES.manifestSyntax, 'error'));
      failed = true;
    }
  }
  if (failed) return { resolved, manifests };
  docList.forEach((doc, i) => {
    if (doc.contents === null) return; // an empty document between `---` markers
    let object: unknown;
    try {
      object = doc.toJS({ maxAliasCount: 1000 });
    } catch (error) {
      const pos = rangeOf(lineCounter, doc.contents)?.start ?? { line: 1, column: 1 };
      p.issues.push({
        file: resolved,
        ...pos,
        path: '',
        code: SCENARIO_ISSUE_CODES.manifestSyntax,
        message: error instanceof Error ? error.message : 'cannot read this document',
        severity: 'error',
      });
      return;
    }
    if (!isObject(object) || !isPlainJson(object)) {
      const pos = rangeOf(lineCounter, doc.contents)?.start ?? { line: 1, column: 1 };
      p.issues.push({
        file: resolved,
        ...pos,
        path: '',
        code: SCENARIO_ISSUE_CODES.type,
        message: `document ${i + 1} must be a Kubernetes object (a map), not ${describe(object)}`,
        severity: 'error',
      });
      return;
    }
    manifests.push(
      manifestFromNode({ file: resolved, doc, lineCounter }, doc.contents, object, ''),
    );
  });
  return { resolved, manifests };
}

/**
 * parseTrafficHeaders reads `traffic.headers`: a list of `{share, set}` — `share` 0..1 (all
 * entries sum to at most 1), `set` a map of header name → string value. Absent: undefined.
 */
function parseTrafficHeaders(p: Parser, traffic: PlainObject): TrafficHeaderShare[] | undefined {
  if (!hasOwn(traffic, 'headers') || traffic.headers === undefined) return undefined;
  const raw = traffic.headers;
  if (!Array.isArray(raw)) {
    p.issue(
      ['traffic', 'headers'],
      SCENARIO_ISSUE_CODES.type,
      `headers must be a list of {share, set} entries, not ${describe(raw)}`,
    );
    return undefined;
  }
  const out: TrafficHeaderShare[] = [];
  let sum = 0;
  raw.forEach((entry: unknown, i) => {
    const path = ['traffic', 'headers', i];
    const obj = p.object(entry, path, TRAFFIC_HEADER_FIELDS, `traffic.headers[${i}]`);
    if (!obj) return;
    let share: number | undefined;
    if (!hasOwn(obj, 'share') || obj.share === undefined)
      p.issue(path, SCENARIO_ISSUE_CODES.required, 'share is required');
    else share = p.number(obj, 'share', path, { min: 0, max: 1 });
    const set: Record<string, string> = {};
    let setOk = true;
    if (!hasOwn(obj, 'set') || obj.set === undefined) {
      p.issue(path, SCENARIO_ISSUE_CODES.required, 'set is required');
      setOk = false;
    } else if (!isObject(obj.set)) {
      p.issue(
        [...path, 'set'],
        SCENARIO_ISSUE_CODES.type,
        `set must be a map of header name to value, not ${describe(obj.set)}`,
      );
      setOk = false;
    } else {
      for (const [name, value] of Object.entries(obj.set)) {
        if (name === '') {
          p.issue(
            [...path, 'set', name],
            SCENARIO_ISSUE_CODES.invalidValue,
            'a header name must not be empty',
            {
              at: 'key',
            },
          );
          setOk = false;
        } else if (typeof value !== 'string') {
          p.issue(
            [...path, 'set', name],
            SCENARIO_ISSUE_CODES.type,
            `header ${name} must be a string, not ${describe(value)} (quote it)`,
          );
          setOk = false;
        } else set[name] = value;
      }
    }
    if (share === undefined || !setOk) return;
    sum += share;
    if (sum > 1 + 1e-9) {
      p.issue(
        [...path, 'share'],
        SCENARIO_ISSUE_CODES.invalidValue,
        `the shares of traffic.headers must sum to at most 1, not ${Number(sum.toFixed(6))}`,
      );
      return;
    }
    out.push({ share, set });
  });
  return out;
}

/** parseVersion reads one `versions:` entry (also the fields of `setVersion`). */
function parseVersionFields(
  p: Parser,
  obj: PlainObject,
  segments: PathSegment[],
): Partial<VersionBehaviour> {
  const out: { -readonly [K in keyof VersionBehaviour]?: VersionBehaviour[K] } = {};
  const errorRate = p.number(obj, 'errorRate', segments, { min: 0, max: 1 });
  if (errorRate !== undefined) out.errorRate = errorRate;
  const latency = p.duration(obj, 'latency', segments);
  if (latency !== undefined) out.latencyMs = latency;
  const startup = p.duration(obj, 'startup', segments);
  if (startup !== undefined) out.startupMs = startup;
  const crashLoop = p.boolean(obj, 'crashLoop', segments);
  if (crashLoop !== undefined) out.crashLoop = crashLoop;
  const neverReady = p.boolean(obj, 'neverReady', segments);
  if (neverReady !== undefined) out.neverReady = neverReady;
  const imagePullError = p.boolean(obj, 'imagePullError', segments);
  if (imagePullError !== undefined) out.imagePullError = imagePullError;
  const exitCode = p.integer(obj, 'exitCode', segments);
  if (exitCode !== undefined) out.exitCode = exitCode;
  const runFor = p.duration(obj, 'runFor', segments);
  if (runFor !== undefined) out.runForMs = runFor;
  return out;
}

/** parseOutcome reads a scripted metric outcome (`analysis:` entry fields, also used by setMetric). */
function parseOutcome(
  p: Parser,
  obj: PlainObject,
  segments: PathSegment[],
): MetricOutcome | undefined {
  const given = (['value', 'values', 'phase'] as const).filter((k) => hasOwn(obj, k));
  const afterMs = p.duration(obj, 'after', segments) ?? 0;
  if (given.length !== 1) {
    p.issue(
      segments,
      SCENARIO_ISSUE_CODES.invalidValue,
      given.length === 0
        ? 'a metric outcome needs one of value, values or phase'
        : `a metric outcome takes only one of value, values or phase (got ${given.join(', ')})`,
    );
    return undefined;
  }
  const which = given[0];
  if (which === 'value') {
    if (!isPlainJson(obj.value)) {
      p.issue(
        [...segments, 'value'],
        SCENARIO_ISSUE_CODES.invalidValue,
        'value must be plain data (number, string, list or map)',
      );
      return undefined;
    }
    return { kind: 'value', value: obj.value, afterMs };
  }
  if (which === 'values') {
    const values = obj.values;
    if (!Array.isArray(values) || values.length === 0) {
      p.issue(
        [...segments, 'values'],
        SCENARIO_ISSUE_CODES.type,
        `values must be a non-empty list, not ${describe(values)}`,
      );
      return undefined;
    }
    if (!isPlainJson(values)) {
      p.issue(
        [...segments, 'values'],
        SCENARIO_ISSUE_CODES.invalidValue,
        'values must be plain data (numbers, strings, lists or maps)',
      );
      return undefined;
    }
    return { kind: 'values', values: values as unknown[], afterMs };
  }
  const phase = p.oneOf<MeasurementPhase>(obj, 'phase', segments, MEASUREMENT_PHASES, {
    required: true,
  });
  return phase === undefined ? undefined : { kind: 'phase', phase, afterMs };
}

/** revisionKey validates a map key naming a revision and returns its canonical text. */
function revisionKey(p: Parser, key: string, segments: PathSegment[]): string | undefined {
  if (!/^[0-9]+$/.test(key) || Number(key) < 1 || !Number.isSafeInteger(Number(key))) {
    p.issue(
      [...segments, key],
      SCENARIO_ISSUE_CODES.invalidValue,
      `${JSON.stringify(key)} is not a revision number (an integer from 1)`,
      { at: 'key' },
    );
    return undefined;
  }
  return String(Number(key));
}

/** parseCondition reads the condition keys of a `waitFor` / `expect` body. */
function parseCondition(
  p: Parser,
  obj: PlainObject,
  segments: PathSegment[],
): { condition: Condition; count: number } {
  const c: { -readonly [K in keyof Condition]?: Condition[K] } = {};
  let count = 0;
  const present = (key: string): boolean => hasOwn(obj, key) && obj[key] !== undefined;
  const int = (
    key:
      | 'step'
      | 'setWeight'
      | 'actualWeight'
      | 'canaryPods'
      | 'stablePods'
      | 'replicas'
      | 'availableReplicas'
      | 'readyReplicas'
      | 'updatedReplicas'
      | 'canaryWeight'
      | 'stableWeight'
      | 'activeRevision'
      | 'previewRevision'
      | 'stableRevision'
      | 'currentRevision',
    min: number,
  ): void => {
    if (!present(key)) return;
    count++;
    const v = p.integer(obj, key, segments, { min });
    if (v !== undefined) c[key] = v;
  };

  if (present('status')) {
    count++;
    const v = p.oneOf<RolloutPhase>(obj, 'status', segments, ROLLOUT_PHASES);
    if (v !== undefined) c.status = v;
  }
  if (present('message')) {
    count++;
    const v = p.string(obj, 'message', segments);
    if (v !== undefined) c.message = v;
  }
  int('step', 0);
  int('setWeight', 0);
  int('actualWeight', 0);
  int('canaryPods', 0);
  int('stablePods', 0);
  if (present('revisionPods')) {
    count++;
    const map = p.object(
      obj.revisionPods,
      [...segments, 'revisionPods'],
      Object.keys(isObject(obj.revisionPods) ? obj.revisionPods : {}),
      'revisionPods',
    );
    if (map) {
      const entries: [string, number][] = [];
      for (const [key, value] of Object.entries(map)) {
        const rev = revisionKey(p, key, [...segments, 'revisionPods']);
        const n = p.integerValue(
          value,
          [...segments, 'revisionPods', key],
          `revisionPods[${key}]`,
          0,
        );
        if (rev !== undefined && n !== undefined) entries.push([rev, n]);
      }
      c.revisionPods = Object.fromEntries(entries);
    }
  }
  int('replicas', 0);
  int('availableReplicas', 0);
  int('readyReplicas', 0);
  int('updatedReplicas', 0);
  int('activeRevision', 1);
  int('previewRevision', 1);
  int('stableRevision', 1);
  int('currentRevision', 1);
  int('canaryWeight', 0);
  int('stableWeight', 0);
  if (present('revisionScaleDownDelay')) {
    count++;
    const raw = obj.revisionScaleDownDelay;
    const map = p.object(
      raw,
      [...segments, 'revisionScaleDownDelay'],
      Object.keys(isObject(raw) ? raw : {}),
      'revisionScaleDownDelay',
    );
    if (map) {
      const entries: [string, boolean][] = [];
      for (const key of Object.keys(map)) {
        const rev = revisionKey(p, key, [...segments, 'revisionScaleDownDelay']);
        const v = p.boolean(map, key, [...segments, 'revisionScaleDownDelay']);
        if (rev !== undefined && v !== undefined) entries.push([rev, v]);
      }
      c.revisionScaleDownDelay = Object.fromEntries(entries);
    }
  }
  if (present('abort')) {
    count++;
    const v = p.boolean(obj, 'abort', segments);
    if (v !== undefined) c.abort = v;
  }
  if (present('analysisRun')) {
    count++;
    const path = [...segments, 'analysisRun'];
    const ar = p.object(obj.analysisRun, path, ['kind', 'phase', 'count'], 'analysisRun');
    if (ar) {
      const kind = p.oneOf<AnalysisRunKind>(ar, 'kind', path, ANALYSIS_RUN_KINDS, {
        required: true,
      });
      const phase = p.oneOf<AnalysisPhase>(ar, 'phase', path, ANALYSIS_PHASES);
      const n = p.integer(ar, 'count', path, { min: 0 });
      if (kind !== undefined) {
        const v: { -readonly [K in keyof AnalysisRunCondition]: AnalysisRunCondition[K] } = {
          kind,
        };
        if (phase !== undefined) v.phase = phase;
        if (n !== undefined) v.count = n;
        c.analysisRun = v;
      }
    }
  }
  if (present('metric')) {
    count++;
    const path = [...segments, 'metric'];
    const m = p.object(obj.metric, path, ['name', 'kind', 'phase', 'measurements'], 'metric');
    if (m) {
      const name = p.string(m, 'name', path, { required: true, nonEmpty: true });
      const kind = p.oneOf<AnalysisRunKind>(m, 'kind', path, ANALYSIS_RUN_KINDS);
      const phase = p.oneOf<AnalysisPhase>(m, 'phase', path, ANALYSIS_PHASES);
      const n = p.integer(m, 'measurements', path, { min: 0 });
      if (name !== undefined) {
        const v: { -readonly [K in keyof MetricCondition]: MetricCondition[K] } = { name };
        if (kind !== undefined) v.kind = kind;
        if (phase !== undefined) v.phase = phase;
        if (n !== undefined) v.measurements = n;
        c.metric = v;
      }
    }
  }
  if (present('serviceRevision')) {
    count++;
    const raw = obj.serviceRevision;
    const path = [...segments, 'serviceRevision'];
    const map = p.object(raw, path, Object.keys(isObject(raw) ? raw : {}), 'serviceRevision');
    if (map) {
      const entries: [string, number][] = [];
      for (const key of Object.keys(map)) {
        const n = p.integer(map, key, path, { min: 1 });
        if (n !== undefined) entries.push([key, n]);
      }
      c.serviceRevision = Object.fromEntries(entries);
    }
  }
  if (present('rolloutCondition')) {
    count++;
    const path = [...segments, 'rolloutCondition'];
    const rc = p.object(
      obj.rolloutCondition,
      path,
      ['type', 'status', 'reason'],
      'rolloutCondition',
    );
    if (rc) {
      const type = p.string(rc, 'type', path, { required: true, nonEmpty: true });
      // YAML 1.2 reads an unquoted True/False as a boolean; accept it as the status string.
      let status: ConditionStatus | undefined;
      if (typeof rc.status === 'boolean') status = rc.status ? 'True' : 'False';
      else status = p.oneOf<ConditionStatus>(rc, 'status', path, ['True', 'False', 'Unknown']);
      const reason = p.string(rc, 'reason', path);
      if (type !== undefined) {
        const v: {
          -readonly [K in keyof RolloutConditionCondition]: RolloutConditionCondition[K];
        } = { type };
        if (status !== undefined) v.status = status;
        if (reason !== undefined) v.reason = reason;
        c.rolloutCondition = v;
      }
    }
  }
  if (present('errorRate')) {
    count++;
    const path = [...segments, 'errorRate'];
    const raw = obj.errorRate;
    if (typeof raw === 'number') {
      const v = p.numberValue(raw, path, 'errorRate', { min: 0, max: 1 });
      if (v !== undefined) c.errorRate = { kind: 'equals', value: v };
    } else {
      const er = p.object(raw, path, ['below', 'above'], 'errorRate');
      if (er) {
        const below = p.number(er, 'below', path, { min: 0, max: 1 });
        const above = p.number(er, 'above', path, { min: 0, max: 1 });
        if (!hasOwn(er, 'below') && !hasOwn(er, 'above')) {
          p.issue(path, SCENARIO_ISSUE_CODES.required, 'errorRate needs a number, below or above');
        } else if (below !== undefined || above !== undefined) {
          const v: { kind: 'range'; below?: number; above?: number } = { kind: 'range' };
          if (below !== undefined) v.below = below;
          if (above !== undefined) v.above = above;
          c.errorRate = v;
        }
      }
    }
  }
  return { condition: c, count };
}

/** Rollout-specific condition keys: everything but errorRate reads one rollout. */
function needsRollout(condition: Condition): boolean {
  return Object.keys(condition).some((k) => k !== 'errorRate');
}

/** StepContext carries what step parsing needs beyond the parser. */
interface StepContext {
  readonly rolloutNames: readonly string[];
  /** The script applies files, which may hold Rollouts not known before they are read. */
  readonly appliesFiles: boolean;
}

/** rolloutField reads `rollout: NAME` of an action and checks it names a known Rollout. */
function rolloutField(
  p: Parser,
  obj: PlainObject | undefined,
  segments: PathSegment[],
  ctx: StepContext,
  needed: boolean,
  verb: string,
): string | undefined {
  const name = obj ? p.string(obj, 'rollout', segments, { nonEmpty: true }) : undefined;
  if (name !== undefined) {
    if (ctx.rolloutNames.length > 0 && !ctx.rolloutNames.includes(name)) {
      p.issue(
        [...segments, 'rollout'],
        SCENARIO_ISSUE_CODES.rollout,
        `no Rollout named ${JSON.stringify(name)} (the scenario has ${ctx.rolloutNames.join(', ')})`,
      );
    }
    return name;
  }
  if (needed && !(obj && hasOwn(obj, 'rollout'))) {
    if (ctx.rolloutNames.length > 1) {
      p.issue(
        segments,
        SCENARIO_ISSUE_CODES.rollout,
        `${verb}: the scenario has several Rollouts (${ctx.rolloutNames.join(', ')}); say which with rollout: NAME`,
      );
    } else if (
      ctx.rolloutNames.length === 0 &&
      !ctx.appliesFiles &&
      verb !== 'waitFor' &&
      verb !== 'expect'
    ) {
      p.issue(
        segments,
        SCENARIO_ISSUE_CODES.rollout,
        `${verb}: the scenario has no Rollout to act on`,
      );
    }
  }
  return undefined;
}

/** argsObject reads a step argument that is a map, treating an empty value (`promote:`) as `{}`. */
function argsObject(
  p: Parser,
  value: unknown,
  segments: PathSegment[],
  allowed: readonly string[],
  verb: string,
): PlainObject | undefined {
  if (value === null || value === undefined) return {};
  return p.object(value, segments, allowed, `${verb}'s argument`);
}

/** parseStep reads one script step; undefined when it is invalid (issues already reported). */
function parseStep(
  p: Parser,
  raw: unknown,
  index: number,
  ctx: StepContext,
): ScriptStep | undefined {
  const stepPath: PathSegment[] = ['script', index];
  const where = p.where(stepPath);
  if (!isObject(raw)) {
    p.issue(
      stepPath,
      SCENARIO_ISSUE_CODES.step,
      `a step must be a map with one key (${STEP_VERBS.join(', ')}), not ${describe(raw)}`,
    );
    return undefined;
  }
  const keys = Object.keys(raw);
  if (keys.length !== 1) {
    p.issue(
      stepPath,
      SCENARIO_ISSUE_CODES.step,
      keys.length === 0
        ? 'a step needs one key: the verb'
        : `a step has exactly one key, found ${keys.length}: ${keys.join(', ')}`,
    );
    return undefined;
  }
  const verb = keys[0];
  if (!(STEP_VERBS as readonly string[]).includes(verb)) {
    p.issue(
      [...stepPath, verb],
      SCENARIO_ISSUE_CODES.step,
      `unknown step ${JSON.stringify(verb)} (expected one of: ${STEP_VERBS.join(', ')})`,
      { at: 'key' },
    );
    return undefined;
  }
  const arg = raw[verb];
  const path: PathSegment[] = [...stepPath, verb];
  const base = { index, line: where.line, column: where.column, written: raw };
  const before = p.issues.length;
  const ok = (): boolean => p.issues.slice(before).every((i) => i.severity !== 'error');

  switch (verb) {
    case 'apply': {
      const objects = parseManifestList(p, arg, path);
      return ok() ? { ...base, kind: 'apply', objects } : undefined;
    }
    case 'applyFile': {
      if (typeof arg !== 'string' || arg === '') {
        p.issue(
          path,
          SCENARIO_ISSUE_CODES.type,
          `applyFile must be a file path, not ${describe(arg)}`,
        );
        return undefined;
      }
      const { resolved, manifests } = readManifestFile(p, arg, path);
      return ok()
        ? { ...base, kind: 'applyFile', path: arg, resolvedPath: resolved, objects: manifests }
        : undefined;
    }
    case 'updateSpec': {
      const obj = argsObject(p, arg, path, ['patch', 'rollout'], verb);
      const rollout = rolloutField(p, obj, path, ctx, true, verb);
      let patch: PlainObject | undefined;
      if (obj && hasOwn(obj, 'patch')) {
        if (!isObject(obj.patch))
          p.issue(
            [...path, 'patch'],
            SCENARIO_ISSUE_CODES.type,
            `patch must be a map (a JSON merge patch), not ${describe(obj.patch)}`,
          );
        else if (!isPlainJson(obj.patch))
          p.issue(
            [...path, 'patch'],
            SCENARIO_ISSUE_CODES.invalidValue,
            'patch must be plain data (no recursive aliases)',
          );
        else patch = obj.patch;
      }
      if (!obj || !ok()) return undefined;
      return {
        ...base,
        kind: 'updateSpec',
        ...(patch ? { patch } : {}),
        ...(rollout ? { rollout } : {}),
      };
    }
    case 'setImage': {
      const obj = p.object(arg, path, ['image', 'container', 'rollout'], 'setImage');
      if (!obj) return undefined;
      const image = p.string(obj, 'image', path, { required: true, nonEmpty: true });
      const container = p.string(obj, 'container', path, { nonEmpty: true });
      const rollout = rolloutField(p, obj, path, ctx, true, verb);
      if (image === undefined || !ok()) return undefined;
      return {
        ...base,
        kind: 'setImage',
        image,
        ...(container !== undefined ? { container } : {}),
        ...(rollout ? { rollout } : {}),
      };
    }
    case 'scale': {
      // `scale: N` is the contract's form; `scale: {replicas, rollout}` lets several-rollout scenarios say which.
      if (typeof arg === 'number' || !isObject(arg)) {
        const replicas = p.integerValue(arg, path, 'scale', 0);
        rolloutField(p, undefined, path, ctx, true, verb);
        return replicas !== undefined && ok() ? { ...base, kind: 'scale', replicas } : undefined;
      }
      const obj = p.object(arg, path, ['replicas', 'rollout'], 'scale');
      if (!obj) return undefined;
      const replicas = p.integer(obj, 'replicas', path, { required: true, min: 0 });
      const rollout = rolloutField(p, obj, path, ctx, true, verb);
      if (replicas === undefined || !ok()) return undefined;
      return { ...base, kind: 'scale', replicas, ...(rollout ? { rollout } : {}) };
    }
    case 'promote':
    case 'promoteFull':
    case 'abort':
    case 'retry':
    case 'pause':
    case 'resume':
    case 'restart': {
      const obj = argsObject(p, arg, path, ['rollout'], verb);
      const rollout = rolloutField(p, obj, path, ctx, true, verb);
      if (!obj || !ok()) return undefined;
      return { ...base, kind: verb, ...(rollout ? { rollout } : {}) };
    }
    case 'undo': {
      const obj = argsObject(p, arg, path, ['toRevision', 'rollout'], verb);
      if (!obj) return undefined;
      const toRevision = p.integer(obj, 'toRevision', path, { min: 0 });
      const rollout = rolloutField(p, obj, path, ctx, true, verb);
      if (!ok()) return undefined;
      return {
        ...base,
        kind: 'undo',
        ...(toRevision !== undefined ? { toRevision } : {}),
        ...(rollout ? { rollout } : {}),
      };
    }
    case 'setVersion': {
      const obj = p.object(arg, path, ['image', ...VERSION_FIELDS], 'setVersion');
      if (!obj) return undefined;
      const image = p.string(obj, 'image', path, { required: true, nonEmpty: true });
      const behaviour = parseVersionFields(p, obj, path);
      if (image === undefined || !ok()) return undefined;
      return { ...base, kind: 'setVersion', image, behaviour };
    }
    case 'killPods': {
      const obj = p.object(arg, path, ['revision', 'count', 'rollout'], 'killPods');
      if (!obj) return undefined;
      const revision = p.integer(obj, 'revision', path, { required: true, min: 1 });
      const count = p.integer(obj, 'count', path, { required: true, min: 0 });
      const rollout = rolloutField(p, obj, path, ctx, true, verb);
      if (revision === undefined || count === undefined || !ok()) return undefined;
      return { ...base, kind: 'killPods', revision, count, ...(rollout ? { rollout } : {}) };
    }
    case 'setMetric': {
      const obj = p.object(arg, path, ['metric', ...OUTCOME_FIELDS], 'setMetric');
      if (!obj) return undefined;
      const metric = p.string(obj, 'metric', path, { required: true, nonEmpty: true });
      const outcome = parseOutcome(p, obj, path);
      if (metric === undefined || outcome === undefined || !ok()) return undefined;
      return { ...base, kind: 'setMetric', metric, outcome };
    }
    case 'wait': {
      const durationMs = p.durationValue(arg, path, 'wait');
      return durationMs !== undefined && ok() ? { ...base, kind: 'wait', durationMs } : undefined;
    }
    case 'waitFor':
    case 'expect': {
      const extra = verb === 'waitFor' ? ['timeout', 'rollout'] : ['rollout'];
      const obj = p.object(arg, path, [...CONDITION_KEYS, ...extra], verb);
      if (!obj) return undefined;
      const { condition, count } = parseCondition(p, obj, path);
      if (count === 0) {
        p.issue(
          path,
          SCENARIO_ISSUE_CODES.emptyCondition,
          `${verb} has no condition, so it holds at once`,
          { severity: 'warning' },
        );
      }
      const rollout = rolloutField(p, obj, path, ctx, needsRollout(condition), verb);
      if (verb === 'waitFor') {
        const timeoutMs = p.duration(obj, 'timeout', path) ?? DEFAULT_WAIT_FOR_TIMEOUT_MS;
        if (!ok()) return undefined;
        return { ...base, kind: 'waitFor', condition, timeoutMs, ...(rollout ? { rollout } : {}) };
      }
      if (!ok()) return undefined;
      return { ...base, kind: 'expect', condition, ...(rollout ? { rollout } : {}) };
    }
  }
  return undefined;
}

/** rolloutNamesIn lists the names of Rollout objects among manifests, in order, without repeats. */
function rolloutNamesIn(manifests: readonly ScenarioManifest[]): string[] {
  const names: string[] = [];
  for (const m of manifests)
    if (m.kind === 'Rollout' && m.name !== '' && !names.includes(m.name)) names.push(m.name);
  return names;
}

/** Quick, issue-free look at the script for objects it will apply (to know every Rollout name). */
function scriptRolloutNames(script: unknown): string[] {
  if (!Array.isArray(script)) return [];
  const names: string[] = [];
  for (const step of script) {
    if (!isObject(step) || !Array.isArray(step.apply)) continue;
    for (const obj of step.apply as unknown[]) {
      if (
        isObject(obj) &&
        obj.kind === 'Rollout' &&
        isObject(obj.metadata) &&
        typeof obj.metadata.name === 'string'
      )
        names.push(obj.metadata.name);
    }
  }
  return names;
}

function parseScenarioUnsafe(
  text: string,
  file: string,
  readFile: ReadFile | undefined,
): ParseResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const source: Source = { file, doc, lineCounter };
  const p = new Parser(source, readFile);
  for (const error of doc.errors)
    p.issues.push(yamlIssue(source, error, SCENARIO_ISSUE_CODES.yamlSyntax, 'error'));
  for (const warning of doc.warnings)
    p.issues.push(yamlIssue(source, warning, SCENARIO_ISSUE_CODES.yamlSyntax, 'warning'));
  if (doc.errors.length > 0) return { issues: p.issues };

  let root: unknown;
  try {
    root = doc.toJS({ maxAliasCount: 1000 });
  } catch (error) {
    p.issue(
      [],
      SCENARIO_ISSUE_CODES.yamlSyntax,
      error instanceof Error ? error.message : 'cannot read the YAML',
    );
    return { issues: p.issues };
  }
  const top = p.object(root, [], TOP_LEVEL_FIELDS, 'a scenario');
  if (!top) return { issues: p.issues };

  // kind and name
  if (!hasOwn(top, 'kind'))
    p.issue([], SCENARIO_ISSUE_CODES.kind, `kind is required and must be ${SCENARIO_KIND}`);
  else if (top.kind !== SCENARIO_KIND)
    p.issue(
      ['kind'],
      SCENARIO_ISSUE_CODES.kind,
      `kind must be ${SCENARIO_KIND}, not ${describe(top.kind)}`,
    );
  const name = p.string(top, 'name', [], { required: true });
  if (name !== undefined && (name.length > 63 || !DNS_LABEL.test(name))) {
    p.issue(
      ['name'],
      SCENARIO_ISSUE_CODES.invalidValue,
      `name ${JSON.stringify(name)} must be a DNS label: lower-case letters, digits and '-', starting and ending with a letter or digit, at most 63 characters`,
    );
  }
  const title = p.string(top, 'title', []);
  const description = p.string(top, 'description', []);
  const seed = p.integer(top, 'seed', []) ?? 1;
  const namespace = p.string(top, 'namespace', []) ?? 'default';
  if (
    hasOwn(top, 'namespace') &&
    typeof top.namespace === 'string' &&
    (namespace.length > 63 || !DNS_LABEL.test(namespace))
  ) {
    p.issue(
      ['namespace'],
      SCENARIO_ISSUE_CODES.invalidValue,
      `namespace ${JSON.stringify(namespace)} must be a DNS label`,
    );
  }

  // manifests and manifestFiles
  const manifests: ScenarioManifest[] = hasOwn(top, 'manifests')
    ? parseManifestList(p, top.manifests, ['manifests'])
    : [];
  const manifestFiles: string[] = [];
  if (hasOwn(top, 'manifestFiles')) {
    if (!Array.isArray(top.manifestFiles)) {
      p.issue(
        ['manifestFiles'],
        SCENARIO_ISSUE_CODES.type,
        `manifestFiles must be a list of file paths, not ${describe(top.manifestFiles)}`,
      );
    } else {
      (top.manifestFiles as unknown[]).forEach((entry, i) => {
        if (typeof entry !== 'string' || entry === '') {
          p.issue(
            ['manifestFiles', i],
            SCENARIO_ISSUE_CODES.type,
            `a manifestFiles entry must be a file path, not ${describe(entry)}`,
          );
          return;
        }
        manifestFiles.push(entry);
        manifests.push(...readManifestFile(p, entry, ['manifestFiles', i]).manifests);
      });
    }
  }

  // cluster and traffic
  const clusterObj = hasOwn(top, 'cluster')
    ? p.object(top.cluster, ['cluster'], CLUSTER_FIELDS, 'cluster')
    : {};
  const cluster = {
    podStartupMs: (clusterObj && p.duration(clusterObj, 'podStartup', ['cluster'])) ?? 2000,
    podStartupJitterMs:
      (clusterObj && p.duration(clusterObj, 'podStartupJitter', ['cluster'])) ?? 0,
    podTerminationMs: (clusterObj && p.duration(clusterObj, 'podTermination', ['cluster'])) ?? 1000,
  };
  const trafficObj = hasOwn(top, 'traffic')
    ? p.object(top.traffic, ['traffic'], TRAFFIC_FIELDS, 'traffic')
    : {};
  const headers = trafficObj && parseTrafficHeaders(p, trafficObj);
  const traffic: TrafficSettings = {
    requestsPerSecond:
      (trafficObj && p.number(trafficObj, 'requestsPerSecond', ['traffic'], { min: 0 })) ?? 50,
    ...(headers ? { headers } : {}),
  };

  // versions
  const versionEntries: [string, Partial<VersionBehaviour>][] = [];
  if (hasOwn(top, 'versions')) {
    const raw = top.versions;
    const versions = p.object(raw, ['versions'], Object.keys(isObject(raw) ? raw : {}), 'versions');
    for (const [image, value] of Object.entries(versions ?? {})) {
      const path = ['versions', image];
      if (image === '')
        p.issue(path, SCENARIO_ISSUE_CODES.invalidValue, 'an image name must not be empty', {
          at: 'key',
        });
      const obj = p.object(value, path, VERSION_FIELDS, `versions[${image}]`);
      if (obj) versionEntries.push([image, parseVersionFields(p, obj, path)]);
    }
  }

  // analysis
  const analysisEntries: [string, MetricOutcome][] = [];
  if (hasOwn(top, 'analysis')) {
    const raw = top.analysis;
    const analysis = p.object(raw, ['analysis'], Object.keys(isObject(raw) ? raw : {}), 'analysis');
    for (const [metric, value] of Object.entries(analysis ?? {})) {
      const path = ['analysis', metric];
      const obj = p.object(value, path, OUTCOME_FIELDS, `analysis[${metric}]`);
      const outcome = obj && parseOutcome(p, obj, path);
      if (outcome) analysisEntries.push([metric, outcome]);
    }
  }

  // script
  const script: ScriptStep[] = [];
  if (hasOwn(top, 'script')) {
    if (!Array.isArray(top.script)) {
      p.issue(
        ['script'],
        SCENARIO_ISSUE_CODES.type,
        `script must be a list of steps, not ${describe(top.script)}`,
      );
    } else {
      const rolloutNames = rolloutNamesIn(manifests);
      const appliesFiles = (top.script as unknown[]).some(
        (s) => isObject(s) && hasOwn(s, 'applyFile'),
      );
      for (const n of scriptRolloutNames(top.script))
        if (!rolloutNames.includes(n)) rolloutNames.push(n);
      (top.script as unknown[]).forEach((raw, i) => {
        const step = parseStep(p, raw, i, { rolloutNames, appliesFiles });
        if (step) script.push(step);
      });
    }
  }

  if (p.issues.some((i) => i.severity === 'error') || name === undefined)
    return { issues: p.issues };
  const scenario: Scenario = {
    file,
    name,
    ...(title !== undefined ? { title } : {}),
    ...(description !== undefined ? { description } : {}),
    seed,
    namespace,
    manifests,
    manifestFiles,
    cluster,
    traffic,
    versions: Object.fromEntries(versionEntries),
    analysis: Object.fromEntries(analysisEntries),
    script,
  };
  return { scenario, issues: p.issues };
}

/**
 * parseScenario reads scenario YAML `text` from `file` and returns the normalised Scenario plus
 * every issue (file, 1-based line and column, field path such as `script[3].waitFor.timeout`).
 * `manifestFiles` and `applyFile` paths are resolved against the folder of `file` and read with
 * `readFile`. The scenario is present only when no issue has severity `error`. Never throws.
 */
export function parseScenario(text: string, file: string, readFile?: ReadFile): ParseResult {
  try {
    if (typeof text !== 'string') {
      return {
        issues: [
          {
            file,
            line: 1,
            column: 1,
            path: '',
            code: SCENARIO_ISSUE_CODES.yamlSyntax,
            message: 'the scenario is not text',
            severity: 'error',
          },
        ],
      };
    }
    return parseScenarioUnsafe(text, file, readFile);
  } catch (error) {
    // A bug in the parser must not crash a CLI run or the browser: report it as an issue.
    return {
      issues: [
        {
          file,
          line: 1,
          column: 1,
          path: '',
          code: SCENARIO_ISSUE_CODES.yamlSyntax,
          message: `internal error while reading the scenario: ${error instanceof Error ? error.message : String(error)}`,
          severity: 'error',
        },
      ],
    };
  }
}

/**
 * locateInObject maps a field path inside a manifest (`spec.strategy.canary.steps[0]`) to where it
 * is written; a path that is not written (a defaulted field) maps to its nearest written ancestor.
 */
export function locateInObject(manifest: ScenarioManifest, path: string): SourcePosition {
  const pos = lookupPosition(manifest.positions, path) ?? manifest.range.start;
  return { file: manifest.file, line: pos.line, column: pos.column };
}

/**
 * locateInManifest maps a field path inside `scenario.manifests[index]` to file, line and column
 * (see locateInObject); an out-of-range index maps to the start of the scenario file.
 */
export function locateInManifest(
  scenario: Pick<Scenario, 'file' | 'manifests'>,
  index: number,
  path: string,
): SourcePosition {
  const manifest = scenario.manifests[index];
  if (!manifest) return { file: scenario.file, line: 1, column: 1 };
  return locateInObject(manifest, path);
}

/**
 * issueInManifest re-anchors an issue the model layer found in a manifest's object (its `path` is
 * relative to the object) at the manifest's place in its file, with the path prefixed by where the
 * object sits in that file (`manifests[0].spec.replicas`).
 */
export function issueInManifest(
  manifest: ScenarioManifest,
  issue: ValidationIssue,
): ValidationIssue {
  const pos = locateInObject(manifest, issue.path);
  const path =
    manifest.basePath === ''
      ? issue.path
      : issue.path === ''
        ? manifest.basePath
        : issue.path.startsWith('[')
          ? `${manifest.basePath}${issue.path}`
          : `${manifest.basePath}.${issue.path}`;
  return { ...issue, file: pos.file, line: pos.line, column: pos.column, path };
}
