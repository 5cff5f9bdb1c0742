/**
 * Where the words of a search fall in a run of letter text, as [start, end) ranges.
 * The letter view draws `<mark>` around those ranges as React text nodes, so letter
 * text never passes through HTML.
 */

/** A half-open range of UTF-16 offsets into a string: [start, end). */
export type TextRange = readonly [start: number, end: number];

/** A piece of text, marked when it is one of the words searched for. */
export interface TextSegment {
  text: string;
  marked: boolean;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

function escapeForRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Finds every place in `text` where a word starts with one of `terms`, ignoring case.
 * A term matches the start of a word only ("safe" finds "Safeguarding" but not "unsafe"),
 * and the range covers the whole word it starts, so a prefix search marks what it found.
 * Ranges come back sorted and never overlap.
 */
export function findTermRanges(text: string, terms: readonly string[]): TextRange[] {
  const cleaned = [...new Set(terms.map((t) => t.trim()).filter((t) => t.length > 0))];
  if (cleaned.length === 0 || text.length === 0) return [];
  // Longest first, so "children" is tried before "child" at the same place.
  cleaned.sort((a, b) => b.length - a.length);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${cleaned.map(escapeForRegExp).join('|')})`, 'giu');
  const ranges: TextRange[] = [];
  for (const match of text.matchAll(pattern)) {
    const start = match.index;
    let end = start + match[0].length;
    if (match[0].length === 0) continue;
    // A term that itself ends inside a word ("safe" in "safeguarding"): mark the whole word.
    if (WORD_CHAR.test(match[0].slice(-1))) {
      while (end < text.length && WORD_CHAR.test(text.charAt(end))) end += 1;
    }
    const last = ranges[ranges.length - 1];
    if (last && start <= last[1]) {
      if (end > last[1]) ranges[ranges.length - 1] = [last[0], end];
    } else {
      ranges.push([start, end]);
    }
  }
  return ranges;
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

/**
 * The plain words of a search query, for highlighting when the search gives none:
 * field filters ("grade:1"), excluded words ("-adoption") and operators are left out.
 */
export function queryWords(query: string): string[] {
  const words: string[] = [];
  for (const token of query.split(/\s+/)) {
    if (token === '' || token.startsWith('-') || token.includes(':')) continue;
    if (/^(AND|OR|NOT)$/.test(token)) continue;
    for (const part of token.split(/[^\p{L}\p{N}]+/u)) {
      if (part.length > 0) words.push(part);
    }
  }
  return words;
}
