/**
 * The page language as store state: which languages exist, and remembering the choice. Light on
 * purpose (no engine imports): the page shell reads it before the sandbox chunk loads.
 */

/** Lang is a language the page speaks. */
export type Lang = 'en' | 'ko';

/** LANGS lists the languages, in switcher order. */
export const LANGS: readonly Lang[] = ['en', 'ko'];

/** LANG_STORAGE_KEY is where the language choice is remembered (localStorage). */
export const LANG_STORAGE_KEY = 'rollout-lab.lang';

/** isLang narrows a stored or typed string to a Lang. */
export function isLang(value: unknown): value is Lang {
  return value === 'en' || value === 'ko';
}

/** LangStorage is the part of `localStorage` the store uses to remember the language. */
export interface LangStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** readLang returns the remembered language (English when none or unreadable). */
export function readLang(storage: LangStorage | undefined): Lang {
  try {
    const stored = storage?.getItem(LANG_STORAGE_KEY);
    return isLang(stored) ? stored : 'en';
  } catch {
    return 'en';
  }
}
