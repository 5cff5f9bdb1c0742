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
import { normaliseApostrophes, wordPatternFor } from '../../../src-shared/search/words';

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
  /** The words' numbers, as `wordId` gave them. */
  ids: number[];
  /** One byte per word, and one for what follows the last. */
  layout: Uint8Array;
  /** What the layout could not say; undefined when nothing. */
  extras: string[] | undefined;
}

function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

export class TextCodec {
  /** Separators by number; at most 63. */
  readonly separators: string[] = [];
  private readonly separatorIds = new Map<string, number>();

  constructor(separators: readonly string[] = []) {
    for (const s of separators) this.separatorNumber(s);
  }

  /**
   * Splits `text` into words (numbered by `wordId`, which is given each word normalised) and
   * a layout; each word as written goes into `asWritten`, when given.
   */
  encode(text: string, wordId: (word: string) => number, asWritten?: Set<string>): EncodedText {
    const ids: number[] = [];
    const bytes: number[] = [];
    const extras: string[] = [];
    let end = 0;
    const normalised = normaliseApostrophes(text);
    for (const match of normalised.matchAll(wordPatternFor(normalised))) {
      const raw = text.slice(match.index, match.index + match[0].length);
      asWritten?.add(match[0]);
      // normaliseWord(raw): the match is the word with its apostrophes normalised already.
      const word = match[0].toLowerCase();
      ids.push(wordId(word));
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
    return { ids, layout: Uint8Array.from(bytes), extras: extras.length ? extras : undefined };
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
