import type { StepsView } from '../../store';
import { formatSeconds, useT, useTm, type MessageKey } from '../i18n';
import { ringPath } from '../viz/countdown';

export interface StepsPanelProps {
  /** The canary steps (or blue-green stages) with the current one and pause countdowns. */
  readonly steps: StepsView;
}

const STATE_MARK = { complete: '✓', current: '▶', pending: '' } as const;

/** StepsPanel lists the strategy's steps, highlights the current one and counts down timed pauses. */
export function StepsPanel({ steps }: StepsPanelProps) {
  const t = useT();
  const tm = useTm();
  return (
    <section className="panel steps-panel" aria-labelledby="steps-title">
      <h2 id="steps-title">
        {t('steps.title')}
        {steps.strategy && <span className="panel-sub"> · {steps.strategy}</span>}
      </h2>
      {steps.steps.length === 0 ? (
        <p className="panel-note">{t('steps.none')}</p>
      ) : (
        <ol className="steps">
          {steps.steps.map((s) => {
            const pause = s.pause;
            return (
              <li
                key={s.index}
                className={`step step-${s.state}`}
                aria-current={s.state === 'current' ? 'step' : undefined}
              >
                <span className="step-mark" aria-hidden="true">
                  {STATE_MARK[s.state] || s.index + 1}
                </span>
                <span className="step-body">
                  {s.code ? <code>{s.code}</code> : s.label ? tm(s.label) : ''}
                  <span className="visually-hidden"> ({t(`steps.${s.state}` as MessageKey)})</span>
                  {s.state === 'current' &&
                    pause &&
                    pause.remainingMs !== null &&
                    pause.durationMs && (
                      <span className="step-countdown">
                        <svg width="18" height="18" viewBox="-9 -9 18 18" aria-hidden="true">
                          <circle r="8" className="countdown-track" />
                          <path
                            d={ringPath(pause.remainingMs / pause.durationMs, 8, 3)}
                            className="countdown-arc"
                          />
                        </svg>
                        {t('steps.left', { seconds: formatSeconds(pause.remainingMs) })}
                      </span>
                    )}
                  {s.state === 'current' && pause && pause.durationMs === null && (
                    <span className="step-wait">{t('steps.waitsForPromote')}</span>
                  )}
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
