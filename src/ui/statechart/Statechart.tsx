/**
 * Statechart: draws the rollout machine as SVG boxes and labelled edges, lights the active state
 * (with its phase tag) and flashes the last transition. Layout comes from elkjs, loaded lazily, or
 * from the `layout` prop (tests, stories, a cached layout). Heavy: mount with React.lazy.
 * Rule: presentational; the machine arrives as plain JSON (describe.ts), never as an import.
 */
import { useEffect, useId, useState } from 'react';
import { useT } from '../i18n/context';
import type { Translate } from '../i18n/t';
import { litTransitions, resolveStateId, transitionKey } from './describe';
import type { LastTransition, MachineDescription, TransitionDescription } from './describe';
import type { LayoutEdge, LayoutNode, StatechartLayout } from './layout';
import './statechart.css';

export interface StatechartProps {
  /** The machine to draw (from `describeMachine`). */
  readonly description: MachineDescription;
  /** The active state: a full id (`rollout.Paused`), a key (`Paused`) or a phase tag. */
  readonly activeStateId?: string;
  /** The last transition taken; its edge(s) flash. Change `at` to flash a repeat. */
  readonly lastTransition?: LastTransition;
  /** A precomputed layout; without it the component lays out with elkjs on mount. */
  readonly layout?: StatechartLayout;
}

const PHASES = ['Progressing', 'Paused', 'Healthy', 'Degraded'];

function phaseClass(tags: readonly string[]): string {
  const phase = tags.find((tag) => PHASES.includes(tag));
  return phase ? ` rl-sc-node--${phase.toLowerCase()}` : '';
}

function labelLine(t: TransitionDescription, translate: Translate): string {
  if (t.event === 'always') return t.guard ? `[${t.guard}]` : translate('statechart.always');
  return t.guard ? `${t.event} [${t.guard}]` : t.event;
}

function pathOf(edge: LayoutEdge): string {
  return edge.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x} ${p.y}`).join(' ');
}

/** Statechart renders the figure: chart, the handled-in-place events, and a screen-reader list. */
export function Statechart({
  description,
  activeStateId,
  lastTransition,
  layout,
}: StatechartProps) {
  const t = useT();
  const markerId = `rl-sc-arrow-${useId().replace(/:/g, '')}`;
  const [computed, setComputed] = useState<{
    for: MachineDescription;
    layout?: StatechartLayout;
    error?: string;
  } | null>(null);
  const rootLabel = t('statechart.anyState');

  useEffect(() => {
    if (layout) return;
    let live = true;
    import('./layout')
      .then((m) => m.layoutMachine(description, rootLabel))
      .then(
        (l) => live && setComputed({ for: description, layout: l }),
        (e: unknown) =>
          live &&
          setComputed({ for: description, error: e instanceof Error ? e.message : String(e) }),
      );
    return () => {
      live = false;
    };
  }, [description, layout, rootLabel]);

  const shown = layout ?? (computed?.for === description ? computed.layout : undefined);
  const error = !layout && computed?.for === description ? computed.error : undefined;

  const active = resolveStateId(description, activeStateId);
  const activeState = description.states.find((s) => s.id === active);
  const phase = activeState?.tags.find((tag) => PHASES.includes(tag)) ?? activeState?.tags[0];
  const lit = new Set(litTransitions(description, lastTransition).map(transitionKey));
  const nameOf = (id: string) =>
    id === description.id ? rootLabel : (description.states.find((s) => s.id === id)?.label ?? id);
  const summary = activeState
    ? t('statechart.label', { state: activeState.label, phase: phase ?? t('statechart.noTags') })
    : t('statechart.labelNoActive');
  const moving = description.transitions.filter((tr) => tr.from !== tr.to);
  const inPlace = description.transitions.filter((tr) => tr.from === tr.to);
  const flashKey = lastTransition
    ? `${lastTransition.from}>${lastTransition.to}:${lastTransition.event}@${lastTransition.at ?? ''}`
    : '';

  const renderNode = (node: LayoutNode) => {
    const isRoot = node.id === description.id;
    const state = description.states.find((s) => s.id === node.id);
    const tags = state?.tags ?? [];
    const isActive = node.id === active;
    const cls =
      `rl-sc-node${isRoot ? ' rl-sc-node--root' : ''}${state?.transient ? ' rl-sc-node--transient' : ''}` +
      `${phaseClass(tags)}${isActive ? ' is-active' : ''}`;
    return (
      <g
        key={node.id}
        className={cls}
        data-state-id={node.id}
        transform={`translate(${node.x} ${node.y})`}
      >
        <rect width={node.width} height={node.height} rx={isRoot ? 4 : 12} />
        <text
          className="rl-sc-node__label"
          x={node.width / 2}
          y={isActive && tags.length > 0 ? 20 : 29}
        >
          {nameOf(node.id)}
        </text>
        {isActive && tags.length > 0 ? (
          <text className="rl-sc-node__tag" x={node.width / 2} y={37}>
            {t('statechart.phaseTag', { tag: tags.join(', ') })}
          </text>
        ) : null}
        {description.initial === node.id ? (
          <circle className="rl-sc-initial" cx={-8} cy={node.height / 2} r={4}>
            <title>{t('statechart.initial')}</title>
          </circle>
        ) : null}
      </g>
    );
  };

  const renderEdge = (edge: LayoutEdge) => {
    const isLit = edge.transitions.some((tr) => lit.has(transitionKey(tr)));
    return (
      <g
        key={isLit ? `${edge.id}@${flashKey}` : edge.id}
        className={`rl-sc-edge${isLit ? ' is-flashing' : ''}`}
        data-edge-id={edge.id}
      >
        <path d={pathOf(edge)} markerEnd={`url(#${markerId})`} />
        {edge.label ? (
          <text className="rl-sc-edge__label" x={edge.label.x} y={edge.label.y}>
            {edge.transitions.map((tr, i) => (
              <tspan key={transitionKey(tr)} x={edge.label!.x} dy={i === 0 ? 12 : 14}>
                {labelLine(tr, t)}
              </tspan>
            ))}
          </text>
        ) : null}
      </g>
    );
  };

  return (
    <figure className="rl-statechart">
      {shown ? (
        <svg
          role="img"
          aria-label={summary}
          viewBox={`0 0 ${shown.width} ${shown.height}`}
          width={shown.width}
          height={shown.height}
          className="rl-sc-svg"
        >
          <defs>
            <marker
              id={markerId}
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="9"
              markerHeight="9"
              markerUnits="userSpaceOnUse"
              orient="auto-start-reverse"
            >
              <path d="M0 0 L10 5 L0 10 z" className="rl-sc-arrow" />
            </marker>
          </defs>
          {shown.edges.map(renderEdge)}
          {shown.nodes.map(renderNode)}
        </svg>
      ) : (
        <p role="status" className="rl-sc-loading" aria-label={summary}>
          {error ? t('statechart.layoutFailed', { message: error }) : t('statechart.loading')}
        </p>
      )}
      {inPlace.length > 0 ? (
        <div className="rl-sc-handled" aria-hidden="true">
          <span className="rl-sc-handled__title">{t('statechart.handled')}</span>
          <ul>
            {inPlace.map((tr) => (
              <li key={transitionKey(tr)}>{labelLine(tr, t)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {lastTransition ? (
        <figcaption className="rl-sc-last" aria-live="polite">
          {t('statechart.last', {
            from: nameOf(resolveStateId(description, lastTransition.from) ?? lastTransition.from),
            to: nameOf(resolveStateId(description, lastTransition.to) ?? lastTransition.to),
            event: lastTransition.event,
          })}
        </figcaption>
      ) : null}
      <div className="rl-visually-hidden">
        <h4>{t('statechart.states')}</h4>
        <ul>
          {description.states.map((s) => (
            <li key={s.id}>
              {t(s.id === active ? 'statechart.stateActive' : 'statechart.stateItem', {
                state: s.label,
                tags: s.tags.length > 0 ? s.tags.join(', ') : t('statechart.noTags'),
              })}
            </li>
          ))}
        </ul>
        <h4>{t('statechart.transitions')}</h4>
        <ul>
          {[...moving, ...inPlace].map((tr) => {
            const event = tr.guard
              ? t('statechart.guarded', {
                  event: tr.event === 'always' ? t('statechart.always') : tr.event,
                  guard: tr.guard,
                })
              : tr.event === 'always'
                ? t('statechart.always')
                : tr.event;
            return (
              <li key={transitionKey(tr)}>
                {tr.from === tr.to
                  ? t('statechart.selfItem', { event, from: nameOf(tr.from) })
                  : t('statechart.transitionItem', {
                      from: nameOf(tr.from),
                      to: nameOf(tr.to),
                      event,
                    })}
              </li>
            );
          })}
        </ul>
      </div>
    </figure>
  );
}

export default Statechart;
