// @vitest-environment node
import { beforeAll, describe, expect, it } from 'vitest';
import type { SearchIndexRow } from '../archive/db';
import { storedSamples } from '../archive/test-support/stored-letters';
import type { StoredLetter } from '../archive/types';
import { hitPattern, makeSnippet, phraseMatcher } from '../../../src-shared/search/snippet';
import { wordsOf } from '../../../src-shared/search/words';
import { forgetPhrases, runQuery } from './search-engine';
import { INDEX_VERSION, SEARCH_FIELDS, SNAPSHOT_KEY, SectionIndex, STORED_FIELDS, indexTerm, queryTerm, sectionDocuments, sectionText, snapshotUsable } from './search-index';

let letters: StoredLetter[];

beforeAll(async () => {
  letters = await storedSamples();
});

function byFile(name: string): StoredLetter {
  return letters.find((l) => l.sourceFile.startsWith(name))!;
}

function fullIndex(): SectionIndex {
  const index = SectionIndex.empty();
  for (const letter of letters) index.addLetter(letter);
  return index;
}

/** A search's answer without its timing, worked out afresh (phrases not remembered from before). */
function untimedSearch(index: SectionIndex, query: string): unknown {
  forgetPhrases(index);
  return { ...runQuery(index, query), elapsedMs: 0 };
}

function allSections(index: SectionIndex): string[] {
  const ids: string[] = [];
  for (let doc = 0; doc < index.capacity; doc++) {
    const s = index.doc(doc);
    if (s) ids.push(`${s.councilName} ${s.year} #${s.sectionIndex}`);
  }
  return ids.sort();
}

describe('sectionDocuments', () => {
  it('makes one document per section, keyed letterId#sectionIndex, with what a result needs', () => {
    const letter = byFile('coventry-2007');
    const docs = sectionDocuments(letter);
    expect(docs).toHaveLength(letter.sections.length);
    expect(docs.map((d) => d.id)).toEqual(letter.sections.map((_, i) => `${letter.id}#${i}`));
    const staying = docs.find((d) => d.heading === 'Staying safe')!;
    expect(staying).toMatchObject({
      letterId: letter.id,
      councilKey: 'coventry',
      councilName: 'Coventry',
      region: 'West Midlands',
      date: '2007-11-26',
      year: 2007,
      kind: 'apa',
      grade: 2,
      gradeScale: 'apa',
      outcome: 'staying-safe',
      overall: 3,
      overallScale: 'apa',
    });
    expect(staying.text).toBe(sectionText(letter.sections[staying.sectionIndex]!));
    const intro = docs[0]!;
    expect(intro).toMatchObject({ grade: null, gradeScale: null, outcome: null });
  });

  it('puts paragraphs, list items, recommendations and areas for development in the text', () => {
    const text = sectionText({
      heading: 'H',
      paragraphs: [
        { type: 'paragraph', text: 'First paragraph.' },
        { type: 'list', items: ['one item', 'another item'] },
      ],
      recommendations: [{ timescale: 'immediate', text: 'Do this by:', items: ['a step'] }],
      areasForDevelopment: ['an area'],
    });
    expect(text.split('\n')).toEqual(['First paragraph.', 'one item', 'another item', 'Do this by:', 'a step', 'an area']);
  });
});

describe('terms', () => {
  it('indexes words lower-cased, without stop words, possessives also without their "s"', () => {
    expect(indexTerm('Fostering')).toBe('fostering');
    expect(indexTerm('The')).toBeNull();
    expect(indexTerm("Children's")).toEqual(["children's", 'children']);
    expect(indexTerm('Children\u2019s')).toEqual(["children's", 'children']);
    expect(indexTerm("it's")).toBe("it's");
  });

  it('searches words the same way, without the second form', () => {
    expect(queryTerm('Fostering')).toBe('fostering');
    expect(queryTerm('and')).toBeNull();
    expect(queryTerm("Children's")).toBe("children's");
  });
});

describe('SectionIndex', () => {
  it('keeps every section, its stored fields and its text', () => {
    const index = fullIndex();
    const sections = letters.reduce((n, l) => n + l.sections.length, 0);
    expect(index.sectionCount).toBe(sections);
    expect(index.letterCount).toBe(5);
    expect(allSections(index)).toHaveLength(sections);
    const letter = byFile('leicester');
    const stored = index.stored(letter.id, 1)!;
    expect(Object.keys(stored).sort()).toEqual([...STORED_FIELDS].sort());
    expect(index.text(letter.id, 1)).toBe(sectionText(letter.sections[1]!));
    expect(index.text('nope', 0)).toBe('');
  });

  it('adds a letter once and removes it completely', async () => {
    const index = fullIndex();
    const leicester = byFile('leicester');
    const before = index.generation;
    expect(index.addLetter(leicester)).toBe(false);
    expect(index.generation).toBe(before);
    expect(index.removeLetter(leicester.id)).toBe(true);
    expect(index.removeLetter(leicester.id)).toBe(false);
    expect(index.generation).toBeGreaterThan(before);
    await index.vacuum();
    expect(allSections(index).some((s) => s.startsWith('Leicester'))).toBe(false);
    expect(index.text(leicester.id, 0)).toBe('');
    expect(index.term('leicester')).toBeUndefined();
    expect(index.sectionCount).toBe(letters.reduce((n, l) => n + l.sections.length, 0) - leicester.sections.length);
    expect(index.addLetter(leicester)).toBe(true);
    // Its words' postings are made again in the tree, not added to the ones vacuuming dropped.
    expect(index.term('leicester')?.get(SEARCH_FIELDS.indexOf('text'))?.size).toBeGreaterThan(0);
    expect(allSections(index).filter((s) => s.startsWith('Leicester'))).toHaveLength(leicester.sections.length);
    expect(index.text(leicester.id, 0)).toBe(sectionText(leicester.sections[0]!));
  });

  it('counts a term and its first and last places over a section whose new words outgrow the tallies midway', () => {
    const index = SectionIndex.empty();
    // Thousands of words never met before: the counts by term grow while this section is read.
    const words = Array.from({ length: 5000 }, (_, i) => `novel${i.toString(36)}`);
    const text = ['zebra', ...words.slice(0, 2500), "zebra's", ...words.slice(2500), 'zebra'].join(' ');
    const letter = byFile('leicester');
    const section = { ...letter.sections[0]!, paragraphs: [{ type: 'paragraph' as const, text }], recommendations: [], areasForDevelopment: [] };
    index.addLetter({ ...letter, sections: [section] });
    const postings = (term: string) => index.term(term)!.get(SEARCH_FIELDS.indexOf('text'))!;
    const zebra = postings('zebra');
    expect([zebra.size, zebra.tfs[0], zebra.firsts![0], zebra.lasts![0]]).toEqual([1, 3, 0, 5002]);
    const possessive = postings("zebra's");
    expect([possessive.size, possessive.tfs[0], possessive.firsts![0], possessive.lasts![0]]).toEqual([1, 1, 2501, 2501]);
    const last = postings(words[4999]!);
    expect([last.tfs[0], last.firsts![0], last.lasts![0]]).toEqual([1, 5001, 5001]);
    expect(index.text(letter.id, 0)).toBe(text);
  });

  it('gives the terms a word stands for: exact, by prefix, by near spelling', () => {
    const index = fullIndex();
    expect(index.term('fostering')).toBeDefined();
    expect(index.term('the')).toBeUndefined();
    expect([...index.termsWithPrefix('foster')].map(([t]) => t)).toContain('fostering');
    expect([...index.termsNear('fosterign', 2).keys()]).toContain('fostering');
  });
});

describe('phrases on word streams', () => {
  it('agree with matching the phrase in the text, for every run of words in the samples and runs out of order', () => {
    const index = fullIndex();
    let checked = 0;
    for (let doc = 0; doc < index.capacity; doc++) {
      const s = index.doc(doc)!;
      const text = index.text(s.letterId, s.sectionIndex);
      const words = wordsOf(text).map((w) => w.toLowerCase());
      for (let i = 0; i + 3 <= words.length; i += 7) {
        const phrases = [words.slice(i, i + 2), words.slice(i, i + 3), [words[i + 2]!, words[i]!], [words[i]!, 'and', words[i + 1]!]];
        for (const phrase of phrases) {
          const inText = index.phraseInText(phrase);
          expect(inText !== null && inText.has(doc), phrase.join(' ')).toBe(phraseMatcher(phrase).test(text));
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('tell a possessive from its word, and a word from a longer one', () => {
    const index = fullIndex();
    const coventry = byFile('coventry-2007');
    const doc = [...Array(index.capacity).keys()].find((d) => index.doc(d)?.letterId === coventry.id && /children['’]s services/i.test(index.text(coventry.id, index.doc(d)!.sectionIndex)))!;
    expect(doc).toBeDefined();
    expect(index.phraseInText(["children's", 'services'])!.has(doc)).toBe(true);
    expect(index.phraseInText(['children’s', 'services'])!.has(doc)).toBe(true);
    expect(index.phraseInText(['zzzz', 'services'])).toBeNull();
  });

  it('are not taken as there when the first places line up only through a possessive or a stop word', () => {
    const base = byFile('coventry-2007');
    const paragraph = (text: string) => ({ heading: 'Test', paragraphs: [{ type: 'paragraph' as const, text }], recommendations: [], areasForDevelopment: [] });
    const letter: StoredLetter = {
      ...base,
      id: 'phrase-test',
      sections: [
        paragraph("The children's services and the young people."),
        paragraph('Services for children; the services and people are young.'),
        paragraph('Good services for young children, and for people young and old.'),
      ],
    };
    const index = SectionIndex.empty();
    index.addLetter(letter);
    const has = (phrase: string, section: number) => index.phraseInText(phrase.split(' '))?.has(section) ?? false;
    // "children" shares its postings with "children's": its first place is that word's.
    expect(has('children services', 0)).toBe(false);
    expect(has("children's services", 0)).toBe(true);
    expect(has('young people', 0)).toBe(true);
    // Every word fits between its first and last place, yet they never come together.
    expect(has('services people', 1)).toBe(false);
    expect(has('children services', 1)).toBe(false);
    expect(has('young children', 2)).toBe(true);
    expect(has('people young', 2)).toBe(true);
    expect(has('young and old', 2)).toBe(true);
    expect(has('young old', 2)).toBe(false);
    for (let section = 0; section < 3; section++) {
      const text = index.text(letter.id, section);
      for (const phrase of ['the services', 'for young', 'young people', 'people young', 'the young people', 'and for people']) {
        expect(has(phrase, section), `${phrase} in ${section}`).toBe(phraseMatcher(phrase.split(' ')).test(text));
      }
    }
  });
});

describe('section texts', () => {
  it('gives back every section’s text exactly, from its words and layout', () => {
    const index = fullIndex();
    for (const letter of letters) letter.sections.forEach((section, i) => expect(index.text(letter.id, i)).toBe(sectionText(section)));
    expect(index.text(letters[0]!.id, 999)).toBe('');
  });
});

describe('snippet texts', () => {
  it('give the same snippets as the whole text, for words, prefixes and phrases', () => {
    const index = fullIndex();
    const specs: { terms: string[]; spec: Parameters<typeof hitPattern>[0] }[] = [
      { terms: ['fostering'], spec: { words: ['fostering'] } },
      { terms: ['children', "children's"], spec: { words: ['children', "children's"] } },
      { terms: ['safeguarding', 'schools'], spec: { words: ['safeguarding', 'schools'] } },
      { terms: ['staying', 'safe'], spec: { phrases: [['staying', 'safe']] } },
      { terms: ['looked', 'after', 'children', 'council'], spec: { phrases: [['looked', 'after', 'children']], words: ['council'] } },
      { terms: [], spec: {} },
    ];
    const saf = [...index.termsWithPrefix('saf')].map(([t]) => t);
    specs.push({ terms: saf, spec: { prefixes: ['saf'] } });
    let compared = 0;
    for (const { terms, spec } of specs) {
      const pattern = hitPattern(spec);
      const hits = index.snippetHits(terms.filter((t) => !(spec.phrases ?? []).flat().includes(t)), spec.phrases);
      for (const letter of letters) {
        letter.sections.forEach((section, i) => {
          const whole = makeSnippet(sectionText(section), pattern);
          expect(index.snippet(letter.id, i, hits), `${letter.sourceFile} #${i} ${terms.join(' ')}`).toEqual(whole);
          compared += 1;
        });
      }
    }
    expect(compared).toBeGreaterThan(100);
    expect(saf.length).toBeGreaterThan(2);
  });
});

describe('snapshots', () => {
  it('gives the same index, texts included, after a round trip through its saved form', () => {
    const index = fullIndex();
    const row = index.toSnapshot();
    expect(row).toMatchObject({ key: SNAPSHOT_KEY, version: INDEX_VERSION });
    expect(typeof row.json).toBe('string');
    const loaded = SectionIndex.fromSnapshot(structuredClone(row))!;
    expect(loaded).not.toBeNull();
    expect(loaded.letterIds().sort()).toEqual(index.letterIds().sort());
    expect(allSections(loaded)).toEqual(allSections(index));
    const letter = byFile('coventry-2007');
    for (const l of letters) l.sections.forEach((section, i) => expect(loaded.text(l.id, i)).toBe(sectionText(section)));
    expect(loaded.stored(letter.id, 3)).toEqual(index.stored(letter.id, 3));
  });

  it('keeps removals and later additions through a round trip, and answers the same', async () => {
    const index = fullIndex();
    const leicester = byFile('leicester');
    index.removeLetter(leicester.id);
    await index.vacuum();
    index.addLetter(leicester);
    index.removeLetter(byFile('coventry-2007').id);
    const loaded = SectionIndex.fromSnapshot(structuredClone(index.toSnapshot()))!;
    expect(loaded).not.toBeNull();
    expect(allSections(loaded)).toEqual(allSections(index));
    expect(loaded.documentCount).toBe(index.documentCount);
    for (let f = 0; f < 3; f++) expect(loaded.averageFieldLength(f)).toBeCloseTo(index.averageFieldLength(f), 9);
    for (const term of ['fostering', 'leicester', 'coventry', 'safeguarding']) {
      const sizes = (i: SectionIndex) => [...(i.term(term)?.entries() ?? [])].sort((a, b) => a[0] - b[0]).map(([f, p]) => [f, [...p.docs.subarray(0, p.size)]]);
      expect(sizes(loaded), term).toEqual(sizes(index));
    }
    const doc = [...Array(index.capacity).keys()].find((d) => index.doc(d)?.letterId === leicester.id)!;
    expect(loaded.phraseInText(['private', 'fostering'])!.has(doc)).toBe(index.phraseInText(['private', 'fostering'])!.has(doc));
    // Additions after loading go on from where the snapshot left off.
    expect(loaded.addLetter(byFile('coventry-2007'))).toBe(true);
    expect(loaded.capacity).toBeGreaterThan(index.capacity);
  });

  it('takes the same snapshot a slice at a time, letting other work run between slices', async () => {
    const index = fullIndex();
    index.removeLetter(byFile('leicester').id);
    const now = new Date('2026-01-02T03:04:05Z');
    let between = 0;
    const answer = untimedSearch(index, '"looked after children" fostering');
    const sliced = await index.toSnapshotInSlices(
      async () => {
        between += 1;
        // A search may be answered between slices, and answers as it would at any time.
        expect(untimedSearch(index, '"looked after children" fostering')).toEqual(answer);
      },
      INDEX_VERSION,
      now,
      0,
    );
    expect(between).toBeGreaterThanOrEqual(2);
    const whole = index.toSnapshot(INDEX_VERSION, now);
    expect({ ...sliced, binary: undefined }).toEqual({ ...whole, binary: undefined });
    expect(new Uint8Array(sliced.binary!)).toEqual(new Uint8Array(whole.binary!));
    expect(allSections(SectionIndex.fromSnapshot(sliced)!)).toEqual(allSections(index));
  });

  it('forces a rebuild when the version differs, or the snapshot is missing or broken', () => {
    const row = fullIndex().toSnapshot();
    expect(snapshotUsable(row)).toBe(true);
    expect(snapshotUsable({ ...row, version: INDEX_VERSION + 1 })).toBe(false);
    expect(SectionIndex.fromSnapshot({ ...row, version: INDEX_VERSION - 1 })).toBeNull();
    expect(SectionIndex.fromSnapshot({ ...row, version: 1 })).toBeNull();
    expect(SectionIndex.fromSnapshot(undefined)).toBeNull();
    expect(SectionIndex.fromSnapshot({ ...row, json: '{"not": "an index"' } as SearchIndexRow)).toBeNull();
    expect(SectionIndex.fromSnapshot({ ...row, json: '{"format": 1}' })).toBeNull();
    expect(SectionIndex.fromSnapshot({ ...row, binary: new ArrayBuffer(8) })).toBeNull();
    expect(SectionIndex.fromSnapshot({ ...row, binary: undefined })).toBeNull();
    expect(SectionIndex.fromSnapshot(row, 99)).toBeNull();
    expect(SectionIndex.fromSnapshot({ ...row, version: 99 }, 99)).not.toBeNull();
  });
});
