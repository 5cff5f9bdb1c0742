/**
 * The index's words, each with its number. A word is found by the word itself, or by where it
 * stands in a text: indexing a section looks up each of its thousands of words, nearly all
 * met before, and finding them by their place needs no string cut out of the text, hashed
 * and collected again for each.
 *
 * Words found by place are hashed from their char codes (FNV-1a, ASCII letters lower-cased,
 * from a seed of the table's own, so that no file can be made whose words all collide) into a
 * table of open addressing, made on first use: an index loaded from a snapshot that never
 * takes in a letter never builds it.
 */
import { ownCopy } from './text-codec';

const FNV_PRIME = 0x01000193;

/** The char code lower-cased, for ASCII letters; any other unchanged. */
function lowerAscii(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code;
}

/** The hash of text[start, end), its ASCII letters lower-cased, from `seed`. */
function hashOf(text: string, start: number, end: number, seed: number): number {
  let h = seed;
  for (let i = start; i < end; i++) h = Math.imul(h ^ lowerAscii(text.charCodeAt(i)), FNV_PRIME);
  return h;
}

export class WordTable {
  /** Words by number. */
  readonly words: string[] = [];
  private readonly ids = new Map<string, number>();
  /** Open addressing by hash: a word's number + 1; 0 is an empty slot. */
  private slots = new Int32Array(2048);
  /** Each tabled word's hash, by number. */
  private hashes = new Int32Array(1024);
  /** How many words (the first ones) are in `slots`. */
  private tabled = 0;
  /** Where every hash starts. */
  private readonly seed = (Math.random() * 0x1_0000_0000) | 0;

  get size(): number {
    return this.words.length;
  }

  /** The number of a word (normalised), if it has one. */
  get(word: string): number | undefined {
    return this.ids.get(word);
  }

  has(word: string): boolean {
    return this.ids.has(word);
  }

  /** The number of a word (normalised), given one when new. */
  idOf(word: string): number {
    return this.ids.get(word) ?? this.add(word);
  }

  /**
   * The number of the word at text[start, end), lower-cased, given one when new. For a word of
   * ASCII letters, digits and "'" (as the codec's scan finds them): the same number `idOf`
   * gives the word cut out and lower-cased.
   */
  idAt(text: string, start: number, end: number): number {
    if (this.tabled < this.words.length) this.table();
    const h = hashOf(text, start, end, this.seed);
    const { slots, hashes, words } = this;
    const mask = slots.length - 1;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const slot = slots[s]!;
      if (slot === 0) break;
      const id = slot - 1;
      if (hashes[id] === h && sameWord(words[id]!, text, start, end)) return id;
    }
    return this.idOf(text.slice(start, end).toLowerCase());
  }

  /** The words of a saved index, numbered in order: strings of their own already. */
  static of(words: readonly string[]): WordTable {
    const table = new WordTable();
    for (const word of words) {
      table.ids.set(word, table.words.length);
      table.words.push(word);
    }
    return table;
  }

  /** Numbers a new word: the next number. */
  private add(word: string): number {
    const id = this.words.length;
    // A copy: the word may be a slice that would keep its whole section's text alive.
    const own = ownCopy(word);
    this.words.push(own);
    this.ids.set(own, id);
    return id;
  }

  /** Puts the words not yet in the table in it, growing it to keep it at most half full. */
  private table(): void {
    const count = this.words.length;
    if (this.hashes.length < count) {
      const hashes = new Int32Array(Math.max(1024, count * 2));
      hashes.set(this.hashes.subarray(0, this.tabled));
      this.hashes = hashes;
    }
    if (this.slots.length < count * 2) {
      let size = this.slots.length;
      while (size < count * 2) size *= 2;
      this.slots = new Int32Array(size);
      for (let id = 0; id < this.tabled; id++) this.place(id);
    }
    for (let id = this.tabled; id < count; id++) {
      const word = this.words[id]!;
      this.hashes[id] = hashOf(word, 0, word.length, this.seed);
      this.place(id);
    }
    this.tabled = count;
  }

  private place(id: number): void {
    const mask = this.slots.length - 1;
    let s = this.hashes[id]! & mask;
    while (this.slots[s] !== 0) s = (s + 1) & mask;
    this.slots[s] = id + 1;
  }
}

/** Whether `word` is text[start, end) with its ASCII letters lower-cased. */
function sameWord(word: string, text: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) !== lowerAscii(text.charCodeAt(start + i))) return false;
  return true;
}
