// @vitest-environment node
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { PARSER_VERSION } from '../../../src-shared/letters/parser-version';
import { archiveOfVersion, getDb, openFreshDbForTests } from './db';
import { queryCouncils } from './queries';
import { getSelection, importLetters } from './repository';
import { rereadStaleLetters, staleLetters } from './reread-letters';
import { memorySource, parseDirectly, sampleFiles } from './test-support/memory-source';
import { wholeLetters } from './test-support/stored-letters';
import { keepsParagraphsApart } from './letter-paragraphs';
import { readTexts } from './text-packs';

let dbCount = 0;
beforeEach(() => {
  openFreshDbForTests(`reread-test-${++dbCount}`);
});

describe('reading letters again when the parser has changed', () => {
  it('reads every letter an older parser read again from its kept text, keeping its id, files and how it was imported', async () => {
    await importLetters(memorySource(sampleFiles()), { parse: parseDirectly, sample: true });
    const before = await wholeLetters(getDb());
    // What an older parser might have left: other words, an asterisk, a lost grade, another council key.
    await getDb().letters.bulkPut(
      before.map((row) => ({ ...row, parserVersion: PARSER_VERSION - 1, title: `Old ${row.title}`, overall: null, councilKey: 'old-key' })),
    );
    expect((await staleLetters()).readable).toHaveLength(5);

    const progress: number[] = [];
    const outcome = await rereadStaleLetters({ parse: parseDirectly, batchSize: 2, onProgress: (p) => progress.push(p.done) });
    expect(outcome).toEqual({ reread: 5, failed: 0, withoutText: 0 });
    expect(progress).toEqual([0, 2, 4, 5]);
    expect(await staleLetters()).toEqual({ readable: [], withoutText: [] });
    const after = await wholeLetters(getDb());
    expect(after).toEqual(before);
    // Kept as an import keeps them: most paragraphs beside the text, which is still there to read again from.
    expect((await getDb().letters.toArray()).every(keepsParagraphsApart)).toBe(true);
    expect((await readTexts(getDb(), after.map((l) => l.id))).every((text) => text !== undefined && text.text.length > 0)).toBe(true);
    expect((await queryCouncils()).map((c) => c.key)).toEqual(['coventry', 'leicester', 'stoke-on-trent', 'worcestershire']);
  });

  it('leaves a letter whose text was never kept, and keeps a letter the new parser refuses as the old one read it, with a note', async () => {
    await importLetters(memorySource(sampleFiles()), { parse: parseDirectly });
    const [first, second] = await getDb().letters.toArray();
    await getDb().letters.bulkPut([{ ...first!, parserVersion: 1 }, { ...second!, parserVersion: 1 }]);
    await getDb().texts.delete(first!.id);
    await getDb().texts.put({ id: second!.id, text: 'Minutes of the scrutiny committee' });

    expect(await rereadStaleLetters({ parse: parseDirectly })).toEqual({ reread: 0, failed: 1, withoutText: 1 });
    const kept = await getDb().letters.get(second!.id);
    expect(kept).toMatchObject({ parserVersion: PARSER_VERSION, title: second!.title });
    expect(kept!.warnings.at(-1)).toMatch(/could not read the letter again \(not an Ofsted/);
  });
});

describe('reading again beside an import', () => {
  it('leaves a letter an import brought up to date meanwhile as the import left it', async () => {
    await importLetters(memorySource(sampleFiles()), { parse: parseDirectly });
    const [row] = await getDb().letters.toArray();
    await getDb().letters.put({ ...row!, parserVersion: 1 });
    // The reading is parsed; before it is written, an import brings the letter up to date with another title.
    const outcome = await rereadStaleLetters({
      parse: async (files) => {
        const parsed = await parseDirectly(files);
        await getDb().letters.put({ ...row!, title: 'As the import left it' });
        return parsed;
      },
    });
    expect(outcome).toEqual({ reread: 0, failed: 0, withoutText: 0 });
    expect((await getDb().letters.get(row!.id))?.title).toBe('As the import left it');
  });

  it('lists the letters it changed for the search index until the index has them saved', async () => {
    await importLetters(memorySource(sampleFiles()), { parse: parseDirectly });
    const [row] = await getDb().letters.toArray();
    await getDb().letters.put({ ...row!, parserVersion: 1 });
    await rereadStaleLetters({ parse: parseDirectly });
    expect(await getDb().pendingIndex.toArray()).toEqual([{ id: row!.id }]);
  });
});

describe('an archive from before versions were kept', () => {
  it('is brought up to version 2: letters are version 1, council keys become names, and the councils and the saved selection follow', async () => {
    const name = `old-archive-${++dbCount}`;
    const old = archiveOfVersion(name, 1);
    await importLetters(memorySource(sampleFiles()), { parse: parseDirectly });
    // The rows as version 1 wrote them: keyed by DfE code, without a version or a list of files.
    const rows = (await getDb().letters.toArray()).map((row) => {
      const old: Partial<typeof row> = { ...row, councilKey: row.council.code ?? row.council.displayName.toLowerCase() };
      delete old.files;
      delete old.parserVersion;
      return old;
    });
    await old.table('letters').bulkPut(rows);
    await old.table('councils').put({ key: '331', displayName: 'Coventry' });
    await old.table('settings').put({ key: 'selection', value: { councilKey: '331', letterId: rows[0]!.id, sectionIndex: 1 } });
    old.close();

    openFreshDbForTests(name);
    const letters = await getDb().letters.toArray();
    expect(letters.every((l) => l.parserVersion === 1 && l.files.length === 1 && l.files[0] === l.sourceFile)).toBe(true);
    expect(letters.map((l) => l.councilKey).sort()).toEqual(['coventry', 'coventry', 'leicester', 'stoke-on-trent', 'worcestershire']);
    expect((await queryCouncils()).map((c) => [c.key, c.letterCount])).toEqual([
      ['coventry', 2],
      ['leicester', 1],
      ['stoke-on-trent', 1],
      ['worcestershire', 1],
    ]);
    expect(await getSelection()).toEqual({ councilKey: 'coventry', letterId: rows[0]!.id, sectionIndex: 1 });
    // Kept before texts were: nothing to read them again from.
    expect(await staleLetters()).toEqual({ readable: [], withoutText: rows.map((row) => row.id!).sort() });
  });
});
