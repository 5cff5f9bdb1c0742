// @vitest-environment node
import 'fake-indexeddb/auto';
import './test-support/node-blob-reading';
import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { BACKED_UP_TABLES, BackupRefused, DERIVED_TABLES, makeBackup, readBackupSummary, restoreBackup, rowProblem, type BackupSummary } from './backup';
import { getDb, openFreshDbForTests, toTextRow } from './db';
import { readTexts } from './text-packs';
import { importLetters, RemovalOutdated, removeLetters, saveTick, setSetting, undoRemoval } from './repository';
import { memorySource, parseDirectly, sampleFiles } from './test-support/memory-source';
import { wholeLetters } from './test-support/stored-letters';
import type { TickRow } from './types';

let dbCount = 0;
const fresh = (): void => void openFreshDbForTests(`backup-test-${++dbCount}`);

const TICK: TickRow = {
  pointId: 'p1',
  councilKey: 'coventry',
  letterId: 'x',
  text: 'Improve the timeliness of initial assessments.',
  note: 'Done at the March panel',
  doneOn: '2026-03-01',
  tickedAt: '2026-03-02T10:00:00.000Z',
};

const sha = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/** Every letter's id with a hash of its JSON, and the same of every other table a backup holds or a restore makes. */
async function snapshot(): Promise<Record<string, Record<string, string>>> {
  const db = getDb();
  const byKey = async <T>(rows: Promise<T[]>, key: (row: T) => string, value: (row: T) => unknown = (row) => row) =>
    Object.fromEntries((await rows).map((row) => [key(row), sha(value(row))]));
  return {
    letters: await byKey(db.letters.toArray(), (l) => l.id),
    // Each letter whole: the paragraphs its row keeps apart are in its text's pack.
    wholeLetters: await byKey(wholeLetters(db), (l) => l.id),
    texts: await textsById(),
    // Packs are made anew by a restore: what counts is that each holds only texts the archive points into.
    textPacks: { unreferenced: String(await unreferencedPackBytes()) },
    ticks: await byKey(db.ticks.toArray(), (t) => t.pointId),
    settings: await byKey(db.settings.toArray(), (s) => s.key),
    councils: await byKey(db.councils.toArray(), (c) => c.key),
    grades: await byKey(db.grades.toArray(), (g) => g.id),
    reports: await byKey(db.reports.toArray(), (r) => String(r.id)),
    reportEntries: await byKey(db.reportEntries.toArray(), (r) => String(r.seq)),
  };
}

/** Each letter's kept text, read through its pack, hashed, by letter id. */
async function textsById(): Promise<Record<string, string>> {
  const ids = (await getDb().texts.toCollection().primaryKeys()) as string[];
  const texts = await readTexts(getDb(), ids);
  return Object.fromEntries(ids.map((id, i) => [id, sha(texts[i])]));
}

/** Bytes of the packs of texts that no row of texts points into. */
async function unreferencedPackBytes(): Promise<number> {
  const db = getDb();
  const used = new Map<string, number>();
  for (const row of await db.texts.toArray()) if ('pack' in row) used.set(row.pack, (used.get(row.pack) ?? 0) + row.length + (row.paragraphBytes ?? 0));
  return (await db.textPacks.toArray()).reduce((sum, pack) => sum + pack.utf8.byteLength - (used.get(pack.id) ?? 0), 0);
}

async function sampleArchive(): Promise<void> {
  await importLetters(memorySource(sampleFiles()), { parse: parseDirectly });
  const letter = (await getDb().letters.toArray())[0]!;
  await saveTick({ ...TICK, letterId: letter.id, councilKey: letter.councilKey });
  await setSetting('savedSearches', [{ name: 'Fostering', query: 'fostering' }]);
  await setSetting('firstRunDone', true);
}

async function backUp(): Promise<{ file: Blob; summary: BackupSummary }> {
  const { blob } = await makeBackup({ appVersion: '0.1.0', now: new Date('2026-12-06T12:00:00Z') });
  // As read from disk: one plain Blob of the bytes.
  const file = new Blob([await blob.arrayBuffer()]);
  return { file, summary: await readBackupSummary(file, 'backup.json') };
}

const refusal = async (promise: Promise<unknown>): Promise<string> => {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(BackupRefused);
    return (error as BackupRefused).reason;
  }
  throw new Error('expected a refusal');
};

beforeEach(fresh);

describe('a backup', () => {
  it('says what it holds, and restores to exactly the same letters, texts, ticks, settings, councils and grades', async () => {
    await sampleArchive();
    const before = await snapshot();
    const { file, summary } = await backUp();
    expect(summary).toMatchObject({ fileName: 'backup.json', appVersion: '0.1.0', createdAt: '2026-12-06T12:00:00.000Z', letters: 5, councils: 4, ticks: 1, savedSearches: 1 });
    expect(Object.keys(summary.rows).sort()).toEqual([...BACKED_UP_TABLES].sort());
    // The derived tables are not in it.
    const text = await file.text();
    expect(text.startsWith('{"letterArchiveBackup":{"format":"letter-archive-backup","version":1,')).toBe(true);
    expect(text).not.toContain('"tableName":"searchIndex"');
    expect(text).not.toContain('"tableName":"councils"');

    fresh();
    await setSetting('savedSearches', [{ name: 'Other', query: 'adoption' }]);
    const outcome = await restoreBackup(file, summary, 'replace');
    expect(outcome).toMatchObject({ mode: 'replace', lettersAdded: 5, ticksAdded: 1 });
    expect(await snapshot()).toEqual(before);
  });

  it('merges: adds letters and ticks the archive lacks, keeps its own, and adds saved searches by name', async () => {
    await sampleArchive();
    const { file, summary } = await backUp();
    const [kept, ...others] = await getDb().letters.toArray();

    fresh();
    const files = sampleFiles();
    const keptFile = kept!.sourceFile;
    await importLetters(memorySource(new Map([[keptFile, files.get(keptFile)!]])), { parse: parseDirectly });
    const own: TickRow = { ...TICK, pointId: 'own', note: 'mine' };
    await saveTick(own);
    await setSetting('savedSearches', [{ name: 'Fostering', query: 'fostering -private' }, { name: 'Mine', query: 'adoption' }]);
    const keptBefore = await getDb().letters.get(kept!.id);

    const outcome = await restoreBackup(file, summary, 'merge');
    expect(outcome).toEqual({ mode: 'merge', lettersAdded: others.length, lettersKept: 1, ticksAdded: 1, savedSearchesAdded: 0 });
    const db = getDb();
    expect((await db.letters.toCollection().primaryKeys()).sort()).toEqual([kept!, ...others].map((l) => l.id).sort());
    expect(await db.letters.get(kept!.id)).toEqual(keptBefore);
    expect(await db.texts.count()).toBe(5);
    expect((await db.ticks.toArray()).map((t) => t.pointId).sort()).toEqual(['own', 'p1']);
    expect((await db.settings.get('savedSearches'))?.value).toEqual([
      { name: 'Fostering', query: 'fostering -private' },
      { name: 'Mine', query: 'adoption' },
    ]);
    expect(await db.councils.count()).toBe(4);
    expect(await db.grades.count()).toBe(5);
    expect((await db.councils.get(kept!.councilKey))?.letterCount).toBe((await db.letters.where('councilKey').equals(kept!.councilKey).count()));
  });
});

describe('the texts of letters, kept many to a pack', () => {
  it('restores a backup made before packs, whose texts are rows of their own', async () => {
    await sampleArchive();
    // The archive as version 5 kept it: whole letters, each text in its own row, and no packs.
    const db = getDb();
    await db.letters.bulkPut(await wholeLetters(db));
    const ids = (await db.texts.toCollection().primaryKeys()) as string[];
    const texts = await readTexts(db, ids);
    await db.texts.bulkPut(ids.map((id, i) => toTextRow(id, texts[i]!)));
    await db.textPacks.clear();
    const before = await snapshot();
    const made = await (await backUp()).file.text();
    const old = made
      .replaceAll(`"databaseVersion":${db.verno}`, '"databaseVersion":5')
      .replace('{"name":"texts","schema":"id,pack"', '{"name":"texts","schema":"id"')
      .replace(',{"name":"textPacks","schema":"id","rowCount":0}', '')
      .replace(/,?\{"tableName":"textPacks","inbound":true,"rows":\[\]\}/, '');
    expect(old).not.toContain('textPacks');
    const file = new Blob([old]);
    const summary = await readBackupSummary(file, 'old.json');
    expect(summary.rows).toMatchObject({ letters: 5, texts: 5, textPacks: 0 });

    fresh();
    expect(await restoreBackup(file, summary, 'replace')).toMatchObject({ lettersAdded: 5 });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a file in which a letter’s text or paragraphs are not in the pack it names, and leaves the archive as it was', async () => {
    await sampleArchive();
    const text = await (await backUp()).file.text();
    fresh();
    const before = await snapshot();
    const beyond = text.replace(/"at":\d+,"length":(\d+)/, '"at":99999999,"length":$1');
    expect(await refusal(restoreBackup(new Blob([beyond]), await readBackupSummary(new Blob([beyond]), 'b.json'), 'replace'))).toMatch(
      /damaged: the text of letter [0-9a-f]{64} is not in it whole/,
    );
    const lost = text.replace(/,"paragraphBytes":\d+/, '');
    expect(await refusal(restoreBackup(new Blob([lost]), await readBackupSummary(new Blob([lost]), 'l.json'), 'replace'))).toMatch(
      /damaged: the paragraphs of letter [0-9a-f]{64} are not in it/,
    );
    const elsewhere = text.replace(/"pack":"[0-9a-f]+"/, '"pack":"nowhere"');
    expect(await refusal(restoreBackup(new Blob([elsewhere]), await readBackupSummary(new Blob([elsewhere]), 'e.json'), 'merge'))).toMatch(/is not in it whole/);
    expect(await snapshot()).toEqual(before);
  });

  it('merges the texts it takes packed anew, without the words of letters the archive has', async () => {
    await importLetters(memorySource(sampleFiles()), { parse: parseDirectly });
    const db = getDb();
    expect(await db.textPacks.count()).toBe(1);
    const { file, summary } = await backUp();
    expect(await file.text()).toMatch(/"tableName":"textPacks","inbound":true,"rows":\[\{"id":"[0-9a-f]+","base64":"[A-Za-z0-9+/]+=*"\}\]/);

    // The archive has one of the letters already: the others' texts come in a pack of their own.
    fresh();
    const [first] = [...sampleFiles()];
    await importLetters(memorySource(new Map([first!])), { parse: parseDirectly });
    await restoreBackup(file, summary, 'merge');
    expect(await getDb().textPacks.count()).toBe(2);
    expect(await unreferencedPackBytes()).toBe(0);
    const ids = (await getDb().letters.toCollection().primaryKeys()) as string[];
    expect((await readTexts(getDb(), ids)).every((t) => t !== undefined && t.text.length > 1000)).toBe(true);
  });

  it('merges a backup into the archive it was made from, after a letter was removed: the letter and its text come back', async () => {
    await sampleArchive();
    const before = await snapshot();
    const { file, summary } = await backUp();
    const [id] = (await getDb().letters.toCollection().primaryKeys()) as string[];
    await removeLetters([id!], 'one letter');

    expect(await restoreBackup(file, summary, 'merge')).toMatchObject({ lettersAdded: 1, lettersKept: 4 });
    expect(await snapshot()).toEqual(before);
  });
});

describe('removals made before a restore', () => {
  it('cannot be undone into the archive the backup made: the undo is refused and the restored archive stays as it is', async () => {
    await importLetters(memorySource(sampleFiles()), { parse: parseDirectly });
    const { file, summary } = await backUp();
    const removal = await removeLetters([(await getDb().letters.toCollection().primaryKeys())[0] as string], 'one letter');
    await restoreBackup(file, summary, 'replace');
    const restored = await snapshot();
    await expect(undoRemoval(removal)).rejects.toBeInstanceOf(RemovalOutdated);
    expect(await snapshot()).toEqual(restored);
  });
});

describe('a file that is not a whole backup', () => {
  it('is refused before anything is asked: empty, not JSON, foreign JSON, cut short', async () => {
    await sampleArchive();
    const { file } = await backUp();
    expect(await refusal(readBackupSummary(new Blob([]), 'a.json'))).toBe('the file is empty');
    expect(await refusal(readBackupSummary(new Blob(['%PDF-1.7\n']), 'a.pdf'))).toMatch(/not a Letter Archive backup \(it is not JSON\)/);
    expect(await refusal(readBackupSummary(new Blob(['[{"file":"a.txt","letter":{}}]']), 'letters.json'))).toMatch(/a JSON file, but not a Letter Archive backup/);
    expect(await refusal(readBackupSummary(new Blob(['{"formatName":"dexie","formatVersion":1,"data":{}}']), 'dexie.json'))).toMatch(/not a Letter Archive backup/);
    expect(await refusal(readBackupSummary(file.slice(0, Math.floor(file.size / 2)), 'half.json'))).toMatch(/cut short/);
  });

  it('is refused when made by a newer version, or with tables this archive does not back up', async () => {
    await sampleArchive();
    const text = await (await backUp()).file.text();
    const newer = text.replace('"version":1,', '"version":2,');
    expect(await refusal(readBackupSummary(new Blob([newer]), 'new.json'))).toMatch(/newer version of Letter Archive \(0\.1\.0\); update the app/);
    const newerDb = text.replaceAll(/"databaseVersion":\d+/g, '"databaseVersion":99');
    expect(await refusal(readBackupSummary(new Blob([newerDb]), 'new.json'))).toMatch(/newer version/);
    const otherTable = text.replace('{"name":"ticks"', '{"name":"secrets"');
    expect(await refusal(readBackupSummary(new Blob([otherTable]), 'other.json'))).toMatch(/table this archive does not back up \(secrets\)/);
  });

  it('damaged inside, cut short but closed, or with a row of the wrong shape: refused, and the archive is as it was', async () => {
    await sampleArchive();
    const { file, summary } = await backUp();
    const text = await file.text();
    fresh();
    await importLetters(memorySource(new Map([...sampleFiles()].slice(0, 2))), { parse: parseDirectly });
    await saveTick({ ...TICK, pointId: 'mine' });
    const before = await snapshot();

    // The last letters cut away, the brackets closed again: the header's counts tell.
    const at = text.indexOf('{"id":', text.indexOf('"tableName":"letters"') + 200);
    const closed = `${text.slice(0, at - 1)}]}]}}`;
    const closedSummary = await readBackupSummary(new Blob([closed]), 'closed.json');
    for (const mode of ['replace', 'merge'] as const) {
      expect(await refusal(restoreBackup(new Blob([closed]), closedSummary, mode))).toMatch(/damaged or cut short: its header says 5 rows of letters, but it holds \d/);
      expect(await snapshot()).toEqual(before);
    }

    // A letter without its council's key.
    const shapeless = text.replace('"councilKey":', '"councilKez":');
    expect(await refusal(restoreBackup(new Blob([shapeless]), summary, 'replace'))).toMatch(/row 1 of letters is not as a backup has it \(its council, date, kind or file is missing\)/);
    expect(await snapshot()).toEqual(before);

    // Garbage in the middle.
    const middle = Math.floor(text.length / 2);
    const garbled = `${text.slice(0, middle)}}}}]]]"""${text.slice(middle)}`;
    expect(await refusal(restoreBackup(new Blob([garbled]), summary, 'replace'))).toMatch(/damaged/);
    expect(await snapshot()).toEqual(before);
  });
});

describe('what a backup holds', () => {
  it('names every table of the archive as backed up or made again from the letters, so a new table is not left out unawares', () => {
    const named = [...BACKED_UP_TABLES, ...DERIVED_TABLES].sort();
    expect(getDb().tables.map((t) => t.name).sort()).toEqual(named);
  });
});

describe('rowProblem', () => {
  it('names what a row lacks', () => {
    expect(rowProblem('ticks', { pointId: 'p' })).toBe('a part of the tick is missing');
    expect(rowProblem('texts', { id: 'a', utf8: 'not bytes' })).toBe('it holds no text');
    expect(rowProblem('texts', { id: 'a', utf8: new Uint8Array(2) })).toBeNull();
    expect(rowProblem('texts', { id: 'a', pack: 'p', at: 0, length: 10 })).toBeNull();
    expect(rowProblem('texts', { id: 'a', pack: 'p', at: -1, length: 10 })).toBe('it does not say where its text is');
    expect(rowProblem('texts', { id: 'a', pack: 7, at: 0, length: 10 })).toBe('it does not say where its text is');
    // A pack's bytes are base64 in the file.
    expect(rowProblem('textPacks', { id: 'p', base64: 'RGVhciBEaXJlY3Rvcg==' })).toBeNull();
    expect(rowProblem('textPacks', { id: 'p', base64: 'RGVhciBEaXJlY3Rvcg' })).toBe('it holds no text');
    expect(rowProblem('textPacks', { id: 'p', base64: 'RGVh=iBEaXJlY3Rvcg==' })).toBe('it holds no text');
    expect(rowProblem('textPacks', { id: 'p', base64: 'RGVhciBEaXJlY3Rvc===' })).toBe('it holds no text');
    expect(rowProblem('textPacks', { id: 'p', base64: 'RGVhciBEaXJlY3Rvcg-=' })).toBe('it holds no text');
    // The pack of one long letter, some 4.5 MB.
    expect(rowProblem('textPacks', { id: 'p', base64: `${'RGVh'.repeat(1_500_000)}cg==` })).toBeNull();
    expect(rowProblem('textPacks', { id: 'p', utf8: new Uint8Array(2) })).toBe('it holds no text');
    expect(rowProblem('settings', [])).toBe('it is not an object');
    expect(rowProblem('reports', { id: 1, source: 'Sample letters', startedAt: '' })).toBeNull();
  });
});
