/**
 * ObjectsPanel: the picker and the YAML side by side, keeping the selection itself (it falls back
 * to the first Rollout when the selected object disappears). The page only supplies objects.
 */
import { useState } from 'react';
import type { KubeObject } from '../../model';
import { useT } from '../i18n/context';
import { groupObjects, objectKey } from './groups';
import { ObjectPicker } from './ObjectPicker';
import { ObjectYaml } from './ObjectYaml';
import './objects.css';

export interface ObjectsPanelProps {
  /** Every object of the frame on screen. */
  readonly objects: readonly KubeObject[];
  /** Key of the object selected first (defaults to the first object in picker order). */
  readonly initialSelected?: string;
}

/** ObjectsPanel renders a heading, the picker and the selected object's YAML. */
export function ObjectsPanel({ objects, initialSelected }: ObjectsPanelProps) {
  const t = useT();
  const [selected, setSelected] = useState<string | undefined>(initialSelected);
  const current =
    objects.find((o) => objectKey(o) === selected) ?? groupObjects(objects)[0]?.objects[0];
  return (
    <section className="rl-objects" aria-label={t('objects.heading')}>
      <ObjectPicker
        objects={objects}
        selected={current ? objectKey(current) : undefined}
        onSelect={setSelected}
      />
      <div className="rl-objects__yaml">
        <ObjectYaml object={current ?? null} />
      </div>
    </section>
  );
}

export default ObjectsPanel;
