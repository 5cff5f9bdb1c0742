// @vitest-environment node
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseLetter } from '../../../src-shared/letters/parse-letter';
import { archiveOfVersion, getDb, openFreshDbForTests } from './db';
import { queryCouncils, queryCounts, queryLettersOf, queryReports } from './queries';
import {
  getLetter,
  getReports,
  getSelection,
  getSetting,
  importLetters,
  isArchiveEmpty,
  removeSampleLetters,
  saveSelection,
  setSetting,
} from './repository';
import { memorySource, parseDirectly, sampleFiles } from './test-support/memory-source';
import { wholeLetters } from './test-support/stored-letters';
import type { ImportProgress } from './types';

let dbCount = 0;
beforeEach(() => {
  openFreshDbForTests(`import-test-${++dbCount}`);
});

const COVENTRY_2007 = 'coventry-2007-annual-performance-assessment.txt';
const COVENTRY_2009 = 'coventry-2009-annual-rating.txt';

async function expectWholeLetters(): Promise<void> {
  const stored = await wholeLetters(getDb());
  const samples = sampleFiles();
  for (const letter of stored) {
    const outcome = await parseLetter(samples.get(letter.sourceFile)!);
    if (!outcome.ok) throw new Error(outcome.reason);
    expect(letter.sections).toEqual(outcome.letter.sections);
  }
}

describe('importLetters', () => {
  it('imports the five sample letters into four councils', async () => {
    const progress: ImportProgress[] = [];
    const report = await importLetters(memorySource(sampleFiles(), [], 'Sample letters'), {
      parse: parseDirectly,
      sample: true,
      onProgress: (p) => progress.push(p),
    });

    expect(report).toMatchObject({ source: 'Sample letters', total: 5, added: 5, duplicates: 0, failures: [], cancelled: false });
    expect(report.finishedAt >= report.startedAt).toBe(true);
    expect(await queryCounts()).toEqual({ letters: 5, councils: 4, samples: 5 });
    expect(await isArchiveEmpty()).toBe(false);

    const councils = await queryCouncils();
    expect(councils.map((c) => c.displayName)).toEqual(['Coventry', 'Leicester', 'Stoke-on-Trent', 'Worcestershire']);
    expect(councils[0]).toEqual({
      key: 'coventry',
      displayName: 'Coventry',
      name: 'Coventry City Council',
      region: 'West Midlands',
      code: '331',
      letterCount: 2,
      latest: { scale: 'annual-rating', grade: 3, label: 'Performs well' },
      latestDate: '2009-12-09',
    });

    const coventry = await queryLettersOf('coventry');
    expect(coventry.map((l) => [l.sourceFile, l.date])).toEqual([
      [COVENTRY_2009, '2009-12-09'],
      [COVENTRY_2007, '2007-11-26'],
    ]);
    expect(coventry.every((l) => l.sample && l.councilKey === 'coventry')).toBe(true);
    const letter = await getLetter(coventry[1]!.id);
    expect(letter?.sections).toHaveLength(8);

    const saved = await getReports();
    expect(saved).toHaveLength(1);
    expect(saved[0]).toEqual({ ...report, id: saved[0]!.id });

    const last = progress[progress.length - 1]!;
    expect(last).toMatchObject({ done: 5, total: 5, added: 5, duplicates: 0, failed: 0 });
    expect(progress.every((p, i) => i === 0 || p.done >= progress[i - 1]!.done)).toBe(true);
  });

  it('adds nothing when the same letters are imported again', async () => {
    await importLetters(memorySource(sampleFiles()), { parse: parseDirectly });
    const again = await importLetters(memorySource(sampleFiles(), [], 'Again'), { parse: parseDirectly });
    expect(again).toMatchObject({ total: 5, added: 0, duplicates: 5, failures: [], cancelled: false });
    expect((await queryCounts()).letters).toBe(5);
    expect((await getReports()).map((r) => r.source)).toEqual(['Again', 'Test files']);
  });

  it('counts a letter that appears twice in one batch once', async () => {
    const files = sampleFiles();
    files.set('copy/' + COVENTRY_2007, files.get(COVENTRY_2007)!);
    const report = await importLetters(memorySource(files), { parse: parseDirectly });
    expect(report).toMatchObject({ total: 6, added: 5, duplicates: 1 });
    expect((await queryCouncils())[0]!.letterCount).toBe(2);
  });

  it('reports every file that is not a letter, with its reason, and imports the rest', async () => {
    const files = sampleFiles();
    files.set('empty.txt', new Uint8Array());
    files.set('picture.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    files.set('shopping.txt', new TextEncoder().encode('Milk\nEggs\nBread for the week\n'));
    const source = memorySource(files, [{ file: 'huge.txt', reason: 'larger than 50 MB (the limit for one letter)' }]);
    const report = await importLetters(source, { parse: parseDirectly, batchSize: 3 });

    expect(report).toMatchObject({ total: 9, added: 5, duplicates: 0, cancelled: false });
    const reasons = new Map(report.failures.map((f) => [f.file, f.reason]));
    expect([...reasons.keys()].sort()).toEqual(['empty.txt', 'huge.txt', 'picture.png', 'shopping.txt']);
    expect(reasons.get('huge.txt')).toBe('larger than 50 MB (the limit for one letter)');
    for (const name of ['empty.txt', 'picture.png', 'shopping.txt']) {
      const outcome = await parseLetter(files.get(name)!);
      expect(outcome.ok).toBe(false);
      expect(reasons.get(name)).toBe(outcome.ok ? '' : outcome.reason);
    }
    expect(reasons.get('empty.txt')).toMatch(/empty/i);
    expect((await queryCounts()).letters).toBe(5);
  });

  it('reports files the source cannot read and a parser that fails, and carries on', async () => {
    const files = sampleFiles();
    const source = memorySource(files);
    const read = source.read;
    source.read = async (paths) => (await read(paths)).map((r) => (r.relativePath === COVENTRY_2009 ? { relativePath: r.relativePath, error: 'cannot be read: permission denied' } : r));
    let calls = 0;
    const report = await importLetters(source, {
      batchSize: 2,
      parse: async (batch) => {
        if (++calls === 3) throw new Error('worker crashed');
        return parseDirectly(batch);
      },
    });
    expect(report.failures).toEqual([
      { file: COVENTRY_2009, reason: 'cannot be read: permission denied' },
      { file: 'worcestershire-2009-annual-rating.txt', reason: 'could not be read as a letter (worker crashed)' },
    ]);
    expect(report.added).toBe(3);
  });

  it('reports a batch the archive refuses, keeping the batches before it', async () => {
    let calls = 0;
    const report = await importLetters(memorySource(sampleFiles()), {
      batchSize: 2,
      parse: async (batch) => {
        const results = await parseDirectly(batch);
        // A letter without an id cannot be stored: the whole batch's transaction rolls back.
        if (++calls === 2 && results[1]?.outcome.ok) results[1].outcome.letter.id = undefined as unknown as string;
        return results;
      },
    });
    expect(report.added).toBe(3);
    expect(report.failures.map((f) => f.file)).toEqual(['leicester-2009-annual-rating.txt', 'stoke-on-trent-2009-annual-rating.txt']);
    expect(report.failures[0]!.reason).toMatch(/^could not be saved in the archive/);
    expect((await queryCounts()).letters).toBe(3);
    await expectWholeLetters();
  });

  it('never throws: a source that cannot be listed gives a report with the reason', async () => {
    const source = memorySource(new Map());
    source.list = async () => {
      throw new Error('the folder has gone');
    };
    const report = await importLetters(source, { parse: parseDirectly });
    expect(report.failures).toEqual([{ file: 'Test files', reason: 'the import stopped: the files could not be listed (the folder has gone). The letters read before then are kept; import the folder again to finish it' }]);
    expect(report.finishedAt).not.toBe('');
    expect((await getReports())[0]).toMatchObject({ failures: report.failures });
  });

  it('stops between batches when aborted, leaving whole letters, and a second import completes it', async () => {
    const controller = new AbortController();
    const source = memorySource(sampleFiles());
    const report = await importLetters(source, {
      batchSize: 2,
      parse: parseDirectly,
      signal: controller.signal,
      // Abort as the first batch is written: it lands whole, and batches read ahead are not written.
      onProgress: (p) => {
        if (p.done === 1) controller.abort();
      },
    });
    expect(report).toMatchObject({ total: 5, added: 2, cancelled: true, failures: [] });
    expect((await getReports())[0]).toMatchObject({ cancelled: true, added: 2, failures: [] });
    expect((await queryCounts()).letters).toBe(2);
    await expectWholeLetters();

    const second = await importLetters(memorySource(sampleFiles()), { parse: parseDirectly, batchSize: 2 });
    expect(second).toMatchObject({ added: 3, duplicates: 2, cancelled: false });
    expect(await queryCounts()).toEqual({ letters: 5, councils: 4, samples: 0 });
    await expectWholeLetters();
  });

  it('reads and parses ahead of the batch being written, and writes batches in order', async () => {
    const events: string[] = [];
    const source = memorySource(sampleFiles());
    const read = source.read;
    source.read = async (paths) => {
      events.push(`read ${paths.join(',')}`);
      return read(paths);
    };
    getDb().letters.hook('creating', (_key, letter) => void events.push(`write ${letter.sourceFile}`));
    await importLetters(source, {
      batchSize: 2,
      parsers: 2,
      parse: async (batch) => {
        events.push(`parse ${batch.map((f) => f.relativePath).join(',')}`);
        return parseDirectly(batch);
      },
    });
    const names = [...sampleFiles().keys()];
    // All three batches were read, and two parsed, before the first letter was written.
    const firstWrite = events.findIndex((e) => e.startsWith('write'));
    expect(events.filter((e, i) => e.startsWith('read') && i < firstWrite)).toHaveLength(3);
    expect(events.filter((e, i) => e.startsWith('parse') && i < firstWrite).length).toBeGreaterThanOrEqual(2);
    // Letters were written in the folder's order.
    expect(events.filter((e) => e.startsWith('write'))).toEqual(names.map((name) => `write ${name}`));
  });

  it('writes the running report with each batch, by its counts alone', async () => {
    const updates: Record<string, unknown>[] = [];
    getDb().reports.hook('updating', (changes) => void updates.push({ ...(changes as Record<string, unknown>) }));
    await importLetters(memorySource(sampleFiles()), { batchSize: 2, parse: parseDirectly });
    const batches = updates.filter((u) => 'added' in u);
    expect(batches.map((u) => u.added)).toEqual([2, 4, 5]);
    // The report's files are rows of their own: no update rewrites a list of them.
    expect(updates.every((u) => !('failures' in u) && !('sameLetters' in u))).toBe(true);
    expect(updates.at(-1)).toHaveProperty('finishedAt');
    expect(updates.slice(0, -1).every((u) => !('finishedAt' in u))).toBe(true);
  });
});

describe('removeSampleLetters', () => {
  it('removes the samples and the councils left without letters', async () => {
    const files = sampleFiles();
    const leicester = 'leicester-2009-annual-rating.txt';
    const coventry2007 = new Map([[COVENTRY_2007, files.get(COVENTRY_2007)!]]);
    files.delete(COVENTRY_2007);
    await importLetters(memorySource(files), { parse: parseDirectly, sample: true });
    await importLetters(memorySource(coventry2007), { parse: parseDirectly });
    expect(await queryCounts()).toEqual({ letters: 5, councils: 4, samples: 4 });

    expect((await removeSampleLetters()).letters.length).toBe(4);
    expect(await queryCounts()).toEqual({ letters: 1, councils: 1, samples: 0 });
    const [coventry] = await queryCouncils();
    expect(coventry).toMatchObject({ key: 'coventry', letterCount: 1, latest: { scale: 'apa', grade: 3, label: 'Good' }, latestDate: '2007-11-26' });
    expect((await removeSampleLetters()).letters.length).toBe(0);
    expect((await getDb().letters.toArray()).some((l) => l.sourceFile === leicester)).toBe(false);
  });

  it('keeps a sample letter that the person has since imported themselves', async () => {
    await importLetters(memorySource(sampleFiles()), { parse: parseDirectly, sample: true });
    const mine = new Map([[COVENTRY_2009, sampleFiles().get(COVENTRY_2009)!]]);
    const report = await importLetters(memorySource(mine), { parse: parseDirectly });
    expect(report).toMatchObject({ added: 0, duplicates: 1 });
    expect((await removeSampleLetters()).letters.length).toBe(4);
    const left = await getDb().letters.toArray();
    expect(left.map((l) => [l.sourceFile, l.sample, 'sampleFlag' in l])).toEqual([[COVENTRY_2009, false, false]]);
  });
});

describe('settings and selection', () => {
  it('keeps settings and the last selection', async () => {
    expect(await isArchiveEmpty()).toBe(true);
    expect(await getSetting('theme')).toBeUndefined();
    await setSetting('theme', { dark: true });
    expect(await getSetting<{ dark: boolean }>('theme')).toEqual({ dark: true });
    expect(await getSelection()).toEqual({ councilKey: null, letterId: null, sectionIndex: null });
    await saveSelection({ councilKey: '331', letterId: 'abc', sectionIndex: 2 });
    expect(await getSelection()).toEqual({ councilKey: '331', letterId: 'abc', sectionIndex: 2 });
  });
});

describe('an import cut off by a closed or reloaded window', () => {
  it('is reported as interrupted when the archive is next opened, not as still running', async () => {
    const name = `interrupted-${++dbCount}`;
    const before = openFreshDbForTests(name);
    await before.reports.add({
      source: '/letters',
      startedAt: '2026-11-24T10:00:00.000Z',
      finishedAt: '',
      total: 10,
      added: 3,
      duplicates: 0,
      failed: 0,
      same: 0,
      cancelled: false,
    });
    const finished = { source: '/old', startedAt: '2026-11-23T10:00:00.000Z', finishedAt: '2026-11-23T10:01:00.000Z', total: 1, added: 1, duplicates: 0, failed: 0, same: 0, cancelled: false };
    await before.reports.add(finished);

    // The window reloads: a new connection to the same archive.
    openFreshDbForTests(name);
    const reports = await getReports();
    const interrupted = reports.find((r) => r.source === '/letters')!;
    expect(interrupted.finishedAt).not.toBe('');
    expect(interrupted.cancelled).toBe(true);
    expect(interrupted.added).toBe(3);
    expect(interrupted.failures.map((f) => f.reason).join()).toMatch(/interrupted/);
    expect(reports.find((r) => r.source === '/old')).toMatchObject({ finishedAt: finished.finishedAt, cancelled: false, failures: [] });
    expect((await queryReports()).find((r) => r.source === '/letters')).toMatchObject({ failed: 1, cancelled: true });
  });
});

describe('an archive whose reports held their files inside them (version 2)', () => {
  it('is brought up to version 3: each report keeps its counts, and its files become rows of their own, in order', async () => {
    const name = `reports-v2-${++dbCount}`;
    const old = archiveOfVersion(name, 2);
    const failures = [
      { file: 'a.txt', reason: 'the file is empty' },
      { file: 'b.png', reason: 'not a letter' },
    ];
    const sameLetters = [{ file: 'copy/c.txt', sameAs: 'c.txt' }];
    await old.table('reports').add({ source: '/letters', startedAt: '2026-01-01T10:00:00.000Z', finishedAt: '2026-01-01T10:01:00.000Z', total: 5, added: 2, duplicates: 1, failures, sameLetters, cancelled: false });
    old.close();

    openFreshDbForTests(name);
    const [row] = await queryReports();
    expect(row).toMatchObject({ source: '/letters', failed: 2, same: 1, added: 2 });
    expect(row).not.toHaveProperty('failures');
    expect(await getReports()).toEqual([{ id: row!.id, source: '/letters', startedAt: '2026-01-01T10:00:00.000Z', finishedAt: '2026-01-01T10:01:00.000Z', total: 5, added: 2, duplicates: 1, failures, sameLetters, cancelled: false }]);
  });
});
