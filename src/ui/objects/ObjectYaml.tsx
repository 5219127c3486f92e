/**
 * ObjectYaml: one Kubernetes object as read-only YAML in a `<pre>`, lightly highlighted with
 * spans (copying gives exactly the YAML). Uses the `yaml` package, already in the main bundle.
 */
import { useMemo } from 'react';
import { useT } from '../i18n/context';
import { highlightYaml } from './highlight';
import { toYaml } from './toYaml';
import './objects.css';

export interface ObjectYamlProps {
  /** The object to show; absent shows a "no object selected" note. */
  readonly object?: {
    readonly kind?: string;
    readonly metadata?: { readonly name?: string };
  } | null;
}

/** ObjectYaml renders the YAML of `object` in a focusable, labelled `<pre>`. */
export function ObjectYaml({ object }: ObjectYamlProps) {
  const t = useT();
  const text = useMemo(() => (object ? toYaml(object) : ''), [object]);
  const segments = useMemo(() => highlightYaml(text), [text]);
  if (!object) return <p className="rl-objyaml__none">{t('objects.none')}</p>;
  return (
    <pre
      className="rl-objyaml"
      tabIndex={0}
      aria-label={t('objects.yaml.label', {
        kind: object.kind ?? '',
        name: object.metadata?.name ?? '',
      })}
    >
      <code>
        {segments.map((s, i) =>
          s.cls ? (
            <span key={i} className={s.cls}>
              {s.text}
            </span>
          ) : (
            s.text
          ),
        )}
      </code>
    </pre>
  );
}

export default ObjectYaml;
