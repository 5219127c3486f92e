import { describe, expect, it } from 'vitest';
import { colourOf, DEMO_COLOURS } from '../../src/ui/viz/colours';
import { ringPath } from '../../src/ui/viz/countdown';
import { layoutBar, weightX } from '../../src/ui/viz/traffic';
import {
  formatClock,
  formatSeconds,
  msgTranslator,
  shortImage,
  translator,
} from '../../src/ui/i18n';

const t = translator('en');
const tm = msgTranslator('en');
const tko = translator('ko');
const tmko = msgTranslator('ko');

describe('viz helpers', () => {
  it('colourOf uses the rollouts-demo colours and a stable distinct colour for other images', () => {
    expect(colourOf('argoproj/rollouts-demo:yellow').fill).toBe(DEMO_COLOURS.yellow);
    expect(colourOf('argoproj/rollouts-demo:bad-red').fill).toBe(DEMO_COLOURS.red);
    expect(colourOf('argoproj/rollouts-demo:slow-green').fill).toBe(DEMO_COLOURS.green);
    const other = colourOf('nginx:1.27');
    expect(Object.values(DEMO_COLOURS)).not.toContain(other.fill);
    expect(colourOf('nginx:1.27')).toEqual(other);
    expect(colourOf('argoproj/rollouts-demo:yellow').ink).toBe('#111827');
    expect(colourOf('argoproj/rollouts-demo:purple').ink).toBe('#ffffff');
  });

  it('layoutBar puts shares side by side over the width', () => {
    const segs = layoutBar([{ share: 0.2 }, { share: 0.8 }], 600);
    expect(segs.map((s) => [s.x, s.width])).toEqual([
      [0, 120],
      [120, 480],
    ]);
    expect(weightX(50, 600)).toBe(300);
    expect(weightX(150, 600)).toBe(600);
  });

  it('ringPath draws an arc for a fraction and nothing for zero', () => {
    expect(ringPath(0.5, 8, 3)).toMatch(/^M/);
    expect(ringPath(1, 8, 3)).not.toBe(ringPath(0.5, 8, 3));
  });
});

describe('copy', () => {
  it('interpolates values and renders store messages', () => {
    expect(t('next.action', { verb: 'Promote' })).toBe('next: press Promote');
    expect(tm({ key: 'waiting.pauseIndefinite', values: { step: 2, code: 'pause: {}' } })).toBe(
      'Paused: step 2 is `pause: {}` and waits for Promote.',
    );
    expect(tm({ key: 'no.such.key', values: { a: 1 } })).toBe('no.such.key: 1');
  });

  it('speaks Korean from the same keys, with the same placeholders filled', () => {
    expect(tko('next.action', { verb: 'Promote' })).toBe('다음: Promote 누르기');
    expect(tmko({ key: 'waiting.pauseIndefinite', values: { step: 2, code: 'pause: {}' } })).toBe(
      '일시 정지: 2단계는 `pause: {}`이며 Promote를 기다립니다.',
    );
    expect(tmko({ key: 'no.such.key', values: { a: 1 } })).toBe('no.such.key: 1');
  });

  it('formats virtual time and images', () => {
    expect(formatClock(4_000)).toBe('0:04');
    expect(formatClock(125_900)).toBe('2:05');
    expect(formatSeconds(6_200)).toBe('7');
    expect(shortImage('argoproj/rollouts-demo:yellow')).toBe('yellow');
    expect(shortImage('nginx')).toBe('nginx');
  });
});
