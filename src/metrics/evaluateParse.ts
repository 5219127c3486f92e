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

/** ParseResult is an AST or the parser's complaint. */
export type ParseResult =
  | { readonly kind: 'ok'; readonly ast: jsep.Expression }
  | { readonly kind: 'error'; readonly message: string };

// expr-lang precedences (parser/operator): or 10, and 15, comparisons/in/matches 20, + - 30,
// * / % 60, ** ^ 100 (right), ?? 500. jsep wants small positive numbers with the same order.
const BINARY_OPS: Readonly<Record<string, number>> = {
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

let dialectActive = false;
let hooksInstalled = false;

function isIdentStart(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 36;
}

function installHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  jsep.hooks.add('gobble-token', function closureOrElementField(env) {
    if (!dialectActive) return;
    if (this.code === OPEN_BRACE) {
      // `{ body }`: expr's closure syntax for predicates.
      this.index++;
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
  try {
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
    return { kind: 'ok', ast: fixUnaryPrecedence(ast) };
  } catch (e) {
    return { kind: 'error', message: e instanceof Error ? e.message : String(e) };
  } finally {
    dialectActive = false;
    Object.assign(J, saved);
  }
}
