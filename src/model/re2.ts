/**
 * Translates a Go RE2 pattern into a JavaScript RegExp with the same meaning, or reports the error
 * Go would give. Used wherever Argo compiles a user's pattern with Go's regexp: expr's `matches`,
 * PromQL label matchers, dryRun/measurementRetention metric names, header-route regex matches. Covered: leading
 * flag groups `(?i)`/`(?s)`/`(?m)`, `(?P<name>`, `\A`, `\z`, `\Q…\E`, POSIX classes like
 * `[[:digit:]]`, `\pL`, escaped punctuation, literal `{`/`}`/`]`, repeat counts over 1000.
 * Rejected as RE2 does: backreferences, lookaround, atomic/possessive and other Perl-only syntax.
 * Rejected because the simulator cannot express them: flags in the middle of a pattern, `(?U)`.
 */

/** RegexError carries the message Go's regexp package would give (or the simulator's limit). */
export class RegexError extends Error {}

const POSIX_CLASSES: Readonly<Record<string, string>> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  ascii: '\\x00-\\x7f',
  blank: '\\t ',
  cntrl: '\\x00-\\x1f\\x7f',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-\\/:-@\\[-`{-~',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
};

// RE2's Perl classes and escapes that mean the same in JavaScript.
const SAME_ESCAPES = new Set(['d', 'D', 's', 'S', 'w', 'W', 'b', 'B', 'n', 't', 'r', 'f', 'v']);

const hex = (c: string): string => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;

function fail(message: string): never {
  throw new RegexError(message);
}

/** escapeLiteral escapes a literal character; `\-` is only valid inside a class with the u flag. */
function escapeLiteral(ch: string, inClass: boolean): string {
  if (ch === '-') return inClass ? '\\-' : '-';
  return /[\\^$.*+?()[\]{}|/]/.test(ch) ? `\\${ch}` : ch;
}

const MAX_REPEAT = 1000;

/** translateRe2 returns the JavaScript source and flags for a Go RE2 pattern. */
export function translateRe2(pattern: string): { source: string; flags: string } {
  const flags = new Set<string>(['u']);
  let i = 0;
  // Leading flag groups, e.g. `(?i)` or `(?is)`.
  for (;;) {
    const m = /^\(\?([a-zA-Z]+)\)/.exec(pattern.slice(i));
    if (!m) break;
    for (const f of m[1]) {
      if (f === 'i' || f === 's' || f === 'm') flags.add(f);
      else if (f === 'U') fail('the ungreedy flag (?U) is not supported by the simulator');
      else fail(`error parsing regexp: invalid or unsupported Perl syntax: \`(?${f}\``);
    }
    i += m[0].length;
  }
  let out = '';
  let inClass = false;
  let classStart = false;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === '\\') {
      const next = pattern[i + 1];
      if (next === undefined) fail('error parsing regexp: trailing backslash at end of expression');
      if (next === 'Q') {
        const end = pattern.indexOf('\\E', i + 2);
        const lit = end === -1 ? pattern.slice(i + 2) : pattern.slice(i + 2, end);
        out += [...lit].map((c) => escapeLiteral(c, inClass)).join('');
        i = end === -1 ? pattern.length : end + 2;
        classStart = false;
        continue;
      }
      if (/[1-9]/.test(next)) fail(`error parsing regexp: invalid escape sequence: \`\\${next}\``);
      if (next === 'A' && !inClass) out += '(?<![\\s\\S])';
      else if (next === 'z' && !inClass) out += '(?![\\s\\S])';
      else if (next === 'p' || next === 'P') {
        if (pattern[i + 2] === '{') {
          const close = pattern.indexOf('}', i + 3);
          if (close === -1) fail('error parsing regexp: invalid character class range');
          const name = pattern.slice(i + 3, close);
          const general = /^(L|Lu|Ll|Lt|Lm|Lo|M|Mn|Mc|Me|N|Nd|Nl|No|P|S|Z|C)$/.test(name);
          out += `\\${next}{${general ? name : `Script=${name}`}}`;
          i = close + 1;
          classStart = false;
          continue;
        }
        const one = pattern[i + 2];
        if (one === undefined) fail('error parsing regexp: invalid character class range');
        out += `\\${next}{${one}}`;
        i += 3;
        classStart = false;
        continue;
      } else if (next === 'x') {
        // \x41 or \x{41}
        if (pattern[i + 2] === '{') {
          const close = pattern.indexOf('}', i + 3);
          if (close === -1) fail('error parsing regexp: invalid escape sequence: `\\x{`');
          out += `\\u{${pattern.slice(i + 3, close)}}`;
          i = close + 1;
          classStart = false;
          continue;
        }
        out += `\\x${pattern.slice(i + 2, i + 4)}`;
        i += 4;
        classStart = false;
        continue;
      } else if (next === '0') {
        // Octal escape \0, \012 …
        const m = /^[0-7]{1,3}/.exec(pattern.slice(i + 1)) ?? ['0'];
        out += `\\u{${parseInt(m[0], 8).toString(16)}}`;
        i += 1 + m[0].length;
        classStart = false;
        continue;
      } else if (next === 'a') out += '\\x07';
      else if (SAME_ESCAPES.has(next)) {
        if (inClass && (next === 'b' || next === 'B')) {
          fail(`error parsing regexp: invalid escape sequence: \`\\${next}\``);
        }
        out += `\\${next}`;
      } else if (/[!-/:-@[-`{-~]/.test(next)) out += hex(next);
      else fail(`error parsing regexp: invalid escape sequence: \`\\${next}\``);
      i += 2;
      classStart = false;
      continue;
    }
    if (inClass) {
      if (ch === '[' && pattern[i + 1] === ':') {
        const close = pattern.indexOf(':]', i + 2);
        const name = close === -1 ? '' : pattern.slice(i + 2, close);
        if (close !== -1 && Object.hasOwn(POSIX_CLASSES, name)) {
          out += POSIX_CLASSES[name];
          i = close + 2;
          classStart = false;
          continue;
        }
        if (close !== -1)
          fail(`error parsing regexp: invalid character class range: \`[:${name}:]\``);
      }
      if (ch === ']' && !classStart) {
        inClass = false;
        out += ']';
      } else if (ch === '[' || (ch === ']' && classStart) || ch === '/') {
        out += `\\${ch}`;
      } else if (ch === '^' && classStart && out.endsWith('[')) {
        out += '^';
        i++;
        continue;
      } else out += ch;
      classStart = false;
      i++;
      continue;
    }
    if (ch === '[') {
      inClass = true;
      classStart = true;
      out += '[';
      i++;
      if (pattern[i] === '^') {
        out += '^';
        i++;
      }
      continue;
    }
    if (ch === '(' && pattern[i + 1] === '?') {
      const rest = pattern.slice(i + 2);
      if (rest.startsWith('P<')) {
        out += '(?<';
        i += 4;
        continue;
      }
      if (rest.startsWith('<') && !rest.startsWith('<=') && !rest.startsWith('<!')) {
        out += '(?<';
        i += 3;
        continue;
      }
      if (rest.startsWith(':')) {
        out += '(?:';
        i += 3;
        continue;
      }
      if (/^[imsU-]+[:)]/.test(rest)) {
        fail('regexp flags after the start of the pattern are not supported by the simulator');
      }
      const shown = /^\(\?(<=|<!|=|!|>)?/.exec(pattern.slice(i))?.[0] ?? '(?';
      fail(`error parsing regexp: invalid or unsupported Perl syntax: \`${shown}\``);
    }
    if (ch === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i));
      if (!m) {
        out += '\\{';
        i++;
        continue;
      }
      const lo = Number(m[1]);
      const hi = m[3] === undefined || m[3] === '' ? lo : Number(m[3]);
      if (lo > MAX_REPEAT || hi > MAX_REPEAT || (m[3] !== undefined && m[3] !== '' && hi < lo)) {
        fail(`error parsing regexp: invalid repeat count: \`${m[0]}\``);
      }
      out += m[0];
      i += m[0].length;
      if (pattern[i] === '+') fail(`error parsing regexp: invalid nested repetition operator`);
      continue;
    }
    if ((ch === '*' || ch === '+' || ch === '?') && pattern[i + 1] === '+') {
      fail(`error parsing regexp: invalid nested repetition operator: \`${ch}+\``);
    }
    if (ch === '}' || ch === ']' || ch === '/') out += `\\${ch}`;
    else out += ch;
    i++;
  }
  if (inClass) fail(`error parsing regexp: missing closing ]: \`${pattern}\``);
  return { source: out, flags: [...flags].sort().join('') };
}

/** compileRe2 builds the JavaScript RegExp for a Go RE2 pattern or throws RegexError. */
export function compileRe2(pattern: string): RegExp {
  const { source, flags } = translateRe2(pattern);
  try {
    return new RegExp(source, flags);
  } catch (e) {
    return fail(`error parsing regexp: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** goRegexpMatches is Go's regexp.MatchString: an unanchored search; an invalid pattern matches nothing. */
export function goRegexpMatches(pattern: string, text: string): boolean {
  try {
    return compileRe2(pattern).test(text);
  } catch {
    return false;
  }
}
