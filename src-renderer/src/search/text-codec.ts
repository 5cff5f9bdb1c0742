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

/** A char code of [A-Za-z0-9]. */
function isWordCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
}

function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

export class TextCodec {
  /** Separators by number; at most 63. */
  readonly separators: string[] = [];
  private readonly separatorIds = new Map<string, number>();
  /** The number of " ", once known. */
  private space: number | undefined;

  constructor(separators: readonly string[] = []) {
    for (const s of separators) this.separatorNumber(s);
  }

  /**
   * Splits `text` into words (numbered by `wordId`, which is given each word normalised) and
   * a layout; each word as written goes into `asWritten`, when given.
   */
  encode(text: string, wordId: (word: string) => number, asWritten?: Set<string>): EncodedText {
    const normalised = normaliseApostrophes(text);
    const pattern = wordPatternFor(normalised);
    // Most letters are plain text: their words are found by a scan of char codes, which
    // finds what ASCII_WORD_PATTERN finds without a match object, a slice and a case test each.
    return pattern.unicode ? this.encodeByPattern(text, normalised, pattern, wordId, asWritten) : this.encodePlain(text, normalised, wordId, asWritten);
  }

  /** `encode` by the word pattern: any text. */
  encodeByPattern(text: string, normalised: string, pattern: RegExp, wordId: (word: string) => number, asWritten?: Set<string>): EncodedText {
    const ids: number[] = [];
    const bytes: number[] = [];
    const extras: string[] = [];
    let end = 0;
    for (const match of normalised.matchAll(pattern)) {
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

  /**
   * `encode` for text whose words are all ASCII letters and digits (ASCII_WORD_PATTERN's):
   * the same words, layout and extras as `encodeByPattern`, found by a scan of char codes.
   */
  encodePlain(text: string, normalised: string, wordId: (word: string) => number, asWritten?: Set<string>): EncodedText {
    const ids: number[] = [];
    const bytes: number[] = [];
    const extras: string[] = [];
    const length = normalised.length;
    // Whether any apostrophe was normalised: asked once, as comparing the two texts costs a scan.
    const apostrophesAsWritten = normalised === text;
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
      for (;;) {
        const code = normalised.charCodeAt(at);
        if (code >= 65 && code <= 90) {
          if (at === start) firstUpper = true;
          uppers++;
        } else if (code >= 97 && code <= 122) lowers++;
        else if (!(code >= 48 && code <= 57) && !(code === 39 && isWordCode(normalised.charCodeAt(at + 1)) && at > start)) break;
        at++;
      }
      const written = normalised.slice(start, at);
      asWritten?.add(written);
      // A curly apostrophe is not "'" as the word is kept: the word goes as written.
      const sameAsText = apostrophesAsWritten || text.startsWith(written, start);
      const word = uppers === 0 ? written : written.toLowerCase();
      ids.push(wordId(word));
      const separator = this.separatorAt(text, end, start, extras);
      let kind = AS_WRITTEN;
      if (sameAsText) {
        if (uppers === 0) kind = LOWER;
        else if (firstUpper && uppers === 1) kind = CAPITAL;
        else if (lowers === 0) kind = UPPER;
      }
      if (kind === AS_WRITTEN) extras.push(ownCopy(text.slice(start, at)));
      bytes.push(separator | kind);
      end = at;
    }
    bytes.push(this.separatorAt(text, end, length, extras));
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
