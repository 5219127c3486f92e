import { useState } from 'react';
import type { CanActions, OperatorVerb, UndoTarget } from '../../store';
import { shortImage, useT, type MessageKey } from '../i18n';

/** The simple verbs (no argument), in toolbar order. */
const VERBS = ['promote', 'promoteFull', 'abort', 'retry', 'restart', 'pause', 'resume'] as const;

/** SimpleVerb is a toolbar verb without an argument. */
export type SimpleVerb = (typeof VERBS)[number];

export interface ActionBarProps {
  /** What the rollout's machine accepts now (each button is enabled only when it can). */
  readonly can: CanActions;
  /** Images offered by Set image. */
  readonly images: readonly string[];
  /** The image the rollout runs now (preselected away from it). */
  readonly currentImage: string;
  /** The verb the script suggests next, highlighted (null: none). */
  readonly suggested: OperatorVerb | null;
  /** The image the script suggests for Set image, preselected when given. */
  readonly suggestedImage?: string;
  /** Revisions Undo can go back to, newest first (empty: Undo goes to the previous one). */
  readonly undoTargets?: readonly UndoTarget[];
  /** Performs a verb; `undo` may name a revision (`--to-revision`). */
  readonly onAction: (verb: SimpleVerb | 'undo', revision?: number) => void;
  /** Sets the rollout's image. */
  readonly onSetImage: (image: string) => void;
}

function pickDefault(images: readonly string[], current: string, suggested?: string): string {
  if (suggested && images.includes(suggested)) return suggested;
  return images.find((i) => i !== current) ?? images[0] ?? '';
}

/** ActionBar is the dashboard toolbar: Promote, Promote-Full, Abort, Retry, Restart, plus Pause, Resume, Set image and Undo. */
export function ActionBar({
  can,
  images,
  currentImage,
  suggested,
  suggestedImage,
  onAction,
  onSetImage,
  undoTargets = [],
}: ActionBarProps) {
  const t = useT();
  const [choice, setChoice] = useState<string | null>(null);
  const [undoTo, setUndoTo] = useState<string>('');
  const undoRevision =
    undoTo !== '' && undoTargets.some((u) => String(u.revision) === undoTo)
      ? Number(undoTo)
      : undefined;
  const image =
    choice !== null && images.includes(choice)
      ? choice
      : pickDefault(images, currentImage, suggestedImage);
  const button = (verb: SimpleVerb | 'undo') => (
    <button
      key={verb}
      type="button"
      className={`action action-${verb}${suggested === verb ? ' suggested' : ''}`}
      disabled={!can[verb]}
      title={t(`action.hint.${verb}` as MessageKey)}
      onClick={() => (verb === 'undo' ? onAction(verb, undoRevision) : onAction(verb))}
    >
      {t(`action.${verb}` as MessageKey)}
    </button>
  );
  return (
    <div className="action-bar" role="group" aria-label={t('action.group')}>
      <div className="action-main">{VERBS.map(button)}</div>
      <div className="action-image">
        <label htmlFor="image-select">{t('action.image')}</label>
        <select id="image-select" value={image} onChange={(e) => setChoice(e.target.value)}>
          {images.map((i) => (
            <option key={i} value={i}>
              {i === currentImage
                ? t('action.currentImage', { image: shortImage(i) })
                : shortImage(i)}
            </option>
          ))}
        </select>
        <button
          type="button"
          className={`action action-setImage${suggested === 'setImage' ? ' suggested' : ''}`}
          disabled={!can.setImage || image === ''}
          title={t('action.hint.setImage')}
          onClick={() => onSetImage(image)}
        >
          {t('action.setImage')}
        </button>
        <label htmlFor="undo-select" className="visually-hidden">
          {t('action.undoTarget')}
        </label>
        <select
          id="undo-select"
          value={undoRevision === undefined ? '' : String(undoRevision)}
          onChange={(e) => setUndoTo(e.target.value)}
        >
          <option value="">{t('action.undoPrevious')}</option>
          {undoTargets.map((u) => (
            <option key={u.revision} value={String(u.revision)}>
              {t('action.undoRevision', { revision: u.revision, image: shortImage(u.image) })}
            </option>
          ))}
        </select>
        {button('undo')}
      </div>
    </div>
  );
}
