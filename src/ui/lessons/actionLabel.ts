/** actionLabel: a lesson action's name in the current language. Pure. */
import type { Translate } from '../i18n/t';
import type { LessonAction } from './lessons';

/** actionLabel names a lesson action (`Promote`, `Set image argoproj/rollouts-demo:yellow`). */
export function actionLabel(action: LessonAction, t: Translate): string {
  return action.kind === 'setImage'
    ? t('action.setImageTo', { image: action.image ?? '' })
    : t(`action.${action.kind}`);
}
