// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Postings, PostingsCursor, StreamPhrase, streamHasRun, wordStream, type PlacedWord, type WordStream } from './postings';

describe('Postings', () => {
  it('grows as documents are added, finds each by id, and caps term frequency', () => {
    const p = new Postings();
    for (let doc = 0; doc < 100; doc += 3) p.push(doc, doc % 7 === 0 ? 300 : doc);
    expect(p.size).toBe(34);
    expect(p.get(0)).toBe(255);
    expect(p.get(9)).toBe(9);
    expect(p.get(10)).toBeUndefined();
    expect(p.get(99)).toBe(99);
    expect(p.get(-1)).toBeUndefined();
    expect(p.get(1000)).toBeUndefined();
  });

  it('keeps only the documents still alive, in order, with no room to spare', () => {
    const p = new Postings();
    for (let doc = 0; doc < 10; doc++) p.push(doc, doc + 1);
    expect(p.keep((doc) => doc % 2 === 1)).toBe(5);
    expect([...p.docs]).toEqual([1, 3, 5, 7, 9]);
    expect([...p.tfs]).toEqual([2, 4, 6, 8, 10]);
    expect(p.get(4)).toBeUndefined();
    expect(p.get(7)).toBe(8);
    p.push(12, 1);
    expect(p.get(12)).toBe(1);
  });

  it('keeps where a term is first, through growth, removals and trimming', () => {
    const p = new Postings();
    for (let doc = 0; doc < 20; doc++) p.push(doc, 1, doc === 7 ? 70_000 : doc * 10, doc === 8 ? 80_000 : doc * 10 + 5);
    expect(p.firstIn(3)).toBe(30);
    expect(p.lastIn(3)).toBe(35);
    expect(p.firstIn(7)).toBe(0xffff);
    expect(p.lastIn(8)).toBe(0xffff);
    expect(p.firstIn(99)).toBe(0);
    expect(p.lastIn(99)).toBe(0xffff);
    p.keep((doc) => doc % 3 === 0);
    expect(p.firstIn(9)).toBe(90);
    expect(p.lastIn(9)).toBe(95);
    expect(p.firsts).toHaveLength(p.size);
    expect(p.lasts).toHaveLength(p.size);
    expect(new Postings().firstIn(1)).toBe(0);
    const without = new Postings();
    without.push(1, 1);
    expect(() => without.push(2, 1, 5, 5)).toThrow(/every document/);
  });

  it('finds any id among any ascending ids, from any place (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 5000 }), { maxLength: 300 }), fc.integer({ min: -5, max: 5005 }), fc.integer({ min: -2, max: 310 }), (ids, probe, hint) => {
        const sorted = [...ids].sort((a, b) => a - b);
        const p = new Postings();
        for (const id of sorted) p.push(id, (id % 9) + 1);
        expect(p.get(probe)).toBe(sorted.includes(probe) ? (probe % 9) + 1 : undefined);
        const lowest = sorted.findIndex((id) => id >= probe);
        expect(p.lowerBound(probe, hint)).toBe(lowest === -1 ? sorted.length : lowest);
        const cursor = new PostingsCursor(p);
        if (hint >= 0 && hint < sorted.length) cursor.find(sorted[hint]!);
        expect(cursor.find(probe)).toBe(sorted.indexOf(probe));
      }),
      { seed: 20091209, numRuns: 300 },
    );
  });
});

describe('word streams', () => {
  it('are 16-bit while the vocabulary fits, 32-bit after', () => {
    expect(wordStream([1, 2, 65535])).toBeInstanceOf(Uint16Array);
    expect(wordStream([1, 65536])).toBeInstanceOf(Uint32Array);
  });

  it('find a run of words wherever it starts, within the places asked', () => {
    const stream = wordStream([5, 1, 2, 3, 1, 2, 4]);
    expect(streamHasRun(stream, [1, 2, 4])).toBe(true);
    expect(streamHasRun(stream, [5, 1, 2])).toBe(true);
    expect(streamHasRun(stream, [2, 4, 5])).toBe(false);
    expect(streamHasRun(stream, [4])).toBe(true);
    expect(streamHasRun(wordStream([]), [4])).toBe(false);
    // A run must start from `from` to `to`, both included.
    expect(streamHasRun(stream, [1, 2], 4)).toBe(true);
    expect(streamHasRun(stream, [1, 2], 5)).toBe(false);
    expect(streamHasRun(stream, [5, 1], 0, 0)).toBe(true);
    expect(streamHasRun(stream, [5, 1], 1)).toBe(false);
    expect(streamHasRun(stream, [2, 4], 0, 4)).toBe(false);
    expect(streamHasRun(stream, [2, 4], 0, 5)).toBe(true);
    // A run may not go past the end.
    expect(streamHasRun(stream, [4, 5], 0, 0xffff)).toBe(false);
  });

  it('agree with a plain search for the run (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 60 }), fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 4 }), fc.nat(60), fc.nat(60), (words, run, from, to) => {
        const runAt = (start: number) => run.every((id, j) => words[start + j] === id);
        expect(streamHasRun(wordStream(words), run)).toBe(words.some((_, start) => runAt(start)));
        expect(streamHasRun(wordStream(words), run, from, to)).toBe(words.some((_, start) => start >= from && start <= to && runAt(start)));
      }),
      { seed: 20091209, numRuns: 1000 },
    );
  });
});

describe('phrases in word streams', () => {
  /** Sections' streams, and each placed word's postings with its first and last places, as the index keeps them. */
  function indexed(sections: (number[] | null)[], placedWords: ReadonlySet<number>) {
    const streams: (WordStream | undefined)[] = sections.map((words) => (words ? wordStream(words) : undefined));
    const postings = new Map<number, Postings>();
    sections.forEach((words, doc) => {
      for (const id of new Set(words ?? [])) {
        if (!placedWords.has(id)) continue;
        if (!postings.has(id)) postings.set(id, new Postings());
        postings.get(id)!.push(doc, words!.filter((w) => w === id).length, words!.indexOf(id), words!.lastIndexOf(id));
      }
    });
    return { streams, postings };
  }

  function phraseOf(sections: (number[] | null)[], run: number[], placedWords: ReadonlySet<number>): StreamPhrase | null {
    const { streams, postings } = indexed(sections, placedWords);
    const placed: PlacedWord[] = [];
    for (const [offset, id] of run.entries()) {
      if (!placedWords.has(id)) continue;
      const found = postings.get(id);
      // A placed word in no section: the phrase is in none (the index gives no phrase then).
      if (!found) return null;
      placed.push({ postings: found, offset });
    }
    placed.sort((a, b) => a.postings.size - b.postings.size);
    return new StreamPhrase(streams, Int32Array.from(run), placed, run.every((id) => placedWords.has(id)));
  }

  const naive = (words: number[] | null, run: number[]) => words !== null && words.some((_, start) => run.every((id, j) => words[start + j] === id));

  it('are found where the text has them, whether the postings or the words settle it (property)', () => {
    const section = fc.option(fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 40 }), { nil: null, freq: 8 });
    fc.assert(
      fc.property(
        fc.array(section, { minLength: 1, maxLength: 12 }),
        fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 4 }),
        // Words 3 and 4 are placed or not (stop words have no postings).
        fc.boolean(),
        fc.nat(20),
        (sections, run, placeAll, from) => {
          const placedWords = new Set(placeAll ? [0, 1, 2, 3, 4] : [0, 1, 2]);
          const phrase = phraseOf(sections, run, placedWords);
          const expected = sections.map((words) => naive(words, run));
          if (phrase === null) {
            expect(expected.every((there) => !there)).toBe(true);
            return;
          }
          // Every section at once, as a search sifts them; some already known are left as they are.
          const docs = Int32Array.from(sections.keys());
          const status = new Uint8Array(sections.length);
          const known = Math.min(from, sections.length);
          for (let doc = 0; doc < known; doc++) status[doc] = 7;
          phrase.markEach(docs, docs.length, status, 2);
          expect([...status]).toEqual(expected.map((there, doc) => (doc < known ? 7 : there ? 1 : 2)));
          // One section at a time, in any order.
          const again = phraseOf(sections, run, placedWords)!;
          for (let doc = sections.length - 1; doc >= 0; doc--) expect(again.has(doc)).toBe(expected[doc]);
        },
      ),
      { seed: 20091209, numRuns: 1000 },
    );
  });
});
