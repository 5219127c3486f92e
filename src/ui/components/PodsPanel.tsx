import type { PodLifecycle, PodView, RevisionGroup } from '../../store';
import { formatSeconds, shortImage, useT, type MessageKey } from '../i18n';
import { colourOf } from '../viz/colours';
import { ringPath } from '../viz/countdown';

export interface PodsPanelProps {
  /** The rollout's ReplicaSets, newest revision first, each with its pods. */
  readonly groups: readonly RevisionGroup[];
  /** The default scale-down delay, to draw the countdown ring as a fraction (ms). */
  readonly scaleDownDelayMs?: number;
}

/** The mark drawn on a pod square, so the state reads without colour. */
const MARK: Record<PodLifecycle, string> = {
  pending: '…',
  creating: '◌',
  notready: '◔',
  ready: '✓',
  terminating: '↓',
  crashloop: '✖',
  imagepull: '⚠',
  failed: '✖',
  completed: '■',
  unknown: '?',
};

const FAILING = new Set<PodLifecycle>(['crashloop', 'imagepull', 'failed']);

function PodSquare({ pod }: { pod: PodView }) {
  const t = useT();
  const colour = colourOf(pod.image);
  const label = t('pods.pod', {
    name: pod.name,
    status: pod.status,
    ready: pod.ready,
    image: shortImage(pod.image),
  });
  return (
    <li
      className={`pod pod-${pod.state}${FAILING.has(pod.state) ? ' pod-failing' : ''}`}
      style={{
        ['--pod-fill' as string]: colour.fill,
        ['--pod-stroke' as string]: colour.stroke,
        ['--pod-ink' as string]: colour.ink,
      }}
      title={label}
      aria-label={label}
      data-state={pod.state}
      data-image={shortImage(pod.image)}
    >
      <span className="pod-mark" aria-hidden="true">
        {MARK[pod.state]}
      </span>
      <span className="pod-state" aria-hidden="true">
        {t(`short.${pod.state}` as MessageKey)}
      </span>
    </li>
  );
}

function Countdown({ remainingMs, totalMs }: { remainingMs: number; totalMs: number }) {
  const t = useT();
  return (
    <span className="countdown">
      <svg width="16" height="16" viewBox="-8 -8 16 16" aria-hidden="true">
        <circle r="7" className="countdown-track" />
        <path d={ringPath(remainingMs / totalMs, 7, 3)} className="countdown-arc" />
      </svg>
      {t('pods.scaleDown', { seconds: formatSeconds(remainingMs) })}
    </span>
  );
}

/** PodsPanel shows pods grouped by revision/ReplicaSet, coloured by image, with role tags and scale-down countdowns. */
export function PodsPanel({ groups, scaleDownDelayMs = 30_000 }: PodsPanelProps) {
  const t = useT();
  return (
    <section className="panel pods-panel" aria-labelledby="pods-title">
      <h2 id="pods-title">{t('pods.title')}</h2>
      <p className="panel-note">{t('pods.legend')}</p>
      <ul className="revisions">
        {groups.map((g) => {
          const colour = colourOf(g.image);
          return (
            <li
              key={g.replicaSet}
              className={`revision revision-${g.status}`}
              aria-label={`${t('pods.revision', { revision: g.revision })} ${g.replicaSet}`}
            >
              <div className="revision-head">
                <span className="swatch" style={{ background: colour.fill }} aria-hidden="true" />
                <strong>{t('pods.revision', { revision: g.revision })}</strong>
                <span className="image-tag">{shortImage(g.image)}</span>
                {g.roles.map((r) => (
                  <span key={r} className={`role role-${r}`}>
                    {t(`role.${r}` as MessageKey)}
                  </span>
                ))}
                <span className="rs-name" title={g.replicaSet}>
                  {g.replicaSet}
                </span>
                <span className="rs-count">
                  {t('pods.ready', { available: g.available, desired: g.desired })}
                </span>
                <span className={`rs-status rs-${g.status}`}>{g.status}</span>
                {g.scaleDownInMs !== null && (
                  <Countdown
                    remainingMs={g.scaleDownInMs}
                    totalMs={Math.max(scaleDownDelayMs, g.scaleDownInMs)}
                  />
                )}
              </div>
              {g.pods.length > 0 ? (
                <ul className="pod-strip">
                  {g.pods.map((p) => (
                    <PodSquare key={p.name} pod={p} />
                  ))}
                </ul>
              ) : (
                <p className="no-pods">{t('pods.noPods')}</p>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
