// @vitest-environment node
/**
 * What an import writes must grow with the folder, not with its square: a folder of files
 * that are not letters adds one report entry per file, and never rewrites the list of
 * entries. Writes are counted (rows, and the characters of their values), not timed.
 */
import 'fake-indexeddb/auto';
import type { DBCore, DBCoreMutateRequest } from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { openFreshDbForTests } from './db';
import { importLetters } from './import-letters';
import { queryReport, queryReports } from './queries';
import { memorySource, parseDirectly } from './test-support/memory-source';

let dbCount = 0;
let written = { rows: 0, chars: 0 };

/** A fresh archive whose every added or put row is counted in `written`. */
function countedArchive(): void {
  const db = openFreshDbForTests(`import-scaling-${++dbCount}`);
  written = { rows: 0, chars: 0 };
  db.use({
    stack: 'dbcore',
    name: 'count-writes',
    create: (down: DBCore): DBCore => ({
      ...down,
      table(name) {
        const table = down.table(name);
        return {
          ...table,
          mutate(request: DBCoreMutateRequest) {
            const values = request.type === 'add' || request.type === 'put' ? request.values : [];
            written.rows += values.length;
            for (const value of values) written.chars += JSON.stringify(value).length;
            return table.mutate(request);
          },
        };
      },
    }),
  });
}

beforeEach(countedArchive);

function notLetters(count: number): Map<string, Uint8Array> {
  const encoder = new TextEncoder();
  return new Map(Array.from({ length: count }, (_, i) => [`notes/note-${String(i).padStart(5, '0')}.txt`, encoder.encode(`Shopping list ${i}\nMilk\nEggs\n`)]));
}

async function importNotLetters(count: number): Promise<{ rows: number; chars: number }> {
  // Batches of 25 files, as the import used to cut them: the more batches, the more a rewritten report would cost.
  const report = await importLetters(memorySource(notLetters(count)), { parse: parseDirectly, batchSize: 25 });
  expect(report).toMatchObject({ total: count, added: 0, cancelled: false });
  expect(report.failures).toHaveLength(count);
  return { ...written };
}

describe('an import of many files that are not letters', () => {
  it('writes in proportion to the number of files', async () => {
    const small = await importNotLetters(1000);
    countedArchive();
    const large = await importNotLetters(5000);
    // Five times the files: about five times the writes (one entry per file, one report update
    // per batch), where rewriting the report with each batch would be about twenty-five times.
    expect(large.rows / small.rows).toBeLessThan(5.5);
    expect(large.chars / small.chars).toBeLessThan(5.5);
    expect(large.rows).toBeGreaterThanOrEqual(5000);
  }, 60_000);

  it('keeps every file in the report, in order, with its reason', async () => {
    await importNotLetters(300);
    const [row] = await queryReports();
    expect(row).toMatchObject({ failed: 300, same: 0, added: 0 });
    const report = await queryReport(row!.id!);
    expect(report!.failures.map((f) => f.file)).toEqual([...notLetters(300).keys()]);
    expect(report!.failures.every((f) => f.reason.length > 0)).toBe(true);
  });
});
