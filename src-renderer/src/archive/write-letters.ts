/**
 * Writing a batch of newly read letters into the archive: what is new goes in, and a letter
 * the archive already has, from this file or another, is not added twice. It is the same
 * letter when it has the same id (the same text, whatever the encoding), or when it is of
 * the same council, kind and date and says nearly the same words (same-letter.ts): then
 * the file joins the letter's list of files, and the report names it as the same letter.
 */
import type { Letter, LetterText } from '../../../src-shared/letters/letter';
import { PARSER_VERSION } from '../../../src-shared/letters/parser-version';
import { SAME_LETTER_SIMILARITY, letterWords, sameOccasion, similarity, wordRuns } from '../../../src-shared/letters/same-letter';
import { councilKeyOf, recomputeCouncils } from './council-rows';
import type { LetterArchiveDb, LetterRow, TextRow } from './db';
import type { ImportReport } from './types';

/** A letter as read from a file, with the text it was read from. */
export interface ReadLetter {
  row: LetterRow;
  text: LetterText;
}

export interface BatchWritten {
  /** Letters new to the archive. */
  added: string[];
  /** Letters the archive had, read again from this import by a newer parser. */
  changed: string[];
  duplicates: number;
  /** Files holding a letter the archive has from another file. */
  sameLetters: { file: string; sameAs: string }[];
}

/** A letter as a row of the archive, read now by this version of the parser. */
export function toRow(letter: Letter, sourceFile: string, sourceFolder: string | undefined, sample: boolean, importedAt: string): LetterRow {
  const row: LetterRow = { ...letter, councilKey: councilKeyOf(letter.council), sourceFile, files: [sourceFile], sample, importedAt, parserVersion: PARSER_VERSION };
  if (sourceFolder) row.sourceFolder = sourceFolder;
  if (sample) row.sampleFlag = 1;
  return row;
}

/** The runs of words a letter is compared by, worked out once per letter in a batch. */
class Runs {
  private readonly cache = new Map<string, Set<string>>();
  of(letter: LetterRow): Set<string> {
    let runs = this.cache.get(letter.id);
    if (!runs) this.cache.set(letter.id, (runs = wordRuns(letterWords(letter))));
    return runs;
  }
}

/**
 * Writes the batch's new letters, their texts, the councils they touch and the report, in
 * one transaction. A sample letter imported again for real stops being a sample; a letter
 * read by an older parser takes this reading when the same text comes in again.
 */
export async function writeBatch(db: LetterArchiveDb, incoming: ReadLetter[], report: ImportReport, sample: boolean): Promise<BatchWritten> {
  return db.transaction('rw', [db.letters, db.councils, db.reports, db.texts], async () => {
    const byId = await db.letters.bulkGet(incoming.map(({ row }) => row.id));
    const unknown = incoming.filter((_, i) => !byId[i]);
    const occasions = [...new Set(unknown.map(({ row }) => JSON.stringify([row.councilKey, row.date])))].map((o) => JSON.parse(o) as [string, string]);
    // Letters the new ones may be the same as: the archive's of the same council and date, and the batch's own.
    const pool: LetterRow[] = occasions.length > 0 ? await db.letters.where('[councilKey+date]').anyOf(occasions).toArray() : [];
    const runs = new Runs();
    const fresh: LetterRow[] = [];
    const texts: TextRow[] = [];
    const updated = new Map<string, LetterRow>();
    const changed = new Set<string>();
    const councilKeys = new Set<string>();
    const written: BatchWritten = { added: [], changed: [], duplicates: 0, sameLetters: [] };

    incoming.forEach(({ row, text }, i) => {
      const known = byId[i] ?? updated.get(row.id) ?? fresh.find((f) => f.id === row.id);
      const same = known ?? pool.find((other) => sameOccasion(other, row) && similarity(runs.of(other), runs.of(row)) >= SAME_LETTER_SIMILARITY);
      if (!same) {
        fresh.push(row);
        pool.push(row);
        texts.push({ id: row.id, ...text });
        councilKeys.add(row.councilKey);
        return;
      }
      written.duplicates++;
      // A letter of this batch is changed where it stands; one of the archive's, written back.
      const target = fresh.includes(same) ? same : (updated.get(same.id) ?? { ...same });
      if (!target.files.includes(row.sourceFile)) {
        target.files = [...target.files, row.sourceFile];
        written.sameLetters.push({ file: row.sourceFile, sameAs: target.sourceFile });
      }
      if (target.sample && !sample) {
        Object.assign(target, { sample: false, sourceFile: row.sourceFile, sourceFolder: row.sourceFolder });
        delete target.sampleFlag;
      }
      if (known && target.parserVersion < PARSER_VERSION) {
        // The same text, read by this version of the parser: the letter takes the new reading.
        councilKeys.add(target.councilKey);
        Object.assign(target, { ...row, id: target.id, files: target.files, sourceFile: target.sourceFile, sample: target.sample, importedAt: target.importedAt });
        if (target.sourceFolder === undefined) delete target.sourceFolder;
        if (!target.sample) delete target.sampleFlag;
        texts.push({ id: target.id, ...text });
        councilKeys.add(target.councilKey);
        changed.add(target.id);
      }
      if (!fresh.includes(target)) updated.set(target.id, target);
    });

    await db.letters.bulkAdd(fresh);
    await db.letters.bulkPut([...updated.values()]);
    await db.texts.bulkPut(texts);
    await recomputeCouncils(db, councilKeys);
    await db.reports.put({
      ...report,
      added: report.added + fresh.length,
      duplicates: report.duplicates + written.duplicates,
      sameLetters: [...(report.sameLetters ?? []), ...written.sameLetters],
    });
    written.added = fresh.map((row) => row.id);
    written.changed = [...changed];
    return written;
  });
}
