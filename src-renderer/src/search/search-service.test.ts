// @vitest-environment node
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb, openFreshDbForTests } from '../archive/db';
import { importLetters, removeSampleLetters } from '../archive/repository';
import { memorySource, parseDirectly, sampleFiles } from '../archive/test-support/memory-source';
import { INDEX_VERSION, SNAPSHOT_KEY } from './search-index';
import { SearchService } from './search-service';

let dbCount = 0;
beforeEach(() => {
  openFreshDbForTests(`search-service-test-${++dbCount}`);
});

function councilsFound(hits: { councilName: string }[]): string[] {
  return [...new Set(hits.map((h) => h.councilName))].sort();
}

async function importSamples(files = sampleFiles()): Promise<void> {
  await importLetters(memorySource(files), { parse: parseDirectly, sample: true });
}

describe('SearchService', () => {
  it('builds the index from the archive when there is no snapshot, and saves one', async () => {
    await importSamples();
    const service = new SearchService(getDb(), { saveDelayMs: 10_000 });
    expect(councilsFound(await service.search('fostering'))).toEqual(expect.arrayContaining(['Coventry', 'Leicester']));
    expect(service.loadedFrom).toBe('rebuild');
    expect(await getDb().searchIndex.get(SNAPSHOT_KEY)).toBeUndefined();
    await service.flush();
    const row = await getDb().searchIndex.get(SNAPSHOT_KEY);
    expect(row?.version).toBe(INDEX_VERSION);
    expect(Object.keys(row!.letters)).toHaveLength(5);
  });

  it('saves by itself a moment after a change', async () => {
    await importSamples();
    const service = new SearchService(getDb(), { saveDelayMs: 20 });
    await service.ready();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await getDb().searchIndex.get(SNAPSHOT_KEY)).toBeDefined();
  });

  it('loads the snapshot next time, and rebuilds when the version changes', async () => {
    await importSamples();
    const first = new SearchService(getDb());
    const expected = await first.search('fostering');
    await first.flush();

    const second = new SearchService(getDb());
    expect(await second.search('fostering')).toEqual(expected);
    expect(second.loadedFrom).toBe('snapshot');

    const newer = new SearchService(getDb(), { version: INDEX_VERSION + 1 });
    expect(await newer.search('fostering')).toEqual(expected);
    expect(newer.loadedFrom).toBe('rebuild');
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
    await second.flush();

    await removeSampleLetters();
    const third = new SearchService(getDb());
    expect(councilsFound(await third.search('fostering'))).toEqual(['Leicester']);
  });

  it('adds and removes letters it is told about', async () => {
    const service = new SearchService(getDb());
    expect(await service.search('fostering')).toEqual([]);
    await importSamples();
    const ids = (await getDb().letters.toArray()).map((l) => l.id);
    await service.add(ids);
    await service.add(ids);
    const hits = await service.search('fostering');
    expect(councilsFound(hits)).toEqual(expect.arrayContaining(['Coventry', 'Leicester']));
    await service.remove(ids);
    expect(await service.search('fostering')).toEqual([]);
    await service.add(['no-such-letter']);
    expect(await service.search('coventry')).toEqual([]);
  });
});
