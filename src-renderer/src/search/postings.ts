/**
 * Compact pieces of the section index: a term's postings as typed arrays, and each
 * section's words as a stream of word numbers (for phrases). A Map per posting, as
 * MiniSearch keeps them, costs about 30 bytes a posting; at 10,000 letters (ten million
 * postings) that alone is over the worker's memory budget. These cost five.
 */

/** Times a term is in a field, kept up to this: BM25 saturates long before. */
const MAX_TF = 255;

/** A term's postings in one field: short document ids in ascending order, and how often the term is there. */
export class Postings {
  docs: Int32Array;
  tfs: Uint8Array;
  size: number;

  constructor(docs: Int32Array = new Int32Array(4), tfs: Uint8Array = new Uint8Array(docs.length), size = 0) {
    this.docs = docs;
    this.tfs = tfs;
    this.size = size;
  }

  /** Adds a document; ids must come in ascending order (new documents always get larger ids). */
  push(doc: number, tf: number): void {
    if (this.size === this.docs.length) {
      const n = Math.max(4, this.size * 2);
      const docs = new Int32Array(n);
      docs.set(this.docs.subarray(0, this.size));
      const tfs = new Uint8Array(n);
      tfs.set(this.tfs.subarray(0, this.size));
      this.docs = docs;
      this.tfs = tfs;
    }
    this.docs[this.size] = doc;
    this.tfs[this.size] = tf > MAX_TF ? MAX_TF : tf;
    this.size += 1;
  }

  /** How often the term is in `doc`; undefined when it is not. */
  get(doc: number): number | undefined {
    let lo = 0;
    let hi = this.size - 1;
    const docs = this.docs;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const d = docs[mid]!;
      if (d === doc) return this.tfs[mid];
      if (d < doc) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  /** Keeps the documents `alive` accepts and gives back unused room; returns how many are left. */
  keep(alive: (doc: number) => boolean): number {
    let kept = 0;
    for (let i = 0; i < this.size; i++) {
      const doc = this.docs[i]!;
      if (!alive(doc)) continue;
      this.docs[kept] = doc;
      this.tfs[kept] = this.tfs[i]!;
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
  }
}

/** A section's words in order, each as its number in the vocabulary. */
export type WordStream = Uint16Array | Uint32Array;

export function wordStream(ids: readonly number[]): WordStream {
  let max = 0;
  for (const id of ids) if (id > max) max = id;
  return max <= 0xffff ? Uint16Array.from(ids) : Uint32Array.from(ids);
}

/**
 * Whether the words numbered `ids` come one after another in `stream`. `anchor` is the
 * position in `ids` of the rarest word, which is looked for first.
 */
export function streamHasRun(stream: WordStream, ids: readonly number[], anchor: number): boolean {
  const n = ids.length;
  const last = stream.length - n + anchor;
  const first = ids[anchor]!;
  for (let at = stream.indexOf(first, anchor); at !== -1 && at <= last; at = stream.indexOf(first, at + 1)) {
    const start = at - anchor;
    let j = 0;
    while (j < n && stream[start + j] === ids[j]) j += 1;
    if (j === n) return true;
  }
  return false;
}
