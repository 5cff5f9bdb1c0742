// @vitest-environment node
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb, openFreshDbForTests } from './db';
import { readTexts } from './text-packs';
import { recomputeCouncils } from './council-rows';
import { importLetters, lettersOfCouncil, lettersOfImport, removeCouncilLetters, removeImport, removeLetters, sampleLetterIds, undoRemoval } from './repository';
import { memorySource, parseDirectly, sampleFiles } from './test-support/memory-source';

let dbCount = 0;
beforeEach(() => {
  openFreshDbForTests(`removals-test-${++dbCount}`);
});

/** Every table a removal touches, as rows sorted by key, so two states of the archive can be compared whole. */
async function archiveState() {
  const db = getDb();
  const byKey = <T>(rows: T[], key: (row: T) => string | number) => [...rows].sort((a, b) => String(key(a)).localeCompare(String(key(b))));
  return {
    letters: byKey(await db.letters.toArray(), (r) => r.id),
    texts: await keptTexts(),
    grades: byKey(await db.grades.toArray(), (r) => r.id),
    councils: byKey(await db.councils.toArray(), (r) => r.key),
    reports: await db.reports.toArray(),
    entries: await db.reportEntries.toArray(),
  };
}

/** Each letter's kept text by letter id, as read through its pack. */
async function keptTexts(): Promise<Record<string, unknown>> {
  const ids = ((await getDb().texts.toCollection().primaryKeys()) as string[]).sort();
  const texts = await readTexts(getDb(), ids);
  return Object.fromEntries(ids.map((id, i) => [id, texts[i]]));
}

/** The bytes of every pack of texts, as one string. */
async function packedBytes(): Promise<string> {
  return (await getDb().textPacks.toArray()).map((pack) => new TextDecoder().decode(pack.utf8)).join('');
}

/** The sample files split in two folders, imported one after the other. */
function twoFolders(): [Map<string, Uint8Array>, Map<string, Uint8Array>] {
  const files = [...sampleFiles()].filter(([name]) => !name.endsWith('.md'));
  return [new Map(files.slice(0, 2)), new Map(files.slice(2))];
}

/** Council rows as they would be worked out from the letters now. */
async function councilsFromLetters() {
  const db = getDb();
  const keys = (await db.councils.toCollection().primaryKeys()) as string[];
  const now = await db.councils.toArray();
  await db.transaction('rw', [db.letters, db.councils], () => recomputeCouncils(db, keys));
  const fresh = await db.councils.toArray();
  await db.councils.bulkPut(now);
  return fresh;
}

describe('removing letters and undoing it', () => {
  it('takes one letter, its text, grades and count out, and undo puts back exactly the rows it took', async () => {
    await importLetters(memorySource(sampleFiles()), { parse: parseDirectly });
    const before = await archiveState();
    const coventry = await lettersOfCouncil('coventry');
    expect(coventry.length).toBe(2);

    const removal = await removeLetters([coventry[0]!], 'one letter');
    expect(removal.letters.map((l) => l.id)).toEqual([coventry[0]]);
    expect(removal.texts.map((t) => t.id)).toEqual([coventry[0]]);
    const after = await archiveState();
    expect(after.letters.length).toBe(before.letters.length - 1);
    expect(after.texts[coventry[0]!]).toBeUndefined();
    // Its words are gone from the pack its text was kept in.
    expect(await packedBytes()).not.toContain(new TextDecoder().decode(removal.texts[0]!.utf8));
    expect(after.grades.some((g) => g.id === coventry[0])).toBe(false);
    expect(after.councils.find((c) => c.key === 'coventry')?.letterCount).toBe(1);
    expect(after.councils).toEqual(await councilsFromLetters());

    expect(await undoRemoval(removal)).toBe(1);
    expect(await archiveState()).toEqual(before);
  });

  it("takes all of a council's letters and its row, and undo brings the council back", async () => {
    await importLetters(memorySource(sampleFiles()), { parse: parseDirectly });
    const before = await archiveState();
    const removal = await removeCouncilLetters('coventry', (n) => `all ${n} letters of Coventry`);
    expect(removal.letters.length).toBe(2);
    expect(removal.label).toBe('all 2 letters of Coventry');
    expect((await archiveState()).councils.some((c) => c.key === 'coventry')).toBe(false);
    await undoRemoval(removal);
    expect(await archiveState()).toEqual(before);
  });

  it('deletes the pack of texts with its last letter, and undoing removals in any order brings every text back', async () => {
    await importLetters(memorySource(sampleFiles()), { parse: parseDirectly });
    const db = getDb();
    const ids = (await db.letters.toCollection().primaryKeys()) as string[];
    const texts = await readTexts(db, ids);
    expect(await db.textPacks.count()).toBe(1);

    const first = await removeLetters(ids.slice(0, 2), 'two letters');
    expect(await db.textPacks.count()).toBe(1);
    const rest = await removeLetters(ids.slice(2), 'the rest');
    expect(await db.textPacks.count()).toBe(0);
    expect(await db.texts.count()).toBe(0);

    await undoRemoval(first);
    expect(await readTexts(db, ids.slice(0, 2))).toEqual(texts.slice(0, 2));
    await undoRemoval(rest);
    expect(await readTexts(db, ids)).toEqual(texts);
  });

  it('passes over ids the archive does not hold', async () => {
    await importLetters(memorySource(sampleFiles()), { parse: parseDirectly });
    const removal = await removeLetters(['no-such-letter'], 'nothing');
    expect(removal.letters).toEqual([]);
    expect(await undoRemoval(removal)).toBe(0);
  });

  it('leaves a letter imported again since its removal as the archive now has it', async () => {
    await importLetters(memorySource(sampleFiles()), { parse: parseDirectly });
    const [id] = await lettersOfCouncil('coventry');
    const removal = await removeLetters([id!], 'one letter');
    await importLetters(memorySource(sampleFiles(), [], 'Again'), { parse: parseDirectly });
    const again = await getDb().letters.get(id!);
    expect(again).toBeDefined();
    expect(await undoRemoval(removal)).toBe(0);
    expect(await getDb().letters.get(id!)).toEqual(again);
  });
});

describe('removing an import', () => {
  it('takes out the letters that import added and its report, not those of other imports, and undo restores both with their ids', async () => {
    const [first, second] = twoFolders();
    await importLetters(memorySource(first, [], 'First'), { parse: parseDirectly });
    const firstIds = (await getDb().letters.toCollection().primaryKeys()).sort();
    const report = await importLetters(memorySource(second, [{ file: 'notes.docx', reason: 'not a letter' }], 'Second'), { parse: parseDirectly });
    const secondIds = (await lettersOfImport(report.id!)).sort();
    expect(secondIds.length).toBe(second.size);
    expect(secondIds.some((id) => firstIds.includes(id))).toBe(false);
    const before = await archiveState();

    const removal = await removeImport(report.id!, (n) => `the import of Second (${n})`);
    expect(removal.label).toBe(`the import of Second (${secondIds.length})`);
    expect(removal.letters.map((l) => l.id).sort()).toEqual(secondIds);
    expect(removal.report?.row.id).toBe(report.id);
    expect(removal.report?.entries.length).toBe(1);
    const after = await archiveState();
    expect(after.letters.map((l) => l.id).sort()).toEqual(firstIds);
    expect(after.reports.map((r) => r.source)).toEqual(['First']);
    expect(after.entries.some((e) => e.reportId === report.id)).toBe(false);
    expect(after.councils).toEqual(await councilsFromLetters());

    await undoRemoval(removal);
    expect(await archiveState()).toEqual(before);
  });

  it('takes a sample letter the person imported for real with their import, not with the samples', async () => {
    const [first] = twoFolders();
    await importLetters(memorySource(sampleFiles(), [], 'Sample letters'), { parse: parseDirectly, sample: true });
    const report = await importLetters(memorySource(first, [], 'Mine'), { parse: parseDirectly });
    const mine = await lettersOfImport(report.id!);
    expect(mine.length).toBe(first.size);
    expect((await sampleLetterIds()).some((id) => mine.includes(id))).toBe(false);
  });
});
