/**
 * Letters' texts kept many to a row. A row of its own for each text (some 25 KB) cost
 * Chromium's IndexedDB more than the letter beside it: 10,000 texts took 3.4 to 4.0 s of the
 * browser process's time as rows of their own, and 0.2 to 0.3 s packed a megabyte to a row
 * (measured in this app's Chromium, 150). Chromium keeps a value over 64 KB in a blob of its
 * own, with only a reference to it in LevelDB, whose tables are rewritten as they are merged
 * (kWrapThreshold in Chromium's third_party/blink/renderer/modules/indexeddb/idb_value_wrapping.h).
 *
 * A pack is written whole, in the transaction that writes the rows of `texts` pointing into
 * it, and never changed after. A transaction that takes texts out (takeTexts) writes the rest
 * of their pack anew and deletes it, so no text outlives its letter.
 */
import type { LetterText } from '../../../src-shared/letters/letter';
import { fromTextRow, toTextRow, type LetterArchiveDb, type TextPackRow, type TextPlace, type TextRow } from './db';

/**
 * Bytes a pack holds at most (a longer text has a pack to itself). Packs of a quarter of a
 * megabyte cost IndexedDB four times what packs of one do; larger ones cost no less, and a
 * backup reads and writes its rows fifty at a time.
 */
export const PACK_BYTES = 1 << 20;

/**
 * A text to keep: a letter's id, its text as UTF-8 and what a PDF's layout knew; and the
 * paragraphs its letter's row keeps apart, as bytes (paragraph-bytes.ts), kept after it.
 */
export type TextToKeep = { id: string; pdf?: LetterText['pdf']; utf8: Uint8Array; paragraphs?: Uint8Array };

/** The bytes a text takes in a pack, its paragraphs' with it. */
const bytesOf = ({ utf8, paragraphs }: TextToKeep): number => utf8.byteLength + (paragraphs?.byteLength ?? 0);

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
    let bytes = bytesOf(texts[first]!);
    let end = first + 1;
    while (end < texts.length && bytes + bytesOf(texts[end]!) <= PACK_BYTES) bytes += bytesOf(texts[end++]!);
    const pack: TextPackRow = { id: packId(), utf8: new Uint8Array(bytes) };
    let at = 0;
    for (const { id, utf8, pdf, paragraphs } of texts.slice(first, end)) {
      pack.utf8.set(utf8, at);
      const row: TextRow = { id, pack: pack.id, at, length: utf8.byteLength };
      if (paragraphs) {
        pack.utf8.set(paragraphs, at + utf8.byteLength);
        row.paragraphBytes = paragraphs.byteLength;
      }
      if (pdf) row.pdf = pdf;
      rows.push(row);
      at += row.length + (row.paragraphBytes ?? 0);
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

/** The kept texts of these letters, in the order asked; undefined for a letter with none. */
export function readTexts(db: LetterArchiveDb, ids: readonly string[]): Promise<(LetterText | undefined)[]> {
  // One transaction: a pack cannot be written again between reading its rows and reading it.
  return db.transaction('r', [db.texts, db.textPacks], async () => {
    const rows = await db.texts.bulkGet([...ids]);
    const packs = await packsOf(db, rows);
    return rows.map((row) => {
      if (!row || !('pack' in row)) return row && fromTextRow(row);
      // A text whose pack is gone is not there: never expected, and never read as another's.
      const utf8 = placedBytes(row, packs.get(row.pack));
      return utf8 && fromTextRow({ id: row.id, utf8, pdf: row.pdf });
    });
  });
}

/** The packs these rows point into, by id. */
export async function packsOf(db: LetterArchiveDb, rows: readonly (TextRow | undefined)[]): Promise<Map<string, Uint8Array>> {
  const ids = [...new Set(rows.flatMap((row) => (row && 'pack' in row ? [row.pack] : [])))];
  const packs = await db.textPacks.bulkGet(ids);
  return new Map(packs.flatMap((pack) => (pack ? [[pack.id, pack.utf8] as const] : [])));
}

/** A text's bytes in `pack`, the bytes of the pack it says it is in; undefined when they are not all there. */
export function placedBytes(place: TextPlace, pack: Uint8Array | undefined): Uint8Array | undefined {
  return pack && place.at + place.length <= pack.byteLength ? pack.subarray(place.at, place.at + place.length) : undefined;
}

/**
 * The paragraphs kept after a text in `pack`, the bytes of the pack it says it is in; undefined
 * when it has none there, or they are not all there.
 */
export function placedParagraphs(place: TextPlace, pack: Uint8Array | undefined): Uint8Array | undefined {
  const from = place.at + place.length;
  const to = from + (place.paragraphBytes ?? 0);
  return pack && to > from && to <= pack.byteLength ? pack.subarray(from, to) : undefined;
}

/** A row of `texts` as a text to keep, its bytes its own (not a view into `pack`, the bytes of the pack it points into). */
export function ownText(row: TextRow, pack: Uint8Array | undefined): TextToKeep | undefined {
  if ('utf8' in row) return row;
  if ('text' in row) return toTextRow(row.id, fromTextRow(row));
  const bytes = placedBytes(row, pack);
  if (!bytes) return undefined;
  const text: TextToKeep = { id: row.id, utf8: bytes.slice() };
  const paragraphs = placedParagraphs(row, pack);
  if (paragraphs) text.paragraphs = paragraphs.slice();
  if (row.pdf) text.pdf = row.pdf;
  return text;
}

/**
 * Takes these letters' texts out of the archive, in the caller's transaction (over `texts`
 * and `textPacks`), and gives them back as texts of their own, to keep again (keepTexts) if
 * the letters come back. Each pack they were in is written again without them, or deleted
 * when nothing else is in it: a letter's words never stay in the archive, nor go into a
 * backup, once the letter is gone.
 */
export async function takeTexts(db: LetterArchiveDb, ids: readonly string[]): Promise<TextToKeep[]> {
  const rows = (await db.texts.bulkGet([...ids])).filter((row): row is TextRow => row !== undefined);
  const packs = await packsOf(db, rows);
  const taken = rows.flatMap((row) => ownText(row, 'pack' in row ? packs.get(row.pack) : undefined) ?? []);
  await db.texts.bulkDelete(rows.map((row) => row.id));
  for (const [id, bytes] of packs) {
    const left = await db.texts.where('pack').equals(id).toArray();
    const rest = left.flatMap((row) => ownText(row, bytes) ?? []);
    // Never expected: paragraphs said to run past their pack's end are lost with it; the text is kept.
    const cut = left.filter((row) => 'pack' in row && row.paragraphBytes !== undefined && !placedParagraphs(row, bytes)).map((row) => row.id);
    if (cut.length > 0) console.warn(`Letter Archive: the paragraphs of ${cut.length} letter(s) ran past the end of their pack and were dropped`, cut);
    // A row that points past its pack's end has no text to keep: it goes with the pack, not left pointing at nothing.
    const readable = new Set(rest.map((text) => text.id));
    const unreadable = left.filter((row) => !readable.has(row.id)).map((row) => row.id);
    if (unreadable.length > 0) {
      console.warn(`Letter Archive: the kept texts of ${unreadable.length} letter(s) pointed outside their pack and were dropped`, unreadable);
      await db.texts.bulkDelete(unreadable);
    }
    await db.textPacks.delete(id);
    await keepTexts(db, rest);
  }
  return taken;
}

/** These letters, those whose texts share a pack together (read from the index of packs alone). */
export async function inPackOrder(db: LetterArchiveDb, ids: readonly string[]): Promise<string[]> {
  const packOf = new Map<string, string>();
  await db.texts.orderBy('pack').eachKey((pack, cursor) => packOf.set(cursor.primaryKey as string, pack as string));
  const key = (id: string) => packOf.get(id) ?? '';
  return [...ids].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
