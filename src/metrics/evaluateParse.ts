/**
 * Parses Argo's condition language (expr-lang v1.17 as utils/evaluate/evaluate.go compiles it) with
 * jsep, configured for expr's operators (`and`/`or`/`not`, `in`, `matches`, `**`, `??`, closures).
 * Rule: jsep's operator tables are process-global, so the dialect is swapped in for one parse only.
 */
import jsep from 'jsep';

/** A predicate body written `{# > 1}` (or bare, as the second argument of `all`, `any`, ...). */
export interface ClosureExpression extends jsep.Expression {
  readonly type: 'Closure';
  readonly body: jsep.Expression;
}

/** A map literal `{"a": 1, b: 2}` (keys are identifiers, strings or parenthesised expressions). */
export interface MapExpression extends jsep.Expression {
  readonly type: 'MapExpression';
  readonly entries: readonly { readonly key: jsep.Expression; readonly value: jsep.Expression }[];
}

/** `let name = value; body`. */
export interface LetExpression extends jsep.Expression {
  readonly type: 'LetExpression';
  readonly name: string;
  readonly value: jsep.Expression;
  readonly body: jsep.Expression;
}

/** `object[from:to]` with either bound optional. */
export interface SliceExpression extends jsep.Expression {
  readonly type: 'SliceExpression';
  readonly object: jsep.Expression;
  readonly from: jsep.Expression | null;
  readonly to: jsep.Expression | null;
}

/** Numeric literals carry Go's kind; `goInt` is the decimal text of an int literal. */
export interface NumberLiteral extends jsep.Literal {
  readonly goKind: 'int' | 'float';
  readonly goInt?: string;
}

/** ParseResult is an AST or the parser's complaint. */
export type ParseResult =
  | { readonly kind: 'ok'; readonly ast: jsep.Expression }
  | { readonly kind: 'error'; readonly message: string };

// expr-lang precedences (parser/operator): or 10, and 15, comparisons/in/matches 20, + - 30,
// * / % 60, ** ^ 100 (right), ?? 500. jsep wants small positive numbers with the same order.
// The pipe `|` is the loosest operator (expr parses it at precedence 0, see rewritePipes); the
// range `..` (expr 25) sits between comparisons and `+`/`-`.
const BINARY_OPS: Readonly<Record<string, number>> = {
  '|': 0.5,
  or: 1,
  '||': 1,
  and: 2,
  '&&': 2,
  '==': 6,
  '!=': 6,
  '<': 6,
  '>': 6,
  '<=': 6,
  '>=': 6,
  in: 6,
  'not in': 6,
  matches: 6,
  'not matches': 6,
  contains: 6,
  'not contains': 6,
  startsWith: 6,
  'not startsWith': 6,
  endsWith: 6,
  'not endsWith': 6,
  '..': 7,
  '+': 9,
  '-': 9,
  '*': 10,
  '/': 10,
  '%': 10,
  '**': 11,
  '^': 11,
  '??': 12,
};
const RIGHT_ASSOCIATIVE = ['**', '^'];
const UNARY_OPS = ['-', '+', '!', 'not'];
const LITERALS: Readonly<Record<string, unknown>> = { true: true, false: false, nil: null };

interface JsepStatics {
  binary_ops: Record<string, number>;
  unary_ops: Record<string, number>;
  literals: Record<string, unknown>;
  right_associative: Set<string>;
  additional_identifier_chars: Set<string>;
  this_str: string;
  max_binop_len: number;
  max_unop_len: number;
}

const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const PERIOD = 46;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const OPEN_PAREN = 40;
const CLOSE_PAREN = 41;
const QUESTION = 63;
const COLON = 58;
const SEMICOLON = 59;
const COMMA = 44;
const EQUALS = 61;

/** The jsep instance methods the dialect hooks call (jsep's typings do not list them all). */
interface JsepParser {
  index: number;
  readonly expr: string;
  readonly code: number;
  gobbleSpaces(): void;
  gobbleExpression(): jsep.Expression | false;
  gobbleIdentifier(): jsep.Identifier;
  gobbleStringLiteral(): jsep.Literal;
  gobbleArguments(termination: number): jsep.Expression[];
  gobbleTokenProperty(node: jsep.Expression): jsep.Expression;
  throwError(message: string): never;
}

let dialectActive = false;
let hooksInstalled = false;

function isIdentStart(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 36;
}

const isDigit = (code: number): boolean => code >= 48 && code <= 57;
const isIdentPart = (code: number): boolean => isIdentStart(code) || isDigit(code);

/** Reads a numeric literal the way expr's lexer does: `0x1F`, `0o17`, `0b101`, `1_000`, `1.5e3`. */
function gobbleNumber(p: JsepParser): NumberLiteral {
  const text = p.expr;
  const start = p.index;
  let i = start;
  const run = (ok: (c: string) => boolean): void => {
    while (i < text.length && (ok(text[i]) || text[i] === '_')) i++;
  };
  const prefix = text.slice(i, i + 2).toLowerCase();
  let kind: 'int' | 'float' = 'int';
  let goInt: string | undefined;
  if (prefix === '0x' || prefix === '0o' || prefix === '0b') {
    i += 2;
    const digits = prefix === '0x' ? /[0-9a-fA-F]/ : prefix === '0o' ? /[0-7]/ : /[01]/;
    run((c) => digits.test(c));
    const body = text.slice(start + 2, i).replace(/_/g, '');
    if (body === '') p.throwError(`bad number syntax: ${text.slice(start, i)}`);
    goInt = BigInt(`0${prefix[1]}${body}`).toString();
  } else {
    run((c) => /[0-9]/.test(c));
    if (text[i] === '.' && text[i + 1] !== '.') {
      kind = 'float';
      i++;
      run((c) => /[0-9]/.test(c));
    }
    if (text[i] === 'e' || text[i] === 'E') {
      kind = 'float';
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      const expStart = i;
      run((c) => /[0-9]/.test(c));
      if (i === expStart) p.throwError(`bad number syntax: ${text.slice(start, i)}`);
    }
    const plain = text.slice(start, i).replace(/_/g, '');
    if (kind === 'int') {
      // strconv.ParseInt(s, 0, 64): a leading 0 means octal.
      if (/^0[0-7]+$/.test(plain)) goInt = BigInt(`0o${plain.slice(1)}`).toString();
      else if (/^(0|[1-9][0-9]*)$/.test(plain)) goInt = BigInt(plain).toString();
      else p.throwError(`bad number syntax: ${text.slice(start, i)}`);
    }
  }
  if (i < text.length && isIdentPart(text.charCodeAt(i))) {
    p.throwError(`bad number syntax: ${text.slice(start, i + 1)}`);
  }
  p.index = i;
  const raw = text.slice(start, i);
  const value = kind === 'int' ? Number(goInt) : Number(raw.replace(/_/g, ''));
  return kind === 'int'
    ? { type: 'Literal', value, raw, goKind: kind, goInt }
    : { type: 'Literal', value, raw, goKind: kind };
}

/** After `{`: a map literal when the first thing is `}` or `key:`, else a closure body. */
function looksLikeMap(p: JsepParser): boolean {
  const text = p.expr;
  let i = p.index;
  while (i < text.length && /\s/.test(text[i])) i++;
  if (text[i] === '}') return true;
  if (text[i] === '"' || text[i] === "'") {
    const quote = text[i];
    i++;
    while (i < text.length && text[i] !== quote) i += text[i] === '\\' ? 2 : 1;
    i++;
  } else if (isIdentStart(text.charCodeAt(i))) {
    while (i < text.length && isIdentPart(text.charCodeAt(i))) i++;
  } else if (isDigit(text.charCodeAt(i))) {
    while (i < text.length && /[0-9a-zA-Z_.]/.test(text[i])) i++;
  } else if (text[i] === '(') {
    return true;
  } else {
    return false;
  }
  while (i < text.length && /\s/.test(text[i])) i++;
  return text[i] === ':';
}

/** The current character code, re-read (TypeScript would otherwise keep a stale narrowing). */
function cur(p: JsepParser): number {
  return p.code;
}

function gobbleMap(p: JsepParser): MapExpression {
  const entries: { key: jsep.Expression; value: jsep.Expression }[] = [];
  for (;;) {
    p.gobbleSpaces();
    if (cur(p) === CLOSE_BRACE) break;
    let key: jsep.Expression;
    if (cur(p) === 34 || cur(p) === 39) key = p.gobbleStringLiteral();
    else if (isIdentStart(cur(p))) {
      const id = p.gobbleIdentifier();
      key = { type: 'Literal', value: id.name, raw: JSON.stringify(id.name) };
    } else if (isDigit(cur(p))) key = gobbleNumber(p);
    else if (cur(p) === OPEN_PAREN) {
      p.index++;
      const inner = p.gobbleExpression();
      p.gobbleSpaces();
      if (!inner || cur(p) !== CLOSE_PAREN) p.throwError('Expected )');
      p.index++;
      key = inner;
    } else return p.throwError('Expected map key');
    p.gobbleSpaces();
    if (cur(p) !== COLON) p.throwError('Expected :');
    p.index++;
    const value = p.gobbleExpression();
    if (!value) p.throwError('Expected map value');
    entries.push({ key, value });
    p.gobbleSpaces();
    if (cur(p) === COMMA) {
      p.index++;
      continue;
    }
    if (cur(p) !== CLOSE_BRACE) p.throwError('Expected , or }');
  }
  p.index++;
  return { type: 'MapExpression', entries };
}

/**
 * The dialect's replacement for jsep's gobbleTokenProperty: like jsep's (`.x`, `?.x`, `[i]`,
 * `(args)`), plus slices `[a:b]`, and it leaves `..` alone so `n..5` is a range.
 */
function gobbleTokenPropertyExpr(this: JsepParser, start: jsep.Expression): jsep.Expression {
  let node = start;
  for (;;) {
    this.gobbleSpaces();
    let optional = false;
    if (cur(this) === QUESTION) {
      if (this.expr.charCodeAt(this.index + 1) !== PERIOD) break;
      optional = true;
      this.index += 2;
      this.gobbleSpaces();
      if (cur(this) !== OPEN_BRACKET) {
        node = memberAfterDot(this, node, true);
        continue;
      }
    }
    const ch = cur(this);
    if (ch === PERIOD) {
      if (this.expr.charCodeAt(this.index + 1) === PERIOD) break;
      this.index++;
      node = memberAfterDot(this, node, false);
    } else if (ch === OPEN_BRACKET) {
      this.index++;
      this.gobbleSpaces();
      let from: jsep.Expression | null = null;
      if (cur(this) !== COLON) {
        const e = this.gobbleExpression();
        if (!e) this.throwError('Unexpected "' + this.expr.charAt(this.index) + '"');
        from = e;
        this.gobbleSpaces();
      }
      if (cur(this) === COLON) {
        this.index++;
        this.gobbleSpaces();
        let to: jsep.Expression | null = null;
        if (cur(this) !== CLOSE_BRACKET) {
          const e = this.gobbleExpression();
          if (!e) this.throwError('Unexpected "' + this.expr.charAt(this.index) + '"');
          to = e;
          this.gobbleSpaces();
        }
        if (cur(this) !== CLOSE_BRACKET) this.throwError('Unclosed [');
        this.index++;
        const slice: SliceExpression = { type: 'SliceExpression', object: node, from, to };
        node = slice;
        continue;
      }
      if (cur(this) !== CLOSE_BRACKET) this.throwError('Unclosed [');
      this.index++;
      const m: jsep.MemberExpression & { optional?: boolean } = {
        type: 'MemberExpression',
        computed: true,
        object: node,
        property: from as jsep.Expression,
      };
      if (optional) m.optional = true;
      node = m;
    } else if (ch === OPEN_PAREN) {
      this.index++;
      const call: jsep.CallExpression = {
        type: 'CallExpression',
        arguments: this.gobbleArguments(CLOSE_PAREN),
        callee: node,
      };
      node = call;
    } else break;
  }
  return node;
}

function memberAfterDot(p: JsepParser, object: jsep.Expression, optional: boolean) {
  p.gobbleSpaces();
  const m: jsep.MemberExpression & { optional?: boolean } = {
    type: 'MemberExpression',
    computed: false,
    object,
    property: p.gobbleIdentifier(),
  };
  if (optional) m.optional = true;
  return m;
}

/** `let name = value; body` (expr allows it wherever a full expression is expected). */
function gobbleLet(p: JsepParser): LetExpression | undefined {
  const text = p.expr;
  p.gobbleSpaces();
  if (!text.startsWith('let', p.index) || !/\s/.test(text.charAt(p.index + 3))) return undefined;
  p.index += 3;
  p.gobbleSpaces();
  if (!isIdentStart(cur(p)) || cur(p) === 36) p.throwError('Expected variable name after let');
  const name = p.gobbleIdentifier().name;
  p.gobbleSpaces();
  if (cur(p) !== EQUALS || text.charCodeAt(p.index + 1) === EQUALS) p.throwError('Expected =');
  p.index++;
  const value = p.gobbleExpression();
  if (!value) return p.throwError('Expected expression after =');
  p.gobbleSpaces();
  if (cur(p) !== SEMICOLON) p.throwError('Expected ;');
  p.index++;
  const body = p.gobbleExpression();
  if (!body) return p.throwError('Expected expression after ;');
  return { type: 'LetExpression', name, value, body };
}

function installHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  jsep.hooks.add('gobble-expression', function letDeclaration(env) {
    if (!dialectActive) return;
    const node = gobbleLet(this as unknown as JsepParser);
    if (node) env.node = node;
  });
  jsep.hooks.add('gobble-token', function closureOrElementField(env) {
    if (!dialectActive) return;
    const p = this as unknown as JsepParser;
    if (isDigit(this.code) || (this.code === PERIOD && isDigit(p.expr.charCodeAt(p.index + 1)))) {
      env.node = gobbleNumber(p);
      return;
    }
    if (this.code === OPEN_BRACE) {
      this.index++;
      if (looksLikeMap(p)) {
        env.node = p.gobbleTokenProperty(gobbleMap(p));
        return;
      }
      // `{ body }`: expr's closure syntax for predicates.
      const body = this.gobbleExpression();
      this.gobbleSpaces();
      if (!body) this.throwError('Expected expression');
      if ((this.code as number) !== CLOSE_BRACE) this.throwError('Expected }');
      this.index++;
      env.node = { type: 'Closure', body };
      return;
    }
    if (this.code === PERIOD && isIdentStart(this.expr.charCodeAt(this.index + 1))) {
      // `.field` inside a predicate means `#.field`.
      this.index++;
      const property = this.gobbleIdentifier();
      if (!property) this.throwError('Expected identifier');
      const node: jsep.MemberExpression = {
        type: 'MemberExpression',
        computed: false,
        object: { type: 'Identifier', name: '#' },
        property: property,
      };
      env.node = this.gobbleTokenProperty(node);
    }
  });
}

function jsepStatics(): JsepStatics {
  return (jsep as unknown as { Jsep: JsepStatics }).Jsep;
}

// expr binds `not`/`!` at 50 and unary `-`/`+` at 90, looser than some binary operators, while
// jsep applies a unary operator to the next token only: `-a ** 2` must mean `-(a ** 2)`.
const EXPR_BINARY_PRECEDENCE: Readonly<Record<string, number>> = {
  '*': 60,
  '/': 60,
  '%': 60,
  '**': 100,
  '^': 100,
  '??': 500,
};
const EXPR_UNARY_PRECEDENCE: Readonly<Record<string, number>> = {
  not: 50,
  '!': 50,
  '-': 90,
  '+': 90,
};

/**
 * expr reads `a | f(x) op ...` as `f(a, x) op ...`: the pipe takes everything to its left and
 * hands it to the call that starts its right side. jsep built `a | (f(x) op ...)`, so the left
 * side is pushed into the leftmost call of the right operand.
 */
function rewritePipes(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewritePipes);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) out[k] = rewritePipes(v);
  if (out.type !== 'BinaryExpression' || out.operator !== '|') return out;
  const insert = (target: Record<string, unknown>): Record<string, unknown> => {
    if (target.type === 'BinaryExpression') {
      return { ...target, left: insert(target.left as Record<string, unknown>) };
    }
    const callee = target.callee as { type?: string } | undefined;
    if (target.type !== 'CallExpression' || callee?.type !== 'Identifier') {
      throw new Error('expected a function call after |');
    }
    return { ...target, arguments: [out.left, ...(target.arguments as unknown[])] };
  };
  return insert(out.right as Record<string, unknown>);
}

function fixUnaryPrecedence(node: jsep.Expression): jsep.Expression {
  const walk = (n: unknown): unknown => {
    if (Array.isArray(n)) return n.map(walk);
    if (n === null || typeof n !== 'object') return n;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(n)) out[k] = walk(v);
    if (out.type === 'BinaryExpression') {
      const left = out.left as jsep.UnaryExpression;
      const opPrec = EXPR_BINARY_PRECEDENCE[out.operator as string] ?? 0;
      const unPrec =
        left.type === 'UnaryExpression' ? EXPR_UNARY_PRECEDENCE[left.operator] : undefined;
      if (unPrec !== undefined && opPrec >= unPrec) {
        const inner = { ...out, left: left.argument };
        return { ...left, argument: walk(inner) };
      }
    }
    return out;
  };
  return walk(node) as jsep.Expression;
}

/**
 * parseCondition parses one condition string into a jsep AST using expr's operator set. Syntax
 * errors (and expressions jsep reads as several statements, which expr rejects) are reported as
 * `{ kind: 'error' }`; it never throws.
 */
export function parseCondition(text: string): ParseResult {
  installHooks();
  const J = jsepStatics();
  const saved = {
    binary_ops: J.binary_ops,
    unary_ops: J.unary_ops,
    literals: J.literals,
    right_associative: J.right_associative,
    additional_identifier_chars: J.additional_identifier_chars,
    this_str: J.this_str,
    max_binop_len: J.max_binop_len,
    max_unop_len: J.max_unop_len,
  };
  const proto = (jsep as unknown as { Jsep: { prototype: Record<string, unknown> } }).Jsep
    .prototype;
  const savedTokenProperty = proto.gobbleTokenProperty;
  try {
    proto.gobbleTokenProperty = gobbleTokenPropertyExpr;
    J.binary_ops = { ...BINARY_OPS };
    J.unary_ops = Object.fromEntries(UNARY_OPS.map((op) => [op, 1]));
    J.literals = { ...LITERALS };
    J.right_associative = new Set(RIGHT_ASSOCIATIVE);
    J.additional_identifier_chars = new Set(['$', '_', '#']);
    J.this_str = '\u0000this';
    J.max_binop_len = Math.max(...Object.keys(BINARY_OPS).map((k) => k.length));
    J.max_unop_len = Math.max(...UNARY_OPS.map((k) => k.length));
    dialectActive = true;
    const ast = jsep(text);
    if (ast.type === 'Compound') {
      return { kind: 'error', message: `unexpected token in ${JSON.stringify(text)}` };
    }
    return { kind: 'ok', ast: fixUnaryPrecedence(rewritePipes(ast) as jsep.Expression) };
  } catch (e) {
    return { kind: 'error', message: e instanceof Error ? e.message : String(e) };
  } finally {
    dialectActive = false;
    proto.gobbleTokenProperty = savedTokenProperty;
    Object.assign(J, saved);
  }
}
