/**
 * Section texts kept in the index without keeping them as strings. A section's words are
 * already there as a word stream (for phrases); what else it takes to give the text back
 * exactly is, per word, how it was capitalised and what came before it. That is one byte
 * a word: 27 MB for 10,000 letters, against 170 MB or more for the texts themselves.
 *
 * A layout byte holds a separator's number (bits 2 to 7) and the word's case (bits 0, 1).
 * Separators beyond the first 63 seen, and words whose case is none of lower, Capitalised
 * or UPPER, go as they are into the section's list of extras, in the order they are met.
 * The last byte is the separator after the last word.
 */
import { WORD_PATTERN, normaliseApostrophes } from '../../../src-shared/search/words';
import { wordStream, type WordStream } from './postings';
import { Slab } from './slab';

/** A string of its own, sharing no memory with the text it was cut from (V8 keeps longer slices as views of it). */
export function ownCopy(text: string): string {
  return text.length < 13 ? text : (JSON.parse(JSON.stringify(text)) as string);
}

const LOWER = 0;
const CAPITAL = 1;
const UPPER = 2;
const AS_WRITTEN = 3;
/** Separator number meaning "the next extra". */
const ESCAPE = 63;

export interface EncodedText {
  /** The words' numbers: the text's word stream. */
  ids: WordStream;
  /** One byte per word, and one for what follows the last. */
  layout: Uint8Array;
  /** What the layout could not say; undefined when nothing. */
  extras: string[] | undefined;
  /** How many different words the text has as written (apostrophes normalised), as MiniSearch counts a field's length. */
  distinctWritten: number;
}

/** How the codec numbers words (word-table.ts). */
export interface WordNumbering {
  /** The number of a word, given it normalised: lower-cased, its apostrophes "'". */
  idOf(word: string): number;
  /** The number of the word at text[start, end) lower-cased, where it holds ASCII letters, digits and "'" alone. */
  idAt(text: string, start: number, end: number): number;
}

/** What a char code below 256 is in a word: not part of one, an upper-case letter, a lower-case one, or a letter or digit without case. */
const NOT_WORD = 0;
const UPPER_CHAR = 1;
const LOWER_CHAR = 2;
const CASELESS = 3;

/** By char code below 256, as WORD_PATTERN's classes (Unicode's letters and digits) and their case have them. */
const CHAR_KINDS = Uint8Array.from({ length: 256 }, (_, code) => {
  const char = String.fromCharCode(code);
  if (/\p{Lu}/u.test(char)) return UPPER_CHAR;
  if (/\p{Ll}/u.test(char)) return LOWER_CHAR;
  return /[\p{L}\p{N}]/u.test(char) ? CASELESS : NOT_WORD;
});

/** A char code of a letter or digit of ASCII or Latin-1 ([\p{L}\p{N}] below 256). */
function isWordCode(code: number): boolean {
  return code < 256 && CHAR_KINDS[code] !== NOT_WORD;
}

/**
 * Text whose words the scan finds: ASCII, Latin-1 (its accented letters among them), and the
 * punctuation letters use. Anything else (a letter of another script, an astral character)
 * takes the word pattern.
 */
const BEYOND_SCAN = /[^\t-\r -~\u00a0-\u00ff\u2013\u2014\u201c\u201d\u2026\u2022]/;

/** Whether `encode` reads this text (apostrophes normalised) by its scan of char codes. */
export function scannable(normalised: string): boolean {
  return !BEYOND_SCAN.test(normalised);
}

function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Whether text and normalised have the same char codes in [start, end). */
function sameStretch(text: string, normalised: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) !== normalised.charCodeAt(i)) return false;
  return true;
}

export class TextCodec {
  /** Separators by number; at most 63. */
  readonly separators: string[] = [];
  private readonly separatorIds = new Map<string, number>();
  /** The number of " ", once known. */
  private space: number | undefined;
  /**
   * By word number and case (LOWER, CAPITAL, UPPER): the last text it was met in, by `stamp`.
   * A word in one of those cases is one way of writing it; so the text's different words as
   * written are counted without keeping them in a set.
   */
  private seen = new Int32Array(0);
  private stamp = 0;
  /** encodePlain's words' numbers and layout bytes as it finds them, kept from text to text. */
  private idScratch = new Int32Array(0);
  private byteScratch = new Uint8Array(0);
  /** Where the streams and layouts it gives are cut from. */
  private readonly slab = new Slab();

  constructor(separators: readonly string[] = []) {
    for (const s of separators) this.separatorNumber(s);
  }

  /** Splits `text` into words, numbered by `words` (each given normalised), and a layout. */
  encode(text: string, words: WordNumbering): EncodedText {
    const normalised = normaliseApostrophes(text);
    // Nearly all letters are scannable: their words are found by a scan of char codes, which
    // finds what WORD_PATTERN finds without a match object, a slice and a case test each.
    return scannable(normalised) ? this.encodePlain(text, normalised, words) : this.encodeByPattern(text, normalised, WORD_PATTERN, words);
  }

  /** `encode` by the word pattern: any text. */
  encodeByPattern(text: string, normalised: string, pattern: RegExp, words: WordNumbering): EncodedText {
    const ids: number[] = [];
    const bytes: number[] = [];
    const extras: string[] = [];
    const asWritten = new Set<string>();
    let end = 0;
    for (const match of normalised.matchAll(pattern)) {
      const raw = text.slice(match.index, match.index + match[0].length);
      asWritten.add(match[0]);
      // normaliseWord(raw): the match is the word with its apostrophes normalised already.
      const word = match[0].toLowerCase();
      ids.push(words.idOf(word));
      const separator = this.separatorByte(text.slice(end, match.index), extras);
      let kind = AS_WRITTEN;
      if (raw === word) kind = LOWER;
      else if (raw === capitalised(word)) kind = CAPITAL;
      else if (raw === word.toUpperCase()) kind = UPPER;
      else extras.push(ownCopy(raw));
      bytes.push(separator | kind);
      end = match.index + match[0].length;
    }
    bytes.push(this.separatorByte(text.slice(end), extras));
    const layout = this.slab.uint8(bytes.length);
    layout.set(bytes);
    // Typed, as encodePlain's are: wordStream's loop then sees one kind of array.
    return { ids: wordStream(Int32Array.from(ids), this.slab), layout, extras: extras.length ? extras : undefined, distinctWritten: asWritten.size };
  }

  /**
   * `encode` for scannable text: the same words, layout and extras as `encodeByPattern`, found
   * by a scan of char codes. A word of ASCII met before is found by its place in the text:
   * nothing is cut out of it. One with a letter of Latin-1 is cut out and lower-cased, as the
   * pattern's are.
   */
  private encodePlain(text: string, normalised: string, words: WordNumbering): EncodedText {
    const length = normalised.length;
    // A text has fewer words than half its length plus one: the scratch holds every word's
    // number and layout byte, and the last byte, without growing (nor arrays of numbers to copy).
    const room = (length >> 1) + 2;
    if (this.idScratch.length < room) {
      this.idScratch = new Int32Array(Math.max(room, this.idScratch.length * 2));
      this.byteScratch = new Uint8Array(this.idScratch.length);
    }
    const ids = this.idScratch;
    const bytes = this.byteScratch;
    let count = 0;
    const extras: string[] = [];
    // Whether any apostrophe was normalised: asked once, as comparing the two texts costs a scan.
    const apostrophesAsWritten = normalised === text;
    const stamp = ++this.stamp;
    let distinct = 0;
    /** Words written in mixed case ("McDonald"), counted by what they are. */
    let mixed: Set<string> | undefined;
    let end = 0;
    let at = 0;
    while (at < length) {
      if (!isWordCode(normalised.charCodeAt(at))) {
        at++;
        continue;
      }
      // A word: letters and digits, and an apostrophe only between two of them.
      const start = at;
      let uppers = 0;
      let lowers = 0;
      let firstUpper = false;
      let apostrophes = false;
      let beyondAscii = false;
      for (;;) {
        const code = normalised.charCodeAt(at);
        // NaN past the end: not part of a word.
        const charKind = code < 256 ? CHAR_KINDS[code]! : NOT_WORD;
        if (charKind === UPPER_CHAR) {
          if (at === start) firstUpper = true;
          uppers++;
        } else if (charKind === LOWER_CHAR) lowers++;
        else if (charKind === NOT_WORD) {
          if (code === 39 && isWordCode(normalised.charCodeAt(at + 1))) apostrophes = true;
          else break;
        }
        if (code > 127) beyondAscii = true;
        at++;
      }
      // A word with a letter beyond ASCII is looked up as the pattern's are, cut out and
      // lower-cased: the table's hash by place lower-cases ASCII letters alone.
      const id = beyondAscii ? words.idOf(normalised.slice(start, at).toLowerCase()) : words.idAt(normalised, start, at);
      const shape = uppers === 0 ? LOWER : firstUpper && uppers === 1 ? CAPITAL : lowers === 0 ? UPPER : AS_WRITTEN;
      if (shape === AS_WRITTEN) (mixed ??= new Set()).add(normalised.slice(start, at));
      else if (this.mark(id * 3 + shape, stamp)) distinct++;
      const separator = this.separatorAt(text, end, start, extras);
      // A curly apostrophe is not "'" as the word is kept: the word goes as written.
      const kind = apostrophesAsWritten || !apostrophes || sameStretch(text, normalised, start, at) ? shape : AS_WRITTEN;
      if (kind === AS_WRITTEN) extras.push(ownCopy(text.slice(start, at)));
      ids[count] = id;
      bytes[count] = separator | kind;
      count++;
      end = at;
    }
    bytes[count] = this.separatorAt(text, end, length, extras);
    const layout = this.slab.uint8(count + 1);
    layout.set(bytes.subarray(0, count + 1));
    return { ids: wordStream(ids.subarray(0, count), this.slab), layout, extras: extras.length ? extras : undefined, distinctWritten: distinct + (mixed?.size ?? 0) };
  }

  /** Marks `slot` as met in the text of `stamp`; true when it was not yet. */
  private mark(slot: number, stamp: number): boolean {
    if (slot >= this.seen.length) {
      const seen = new Int32Array(Math.max(3072, slot + 1, this.seen.length * 2));
      seen.set(this.seen);
      this.seen = seen;
    }
    if (this.seen[slot] === stamp) return false;
    this.seen[slot] = stamp;
    return true;
  }

  /** The text again, from its words' numbers, the words by number, its layout and extras. */
  decode(ids: ArrayLike<number>, words: readonly string[], layout: Uint8Array, extras: readonly string[] | undefined): string {
    return this.decodeRange(ids, words, layout, extras, 0, ids.length);
  }

  /**
   * The stretch of the text from word `from` (with what comes before it) to word `to` (not
   * included); with what follows the last word when `to` is the end.
   */
  decodeRange(ids: ArrayLike<number>, words: readonly string[], layout: Uint8Array, extras: readonly string[] | undefined, from: number, to: number): string {
    const { separators, written } = this.pieces(ids, words, layout, extras, from, to);
    const parts: string[] = [];
    written.forEach((word, i) => parts.push(separators[i]!, word));
    if (to >= ids.length) parts.push(separators[written.length]!);
    // One flat string: a regular expression runs much faster on it than on a string built by `+`.
    return parts.join('');
  }

  /**
   * Words `from` to `to` (not included) as written, and the separators around them: before
   * each word, and the one after the last (what follows the text's last word, at its end).
   */
  pieces(ids: ArrayLike<number>, words: readonly string[], layout: Uint8Array, extras: readonly string[] | undefined, from: number, to: number): { separators: string[]; written: string[] } {
    const start = Math.max(0, Math.min(from, ids.length));
    const end = Math.max(start, Math.min(to, ids.length));
    let e = 0;
    for (let i = 0; i < start; i++) {
      const byte = layout[i]!;
      if (byte >> 2 === ESCAPE) e += 1;
      if ((byte & 3) === AS_WRITTEN) e += 1;
    }
    const separators: string[] = [];
    const written: string[] = [];
    for (let i = start; i < end; i++) {
      const byte = layout[i]!;
      const s = byte >> 2;
      separators.push(s === ESCAPE ? extras![e++]! : this.separators[s]!);
      const kind = byte & 3;
      const word = words[ids[i]!]!;
      written.push(kind === LOWER ? word : kind === CAPITAL ? capitalised(word) : kind === UPPER ? word.toUpperCase() : extras![e++]!);
    }
    const after = layout[end]! >> 2;
    separators.push(after === ESCAPE ? extras![e]! : this.separators[after]!);
    return { separators, written };
  }

  /** The layout's separator bits for text[from, to): a single space, the commonest, without a slice. */
  private separatorAt(text: string, from: number, to: number, extras: string[]): number {
    if (to - from === 1 && text.charCodeAt(from) === 32) {
      this.space ??= this.separatorNumber(' ');
      if (this.space !== ESCAPE) return this.space << 2;
    }
    return this.separatorByte(text.slice(from, to), extras);
  }

  private separatorByte(separator: string, extras: string[]): number {
    const n = this.separatorNumber(separator);
    if (n === ESCAPE) extras.push(ownCopy(separator));
    return n << 2;
  }

  private separatorNumber(separator: string): number {
    let n = this.separatorIds.get(separator);
    if (n === undefined) {
      if (this.separators.length >= ESCAPE) return ESCAPE;
      n = this.separators.length;
      separator = ownCopy(separator);
      this.separators.push(separator);
      this.separatorIds.set(separator, n);
    }
    return n;
  }
}
