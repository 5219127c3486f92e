/**
 * GetRolloutTree: the `kubectl argo rollouts get rollout` text in a monospace `<pre>`, coloured
 * with spans like the plugin colours a terminal. Rule: the rendered text is the input, byte for
 * byte (after removing any ANSI colour codes), so a copy pastes the `--no-color` output exactly.
 */
import { useMemo } from 'react';
import { useT } from '../i18n/context';
import { highlightTree, stripAnsi } from './highlight';
import './objects.css';

export interface GetRolloutTreeProps {
  /** The `get rollout` output (the store's selectGetTree, or the CLI's `--no-color` text). */
  readonly text: string;
}

/** GetRolloutTree renders the coloured, copy-exact tree. */
export function GetRolloutTree({ text }: GetRolloutTreeProps) {
  const t = useT();
  const segments = useMemo(() => highlightTree(stripAnsi(text)), [text]);
  return (
    <pre className="rl-tree" tabIndex={0} aria-label={t('objects.tree.label')}>
      {segments.map((s, i) =>
        s.cls ? (
          <span key={i} className={s.cls}>
            {s.text}
          </span>
        ) : (
          s.text
        ),
      )}
    </pre>
  );
}

export default GetRolloutTree;
