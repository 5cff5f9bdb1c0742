import { Fragment, useMemo } from 'react';
import { splitByRanges, type HitMatcher, type TextRange } from '../ui/highlight';

interface HighlightedTextProps {
  text: string;
  /** Finds the hits to mark; none renders the text as it is. */
  matcher?: HitMatcher | null | undefined;
  /** Or the ranges to mark, already worked out. */
  ranges?: readonly TextRange[] | undefined;
}

/** Letter text with the search's hits in `<mark>`, built from text nodes only. */
export function HighlightedText({ text, matcher, ranges }: HighlightedTextProps) {
  const segments = useMemo(() => {
    const marks = ranges ?? (matcher ? matcher(text) : null);
    return marks && marks.length > 0 ? splitByRanges(text, marks) : null;
  }, [text, matcher, ranges]);
  if (!segments) return <>{text}</>;
  return (
    <>
      {segments.map((segment, i) =>
        segment.marked ? <mark key={i}>{segment.text}</mark> : <Fragment key={i}>{segment.text}</Fragment>,
      )}
    </>
  );
}
