import type { ReactNode } from 'react';
import type { TrafficView } from '../../store';
import { shortImage, useT, type MessageKey } from '../i18n';
import { colourOf } from '../viz/colours';
import { layoutBar, weightX } from '../viz/traffic';

export interface TrafficPanelProps {
  /** The traffic split per version and the desired/observed canary weight. */
  readonly traffic: TrafficView;
  /** Shown at the end of the panel (the request animation). */
  readonly children?: ReactNode;
}

const WIDTH = 600;
const BAR_Y = 18;
const BAR_H = 34;

/** TrafficPanel draws production traffic per version (colour = image) with SetWeight vs ActualWeight. */
export function TrafficPanel({ traffic, children }: TrafficPanelProps) {
  const t = useT();
  // The newest version on the left, so a growing canary weight grows left to right.
  const slices = [...traffic.slices].sort((a, b) => b.revision - a.revision);
  const segments = layoutBar(slices, WIDTH);
  const pct = (share: number) => Math.round(share * 100);
  const desired = traffic.setWeight;
  return (
    <section className="panel traffic-panel" aria-labelledby="traffic-title">
      <h2 id="traffic-title">{t('traffic.title')}</h2>
      <p className="panel-note">
        {t(`traffic.mode.${slices.length === 0 ? 'none' : traffic.mode}` as MessageKey)}
      </p>
      <svg
        className="traffic-bar"
        viewBox={`0 0 ${WIDTH} ${BAR_Y + BAR_H + 18}`}
        role="img"
        aria-label={`${t('traffic.chart')}: ${slices
          .map((s) => t('traffic.slice', { share: pct(s.share), version: shortImage(s.image) }))
          .join(', ')}`}
      >
        <rect x={0} y={BAR_Y} width={WIDTH} height={BAR_H} className="traffic-empty" rx={6} />
        {segments.map(({ item, x, width }) => {
          const colour = colourOf(item.image);
          return (
            <g key={item.revision}>
              <rect
                className="traffic-seg"
                y={BAR_Y}
                height={BAR_H}
                style={{ x, width, fill: colour.fill }}
              />
              {width > 70 && (
                <text
                  x={x + width / 2}
                  y={BAR_Y + BAR_H / 2 + 5}
                  textAnchor="middle"
                  className="traffic-label"
                  style={{ fill: colour.ink }}
                >
                  {pct(item.share)}% {shortImage(item.image)}
                </text>
              )}
            </g>
          );
        })}
        {desired !== null && desired > 0 && desired < 100 && (
          <g className="traffic-marker" transform={`translate(${weightX(desired, WIDTH)},0)`}>
            <path d={`M-6,${BAR_Y - 12} L6,${BAR_Y - 12} L0,${BAR_Y - 3} Z`} />
            <line y1={BAR_Y - 3} y2={BAR_Y + BAR_H + 4} />
          </g>
        )}
        {[0, 25, 50, 75, 100].map((w) => (
          <text
            key={w}
            x={weightX(w, WIDTH)}
            y={BAR_Y + BAR_H + 15}
            textAnchor={w === 0 ? 'start' : w === 100 ? 'end' : 'middle'}
            className="traffic-tick"
          >
            {w}%
          </text>
        ))}
      </svg>
      <ul className="traffic-legend">
        {slices.map((s) => (
          <li key={s.revision}>
            <span
              className="swatch"
              style={{ background: colourOf(s.image).fill }}
              aria-hidden="true"
            />
            {t('traffic.sliceRole', {
              share: pct(s.share),
              version: shortImage(s.image),
              role: t(`role.${s.role}` as MessageKey),
            })}
          </li>
        ))}
      </ul>
      {(traffic.setWeight !== null || traffic.actualWeight !== null) && (
        <p className="weights">
          {traffic.setWeight !== null && (
            <span className="weight-desired">
              <span className="marker-key" aria-hidden="true">
                ▼
              </span>{' '}
              {t('traffic.desired', { weight: traffic.setWeight })}
            </span>
          )}
          {traffic.actualWeight !== null && (
            <span className="weight-actual">
              {t('traffic.actual', { weight: traffic.actualWeight })}
            </span>
          )}
        </p>
      )}
      {traffic.preview && (
        <p className="traffic-preview">
          <span
            className="swatch"
            style={{ background: colourOf(traffic.preview.image).fill }}
            aria-hidden="true"
          />
          {t('traffic.preview', {
            version: shortImage(traffic.preview.image),
            revision: traffic.preview.revision,
          })}
        </p>
      )}
      {children}
    </section>
  );
}
