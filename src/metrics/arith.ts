/**
 * A small arithmetic-expression parser shared by the query languages that combine sub-queries
 * with `+ - * /` and function calls (Datadog formulas, CloudWatch expressions, NRQL selects,
 * Wavefront and Graphite wrappers once their atoms are replaced by names). No Argo counterpart.
 * Rule: pure; precedence `* /` over `+ -`, left associative; errors name what was not understood.
 */

/** An arithmetic expression tree. */
export type ArithExpr =
  | { readonly kind: 'num'; readonly value: number }
  | { readonly kind: 'str'; readonly value: string }
  | { readonly kind: 'ref'; readonly name: string }
  | { readonly kind: 'neg'; readonly expr: ArithExpr }
  | {
      readonly kind: 'bin';
      readonly op: '+' | '-' | '*' | '/';
      readonly left: ArithExpr;
      readonly right: ArithExpr;
    }
  | { readonly kind: 'call'; readonly fn: string; readonly args: readonly ArithExpr[] };

/** The outcome of {@link parseArith}. */
export type ArithParse =
  | { readonly kind: 'ok'; readonly expr: ArithExpr }
  | { readonly kind: 'error'; readonly message: string };

type Token =
  | { t: 'num'; v: number }
  | { t: 'id'; v: string }
  | { t: 'str'; v: string }
  | { t: 'op'; v: string };

function tokenize(src: string): Token[] | string {
  const out: Token[] = [];
  const re =
    /\s*(?:(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|([A-Za-z_][\w.]*)|'([^']*)'|"([^"]*)"|([-+*/(),]))/y;
  let pos = 0;
  while (pos < src.length) {
    if (/^\s*$/.test(src.slice(pos))) break;
    re.lastIndex = pos;
    const m = re.exec(src);
    if (!m) return src.slice(pos).trim();
    if (m[1] !== undefined) out.push({ t: 'num', v: Number(m[1]) });
    else if (m[2] !== undefined) out.push({ t: 'id', v: m[2] });
    else if (m[3] !== undefined) out.push({ t: 'str', v: m[3] });
    else if (m[4] !== undefined) out.push({ t: 'str', v: m[4] });
    else out.push({ t: 'op', v: m[5] });
    pos = re.lastIndex;
  }
  return out;
}

/**
 * parseArith parses `src` into an {@link ArithExpr}: numbers, quoted strings (function
 * arguments), names (letters, digits, `_` and `.`), unary minus, `+ - * /`, parentheses and calls
 * `f(a, b)`.
 */
export function parseArith(src: string): ArithParse {
  const tokens = tokenize(src);
  if (typeof tokens === 'string')
    return { kind: 'error', message: `cannot parse ${JSON.stringify(tokens)}` };
  let i = 0;
  const peek = (): Token | undefined => tokens[i];
  const isOp = (v: string): boolean => {
    const t = peek();
    return t?.t === 'op' && t.v === v;
  };
  const expect = (v: string): void => {
    if (!isOp(v))
      throw new Error(
        `expected "${v}"${peek() ? ` before ${JSON.stringify(tokenText(peek()!))}` : ' at the end'}`,
      );
    i++;
  };
  const primary = (): ArithExpr => {
    const t = peek();
    if (!t) throw new Error('unexpected end of expression');
    i++;
    if (t.t === 'num') return { kind: 'num', value: t.v };
    if (t.t === 'str') return { kind: 'str', value: t.v };
    if (t.t === 'op' && t.v === '-') return { kind: 'neg', expr: primary() };
    if (t.t === 'op' && t.v === '(') {
      const e = sum();
      expect(')');
      return e;
    }
    if (t.t === 'id') {
      if (isOp('(')) {
        i++;
        const args: ArithExpr[] = [];
        if (!isOp(')')) {
          args.push(sum());
          while (isOp(',')) {
            i++;
            args.push(sum());
          }
        }
        expect(')');
        return { kind: 'call', fn: t.v, args };
      }
      return { kind: 'ref', name: t.v };
    }
    throw new Error(`unexpected ${JSON.stringify(tokenText(t))}`);
  };
  const product = (): ArithExpr => {
    let left = primary();
    while (isOp('*') || isOp('/')) {
      const op = (tokens[i++] as { v: '*' | '/' }).v;
      left = { kind: 'bin', op, left, right: primary() };
    }
    return left;
  };
  const sum = (): ArithExpr => {
    let left = product();
    while (isOp('+') || isOp('-')) {
      const op = (tokens[i++] as { v: '+' | '-' }).v;
      left = { kind: 'bin', op, left, right: product() };
    }
    return left;
  };
  try {
    const expr = sum();
    if (i < tokens.length) throw new Error(`unexpected ${JSON.stringify(tokenText(tokens[i]))}`);
    return { kind: 'ok', expr };
  } catch (e) {
    return { kind: 'error', message: (e as Error).message };
  }
}

function tokenText(t: Token): string {
  return t.t === 'str' ? `'${t.v}'` : String(t.v);
}

/** Resolves names and calls while evaluating; throw an Error to report what is not understood. */
export interface ArithEnv {
  ref(name: string): number;
  call?(fn: string, args: readonly ArithExpr[], evaluate: (e: ArithExpr) => number): number;
}

/** evaluateArith computes `expr` with IEEE semantics (x/0 is ±Inf, 0/0 is NaN), as Go does. */
export function evaluateArith(expr: ArithExpr, env: ArithEnv): number {
  const ev = (e: ArithExpr): number => {
    switch (e.kind) {
      case 'num':
        return e.value;
      case 'str':
        throw new Error(`a string ('${e.value}') is not a number`);
      case 'ref':
        return env.ref(e.name);
      case 'neg':
        return -ev(e.expr);
      case 'bin': {
        const a = ev(e.left);
        const b = ev(e.right);
        return e.op === '+' ? a + b : e.op === '-' ? a - b : e.op === '*' ? a * b : a / b;
      }
      case 'call':
        if (!env.call) throw new Error(`function ${e.fn} is not supported`);
        return env.call(e.fn, e.args, ev);
    }
  };
  return ev(expr);
}

/** refsOf lists the names an expression refers to, in order of appearance, without repeats. */
export function refsOf(expr: ArithExpr): string[] {
  const out: string[] = [];
  const walk = (e: ArithExpr): void => {
    if (e.kind === 'ref' && !out.includes(e.name)) out.push(e.name);
    if (e.kind === 'neg') walk(e.expr);
    if (e.kind === 'bin') {
      walk(e.left);
      walk(e.right);
    }
    if (e.kind === 'call') e.args.forEach(walk);
  };
  walk(expr);
  return out;
}
