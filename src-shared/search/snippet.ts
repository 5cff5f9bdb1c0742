/**
 * Finding a search's words and phrases in text: whether a phrase is there, where every
 * hit is, and a short snippet around the best of them. Pure. The letter view uses `findHits`
 * with a response's `highlight` to mark an opened letter exactly as the search matched it.
 * The search index cuts its snippets and checks its phrases on word streams instead, and
 * `makeSnippet` and `phraseMatcher` are the reference on plain text its tests hold it to
 * (search-index.test.ts); the snippets' size comes from here.
 *
 * Matching is by whole words, ignoring case, with any apostrophe-like character taken as an
 * apostrophe; a word also matches its possessive ("children" marks "children's"), as in the index.
 */
import { normaliseWord } from './words';

/** A stretch of text and the [start, end) ranges (UTF-16 units) to mark in it. */
export interface MarkedText {
  text: string;
  marks: [number, number][];
}

/** What to look for. */
export interface HitSpec {
  /** Whole words, lower-cased. */
  words?: Iterable<string>;
  /** Beginnings of words: any word starting with one of these. */
  prefixes?: Iterable<string>;
  /** Words in this order, with only spaces or punctuation between them. */
  phrases?: readonly (readonly string[])[];
}

/** Words of about this many make a snippet. */
export const SNIPPET_WORDS = 25;
/** Words shown before the best hit, so it has some context. */
export const LEAD_WORDS = 8;
/** Hits considered when choosing where a snippet goes: plenty for a section. */
const MAX_HITS_CONSIDERED = 32;
/** Rough size of a snippet in characters, only to choose between hits. */
const WINDOW_CHARS = 160;
const LEAD_CHARS = 50;

const APOSTROPHE = "['\u2018\u2019\u02bc\u0060\u00b4]";
const WORD_CHAR = '[\\p{L}\\p{N}]';
const AFTER = `(?!${WORD_CHAR}|${APOSTROPHE}${WORD_CHAR})`;
const BETWEEN = '[^\\p{L}\\p{N}]+';
const WORD = new RegExp(`${WORD_CHAR}+(?:${APOSTROPHE}${WORD_CHAR}+)*`, 'gu');
const WORD_OR_DIGIT = /[\p{L}\p{N}]/u;
const IS_APOSTROPHE = new RegExp(APOSTROPHE);
const SPACE = /\s/;

/**
 * Whether a match at `at` starts a word: not after a letter or digit, nor after a letter and
 * an apostrophe ("s" in "children's" is not a word). Checked by hand rather than with a
 * lookbehind, which would make the regular expression engine try every position slowly.
 */
function startsWord(text: string, at: number): boolean {
  if (at === 0) return true;
  const before = text.charAt(at - 1);
  if (WORD_OR_DIGIT.test(before)) return false;
  return !(IS_APOSTROPHE.test(before) && at >= 2 && WORD_OR_DIGIT.test(text.charAt(at - 2)));
}

/** The next match of a global `pattern` in `text` at or after `from` that starts a word; null when there is none. */
function nextWholeMatch(pattern: RegExp, text: string, from: number): RegExpExecArray | null {
  pattern.lastIndex = from;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    if (m[0].length > 0 && startsWord(text, m.index)) return m;
    pattern.lastIndex = m.index + 1;
  }
  return null;
}

/** A word as a pattern: special characters escaped, any apostrophe-like character allowed for "'". */
function wordSource(word: string): string {
  return normaliseWord(word)
    .replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')
    .replace(/'/g, APOSTROPHE);
}

/** Whether a phrase is in a text. */
export interface PhraseTest {
  test(text: string): boolean;
}

/**
 * A test for `words` in that order, as whole words with only spaces or punctuation between
 * them, ignoring case ("children's services" finds "Children’s  Services,"). A word must not
 * be part of a longer one: "child" does not find "children" and "children" does not find
 * "children's".
 */
export function phraseMatcher(words: readonly string[]): PhraseTest {
  const pattern = new RegExp(words.map((w) => wordSource(w) + AFTER).join(BETWEEN), 'giu');
  return { test: (text) => nextWholeMatch(pattern, text, 0) !== null };
}

/**
 * One pattern finding everything in `spec` (phrases before words, longer before shorter);
 * null when there is nothing to find. Give it to `findHits` or `makeSnippet`, which also check
 * that each match starts a word.
 */
export function hitPattern(spec: HitSpec): RegExp | null {
  const phrases = [...new Set((spec.phrases ?? []).filter((p) => p.length > 0).map((p) => p.map((w) => wordSource(w) + AFTER).join(BETWEEN)))];
  const words = [...new Set([...(spec.words ?? [])].filter((w) => w.length > 0).map(wordSource))];
  const prefixes = [...new Set([...(spec.prefixes ?? [])].filter((w) => w.length > 0).map(wordSource))];
  const longestFirst = (a: string, b: string) => b.length - a.length;
  const alternatives = [
    ...phrases.sort(longestFirst),
    ...words.sort(longestFirst).map((w) => `${w}(?:${APOSTROPHE}s)?${AFTER}`),
    ...prefixes.sort(longestFirst).map((p) => `${p}${WORD_CHAR}*(?:${APOSTROPHE}${WORD_CHAR}+)*`),
  ];
  if (alternatives.length === 0) return null;
  return new RegExp(`(?:${alternatives.join('|')})`, 'giu');
}

interface Hit {
  start: number;
  end: number;
  key: string;
}

function hitsIn(text: string, pattern: RegExp, from: number, to: number, max: number): Hit[] {
  const hits: Hit[] = [];
  for (let m = nextWholeMatch(pattern, text, from); m !== null && m.index < to && hits.length < max; m = nextWholeMatch(pattern, text, m.index + m[0].length)) {
    const key = m[0].toLowerCase();
    hits.push({ start: m.index, end: m.index + m[0].length, key: /[^\p{L}\p{N}']/u.test(key) ? normaliseWord(key).replace(/[^\p{L}\p{N}']+/gu, ' ') : key });
  }
  return hits;
}

/**
 * Every place in `text` matching `spec` (or a pattern from `hitPattern`), as [start, end)
 * ranges, sorted and not overlapping. A phrase is one range from its first word to its last.
 */
export function findHits(text: string, spec: HitSpec | RegExp | null): [number, number][] {
  const pattern = spec instanceof RegExp || spec === null ? spec : hitPattern(spec);
  if (!pattern) return [];
  return hitsIn(text, pattern, 0, text.length, Number.POSITIVE_INFINITY).map((h) => [h.start, h.end]);
}

/**
 * The hit that begins the stretch (about a snippet long) holding the most different words
 * and phrases searched for: one pass, stopping as soon as a stretch holds all of them.
 */
function bestHit(hits: readonly Hit[]): Hit | null {
  const first = hits[0];
  if (!first) return null;
  const all = new Set(hits.map((h) => h.key)).size;
  if (all === 1) return first;
  const inside = new Map<string, number>();
  let best = first;
  let bestCount = 0;
  let end = 0;
  for (let i = 0; i < hits.length; i++) {
    const from = hits[i]!;
    const to = from.start + WINDOW_CHARS - LEAD_CHARS;
    for (; end < hits.length && hits[end]!.end <= to; end++) inside.set(hits[end]!.key, (inside.get(hits[end]!.key) ?? 0) + 1);
    if (inside.size > bestCount) {
      best = from;
      bestCount = inside.size;
      if (bestCount === all) break;
    }
    // `from` leaves the stretch.
    if (end > i) {
      const n = inside.get(from.key)! - 1;
      if (n === 0) inside.delete(from.key);
      else inside.set(from.key, n);
    } else {
      end = i + 1;
    }
  }
  return best;
}

/** Starts of the words in text[from, to). */
function wordStarts(text: string, from: number, to: number): number[] {
  const starts: number[] = [];
  WORD.lastIndex = from;
  for (let m = WORD.exec(text); m !== null && m.index < to; m = WORD.exec(text)) starts.push(m.index);
  return starts;
}

/** `text` with every run of white space made one space, and where each old offset went (null: nowhere else). */
function collapseSpaces(text: string): { text: string; at: Int32Array | null } {
  if (!/\s\s|[^\S ]/.test(text)) return { text, at: null };
  const at = new Int32Array(text.length + 1);
  let out = '';
  let inSpace = false;
  for (let i = 0; i < text.length; i++) {
    at[i] = out.length;
    const ch = text.charAt(i);
    if (SPACE.test(ch)) {
      if (!inSpace) out += ' ';
      inSpace = true;
    } else {
      out += ch;
      inSpace = false;
    }
  }
  at[text.length] = out.length;
  return { text: out, at };
}

/**
 * About `size` words of `text` around its best hit (the place with the most different words
 * and phrases searched for nearby), a few words before it for context, every hit in it marked,
 * white space collapsed, with "…" where the text was cut. The start of the text when nothing
 * is found. `pattern` comes from `hitPattern`.
 */
export function makeSnippet(text: string, pattern: RegExp | null, size: number = SNIPPET_WORDS): MarkedText {
  const found = pattern ? hitsIn(text, pattern, 0, text.length, MAX_HITS_CONSIDERED) : [];
  const hit = bestHit(found);
  const anchor = hit ? hit.start : 0;
  // Words just before the hit, enough to step back for context or to fill a snippet that meets the end.
  const lookBack = Math.max(0, anchor - 16 * LEAD_WORDS - 8 * size);
  const before = anchor > 0 ? wordStarts(text, lookBack, anchor) : [];
  let first = Math.max(0, before.length - LEAD_WORDS);
  const startAt = (i: number): number => (i < before.length ? before[i]! : anchor);
  // Count `size` words forward; if the text ends first, step back further.
  WORD.lastIndex = startAt(first);
  let count = 0;
  let end = startAt(first);
  for (let m = WORD.exec(text); m !== null && count < size; m = WORD.exec(text)) {
    count += 1;
    end = m.index + m[0].length;
  }
  if (count === 0 && before.length === 0) return { text: text.trim().replace(/\s+/g, ' ').slice(0, 200), marks: [] };
  if (count < size && first > 0) {
    const back = Math.min(first, size - count);
    first -= back;
  }
  let start = first === 0 && lookBack === 0 ? 0 : startAt(first);
  // Keep the punctuation that closes the last word ("safe." or "(CAA)").
  while (end < text.length && !SPACE.test(text.charAt(end)) && !WORD_OR_DIGIT.test(text.charAt(end))) end += 1;
  while (start < end && SPACE.test(text.charAt(start))) start += 1;
  const cutBefore = start > 0 && /\S/.test(text.slice(0, start));
  const cutAfter = /\S/.test(text.slice(end));
  const { text: body, at } = collapseSpaces(text.slice(start, end));
  const shift = cutBefore ? 1 : 0;
  const marks: [number, number][] = [];
  if (pattern) {
    // The hits found already cover the snippet unless the search for them stopped inside it.
    const last = found[found.length - 1];
    const covered = found.length < MAX_HITS_CONSIDERED || (last !== undefined && last.start >= end);
    const inside = covered ? found.filter((h) => h.end > start && h.start < end) : hitsIn(text, pattern, start, end, Number.POSITIVE_INFINITY);
    for (const h of inside) {
      const a = Math.max(h.start, start) - start;
      const b = Math.min(h.end, end) - start;
      if (b > a) marks.push(at ? [at[a]! + shift, at[b]! + shift] : [a + shift, b + shift]);
    }
  }
  return { text: (cutBefore ? '\u2026' : '') + body + (cutAfter ? '\u2026' : ''), marks };
}
