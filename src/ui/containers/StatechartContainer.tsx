/**
 * The Statechart tab (loaded lazily): the rollout actor's machine as the store describes it, its
 * current state lit and its last transition flashing. The layout of the rollout machine is
 * precomputed (scripts/genStatechartLayout.ts), so elkjs is only loaded if the machine ever
 * differs from the one laid out.
 */
import { useMemo } from 'react';
import type { MachineDescription } from '../../store';
import { useFrame, useSim } from '../hooks/useSim';
import { useLang, useT } from '../i18n';
import Statechart from '../statechart/Statechart';
import type { StatechartLayout } from '../statechart/layout';
import layouts from '../statechart/rolloutLayout.json';

const LAYOUTS = layouts as Record<string, StatechartLayout>;

/** fits tells whether a precomputed layout draws exactly this description's boxes. */
function fits(description: MachineDescription, layout: StatechartLayout | undefined): boolean {
  if (!layout) return false;
  const ids = new Set([description.id, ...description.states.map((s) => s.id)]);
  return layout.nodes.every((n) => ids.has(n.id)) && layout.nodes.length >= ids.size - 1;
}

/** StatechartContainer connects the statechart to the store. */
export default function StatechartContainer() {
  const t = useT();
  const lang = useLang();
  const description = useSim((s) => s.statechart);
  const frame = useFrame();
  const name = frame?.rollouts[0];
  const view = name !== undefined ? frame?.machine[name] : undefined;
  const layout = useMemo(
    () => (description && fits(description, LAYOUTS[lang]) ? LAYOUTS[lang] : undefined),
    [description, lang],
  );
  return (
    <section className="panel statechart-view" aria-labelledby="statechart-title">
      <h2 id="statechart-title">
        {t('statechart.title')}
        {name ? <span className="panel-sub"> · {name}</span> : null}
      </h2>
      <p className="panel-note">{t('statechart.intro')}</p>
      {description ? (
        <Statechart
          description={description}
          activeStateId={view?.state || view?.phase || undefined}
          lastTransition={view?.lastTransition ?? undefined}
          layout={layout}
        />
      ) : (
        <p>{t('statechart.none')}</p>
      )}
    </section>
  );
}
