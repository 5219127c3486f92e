/**
 * Light, pure syntax colouring for read-only text: YAML lines and the `get rollout` tree. Each
 * function splits text into segments whose concatenation is exactly the input, so copying the
 * rendered spans yields the original bytes. Rule: never add, drop or reorder a character.
 */

/** Segment is a run of text with an optional CSS class. */
export interface Segment {
  readonly text: string;
  readonly cls?: string;
}

function push(out: Segment[], text: string, cls?: string) {
  if (text === '') return;
  out.push(cls ? { text, cls } : { text });
}

const SCALAR =
  /^(?<q>"(?:[^"\\]|\\.)*"|'(?:[^']|'')*')|^(?<n>-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)(?=\s*$)|^(?<b>true|false|null|~)(?=\s*$)/i;

function value(out: Segment[], text: string) {
  const lead = /^\s*/.exec(text)![0];
  push(out, lead);
  const rest = text.slice(lead.length);
  const m = SCALAR.exec(rest);
  if (m?.groups?.q) {
    push(out, m.groups.q, 'rl-y-str');
    push(out, rest.slice(m.groups.q.length), 'rl-y-str');
  } else if (m?.groups?.n) {
    push(out, rest, 'rl-y-num');
  } else if (m?.groups?.b) {
    push(out, rest, 'rl-y-bool');
  } else {
    push(out, rest, rest.startsWith('|') || rest.startsWith('>') ? 'rl-y-punct' : 'rl-y-str');
  }
}

/** highlightYaml colours keys, strings, numbers, booleans, comments and list dashes. */
export function highlightYaml(text: string): Segment[] {
  const out: Segment[] = [];
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    const comment = /^(\s*)(#.*)$/.exec(line);
    if (comment) {
      push(out, comment[1]);
      push(out, comment[2], 'rl-y-comment');
    } else {
      const m = /^(\s*)((?:- )*)(?:([^\s#'"][^:#]*?|"[^"]*"|'[^']*')(:)(?=\s|$))?(.*)$/.exec(line)!;
      push(out, m[1]);
      push(out, m[2], 'rl-y-punct');
      if (m[3] !== undefined) {
        push(out, m[3], 'rl-y-key');
        push(out, m[4], 'rl-y-punct');
      }
      if (m[5]) value(out, m[5]);
    }
    if (i < lines.length - 1) push(out, '\n');
  });
  return out;
}

const STATUS_CLASS: Readonly<Record<string, string>> = {
  '✔': 'rl-t-ok',
  '✖': 'rl-t-bad',
  '⚠': 'rl-t-warn',
  '◌': 'rl-t-progress',
  '◷': 'rl-t-wait',
  '॥': 'rl-t-paused',
  '•': 'rl-t-neutral',
  '?': 'rl-t-unknown',
};

const ROLE = /\b(canary|stable|active|preview|ping|pong)\b/g;
const STATUS = /([✔✖⚠◌◷॥•?]) (\S+)/g;

function roles(out: Segment[], text: string) {
  let last = 0;
  for (const m of text.matchAll(ROLE)) {
    push(out, text.slice(last, m.index));
    push(out, m[0], `rl-t-role rl-t-role--${m[1]}`);
    last = m.index + m[0].length;
  }
  push(out, text.slice(last));
}

function statuses(out: Segment[], text: string, roleFrom: number) {
  let last = 0;
  const emit = (upTo: number) => {
    // Role tags are coloured only in the INFO column (or the Images header), never in names.
    const chunk = text.slice(last, upTo);
    const cut = Math.max(0, Math.min(chunk.length, roleFrom - last));
    push(out, chunk.slice(0, cut));
    roles(out, chunk.slice(cut));
    last = upTo;
  };
  for (const m of text.matchAll(STATUS)) {
    emit(m.index);
    push(out, m[0], STATUS_CLASS[m[1]]);
    last = m.index + m[0].length;
  }
  emit(text.length);
}

/** stripAnsi removes terminal colour sequences (the `--no-color` text is what we show). */
export function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}

/**
 * highlightTree colours the `get rollout` output like the plugin does on a terminal: status
 * glyphs with their word (✔ Healthy green, ✖ red, ◌ blue, ॥ paused…) and role tags (canary,
 * stable, active, preview…) in the Images header and the INFO column.
 */
export function highlightTree(text: string): Segment[] {
  const out: Segment[] = [];
  const lines = text.split('\n');
  let infoAt = -1;
  let inImages = false;
  lines.forEach((line, i) => {
    if (/^NAME\s+KIND\s+STATUS\s+AGE\s+INFO/.test(line)) infoAt = line.indexOf('INFO');
    if (line.startsWith('Images:')) inImages = true;
    else if (!/^\s/.test(line)) inImages = false;
    const isTreeRow = infoAt >= 0 && line !== '' && !line.startsWith('NAME');
    const roleFrom = inImages
      ? line.lastIndexOf('(')
      : isTreeRow
        ? infoAt
        : Number.MAX_SAFE_INTEGER;
    if (line.startsWith('NAME')) push(out, line, 'rl-t-head');
    else statuses(out, line, roleFrom < 0 ? Number.MAX_SAFE_INTEGER : roleFrom);
    if (i < lines.length - 1) push(out, '\n');
  });
  return out;
}
