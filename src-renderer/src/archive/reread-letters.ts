/**
 * Reading the archive's letters again when the parser has changed. Each letter keeps the
 * version of the parser that read it and the text it was read from, so a letter read by an
 * older version is read again from that text, in the parse worker, without its file. Its
 * id stays as it was, so a saved selection still finds it, and the search index takes it
 * in afresh. Letters kept before their text was (version 1) cannot be read again this way;
 * importing their folder again brings them up to date.
 */
import { PARSER_VERSION } from '../../../src-shared/letters/parser-version';
import { notifyLettersChanged } from '../search/search-client';
import { councilKeyOf, recomputeCouncils } from './council-rows';
import { getDb, type LetterRow } from './db';
import { parseInWorker } from './parse-client';
import type { ParseItem, ParsedFile } from './parse-messages';

/** How far the reading has got. */
export interface RereadProgress {
  done: number;
  total: number;
}

export interface RereadOutcome {
  /** Letters read again. */
  reread: number;
  /** Letters the new parser could not read: kept as the old one read them, with a note. */
  failed: number;
  /** Letters with no text kept to read again from. */
  withoutText: number;
}

export interface RereadOptions {
  onProgress?: (progress: RereadProgress) => void;
  signal?: AbortSignal;
  batchSize?: number;
  /** Parses a batch; by default in the parse worker. Tests pass the parser itself. */
  parse?: (files: ParseItem[]) => Promise<ParsedFile[]>;
}

const BATCH = 50;

/** What a letter read again keeps of its row: where it came from and how it was imported. */
function reread(old: LetterRow, fresh: ParsedFile['outcome']): LetterRow {
  if (!fresh.ok) {
    const note = `this version of the app could not read the letter again (${fresh.reason}), so it is shown as an earlier version read it`;
    return { ...old, parserVersion: PARSER_VERSION, warnings: [...old.warnings.filter((w) => w !== note), note] };
  }
  // The id stays: were the new reading to give another, saved selections would lose the letter.
  const row: LetterRow = { ...old, ...fresh.letter, id: old.id, councilKey: councilKeyOf(fresh.letter.council), parserVersion: PARSER_VERSION };
  // Fields a reading gives only sometimes (pages of a PDF) must not linger from the old one.
  if (fresh.letter.pageCount === undefined) delete row.pageCount;
  return row;
}

/** Letters the archive holds that an older parser read. */
export async function countStaleLetters(): Promise<number> {
  return getDb().letters.where('parserVersion').below(PARSER_VERSION).count();
}

/**
 * Reads again every letter an older parser read and whose text is kept, batch by batch,
 * each batch written in one transaction with the councils it touches. Stops between
 * batches when `signal` aborts; what was done stays done.
 */
export async function rereadStaleLetters(options: RereadOptions = {}): Promise<RereadOutcome> {
  const db = getDb();
  const parse = options.parse ?? parseInWorker;
  const batchSize = options.batchSize ?? BATCH;
  const ids = (await db.letters.where('parserVersion').below(PARSER_VERSION).primaryKeys()) as string[];
  const outcome: RereadOutcome = { reread: 0, failed: 0, withoutText: 0 };
  const progress = (done: number) => options.onProgress?.({ done, total: ids.length });
  progress(0);
  for (let start = 0; start < ids.length; start += batchSize) {
    if (options.signal?.aborted) break;
    const batch = ids.slice(start, start + batchSize);
    const texts = await db.texts.bulkGet(batch);
    const readable = texts.filter((t) => t !== undefined);
    outcome.withoutText += batch.length - readable.length;
    const parsed = readable.length > 0 ? await parse(readable.map((t) => ({ relativePath: t.id, text: t }))) : [];
    const results = new Map(parsed.map((p) => [p.relativePath, p.outcome]));
    const changed = await db.transaction('rw', [db.letters, db.councils], async () => {
      const rows = (await db.letters.bulkGet(readable.map((t) => t.id))).filter((row) => row !== undefined);
      const keys = new Set<string>();
      const updated: LetterRow[] = [];
      for (const row of rows) {
        const result = results.get(row.id) ?? { ok: false as const, reason: 'the parser gave no answer for this letter' };
        const next = reread(row, result);
        if (result.ok) outcome.reread++;
        else outcome.failed++;
        keys.add(row.councilKey).add(next.councilKey);
        updated.push(next);
      }
      await db.letters.bulkPut(updated);
      await recomputeCouncils(db, keys);
      return updated.map((row) => row.id);
    });
    notifyLettersChanged(changed);
    progress(Math.min(start + batch.length, ids.length));
  }
  return outcome;
}
