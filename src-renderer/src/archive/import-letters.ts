/**
 * Importing letters, as a pipeline: while one batch is written, the next ones are parsed
 * (in as many parse workers as the machine has cores to spare) and the one after is read.
 * Batches are written strictly in order, each with its letters, their councils, and the
 * report's counts and entries in one transaction, so an import stopped at any point leaves
 * whole letters and a true report, and importing the folder again gives the same archive.
 */
import { errorInWords } from '../../../src-shared/error-words';
import { appendToReport, getDb, reportEntriesOf } from './db';
import { ImportClock } from './import-clock';
import { planBatches } from './import-batches';
import type { ParseItem, ParsedFile } from './parse-messages';
import { parseInWorker, parseWorkersRunning, warmParseWorkers } from './parse-client';
import { notifyImporting, notifyLettersAdded, notifyLettersChanged } from '../search/search-client';
import type { ImportFailure, ImportProgress, ImportReport, LetterSource, ReportRow } from './types';
import { toRow, writeBatch, type BatchWritten, type ReadLetter, type ReportTally } from './write-letters';

/** Said of a file the reader gave back nothing for. */
export const NO_ANSWER_REASON = 'the reader gave no answer for this file; import it again to try once more';

/** At most this many files in a batch. */
export const DEFAULT_BATCH_SIZE = 500;

export interface ImportOptions {
  onProgress?: (progress: ImportProgress) => void;
  /** Checked between batches: what was written stays, and the report says cancelled. */
  signal?: AbortSignal;
  /** Marks the letters as samples, so `removeSampleLetters` can take them out again. */
  sample?: boolean;
  /** At most this many files in a batch (batches are otherwise sized by bytes: import-batches.ts). */
  batchSize?: number;
  /** Parses a batch; by default in the parse workers. Tests pass the parser itself. */
  parse?: (files: ParseItem[]) => Promise<ParsedFile[]>;
  /** Batches parsed side by side (by default, as many as there are parse workers). */
  parsers?: number;
}

/** An error in words a person reads, to follow on from what failed. */
const describe = errorInWords;

/** A batch read and parsed, waiting its turn to be written. */
interface Prepared {
  paths: string[];
  parsed: ParsedFile[];
  /** Files of the batch that could not be read or parsed. */
  failures: ImportFailure[];
}

/**
 * Imports every letter the source has. Never throws: files that are not letters, cannot be
 * read or are refused, and a failure of the whole import, all end up in the report.
 */
export async function importLetters(source: LetterSource, options: ImportOptions = {}): Promise<ImportReport> {
  const db = getDb();
  const { signal, sample = false } = options;
  const maxFiles = Math.max(1, Math.floor(options.batchSize ?? DEFAULT_BATCH_SIZE) || DEFAULT_BATCH_SIZE);
  const parse = options.parse ?? parseInWorker;
  const parsers = Math.max(1, options.parsers ?? (options.parse ? 1 : parseWorkersRunning()));
  const clock = new ImportClock();
  clock.note({ parseWorkers: parsers });
  const report: ImportReport = {
    source: source.label,
    startedAt: new Date().toISOString(),
    finishedAt: '',
    total: 0,
    added: 0,
    duplicates: 0,
    sameLetters: [],
    failures: [],
    cancelled: false,
  };
  let done = 0;
  const progress = (current: string) => {
    try {
      options.onProgress?.({ done, total: report.total, current, added: report.added, duplicates: report.duplicates, failed: report.failures.length });
    } catch (error) {
      console.error('An import progress listener failed', error);
    }
  };
  /** Entries the archive's report holds: a batch whose failures could not be saved leaves them in this report only. */
  const stored = { failed: 0, same: 0 };
  /** The report's counts as the archive holds them. */
  const tally = (): ReportTally => ({ id: report.id!, added: report.added, duplicates: report.duplicates, ...stored });
  /** What is not yet in the archive's report when the import stops (a failure of the whole import). */
  const unsaved: ImportFailure[] = [];

  const tellIndex = (active: boolean) => {
    try {
      notifyImporting(active);
    } catch (error) {
      console.error('The search index could not be told of the import', error);
    }
  };
  tellIndex(true);
  try {
    const row: ReportRow = { source: report.source, startedAt: report.startedAt, finishedAt: '', total: 0, added: 0, duplicates: 0, failed: 0, same: 0, cancelled: false };
    report.id = await db.reports.add(row);
    // The parse worker loads while the folder is listed, not after.
    if (!options.parse) warmParseWorkers();
    const listing = await clock.time('list', () => source.list()).catch((error: unknown) => {
      throw new Error(`the files could not be listed (${describe(error)})`);
    });
    report.total = listing.files.length + listing.skipped.length;
    clock.note({ files: report.total });
    await appendToReport(db, report.id, reportEntriesOf(report.id, listing.skipped), { total: report.total, failed: listing.skipped.length });
    stored.failed = listing.skipped.length;
    report.failures.push(...listing.skipped);
    done = listing.skipped.length;
    progress('');

    const batches = planBatches(listing.files, { maxFiles });
    // Reads go one at a time, in order; each batch is parsed as soon as it is read.
    let reading: Promise<unknown> = Promise.resolve();
    // A cancelled import reads and parses nothing more, though batches were started ahead.
    const prepare = (paths: string[]): Promise<Prepared> => {
      const failures: ImportFailure[] = [];
      const read = reading.then(() => (signal?.aborted ? [] : clock.time('read', () => readBatch(source, paths, failures))));
      reading = read;
      return read.then(async (items) => ({ paths, failures, parsed: signal?.aborted ? [] : await clock.time('parse', () => parseBatch(parse, items)) }));
    };
    // One batch being written, one per parser being parsed, and one being read.
    const ahead = parsers + 2;
    const waiting: Promise<Prepared>[] = [];
    let next = 0;
    const fill = () => {
      while (next < batches.length && waiting.length < ahead) waiting.push(prepare(batches[next++]!));
    };
    fill();
    while (waiting.length > 0) {
      if (signal?.aborted) {
        report.cancelled = true;
        break;
      }
      const batch = await waiting.shift()!;
      fill();
      progress(batch.paths[0]!);
      await writePrepared(batch);
    }
  } catch (error) {
    unsaved.push({ file: source.label, reason: `the import stopped: ${describe(error)}. The letters read before then are kept; import the folder again to finish it` });
    report.failures.push(...unsaved);
  }

  /** Writes a prepared batch and what became of each of its files. */
  async function writePrepared({ paths, parsed, failures }: Prepared): Promise<void> {
    const importedAt = new Date().toISOString();
    const read: ReadLetter[] = [];
    for (const file of parsed) {
      if (file.outcome.ok) {
        // A letter the worker sent as its row keeps it is written so: it is never made whole here.
        const letter = file.kept ?? file.outcome.letter;
        const row = toRow(letter, file.relativePath, source.folder, sample, importedAt);
        read.push({ letter, row, text: file.outcome.source, utf8: file.utf8, paragraphs: file.paragraphs });
      } else {
        failures.push({ file: file.relativePath, reason: file.outcome.reason });
      }
    }
    let written: BatchWritten | null = null;
    try {
      written = await clock.time('write', () => writeBatch(db, read, failures, tally(), sample, clock));
      clock.committed();
      stored.failed += failures.length;
      stored.same += written.sameLetters.length;
    } catch (error) {
      // The transaction rolled back: none of the batch's letters are in, so all are reported.
      for (const { row } of read) failures.push({ file: row.sourceFile, reason: `could not be saved in the archive (${describe(error)})` });
      // They still have their reasons put in the report.
      await appendToReport(db, report.id!, reportEntriesOf(report.id!, failures), { failed: stored.failed + failures.length }).then(
        () => (stored.failed += failures.length),
        (saveError: unknown) => console.error('The import report could not be saved', saveError),
      );
    }
    report.failures.push(...failures);
    if (written) {
      report.added += written.added.length;
      report.duplicates += written.duplicates;
      report.sameLetters!.push(...written.sameLetters);
      const { added, changed } = written;
      await clock.time('notify', () => {
        try {
          notifyLettersAdded(added);
          notifyLettersChanged(changed);
        } catch (error) {
          // The letters are saved; the search index catches up when its worker next starts.
          console.error('The search index could not be told about new letters', error);
        }
      });
    }
    for (const path of paths) {
      done++;
      progress(path);
    }
  }


  tellIndex(false);
  report.finishedAt = new Date().toISOString();
  clock.finish();
  try {
    if (report.id !== undefined) {
      await appendToReport(db, report.id, reportEntriesOf(report.id, unsaved), {
        finishedAt: report.finishedAt,
        cancelled: report.cancelled,
        total: report.total,
        failed: stored.failed + unsaved.length,
      });
    }
  } catch (error) {
    console.error('The import report could not be saved', error);
  }
  return report;
}

/** Reads a batch through the source; files it cannot give are added to `failures` and left out. */
async function readBatch(source: LetterSource, paths: string[], failures: ImportFailure[]): Promise<ParseItem[]> {
  let reads: Awaited<ReturnType<LetterSource['read']>>;
  try {
    reads = await source.read(paths);
  } catch (error) {
    for (const path of paths) failures.push({ file: path, reason: `could not be read (${describe(error)})` });
    return [];
  }
  const byPath = new Map(reads.map((r) => [r.relativePath, r]));
  const readable: ParseItem[] = [];
  for (const path of paths) {
    const read = byPath.get(path);
    if (!read) failures.push({ file: path, reason: 'could not be read, for no reason given; import it again to try once more' });
    else if ('error' in read) failures.push({ file: path, reason: read.error });
    else readable.push({ relativePath: path, bytes: read.bytes });
  }
  return readable;
}

/** Parses a batch; if the parser itself fails, every file in the batch gets that reason. */
async function parseBatch(parse: NonNullable<ImportOptions['parse']>, files: ParseItem[]): Promise<ParsedFile[]> {
  if (files.length === 0) return [];
  const paths = files.map((f) => f.relativePath);
  try {
    const results = await parse(files);
    const byPath = new Map(results.map((r) => [r.relativePath, r]));
    return paths.map((relativePath) => byPath.get(relativePath) ?? { relativePath, outcome: { ok: false, reason: NO_ANSWER_REASON } });
  } catch (error) {
    return paths.map((relativePath) => ({ relativePath, outcome: { ok: false, reason: `could not be read as a letter (${describe(error)})` } }));
  }
}
