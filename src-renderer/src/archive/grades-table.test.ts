// @vitest-environment node
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { letterGrades } from '../../../src-shared/analysis/letter-grades';
import { archiveOfVersion, getDb, LetterArchiveDb, openFreshDbForTests } from './db';
import { queryAllGrades, queryGradesOf, queryTicksOf } from './queries';
import { importLetters, removeSampleLetters, removeTick, saveTick } from './repository';
import { memorySource, parseDirectly, sampleFiles } from './test-support/memory-source';
import { storedSamples } from './test-support/stored-letters';

let dbCount = 0;
beforeEach(() => {
  openFreshDbForTests(`grades-table-test-${++dbCount}`);
});

describe("the letters' grades beside them", () => {
  it('are written with the letters an import adds, and go when the letters go', async () => {
    await importLetters(memorySource(sampleFiles()), { parse: parseDirectly, sample: true });
    const letters = await getDb().letters.toArray();
    expect(letters.length).toBe(5);
    expect((await queryAllGrades()).sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      letters.map(letterGrades).sort((a, b) => a.id.localeCompare(b.id)),
    );
    expect((await queryGradesOf('coventry')).map((g) => g.year).sort()).toEqual([2007, 2009]);
    await removeSampleLetters();
    expect(await queryAllGrades()).toEqual([]);
  });

  it('are worked out for the letters of an archive made before they were kept', async () => {
    const name = `grades-upgrade-${++dbCount}`;
    const old = archiveOfVersion(name, 3);
    const samples = await storedSamples();
    await old.table('letters').bulkPut(samples);
    old.close();
    const db = new LetterArchiveDb(name);
    expect((await db.grades.toArray()).map((g) => g.id).sort()).toEqual(samples.map((l) => l.id).sort());
    db.close();
  });
});

describe('ticks', () => {
  it('are kept by point, and an import of the same letters leaves them as they were', async () => {
    await importLetters(memorySource(sampleFiles()), { parse: parseDirectly });
    const tick = { pointId: 'p1', councilKey: 'coventry', letterId: 'x', text: 'Improve', note: 'Done in the new plan', doneOn: '2010-03-01', tickedAt: '2026-01-01T00:00:00.000Z' };
    await saveTick(tick);
    await importLetters(memorySource(sampleFiles()), { parse: parseDirectly });
    expect(await queryTicksOf(['x'])).toEqual([tick]);
    // A change goes over the tick as kept, whatever the caller last saw.
    await saveTick({ ...tick, note: 'stale' }, { doneOn: '2010-04-01' });
    expect(await queryTicksOf(['x', 'y'])).toEqual([{ ...tick, doneOn: '2010-04-01' }]);
    await removeTick('p1');
    expect(await queryTicksOf(['x'])).toEqual([]);
  });
});
