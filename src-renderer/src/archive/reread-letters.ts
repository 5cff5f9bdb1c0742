/**
 * Reading the archive's letters again when the parser has changed. Each letter keeps the
 * version of the parser that read it and the text it was read from, so a letter read by an
 * older version is read again from that text, in the parse worker, without its file. Its
 * id stays as it was, so a saved selection still finds it, and the search index takes it
 * in afresh. Letters kept before their text was (version 1) cannot be read again this way;
 * importing their folder again brings them up to date (write-letters.ts).
 */
import { PARSER_VERSION } from '../../../src-shared/letters/parser-version';
import { notifyLettersChanged } from '../search/search-client';
import { recomputeCouncils } from './council-rows';
import { getDb, putGrades, type KeptLetterRow } from './db';
import { moveParagraphsApart } from './letter-paragraphs';
import { parseInWorker } from './parse-client';
import type { ParseItem, ParsedFile } from './parse-messages';
import { inPackOrder, readTexts } from './text-packs';
import { withNewReading } from './write-letters';

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

/** A letter read again: the new reading, or, where there is none, the old one with a note saying so. */
function reread(old: KeptLetterRow, fresh: ParsedFile['outcome']): KeptLetterRow {
  if (fresh.ok) return withNewReading(old, fresh.letter);
  const note = `this version of the app could not read the letter again (${fresh.reason}), so it is shown as an earlier version read it`;
  return { ...old, parserVersion: PARSER_VERSION, warnings: [...old.warnings.filter((w) => w !== note), note] };
}

/** The letters an older parser read, parted into those with text kept to read again from and those without. */
export async function staleLetters(): Promise<{ readable: string[]; withoutText: string[] }> {
  const db = getDb();
  const stale = (await db.letters.where('parserVersion').below(PARSER_VERSION).primaryKeys()) as string[];
  const kept = new Set(stale.length > 0 ? ((await db.texts.where(':id').anyOf(stale).primaryKeys()) as string[]) : []);
  return { readable: stale.filter((id) => kept.has(id)), withoutText: stale.filter((id) => !kept.has(id)) };
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
  const { readable, withoutText } = await staleLetters();
  // Letters whose texts share a pack are read one after another, so each pack is read about once.
  const ids = await inPackOrder(db, readable);
  const outcome: RereadOutcome = { reread: 0, failed: 0, withoutText: withoutText.length };
  const progress = (done: number) => options.onProgress?.({ done, total: ids.length });
  if (ids.length > 0) progress(0);
  for (let start = 0; start < ids.length; start += batchSize) {
    if (options.signal?.aborted) break;
    const batch = ids.slice(start, start + batchSize);
    const texts = await readTexts(db, batch);
    const items = batch.flatMap((id, i) => (texts[i] ? [{ relativePath: id, text: texts[i] }] : []));
    const parsed = items.length > 0 ? await parse(items) : [];
    const results = new Map(parsed.map((p) => [p.relativePath, p.outcome]));
    const changed = await db.transaction('rw', [db.letters, db.grades, db.councils, db.pendingIndex, db.texts, db.textPacks], async () => {
      // Read inside the transaction: an import may have brought a letter up to date, or taken it out, meanwhile.
      const rows = (await db.letters.bulkGet(items.map((item) => item.relativePath))).filter(
        (row): row is KeptLetterRow => row !== undefined && row.parserVersion < PARSER_VERSION,
      );
      const keys = new Set<string>();
      const updated: KeptLetterRow[] = [];
      for (const row of rows) {
        const result = results.get(row.id) ?? { ok: false as const, reason: 'the parser gave no answer for this letter' };
        const next = reread(row, result);
        if (result.ok) outcome.reread++;
        else outcome.failed++;
        keys.add(row.councilKey).add(next.councilKey);
        updated.push(next);
      }
      // Kept as an import keeps them: most paragraphs beside the text, in its pack, written anew.
      await db.letters.bulkPut(await moveParagraphsApart(db, updated));
      await putGrades(db, updated);
      await db.pendingIndex.bulkPut(updated.map((row) => ({ id: row.id })));
      await recomputeCouncils(db, keys);
      return updated.map((row) => row.id);
    });
    try {
      notifyLettersChanged(changed);
    } catch (error) {
      // The archive lists them as pending: the index takes them in when its worker next starts.
      console.error('The search index could not be told about letters read again', error);
    }
    progress(Math.min(start + batch.length, ids.length));
  }
  return outcome;
}
