/**
 * Letters' texts kept many to a row. A row of its own for each text (some 25 KB) cost
 * Chromium's IndexedDB more than the letter beside it: 10,000 texts took 3.4 to 4.0 s of the
 * browser process's time as rows of their own, and 0.2 to 0.3 s packed a megabyte to a row
 * (measured in this app's Chromium, 150). Chromium keeps a value over 64 KB in a file of its
 * own rather than in its tables, so it is not copied again each time the tables are merged.
 *
 * A pack is written whole, in the transaction that writes the rows of `texts` pointing into
 * it, and never changed after. It is deleted in the transaction that takes away the last row
 * pointing into it (dropUnreferencedPacks), so no text outlives its letter.
 */
import type { LetterText } from '../../../src-shared/letters/letter';
import { fromTextRow, type LetterArchiveDb, type TextPackRow, type TextRow } from './db';

/**
 * Bytes a pack holds at most (a longer text has a pack to itself). Packs of a quarter of a
 * megabyte cost IndexedDB four times what packs of one do; larger ones cost no less, and a
 * backup reads and writes its rows fifty at a time.
 */
export const PACK_BYTES = 1 << 20;

/** A text to keep: a letter's id, its text as UTF-8 and what a PDF's layout knew. */
export type TextToKeep = TextRow & { utf8: Uint8Array };

/** A new pack's id: random, so packs written by two windows or restored from a backup never meet. */
function newPackId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The texts laid end to end in packs of at most PACK_BYTES, in order, and a row for each saying where it is. */
export function packTexts(texts: readonly TextToKeep[], packId: () => string = newPackId): { packs: TextPackRow[]; rows: TextRow[] } {
  const packs: TextPackRow[] = [];
  const rows: TextRow[] = [];
  let first = 0;
  while (first < texts.length) {
    let bytes = texts[first]!.utf8.byteLength;
    let end = first + 1;
    while (end < texts.length && bytes + texts[end]!.utf8.byteLength <= PACK_BYTES) bytes += texts[end++]!.utf8.byteLength;
    const pack: TextPackRow = { id: packId(), utf8: new Uint8Array(bytes) };
    let at = 0;
    for (const { id, utf8, pdf } of texts.slice(first, end)) {
      pack.utf8.set(utf8, at);
      const row: TextRow = { id, pack: pack.id, at, length: utf8.byteLength };
      if (pdf) row.pdf = pdf;
      rows.push(row);
      at += utf8.byteLength;
    }
    packs.push(pack);
    first = end;
  }
  return { packs, rows };
}

/** Writes these texts, packed, in the caller's transaction (over `texts` and `textPacks`). */
export async function keepTexts(db: LetterArchiveDb, texts: readonly TextToKeep[]): Promise<void> {
  if (texts.length === 0) return;
  const { packs, rows } = packTexts(texts);
  await db.textPacks.bulkAdd(packs);
  await db.texts.bulkPut(rows);
}

/** The ids of the packs these rows point into (rows kept before packs point into none). */
export function packIdsOf(rows: readonly (TextRow | undefined)[]): string[] {
  return [...new Set(rows.flatMap((row) => (row && 'pack' in row ? [row.pack] : [])))];
}

/** The packs these rows point into. */
export async function packsOf(db: LetterArchiveDb, rows: readonly (TextRow | undefined)[]): Promise<TextPackRow[]> {
  return (await db.textPacks.bulkGet(packIdsOf(rows))).filter((pack): pack is TextPackRow => pack !== undefined);
}

/** The kept texts of these letters, in the order asked; undefined for a letter with none. */
export async function readTexts(db: LetterArchiveDb, ids: readonly string[]): Promise<(LetterText | undefined)[]> {
  const rows = await db.texts.bulkGet([...ids]);
  const packs = new Map((await packsOf(db, rows)).map((pack) => [pack.id, pack.utf8]));
  return rows.map((row) => row && fromTextRow(row, 'pack' in row ? packs.get(row.pack) : undefined));
}

/** These letters, those whose texts share a pack together (read from the index of packs alone). */
export async function inPackOrder(db: LetterArchiveDb, ids: readonly string[]): Promise<string[]> {
  const packOf = new Map<string, string>();
  await db.texts.orderBy('pack').eachKey((pack, cursor) => packOf.set(cursor.primaryKey as string, pack as string));
  const key = (id: string) => packOf.get(id) ?? '';
  return [...ids].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** Deletes those of these packs no row of `texts` points into any longer, in the caller's transaction. */
export async function dropUnreferencedPacks(db: LetterArchiveDb, packIds: Iterable<string>): Promise<void> {
  const unused: string[] = [];
  for (const id of new Set(packIds)) {
    if ((await db.texts.where('pack').equals(id).limit(1).primaryKeys()).length === 0) unused.push(id);
  }
  await db.textPacks.bulkDelete(unused);
}
