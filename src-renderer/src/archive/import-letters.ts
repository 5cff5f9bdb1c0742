/**
 * Importing letters: list the source, then batch by batch read the bytes, parse them in
 * the worker, and write the new letters, their councils and the running report in one
 * transaction, so an import stopped at any point leaves whole letters and a true report.
 */
import { getDb } from './db';
import type { ParseItem, ParsedFile } from './parse-messages';
import { parseInWorker } from './parse-client';
import { notifyLettersAdded, notifyLettersChanged } from '../search/search-client';
import type { ImportProgress, ImportReport, LetterSource } from './types';
import { toRow, writeBatch, type BatchWritten, type ReadLetter } from './write-letters';
import { ImportClock } from './import-clock';

export const DEFAULT_BATCH_SIZE = 25;

export interface ImportOptions {
  onProgress?: (progress: ImportProgress) => void;
  /** Checked between batches: what was written stays, and the report says cancelled. */
  signal?: AbortSignal;
  /** Marks the letters as samples, so `removeSampleLetters` can take them out again. */
  sample?: boolean;
  batchSize?: number;
  /** Parses a batch; by default in the parse worker. Tests pass the parser itself. */
  parse?: (files: ParseItem[]) => Promise<ParsedFile[]>;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Imports every letter the source has. Never throws: files that are not letters, cannot be
 * read or are refused, and a failure of the whole import, all end up in the report.
 */
export async function importLetters(source: LetterSource, options: ImportOptions = {}): Promise<ImportReport> {
  const db = getDb();
  const { signal, sample = false } = options;
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? DEFAULT_BATCH_SIZE) || DEFAULT_BATCH_SIZE);
  const parse = options.parse ?? parseInWorker;
  const clock = new ImportClock();
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
  const fail = (file: string, reason: string) => {
    report.failures.push({ file, reason });
    done++;
    progress(file);
  };

  try {
    report.id = await db.reports.add({ ...report });
    const listing = await clock.time('list', () => source.list()).catch((error: unknown) => {
      throw new Error(`the files could not be listed (${describe(error)})`);
    });
    const paths = listing.files.map((f) => f.relativePath);
    report.total = paths.length + listing.skipped.length;
    clock.note({ files: report.total });
    report.failures.push(...listing.skipped);
    done = listing.skipped.length;
    progress('');

    for (let start = 0; start < paths.length; start += batchSize) {
      if (signal?.aborted) {
        report.cancelled = true;
        break;
      }
      const batchPaths = paths.slice(start, start + batchSize);
      progress(batchPaths[0]!);
      const readable = await clock.time('read', () => readBatch(source, batchPaths, fail));
      const parsed = await clock.time('parse', () => parseBatch(parse, readable));
      const importedAt = new Date().toISOString();
      const read: ReadLetter[] = [];
      for (const file of parsed) {
        if (file.outcome.ok) {
          const { letter, source: text } = file.outcome;
          read.push({ letter, row: toRow(letter, file.relativePath, source.folder, sample, importedAt), text });
          done++;
          progress(file.relativePath);
        } else {
          fail(file.relativePath, file.outcome.reason);
        }
      }
      let written: BatchWritten | null = null;
      try {
        written = await clock.time('write', () => writeBatch(db, read, report, sample, clock));
        clock.committed();
      } catch (error) {
        // The transaction rolled back: none of the batch's letters are in, so all are reported.
        for (const { row } of read) report.failures.push({ file: row.sourceFile, reason: `could not be saved in the archive (${describe(error)})` });
      }
      if (written) {
        report.added += written.added.length;
        report.duplicates += written.duplicates;
        report.sameLetters = [...(report.sameLetters ?? []), ...written.sameLetters];
        try {
          const { added, changed } = written;
          void clock.time('notify', () => {
            notifyLettersAdded(added);
            notifyLettersChanged(changed);
          });
        } catch (error) {
          // The letters are saved; the search index catches up when its worker next starts.
          console.error('The search index could not be told about new letters', error);
        }
      }
      progress(batchPaths[batchPaths.length - 1]!);
    }
  } catch (error) {
    report.failures.push({ file: source.label, reason: `the import stopped: ${describe(error)}` });
  }

  report.finishedAt = new Date().toISOString();
  try {
    if (report.id !== undefined) await db.reports.put({ ...report });
  } catch (error) {
    console.error('The import report could not be saved', error);
  }
  clock.finish();
  return report;
}

/** Reads a batch through the source; files it cannot give are reported and left out. */
async function readBatch(source: LetterSource, paths: string[], fail: (file: string, reason: string) => void): Promise<ParseItem[]> {
  let reads: Awaited<ReturnType<LetterSource['read']>>;
  try {
    reads = await source.read(paths);
  } catch (error) {
    for (const path of paths) fail(path, `could not be read (${describe(error)})`);
    return [];
  }
  const byPath = new Map(reads.map((r) => [r.relativePath, r]));
  const readable: ParseItem[] = [];
  for (const path of paths) {
    const read = byPath.get(path);
    if (!read) fail(path, 'could not be read (the source did not return it)');
    else if ('error' in read) fail(path, read.error);
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
    return paths.map((relativePath) => byPath.get(relativePath) ?? { relativePath, outcome: { ok: false, reason: 'the parser gave no answer for this file' } });
  } catch (error) {
    return paths.map((relativePath) => ({ relativePath, outcome: { ok: false, reason: `could not be parsed (${describe(error)})` } }));
  }
}
