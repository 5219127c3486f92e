/**
 * Loads Kubernetes manifests from YAML or JSON text into plain objects that remember where each
 * field came from. Argo counterpart: `kubectl argo rollouts lint` reading a file (sigs.k8s.io/yaml,
 * YAML 1.1 rules: `yes`/`no` are booleans, `0777` is octal, `<<` merges). Rule: never throws, for
 * any input; every problem becomes a ValidationIssue with a 1-based line and column.
 */
import {
  LineCounter,
  isAlias,
  isCollection,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseAllDocuments,
  visit,
} from 'yaml';
import type { Document, Pair } from 'yaml';
import { MODEL_ISSUE_CODES, MSG_NO_OBJECTS, MSG_TOO_LARGE } from './codes';
import type { ValidationIssue } from './issues';
import { findKnownKind, isKnownKindName } from './kinds';

/** MAX_MANIFEST_CHARS is the largest input (in UTF-16 code units, about 5 MB) loadManifests parses. */
export const MAX_MANIFEST_CHARS = 5 * 1024 * 1024;

/** JsonValue is any value a YAML document can become once loaded: plain JSON data. */
export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** KubeObject is one loaded Kubernetes object: plain JSON with a string kind and apiVersion. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata?: { name?: string; namespace?: string; [key: string]: unknown };
  [key: string]: unknown;
}

/**
 * PathSegment is one step of a field path: a map key (string) or a list index (number).
 * A number used on a map looks up the key with that text, so `[2]` also finds a key "2".
 */
export type PathSegment = string | number;

/** LineColumn is a 1-based position in the source text. */
export interface LineColumn {
  readonly line: number;
  readonly column: number;
}

/** SourceSpan is the 1-based start and end (exclusive) of a node in the source text. */
export interface SourceSpan extends LineColumn {
  readonly endLine: number;
  readonly endColumn: number;
}

/**
 * LoadedObject is one Kubernetes object from a manifest file, with a way back to its source.
 *
 * `locate(path)` takes a field path in Kubernetes style, either a string or PathSegment[]:
 * `spec.strategy.canary.steps[2].setWeight`; keys that are not plain identifiers go in brackets,
 * `metadata.annotations[foo.bar/baz]` (see parsePath). It returns the position of the deepest node
 * that exists on that path: the KEY of a map entry, or the start of a list item. For a missing
 * child it is the parent's key; for the empty path the document's first node.
 */
export interface LoadedObject {
  /** The object as plain JSON (YAML anchors and merge keys resolved). */
  readonly object: KubeObject;
  /** The file name given to loadManifests. */
  readonly file: string;
  /** 0-based index of the YAML document in the file (all items of a `kind: List` share it). */
  readonly docIndex: number;
  /** `kind`, e.g. `Rollout`. */
  readonly kind: string;
  /** `apiVersion`, e.g. `argoproj.io/v1alpha1`. */
  readonly apiVersion: string;
  /** `metadata.name`, or "" when absent. */
  readonly name: string;
  /** `metadata.namespace`, when given. */
  readonly namespace?: string;
  /** True when apiVersion+kind is in KNOWN_KINDS; other objects are kept as opaque data. */
  readonly known: boolean;
  /** Position of the deepest existing node on a field path (see the interface comment). */
  locate(path: string | readonly PathSegment[]): LineColumn;
  /** Start and end of the deepest existing node's value on a field path, for highlighting. */
  span(path: string | readonly PathSegment[]): SourceSpan;
}

/** LoadResult is what loadManifests returns: the objects it could read and every problem found. */
export interface LoadResult {
  readonly objects: LoadedObject[];
  readonly issues: ValidationIssue[];
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/**
 * pathToString renders segments as a Kubernetes field path: identifiers joined with `.`, list
 * indexes as `[i]`, any other key as `[key]` (`metadata.labels[app.kubernetes.io/name]`).
 */
export function pathToString(segments: readonly PathSegment[]): string {
  let out = '';
  for (const seg of segments) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (IDENTIFIER.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${seg}]`;
  }
  return out;
}

/**
 * parsePath is the inverse of pathToString: `a.b[2][x.y/z]` → ['a', 'b', 2, 'x.y/z']. Bracket
 * contents made only of digits become numbers; a bracket runs to the next `]`. Never throws: an
 * unclosed bracket takes the rest of the text as its key.
 */
export function parsePath(path: string): PathSegment[] {
  const out: PathSegment[] = [];
  let i = 0;
  let current = '';
  let pending = false; // an identifier has started (possibly empty after a dot)
  const flush = (): void => {
    if (pending || current !== '') out.push(current);
    current = '';
    pending = false;
  };
  while (i < path.length) {
    const c = path[i] ?? '';
    if (c === '.') {
      flush();
      pending = true;
      i++;
    } else if (c === '[') {
      if (current !== '') flush();
      pending = false;
      const end = path.indexOf(']', i + 1);
      const inner = end === -1 ? path.slice(i + 1) : path.slice(i + 1, end);
      out.push(/^[0-9]+$/.test(inner) ? Number(inner) : inner);
      i = end === -1 ? path.length : end + 1;
    } else {
      current += c;
      i++;
    }
  }
  if (current !== '' || pending) flush();
  return out;
}

/** pathFromJsonPointer converts an ajv instancePath (`/spec/steps/0/setWeight`) into segments. */
export function pathFromJsonPointer(pointer: string): PathSegment[] {
  if (pointer === '') return [];
  return pointer
    .split('/')
    .slice(1)
    .map((raw) => raw.replaceAll('~1', '/').replaceAll('~0', '~'))
    .map((seg) => (/^[0-9]+$/.test(seg) ? Number(seg) : seg));
}

// Control characters YAML does not allow anywhere (tab, LF and CR are fine), lone surrogates and
// the non-characters U+FFFE/U+FFFF: their presence means the input is not a text file.
const NON_PRINTABLE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function lineColumnOf(text: string, offset: number): LineColumn {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function issueAt(
  file: string,
  where: LineColumn,
  code: string,
  message: string,
  extra: { path?: string; severity?: 'error' | 'warning'; object?: string } = {},
): ValidationIssue {
  const issue: ValidationIssue = {
    file,
    line: where.line,
    column: where.column,
    path: extra.path ?? '',
    code,
    message,
    severity: extra.severity ?? 'error',
  };
  return extra.object === undefined ? issue : { ...issue, object: extra.object };
}

function keyText(node: unknown): string | undefined {
  if (isScalar(node)) return String(node.value);
  return undefined;
}

function resolveNode(node: unknown, doc: Document.Parsed): unknown {
  let current = node;
  for (let hops = 0; isAlias(current) && hops < 100; hops++) {
    try {
      current = current.resolve(doc);
    } catch {
      return undefined;
    }
  }
  return current;
}

/** Finds the pair for `key` in a map node, looking through `<<` merge keys as YAML 1.1 does. */
function findPair(map: unknown, key: string, doc: Document.Parsed, depth = 0): Pair | undefined {
  const node = resolveNode(map, doc);
  if (!isMap(node) || depth > 20) return undefined;
  let found: Pair | undefined;
  for (const pair of node.items) if (keyText(pair.key) === key) found = pair; // last wins, like toJS
  if (found) return found;
  for (const pair of node.items) {
    if (keyText(pair.key) !== '<<') continue;
    const value = resolveNode(pair.value, doc);
    const sources = isSeq(value) ? value.items : [value];
    for (const source of sources) {
      const hit = findPair(source, key, doc, depth + 1);
      if (hit) return hit;
    }
  }
  return undefined;
}

interface NodeRange {
  readonly start: number;
  readonly end: number;
}

function rangeOf(node: unknown): NodeRange | undefined {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? { start: range[0], end: range[1] } : undefined;
}

/** Walks segments from `root`; returns the ranges of the deepest key (or item) and its value. */
function walk(
  doc: Document.Parsed,
  segments: readonly PathSegment[],
): { anchor: NodeRange; value: NodeRange } {
  const rootRange = rangeOf(doc.contents) ?? { start: 0, end: 0 };
  let anchor = rootRange;
  let value = rootRange;
  let node: unknown = doc.contents;
  for (const seg of segments) {
    const current = resolveNode(node, doc);
    if (isMap(current)) {
      const pair = findPair(current, String(seg), doc);
      if (!pair) break;
      anchor = rangeOf(pair.key) ?? anchor;
      value = rangeOf(pair.value) ?? anchor;
      node = pair.value;
    } else if (isSeq(current) && typeof seg === 'number') {
      const item: unknown = current.items[seg];
      if (item === undefined || item === null) break;
      const itemNode = isPair(item) ? item.key : item;
      anchor = rangeOf(itemNode) ?? anchor;
      value = rangeOf(item) ?? anchor;
      node = item;
    } else {
      break;
    }
  }
  return { anchor, value };
}

function makeLocator(
  doc: Document.Parsed,
  lineCounter: LineCounter,
  prefix: readonly PathSegment[],
): Pick<LoadedObject, 'locate' | 'span'> {
  const toLineColumn = (offset: number): LineColumn => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  const segmentsOf = (path: string | readonly PathSegment[]): PathSegment[] => [
    ...prefix,
    ...(typeof path === 'string' ? parsePath(path) : path),
  ];
  return {
    locate(path) {
      try {
        return toLineColumn(walk(doc, segmentsOf(path)).anchor.start);
      } catch {
        return { line: 1, column: 1 };
      }
    },
    span(path) {
      try {
        const { value } = walk(doc, segmentsOf(path));
        const start = toLineColumn(value.start);
        const end = toLineColumn(value.end);
        return { ...start, endLine: end.line, endColumn: end.column };
      } catch {
        return { line: 1, column: 1, endLine: 1, endColumn: 1 };
      }
    },
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return `a ${typeof value}`;
}

/**
 * loadManifests parses multi-document YAML (or JSON) into Kubernetes objects with source
 * positions. Unknown kinds are kept as opaque objects; empty documents are skipped. Problems
 * (syntax errors, empty input, binary data, oversized input, non-object documents, missing
 * kind/apiVersion) become issues. It never throws.
 */
export function loadManifests(text: string, file: string): LoadResult {
  try {
    return loadUnsafe(text, file);
  } catch (err) {
    // Defence in depth: the parser should never throw, but a loader must not either.
    const message = err instanceof Error ? err.message : String(err);
    return {
      objects: [],
      issues: [
        issueAt(
          file,
          { line: 1, column: 1 },
          MODEL_ISSUE_CODES.yamlSyntax,
          `cannot parse: ${message}`,
        ),
      ],
    };
  }
}

function loadUnsafe(text: string, file: string): LoadResult {
  const objects: LoadedObject[] = [];
  const issues: ValidationIssue[] = [];
  const start = { line: 1, column: 1 };
  if (typeof text !== 'string') {
    return {
      objects,
      issues: [issueAt(file, start, MODEL_ISSUE_CODES.binary, 'input is not text')],
    };
  }
  if (text.length > MAX_MANIFEST_CHARS) {
    const mb = (MAX_MANIFEST_CHARS / 1024 / 1024).toFixed(0);
    return {
      objects,
      issues: [
        issueAt(
          file,
          start,
          MODEL_ISSUE_CODES.tooLarge,
          `${MSG_TOO_LARGE}: ${text.length} characters (limit ${mb} MB)`,
        ),
      ],
    };
  }
  const bad = NON_PRINTABLE.exec(text);
  if (bad) {
    const code = bad[0].charCodeAt(0);
    const hex = code.toString(16).toUpperCase().padStart(4, '0');
    const message =
      code === 0
        ? 'file contains NUL bytes: it looks like a binary file, not YAML or JSON'
        : `file contains the control character U+${hex}, which YAML does not allow: is it a binary file?`;
    return {
      objects,
      issues: [issueAt(file, lineColumnOf(text, bad.index), MODEL_ISSUE_CODES.binary, message)],
    };
  }

  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, {
    lineCounter,
    prettyErrors: false,
    version: '1.1',
    // Kubernetes reads YAML 1.1 scalars but turns everything into JSON: keep the tags whose values
    // JSON can hold (drop timestamps, sets, ordered maps and binary, which would become JS classes).
    customTags: (tags) =>
      tags.filter(
        (tag) => typeof tag === 'string' || !/:(timestamp|set|omap|pairs|binary)$/.test(tag.tag),
      ),
  });
  const docList = Array.isArray(docs) ? docs : [];

  docList.forEach((doc, docIndex) => {
    const position = (offset: number): LineColumn => {
      const pos = lineCounter.linePos(offset);
      return { line: pos.line, column: pos.col };
    };
    for (const err of doc.errors) {
      let message = err.message;
      if (err.code === 'DUPLICATE_KEY') {
        const lineEnd = text.indexOf('\n', err.pos[0]);
        const rest = text.slice(err.pos[0], lineEnd === -1 ? text.length : lineEnd);
        const key = (rest.split(':')[0] ?? '').trim().replace(/^["']|["']$/g, '');
        message = key ? `duplicate key ${JSON.stringify(key)}: map keys must be unique` : message;
      }
      issues.push(issueAt(file, position(err.pos[0]), MODEL_ISSUE_CODES.yamlSyntax, message));
    }
    for (const warning of doc.warnings) {
      issues.push(
        issueAt(file, position(warning.pos[0]), MODEL_ISSUE_CODES.yamlSyntax, warning.message, {
          severity: 'warning',
        }),
      );
    }
    if (doc.errors.length > 0) return; // a broken document would only add confusing follow-on errors
    if (doc.contents === null) return; // empty document (`---` alone, or only comments)
    // JSON keys are strings: a map or list used as a key fails Kubernetes' YAML-to-JSON conversion.
    // The usual cause is an unquoted `{{args.x}}` placeholder, which YAML reads as a nested map.
    let badKey = false;
    visit(doc, {
      Pair(_, pair) {
        if (!isCollection(pair.key)) return undefined;
        badKey = true;
        const at = position(rangeOf(pair.key)?.start ?? doc.range[0]);
        issues.push(
          issueAt(
            file,
            at,
            MODEL_ISSUE_CODES.yamlSyntax,
            'invalid map key: a map or list cannot be a key (quote `{{...}}` placeholders: "{{args.x}}")',
          ),
        );
        return visit.SKIP;
      },
    });
    if (badKey) return;
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 1000 });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      issues.push(issueAt(file, position(doc.range[0]), MODEL_ISSUE_CODES.yamlSyntax, message));
      return;
    }
    if (value === null || value === undefined) return;
    const rootPos = position(rangeOf(doc.contents)?.start ?? doc.range[0]);
    if (!isPlainObject(value)) {
      issues.push(
        issueAt(
          file,
          rootPos,
          MODEL_ISSUE_CODES.notObject,
          `document ${docIndex + 1} is ${describeValue(value)}, not a Kubernetes object (a map with apiVersion and kind)`,
        ),
      );
      return;
    }
    if (value.apiVersion === 'v1' && value.kind === 'List' && Array.isArray(value.items)) {
      value.items.forEach((item: unknown, i) => {
        addObject(item, ['items', i]);
      });
      return;
    }
    addObject(value, []);

    function addObject(candidate: unknown, prefix: readonly PathSegment[]): void {
      const locator = makeLocator(doc, lineCounter, prefix);
      const at = locator.locate([]);
      if (!isPlainObject(candidate)) {
        issues.push(
          issueAt(
            file,
            at,
            MODEL_ISSUE_CODES.notObject,
            `list item is ${describeValue(candidate)}, not a Kubernetes object`,
            {
              path: pathToString(prefix),
            },
          ),
        );
        return;
      }
      const { apiVersion, kind } = candidate;
      let missing = false;
      if (typeof apiVersion !== 'string' || apiVersion === '') {
        missing = true;
        issues.push(
          issueAt(
            file,
            at,
            MODEL_ISSUE_CODES.missingApiVersion,
            'apiVersion not set: every object needs an apiVersion',
            {
              path: pathToString([...prefix, 'apiVersion']),
            },
          ),
        );
      }
      if (typeof kind !== 'string' || kind === '') {
        missing = true;
        issues.push(
          issueAt(
            file,
            at,
            MODEL_ISSUE_CODES.missingKind,
            'kind not set: every object needs a kind',
            {
              path: pathToString([...prefix, 'kind']),
            },
          ),
        );
      }
      if (missing || typeof apiVersion !== 'string' || typeof kind !== 'string') return;
      const metadata = isPlainObject(candidate.metadata) ? candidate.metadata : undefined;
      const name = typeof metadata?.name === 'string' ? metadata.name : '';
      const namespace = typeof metadata?.namespace === 'string' ? metadata.namespace : undefined;
      const known = findKnownKind(apiVersion, kind) !== undefined;
      if (!known && isKnownKindName(kind)) {
        issues.push(
          issueAt(
            file,
            locator.locate(['apiVersion']),
            MODEL_ISSUE_CODES.unknownApiVersion,
            `${kind} is not known under apiVersion ${JSON.stringify(apiVersion)}: it is kept but not checked`,
            { path: 'apiVersion', severity: 'warning', object: `${kind}/${name}` },
          ),
        );
      }
      const loaded: LoadedObject = {
        object: candidate as KubeObject,
        file,
        docIndex,
        kind,
        apiVersion,
        name,
        ...(namespace === undefined ? {} : { namespace }),
        known,
        ...locator,
      };
      objects.push(loaded);
    }
  });

  if (objects.length === 0 && !issues.some((i) => i.severity === 'error')) {
    issues.push(issueAt(file, start, MODEL_ISSUE_CODES.noObjects, MSG_NO_OBJECTS));
  }
  return { objects, issues };
}
