import type { ReactNode } from 'react';
import { useT } from '../i18n';
import { RichText } from './RichText';

/** ScenarioOption is one entry of the scenario picker. */
export interface ScenarioOption {
  readonly name: string;
  readonly title: string;
}

export interface ScenarioBarProps {
  /** The library scenarios to pick from. */
  readonly scenarios: readonly ScenarioOption[];
  /** Name of the selected scenario ('' when none). */
  readonly selected: string;
  /** Title of the loaded scenario. */
  readonly title: string;
  /** The scenario's description (copy with **bold** and *emphasis*). */
  readonly description: string;
  /** Called with a scenario name when the learner picks one. */
  readonly onSelect: (name: string) => void;
  /** Starts the scenario again from its beginning. */
  readonly onReload: () => void;
  /** More header controls (file, lessons, language), shown at the end of the bar. */
  readonly children?: ReactNode;
}

/** ScenarioBar is the page header: the product name, the scenario picker and what the scenario is about. */
export function ScenarioBar({
  scenarios,
  selected,
  title,
  description,
  onSelect,
  onReload,
  children,
}: ScenarioBarProps) {
  const t = useT();
  const known = scenarios.some((s) => s.name === selected);
  return (
    <header className="scenario-bar">
      <div className="brand">
        <h1>{t('app.title')}</h1>
        <p className="tagline">{t('app.tagline')}</p>
      </div>
      <div className="scenario-pick">
        <label htmlFor="scenario-select">{t('app.scenario')}</label>
        <select
          id="scenario-select"
          value={known ? selected : ''}
          onChange={(e) => onSelect(e.target.value)}
        >
          {!known && <option value="">{selected || '—'}</option>}
          {scenarios.map((s) => (
            <option key={s.name} value={s.name}>
              {s.title}
            </option>
          ))}
        </select>
        <button type="button" onClick={onReload}>
          {t('app.reload')}
        </button>
      </div>
      {children ? <div className="header-tools">{children}</div> : null}
      {description && (
        <details className="scenario-about">
          <summary>
            {t('app.about')}: <strong>{title}</strong>
          </summary>
          <RichText text={description} block />
        </details>
      )}
    </header>
  );
}
