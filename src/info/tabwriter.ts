/**
 * Elastic-tabstop alignment of tab-terminated cells, for the `get rollout` tree table.
 * Mirrors Go's text/tabwriter as forked by github.com/juju/ansiterm/tabwriter (which the plugin
 * uses): widths ignore ANSI colour sequences and count terminal columns. Pure string in, string out.
 */

/** Alignment settings (Go's `NewTabWriter(out, minwidth, tabwidth, padding, padchar, 0)`). */
export interface TabwriterOptions {
  /** Minimal cell width including padding. */
  readonly minWidth: number;
  /** Padding added to the widest cell of a column. */
  readonly padding: number;
  /** The character used for padding (one column wide). */
  readonly padChar: string;
}

interface Cell {
  readonly text: string;
  readonly width: number;
}

// CSI sequences (colours and the like), which take no room on screen.
// eslint-disable-next-line no-control-regex
const CSI = /\x1b\[[0-9;?]*[ -/]*[@-~]/g;

// Combining marks and zero-width characters, which take no column.
const ZERO_WIDTH = /^(?:\p{Mn}|\p{Me}|[\u200b-\u200d\ufeff])$/u;

/** Code points in the East Asian Wide/Fullwidth blocks and emoji planes, shown two columns wide. */
function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

/**
 * `displayWidth` is the number of terminal columns `text` takes: colour sequences and combining
 * marks count 0, East Asian wide characters 2, everything else 1 (go-runewidth's default,
 * non-CJK-locale behaviour, in a compact form).
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text.replace(CSI, '')) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) continue;
    if (ZERO_WIDTH.test(ch)) continue;
    width += isWide(cp) ? 2 : 1;
  }
  return width;
}

/**
 * `alignTabs` lays out `text` as Go's tabwriter does with default flags: every tab-terminated cell
 * belongs to a column; a column block is a run of consecutive lines that have a cell in that
 * column; each cell is left-aligned and padded to the block's widest cell plus `padding` (at least
 * `minWidth`). The last cell of a line is not part of a column and is written as is.
 */
export function alignTabs(text: string, options: TabwriterOptions): string {
  const rawLines = text.split('\n');
  // The text after the last newline is an unterminated line; it is written unchanged at the end.
  const tail = rawLines.pop() ?? '';
  const lines: Cell[][] = rawLines.map((line) =>
    line.split('\t').map((t) => ({ text: t, width: displayWidth(t) })),
  );
  const out: string[] = [];
  const widths: number[] = [];

  const writeLines = (line0: number, line1: number): void => {
    for (let i = line0; i < line1; i++) {
      let s = '';
      lines[i].forEach((cell, j) => {
        s += cell.text;
        if (j < widths.length) s += options.padChar.repeat(Math.max(0, widths[j] - cell.width));
      });
      out.push(s + '\n');
    }
  };

  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    for (let row = line0; row < line1; row++) {
      if (column >= lines[row].length - 1) continue;
      // This line opens a block in `column`: print what precedes it, then size the block.
      writeLines(line0, row);
      line0 = row;
      let width = options.minWidth;
      for (; row < line1; row++) {
        const line = lines[row];
        if (column >= line.length - 1) break;
        width = Math.max(width, line[column].width + options.padding);
      }
      widths.push(width);
      format(line0, row);
      widths.pop();
      line0 = row;
    }
    writeLines(line0, line1);
  };

  format(0, lines.length);
  return out.join('') + tail;
}
