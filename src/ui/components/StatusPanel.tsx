import type { Msg, StatusText } from '../../store';
import { shortImage, useT, useTm } from '../i18n';
import { colourOf } from '../viz/colours';
import { RichText } from './RichText';

export interface StatusPanelProps {
  /** The rollout's status as the plugin prints it (undefined: no rollout). */
  readonly status: StatusText | undefined;
  /** What the rollout waits for, as a message. */
  readonly waiting: Msg;
}

/** Phase icons after the dashboard's (ux-anchors a); ‖ stands in for the plugin's ॥, which many fonts lack. */
const PHASE_ICON: Record<string, string> = {
  Healthy: '✔',
  Paused: '‖',
  Progressing: '◌',
  Degraded: '✖',
};

/** StatusPanel is the "Rollout status" region: phase, message, Step i/n, SetWeight, ActualWeight and what it waits for. */
export function StatusPanel({ status, waiting }: StatusPanelProps) {
  const t = useT();
  const tm = useTm();
  return (
    <section className="panel status-panel" role="region" aria-label={t('status.region')}>
      {status ? (
        <>
          <div className={`phase phase-${status.phase}`}>
            <span className="phase-icon" aria-hidden="true">
              {PHASE_ICON[status.phase] ?? '?'}
            </span>
            <span className="phase-name">{status.phase}</span>
            <span className="rollout-name">{status.name}</span>
          </div>
          {(status.step || status.setWeight || status.actualWeight) && (
            <dl className="status-tiles">
              {(
                [
                  ['status.step', status.step],
                  ['status.setWeight', status.setWeight],
                  ['status.actualWeight', status.actualWeight],
                ] as const
              )
                .filter(([, value]) => value !== '')
                .map(([key, value]) => (
                  <div key={key} className="tile">
                    <dt>{t(key)} </dt>
                    <dd>{value}</dd>
                  </div>
                ))}
            </dl>
          )}
          <dl className="status-list">
            {status.message && (
              <>
                <dt>{t('status.message')} </dt>
                <dd className="status-message">{status.message}</dd>
              </>
            )}
            <dt>{t('status.strategy')} </dt>
            <dd>{status.strategy || '—'}</dd>
            <dt>{t('status.images')} </dt>
            <dd>
              {status.images.map((image) => (
                <span key={image} className="image-chip">
                  <span
                    className="swatch"
                    style={{ background: colourOf(image).fill }}
                    aria-hidden="true"
                  />
                  {shortImage(image)}
                </span>
              ))}
            </dd>
            <dt>{t('status.replicas')} </dt>
            <dd>
              {t('status.replicasValue', {
                ready: status.ready,
                desired: status.desired,
                updated: status.updated,
              })}
            </dd>
          </dl>
        </>
      ) : (
        <p>{t('app.noScenario')}</p>
      )}
      {status && (
        <p className="waiting-for">
          <span className="waiting-label">{t('status.waitingFor')}: </span>
          <RichText text={tm(waiting)} />
        </p>
      )}
    </section>
  );
}
