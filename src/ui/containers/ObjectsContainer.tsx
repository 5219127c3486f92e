/** The Objects panel: every object of the frame on screen, picked by kind, shown as YAML. */
import type { KubeObject } from '../../model';
import { useFrame } from '../hooks/useSim';
import { useT } from '../i18n';
import { ObjectsPanel } from '../objects/ObjectsPanel';
import { RichText } from '../components/RichText';

const NONE: readonly never[] = [];

/** ObjectsContainer feeds ObjectsPanel with the current frame's objects. */
export function ObjectsContainer() {
  const t = useT();
  const frame = useFrame();
  return (
    <section className="panel objects-view" aria-labelledby="objects-title">
      <h2 id="objects-title">{t('objects.heading')}</h2>
      <p className="panel-note">
        <RichText text={t('objects.intro')} />
      </p>
      {/* Frames hold the cluster's objects; every one has apiVersion and kind. */}
      <ObjectsPanel objects={(frame?.objects ?? NONE) as readonly KubeObject[]} />
    </section>
  );
}
