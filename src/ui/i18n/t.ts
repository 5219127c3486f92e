/**
 * The message lookup: `t(key, vars)` for a language, with `{name}` placeholders, and `tm(msg)`
 * for the store's message descriptors (the "Why" log, "Waiting for", step labels).
 * Pure and tiny on purpose (no i18n library): two catalogues, no plurals beyond `{count}`.
 * Rule: components never hold user-visible strings; they ask `t`.
 */
import { isLang, LANGS, type Lang } from '../../store/lang';
import type { Msg } from '../../store';
import { en } from './en';
import type { Catalogue, MessageKey } from './en';
import { ko } from './ko';

export { isLang, LANGS };
export type { Lang };

/** Vars fills `{name}` placeholders. */
export type Vars = Readonly<Record<string, string | number>>;

/** Translate is the `t` function of one language. */
export type Translate = (key: MessageKey, vars?: Vars) => string;

/** TranslateMsg renders a store message descriptor in one language. */
export type TranslateMsg = (message: Msg) => string;

const CATALOGUES: Readonly<Record<Lang, Catalogue>> = { en, ko };

/** format fills `{name}` placeholders; unknown placeholders stay as written so gaps are visible. */
export function format(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : whole,
  );
}

function catalogueOf(lang: Lang): Catalogue {
  return CATALOGUES[lang] ?? en;
}

/** translator returns the `t` function for `lang`, falling back to English for an unknown lang. */
export function translator(lang: Lang): Translate {
  const catalogue = catalogueOf(lang);
  return (key, vars) => format(catalogue[key] ?? en[key] ?? key, vars);
}

/** hasMessage tells whether `key` is a key of the catalogue. */
export function hasMessage(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}

/**
 * msgTranslator renders store messages (`{key, values}`) for `lang`; an unknown key shows the
 * key and its values, so a gap is visible rather than blank.
 */
export function msgTranslator(lang: Lang): TranslateMsg {
  const catalogue = catalogueOf(lang);
  return (message) => {
    if (!hasMessage(message.key)) {
      const values = Object.values(message.values ?? {}).join(' ');
      return values ? `${message.key}: ${values}` : message.key;
    }
    return format(catalogue[message.key], message.values);
  };
}
