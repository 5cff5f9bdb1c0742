/**
 * How search sees text: which runs of characters are words, how a word is normalised,
 * and which words are too common to index. The index, the query parser, phrase matching
 * and snippets all use these, so a word means the same thing everywhere.
 *
 * A word is a run of letters and digits, with apostrophes allowed inside it
 * ("children's"); everything else separates words, hyphens included ("well-being" is two).
 */

/** Characters that stand for an apostrophe in letters: curly quotes, the modifier letter, backtick, acute. */
const APOSTROPHE_LIKE = /[\u2018\u2019\u02bc\u0060\u00b4]/g;

/** A word in text whose apostrophes were normalised with `normaliseApostrophes`. */
export const WORD_PATTERN = /[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu;

/**
 * WORD_PATTERN for text of printable ASCII and white space, where it finds the same words
 * several times faster. Such text may also hold the punctuation and symbols letters use
 * (no-break space, £, dashes, curly double quotes, ellipsis, bullet): none is a letter or
 * digit. Anything else (an accented letter, a control character) takes the full pattern.
 */
const ASCII_WORD_PATTERN = /[A-Za-z0-9]+(?:'[A-Za-z0-9]+)*/g;
const BEYOND_ASCII = /[^\t-\r -~\u00a0\u00a3\u2013\u2014\u201c\u201d\u2026\u2022]/;

/** The pattern that finds the words of this (apostrophe-normalised) text: WORD_PATTERN, or its ASCII twin where that finds the same. */
export function wordPatternFor(text: string): RegExp {
  return BEYOND_ASCII.test(text) ? WORD_PATTERN : ASCII_WORD_PATTERN;
}

/** Replaces apostrophe-like characters by "'", one for one, so offsets into the text stay valid. */
export function normaliseApostrophes(text: string): string {
  return text.replace(APOSTROPHE_LIKE, "'");
}

/** A word's searchable form: lower-cased, apostrophes normalised. */
export function normaliseWord(word: string): string {
  return normaliseApostrophes(word).toLowerCase();
}

/** The words of `text` as written (not lower-cased), in order. */
export function wordsOf(text: string): string[] {
  const normalised = normaliseApostrophes(text);
  return normalised.match(wordPatternFor(normalised)) ?? [];
}

/** A word of a text and where it is: [start, end) in UTF-16 units of the original text. */
export interface WordSpan {
  /** Normalised (`normaliseWord`). */
  word: string;
  start: number;
  end: number;
}

/** Every word of `text` with its place. */
export function wordSpans(text: string): WordSpan[] {
  const spans: WordSpan[] = [];
  const normalised = normaliseApostrophes(text);
  for (const match of normalised.matchAll(wordPatternFor(normalised))) {
    spans.push({ word: match[0].toLowerCase(), start: match.index, end: match.index + match[0].length });
  }
  return spans;
}

/** "children's" → "children"; null for a word without a possessive ending. */
export function possessiveBase(word: string): string | null {
  return word.length > 2 && word.endsWith("'s") ? word.slice(0, -2) : null;
}

/**
 * Common English function words, left out of the index and out of queries: they are in
 * nearly every section, so they narrow nothing and cost a lot. Phrases still check them.
 * Deliberately short: words that carry meaning in these letters ("not", "well", "being",
 * "upon" as in Kingston upon Hull, "all", "no") are not here.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'the',
  'and', 'or', 'but', 'nor', 'if', 'than', 'then', 'so', 'as',
  'of', 'to', 'in', 'on', 'at', 'by', 'for', 'with', 'from', 'into', 'onto',
  'is', 'are', 'was', 'were', 'be', 'been', 'am',
  'has', 'have', 'had', 'do', 'does', 'did',
  'it', 'its', 'this', 'that', 'these', 'those',
  'which', 'who', 'whom', 'whose',
  'there', 'their', 'theirs', 'they', 'them',
  'we', 'our', 'us', 'you', 'your', 'he', 'him', 'his', 'she', 'her', 'i', 'me', 'my',
  'also', 'such',
]);

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}
