import { describe, expect, it } from 'vitest';
import {
  checkScenarioText,
  createSimStore,
  currentFrame,
  findScenario,
  LANG_STORAGE_KEY,
  SCENARIOS,
  selectEventLog,
  selectStatusText,
  type LessonScript,
  type LangStorage,
} from '../../src/store';
import { BLUE_GREEN_LESSON, CANARY_LESSON } from '../../src/ui/lessons';
import { frameOf, phaseIs, until } from './support';

const YELLOW = 'argoproj/rollouts-demo:yellow';
const stepOf = (id: string) => CANARY_LESSON.steps.findIndex((s) => s.id === id);

function memoryStorage(
  initial: Record<string, string> = {},
): LangStorage & { data: Record<string, string> } {
  const data = { ...initial };
  return {
    data,
    getItem: (k) => data[k] ?? null,
    setItem: (k, v) => {
      data[k] = v;
    },
  };
}

describe('lessons in the store', () => {
  it('startLesson loads the lesson scenario with the script quiet: the learner acts', () => {
    const store = createSimStore({ scenario: 'abort-retry' });
    store.getState().commands.startLesson(CANARY_LESSON);
    const s = store.getState();
    expect(s.scenario?.name).toBe('blue-to-yellow');
    expect(s.lesson).toEqual({
      lessonId: 'canary-blue-to-yellow',
      stepIndex: 0,
      stepCount: CANARY_LESSON.steps.length,
      complete: false,
    });
    // No story change by itself, no suggestion: still five blue pods.
    expect(selectStatusText(frameOf(store))).toMatchObject({
      phase: 'Healthy',
      images: ['argoproj/rollouts-demo:blue'],
    });
    expect(s.suggestion).toBeNull();
    expect(s.nextEventAt).toBeNull();
  });

  it('a step whose condition already holds completes when shown; Next and Back move', () => {
    const store = createSimStore();
    const { commands } = store.getState();
    commands.startLesson(CANARY_LESSON);
    commands.nextLessonStep();
    expect(store.getState().lesson).toMatchObject({ stepIndex: 1, complete: true });
    commands.nextLessonStep();
    expect(store.getState().lesson).toMatchObject({ stepIndex: 2, complete: false });
    commands.prevLessonStep();
    expect(store.getState().lesson).toMatchObject({ stepIndex: 1, complete: true });
  });

  it('completeWhen latches on the frame where it holds, even when playback skipped over it', () => {
    const store = createSimStore();
    const { commands } = store.getState();
    commands.startLesson(CANARY_LESSON);
    for (let i = 0; i < stepOf('set-image'); i++) commands.nextLessonStep();
    commands.setImage(YELLOW);
    until(store, phaseIs('Paused', '1/8'));
    expect(store.getState().lesson).toMatchObject({
      stepIndex: stepOf('set-image'),
      complete: true,
    });
    commands.nextLessonStep();
    expect(store.getState().lesson).toMatchObject({
      stepIndex: stepOf('pause-20'),
      complete: false,
    });
    commands.promote();
    expect(store.getState().lesson?.complete).toBe(false);
    // One screen update of 60 virtual seconds: the 10 s pause at 40% is never on screen.
    commands.tick(60_000);
    const live = frameOf(store);
    expect(selectStatusText(live)?.phase).toBe('Healthy');
    expect(store.getState().frames.some((f) => phaseIs('Paused', '3/8')(f))).toBe(true);
    expect(store.getState().lesson).toMatchObject({
      stepIndex: stepOf('pause-20'),
      complete: true,
    });
    // The next step's condition (Healthy at 8/8) holds now.
    commands.nextLessonStep();
    expect(store.getState().lesson).toMatchObject({
      stepIndex: stepOf('timed-steps'),
      complete: true,
    });
  });

  it('Promote-Full completes the promote-full step: straight from 20% to Healthy', () => {
    const store = createSimStore();
    const { commands } = store.getState();
    commands.startLesson(CANARY_LESSON);
    commands.setImage(YELLOW);
    until(store, phaseIs('Paused', '1/8'));
    for (let i = 0; i < stepOf('promote-full'); i++) commands.nextLessonStep();
    expect(store.getState().lesson?.complete).toBe(false);
    commands.promoteFull();
    until(store, phaseIs('Healthy'));
    expect(store.getState().lesson).toMatchObject({
      stepIndex: stepOf('promote-full'),
      complete: true,
    });
    // No frame between the 20% pause and the end paused at 40, 60 or 80.
    const paused = store.getState().frames.filter((f) => selectStatusText(f)?.phase === 'Paused');
    expect(new Set(paused.map((f) => selectStatusText(f)?.step))).toEqual(new Set(['1/8']));
  });

  it('the last Next ends the lesson; the script does not take over', () => {
    const store = createSimStore();
    const { commands } = store.getState();
    commands.startLesson(BLUE_GREEN_LESSON);
    for (let i = 0; i < BLUE_GREEN_LESSON.steps.length; i++) commands.nextLessonStep();
    expect(store.getState().lesson).toBeNull();
    expect(store.getState().suggestion).toEqual({ kind: 'done' });
    expect(selectStatusText(frameOf(store))?.images).toEqual(['argoproj/rollouts-demo:blue']);
  });

  it('loading another scenario ends the lesson; reloading its own keeps it', () => {
    const store = createSimStore();
    const { commands } = store.getState();
    commands.startLesson(CANARY_LESSON);
    commands.nextLessonStep();
    commands.reload();
    expect(store.getState().lesson).toMatchObject({ stepIndex: 1, complete: true });
    commands.loadScenario('abort-retry');
    expect(store.getState().lesson).toBeNull();
    expect(store.getState().suggestion).not.toBeNull();
  });

  it('a lesson condition on a rollout-less frame never holds', () => {
    const script: LessonScript = {
      id: 'x',
      scenario: 'blue-to-yellow',
      steps: [{ completeWhen: { status: 'Degraded' } }],
    };
    const store = createSimStore();
    store.getState().commands.startLesson(script);
    expect(store.getState().lesson?.complete).toBe(false);
  });
});

describe('language choice', () => {
  it('starts in English, or in the remembered language', () => {
    expect(createSimStore().getState().lang).toBe('en');
    expect(
      createSimStore({ storage: memoryStorage({ [LANG_STORAGE_KEY]: 'ko' }) }).getState().lang,
    ).toBe('ko');
    expect(
      createSimStore({ storage: memoryStorage({ [LANG_STORAGE_KEY]: 'fr' }) }).getState().lang,
    ).toBe('en');
    expect(createSimStore({ lang: 'ko' }).getState().lang).toBe('ko');
  });

  it('setLang switches and remembers; an unknown language is ignored', () => {
    const storage = memoryStorage();
    const store = createSimStore({ storage });
    store.getState().commands.setLang('ko');
    expect(store.getState().lang).toBe('ko');
    expect(storage.data[LANG_STORAGE_KEY]).toBe('ko');
    store.getState().commands.setLang('xx' as never);
    expect(store.getState().lang).toBe('ko');
  });

  it('a storage that throws only means the choice is not remembered', () => {
    const broken: LangStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    const store = createSimStore({ storage: broken });
    expect(store.getState().lang).toBe('en');
    store.getState().commands.setLang('ko');
    expect(store.getState().lang).toBe('ko');
  });
});

describe('frames for the new panels', () => {
  it('carry sampled requests once the first deploy has settled, and skip traffic ticks on Next event', () => {
    const store = createSimStore({ scenario: 'blue-to-yellow' });
    expect(frameOf(store).requests).toEqual([]);
    until(store, phaseIs('Paused', '1/8'));
    const frame = frameOf(store);
    expect(frame.requests.length).toBeGreaterThan(20);
    expect(frame.requests.every((r) => r.t > frame.t - 2000 && r.t <= frame.t)).toBe(true);
    expect(new Set(frame.requests.map((r) => r.rollout))).toEqual(new Set(['rollouts-demo']));
    // Only request traffic is ticking: nothing happens by itself at an indefinite pause.
    expect(store.getState().nextEventAt).toBeNull();
  });

  it('record the machine state and the last transition with its event', () => {
    const store = createSimStore({ scenario: 'blue-to-yellow' });
    until(store, phaseIs('Paused', '1/8'));
    const view = frameOf(store).machine['rollouts-demo'];
    expect(view.state).toBe('rollout.Paused');
    expect(view.lastTransition).toMatchObject({
      from: 'rollout.Progressing',
      to: 'rollout.Paused',
      event: 'cluster.changed',
      at: frameOf(store).t,
    });
    store.getState().commands.promote();
    expect(frameOf(store).machine['rollouts-demo'].lastTransition).toMatchObject({
      from: 'rollout.Paused',
      to: 'rollout.Progressing',
    });
  });

  it('describe the rollout statechart once, from the actor (always transitions included)', () => {
    const a = createSimStore({ scenario: 'blue-to-yellow' }).getState().statechart;
    const b = createSimStore({ scenario: 'abort-retry' }).getState().statechart;
    expect(a).not.toBeNull();
    expect(a).toBe(b);
    expect(a?.states.map((s) => s.label)).toEqual([
      'route',
      'Progressing',
      'Paused',
      'Healthy',
      'Degraded',
    ]);
    expect(a?.transitions.filter((t) => t.event === 'always')).toHaveLength(4);
  });

  it('keep the scenario text for the editor, also when it failed to load', () => {
    const store = createSimStore({ scenario: 'blue-to-yellow' });
    expect(store.getState().scenario?.text).toBe(findScenario('blue-to-yellow')?.text);
    store.getState().commands.loadScenario({ text: 'kind: Scenario\nbogus: 1\n', file: 'x.yaml' });
    expect(store.getState().scenario?.text).toBe('kind: Scenario\nbogus: 1\n');
    expect(store.getState().error?.issues[0]).toMatchObject({ file: 'x.yaml', severity: 'error' });
    expect(currentFrame(store.getState())).toBeUndefined();
  });
});

describe('every bundled scenario with request traffic on', () => {
  it.each(SCENARIOS.map((s) => s.name))('%s loads, runs and narrates without gaps', (name) => {
    const store = createSimStore({ scenario: name, autoplay: true });
    for (let i = 0; i < 60 && store.getState().nextEventAt !== null; i++)
      store.getState().commands.nextEvent();
    const s = store.getState();
    if (s.error) return; // refused at load: the issues are the subject of other tests
    for (const frame of s.frames) {
      expect(frame.log.every((e) => e !== undefined)).toBe(true);
      expect(() => selectEventLog(frame)).not.toThrow();
    }
  });
});

describe('checkScenarioText', () => {
  it('finds nothing in a scenario that loads, and positions a bad value at its line with the field', () => {
    const source = findScenario('blue-to-yellow')!;
    expect(checkScenarioText(source.text, source.file)).toEqual([]);
    const broken = source.text.replace('- setWeight: 20\n', '- setWeight: 200\n');
    const line = source.text.split('\n').findIndex((l) => l.includes('- setWeight: 20')) + 1;
    const issues = checkScenarioText(broken, source.file);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      file: source.file,
      line,
      path: 'manifests[0].spec.strategy.canary.steps[0].setWeight',
      severity: 'error',
    });
  });
});
