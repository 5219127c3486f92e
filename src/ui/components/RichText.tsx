import { Fragment } from 'react';

export interface RichTextProps {
  /** Copy text: `code` in backticks, **bold** in double stars, blank lines between paragraphs. */
  readonly text: string;
  /** Render paragraphs as <p> (default: inline). */
  readonly block?: boolean;
}

function inline(text: string, key: string) {
  // Split into code spans first (nothing inside code is formatted), then bold and italics.
  return text.split(/(`[^`]*`)/).map((part, i) => {
    if (part.startsWith('`') && part.endsWith('`') && part.length >= 2)
      return <code key={`${key}-${i}`}>{part.slice(1, -1)}</code>;
    return part.split(/(\*\*[^*]+\*\*|\*[^*]+\*)/).map((bit, j) => {
      const k = `${key}-${i}-${j}`;
      if (bit.startsWith('**') && bit.endsWith('**') && bit.length > 4)
        return <strong key={k}>{bit.slice(2, -2)}</strong>;
      if (bit.startsWith('*') && bit.endsWith('*') && bit.length > 2)
        return <em key={k}>{bit.slice(1, -1)}</em>;
      return <Fragment key={k}>{bit}</Fragment>;
    });
  });
}

/** RichText renders copy with `code`, **bold** and *emphasis*, without HTML injection. */
export function RichText({ text, block = false }: RichTextProps) {
  if (!block) return <>{inline(text, 'r')}</>;
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .filter((p) => p.trim() !== '')
        .map((p, i) => (
          <p key={i}>{inline(p.replace(/\s*\n\s*/g, ' ').trim(), `p${i}`)}</p>
        ))}
    </>
  );
}
