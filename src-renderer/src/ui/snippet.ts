/**
 * A short excerpt around the first place a search's words appear, for the results list,
 * with the ranges to mark inside it.
 */
import type { Section } from '../../../src-shared/letters/letter';
import { findTermRanges, type TextRange } from './highlight';

export interface Snippet {
  text: string;
  ranges: TextRange[];
}

/**
 * Cuts about `width` characters of `text` around the first match of `terms`, at word
 * boundaries, with "…" where it was cut. Null when no term is found.
 */
export function makeSnippet(text: string, terms: readonly string[], width = 160): Snippet | null {
  const all = findTermRanges(text, terms);
  const first = all[0];
  if (!first) return null;
  const flat = text.replace(/\s+/g, ' ');
  // Collapsing whitespace keeps lengths only when it maps one to one, so recompute on the flat text.
  const ranges = flat.length === text.length ? all : findTermRanges(flat, terms);
  const anchor = ranges[0] ?? first;
  let start = Math.max(0, anchor[0] - Math.floor(width / 3));
  let end = Math.min(flat.length, start + width);
  start = Math.max(0, Math.min(start, end - width));
  if (start > 0) {
    const space = flat.indexOf(' ', start);
    if (space !== -1 && space < anchor[0]) start = space + 1;
  }
  if (end < flat.length) {
    const space = flat.lastIndexOf(' ', end);
    if (space > anchor[1]) end = space;
  }
  const prefix = start > 0 ? '…' : '';
  const suffix = end < flat.length ? '…' : '';
  const shift = prefix.length - start;
  const inside = ranges
    .filter(([a, b]) => a >= start && b <= end)
    .map(([a, b]) => [a + shift, b + shift] as const);
  return { text: prefix + flat.slice(start, end) + suffix, ranges: inside };
}

/** Everything a section says below its heading, as one run of text to cut snippets from. */
export function sectionPlainText(section: Section): string {
  return [
    ...section.paragraphs.map((b) => (b.type === 'paragraph' ? b.text : b.items.join(' '))),
    ...section.recommendations.flatMap((r) => [r.text, ...r.items]),
    ...section.areasForDevelopment,
  ].join(' ');
}
