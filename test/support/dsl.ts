/**
 * A given/when/then DSL after Argo Rollouts' e2e fixtures (test/fixtures/{given,when,then}.go):
 * `given(rolloutYaml).when().updateImage('v2').advanceBy('30s').then().expectCanaryStablePodCount(1, 4)`.
 * Built on the real composition root (createWorld from src/scenario): one virtual clock, the fake
 * cluster and the rollout actors. Objects come from `world.objects()`, conditions from
 * `observe`/`evaluateCondition`, Kubernetes events from `world.events()`.
 */
import { expect } from 'vitest';
import { parseAllDocuments } from 'yaml';
import type { RecordedEvent } from '../../src/controller';
import {
  createWorld,
  evaluateCondition,
  observe,
  settleInitialDeploy,
  type Condition,
  type KubeObject,
  type Observation,
  type RolloutAction,
  type VersionBehaviour,
  type World,
} from '../../src/scenario';
import { DEFAULT_EPOCH_MS, epochMsFromRfc3339 } from '../../src/sim';

export const HASH_LABEL = 'rollouts-pod-template-hash';
export const REVISION_ANNOTATION = 'rollout.argoproj.io/revision';
export const SCALE_DOWN_DEADLINE = 'scale-down-deadline';
/** Virtual time 0 as Unix ms: what createWorld stamps timestamps with. */
export const EPOCH_MS = DEFAULT_EPOCH_MS;

type Json = Record<string, unknown>;

/** A duration as Argo writes it (`10`, `"10s"`, `"1m30s"`, `"500ms"`) or plain milliseconds (number). */
export type DslDuration = number | string;

/** msOf turns `'30s'`, `'1m'`, `'1m30s'`, `'250ms'` into ms; a number is already ms. */
export function msOf(d: DslDuration): number {
  if (typeof d === 'number') return d;
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h)/g;
  let total = 0;
  let matched = '';
  for (let m = re.exec(d); m; m = re.exec(d)) {
    matched += m[0];
    const n = Number(m[1]);
    total +=
      m[2] === 'ms' ? n : m[2] === 's' ? n * 1000 : m[2] === 'm' ? n * 60_000 : n * 3_600_000;
  }
  if (matched !== d) throw new Error(`not a duration: ${d}`);
  return total;
}

/** A Kubernetes event recorded by the controller, with the virtual time it was recorded at. */
export interface TimedEvent extends RecordedEvent {
  readonly t: number;
}

export interface GivenOptions {
  /** cluster timings (ms). Default: pods ready 2 s after creation, terminate after 1 s. */
  readonly podStartupMs?: number;
  readonly podStartupJitterMs?: number;
  readonly podTerminationMs?: number;
  readonly seed?: number;
  /** Bring the first revision to Healthy (or Degraded) before `when()` returns. Default true. */
  readonly settle?: boolean;
}

function toObjects(input: string | Json | readonly Json[]): Json[] {
  if (typeof input === 'string') {
    return parseAllDocuments(input)
      .map((d) => d.toJS() as Json | null)
      .filter((o): o is Json => !!o);
  }
  return Array.isArray(input) ? [...(input as Json[])] : [input as Json];
}

/** Common read access for the three stages. */
abstract class Stage {
  constructor(protected readonly ctx: Context) {}

  get world(): World {
    return this.ctx.world();
  }

  /** now: virtual ms since the start. */
  now(): number {
    return this.world.now();
  }

  objects(): readonly KubeObject[] {
    return this.world.objects();
  }

  rollout(): Json {
    const ro = this.objects().find(
      (o) => o.kind === 'Rollout' && o.metadata?.name === this.ctx.name,
    );
    if (!ro) throw new Error(`no Rollout ${this.ctx.name}`);
    return ro;
  }

  spec(): Json {
    return (this.rollout().spec ?? {}) as Json;
  }

  status(): Json {
    return (this.rollout().status ?? {}) as Json;
  }

  observation(): Observation {
    return observe(this.objects(), this.ctx.name);
  }

  /** The rollout's ReplicaSets, by revision (oldest revision first). */
  replicaSets(): Json[] {
    return this.objects()
      .filter(
        (o) =>
          o.kind === 'ReplicaSet' &&
          !o.metadata?.deletionTimestamp &&
          (o.metadata?.ownerReferences ?? []).some((r) => r.name === this.ctx.name),
      )
      .map((o) => o as Json)
      .sort((a, b) => revisionOf(a) - revisionOf(b));
  }

  replicaSet(revision: number): Json | undefined {
    return this.replicaSets().find((rs) => revisionOf(rs) === revision);
  }

  /** Spec replicas of the RS of `revision` (0 when it does not exist). */
  rsReplicas(revision: number): number {
    const rs = this.replicaSet(revision);
    return rs ? (((rs.spec as Json).replicas as number | undefined) ?? 1) : 0;
  }

  /** The hash of the RS of `revision`. */
  hashOf(revision: number): string {
    const rs = this.replicaSet(revision);
    return (
      ((rs?.metadata as Json | undefined)?.labels as Record<string, string> | undefined)?.[
        HASH_LABEL
      ] ?? ''
    );
  }

  /** Non-terminating pods (optionally of one revision). */
  pods(revision?: number): Json[] {
    const hash = revision === undefined ? undefined : this.hashOf(revision);
    return this.objects()
      .filter((o) => o.kind === 'Pod' && !o.metadata?.deletionTimestamp)
      .filter((o) => hash === undefined || o.metadata?.labels?.[HASH_LABEL] === hash)
      .map((o) => o as Json);
  }

  /** Kubernetes events the controller recorded (all, or since `sinceMs`). */
  events(sinceMs = -1): TimedEvent[] {
    return this.world
      .events()
      .filter(
        (e) => e.rollout === this.ctx.name && e.t >= sinceMs && e.event.type === 'rollout.event',
      )
      .map((e) => ({ t: e.t, ...(e.event as { event: RecordedEvent }).event }));
  }

  /** The rollout condition of `type` (status.conditions). */
  condition(type: string): Json | undefined {
    return ((this.status().conditions ?? []) as Json[]).find((c) => c.type === type);
  }
}

interface Context {
  readonly name: string;
  world(): World;
  /** When the current `when()` chain started (virtual ms): events since then. */
  mark: number;
}

function revisionOf(rs: Json): number {
  return Number(
    ((rs.metadata as Json).annotations as Record<string, string> | undefined)?.[
      REVISION_ANNOTATION
    ] ?? 0,
  );
}

/** given(...) takes a Rollout (YAML text or object) and any other objects (Services, Ingresses …). */
export function given(
  manifests: string | Json | readonly Json[],
  options: GivenOptions = {},
): Given {
  return new Given(toObjects(manifests), options);
}

export class Given {
  private readonly versions: Record<string, Partial<VersionBehaviour>> = {};
  private readonly extra: Json[] = [];

  constructor(
    private readonly manifests: Json[],
    private readonly options: GivenOptions,
  ) {}

  /** More objects applied with the rollout (Services, Ingress, Deployment for workloadRef …). */
  objects(more: string | Json | readonly Json[]): Given {
    this.extra.push(...toObjects(more));
    return this;
  }

  /** How an image behaves (errorRate, startupMs, crashLoop, neverReady, imagePullError …). */
  version(image: string, behaviour: Partial<VersionBehaviour>): Given {
    this.versions[image] = { ...(this.versions[image] ?? {}), ...behaviour };
    return this;
  }

  /** Creates the world (manifests applied at t=0) and, unless told not to, waits for the first revision. */
  when(): When {
    const all = [...this.manifests, ...this.extra];
    const rollout = all.find((o) => o.kind === 'Rollout');
    const rawName = (rollout?.metadata as Json | undefined)?.name;
    const name = typeof rawName === 'string' ? rawName : '';
    const world = createWorld({
      seed: this.options.seed ?? 1,
      manifests: all,
      versions: this.versions,
      cluster: {
        ...(this.options.podStartupMs !== undefined
          ? { podStartupMs: this.options.podStartupMs }
          : {}),
        ...(this.options.podStartupJitterMs !== undefined
          ? { podStartupJitterMs: this.options.podStartupJitterMs }
          : {}),
        ...(this.options.podTerminationMs !== undefined
          ? { podTerminationMs: this.options.podTerminationMs }
          : {}),
      },
    });
    if (this.options.settle !== false) settleInitialDeploy(world);
    const ctx: Context = { name, world: () => world, mark: world.now() };
    return new When(ctx);
  }
}

export class When extends Stage {
  private act(action: RolloutAction): When {
    this.world.act(action, this.ctx.name);
    this.world.settle();
    return this;
  }

  /** updateImage('v2') swaps the first container's tag; a full image (with ':' or '/') replaces it. */
  updateImage(tagOrImage: string): When {
    const containers = ((this.spec().template as Json).spec as Json).containers as Json[];
    const current = String(containers[0].image);
    const image =
      tagOrImage.includes(':') || tagOrImage.includes('/')
        ? tagOrImage
        : `${current.replace(/:[^:/]*$/, '')}:${tagOrImage}`;
    return this.act({ kind: 'setImage', image });
  }

  setImage(image: string, container?: string): When {
    return this.act(
      container ? { kind: 'setImage', image, container } : { kind: 'setImage', image },
    );
  }

  /** updateSpec() forces a new revision; updateSpec(patch) merge-patches the Rollout. */
  updateSpec(patch?: Json): When {
    return this.act(patch ? { kind: 'updateSpec', patch } : { kind: 'updateSpec' });
  }

  promote(): When {
    return this.act({ kind: 'promote' });
  }

  promoteFull(): When {
    return this.act({ kind: 'promoteFull' });
  }

  abort(): When {
    return this.act({ kind: 'abort' });
  }

  retry(): When {
    return this.act({ kind: 'retry' });
  }

  pause(): When {
    return this.act({ kind: 'pause' });
  }

  resume(): When {
    return this.act({ kind: 'resume' });
  }

  restart(): When {
    return this.act({ kind: 'restart' });
  }

  undo(toRevision?: number): When {
    return this.act(toRevision === undefined ? { kind: 'undo' } : { kind: 'undo', toRevision });
  }

  scale(replicas: number): When {
    return this.act({ kind: 'scale', replicas });
  }

  /** Changes how an image behaves from now on (fault injection). */
  setVersion(image: string, behaviour: Partial<VersionBehaviour>): When {
    this.world.setVersion(image, behaviour);
    this.world.settle();
    return this;
  }

  killPods(revision: number, count: number): When {
    this.world.killPods(revision, count, this.ctx.name);
    this.world.settle();
    return this;
  }

  /** advanceBy moves virtual time, firing every timer on the way (fake-timers `tick`). */
  advanceBy(d: DslDuration): When {
    this.world.advanceTo(this.world.now() + msOf(d));
    return this;
  }

  /** advanceTo moves virtual time to `t` ms since the start. */
  advanceTo(t: number): When {
    if (t < this.world.now())
      throw new Error(`cannot go back in time to ${t} (now ${this.world.now()})`);
    this.world.advanceTo(t);
    return this;
  }

  /** advanceToEpoch moves virtual time to a timestamp written in an object (RFC 3339) plus `offsetMs`. */
  advanceToTimestamp(rfc3339: string, offsetMs = 0): When {
    const at = epochMsFromRfc3339(rfc3339);
    if (at === undefined) throw new Error(`not a timestamp: ${rfc3339}`);
    return this.advanceTo(at - EPOCH_MS + offsetMs);
  }

  /**
   * waitFor advances event by event until `cond` holds (checked after each instant), failing after
   * `timeout`. A function condition receives the Then stage.
   */
  waitFor(cond: Condition | ((t: Then) => boolean), timeout: DslDuration = '10m'): When {
    const end = this.world.now() + msOf(timeout);
    const then = new Then(this.ctx);
    const holds = () =>
      typeof cond === 'function' ? cond(then) : evaluateCondition(cond, this.observation()).holds;
    for (;;) {
      if (holds()) return this;
      const next = this.world.nextEventAt();
      if (next === undefined || next > end) {
        if (next === undefined) this.world.advanceTo(end);
        else this.world.advanceTo(end);
        if (holds()) return this;
        const detail =
          typeof cond === 'function'
            ? 'predicate'
            : JSON.stringify(evaluateCondition(cond, this.observation()).mismatches);
        throw new Error(`waitFor timed out at t=${this.world.now()}: ${detail}`);
      }
      this.world.advanceTo(next);
    }
  }

  /** waitForPhase is waitFor({ status }). */
  waitForPhase(
    phase: 'Healthy' | 'Progressing' | 'Paused' | 'Degraded',
    timeout?: DslDuration,
  ): When {
    return this.waitFor({ status: phase }, timeout);
  }

  /** Runs `fn` with this stage (for one-off pokes); returns the stage. */
  do(fn: (w: When) => void): When {
    fn(this);
    return this;
  }

  then(): Then {
    return new Then(this.ctx);
  }
}

export class Then extends Stage {
  when(): When {
    this.ctx.mark = this.world.now();
    return new When(this.ctx);
  }

  /** Checks a scenario condition (the `expect:` of scenario files); fails naming expected vs actual. */
  expectCondition(cond: Condition): Then {
    const result = evaluateCondition(cond, this.observation());
    expect(result.mismatches, `t=${this.now()}`).toEqual([]);
    return this;
  }

  /** Non-terminating canary (currentPodHash) and stable (stableRS) pods. */
  expectCanaryStablePodCount(canary: number, stable: number): Then {
    const o = this.observation();
    expect({ canaryPods: o.canaryPods, stablePods: o.stablePods }, `t=${this.now()}`).toEqual({
      canaryPods: canary,
      stablePods: stable,
    });
    return this;
  }

  /** Spec replicas of the canary (currentPodHash) and stable (stableRS) ReplicaSets. */
  expectCanaryStableReplicas(canary: number, stable: number): Then {
    const s = this.status();
    const spec = (hash: unknown) => {
      const rs = this.replicaSets().find(
        (r) => ((r.metadata as Json).labels as Record<string, string>)[HASH_LABEL] === hash,
      );
      return rs ? ((rs.spec as Json).replicas as number) : 0;
    };
    expect({ canary: spec(s.currentPodHash), stable: spec(s.stableRS) }, `t=${this.now()}`).toEqual(
      {
        canary,
        stable,
      },
    );
    return this;
  }

  /** Spec replicas per revision, e.g. `{ 1: 4, 2: 1 }` (a missing RS counts as 0). */
  expectRevisionReplicas(expected: Record<number, number>): Then {
    const actual: Record<number, number> = {};
    for (const rev of Object.keys(expected)) actual[Number(rev)] = this.rsReplicas(Number(rev));
    expect(actual, `t=${this.now()}`).toEqual(expected);
    return this;
  }

  expectPhase(phase: string, message?: string | RegExp): Then {
    const s = this.status();
    expect(s.phase, `t=${this.now()} message=${String(s.message)}`).toBe(phase);
    if (typeof message === 'string') expect(s.message).toBe(message);
    else if (message) expect(String(s.message)).toMatch(message);
    return this;
  }

  expectStep(index: number | undefined): Then {
    expect(this.status().currentStepIndex, `t=${this.now()}`).toBe(index);
    return this;
  }

  /** Raw status.canary.weights canary/stable weights (traffic-routed canaries). */
  expectWeights(canary: number, stable: number): Then {
    const w = (this.status().canary as Json | undefined)?.weights as
      { canary: { weight: number }; stable: { weight: number } } | undefined;
    expect({ canary: w?.canary.weight, stable: w?.stable.weight }, `t=${this.now()}`).toEqual({
      canary,
      stable,
    });
    return this;
  }

  /** A rollout condition (status.conditions) of `type` with these fields. */
  expectRolloutCondition(
    type: string,
    fields: { status?: string; reason?: string; message?: string | RegExp },
  ): Then {
    const c = this.condition(type);
    expect(c, `condition ${type} at t=${this.now()}`).toBeDefined();
    if (fields.status !== undefined) expect(c!.status).toBe(fields.status);
    if (fields.reason !== undefined) expect(c!.reason).toBe(fields.reason);
    if (typeof fields.message === 'string') expect(c!.message).toBe(fields.message);
    else if (fields.message) expect(String(c!.message)).toMatch(fields.message);
    return this;
  }

  /** A Kubernetes event with this reason (and message) was recorded since the last `when()`. */
  expectEvent(reason: string, message?: string | RegExp, sinceMs = this.ctx.mark): Then {
    const events = this.events(sinceMs).filter((e) => e.reason === reason);
    const ok = events.some((e) =>
      message === undefined
        ? true
        : typeof message === 'string'
          ? e.message === message
          : message.test(e.message),
    );
    expect(
      ok,
      `event ${reason} ${String(message ?? '')} in ${JSON.stringify(this.events(sinceMs))}`,
    ).toBe(true);
    return this;
  }

  expectNoEvent(reason: string, sinceMs = this.ctx.mark): Then {
    expect(this.events(sinceMs).filter((e) => e.reason === reason)).toEqual([]);
    return this;
  }

  /** Whether the RS of `revision` carries a scale-down-deadline annotation. */
  expectScaleDownDeadline(revision: number, present: boolean): Then {
    const rs = this.replicaSet(revision);
    const anno = (
      (rs?.metadata as Json | undefined)?.annotations as Record<string, string> | undefined
    )?.[SCALE_DOWN_DEADLINE];
    expect(!!anno, `RS revision ${revision} deadline=${String(anno)} at t=${this.now()}`).toBe(
      present,
    );
    return this;
  }

  /** Runs `fn` with this stage for custom assertions. */
  expect(fn: (t: Then) => void): Then {
    fn(this);
    return this;
  }
}

// ---- builders (after Argo's e2e testdata): a rollout and the objects its router needs ----

export type RouterKind = 'nginx' | 'istio' | 'smi';

export interface CanaryOptions {
  readonly name?: string;
  readonly replicas?: number;
  readonly image?: string;
  readonly steps?: readonly Json[];
  /** Extra fields of spec.strategy.canary (maxSurge, dynamicStableScale …). */
  readonly canary?: Json;
  /** Extra fields of spec (progressDeadlineSeconds, revisionHistoryLimit …). */
  readonly spec?: Json;
  /** A traffic router: adds canary/stable Services and the router's object. */
  readonly router?: RouterKind;
  /** nginx only: trafficRouting.maxTrafficWeight. */
  readonly maxTrafficWeight?: number;
}

function service(name: string, app: string): Json {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name },
    spec: { selector: { app }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] },
  };
}

/** canaryRollout returns a canary Rollout plus the Services and router objects it references. */
export function canaryRollout(o: CanaryOptions = {}): Json[] {
  const name = o.name ?? 'demo';
  const out: Json[] = [];
  const canary: Json = { ...(o.steps ? { steps: o.steps } : {}), ...(o.canary ?? {}) };
  if (o.router) {
    canary.canaryService = `${name}-canary`;
    canary.stableService = `${name}-stable`;
    out.push(service(`${name}-canary`, name), service(`${name}-stable`, name));
    if (o.router === 'nginx') {
      canary.trafficRouting = {
        nginx: { stableIngress: `${name}-stable` },
        ...(o.maxTrafficWeight !== undefined ? { maxTrafficWeight: o.maxTrafficWeight } : {}),
      };
      out.push({
        apiVersion: 'networking.k8s.io/v1',
        kind: 'Ingress',
        metadata: {
          name: `${name}-stable`,
          annotations: { 'kubernetes.io/ingress.class': 'nginx' },
        },
        spec: {
          rules: [
            {
              host: `${name}.local`,
              http: {
                paths: [
                  {
                    path: '/',
                    pathType: 'Prefix',
                    backend: { service: { name: `${name}-stable`, port: { number: 80 } } },
                  },
                ],
              },
            },
          ],
        },
      });
    } else if (o.router === 'istio') {
      canary.trafficRouting = {
        istio: { virtualService: { name: `${name}-vsvc`, routes: ['primary'] } },
      };
      out.push({
        apiVersion: 'networking.istio.io/v1beta1',
        kind: 'VirtualService',
        metadata: { name: `${name}-vsvc` },
        spec: {
          hosts: [`${name}.local`],
          http: [
            {
              name: 'primary',
              route: [
                { destination: { host: `${name}-stable` }, weight: 100 },
                { destination: { host: `${name}-canary` }, weight: 0 },
              ],
            },
          ],
        },
      });
    } else {
      canary.trafficRouting = { smi: { rootService: `${name}-root` } };
      out.push(service(`${name}-root`, name));
    }
  }
  out.unshift({
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    metadata: { name },
    spec: {
      replicas: o.replicas ?? 5,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: 'app', image: o.image ?? 'example/app:v1' }] },
      },
      strategy: { canary },
      ...(o.spec ?? {}),
    },
  });
  return out;
}

/** blueGreenRollout returns a blue-green Rollout with its active (and preview) Services. */
export function blueGreenRollout(
  o: { name?: string; replicas?: number; blueGreen?: Json; preview?: boolean; spec?: Json } = {},
): Json[] {
  const name = o.name ?? 'demo';
  const preview = o.preview !== false;
  return [
    {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Rollout',
      metadata: { name },
      spec: {
        replicas: o.replicas ?? 3,
        selector: { matchLabels: { app: name } },
        template: {
          metadata: { labels: { app: name } },
          spec: { containers: [{ name: 'app', image: 'example/app:v1' }] },
        },
        strategy: {
          blueGreen: {
            activeService: `${name}-active`,
            ...(preview ? { previewService: `${name}-preview` } : {}),
            ...(o.blueGreen ?? {}),
          },
        },
        ...(o.spec ?? {}),
      },
    },
    service(`${name}-active`, name),
    ...(preview ? [service(`${name}-preview`, name)] : []),
  ];
}
