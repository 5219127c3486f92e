/**
 * Lays out a MachineDescription with elkjs (layered, top to bottom) into plain boxes and polylines.
 * `graphFor` is pure (tested without elk); `layoutMachine` runs elk's pure-JS bundle, which
 * answers with a Promise: fine in the UI, never in core. Loaded lazily by the Statechart.
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import { transitionKey } from './describe';
import type { MachineDescription, TransitionDescription } from './describe';

/** A laid-out state box (top-left corner, size). */
export interface LayoutNode {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A point in the layout's coordinates. */
export interface LayoutPoint {
  readonly x: number;
  readonly y: number;
}

/** A laid-out edge: every transition between the same two states shares one. */
export interface LayoutEdge {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  /** The transitions this edge stands for, one label line each. */
  readonly transitions: readonly TransitionDescription[];
  /** Polyline from the source box to the target box. */
  readonly points: readonly LayoutPoint[];
  /** Where the label block goes (top-left corner and size). */
  readonly label?: LayoutNode;
}

/** StatechartLayout is everything the component needs to draw. Plain JSON. */
export interface StatechartLayout {
  readonly width: number;
  readonly height: number;
  readonly nodes: readonly LayoutNode[];
  readonly edges: readonly LayoutEdge[];
}

/** Sizes used for text measurement; a monospace-ish estimate keeps layout free of the DOM. */
export const METRICS = {
  charWidth: 7.2,
  labelCharWidth: 6.4,
  lineHeight: 14,
  nodePaddingX: 28,
  nodeHeight: 48,
  minNodeWidth: 96,
} as const;

/** edgeLabelLine is how one transition reads on an edge: the event, or `[guard]` for `always`. */
export function edgeLabelLine(t: TransitionDescription): string {
  if (t.event === 'always') return t.guard ? `[${t.guard}]` : 'always';
  return t.guard ? `${t.event} [${t.guard}]` : t.event;
}

/** nodeIds lists the boxes to draw: the root (when edges leave it) and every state. */
export function nodeIds(description: MachineDescription): string[] {
  const moving = description.transitions.filter((t) => t.from !== t.to);
  const fromRoot = moving.some((t) => t.from === description.id || t.to === description.id);
  return [...(fromRoot ? [description.id] : []), ...description.states.map((s) => s.id)];
}

function labelOf(description: MachineDescription, id: string): string {
  return description.states.find((s) => s.id === id)?.label ?? id;
}

/**
 * graphFor builds the elk graph: one node per box, one edge per (from, to) pair carrying all its
 * transitions as label lines. Transitions that keep the state are not edges (the component lists
 * them beside the chart).
 */
export function graphFor(description: MachineDescription, rootLabel = 'any state'): ElkNode {
  const ids = nodeIds(description);
  const known = new Set(ids);
  const groups = new Map<string, TransitionDescription[]>();
  for (const t of description.transitions) {
    if (t.from === t.to || !known.has(t.from) || !known.has(t.to)) continue;
    const key = `${t.from}->${t.to}`;
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  const children: ElkNode[] = ids.map((id) => {
    const text = id === description.id ? rootLabel : labelOf(description, id);
    const width = Math.max(
      METRICS.minNodeWidth,
      Math.ceil(text.length * METRICS.charWidth + METRICS.nodePaddingX),
    );
    return { id, width, height: METRICS.nodeHeight };
  });
  const edges: ElkExtendedEdge[] = [...groups.entries()].map(([key, ts]) => {
    const lines = ts.map(edgeLabelLine);
    const width = Math.ceil(Math.max(...lines.map((l) => l.length)) * METRICS.labelCharWidth + 8);
    return {
      id: key,
      sources: [ts[0].from],
      targets: [ts[0].to],
      labels: [
        {
          id: `${key}#label`,
          text: lines.join('\n'),
          width,
          height: lines.length * METRICS.lineHeight + 4,
        },
      ],
    };
  });
  return {
    id: '__root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.layered.spacing.nodeNodeBetweenLayers': '56',
      'elk.spacing.nodeNode': '36',
      'elk.spacing.edgeLabel': '6',
      'elk.edgeLabels.placement': 'CENTER',
      'elk.layered.edgeLabels.sideSelection': 'ALWAYS_UP',
      'elk.padding': '[top=16,left=16,bottom=16,right=16]',
    },
    children,
    edges,
  };
}

/** fromElk reads elk's answer back into a StatechartLayout (rounded to 0.1 px). */
export function fromElk(description: MachineDescription, graph: ElkNode): StatechartLayout {
  const r = (n: number | undefined) => Math.round((n ?? 0) * 10) / 10;
  const nodes = (graph.children ?? []).map((c) => ({
    id: c.id,
    x: r(c.x),
    y: r(c.y),
    width: r(c.width),
    height: r(c.height),
  }));
  const byPair = new Map<string, TransitionDescription[]>();
  for (const t of description.transitions) {
    if (t.from === t.to) continue;
    const key = `${t.from}->${t.to}`;
    byPair.set(key, [...(byPair.get(key) ?? []), t]);
  }
  const edges = (graph.edges ?? []).map((e): LayoutEdge => {
    const section = e.sections?.[0];
    const points = section
      ? [section.startPoint, ...(section.bendPoints ?? []), section.endPoint].map((p) => ({
          x: r(p.x),
          y: r(p.y),
        }))
      : [];
    const label = e.labels?.[0];
    const transitions = byPair.get(e.id) ?? [];
    const base = {
      id: transitions.map(transitionKey).join('|') || e.id,
      from: e.sources[0] ?? '',
      to: e.targets[0] ?? '',
      transitions,
      points,
    };
    return label
      ? {
          ...base,
          label: {
            id: `${e.id}#label`,
            x: r(label.x),
            y: r(label.y),
            width: r(label.width),
            height: r(label.height),
          },
        }
      : base;
  });
  return { width: r(graph.width), height: r(graph.height), nodes, edges };
}

let elk: InstanceType<typeof ELK> | undefined;

/** layoutMachine lays the description out with elk (one shared elk instance, no worker). */
export async function layoutMachine(
  description: MachineDescription,
  rootLabel?: string,
): Promise<StatechartLayout> {
  elk ??= new ELK();
  const graph = await elk.layout(graphFor(description, rootLabel));
  return fromElk(description, graph);
}
