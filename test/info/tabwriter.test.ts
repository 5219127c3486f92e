import { describe, expect, it } from 'vitest';
import { alignTabs, displayWidth } from '../../src/info';

const opts = { minWidth: 0, padding: 2, padChar: ' ' };

describe('alignTabs (Go text/tabwriter, juju/ansiterm flavour)', () => {
  it('pads tab-terminated cells to the widest of the column plus padding', () => {
    expect(alignTabs('a\tbbb\tx\naaaa\tb\ty\n', opts)).toBe('a     bbb  x\naaaa  b    y\n');
  });

  it('does not align the last (unterminated) cell of a line', () => {
    expect(alignTabs('a\tlong last cell\nbb\tc\n', opts)).toBe('a   long last cell\nbb  c\n');
  });

  it('starts a new column block after a line with fewer cells', () => {
    // Go's doc example: b and c are in distinct column blocks.
    const text = 'aaaa\tbbb\td\naa\tb\tdd\na\t\naa\tcccc\teee\n';
    expect(alignTabs(text, opts)).toBe('aaaa  bbb  d\naa    b    dd\na     \naa    cccc  eee\n');
  });

  it('honours minWidth and keeps text after the last newline', () => {
    expect(alignTabs('a\tb\nc', { minWidth: 6, padding: 1, padChar: '.' })).toBe('a.....b\nc');
  });

  it('measures terminal columns: no width for colours, two for wide characters', () => {
    expect(displayWidth('\x1b[32m✔\x1b[0m ok')).toBe(4);
    expect(displayWidth('日本')).toBe(4);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(alignTabs('\x1b[31mx\x1b[0m\ty\nzzz\tw\n', opts)).toBe(
      '\x1b[31mx\x1b[0m    y\nzzz  w\n',
    );
  });
});
