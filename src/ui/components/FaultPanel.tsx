import type { VersionFault } from '../../store';
import { shortImage, useT } from '../i18n';
import { colourOf } from '../viz/colours';

export interface FaultPanelProps {
  /** Current behaviour per image: error rate 0..1 and median latency in ms. */
  readonly faults: Readonly<Record<string, VersionFault>>;
  /** Changes an image's behaviour from now on. */
  readonly onChange: (image: string, fault: Partial<VersionFault>) => void;
}

/** FaultPanel is rollouts-demo's sliders: per version, an error rate and a latency that take effect at once. */
export function FaultPanel({ faults, onChange }: FaultPanelProps) {
  const t = useT();
  const images = Object.keys(faults);
  if (images.length === 0) return null;
  return (
    <section className="panel fault-panel" aria-labelledby="faults-title">
      <h2 id="faults-title">{t('faults.title')}</h2>
      <p className="panel-hint">{t('faults.hint')}</p>
      <ul className="fault-list">
        {images.map((image) => {
          const f = faults[image];
          const id = `fault-${image.replace(/[^a-z0-9]/gi, '-')}`;
          const errors = Math.round(f.errorRate * 100);
          return (
            <li key={image} className="fault-row">
              <span
                className="fault-swatch"
                style={{ background: colourOf(image).fill }}
                aria-hidden="true"
              />
              <span className="fault-image">{shortImage(image)}</span>
              <label htmlFor={`${id}-err`} className="visually-hidden">
                {t('faults.errorRate', { image: shortImage(image) })}
              </label>
              <input
                id={`${id}-err`}
                type="range"
                min={0}
                max={100}
                step={1}
                value={errors}
                aria-valuetext={t('faults.errorRateValue', { value: errors })}
                onChange={(e) => onChange(image, { errorRate: Number(e.target.value) / 100 })}
              />
              <output htmlFor={`${id}-err`}>{t('faults.errorRateValue', { value: errors })}</output>
              <label htmlFor={`${id}-lat`} className="visually-hidden">
                {t('faults.latency', { image: shortImage(image) })}
              </label>
              <input
                id={`${id}-lat`}
                type="range"
                min={5}
                max={2000}
                step={5}
                value={f.latencyMs}
                aria-valuetext={t('faults.latencyValue', { value: f.latencyMs })}
                onChange={(e) => onChange(image, { latencyMs: Number(e.target.value) })}
              />
              <output htmlFor={`${id}-lat`}>
                {t('faults.latencyValue', { value: f.latencyMs })}
              </output>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
