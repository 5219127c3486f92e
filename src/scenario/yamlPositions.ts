/**
 * Field paths and source positions for YAML read with the `yaml` package: path text in
 * Kubernetes field-path style (`script[3].waitFor.timeout`), node lookup by path, and position
 * tables for manifests. No Argo counterpart (Argo's lint gets no positions). Rule: pure, never throws.
 */
import { isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Document, LineCounter, Node } from 'yaml';
import type { LineColumn, ManifestPosition } from './types';

/** PathSegment is one step of a field path: a map key or a list index. */
export type PathSegment = string | number;

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const DIGITS = /^[0-9]+$/;

/**
 * pathString renders segments in Kubernetes field-path style: identifiers joined with dots, list
 * indexes and other map keys in brackets. Example: ['versions', 'app:v2', 'latency'] →
 * `versions[app:v2].latency`; ['script', 3, 'wait'] → `script[3].wait`.
 */
export function pathString(segments: readonly PathSegment[]): string {
  let out = '';
  for (const seg of segments) {
    const text = String(seg);
    if (typeof seg === 'string' && IDENTIFIER.test(text)) out += out === '' ? text : `.${text}`;
    else out += `[${text}]`;
  }
  return out;
}

/**
 * parsePath splits a field path into segments; the inverse of pathString. Bracket contents are
 * taken verbatim (`[rollout.argoproj.io/revision]` is one key); digits become list indexes.
 */
export function parsePath(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  let i = 0;
  let current = '';
  const flush = (): void => {
    if (current !== '') segments.push(DIGITS.test(current) ? Number(current) : current);
    current = '';
  };
  while (i < path.length) {
    const c = path[i];
    if (c === '.') {
      flush();
      i++;
    } else if (c === '[') {
      flush();
      const end = path.indexOf(']', i + 1);
      const inner = end < 0 ? path.slice(i + 1) : path.slice(i + 1, end);
      segments.push(DIGITS.test(inner) ? Number(inner) : inner);
      i = end < 0 ? path.length : end + 1;
    } else {
      current += c;
      i++;
    }
  }
  flush();
  return segments;
}

/** canonicalPath normalises a path so `a.b[0]`, `a.b.0` and `a[b][0]` compare equal. */
export function canonicalPath(path: string): string {
  return pathString(parsePath(path));
}

/** positionOfOffset turns a character offset into a 1-based line and column. */
export function positionOfOffset(lineCounter: LineCounter, offset: number): LineColumn {
  const pos = lineCounter.linePos(Math.max(0, offset));
  return { line: pos.line, column: pos.col };
}

/** rangeOf returns where a node starts and ends, or undefined for nodes without a source range. */
export function rangeOf(
  lineCounter: LineCounter,
  node: Node | null | undefined,
): { start: LineColumn; end: LineColumn } | undefined {
  const range = node?.range;
  if (!range) return undefined;
  return {
    start: positionOfOffset(lineCounter, range[0]),
    end: positionOfOffset(lineCounter, range[1]),
  };
}

/** resolve follows an alias to its anchored node (one hop at a time, a few hops at most). */
function resolve(doc: Document, node: unknown): unknown {
  let current = node;
  for (let hops = 0; hops < 8 && isAlias(current); hops++) {
    try {
      current = current.resolve(doc);
    } catch {
      return undefined;
    }
  }
  return current;
}

/** keyText is a map key as toJS would render it. */
function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  if (key === null || key === undefined) return '';
  if (typeof key === 'string' || typeof key === 'number' || typeof key === 'boolean') {
    return String(key);
  }
  return undefined;
}

/** NodeLookup is the deepest node found along a path, with the key node of the last pair. */
export interface NodeLookup {
  /** The value node at the path (or the deepest ancestor found). */
  readonly node: Node | undefined;
  /** The key node of the last map entry walked, if the last segment was a map key. */
  readonly keyNode: Node | undefined;
  /** How many segments matched. */
  readonly matched: number;
}

/**
 * nodeAtPath walks from `root` along `segments`, following aliases, and stops at the first segment
 * that does not exist. Map keys compare by their text, as `toJS` converts them.
 */
export function nodeAtPath(
  doc: Document,
  root: unknown,
  segments: readonly PathSegment[],
): NodeLookup {
  let node = resolve(doc, root) as Node | undefined;
  let keyNode: Node | undefined;
  let matched = 0;
  for (const seg of segments) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && keyText(p.key) === String(seg));
      if (!pair) break;
      keyNode = (pair.key as Node | null) ?? undefined;
      const value = resolve(doc, pair.value) as Node | null | undefined;
      node = value ?? keyNode;
    } else if (isSeq(node) && typeof seg === 'number' && seg < node.items.length) {
      keyNode = undefined;
      node = (resolve(doc, node.items[seg]) as Node | null | undefined) ?? node;
    } else {
      break;
    }
    matched++;
  }
  return { node, keyNode, matched };
}

const MAX_POSITIONS = 20_000;

/**
 * collectPositions lists the start of every value under `root`, paths relative to it ('' is the
 * root). Aliases are not followed: fields under an alias map to the alias itself.
 */
export function collectPositions(lineCounter: LineCounter, root: Node): ManifestPosition[] {
  const out: ManifestPosition[] = [];
  const visit = (node: unknown, segments: PathSegment[], depth: number): void => {
    if (out.length >= MAX_POSITIONS || depth > 200) return;
    const range = (node as Node | null | undefined)?.range;
    if (range) {
      const pos = positionOfOffset(lineCounter, range[0]);
      out.push({ path: pathString(segments), line: pos.line, column: pos.column });
    }
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = keyText(pair.key);
        if (key === undefined) continue;
        const value = pair.value as Node | null;
        if (value?.range) visit(value, [...segments, key], depth + 1);
        else {
          const keyRange = (pair.key as Node | null)?.range;
          if (keyRange) {
            const pos = positionOfOffset(lineCounter, keyRange[0]);
            out.push({ path: pathString([...segments, key]), line: pos.line, column: pos.column });
          }
        }
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => visit(item, [...segments, i], depth + 1));
    }
  };
  visit(root, [], 0);
  return out;
}

/**
 * lookupPosition finds the position of `path` in a table from collectPositions, falling back to
 * the nearest recorded ancestor (a missing field maps to the object that should hold it).
 */
export function lookupPosition(
  positions: readonly ManifestPosition[],
  path: string,
): LineColumn | undefined {
  const segments = parsePath(path);
  const byPath = new Map<string, ManifestPosition>();
  for (const p of positions) if (!byPath.has(p.path)) byPath.set(p.path, p);
  for (let n = segments.length; n >= 0; n--) {
    const hit = byPath.get(pathString(segments.slice(0, n)));
    if (hit) return { line: hit.line, column: hit.column };
  }
  return undefined;
}
