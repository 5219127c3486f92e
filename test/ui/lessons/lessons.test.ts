import { readFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { CONDITION_KEYS, formatFailure, parseScenario, runScenario } from '../../../src/scenario';
import { en } from '../../../src/ui/i18n/en';
import {
  BLUE_GREEN_LESSON,
  CANARY_LESSON,
  LESSONS,
  LESSON_TARGETS,
  findLesson,
  formatCondition,
} from '../../../src/ui/lessons/lessons';
import type { Lesson } from '../../../src/ui/lessons/lessons';

const scenarioText = (name: string) =>
  readFileSync(new URL(`../../../simulations/${name}.yaml`, import.meta.url), 'utf8');

/**
 * scriptOf turns a lesson into a scenario script: each action becomes the verb, each completion
 * condition a `waitFor`. If the script passes, a learner who does what the lesson says gets
 * every step completed by the same conditions the store will evaluate.
 */
function scriptOf(lesson: Lesson): unknown[] {
  return lesson.steps.flatMap((step) => {
    const out: unknown[] = [];
    const a = step.action;
    if (a && a.kind === 'setImage') out.push({ setImage: { image: a.image } });
    else if (a && a.kind === 'undo')
      out.push({ undo: a.toRevision ? { toRevision: a.toRevision } : {} });
    else if (a && a.kind !== 'wait') out.push({ [a.kind]: {} });
    if (step.completeWhen) out.push({ waitFor: { ...step.completeWhen, timeout: '2m' } });
    return out;
  });
}

function runLesson(lesson: Lesson) {
  const text = scenarioText(lesson.scenario);
  const withLesson = `${text.slice(0, text.indexOf('\nscript:'))}\n${stringify({ script: scriptOf(lesson) })}`;
  const parsed = parseScenario(withLesson, `${lesson.scenario}.yaml`);
  expect(parsed.issues.filter((i) => i.severity === 'error')).toEqual([]);
  return runScenario(parsed.scenario!);
}

describe('lesson data', () => {
  it('has unique ids, known targets and a real library scenario per lesson', () => {
    expect(new Set(LESSONS.map((l) => l.id)).size).toBe(LESSONS.length);
    for (const lesson of LESSONS) {
      expect(findLesson(lesson.id)).toBe(lesson);
      expect(new Set(lesson.steps.map((s) => s.id)).size).toBe(lesson.steps.length);
      expect(() => scenarioText(lesson.scenario)).not.toThrow();
      for (const step of lesson.steps) {
        if (step.target) expect(LESSON_TARGETS).toContain(step.target);
        expect(en[step.titleKey]).toBeTruthy();
        expect(en[step.bodyKey]).toBeTruthy();
      }
    }
  });

  it('uses only scenario-format condition keys', () => {
    for (const lesson of LESSONS)
      for (const step of lesson.steps)
        for (const key of Object.keys(step.completeWhen ?? {}))
          expect(CONDITION_KEYS as readonly string[]).toContain(key);
  });

  it('offers both Promote and Promote-Full in the canary lesson', () => {
    const kinds = CANARY_LESSON.steps.map((s) => s.action?.kind);
    expect(kinds).toContain('promote');
    expect(kinds).toContain('promoteFull');
    expect(kinds.indexOf('promote')).toBeLessThan(kinds.indexOf('promoteFull'));
  });

  it('prints conditions in scenario terms', () => {
    expect(formatCondition({ status: 'Paused', step: 1 })).toBe('status: Paused, step: 1');
    expect(formatCondition({ revisionPods: { '1': 0 } })).toBe('revisionPods: {"1": 0}');
  });
});

describe('lessons run on the real engine', () => {
  it('the canary lesson completes, and Promote-Full skips the remaining steps', () => {
    const run = runLesson(CANARY_LESSON);
    expect(run.result.failure ? formatFailure(run.result.failure) : '').toBe('');
    expect(run.result.passed).toBe(true);
    const records = run.lines
      .map(
        (l) =>
          JSON.parse(l) as {
            kind: string;
            phase?: string;
            step?: number;
            replicaSets?: { revision: number }[];
          },
      )
      .filter((r) => r.kind === 'rollout');
    // Revision 3 (blue again) is promoted fully: after its 20% pause it never pauses again.
    const rev3 = records.filter((r) => r.replicaSets?.some((rs) => rs.revision === 3));
    const pausedSteps = rev3.filter((r) => r.phase === 'Paused').map((r) => r.step);
    expect(new Set(pausedSteps)).toEqual(new Set([1]));
    // Revision 2 (yellow, plain Promote) did pause at 40, 60 and 80.
    const rev2 = records.filter(
      (r) =>
        r.replicaSets?.some((rs) => rs.revision === 2) &&
        !r.replicaSets?.some((rs) => rs.revision === 3),
    );
    expect(new Set(rev2.filter((r) => r.phase === 'Paused').map((r) => r.step))).toEqual(
      new Set([1, 3, 5, 7]),
    );
  });

  it('the blue-green lesson completes', () => {
    const run = runLesson(BLUE_GREEN_LESSON);
    expect(run.result.failure ? formatFailure(run.result.failure) : '').toBe('');
    expect(run.result.passed).toBe(true);
  });
});
