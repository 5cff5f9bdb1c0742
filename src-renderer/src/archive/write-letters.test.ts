// @vitest-environment node
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { curlyQuotes } from '../../../src-main/corpus/damage';
import { findCouncilName, replaceCouncil } from '../../../src-main/corpus/vary-letter';
import { PARSER_VERSION } from '../../../src-shared/letters/parser-version';
import { fromTextRow, getDb, openFreshDbForTests, toTextRow } from './db';
import { readTexts } from './text-packs';
import { queryCounts, queryLettersOf } from './queries';
import { getReport, importLetters } from './repository';
import { memorySource, parseAsTheWorkerSends, parseDirectly, sampleFiles } from './test-support/memory-source';
import { wholeLetters } from './test-support/stored-letters';
import { keepsParagraphsApart } from './letter-paragraphs';

let dbCount = 0;
beforeEach(() => {
  openFreshDbForTests(`write-letters-test-${++dbCount}`);
});

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const STOKE = 'stoke-on-trent-2009-annual-rating.txt';
/** The Stoke-on-Trent sample letter, as a report names it. */
const STOKE_LETTER = { council: 'Stoke-on-Trent', kind: 'annual-rating', year: 2009, date: '2009-12-09' } as const;

function sampleText(name: string): string {
  return decoder.decode(sampleFiles().get(name)!);
}

describe.each([
  ['parsed here', parseDirectly],
  ['sent by the parse worker', parseAsTheWorkerSends],
])('the same letter imported twice (%s)', (_, parse) => {
  it('is one letter: a curly-quoted copy joins its list of files, and the report names the copy', async () => {
    const files = new Map([
      ['a/stoke.txt', encoder.encode(sampleText(STOKE))],
      ['b/stoke-curly.txt', encoder.encode(curlyQuotes(sampleText(STOKE)))],
    ]);
    const report = await importLetters(memorySource(files), { parse });
    expect(report).toMatchObject({ added: 1, duplicates: 1, sameLetters: [{ file: 'b/stoke-curly.txt', sameAs: 'a/stoke.txt', letter: STOKE_LETTER }] });
    const letters = await queryLettersOf('stoke-on-trent');
    expect(letters).toHaveLength(1);
    expect(letters[0]!.files).toEqual(['a/stoke.txt', 'b/stoke-curly.txt']);

    // Imported again later, from another folder: still one letter, and the report says so.
    const later = await importLetters(memorySource(new Map([['c/copy.txt', encoder.encode(curlyQuotes(sampleText(STOKE)))]])), { parse });
    expect(later).toMatchObject({ added: 0, duplicates: 1, sameLetters: [{ file: 'c/copy.txt', sameAs: 'a/stoke.txt' }] });
    expect((await queryLettersOf('stoke-on-trent'))[0]!.files).toEqual(['a/stoke.txt', 'b/stoke-curly.txt', 'c/copy.txt']);
    // Found by its words, read whole for the comparison, and written back as the archive kept it.
    expect((await getDb().letters.toArray()).every(keepsParagraphsApart)).toBe(true);
  });

  it('keeps two letters of one council, kind and date whose words differ', async () => {
    const coventry = sampleText('coventry-2009-annual-rating.txt');
    const stoke = sampleText(STOKE);
    const asCoventry = replaceCouncil(stoke, findCouncilName(stoke)!, { officialName: 'Coventry City Council', displayName: 'Coventry' });
    const report = await importLetters(memorySource(new Map([['coventry.txt', encoder.encode(coventry)], ['other.txt', encoder.encode(asCoventry)]])), {
      parse,
    });
    expect(report).toMatchObject({ added: 2, duplicates: 0, sameLetters: [] });
    expect((await queryLettersOf('coventry')).map((l) => l.date)).toEqual(['2009-12-09', '2009-12-09']);
  });

  it("reads whole only the archive's letters a new one could be: those of the same occasion and grades", async () => {
    const coventry = sampleText('coventry-2009-annual-rating.txt');
    const stoke = sampleText(STOKE);
    const asCoventry = replaceCouncil(stoke, findCouncilName(stoke)!, { officialName: 'Coventry City Council', displayName: 'Coventry' });
    await importLetters(memorySource(new Map([['coventry.txt', encoder.encode(coventry)]])), { parse });
    const db = getDb();
    const [stored] = await db.letters.toArray();
    const [other] = (await parseDirectly([{ relativePath: 'other.txt', bytes: encoder.encode(asCoventry) }])).map((file) => file.outcome);
    // The same council, kind and date, but not the same grades: it cannot be the same letter.
    expect(other?.ok && [other.letter.date, other.letter.kind]).toEqual([stored!.date, stored!.kind]);
    expect(other?.ok && other.letter.overall?.grade).not.toBe(stored!.overall?.grade);
    const packReads = vi.spyOn(db.textPacks, 'bulkGet');
    const report = await importLetters(memorySource(new Map([['other.txt', encoder.encode(asCoventry)]])), { parse });
    expect(report).toMatchObject({ added: 1, duplicates: 0 });
    expect(packReads).not.toHaveBeenCalled();
    packReads.mockRestore();
  });

  it('keeps the text each letter was read from, and the parser version that read it', async () => {
    await importLetters(memorySource(sampleFiles()), { parse });
    const letters = await getDb().letters.toArray();
    const rows = await getDb().texts.bulkGet(letters.map((l) => l.id));
    // Kept as UTF-8 bytes, end to end in one pack for an import this small.
    expect(rows.every((t, i) => t !== undefined && t.id === letters[i]!.id && 'pack' in t)).toBe(true);
    expect(await getDb().textPacks.count()).toBe(1);
    // The very text each was read from.
    const texts = await readTexts(getDb(), letters.map((l) => l.id));
    const samples = sampleFiles();
    for (const [i, letter] of letters.entries()) {
      const [read] = await parseDirectly([{ relativePath: letter.sourceFile, bytes: samples.get(letter.sourceFile)! }]);
      expect(texts[i]).toEqual(read!.outcome.ok ? read!.outcome.source : null);
    }
    // Rows kept as strings before still read.
    expect(fromTextRow({ id: 'x', text: 'Dear Director’s team' })).toEqual({ text: 'Dear Director’s team' });
    expect(fromTextRow(toTextRow('x', { text: 'Dear Director’s team – • £', pdf: { pages: [1], pageCount: 1, notes: [] } }))).toEqual({
      text: 'Dear Director’s team – • £',
      pdf: { pages: [1], pageCount: 1, notes: [] },
    });
    expect(letters.every((l) => l.parserVersion === PARSER_VERSION)).toBe(true);
    expect(await queryCounts()).toMatchObject({ letters: 5 });
  });

  it('brings a letter an older parser read up to date when the same text is imported again', async () => {
    await importLetters(memorySource(new Map([['stoke.txt', sampleFiles().get(STOKE)!]])), { parse });
    // As an older version left it: whole, another reading, and no text kept.
    const [stored] = await wholeLetters(getDb());
    await getDb().letters.put({ ...stored!, parserVersion: 1, title: 'As the old parser read it', warnings: ['old'] });
    await getDb().texts.clear();

    const again = await importLetters(memorySource(new Map([['stoke.txt', sampleFiles().get(STOKE)!]])), { parse });
    expect(again).toMatchObject({ added: 0, duplicates: 1, sameLetters: [{ file: 'stoke.txt', sameAs: 'stoke.txt', letter: STOKE_LETTER }] });
    const [updated] = await getDb().letters.toArray();
    expect(updated).toMatchObject({ id: stored!.id, parserVersion: PARSER_VERSION, title: stored!.title, warnings: stored!.warnings, files: ['stoke.txt'] });
    expect(await getDb().texts.get(stored!.id)).toBeDefined();
  });

  it('brings an old reading up to date from a copy found by its words, and keeps where the letter came from', async () => {
    await importLetters(memorySource(new Map([['stoke.txt', encoder.encode(sampleText(STOKE))]]), [], 'First folder'), { parse });
    // As an older version left it: whole, and no text kept.
    const [stored] = await wholeLetters(getDb());
    await getDb().letters.put({ ...stored!, parserVersion: 1, sourceFolder: '/first', title: 'As the old parser read it', pageCount: 4 });
    await getDb().texts.clear();

    const copy = memorySource(new Map([['copy.txt', encoder.encode(curlyQuotes(sampleText(STOKE)))]]));
    const report = await importLetters({ ...copy, folder: '/second' }, { parse });
    expect(report).toMatchObject({ added: 0, duplicates: 1, sameLetters: [{ file: 'copy.txt', sameAs: 'stoke.txt', letter: { ...STOKE_LETTER, folder: '/first' } }] });
    const [updated] = await getDb().letters.toArray();
    // The new reading is the copy's: its curly apostrophe and all.
    expect(updated).toMatchObject({ id: stored!.id, parserVersion: PARSER_VERSION, title: 'Children’s services annual rating', sourceFile: 'stoke.txt', sourceFolder: '/first', files: ['stoke.txt', 'copy.txt'] });
    expect(updated).not.toHaveProperty('pageCount');
    expect(await getDb().texts.get(stored!.id)).toBeDefined();
    expect(await getDb().pendingIndex.toArray()).toEqual([{ id: stored!.id }]);
  });

  it('keeps the text an old reading is brought up to date from, and lets go of the pack its old text was in', async () => {
    await importLetters(memorySource(new Map([['stoke.txt', encoder.encode(sampleText(STOKE))]])), { parse });
    const [stored] = await getDb().letters.toArray();
    await getDb().letters.put({ ...stored!, parserVersion: 1 });
    const [oldPack] = (await getDb().textPacks.toCollection().primaryKeys()) as string[];

    await importLetters(memorySource(new Map([['copy.txt', encoder.encode(curlyQuotes(sampleText(STOKE)))]])), { parse });
    const packs = (await getDb().textPacks.toCollection().primaryKeys()) as string[];
    expect(packs).toHaveLength(1);
    expect(packs[0]).not.toBe(oldPack);
    const [text] = await readTexts(getDb(), [stored!.id]);
    expect(text!.text).toContain('’');
    // The new reading's row keeps most of its paragraphs beside the new text, and reads whole.
    const [row] = await getDb().letters.toArray();
    expect(keepsParagraphsApart(row!)).toBe(true);
    const [whole] = await wholeLetters(getDb());
    expect(whole!.sections.flatMap((s) => s.paragraphs).some((b) => b.type === 'paragraph' && b.text.includes('’'))).toBe(true);
    // Every section as the copy reads, under the archive's id.
    const [copy] = await parseDirectly([{ relativePath: 'copy.txt', bytes: encoder.encode(curlyQuotes(sampleText(STOKE))) }]);
    expect(whole!.id).toBe(stored!.id);
    expect(whole!.sections).toEqual(copy!.outcome.ok && copy!.outcome.letter.sections);
  });

  it('makes a sample letter the person’s own when they import it, found in their file alone, and never lists sample files with their letters', async () => {
    await importLetters(memorySource(new Map([[STOKE, sampleFiles().get(STOKE)!]]), [], 'Sample letters'), { parse, sample: true });
    const mine = await importLetters(memorySource(new Map([['mine/stoke.txt', sampleFiles().get(STOKE)!]])), { parse });
    // The report names the person's file, as one of the samples now theirs.
    expect(mine).toMatchObject({ added: 0, duplicates: 1, sameLetters: [{ file: 'mine/stoke.txt', sameAs: STOKE, letter: { ...STOKE_LETTER, wasSample: true } }] });
    expect((await getDb().letters.toArray())[0]).toMatchObject({ sample: false, sourceFile: 'mine/stoke.txt', files: ['mine/stoke.txt'] });
    expect((await getDb().letters.toArray())[0]).not.toHaveProperty('sampleFlag');

    await importLetters(memorySource(new Map([[STOKE, sampleFiles().get(STOKE)!]]), [], 'Sample letters'), { parse, sample: true });
    expect((await getDb().letters.toArray())[0]).toMatchObject({ sample: false, files: ['mine/stoke.txt'] });
  });

  it('keeps two letters whose words match but whose grades differ', async () => {
    const poorly = sampleText(STOKE).replace(/Performs? adequately \(2\)/i, 'Performs poorly (1)');
    const report = await importLetters(memorySource(new Map([['a.txt', encoder.encode(sampleText(STOKE))], ['b.txt', encoder.encode(poorly)]])), { parse });
    expect(report).toMatchObject({ added: 2, duplicates: 0, sameLetters: [] });
  });

  it('names every file of a folder imported twice in the second report, with the letter each holds, one entry row each', async () => {
    const folder = { ...memorySource(sampleFiles()), folder: '/letters' };
    const first = await importLetters(folder, { parse });
    expect(first).toMatchObject({ added: 5, duplicates: 0, sameLetters: [] });
    const second = await importLetters({ ...memorySource(sampleFiles()), folder: '/letters' }, { parse });
    expect(second).toMatchObject({ added: 0, duplicates: 5 });
    expect(second.sameLetters!.map((d) => [d.file, d.sameAs])).toEqual([...sampleFiles().keys()].map((name) => [name, name]));
    expect(second.sameLetters!.find((d) => d.file === STOKE)).toEqual({ file: STOKE, sameAs: STOKE, letter: STOKE_LETTER });
    // The archive's report says the same, from one entry row per file.
    expect(await getReport(second.id!)).toMatchObject({ duplicates: 5, sameLetters: second.sameLetters });
    expect(await getDb().reportEntries.where('reportId').equals(second.id!).count()).toBe(5);
    expect(await getDb().reports.get(second.id!)).toMatchObject({ duplicates: 5, same: 5 });

    // From another folder, the letters are named with the folder they were first imported from.
    const elsewhere = await importLetters({ ...memorySource(new Map([[STOKE, sampleFiles().get(STOKE)!]])), folder: '/copies' }, { parse });
    expect(elsewhere.sameLetters).toEqual([{ file: STOKE, sameAs: STOKE, letter: { ...STOKE_LETTER, folder: '/letters' } }]);
  });

  it('names the second of two files holding the same letter in one folder', async () => {
    const bytes = sampleFiles().get(STOKE)!;
    const report = await importLetters(memorySource(new Map([['a.txt', bytes], ['b.txt', bytes]])), { parse });
    expect(report).toMatchObject({ added: 1, duplicates: 1, sameLetters: [{ file: 'b.txt', sameAs: 'a.txt', letter: STOKE_LETTER }] });
    expect(await getReport(report.id!)).toMatchObject({ sameLetters: report.sameLetters });
  });

  it('still reads report rows written before duplicates were described', async () => {
    const reportId = await getDb().reports.add({ source: '/old', startedAt: '2026-01-01T10:00:00.000Z', finishedAt: '2026-01-01T10:01:00.000Z', total: 3, added: 1, duplicates: 2, failed: 0, same: 1, cancelled: false });
    await getDb().reportEntries.add({ reportId, file: 'copy.txt', sameAs: 'stoke.txt' });
    expect(await getReport(reportId)).toMatchObject({ duplicates: 2, sameLetters: [{ file: 'copy.txt', sameAs: 'stoke.txt' }] });
    expect((await getReport(reportId))!.sameLetters![0]).not.toHaveProperty('letter');
  });
});
