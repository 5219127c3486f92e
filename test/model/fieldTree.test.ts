import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTPUT_PATH, generateFieldTreeSource } from '../../scripts/genFieldTree';

const ROOT = resolve(__dirname, '../..');

describe('generated field tree', () => {
  it('is exactly what scripts/genFieldTree.ts generates (run `npm run gen:fields`)', () => {
    const committed = readFileSync(resolve(ROOT, OUTPUT_PATH), 'utf8');
    expect(generateFieldTreeSource(ROOT)).toBe(committed);
  }, 60_000);
});
