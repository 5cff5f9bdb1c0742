import { Fragment, useMemo } from 'react';
import { findTermRanges, splitByRanges, type TextRange } from '../ui/highlight';

interface HighlightedTextProps {
  text: string;
  /** Words to mark; none, or an empty list, renders the text as it is. */
  terms?: readonly string[] | undefined;
  /** Or the ranges to mark, already worked out. */
  ranges?: readonly TextRange[] | undefined;
}

/** Letter text with the searched-for words in `<mark>`, built from text nodes only. */
export function HighlightedText({ text, terms, ranges }: HighlightedTextProps) {
  const segments = useMemo(() => {
    const marks = ranges ?? (terms && terms.length > 0 ? findTermRanges(text, terms) : null);
    return marks && marks.length > 0 ? splitByRanges(text, marks) : null;
  }, [text, terms, ranges]);
  if (!segments) return <>{text}</>;
  return (
    <>
      {segments.map((segment, i) =>
        segment.marked ? <mark key={i}>{segment.text}</mark> : <Fragment key={i}>{segment.text}</Fragment>,
      )}
    </>
  );
}
