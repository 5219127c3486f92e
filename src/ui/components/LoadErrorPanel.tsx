import type { LoadError } from '../../store';
import { useT } from '../i18n';

export interface LoadErrorPanelProps {
  /** Why the scenario did not load: its issues with file, line, column and field path. */
  readonly error: LoadError;
}

/** LoadErrorPanel lists a scenario's problems as `file:line:col: path: message`, like `rollout-lab lint`. */
export function LoadErrorPanel({ error }: LoadErrorPanelProps) {
  const t = useT();
  return (
    <section className="panel load-error" role="alert" aria-labelledby="load-error-title">
      <h2 id="load-error-title">{t('error.title')}</h2>
      <p>{t('error.hint')}</p>
      <ul className="issues">
        {error.issues.map((i, n) => (
          <li key={n}>
            <code>
              {i.file}:{i.line}:{i.column}: {i.path ? `${i.path}: ` : ''}
              {i.message}
            </code>
          </li>
        ))}
      </ul>
    </section>
  );
}
