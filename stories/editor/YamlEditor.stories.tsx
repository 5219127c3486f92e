import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { loadAndCheck } from '../../src/model';
import YamlEditor from '../../src/ui/editor/YamlEditor';
import { LangContext } from '../../src/ui/i18n/context';
import { BROKEN_ROLLOUT_YAML, ROLLOUT_YAML } from '../objects/fixtures';

/** Live: edits are linted with the model's loadAndCheck on every change, as the page will do. */
function LiveEditor({ initial, readOnly = false }: { initial: string; readOnly?: boolean }) {
  const [text, setText] = useState(initial);
  const [applied, setApplied] = useState<string | null>(null);
  const issues = loadAndCheck(text, 'rollout.yaml').issues;
  return (
    <div style={{ padding: '1rem', maxWidth: '56rem' }}>
      <YamlEditor
        value={text}
        onChange={setText}
        issues={issues}
        readOnly={readOnly}
        onApply={(v) => setApplied(v)}
      />
      {applied !== null ? <p>Applied {applied.split('\n').length} lines.</p> : null}
    </div>
  );
}

const meta = {
  title: 'Editor/YamlEditor',
  component: YamlEditor,
  args: { value: ROLLOUT_YAML },
} satisfies Meta<typeof YamlEditor>;
export default meta;

type Story = StoryObj<typeof meta>;

export const Valid: Story = { render: () => <LiveEditor initial={ROLLOUT_YAML} /> };

export const WithIssues: Story = { render: () => <LiveEditor initial={BROKEN_ROLLOUT_YAML} /> };

export const ReadOnly: Story = {
  render: () => <LiveEditor initial={BROKEN_ROLLOUT_YAML} readOnly />,
};

export const Korean: Story = {
  render: () => (
    <LangContext.Provider value="ko">
      <LiveEditor initial={BROKEN_ROLLOUT_YAML} />
    </LangContext.Provider>
  ),
};
