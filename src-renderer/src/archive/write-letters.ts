/**
 * Writing a batch of newly read letters into the archive: what is new goes in, and a letter
 * the archive already has, from this file or another, is not added twice. It is the same
 * letter when it has the same id (the same text, whatever the encoding), or when it is of
 * the same council, kind, date and grades and says nearly the same words (same-letter.ts):
 * then the file joins the letter's list of files, and the report names it as the same letter.
 */
import { councilKeyOf, type Letter, type LetterText } from '../../../src-shared/letters/letter';
import { PARSER_VERSION } from '../../../src-shared/letters/parser-version';
import { SAME_LETTER_SIMILARITY, couldBeSameLetter, letterWords, similarity, wordRuns } from '../../../src-shared/letters/same-letter';
import { addToCouncils, recomputeCouncils } from './council-rows';
import { appendToReport, putGrades, reportEntriesOf, toTextRow, type KeptLetter, type KeptLetterRow, type LetterArchiveDb, type LetterRow } from './db';
import type { ImportClock } from './import-clock';
import { joinParagraphs, keepsParagraphsApart, keptWith, withParagraphs } from './letter-paragraphs';
import { keepTexts, takeTexts, type TextToKeep } from './text-packs';
import type { DuplicateFile, DuplicatedLetter, ImportFailure, ReportRow } from './types';

/**
 * A letter as read from a file, as the archive would store it, and the text it was read from.
 * A letter the parse worker sent as its row keeps it (without `paragraphs`) stays so.
 */
export interface ReadLetter {
  letter: KeptLetter;
  row: KeptLetterRow;
  text: LetterText;
  /** The text as UTF-8, when the parse worker encoded it (`text.text` is then empty). */
  utf8?: Uint8Array;
  /** With `utf8`: the paragraphs the letter's row keeps apart, as the parse worker kept them (paragraph-bytes.ts). */
  paragraphs?: Uint8Array;
}

/** The report an import writes as it goes: its id, and its counts before this batch. */
export type ReportTally = Required<Pick<ReportRow, 'id'>> & Pick<ReportRow, 'added' | 'duplicates' | 'failed' | 'same'>;

export interface BatchWritten {
  /** Letters new to the archive (whole, or as their rows keep them). */
  added: KeptLetterRow[];
  /** Letters the archive had, read again from this import by a newer parser. */
  changed: string[];
  duplicates: number;
  /** Every file holding a letter the archive has, from another file or from this one imported before. */
  sameLetters: DuplicateFile[];
}

/** A letter as a row of the archive, read now by this version of the parser (a row as kept, for a letter read as kept). */
export function toRow(letter: Letter, sourceFile: string, sourceFolder: string | undefined, sample: boolean, importedAt: string): LetterRow;
export function toRow(letter: KeptLetter, sourceFile: string, sourceFolder: string | undefined, sample: boolean, importedAt: string): KeptLetterRow;
export function toRow(letter: KeptLetter, sourceFile: string, sourceFolder: string | undefined, sample: boolean, importedAt: string): KeptLetterRow {
  const row: KeptLetterRow = { ...letter, councilKey: councilKeyOf(letter.council), sourceFile, files: [sourceFile], sample, importedAt, parserVersion: PARSER_VERSION };
  if (sourceFolder) row.sourceFolder = sourceFolder;
  if (sample) row.sampleFlag = 1;
  return row;
}

/**
 * A stored letter with a new reading of it by this version of the parser: what the letter
 * says is the new reading's, where it came from and how it was imported stay the row's, and
 * so does its id, so that saved selections and searches still find it.
 */
export function withNewReading(old: KeptLetterRow, letter: Letter): LetterRow;
export function withNewReading(old: KeptLetterRow, letter: KeptLetter): KeptLetterRow;
export function withNewReading(old: KeptLetterRow, letter: KeptLetter): KeptLetterRow {
  const row: KeptLetterRow = { ...old, ...letter, id: old.id, councilKey: councilKeyOf(letter.council), parserVersion: PARSER_VERSION };
  // Fields a reading gives only sometimes (the pages of a PDF) must not linger from the old one.
  if (letter.pageCount === undefined) delete row.pageCount;
  return row;
}

/** The letter `row` duplicates, `stored` as the archive has it before this file, as the report names it. */
function duplicatedLetter(stored: KeptLetterRow, row: KeptLetterRow, sample: boolean): DuplicatedLetter {
  const letter: DuplicatedLetter = { council: stored.council.displayName, kind: stored.kind, year: stored.year, date: stored.date };
  if (stored.sourceFolder !== undefined && stored.sourceFolder !== row.sourceFolder) letter.folder = stored.sourceFolder;
  if (stored.sample && !sample) letter.wasSample = true;
  return letter;
}

/** The runs of words a letter is compared by, worked out once per letter in a batch (`whole` gives its words). */
class Runs {
  private readonly cache = new Map<string, Set<string>>();
  constructor(private readonly whole: (letter: KeptLetterRow) => LetterRow) {}
  of(letter: KeptLetterRow): Set<string> {
    let runs = this.cache.get(letter.id);
    if (!runs) this.cache.set(letter.id, (runs = wordRuns(letterWords(this.whole(letter)))));
    return runs;
  }
}

/**
 * Writes the batch's new letters, their texts, the councils they touch and the report's
 * counts and new entries (the batch's `failures`, and its files that hold a letter already
 * in), in one transaction. Nothing written grows with the archive or the report: councils
 * and the report are updated by what the batch adds. A sample letter imported again for
 * real becomes the person's letter; a letter read by an older parser takes this reading
 * when the same letter comes in again.
 */
export async function writeBatch(
  db: LetterArchiveDb,
  incoming: ReadLetter[],
  failures: readonly ImportFailure[],
  report: ReportTally,
  sample: boolean,
  clock?: ImportClock,
): Promise<BatchWritten> {
  return db.transaction('rw', [db.letters, db.grades, db.councils, db.reports, db.reportEntries, db.texts, db.textPacks, db.pendingIndex], async () => {
    const byId = await db.letters.bulkGet(incoming.map(({ row }) => row.id));
    const unknown = incoming.filter((_, i) => !byId[i]);
    const occasions = [...new Set(unknown.map(({ row }) => JSON.stringify([row.councilKey, row.date])))].map((o) => JSON.parse(o) as [string, string]);
    // Letters the new ones may be the same as: the archive's of the same occasion and grades, and the batch's own.
    // Only those are read whole (their words are compared), not every letter of the same council and date.
    const sameDay = occasions.length > 0 ? await db.letters.where('[councilKey+date]').anyOf(occasions).toArray() : [];
    const stored = sameDay.filter((letter) => unknown.some(({ row }) => couldBeSameLetter(letter, row)));
    const pool: KeptLetterRow[] = (await withParagraphs(db, stored)).filter((letter): letter is LetterRow => letter !== undefined);
    /** The archive's rows as it keeps them, for a letter of the pool found to be the same: its paragraphs stay apart. */
    const keptRow = new Map(stored.map((row) => [row.id, row]));
    /** This batch's letters sent as their rows keep them, by id: their words are read only to compare them. */
    const sentKept = new Map(incoming.flatMap((read) => (read.utf8 && read.paragraphs && keepsParagraphsApart(read.row) ? [[read.row.id, read] as const] : [])));
    const runs = new Runs((letter) => {
      if (!keepsParagraphsApart(letter)) return letter as LetterRow;
      // Never expected: compared without some of its words, a letter could be taken for another.
      const read = sentKept.get(letter.id);
      if (!read) throw new Error(`the paragraphs of letter ${letter.id} were not sent with it`);
      return joinParagraphs(letter, read.paragraphs, read.utf8);
    });
    const fresh: KeptLetterRow[] = [];
    const texts: TextToKeep[] = [];
    const updated = new Map<string, KeptLetterRow>();
    const changed = new Set<string>();
    /** Councils of letters read again: before and after, as a new reading may name another council. */
    const councilKeys = new Set<string>();
    const written: BatchWritten = { added: [], changed: [], duplicates: 0, sameLetters: [] };
    /** This batch's new letters by id. */
    const freshById = new Map<string, KeptLetterRow>();
    /** The row to change for a letter already met: one of this batch's where it stands, or a copy of the archive's. */
    const rowFor = (letter: KeptLetterRow): KeptLetterRow =>
      freshById.get(letter.id) === letter ? letter : (updated.get(letter.id) ?? { ...(keptRow.get(letter.id) ?? letter) });

    /** Keeps a file's text for letter `id`, with the paragraphs the parse worker kept for it, if it sent them. */
    const keepText = (id: string, { text, utf8, paragraphs }: ReadLetter) => {
      const kept: TextToKeep = toTextRow(id, text, utf8);
      if (utf8 && paragraphs) kept.paragraphs = paragraphs;
      texts.push(kept);
    };

    for (const [i, read] of incoming.entries()) {
      const { letter, row } = read;
      const known = byId[i] ?? freshById.get(row.id);
      const same = known ?? pool.find((other) => couldBeSameLetter(other, row) && similarity(runs.of(other), runs.of(row)) >= SAME_LETTER_SIMILARITY);
      if (!same) {
        fresh.push(row);
        freshById.set(row.id, row);
        pool.push(row);
        keepText(row.id, read);
        continue;
      }
      written.duplicates++;
      let target = rowFor(same);
      // Every duplicate file is named in the report, with the letter it holds and where that letter was first found.
      written.sameLetters.push({ file: row.sourceFile, sameAs: target.sourceFile, letter: duplicatedLetter(target, row, sample) });
      if (target.sample && !sample) {
        // The person's own copy of a sample letter: the letter is now theirs, found in their file alone.
        // It is now this import's, too, so removing the import takes it out.
        Object.assign(target, { sample: false, sourceFile: row.sourceFile, sourceFolder: row.sourceFolder, files: [row.sourceFile], importedAt: row.importedAt });
        if (row.sourceFolder === undefined) delete target.sourceFolder;
        delete target.sampleFlag;
      } else if (!target.files.includes(row.sourceFile) && (sample === target.sample)) {
        // The sample folder's files are not the person's: they are not listed with the person's letters.
        target.files = [...target.files, row.sourceFile];
      }
      if (target.parserVersion < PARSER_VERSION) {
        // Read by an older parser: the letter takes this reading, and this text to read again from.
        councilKeys.add(target.councilKey);
        target = withNewReading(target, letter);
        keepText(target.id, read);
        councilKeys.add(target.councilKey);
        changed.add(target.id);
      }
      if (freshById.get(target.id) !== target) updated.set(target.id, target);
    }

    // New letters and new readings as their rows keep them, most of their paragraphs after their
    // texts (letter-paragraphs.ts): parted now, as a later file of the batch may have changed a row.
    const textOf = new Map(texts.map((text) => [text.id, text]));
    const part = (row: KeptLetterRow): KeptLetterRow => {
      const text = textOf.get(row.id);
      if (!text) return row;
      if (!keepsParagraphsApart(row)) return keptWith(row as LetterRow, text);
      // Sent as its row keeps it: its paragraphs are the bytes the worker sent with it, kept with its text.
      if (!text.paragraphs) throw new Error(`the paragraphs of letter ${row.id} were not sent with it`);
      return row;
    };
    const freshRows = fresh.map(part);
    for (const id of changed) {
      const row = updated.get(id);
      if (row) updated.set(id, part(row));
    }

    // Writes that do not read what another writes are asked for together: IndexedDB runs a
    // transaction's requests in the order asked, without a round trip to this thread between them.
    await Promise.all([
      db.letters.bulkAdd(freshRows),
      db.letters.bulkPut([...updated.values()]),
      putGrades(db, [...fresh, ...updated.values()]),
      // A letter read again keeps the text it was read from now, and its old text goes.
      (async () => {
        if (changed.size > 0) await takeTexts(db, [...changed]);
        await keepTexts(db, texts);
      })(),
      db.pendingIndex.bulkPut([...changed].map((id) => ({ id }))),
    ]);
    const timed = <T>(stage: 'councils' | 'report', work: () => Promise<T>) => (clock ? clock.time(stage, work) : work());
    // After the letters: a council's row may be worked out from its letters as written.
    await timed('councils', async () => {
      await addToCouncils(db, fresh);
      // Letters read again may have moved council: their councils are worked out afresh.
      if (councilKeys.size > 0) await recomputeCouncils(db, councilKeys);
    });
    // Not beside the councils: Dexie runs a nested transaction (appendToReport's) on its own.
    await timed('report', () =>
      appendToReport(db, report.id, reportEntriesOf(report.id, [...failures], written.sameLetters), {
        added: report.added + fresh.length,
        duplicates: report.duplicates + written.duplicates,
        failed: report.failed + failures.length,
        same: report.same + written.sameLetters.length,
      }),
    );
    written.added = fresh;
    written.changed = [...changed];
    return written;
  });
}
