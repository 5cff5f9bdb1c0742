// @vitest-environment node
import { beforeAll, describe, expect, it } from 'vitest';
import { parseLetter } from '../../../src-shared/letters/parse-letter';
import { councilKeyOf } from '../archive/council-rows';
import type { SearchIndexRow } from '../archive/db';
import { sampleFiles } from '../archive/test-support/memory-source';
import type { StoredLetter } from '../archive/types';
import { INDEX_VERSION, SNAPSHOT_KEY, SectionIndex, reconcile, sectionDocuments, sectionText, snapshotUsable } from './search-index';

let letters: StoredLetter[];

beforeAll(async () => {
  letters = [];
  for (const [name, bytes] of sampleFiles()) {
    const outcome = await parseLetter(bytes);
    if (!outcome.ok) throw new Error(outcome.reason);
    const letter = outcome.letter;
    letters.push({ ...letter, councilKey: councilKeyOf(letter.council), sourceFile: name, sample: true, importedAt: '2024-01-01T00:00:00.000Z' });
  }
});

function byFile(name: string): StoredLetter {
  return letters.find((l) => l.sourceFile.startsWith(name))!;
}

function fullIndex(): SectionIndex {
  const index = SectionIndex.empty();
  for (const letter of letters) index.addLetter(letter);
  return index;
}

describe('sectionDocuments', () => {
  it('makes one document per section, keyed letterId#sectionIndex', () => {
    const letter = byFile('coventry-2007');
    const docs = sectionDocuments(letter);
    expect(docs).toHaveLength(letter.sections.length);
    expect(docs.map((d) => d.id)).toEqual(letter.sections.map((_, i) => `${letter.id}#${i}`));
    const staying = docs.find((d) => d.heading === 'Staying safe')!;
    expect(staying).toMatchObject({
      letterId: letter.id,
      councilKey: '331',
      councilName: 'Coventry',
      date: '2007-11-26',
      year: 2007,
      kind: 'apa',
      grade: { scale: 'apa', grade: 2, label: 'Adequate' },
    });
    expect(staying.text).toBe(sectionText(letter.sections[staying.sectionIndex]!));
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

describe('SectionIndex', () => {
  it('finds the fostering sections of Leicester and Coventry', () => {
    const hits = fullIndex().search('fostering');
    const councils = new Set(hits.map((h) => h.councilName));
    expect(councils.has('Leicester')).toBe(true);
    expect(councils.has('Coventry')).toBe(true);
    for (const hit of hits) {
      const letter = letters.find((l) => l.id === hit.letterId)!;
      expect(hit.heading).toBe(letter.sections[hit.sectionIndex]!.heading);
      expect(hit).toMatchObject({ councilKey: letter.councilKey, date: letter.date, year: letter.year, kind: letter.kind });
      expect(hit.terms.length).toBeGreaterThan(0);
      expect(hit.terms.every((t) => t.startsWith('foster'))).toBe(true);
    }
    expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
  });

  it('needs every word to match, by prefix', () => {
    const index = fullIndex();
    const both = index.search('fostering leices');
    expect(both.length).toBeGreaterThan(0);
    expect(both.every((h) => h.councilName === 'Leicester')).toBe(true);
    expect(index.search('zzzzqqq')).toEqual([]);
    expect(index.search('   ')).toEqual([]);
    expect(index.search('fostering', 1)).toHaveLength(1);
  });

  it('adds a letter once and removes it completely', async () => {
    const index = fullIndex();
    const leicester = byFile('leicester');
    expect(index.addLetter(leicester)).toBe(false);
    expect(index.letterCount).toBe(5);
    expect(index.removeLetter(leicester.id)).toBe(true);
    expect(index.removeLetter(leicester.id)).toBe(false);
    await index.vacuum();
    expect(index.search('fostering').some((h) => h.councilName === 'Leicester')).toBe(false);
    expect(index.sectionCount).toBe(letters.reduce((n, l) => n + l.sections.length, 0) - leicester.sections.length);
    expect(index.addLetter(leicester)).toBe(true);
    expect(index.search('fostering').some((h) => h.councilName === 'Leicester')).toBe(true);
  });
});

describe('snapshots', () => {
  it('gives the same results after a round trip through JSON', () => {
    const index = fullIndex();
    const row = index.toSnapshot();
    expect(row).toMatchObject({ key: SNAPSHOT_KEY, version: INDEX_VERSION });
    expect(typeof row.json).toBe('string');
    const loaded = SectionIndex.fromSnapshot(structuredClone(row))!;
    expect(loaded).not.toBeNull();
    expect(loaded.letterIds().sort()).toEqual(index.letterIds().sort());
    for (const query of ['fostering', 'staying safe', 'perform adequ', 'coventry', 'safeguardng']) {
      expect(loaded.search(query)).toEqual(index.search(query));
    }
    expect(loaded.search('fostering').length).toBeGreaterThan(0);
  });

  it('forces a rebuild when the version differs, or the snapshot is missing or broken', () => {
    const row = fullIndex().toSnapshot();
    expect(snapshotUsable(row)).toBe(true);
    expect(snapshotUsable({ ...row, version: INDEX_VERSION + 1 })).toBe(false);
    expect(SectionIndex.fromSnapshot({ ...row, version: INDEX_VERSION - 1 })).toBeNull();
    expect(SectionIndex.fromSnapshot(undefined)).toBeNull();
    expect(SectionIndex.fromSnapshot({ ...row, json: '{"not": "an index"' } as SearchIndexRow)).toBeNull();
    expect(SectionIndex.fromSnapshot(row, 99)).toBeNull();
    expect(SectionIndex.fromSnapshot({ ...row, version: 99 }, 99)).not.toBeNull();
  });

  it('reconciles a snapshot with the letters in the archive', () => {
    expect(reconcile(['a', 'b', 'c'], ['b', 'c', 'd'])).toEqual({ toAdd: ['d'], toRemove: ['a'] });
    expect(reconcile([], [])).toEqual({ toAdd: [], toRemove: [] });
  });
});
