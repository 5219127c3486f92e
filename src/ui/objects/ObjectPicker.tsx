/**
 * ObjectPicker: the cluster's objects grouped by kind (Rollout, ReplicaSet, Pod, Service, traffic
 * router objects, AnalysisRun, other) with a count per group; one button per object.
 * Presentational: the page owns the selection.
 */
import type { KubeObject } from '../../model';
import { useT } from '../i18n/context';
import { groupObjects, objectKey } from './groups';
import './objects.css';

export interface ObjectPickerProps {
  /** Every object to offer (a frame's objects). */
  readonly objects: readonly KubeObject[];
  /** Key (`Kind/namespace/name`, see objectKey) of the selected object. */
  readonly selected?: string;
  /** Called with the key of the object picked. */
  readonly onSelect: (key: string) => void;
}

/** ObjectPicker renders one labelled list per non-empty group. */
export function ObjectPicker({ objects, selected, onSelect }: ObjectPickerProps) {
  const t = useT();
  const groups = groupObjects(objects);
  return (
    <nav className="rl-picker" aria-label={t('objects.picker.label')}>
      {groups.length === 0 ? <p className="rl-picker__empty">{t('objects.empty')}</p> : null}
      {groups.map(({ group, objects: members }) => {
        const headingId = `rl-picker-${group}`;
        return (
          <section key={group} className="rl-picker__group" aria-labelledby={headingId}>
            <h4 id={headingId} className="rl-picker__heading">
              {t(`objects.group.${group}`)}{' '}
              <span className="rl-picker__count">({members.length})</span>
            </h4>
            <ul>
              {members.map((o) => {
                const key = objectKey(o);
                const showKind = group === 'Traffic' || group === 'Other';
                return (
                  <li key={key}>
                    <button
                      type="button"
                      className="rl-picker__item"
                      aria-current={key === selected ? 'true' : undefined}
                      // The kind is visible only where a group mixes kinds, but always spoken.
                      aria-label={`${o.kind} ${o.metadata?.name ?? ''}`}
                      onClick={() => onSelect(key)}
                    >
                      {showKind ? <span className="rl-picker__kind">{o.kind} </span> : null}
                      {o.metadata?.name ?? ''}
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </nav>
  );
}

export default ObjectPicker;
