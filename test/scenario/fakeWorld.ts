/**
 * A scripted fake WorldPort for runner tests: one canary Rollout whose controller reacts only when
 * `settle()` runs (so tests see whether actions are observed before conditions), timers on a tiny
 * virtual clock, and a call log. Rule: deterministic; no real controller.
 */
import type {
  KubeObject,
  MetricOutcome,
  RolloutAction,
  VersionBehaviour,
  WorldPort,
} from '../../src/scenario';
import { pods, replicaSet, rollout } from './kubeFixtures';

interface Timer {
  at: number;
  seq: number;
  fn: () => void;
}

interface State {
  phase: string;
  message: string;
  step: number;
  abort: boolean;
  stableHash: string;
  currentHash: string;
  canaryPods: number;
  stablePods: number;
}

export class FakeWorld implements WorldPort {
  readonly log: string[] = [];
  private t = 0;
  private seq = 0;
  private timers: Timer[] = [];
  private pending: (() => void)[] = [];
  private state: State = {
    phase: 'Healthy',
    message: '',
    step: 2,
    abort: false,
    stableHash: 'aaa',
    currentHash: 'aaa',
    canaryPods: 0,
    stablePods: 5,
  };

  /** @param heartbeatMs when set, an idle timer fires every heartbeatMs (like a resync). */
  constructor(
    private readonly opts: {
      heartbeatMs?: number;
      throwOn?: string;
      canaryStartupMs?: number;
    } = {},
  ) {
    if (opts.heartbeatMs) this.every(opts.heartbeatMs, () => undefined);
  }

  private schedule(delay: number, fn: () => void): void {
    this.timers.push({ at: this.t + delay, seq: this.seq++, fn });
    this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
  }

  private every(ms: number, fn: () => void): void {
    const tick = (): void => {
      fn();
      this.schedule(ms, tick);
    };
    this.schedule(ms, tick);
  }

  now(): number {
    return this.t;
  }

  objects(): readonly KubeObject[] {
    const s = this.state;
    const objects: KubeObject[] = [
      rollout(
        'demo',
        { replicas: 5, strategy: { canary: { steps: [{ setWeight: 20 }, { pause: {} }] } } },
        {
          phase: s.phase,
          message: s.message,
          currentStepIndex: s.step,
          abort: s.abort,
          currentPodHash: s.currentHash,
          stableRS: s.stableHash,
          replicas: s.canaryPods + s.stablePods,
          availableReplicas: s.canaryPods + s.stablePods,
          readyReplicas: s.canaryPods + s.stablePods,
          updatedReplicas: s.currentHash === s.stableHash ? s.stablePods : s.canaryPods,
        },
      ),
      replicaSet('demo', 'aaa', 1, { replicas: s.stableHash === 'aaa' ? s.stablePods : 0 }),
      ...pods('demo', 'aaa', s.stableHash === 'aaa' ? s.stablePods : 0),
    ];
    if (s.currentHash === 'bbb' || s.stableHash === 'bbb') {
      const bbbPods = s.stableHash === 'bbb' ? s.stablePods : s.canaryPods;
      objects.push(
        replicaSet('demo', 'bbb', 2, { replicas: bbbPods }),
        ...pods('demo', 'bbb', bbbPods),
      );
    }
    return objects;
  }

  apply(objects: readonly KubeObject[]): void {
    this.log.push(`apply:${objects.map((o) => o.metadata?.name ?? '').join(',')}`);
  }

  act(action: RolloutAction, rolloutName?: string): void {
    this.log.push(`act:${action.kind}${rolloutName ? `@${rolloutName}` : ''}`);
    if (this.opts.throwOn === action.kind) throw new Error(`cannot ${action.kind}`);
    const s = this.state;
    switch (action.kind) {
      case 'setImage':
      case 'updateSpec':
        this.pending.push(() => {
          s.currentHash = 'bbb';
          s.phase = 'Progressing';
          s.message = 'more replicas need to be updated';
          s.step = 0;
          this.schedule(this.opts.canaryStartupMs ?? 2000, () => {
            s.canaryPods = 1;
            s.stablePods = 4;
            s.step = 1;
            s.phase = 'Paused';
            s.message = 'CanaryPauseStep';
          });
        });
        break;
      case 'promote':
        this.pending.push(() => {
          s.step = 2;
          s.phase = 'Progressing';
          s.message = 'more replicas need to be updated';
          const grow = (): void => {
            if (s.canaryPods < 5) {
              s.canaryPods++;
              s.stablePods = Math.max(0, s.stablePods - 1);
              this.schedule(1000, grow);
            } else {
              s.stableHash = 'bbb';
              s.stablePods = 5;
              s.canaryPods = 0;
              s.phase = 'Healthy';
              s.message = '';
            }
          };
          this.schedule(1000, grow);
        });
        break;
      case 'abort':
        this.pending.push(() => {
          s.abort = true;
          s.step = 0;
          s.phase = 'Degraded';
          s.message = 'RolloutAborted: Rollout aborted update to revision 2';
        });
        break;
      default:
        break;
    }
  }

  setVersion(image: string, behaviour: Partial<VersionBehaviour>): void {
    this.log.push(`setVersion:${image}:${JSON.stringify(behaviour)}`);
  }

  killPods(revision: number, count: number, rolloutName?: string): void {
    this.log.push(`killPods:${revision}:${count}${rolloutName ? `@${rolloutName}` : ''}`);
  }

  setMetric(metric: string, outcome: MetricOutcome): void {
    this.log.push(`setMetric:${metric}:${outcome.kind}`);
  }

  advanceTo(target: number): void {
    this.log.push(`advanceTo:${target}`);
    while (this.timers.length > 0 && this.timers[0].at <= target) {
      const timer = this.timers.shift()!;
      this.t = Math.max(this.t, timer.at);
      timer.fn();
    }
    this.t = Math.max(this.t, target);
  }

  nextEventAt(): number | undefined {
    return this.timers[0]?.at;
  }

  settle(): void {
    this.log.push('settle');
    const work = this.pending;
    this.pending = [];
    for (const fn of work) fn();
  }

  errorRate(): number | undefined {
    return 0.01;
  }

  rolloutChanges(): readonly unknown[] {
    return [];
  }
}
