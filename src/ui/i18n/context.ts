/**
 * The language context: the page provides a Lang, components read `t` with `useT()` and render
 * store messages with `useTm()`. Without a provider everything is English, so stories and tests
 * need no wrapper.
 */
import { createContext, useContext, useMemo } from 'react';
import { msgTranslator, translator } from './t';
import type { Lang, Translate, TranslateMsg } from './t';

/** LangContext carries the current language; `LangContext.Provider value="ko"` switches it. */
export const LangContext = createContext<Lang>('en');

/** useLang returns the current language. */
export function useLang(): Lang {
  return useContext(LangContext);
}

/** useT returns `t` for the current language (memoised per language). */
export function useT(): Translate {
  const lang = useContext(LangContext);
  return useMemo(() => translator(lang), [lang]);
}

/** useTm returns the renderer of store messages for the current language. */
export function useTm(): TranslateMsg {
  const lang = useContext(LangContext);
  return useMemo(() => msgTranslator(lang), [lang]);
}
