// @vitest-environment node
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addToCouncils, recomputeCouncils } from './council-rows';
import { LetterArchiveDb } from './db';
import { storedSamples } from './test-support/stored-letters';
import type { StoredLetter } from './types';

let dbCount = 0;

/** Letters made from the samples, each moved to one of a few councils and dates so that dates tie. */
const letterArb = (template: StoredLetter[]) =>
  fc.record({
    template: fc.nat(template.length - 1),
    council: fc.constantFrom('Coventry', 'Leicester', 'Derby'),
    date: fc.constantFrom('2007-11-26', '2008-12-01', '2009-12-09'),
    id: fc.string({ minLength: 4, maxLength: 8, unit: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', '0', '1') }),
  });

describe('addToCouncils', () => {
  it('gives the rows recomputing from every letter gives, batch after batch', async () => {
    const samples = await storedSamples();
    await fc.assert(
      fc.asyncProperty(fc.array(fc.uniqueArray(letterArb(samples), { selector: (l) => l.id, maxLength: 6 }), { minLength: 1, maxLength: 5 }), async (batches) => {
        const db = new LetterArchiveDb(`council-rows-${++dbCount}`);
        const seen = new Set<string>();
        for (const batch of batches) {
          const letters = batch
            .filter(({ id }) => !seen.has(id))
            .map(({ template, council, date, id }): StoredLetter => {
              seen.add(id);
              const base = samples[template]!;
              return { ...base, id, date, councilKey: council.toLowerCase(), council: { ...base.council, displayName: council, name: `${council} City Council` } };
            });
          await db.transaction('rw', [db.letters, db.councils], async () => {
            await db.letters.bulkAdd(letters);
            await addToCouncils(db, letters);
          });
        }
        const incremental = await db.councils.orderBy('key').toArray();
        await db.councils.clear();
        await recomputeCouncils(db, (await db.letters.orderBy('councilKey').uniqueKeys()) as string[]);
        expect(incremental).toEqual(await db.councils.orderBy('key').toArray());
        db.close();
      }),
      { numRuns: 60 },
    );
  });
});
