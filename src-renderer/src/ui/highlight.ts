/**
 * Where the words of a search fall in a run of letter text, as [start, end) ranges.
 * The letter view draws `<mark>` around those ranges as React text nodes, so letter
 * text never passes through HTML.
 */

import { findHits } from '../../../src-shared/search/snippet';

/** A half-open range of UTF-16 offsets into a string: [start, end). */
export type TextRange = readonly [start: number, end: number];

/** A piece of text, marked when it is one of the words searched for. */
export interface TextSegment {
  text: string;
  marked: boolean;
}

/** Cuts `text` at `ranges` (sorted, not overlapping) into plain and marked pieces. */
export function splitByRanges(text: string, ranges: readonly TextRange[]): TextSegment[] {
  const segments: TextSegment[] = [];
  let at = 0;
  for (const [rawStart, rawEnd] of ranges) {
    const start = Math.max(at, Math.min(rawStart, text.length));
    const end = Math.min(Math.max(rawEnd, start), text.length);
    if (end <= start) continue;
    if (start > at) segments.push({ text: text.slice(at, start), marked: false });
    segments.push({ text: text.slice(start, end), marked: true });
    at = end;
  }
  if (at < text.length || segments.length === 0) segments.push({ text: text.slice(at), marked: false });
  return segments;
}

/** What a search asks to mark in an opened letter: whole words, and phrases as word sequences. */
export interface HitTerms {
  words: readonly string[];
  phrases: readonly (readonly string[])[];
}

/** Finds the hits in one run of text, as sorted, non-overlapping ranges. */
export type HitMatcher = (text: string) => TextRange[];

/**
 * A matcher for `terms`, or null when there is nothing to mark. It finds words and phrases
 * exactly as the search's own snippets do (`findHits`), so a letter is marked where its
 * results were: a word matches a whole word ignoring case ("safe" marks "Safe", not
 * "unsafe" or "safeguarding"), and a phrase its words in a row, as one hit.
 */
export function makeHitMatcher(terms: HitTerms): HitMatcher | null {
  const words = new Set(terms.words.map((w) => w.trim().toLowerCase()).filter((w) => w !== ''));
  const phrases = terms.phrases.filter((p) => p.length > 0);
  if (words.size === 0 && phrases.length === 0) return null;
  return (text) => findHits(text, { words, phrases });
}
