// @vitest-environment node
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb, openFreshDbForTests, type SearchIndexRow } from '../archive/db';
import { importLetters, removeSampleLetters } from '../archive/repository';
import { memorySource, parseDirectly, sampleFiles } from '../archive/test-support/memory-source';
import { wholeLetters } from '../archive/test-support/stored-letters';
import { INDEX_VERSION, SNAPSHOT_KEY, SectionIndex } from './search-index';
import { SearchService } from './search-service';
import { putSnapshot } from './snapshot-writing';
import type { SearchResponse } from './search-types';

let dbCount = 0;
beforeEach(() => {
  openFreshDbForTests(`search-service-test-${++dbCount}`);
});

function councilsFound(response: SearchResponse): string[] {
  return [...new Set(response.letters.map((l) => l.councilName))].sort();
}

/** The response without its timing, to compare two answers. */
function untimed(response: SearchResponse): SearchResponse {
  return { ...response, elapsedMs: 0 };
}

async function importSamples(files = sampleFiles()): Promise<void> {
  await importLetters(memorySource(files), { parse: parseDirectly, sample: true });
}

describe('SearchService', () => {
  it('builds the index from the archive when there is no snapshot, and saves one', async () => {
    await importSamples();
    const service = new SearchService(getDb(), { saveDelayMs: 10_000 });
    expect(councilsFound(await service.search('fostering'))).toEqual(expect.arrayContaining(['Coventry', 'Leicester']));
    expect(service.loadedFrom).toBe('rebuilt');
    expect(await getDb().searchIndex.get(SNAPSHOT_KEY)).toBeUndefined();
    const info = await service.info();
    expect(info).toMatchObject({ source: 'rebuilt', snapshotChars: 0 });
    expect(info.documents).toBeGreaterThan(5);
    expect(info.loadMs).toBeGreaterThan(0);
    // Its parts: the snapshot looked for (none), then the index built from the archive.
    const { readMs, buildMs, catchUpMs } = info.loadPhasesMs;
    expect(readMs + buildMs + catchUpMs).toBeCloseTo(info.loadMs, 6);
    expect(buildMs).toBeGreaterThan(0);
    await service.flush();
    const row = await getDb().searchIndex.get(SNAPSHOT_KEY);
    expect(row?.version).toBe(INDEX_VERSION);
    expect(Object.keys(row!.letters)).toHaveLength(5);
    expect((await service.info()).snapshotChars).toBe(row!.json.length);
  });

  it('warms up with searches of every kind once ready, behind any search asked meanwhile', async () => {
    await importSamples();
    const service = new SearchService(getDb(), { saveDelayMs: 10_000, warmUp: true });
    await service.ready();
    const asked = await service.search('fostering');
    expect(councilsFound(asked)).toEqual(expect.arrayContaining(['Coventry', 'Leicester']));
    // The search went ahead of nearly all of the warm-up.
    expect(service.warmUpSearches).toBeLessThan(3);
    await service.warmedUp;
    expect(service.warmUpSearches).toBeGreaterThan(40);
    // Nothing changed: the same answer.
    expect(untimed(await service.search('fostering'))).toEqual(untimed(asked));
    // No second warm-up for a small change; but once it is saved, the index loaded anew from
    // the snapshot is warmed up too.
    const done = service.warmUpSearches;
    await service.remove([asked.letters[0]!.letterId]);
    await service.search('fostering');
    expect(service.warmUpSearches).toBe(done);
    await service.flush();
    await service.warmedUp;
    expect(service.warmUpSearches).toBeGreaterThan(done + 40);
  });

  it('warms up again when the index has doubled', async () => {
    const [first, ...rest] = [...sampleFiles()];
    await importSamples(new Map([first!]));
    const service = new SearchService(getDb(), { saveDelayMs: 10_000, warmUp: true });
    await service.ready();
    await service.warmedUp;
    const once = service.warmUpSearches;
    expect(once).toBeGreaterThan(0);
    await importSamples(new Map(rest));
    await service.add((await getDb().letters.toCollection().primaryKeys()) as string[]);
    await service.flush();
    await service.warmedUp;
    expect(service.warmUpSearches).toBeGreaterThan(once);
  });

  it('does not warm up unless asked to', async () => {
    await importSamples();
    const service = new SearchService(getDb(), { saveDelayMs: 10_000 });
    await service.ready();
    await service.search('fostering');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(service.warmUpSearches).toBe(0);
  });

  it('saves by itself a moment after a change', async () => {
    await importSamples();
    const service = new SearchService(getDb(), { saveDelayMs: 20 });
    await service.ready();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await getDb().searchIndex.get(SNAPSHOT_KEY)).toBeDefined();
  });

  it('takes letters in as a parse worker staged them, without reading them back, and skips what it has', async () => {
    await importSamples();
    const letters = await wholeLetters(getDb());
    const activity: number[] = [];
    const watched = new SearchService(getDb(), { saveDelayMs: 10_000, onActivity: (a) => a.kind === 'indexed' && activity.push(a.added) });
    await watched.remove(letters.map((l) => l.id));
    expect((await watched.search('fostering')).letters).toHaveLength(0);
    const reads = vi.spyOn(getDb().letters, 'bulkGet');
    watched.stage(letters);
    await watched.add(letters.map((l) => l.id));
    await watched.add(letters.slice(0, 2).map((l) => l.id));
    expect(activity).toEqual([letters.length, 0]);
    expect(reads).not.toHaveBeenCalled();
    expect(councilsFound(await watched.search('fostering'))).toEqual(expect.arrayContaining(['Coventry', 'Leicester']));
  });

  it('reads from the archive the letters it was not sent, and drops those staged but never written when the import ends', async () => {
    await importSamples();
    const [first, second, ...rest] = await wholeLetters(getDb());
    const readBack: number[] = [];
    const service = new SearchService(getDb(), { saveDelayMs: 10_000, onActivity: (a) => a.kind === 'indexed' && readBack.push(a.fromArchive) });
    await service.remove([first!.id, second!.id]);
    service.setImporting(true);
    // A letter read but found to be a duplicate, so never written: staged only.
    const neverWritten = { ...first!, id: 'never-written' };
    service.stage([neverWritten, second!]);
    // The first was not staged (its message lost): it is read from the archive.
    await service.add([first!.id, second!.id]);
    service.setImporting(false);
    await service.add(['never-written']);
    expect(readBack).toEqual([1, 0]);
    const found = new Set((await service.search('fostering OR council', { letters: 100 })).letters.map((l) => l.letterId));
    expect(found).toContain(first!.id);
    expect(found).toContain(second!.id);
    expect(found).not.toContain('never-written');
    expect(rest.every((l) => found.has(l.id))).toBe(true);
  });

  it('keeps a staged letter it was told of, though more letters are staged than it holds while it reads others back', async () => {
    await importSamples();
    const [first, second] = await wholeLetters(getDb());
    const service = new SearchService(getDb(), { saveDelayMs: 10_000 });
    await service.remove([first!.id, second!.id]);
    service.setImporting(true);
    service.stage([second!]);
    // While the first is read back from the archive, a long import stages thousands more:
    // the oldest staged, the second among them, are let go from the stage.
    const letters = getDb().letters;
    const bulkGet = letters.bulkGet.bind(letters);
    vi.spyOn(letters, 'bulkGet').mockImplementationOnce((keys) => {
      service.stage(Array.from({ length: 5001 }, (_, i) => ({ ...first!, id: `later-${i}` })));
      return bulkGet(keys);
    });
    await service.add([first!.id, second!.id]);
    service.setImporting(false);
    const found = new Set((await service.search('fostering OR council', { letters: 100 })).letters.map((l) => l.letterId));
    expect(found).toContain(first!.id);
    expect(found).toContain(second!.id);
  });

  it('answers a search typed while the letters of an import go in between chunks, not after the whole batch', async () => {
    await importSamples();
    const samples = await wholeLetters(getDb());
    const service = new SearchService(getDb(), { saveDelayMs: 10_000 });
    await service.remove(samples.map((l) => l.id));
    // A batch as an import sends it: a hundred letters.
    const batch = Array.from({ length: 100 }, (_, i) => ({ ...samples[i % samples.length]!, id: `copy-${i}` }));
    const order: string[] = [];
    service.stage(batch);
    const adding = service.add(batch.map((l) => l.id)).then(() => order.push('added'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    const answer = await service.search('fostering').then((response) => {
      order.push('searched');
      return response;
    });
    await adding;
    expect(order).toEqual(['searched', 'added']);
    // It saw whole letters only: some of the batch, not all.
    expect(answer.totalLetters).toBeGreaterThan(0);
    expect(answer.totalLetters).toBeLessThan(batch.length);
    expect((await service.search('fostering')).totalLetters).toBeGreaterThan(answer.totalLetters);
  });

  it('keeps the snapshot and the warm-up for the end of an import', async () => {
    const saved: number[] = [];
    const service = new SearchService(getDb(), { saveDelayMs: 20, warmUp: true, onActivity: (a) => a.kind === 'saved' && saved.push(a.letters) });
    // An empty archive: the first letters in would start a warm-up.
    await service.ready();
    await importSamples();
    const letters = await wholeLetters(getDb());
    service.setImporting(true);
    for (const letter of letters) await service.add([letter.id]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    // The empty index built at the start may be saved before the import begins (a slow
    // machine takes longer than the 20 ms wait to import the samples); none is saved during it.
    const during = saved.filter((n) => n > 0);
    expect(during).toEqual([]);
    expect(service.warmUpSearches).toBe(0);
    service.setImporting(false);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(saved.filter((n) => n > 0)).toEqual([letters.length]);
    await service.warmedUp;
    expect(service.warmUpSearches).toBeGreaterThan(0);
  });

  it('answers searches while its snapshot is being written, not after the write', async () => {
    await importSamples();
    const service = new SearchService(getDb(), { saveDelayMs: 10_000 });
    const before = await service.search('fostering');
    await service.remove([before.letters[0]!.letterId]);
    let finishWrite: () => void = () => undefined;
    const put = vi.spyOn(getDb().searchIndex, 'put').mockImplementation(() => new Promise((resolve) => (finishWrite = () => resolve(SNAPSHOT_KEY))) as never);
    const saving = service.flush();
    await vi.waitFor(() => expect(put).toHaveBeenCalled());
    // The write hangs; the search is answered all the same, from the index being saved.
    const during = await service.search('fostering');
    expect(during.totalLetters).toBe(before.totalLetters - 1);
    finishWrite();
    await saving;
    put.mockRestore();
    expect(untimed(await service.search('fostering'))).toEqual(untimed(during));
    // Waiting for the write instead would hang here until the test's time ran out.
  }, 10_000);

  it('answers searches while its snapshot is being taken', async () => {
    await importSamples();
    const service = new SearchService(getDb(), { saveDelayMs: 10_000 });
    const before = await service.search('fostering');
    await service.remove([before.letters[0]!.letterId]);
    const take = SectionIndex.prototype.toSnapshotInSlices;
    let finishTake: () => void = () => undefined;
    const taking = vi.spyOn(SectionIndex.prototype, 'toSnapshotInSlices').mockImplementation(function (this: SectionIndex, ...args) {
      return new Promise<void>((resolve) => (finishTake = resolve)).then(() => take.apply(this, args));
    });
    try {
      const saving = service.flush();
      await vi.waitFor(() => expect(taking).toHaveBeenCalled());
      const during = await service.search('fostering');
      expect(during.totalLetters).toBe(before.totalLetters - 1);
      finishTake();
      await saving;
      expect(untimed(await service.search('fostering'))).toEqual(untimed(during));
    } finally {
      taking.mockRestore();
    }
  }, 10_000);

  it('tries a failed save again, a few times, not for ever', async () => {
    await importSamples();
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const saving = (failures: number) => {
        const tries = { count: 0 };
        const writeSnapshot = (row: SearchIndexRow) => (++tries.count <= failures ? Promise.reject(new Error('the disk is full')) : putSnapshot(getDb(), row));
        return { tries, service: new SearchService(getDb(), { saveDelayMs: 10, writeSnapshot }) };
      };
      // Once: the next try saves it.
      const once = saving(1);
      await once.service.ready();
      await vi.waitFor(() => expect(once.tries.count).toBe(2));
      await vi.waitFor(async () => expect(await getDb().searchIndex.get(SNAPSHOT_KEY)).toBeDefined());
      await getDb().searchIndex.clear();
      // Always: a first save and two more tries, then it waits for the next change.
      const always = saving(Infinity);
      await always.service.ready();
      await vi.waitFor(() => expect(always.tries.count).toBe(3));
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(always.tries.count).toBe(3);
      expect(await getDb().searchIndex.get(SNAPSHOT_KEY)).toBeUndefined();
    } finally {
      error.mockRestore();
    }
  });

  it('saves once changes settle, not after each, and while they keep coming, at most every maxUnsavedMs', async () => {
    await importSamples();
    const ids = (await getDb().letters.toCollection().primaryKeys()) as string[];
    const activity: string[] = [];
    const service = new SearchService(getDb(), { saveDelayMs: 60_000, maxUnsavedMs: 150, onActivity: (a) => activity.push(a.kind === 'saved' ? `saved ${a.letters}` : `indexed ${a.letters}`) });
    await service.remove(ids);
    const letters = await getDb().letters.bulkGet(ids);
    // Changes every 40 ms never leave the quiet spell a save waits for; the deadline saves anyway.
    for (const letter of letters) {
      await service.add([letter!.id]);
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    const saves = activity.filter((a) => a.startsWith('saved'));
    expect(saves.length).toBeGreaterThanOrEqual(1);
    expect(saves.length).toBeLessThan(ids.length);
    expect(activity.filter((a) => a.startsWith('indexed'))).toEqual(ids.map((_, i) => `indexed ${i + 1}`));
  });

  it('loads the snapshot next time, texts and all, and rebuilds when the version changes', async () => {
    await importSamples();
    const first = new SearchService(getDb());
    const queries = ['fostering', '"looked after children"', 'safeg', 'grade:2 kind:rating'];
    const expected = await Promise.all(queries.map((q) => first.search(q)));
    expect(expected[1]!.totalSections).toBeGreaterThan(0);
    await first.flush();

    const second = new SearchService(getDb());
    for (const [i, q] of queries.entries()) expect(untimed(await second.search(q))).toEqual(untimed(expected[i]!));
    expect(second.loadedFrom).toBe('snapshot');
    const info = await second.info();
    expect(info.source).toBe('snapshot');
    expect(info.snapshotChars).toBe((await getDb().searchIndex.get(SNAPSHOT_KEY))!.json.length);
    // Snippets need the section texts, which the snapshot does not hold.
    expect(expected[0]!.letters[0]!.sections[0]!.snippet.marks.length).toBeGreaterThan(0);

    const newer = new SearchService(getDb(), { version: INDEX_VERSION + 1 });
    expect(untimed(await newer.search('fostering'))).toEqual(untimed(expected[0]!));
    expect(newer.loadedFrom).toBe('rebuilt');
  });

  it('catches up with letters written or deleted after the snapshot was saved', async () => {
    const files = sampleFiles();
    const leicester = 'leicester-2009-annual-rating.txt';
    const leicesterOnly = new Map([[leicester, files.get(leicester)!]]);
    files.delete(leicester);
    await importSamples(files);
    const first = new SearchService(getDb());
    await first.ready();
    await first.flush();

    await importLetters(memorySource(leicesterOnly), { parse: parseDirectly });
    const second = new SearchService(getDb());
    expect(councilsFound(await second.search('fostering'))).toContain('Leicester');
    expect(second.loadedFrom).toBe('snapshot');
    // Its load in parts: the index made from the snapshot, then Leicester read from the archive.
    const phases = (await second.info()).loadPhasesMs;
    expect(phases.buildMs).toBeGreaterThan(0);
    expect(phases.catchUpMs).toBeGreaterThan(0);
    await second.flush();

    await removeSampleLetters();
    const third = new SearchService(getDb());
    expect(councilsFound(await third.search('fostering'))).toEqual(['Leicester']);
    expect((await third.info()).documents).toBe(2);
  });

  it('catches up by the grades, but takes out only letters the archive no longer holds', async () => {
    await importSamples();
    const first = new SearchService(getDb());
    const before = await first.search('fostering');
    await first.flush();
    const keys = vi.spyOn(getDb().letters, 'toCollection');
    try {
      // A letter whose grades row went missing is still a letter: it stays in the index.
      await getDb().grades.delete(before.letters[0]!.letterId);
      const second = new SearchService(getDb());
      expect(untimed(await second.search('fostering'))).toEqual(untimed(before));
      expect(second.loadedFrom).toBe('snapshot');
      // The letters' own keys, which walk every row, were not listed.
      expect(keys).not.toHaveBeenCalled();
    } finally {
      keys.mockRestore();
    }
  });

  it('adds and removes letters it is told about', async () => {
    const service = new SearchService(getDb());
    expect((await service.search('fostering')).totalSections).toBe(0);
    await importSamples();
    const ids = (await wholeLetters(getDb())).map((l) => l.id);
    await service.add(ids);
    await service.add(ids);
    const found = await service.search('fostering');
    expect(councilsFound(found)).toEqual(expect.arrayContaining(['Coventry', 'Leicester']));
    expect(found.letters[0]!.sections[0]!.snippet.text.length).toBeGreaterThan(0);
    await service.remove(ids);
    expect((await service.search('fostering')).totalSections).toBe(0);
    await service.add(['no-such-letter']);
    expect((await service.search('coventry')).totalSections).toBe(0);
  });

  it('answers the same after saving, and keeps taking changes (it goes on from the saved form)', async () => {
    const files = sampleFiles();
    const leicester = 'leicester-2009-annual-rating.txt';
    const leicesterOnly = new Map([[leicester, files.get(leicester)!]]);
    files.delete(leicester);
    await importSamples(files);
    const service = new SearchService(getDb(), { saveDelayMs: 10_000 });
    const before = await service.search('"looked after children" OR fostering');
    await service.flush();
    expect(untimed(await service.search('"looked after children" OR fostering'))).toEqual(untimed(before));
    await importLetters(memorySource(leicesterOnly), { parse: parseDirectly });
    const leicesterId = (await wholeLetters(getDb())).find((l) => l.sourceFile === leicester)!.id;
    await service.add([leicesterId]);
    await service.flush();
    expect(councilsFound(await service.search('fostering'))).toContain('Leicester');
    await service.remove([leicesterId]);
    await service.flush();
    expect(councilsFound(await service.search('fostering'))).not.toContain('Leicester');
    expect(untimed(await service.search('"looked after children" OR fostering'))).toEqual(untimed(before));
  });

  it('passes the letter limit on', async () => {
    await importSamples();
    const service = new SearchService(getDb());
    const one = await service.search('children', { letters: 1 });
    expect(one.letters).toHaveLength(1);
    expect(one.totalSections).toBeGreaterThan(1);
  });

  it('takes in a letter read again whose message was lost, from the archive’s list, at the next start', async () => {
    await importSamples();
    const first = new SearchService(getDb(), { saveDelayMs: 10_000 });
    expect(councilsFound(await first.search('fostering'))).toContain('Leicester');
    await first.flush();
    // Read again by a newer parser: the words changed, the id did not, and no message reached the index.
    const db = getDb();
    const leicester = (await wholeLetters(db)).find((l) => l.council.displayName === 'Leicester')!;
    const sections = leicester.sections.map((s) => ({ ...s, paragraphs: s.paragraphs.filter((p) => !(p.type === 'paragraph' && /fostering/i.test(p.text))) }));
    await db.transaction('rw', [db.letters, db.pendingIndex], async () => {
      await db.letters.put({ ...leicester, sections });
      await db.pendingIndex.put({ id: leicester.id });
    });

    const next = new SearchService(db, { saveDelayMs: 10_000 });
    expect(councilsFound(await next.search('fostering'))).not.toContain('Leicester');
    expect(next.loadedFrom).toBe('snapshot');
    // Once a snapshot holding it is saved, the letter is no longer pending.
    await next.flush();
    expect(await db.pendingIndex.count()).toBe(0);
  });
});
