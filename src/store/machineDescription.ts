/**
 * Turns an XState machine's JSON (`machine.toJSON()`, plus optionally `machine.config` for the
 * eventless `always` transitions toJSON leaves out) into the plain description the Statechart
 * draws. Pure and duck-typed: the store builds the description once per loaded world from
 * `actor.logic` (src/store may not import src/controller) and the UI draws it.
 */

/** StateDescription is one drawable state. */
export interface StateDescription {
  /** Full XState id, e.g. `rollout.Paused`. */
  readonly id: string;
  /** Short label: the state's key, e.g. `Paused`. */
  readonly label: string;
  /** The state's tags (the rollout machine tags each phase state with its phase). */
  readonly tags: readonly string[];
  /** Parent state id; absent for children of the machine root. */
  readonly parent?: string;
  /** True when the state only routes onwards (every way out is an eventless `always`). */
  readonly transient?: boolean;
}

/** TransitionDescription is one edge. `from === to` marks a transition that keeps the state. */
export interface TransitionDescription {
  readonly from: string;
  readonly to: string;
  /** Event type, or `always` for eventless transitions. */
  readonly event: string;
  /** Guard name, when the transition has one. */
  readonly guard?: string;
}

/** MachineDescription is what the Statechart component draws. Plain JSON. */
export interface MachineDescription {
  /** The machine id (the root); transitions from it apply in any state. */
  readonly id: string;
  /** Id of the initial state, when known. */
  readonly initial?: string;
  readonly states: readonly StateDescription[];
  readonly transitions: readonly TransitionDescription[];
}

/** LastTransition is the edge the machine took most recently. */
export interface LastTransition {
  readonly from: string;
  readonly to: string;
  readonly event: string;
  /** Changes on every occurrence (a frame index or time) so a repeat of the same edge flashes again. */
  readonly at?: number;
}

interface TransitionJson {
  /** Target ids (`#rollout.route`), keys, or StateNode-like objects with an `id` (unserialised toJSON). */
  readonly target?: readonly (string | { readonly id: string })[] | string;
  readonly eventType?: string | null;
  readonly guard?: unknown;
  readonly source?: string;
}

/** StateNodeJson is the part of `machine.toJSON()` this reads. */
export interface StateNodeJson {
  readonly id: string;
  readonly key: string;
  readonly initial?: { readonly target?: readonly (string | { readonly id: string })[] } | string;
  readonly states?: Readonly<Record<string, StateNodeJson>>;
  readonly transitions?: readonly TransitionJson[];
  readonly on?: Readonly<Record<string, readonly TransitionJson[]>>;
  readonly always?: readonly TransitionJson[];
  readonly tags?: readonly string[];
  readonly order?: number;
}

/** StateConfigJson is the part of `machine.config` this reads: `always` per state. */
export interface StateConfigJson {
  readonly states?: Readonly<Record<string, StateConfigJson>>;
  readonly always?: unknown;
}

function guardName(guard: unknown): string | undefined {
  if (typeof guard === 'string') return guard;
  if (guard && typeof guard === 'object' && 'type' in guard) {
    const type = guard.type;
    if (typeof type === 'string') return type;
  }
  return undefined;
}

function asList<T>(value: unknown): T[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]) as T[];
}

/**
 * resolveTarget turns a target as written into a state id: `#id` is absolute; `.child` is a
 * child of the source; a bare `Key` is a sibling of the source (XState's rules).
 */
function resolveTarget(target: string, sourceId: string): string {
  if (target.startsWith('#')) return target.slice(1);
  if (target.startsWith('.')) return `${sourceId}${target}`;
  const dot = sourceId.lastIndexOf('.');
  return dot < 0 ? target : `${sourceId.slice(0, dot)}.${target}`;
}

function transitionsOf(
  json: TransitionJson,
  sourceId: string,
  event: string,
): TransitionDescription[] {
  const targets = asList<string | { id: string }>(json.target).map((t) =>
    typeof t === 'string' ? t : `#${t.id}`,
  );
  const guard = guardName(json.guard);
  const base = guard !== undefined ? { event, guard } : { event };
  if (targets.length === 0) return [{ from: sourceId, to: sourceId, ...base }];
  return targets.map((t) => ({ from: sourceId, to: resolveTarget(t, sourceId), ...base }));
}

/**
 * describeMachine walks the JSON depth first, in document order, and returns every state below
 * the root and every transition. With `config`, each state's `always` list is read from it
 * (matched by key path), because XState's toJSON omits eventless transitions.
 */
export function describeMachine(json: StateNodeJson, config?: StateConfigJson): MachineDescription {
  const states: StateDescription[] = [];
  const transitions: TransitionDescription[] = [];

  const visit = (node: StateNodeJson, cfg: StateConfigJson | undefined, parent?: string) => {
    const isRoot = parent === undefined && node.id === json.id;
    const own: TransitionDescription[] = [];
    const list = node.transitions ?? Object.values(node.on ?? {}).flat();
    for (const tr of list) own.push(...transitionsOf(tr, node.id, tr.eventType ?? 'always'));
    const always = [...asList<TransitionJson>(node.always), ...asList<TransitionJson>(cfg?.always)];
    const eventless = always.flatMap((tr) => transitionsOf(tr, node.id, 'always'));
    if (!isRoot) {
      const state: StateDescription = {
        id: node.id,
        label: node.key,
        tags: [...(node.tags ?? [])],
        ...(parent !== json.id && parent !== undefined ? { parent } : {}),
        ...(eventless.length > 0 && own.length === 0 ? { transient: true } : {}),
      };
      states.push(state);
    }
    transitions.push(...own, ...eventless);
    const children = Object.entries(node.states ?? {}).sort(
      ([, a], [, b]) => (a.order ?? 0) - (b.order ?? 0),
    );
    for (const [key, child] of children) visit(child, cfg?.states?.[key], node.id);
  };
  visit(json, config);

  const initial =
    typeof json.initial === 'string'
      ? `${json.id}.${json.initial}`
      : initialOf(json.initial?.target?.[0], json.id);
  return initial !== undefined
    ? { id: json.id, initial, states, transitions }
    : { id: json.id, states, transitions };
}

function initialOf(target: string | { id: string } | undefined, rootId: string) {
  if (target === undefined) return undefined;
  return typeof target === 'string' ? resolveTarget(target, rootId) : target.id;
}

/**
 * resolveStateId finds the described state for what the store knows: a full id
 * (`rollout.Paused`), a key (`Paused`) or a tag (the phase). Undefined when nothing matches.
 */
export function resolveStateId(
  description: MachineDescription,
  active: string | undefined,
): string | undefined {
  if (!active) return undefined;
  const byId = description.states.find((s) => s.id === active);
  if (byId) return byId.id;
  const byLabel = description.states.find((s) => s.label === active);
  if (byLabel) return byLabel.id;
  return description.states.find((s) => s.tags.includes(active))?.id;
}

/** transitionKey is a stable id for an edge. */
export function transitionKey(t: TransitionDescription): string {
  return `${t.from}->${t.to}:${t.event}${t.guard ? `[${t.guard}]` : ''}`;
}

/**
 * litTransitions returns the edges to flash for the last transition. An exact edge wins. The
 * machine often moves in two hops (an event on the root into a routing state, then `always` to the
 * phase), so otherwise: edges taking that event from the old state or from an ancestor, plus the
 * eventless edges out of transient states that arrive at the new state.
 */
export function litTransitions(
  description: MachineDescription,
  last: LastTransition | undefined,
): TransitionDescription[] {
  if (!last) return [];
  const from = resolveStateId(description, last.from) ?? last.from;
  const to = resolveStateId(description, last.to) ?? last.to;
  const exact = description.transitions.filter(
    (t) => t.from === from && t.to === to && t.event === last.event && t.from !== t.to,
  );
  if (exact.length > 0) return exact;
  const transient = new Set(description.states.filter((s) => s.transient).map((s) => s.id));
  const isAncestor = (a: string, b: string) => b.startsWith(`${a}.`);
  const first = description.transitions.filter(
    (t) =>
      t.event === last.event && t.from !== t.to && (t.from === from || isAncestor(t.from, from)),
  );
  const via = new Set(first.map((t) => t.to));
  const second = description.transitions.filter(
    (t) => t.to === to && transient.has(t.from) && (via.size === 0 || via.has(t.from)),
  );
  return [...first, ...second];
}
