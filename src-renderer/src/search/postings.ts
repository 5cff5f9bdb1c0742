/**
 * Compact pieces of the section index: a term's postings as typed arrays, and each
 * section's words as a stream of word numbers (for phrases). A Map per posting, as
 * MiniSearch keeps them, costs about 30 bytes a posting; at 10,000 letters (ten million
 * postings) that alone is over the worker's memory budget. These cost five.
 */

import type { Slab } from './slab';

/** Times a term is in a field, kept up to this: BM25 saturates long before. */
const MAX_TF = 255;
/**
 * Word places are kept up to this: a first place beyond it is recorded as this (still no later
 * than the real one), and a last place beyond it as this, meaning "to the end".
 */
export const MAX_POSITION = 0xffff;
/** How far a look-up walks through postings before it searches instead. */
const WALK = 32;

function copied<T extends Int32Array | Uint8Array | Uint16Array>(array: T, size: number, make: (n: number) => T): T {
  const next = make(size);
  next.set(array.subarray(0, Math.min(size, array.length)));
  return next;
}

/**
 * A term's postings in one field: short document ids in ascending order, how often the term
 * is there and, for the text field, the places of its first and last words (where a phrase
 * search looks).
 */
export class Postings {
  docs: Int32Array;
  tfs: Uint8Array;
  firsts: Uint16Array | null;
  lasts: Uint16Array | null;
  size: number;

  constructor(
    docs: Int32Array = new Int32Array(4),
    tfs: Uint8Array = new Uint8Array(docs.length),
    size = 0,
    firsts: Uint16Array | null = null,
    lasts: Uint16Array | null = null,
  ) {
    this.docs = docs;
    this.tfs = tfs;
    this.size = size;
    this.firsts = firsts;
    this.lasts = lasts;
  }

  /** Adds a document; ids must come in ascending order (new documents always get larger ids). */
  push(doc: number, tf: number, first?: number, last?: number): void {
    if (this.size === this.docs.length) {
      const n = Math.max(4, this.size * 2);
      this.docs = copied(this.docs, n, (k) => new Int32Array(k));
      this.tfs = copied(this.tfs, n, (k) => new Uint8Array(k));
      if (this.firsts) this.firsts = copied(this.firsts, n, (k) => new Uint16Array(k));
      if (this.lasts) this.lasts = copied(this.lasts, n, (k) => new Uint16Array(k));
    }
    if (first !== undefined && !this.firsts) {
      if (this.size > 0) throw new Error('postings with places must have them for every document');
      this.firsts = new Uint16Array(this.docs.length);
      this.lasts = new Uint16Array(this.docs.length);
    }
    this.docs[this.size] = doc;
    this.tfs[this.size] = tf > MAX_TF ? MAX_TF : tf;
    if (this.firsts && this.lasts) {
      // Not known: from the start to the end.
      this.firsts[this.size] = first === undefined ? 0 : Math.min(first, MAX_POSITION);
      this.lasts[this.size] = last === undefined ? MAX_POSITION : Math.min(last, MAX_POSITION);
    }
    this.size += 1;
  }

  /**
   * The first place from `from` on whose document is `doc` or later (`size` when there is
   * none); before `from` when `doc` lies before it. Walked from `from` when `doc` is near,
   * searched otherwise: callers asking in ascending order pass their last answer.
   */
  lowerBound(doc: number, from = 0): number {
    const docs = this.docs;
    const size = this.size;
    let at = Math.max(0, from);
    if (at >= size || docs[at]! > doc || (at + WALK < size && docs[at + WALK]! < doc)) {
      let lo = at < size && docs[at]! <= doc ? at : 0;
      let hi = size;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (docs[mid]! < doc) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    }
    while (at < size && docs[at]! < doc) at += 1;
    return at;
  }

  /** Where `doc` is in the postings; -1 when it is not. */
  indexOf(doc: number): number {
    let lo = 0;
    let hi = this.size - 1;
    const docs = this.docs;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const d = docs[mid]!;
      if (d === doc) return mid;
      if (d < doc) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** How often the term is in `doc`; undefined when it is not. */
  get(doc: number): number | undefined {
    const i = this.indexOf(doc);
    return i === -1 ? undefined : this.tfs[i];
  }

  /** The place of the term's first word in `doc` (or a place before it); 0 when not known. */
  firstIn(doc: number): number {
    if (!this.firsts) return 0;
    const i = this.indexOf(doc);
    return i === -1 ? 0 : this.firsts[i]!;
  }

  /** The place of the term's last word in `doc`; MAX_POSITION ("to the end") when not known. */
  lastIn(doc: number): number {
    if (!this.lasts) return MAX_POSITION;
    const i = this.indexOf(doc);
    return i === -1 ? MAX_POSITION : this.lasts[i]!;
  }

  /** Keeps the documents `alive` accepts and gives back unused room; returns how many are left. */
  keep(alive: (doc: number) => boolean): number {
    let kept = 0;
    for (let i = 0; i < this.size; i++) {
      const doc = this.docs[i]!;
      if (!alive(doc)) continue;
      this.docs[kept] = doc;
      this.tfs[kept] = this.tfs[i]!;
      if (this.firsts) this.firsts[kept] = this.firsts[i]!;
      if (this.lasts) this.lasts[kept] = this.lasts[i]!;
      kept += 1;
    }
    this.size = kept;
    this.trim();
    return kept;
  }

  /** Gives back the room kept for growth. */
  trim(): void {
    if (this.docs.length === this.size) return;
    this.docs = this.docs.slice(0, this.size);
    this.tfs = this.tfs.slice(0, this.size);
    if (this.firsts) this.firsts = this.firsts.slice(0, this.size);
    if (this.lasts) this.lasts = this.lasts.slice(0, this.size);
  }
}

/** A section's words in order, each as its number in the vocabulary. */
export type WordStream = Uint16Array | Uint32Array;

/** The words' numbers as a word stream, 16 bits a word when every number fits; cut from `slab` when given. */
export function wordStream(ids: Int32Array | readonly number[], slab?: Slab): WordStream {
  let max = 0;
  for (let i = 0; i < ids.length; i++) if (ids[i]! > max) max = ids[i]!;
  const stream = max <= 0xffff ? (slab?.uint16(ids.length) ?? new Uint16Array(ids.length)) : (slab?.uint32(ids.length) ?? new Uint32Array(ids.length));
  stream.set(ids);
  return stream;
}

/**
 * Whether the words numbered `ids` come one after another in `stream`, starting at a place
 * from `from` to `to` (both included; by default, anywhere).
 */
export function streamHasRun(stream: WordStream, ids: ArrayLike<number>, from = 0, to = stream.length - 1): boolean {
  const n = ids.length;
  const first = ids[0]!;
  // A plain loop: TypedArray#indexOf is a call into the runtime, dearer than the short scans here.
  // Reads past the end of the stream give undefined, which is no word: no bounds to work out.
  for (let at = from; at <= to; at++) {
    if (stream[at] !== first) continue;
    let j = 1;
    while (j < n && stream[at + j] === ids[j]) j += 1;
    if (j === n) return true;
  }
  return false;
}

/** A word of a phrase whose text postings say where it first and last is in each section. */
export interface PlacedWord {
  postings: Postings;
  /** The word's place in the phrase. */
  offset: number;
}

/**
 * Finds a phrase in sections' word streams. The postings of the phrase's indexed words say
 * where each first and last is in a section: a phrase can only start where every word fits
 * between its first and last place, and when every word of the phrase is indexed exactly
 * (no possessive shares its postings) and the first places line up, the phrase is there at
 * once. Otherwise the section's words are read in that window. Reading them costs a cache
 * miss per section; the postings are read in order.
 *
 * One object per phrase and query: a class rather than a closure, so the engine's loops over
 * tens of thousands of candidates stay compiled from one query to the next.
 */
export class StreamPhrase {
  /** The placed words' postings, each read from where the last candidate was. */
  private readonly cursors: PostingsCursor[];
  private readonly offsets: Int32Array;

  constructor(
    private readonly streams: readonly (WordStream | undefined)[],
    private readonly ids: Int32Array,
    /** Indexed words with places, rarest first. */
    placed: readonly PlacedWord[],
    /** Whether `placed` holds every word of the phrase, each indexed exactly as written. */
    private readonly exact: boolean,
  ) {
    this.cursors = placed.map((p) => new PostingsCursor(p.postings));
    this.offsets = Int32Array.from(placed, (p) => p.offset);
  }

  /**
   * Where in section `doc`'s words the phrase may start, from the postings alone: the first
   * place, with the last in `windowEnd` (which may lie beyond the words: see `fits`); or
   * FOUND, or ABSENT when the postings settle it. The section's words are not read here.
   */
  private window(doc: number): number {
    // A removed section has no words (its postings stay until the index is vacuumed).
    if (this.streams[doc] === undefined) return ABSENT;
    // Where the phrase may start: [lo, hi].
    let lo = 0;
    let hi = 0x7fffffff;
    let lined = this.exact;
    let start = -1;
    for (let k = 0; k < this.cursors.length; k++) {
      const cursor = this.cursors[k]!;
      const at = cursor.find(doc);
      // Not in the text's postings: the word, so the phrase, is not in the text.
      if (at === -1) return ABSENT;
      const offset = this.offsets[k]!;
      const first = cursor.postings.firsts![at]!;
      const last = cursor.postings.lasts![at]!;
      if (first - offset > lo) lo = first - offset;
      if (last !== MAX_POSITION && last - offset < hi) hi = last - offset;
      if (lined) {
        if (first === MAX_POSITION) lined = false;
        else if (k === 0) start = first - offset;
        else if (first - offset !== start) lined = false;
      }
    }
    if (lo > hi) return ABSENT;
    if (lined) return FOUND;
    this.windowEnd = hi;
    return lo;
  }

  /** The last place the phrase can start at in `stream`, at most `end`. */
  private fits(stream: WordStream, end: number): number {
    return Math.min(end, stream.length - this.ids.length);
  }

  /** The last place of the window `window` gave last. */
  private windowEnd = 0;

  /** Whether the phrase is in section `doc`'s words. */
  has(doc: number): boolean {
    const lo = this.window(doc);
    if (lo === FOUND || lo === ABSENT) return lo === FOUND;
    // Only now the section's words: the postings above are read in order, the words are not.
    const stream = this.streams[doc]!;
    return streamHasRun(stream, this.ids, lo, this.fits(stream, this.windowEnd));
  }

  /**
   * For each of the first `count` of `docs` whose `status` is 0: sets it to 1 when the phrase
   * is in the section's words, else to `absent`. In three rounds, as reading a section's
   * words is a miss of the memory cache (most of a phrase's time, read one by one): the
   * postings first, for every section; then, in a loop that does nothing else so the misses
   * overlap, the word where the phrase is most often found: the start of its window, where
   * the word that first comes last in the section puts it; then the rest of the windows.
   */
  markEach(docs: Int32Array, count: number, status: Uint8Array, absent: number): void {
    const scratch = windowScratch(count);
    const { starts, ends, pending } = scratch;
    let open = 0;
    for (let i = 0; i < count; i++) {
      const doc = docs[i]!;
      if (status[doc] !== 0) continue;
      const lo = this.window(doc);
      if (lo === FOUND) status[doc] = 1;
      else if (lo === ABSENT) status[doc] = absent;
      else {
        pending[open] = doc;
        starts[open] = lo;
        ends[open++] = this.windowEnd;
      }
    }
    const streams = this.streams;
    const ids = this.ids;
    const first = ids[0]!;
    let left = 0;
    for (let i = 0; i < open; i++) {
      const doc = pending[i]!;
      const lo = starts[i]!;
      const stream = streams[doc]!;
      // Beyond the words, stream[lo] is undefined: no word, so no phrase starts there (nor runs past the end).
      if (stream[lo] === first && streamHasRun(stream, ids, lo, lo)) status[doc] = 1;
      else {
        pending[left] = doc;
        starts[left] = lo + 1;
        ends[left++] = ends[i]!;
      }
    }
    for (let i = 0; i < left; i++) {
      const doc = pending[i]!;
      const stream = streams[doc]!;
      status[doc] = streamHasRun(stream, ids, starts[i]!, this.fits(stream, ends[i]!)) ? 1 : absent;
    }
  }
}

/** What `StreamPhrase.window` says when the postings settle whether the phrase is there. */
const FOUND = -2;
const ABSENT = -1;

/**
 * Arrays `markEach` keeps its windows in between rounds, kept from one call to the next and
 * shared by every phrase: `markEach` runs its rounds in one synchronous call and calls nothing
 * that could call it again.
 */
let scratch = { starts: new Int32Array(0), ends: new Int32Array(0), pending: new Int32Array(0) };

function windowScratch(count: number): typeof scratch {
  if (scratch.pending.length < count) {
    const n = Math.max(count, scratch.pending.length * 2);
    scratch = { starts: new Int32Array(n), ends: new Int32Array(n), pending: new Int32Array(n) };
  }
  return scratch;
}

/** A place in a term's postings that moves on as documents, mostly ascending, are looked up. */
export class PostingsCursor {
  private at = 0;

  constructor(readonly postings: Postings) {}

  /** Where `doc` is in the postings; -1 when it is not. */
  find(doc: number): number {
    const postings = this.postings;
    this.at = postings.lowerBound(doc, this.at);
    return this.at < postings.size && postings.docs[this.at] === doc ? this.at : -1;
  }
}

/**
 * Whether a section may hold every indexed word of a phrase in one field: in all their
 * postings. A necessary test, cheaper than reading the field; null postings: it never can.
 */
export class WordsInField {
  private readonly cursors: PostingsCursor[] | null;

  constructor(postings: readonly Postings[] | null) {
    this.cursors = postings?.map((p) => new PostingsCursor(p)) ?? null;
  }

  mayHold(doc: number): boolean {
    const cursors = this.cursors;
    if (cursors === null) return false;
    for (let k = 0; k < cursors.length; k++) if (cursors[k]!.find(doc) === -1) return false;
    return true;
  }
}
