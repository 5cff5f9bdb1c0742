// @vitest-environment node
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb, openFreshDbForTests } from './db';
import { queryLatestLetters, queryLettersOf } from './queries';
import { importLetters } from './repository';
import { memorySource, parseDirectly, sampleFiles } from './test-support/memory-source';
import type { StoredLetter } from './types';

const COVENTRY = 'coventry';

let dbCount = 0;
beforeEach(async () => {
  openFreshDbForTests(`queries-test-${++dbCount}`);
  await importLetters(memorySource(sampleFiles()), { parse: parseDirectly });
});

/** What a list of letters is, in a form that reads: "331 annual-rating 2009-12-09". */
const described = (letters: readonly StoredLetter[]): string[] => letters.map((l) => `${l.councilKey} ${l.kind} ${l.date}`);

describe('queryLatestLetters', () => {
  it('gives every council its newest letter, and its newest APA letter when that is older', async () => {
    const letters = await queryLatestLetters(null);
    // Coventry's newest is its 2009 annual rating, so its 2007 APA comes too; the others have one letter each.
    expect(letters).toHaveLength(5);
    expect(described(letters.filter((l) => l.councilKey === COVENTRY))).toEqual([`${COVENTRY} annual-rating 2009-12-09`, `${COVENTRY} apa 2007-11-26`]);
    expect(new Set(letters.map((l) => l.councilKey)).size).toBe(4);
  });

  it('reads only the councils asked for, and nothing for a council it does not have', async () => {
    expect(described(await queryLatestLetters([COVENTRY]))).toEqual([`${COVENTRY} annual-rating 2009-12-09`, `${COVENTRY} apa 2007-11-26`]);
    expect(await queryLatestLetters(['no-such-council'])).toEqual([]);
    expect(await queryLatestLetters([])).toEqual([]);
  });

  it('skips an older APA letter for the newest one, and gives only the APA when it is the newest letter', async () => {
    const [rating, apa] = await queryLettersOf(COVENTRY);
    await getDb().letters.add({ ...apa!, id: 'coventry-2005-apa', date: '2005-11-28', year: 2005 });
    expect(described(await queryLatestLetters([COVENTRY]))).toEqual([`${COVENTRY} annual-rating 2009-12-09`, `${COVENTRY} apa 2007-11-26`]);

    await getDb().letters.delete(rating!.id);
    expect(described(await queryLatestLetters([COVENTRY]))).toEqual([`${COVENTRY} apa 2007-11-26`]);
  });
});
