/**
 * The page header: the scenario picker (ScenarioBar), opening a scenario file from disk, the
 * Lessons button and the language switcher.
 */
import type { ChangeEvent } from 'react';
import { SCENARIOS } from '../../store';
import { ScenarioBar } from '../components/ScenarioBar';
import { useCommands, useSim } from '../hooks/useSim';
import { LanguageSwitcher, useT } from '../i18n';

const OPTIONS = SCENARIOS.map((s) => ({ name: s.name, title: s.title }));

export interface HeaderContainerProps {
  /** Whether the lesson menu is open (the Lessons button is pressed). */
  readonly lessonsOpen: boolean;
  readonly onToggleLessons: () => void;
}

/** HeaderContainer connects the header controls to the store. */
export function HeaderContainer({ lessonsOpen, onToggleLessons }: HeaderContainerProps) {
  const t = useT();
  const scenario = useSim((s) => s.scenario);
  const lang = useSim((s) => s.lang);
  const lesson = useSim((s) => s.lesson);
  const { loadScenario, reload, setLang } = useCommands();
  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    void file.text().then((text) => loadScenario({ text, file: file.name }));
  };
  return (
    <ScenarioBar
      scenarios={OPTIONS}
      selected={scenario?.name ?? ''}
      title={scenario?.title ?? ''}
      description={scenario?.description ?? ''}
      onSelect={loadScenario}
      onReload={reload}
    >
      <label className="file-button" title={t('app.loadFileHint')}>
        {t('app.loadFile')}
        <input
          type="file"
          accept=".yaml,.yml,.json,application/yaml,text/yaml"
          className="visually-hidden"
          onChange={onFile}
        />
      </label>
      <button
        type="button"
        className="lessons-button"
        aria-expanded={lessonsOpen || lesson !== null}
        aria-controls="lesson-aside"
        onClick={onToggleLessons}
      >
        {t('app.lessons')}
      </button>
      <LanguageSwitcher lang={lang} onChange={setLang} />
    </ScenarioBar>
  );
}
