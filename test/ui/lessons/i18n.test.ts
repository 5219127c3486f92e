import { describe, expect, it } from 'vitest';
import { en } from '../../../src/ui/i18n/en';
import type { MessageKey } from '../../../src/ui/i18n/en';
import { ko } from '../../../src/ui/i18n/ko';
import { format, isLang, translator } from '../../../src/ui/i18n/t';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('catalogues', () => {
  it('English and Korean have exactly the same keys', () => {
    expect(Object.keys(ko).sort()).toEqual(Object.keys(en).sort());
  });

  it('every Korean message uses the same placeholders as the English one', () => {
    for (const key of Object.keys(en) as MessageKey[]) {
      expect(placeholders(ko[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('lesson texts are really translated (they contain Hangul)', () => {
    const lessonKeys = (Object.keys(en) as MessageKey[]).filter(
      (k) => k.startsWith('lesson.canary') || k.startsWith('lesson.bluegreen'),
    );
    expect(lessonKeys.length).toBeGreaterThan(20);
    for (const key of lessonKeys) expect(ko[key], key).toMatch(/[\uac00-\ud7a3]/);
  });

  it('keeps Argo terms in English inside Korean text', () => {
    expect(ko['lesson.canary.full.body']).toContain('Promote-Full');
    expect(ko['lesson.canary.stable.body']).toContain('ReplicaSet');
  });
});

describe('t', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    const t = translator('en');
    expect(t('lesson.progress', { current: 2, total: 9 })).toBe('Step 2 of 9');
    expect(format('{a} and {b}', { a: 1 })).toBe('1 and {b}');
    expect(translator('ko')('lesson.progress', { current: 2, total: 9 })).toBe('9단계 중 2단계');
  });

  it('recognises languages', () => {
    expect(isLang('ko')).toBe(true);
    expect(isLang('fr')).toBe(false);
  });
});
