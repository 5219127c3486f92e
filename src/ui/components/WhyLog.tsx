import type { LogEntry } from '../../store';
import { formatClock, useT, useTm } from '../i18n';
import { RichText } from './RichText';

export interface WhyLogProps {
  /** Narrated events, newest first. */
  readonly entries: readonly LogEntry[];
  /** Show at most this many (default 80). */
  readonly limit?: number;
}

/** WhyLog is the narrated event log: what the controller did and why, with Argo's own reason and message. */
export function WhyLog({ entries, limit = 80 }: WhyLogProps) {
  const t = useT();
  const tm = useTm();
  return (
    <section className="panel why-panel" aria-labelledby="why-title">
      <h2 id="why-title">{t('why.title')}</h2>
      {entries.length === 0 ? (
        <p className="panel-note">{t('why.empty')}</p>
      ) : (
        <ol className="why-log">
          {entries.slice(0, limit).map((e) => (
            <li key={e.seq} className={`why why-${e.kind} why-${e.type}`}>
              <time className="why-time">{formatClock(e.t)}</time>
              <span className="why-text">
                {e.type === 'Warning' && (
                  <span className="why-warn" aria-hidden="true">
                    ⚠{' '}
                  </span>
                )}
                <RichText text={tm(e.why)} />
                {e.kind === 'event' && (
                  <small className="why-raw">
                    {e.reason}: {e.message}
                  </small>
                )}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
