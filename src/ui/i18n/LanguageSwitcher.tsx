/**
 * LanguageSwitcher: English / 한국어 as a radio group of two buttons. Presentational: the page
 * owns the language (and may persist it); this only reports the choice.
 */
import { useT } from './context';
import { LANGS } from './t';
import type { Lang } from './t';
import './i18n.css';

export interface LanguageSwitcherProps {
  /** The language shown now. */
  readonly lang: Lang;
  /** Called with the language the user picked. */
  readonly onChange: (lang: Lang) => void;
}

/** LanguageSwitcher renders one pressed-state button per language, each named in its own language. */
export function LanguageSwitcher({ lang, onChange }: LanguageSwitcherProps) {
  const t = useT();
  return (
    <div role="group" aria-label={t('language.label')} className="rl-lang-switcher">
      {LANGS.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          aria-pressed={l === lang}
          onClick={() => onChange(l)}
        >
          {t(l === 'en' ? 'language.en' : 'language.ko')}
        </button>
      ))}
    </div>
  );
}

export default LanguageSwitcher;
