import type { Suggestion } from '../../store';
import { shortImage, useT, type MessageKey, type Translate } from '../i18n';
import { RichText } from './RichText';

export interface SuggestionBannerProps {
  /** What the script would do next (null: no scenario). */
  readonly suggestion: Suggestion | null;
  /** Whether the suggested verb is possible right now. */
  readonly possible: boolean;
  /** The last refused action's message, shown until dismissed. */
  readonly actionError: string | null;
  /** Clears actionError. */
  readonly onDismiss: () => void;
}

function text(s: Suggestion, t: Translate): string {
  switch (s.kind) {
    case 'action':
      return s.action === 'setImage' && s.image
        ? t('next.actionImage', { image: shortImage(s.image) })
        : t('next.action', { verb: t(`action.${s.action}` as MessageKey) });
    case 'time':
      return t('next.time');
    case 'done':
      return t('next.done');
    case 'failed':
      return t('next.failed', { step: s.stepIndex + 1, message: s.message });
  }
}

/** SuggestionBanner shows the script's next move ("next: press Promote") and refused actions. */
export function SuggestionBanner({
  suggestion,
  possible,
  actionError,
  onDismiss,
}: SuggestionBannerProps) {
  const t = useT();
  return (
    <div className="suggestion-row">
      <p className={`suggestion suggestion-${suggestion?.kind ?? 'none'}`} role="status">
        {suggestion && (
          <>
            <span className="suggestion-icon" aria-hidden="true">
              ➜
            </span>
            <RichText text={text(suggestion, t)} />
            {suggestion.kind === 'action' && !possible && (
              <span className="suggestion-note">
                {' '}
                {t('next.notPossible', { verb: t(`action.${suggestion.action}` as MessageKey) })}
              </span>
            )}
          </>
        )}
      </p>
      {actionError && (
        <p className="action-error" role="alert">
          {t('action.refused', { message: actionError })}{' '}
          <button type="button" onClick={onDismiss}>
            {t('action.dismiss')}
          </button>
        </p>
      )}
    </div>
  );
}
