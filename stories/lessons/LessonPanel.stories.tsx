import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { LangContext } from '../../src/ui/i18n/context';
import LanguageSwitcher from '../../src/ui/i18n/LanguageSwitcher';
import type { Lang } from '../../src/ui/i18n/t';
import LessonMenu from '../../src/ui/lessons/LessonMenu';
import LessonPanel from '../../src/ui/lessons/LessonPanel';
import { BLUE_GREEN_LESSON, CANARY_LESSON, LESSONS } from '../../src/ui/lessons/lessons';
import type { Lesson } from '../../src/ui/lessons/lessons';

/** Click-through: Next/Back move, "Do it" marks the step complete (the store will do this for real). */
function Walkthrough({ lesson }: { lesson: Lesson }) {
  const [lang, setLang] = useState<Lang>('en');
  const [step, setStep] = useState(0);
  const [done, setDone] = useState<ReadonlySet<number>>(new Set());
  return (
    <LangContext.Provider value={lang}>
      <div style={{ padding: '1rem', display: 'grid', gap: '0.8rem' }}>
        <LanguageSwitcher lang={lang} onChange={setLang} />
        <LessonPanel
          lesson={lesson}
          stepIndex={step}
          complete={done.has(step)}
          onNext={() => setStep((s) => Math.min(s + 1, lesson.steps.length - 1))}
          onBack={() => setStep((s) => Math.max(0, s - 1))}
          onAction={() => setDone((d) => new Set([...d, step]))}
        />
      </div>
    </LangContext.Provider>
  );
}

const meta = {
  title: 'Lessons/LessonPanel',
  component: LessonPanel,
  args: { lesson: CANARY_LESSON, stepIndex: 3, onNext: () => {}, onBack: () => {} },
  decorators: [
    (Story) => (
      <div style={{ padding: '1rem' }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof LessonPanel>;
export default meta;

type Story = StoryObj<typeof meta>;

export const PausedAt20: Story = {};
export const PausedAt20Complete: Story = { args: { complete: true } };
export const PromoteFull: Story = {
  args: { stepIndex: CANARY_LESSON.steps.findIndex((s) => s.id === 'promote-full') },
};
export const Korean: Story = {
  decorators: [
    (Story) => (
      <LangContext.Provider value="ko">
        <Story />
      </LangContext.Provider>
    ),
  ],
};
export const CanaryWalkthrough: Story = { render: () => <Walkthrough lesson={CANARY_LESSON} /> };
export const BlueGreenWalkthrough: Story = {
  render: () => <Walkthrough lesson={BLUE_GREEN_LESSON} />,
};
export const Menu: Story = { render: () => <LessonMenu lessons={LESSONS} onStart={() => {}} /> };
