/**
 * The paragraphs a letter's row keeps apart, as the bytes kept after its text in its pack
 * (letter-paragraphs.ts). Nearly every paragraph is a stretch of the letter's text with its
 * line breaks and runs of spaces made one space, so it is kept as where that stretch starts and
 * ends in the text: a few bytes instead of the words again. A paragraph that is not such a
 * stretch (words the parser joined or mended) is kept as written.
 *
 * At 10,000 letters the paragraphs as JSON were some 210 MB beside 170 MB of texts, and every
 * byte of a pack costs the page's thread and IndexedDB's when it is written. As places they
 * are about a fortieth of that.
 *
 * Two forms are read: JSON as written before (it starts with "["), and the form written now,
 * a marker byte and then JSON in which a paragraph is either its words or [start, end] in the text.
 */
import type { Block, Letter, Section } from '../../../src-shared/letters/letter';
import type { KeptSection } from './db';
import { judgementSection } from '../../../src-shared/summaries/letter-parts';

/** The paragraphs a row keeps apart, as its pack holds them: each section's, or null for a section whose row keeps them. */
export type ParagraphsApart = (Block[] | null)[];

/**
 * The paragraphs a letter's row keeps apart: those of every section but the one that gives the
 * letter's overall judgement (which the panes and summaries show); null when that is its only section.
 */
export function paragraphsApart(letter: Pick<Letter, 'kind' | 'sections'>): ParagraphsApart | null {
  const kept = judgementSection(letter);
  if (letter.sections.every((_, i) => i === kept)) return null;
  return letter.sections.map((section, i) => (i === kept ? null : section.paragraphs));
}

/** `letter` with the paragraphs `apart` holds taken out of its sections, as its row keeps it. */
export function withoutParagraphsApart<L extends { sections: readonly Section[] }>(letter: L, apart: ParagraphsApart): Omit<L, 'sections'> & { sections: KeptSection[] } {
  const sections = letter.sections.map((section, i): KeptSection => {
    if (apart[i] === null) return section;
    const rest: KeptSection = { ...section };
    delete rest.paragraphs;
    return rest;
  });
  return { ...letter, sections };
}

/** A paragraph as kept: its words, or where in the text they are ([start, end), in UTF-16 code units). */
type KeptWords = string | [number, number];
type KeptBlock = KeptWords | { l: KeptWords[] };

/** The first byte of paragraphs kept as places in the text; JSON as written before starts with "[". */
const PLACES_FORMAT = 0x01;

/** Shorter paragraphs are kept as written: a place would save little. */
const SHORTEST_PLACED = 24;

/** How many places where a paragraph's first word is found are tried before it is kept as written. */
const TRIES = 8;

const encoder = new TextEncoder();
/** Keeps a leading byte-order mark, as every reader of a kept text here must, so that places in it stay where they were. */
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** The characters a run of which is one space in a paragraph: ASCII's white space. */
function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13);
}

/** A run of the white space `isSpace` tells, and a stretch that holds one to be made one space. */
const SPACE_RUN = /[ \t\n\v\f\r]+/g;
const TO_MAKE_ONE_SPACE = /[\t\n\v\f\r]| {2}/;

/** `text` from `start` to `end` with each run of white space made one space: a paragraph kept as a place. */
function wordsAt(text: string, start: number, end: number): string {
  const words = text.slice(start, end);
  return TO_MAKE_ONE_SPACE.test(words) ? words.replace(SPACE_RUN, ' ') : words;
}

/**
 * Where `words` ends in `text` when it starts at `start`, read as `wordsAt` reads (each run of
 * white space in the text one space in the words, and a run taken whole); -1 when it is not there.
 * So `wordsAt(text, start, end)` is `words` whenever this gives `end`.
 */
function endOfWords(text: string, words: string, start: number): number {
  let i = 0;
  let j = start;
  while (i < words.length) {
    if (j >= text.length) return -1;
    const code = text.charCodeAt(j);
    if (isSpace(code)) {
      if (words.charCodeAt(i) !== 32) return -1;
      i++;
      j++;
      while (j < text.length && isSpace(text.charCodeAt(j))) j++;
    } else {
      if (words.charCodeAt(i) !== code) return -1;
      i++;
      j++;
    }
  }
  return j;
}

/** Finds paragraphs in one letter's text, each looked for from where the last one found ended. */
class PlacesInText {
  private from = 0;

  constructor(private readonly text: string) {}

  keep(words: string): KeptWords {
    if (words.length < SHORTEST_PLACED) return words;
    return this.place(words, this.from) ?? (this.from > 0 ? this.place(words, 0) : null) ?? words;
  }

  private place(words: string, from: number): [number, number] | null {
    const space = words.indexOf(' ');
    const head = space > 0 ? words.slice(0, space) : words.slice(0, SHORTEST_PLACED);
    if (head.length === 0 || isSpace(head.charCodeAt(0))) return null;
    // Most paragraphs are a line of the text as it is: then a comparison of the whole will do.
    const asWritten = !TO_MAKE_ONE_SPACE.test(words);
    let start = this.text.indexOf(head, from);
    for (let tries = 0; start !== -1 && tries < TRIES; tries++) {
      const end = asWritten && this.text.startsWith(words, start) ? start + words.length : endOfWords(this.text, words, start);
      if (end !== -1) {
        this.from = end;
        return [start, end];
      }
      start = this.text.indexOf(head, start + 1);
    }
    return null;
  }
}

/**
 * The paragraphs a row keeps apart as the bytes to keep after `text`, the letter's text (places
 * are in the text as it reads again from its UTF-8: see decodeParagraphs).
 */
export function encodeParagraphs(apart: ParagraphsApart, text: string): Uint8Array {
  // Places are taken in the text as it reads again from its UTF-8, which keeps each half of a
  // surrogate pair without the other half as U+FFFD (the same string when it has none: 6 µs a
  // bench letter, against 37 µs for a pattern that finds them, in Node).
  const places = new PlacesInText(text.toWellFormed());
  const kept = apart.map((blocks) =>
    blocks === null ? null : blocks.map((block): KeptBlock => (block.type === 'paragraph' ? places.keep(block.text) : { l: block.items.map((item) => places.keep(item)) })),
  );
  const json = encoder.encode(JSON.stringify(kept));
  const bytes = new Uint8Array(json.byteLength + 1);
  bytes[0] = PLACES_FORMAT;
  bytes.set(json, 1);
  return bytes;
}

/**
 * The paragraphs kept in `bytes`, in either form, read with `text` (the letter's text, as UTF-8,
 * read only when a paragraph is kept as a place in it); null when they cannot be read.
 */
export function decodeParagraphs(bytes: Uint8Array, text: Uint8Array | undefined): ParagraphsApart | null {
  try {
    if (bytes[0] !== PLACES_FORMAT) return listOrNull(JSON.parse(decoder.decode(bytes)));
    const kept = JSON.parse(decoder.decode(bytes.subarray(1))) as unknown;
    if (!Array.isArray(kept)) return null;
    let words: string | undefined;
    const wordsOf = (value: unknown): string => {
      if (typeof value === 'string') return value;
      if (!Array.isArray(value) || value.length !== 2) throw new Error('not a paragraph');
      words ??= text ? decoder.decode(text) : undefined;
      const [start, end] = value as unknown[];
      if (words === undefined || !Number.isInteger(start) || !Number.isInteger(end) || (start as number) < 0 || (start as number) > (end as number) || (end as number) > words.length) {
        throw new Error('a paragraph lies outside the text');
      }
      return wordsAt(words, start as number, end as number);
    };
    return kept.map((blocks: unknown) => {
      if (blocks === null) return null;
      if (!Array.isArray(blocks)) throw new Error('not a list of paragraphs');
      return blocks.map((block: unknown): Block => {
        if (block !== null && typeof block === 'object' && !Array.isArray(block)) {
          const items = (block as { l?: unknown }).l;
          if (!Array.isArray(items)) throw new Error('not a list');
          return { type: 'list', items: items.map(wordsOf) };
        }
        return { type: 'paragraph', text: wordsOf(block) };
      });
    });
  } catch {
    return null;
  }
}

function listOrNull(value: unknown): ParagraphsApart | null {
  return Array.isArray(value) ? (value as ParagraphsApart) : null;
}
