/**
 * IssueList: the lint problems as `line:column path: message`, each a button that asks the
 * page (or the editor) to jump to that spot. Presentational; light enough for the initial bundle.
 */
import type { ValidationIssue } from '../../model';
import { useT } from '../i18n/context';
import './editor.css';

export interface IssueListProps {
  /** The issues to list, in the order given (the model already sorts them). */
  readonly issues: readonly ValidationIssue[];
  /** Called when an issue is clicked (or activated with the keyboard). */
  readonly onJump?: (issue: ValidationIssue) => void;
  /** Show the file name before line:column (useful when issues span several files). */
  readonly showFile?: boolean;
}

/** IssueList renders a heading with the count and one row per issue, or a calm "no problems". */
export function IssueList({ issues, onJump, showFile = false }: IssueListProps) {
  const t = useT();
  return (
    <section className="rl-issues" aria-label={t('editor.issues.heading')}>
      <h3 className="rl-issues__heading">
        {t('editor.issues.heading')}{' '}
        <span className="rl-issues__count">
          {t('editor.issues.count', { count: issues.length })}
        </span>
      </h3>
      {issues.length === 0 ? (
        <p className="rl-issues__none">{t('editor.issues.none')}</p>
      ) : (
        <ul className="rl-issues__list">
          {issues.map((issue, i) => {
            const where = `${showFile ? `${issue.file}:` : ''}${issue.line}:${issue.column}`;
            return (
              <li key={`${i}-${issue.code}-${issue.line}-${issue.column}`}>
                <button
                  type="button"
                  className={`rl-issue rl-issue--${issue.severity}`}
                  title={t('editor.issues.jump', { line: issue.line, column: issue.column })}
                  onClick={() => onJump?.(issue)}
                >
                  <span className="rl-issue__sev">{t(`editor.severity.${issue.severity}`)}</span>{' '}
                  <span className="rl-issue__where">{where}</span>{' '}
                  {issue.path ? <span className="rl-issue__path">{issue.path}:</span> : null}{' '}
                  <span className="rl-issue__message">{issue.message}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

export default IssueList;
