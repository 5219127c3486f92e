/**
 * Public surface of src/ui/i18n: the one catalogue (English and Korean), `t`, the language
 * context, formats and the switcher. Rule: explicit named exports only.
 */
export { en } from './en';
export type { Catalogue, MessageKey } from './en';
export { ko } from './ko';
export { format, hasMessage, isLang, LANGS, msgTranslator, translator } from './t';
export type { Lang, Translate, TranslateMsg, Vars } from './t';
export { LangContext, useLang, useT, useTm } from './context';
export { formatClock, formatSeconds, shortImage } from './format';
export { LanguageSwitcher } from './LanguageSwitcher';
export type { LanguageSwitcherProps } from './LanguageSwitcher';
