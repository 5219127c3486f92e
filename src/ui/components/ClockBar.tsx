import type { Speed } from '../../store';
import { formatClock, useT } from '../i18n';

export interface ClockBarProps {
  /** The presentation clock runs. */
  readonly playing: boolean;
  /** Virtual seconds per wall second. */
  readonly speed: Speed;
  /** The speeds offered. */
  readonly speeds: readonly Speed[];
  /** Virtual time of the frame on screen, in ms. */
  readonly t: number;
  /** Something will happen by itself (Next event has somewhere to go). */
  readonly hasNext: boolean;
  /** Recorded frames on the timeline. */
  readonly frames: number;
  /** Index of the frame on screen. */
  readonly cursor: number;
  /** Virtual time of each recorded frame (for the slider's spoken value). */
  readonly frameTime: (index: number) => number;
  /** The script performs its operator verbs itself. */
  readonly autoplay: boolean;
  readonly onPlay: () => void;
  readonly onStop: () => void;
  readonly onSpeed: (speed: Speed) => void;
  readonly onNext: () => void;
  readonly onScrub: (index: number) => void;
  readonly onAutoplay: (on: boolean) => void;
}

/** ClockBar drives virtual time: Play/Stop clock, speed, Next event, the timeline slider and Autoplay. */
export function ClockBar(p: ClockBarProps) {
  const t = useT();
  const live = p.cursor >= p.frames - 1;
  const max = Math.max(0, p.frames - 1);
  return (
    <div className="clock-bar" role="group" aria-label={t('clock.group')}>
      <div className="clock-buttons">
        {p.playing ? (
          <button type="button" className="clock-play playing" onClick={p.onStop}>
            <span aria-hidden="true">■ </span>
            {t('clock.stop')}
          </button>
        ) : (
          <button type="button" className="clock-play" onClick={p.onPlay}>
            <span aria-hidden="true">▶ </span>
            {t('clock.play')}
          </button>
        )}
        <button type="button" onClick={p.onNext} disabled={!p.hasNext}>
          <span aria-hidden="true">» </span>
          {t('clock.next')}
        </button>
        <span className="speed" role="group" aria-label={t('clock.speed')}>
          {p.speeds.map((s) => (
            <button
              key={s}
              type="button"
              aria-pressed={s === p.speed}
              aria-label={`${t('clock.speed')} ${t('clock.speedOption', { speed: s })}`}
              onClick={() => p.onSpeed(s)}
            >
              {t('clock.speedOption', { speed: s })}
            </button>
          ))}
        </span>
        <label className="autoplay">
          <input
            type="checkbox"
            checked={p.autoplay}
            onChange={(e) => p.onAutoplay(e.target.checked)}
          />
          {t('clock.autoplay')}
        </label>
      </div>
      <div className="timeline">
        <output className="clock-now" aria-live="off">
          {t('clock.now', { time: formatClock(p.t) })}
        </output>
        <input
          type="range"
          aria-label={t('clock.timeline')}
          min={0}
          max={max}
          step={1}
          value={Math.min(p.cursor, max)}
          aria-valuetext={t('clock.timelineValue', {
            time: formatClock(p.frameTime(p.cursor)),
            frame: p.cursor + 1,
            frames: p.frames,
          })}
          disabled={p.frames < 2}
          onChange={(e) => p.onScrub(Number(e.target.value))}
        />
        {live ? (
          <span className="live-badge">{t('clock.live')}</span>
        ) : (
          <button type="button" className="replay-badge" onClick={() => p.onScrub(max)}>
            {t('clock.replay')} · {t('clock.backToLive')}
          </button>
        )}
      </div>
    </div>
  );
}
