/**
 * Letters' paragraphs kept beside their texts. The paragraphs are most of a letter, and kept in
 * its row they made Chromium's IndexedDB rewrite its store some nine times over during an
 * import: letters are keyed by a digest, so every new row lands among the old ones, and each
 * merge of LevelDB's tables copies the old letters again (the bench's `import_idb_disk`). So an
 * import writes a letter's row without most of its paragraphs, and keeps them right after the
 * letter's text in the text's pack (text-packs.ts), which is written once, as a blob of its own,
 * and goes with the text when the letter goes. Most paragraphs are kept as their places in the
 * text, not their words again (paragraph-bytes.ts).
 *
 * The row keeps the paragraphs of the section that gives the letter's overall judgement: the
 * panes and printed summaries of councils show those, and read many letters at once. What else
 * needs the words (the reader, the search index, exports, same-letter checks) reads the letter
 * whole, with `readLetters` or `withParagraphs`; an import's own letters, sent by the parse
 * worker as their rows keep them, are made whole with `joinParagraphs` only to compare them.
 */
import type { Block, Section } from '../../../src-shared/letters/letter';
import type { KeptLetterRow, LetterArchiveDb, LetterRow } from './db';
import { decodeParagraphs, encodeParagraphs, paragraphsApart, withoutParagraphsApart } from './paragraph-bytes';
import { keepTexts, packsOf, placedBytes, placedParagraphs, takeTexts, type TextToKeep } from './text-packs';
import type { StoredLetter } from './types';

/** Keeps a leading byte-order mark, as paragraph-bytes.ts reads a text. */
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * A letter's row without the paragraphs it keeps apart, and those paragraphs as bytes to keep
 * after its text, `text()` (paragraph-bytes.ts); null for a letter with no section to take them from.
 */
export function keptApart(row: LetterRow, text: () => string): { row: KeptLetterRow; paragraphs: Uint8Array } | null {
  const apart = paragraphsApart(row);
  if (!apart) return null;
  return { row: withoutParagraphsApart(row, apart), paragraphs: encodeParagraphs(apart, text()) };
}

/**
 * A whole row as its letter is kept: the paragraphs it keeps apart given to `text`, the text
 * to keep for it (which keeps none for a row with nothing to keep apart).
 */
export function keptWith(row: LetterRow, text: TextToKeep): KeptLetterRow {
  const apart = keptApart(row, () => decoder.decode(text.utf8));
  delete text.paragraphs;
  if (!apart) return row;
  text.paragraphs = apart.paragraphs;
  return apart.row;
}

/** Whether a row keeps some of its sections' paragraphs apart, beside its text. */
export function keepsParagraphsApart(row: KeptLetterRow): boolean {
  return row.sections.some((section) => section.paragraphs === undefined);
}

/**
 * A row with the paragraphs it keeps apart put back, read from `bytes` (and `text`, the letter's
 * text as UTF-8 kept before them). A section whose paragraphs cannot be read (never expected:
 * they go with the letter's text) shows none.
 */
export function joinParagraphs(row: KeptLetterRow, bytes: Uint8Array | undefined, text?: Uint8Array): LetterRow {
  if (!keepsParagraphsApart(row)) return row as LetterRow;
  const list: unknown[] = (bytes && decodeParagraphs(bytes, text)) ?? [];
  let missing = 0;
  const sections = row.sections.map((section, i) => {
    if (section.paragraphs !== undefined) return section as Section;
    const paragraphs = list[i];
    if (Array.isArray(paragraphs)) return { ...section, paragraphs: paragraphs as Block[] };
    missing++;
    return { ...section, paragraphs: [] };
  });
  if (missing > 0) console.warn(`Letter Archive: the paragraphs of ${missing} section(s) of letter ${row.id} could not be read`);
  return { ...row, sections };
}

/**
 * These rows as whole letters, in the order given: the paragraphs a row keeps apart are read
 * from its text's pack, each pack once. Call in a transaction over `texts` and `textPacks`
 * (readLetters opens one), so that no pack is written anew between reading where a letter's
 * paragraphs are and reading them.
 */
export async function withParagraphs(db: LetterArchiveDb, rows: readonly (KeptLetterRow | undefined)[]): Promise<(LetterRow | undefined)[]> {
  const apart = rows.filter((row): row is KeptLetterRow => row !== undefined && keepsParagraphsApart(row));
  if (apart.length === 0) return rows.map((row) => row && joinParagraphs(row, undefined));
  const places = await db.texts.bulkGet(apart.map((row) => row.id));
  const packs = await packsOf(db, places);
  const kept = new Map(
    places.flatMap((place) => {
      if (!place || !('pack' in place)) return [];
      const pack = packs.get(place.pack);
      return [[place.id, { paragraphs: placedParagraphs(place, pack), text: placedBytes(place, pack) }] as const];
    }),
  );
  return rows.map((row) => row && joinParagraphs(row, kept.get(row.id)?.paragraphs, kept.get(row.id)?.text));
}

/**
 * Rows to write for these letters, read anew: each whole row whose letter has a text kept
 * gives its paragraphs to that text, whose pack is written anew (takeTexts, keepTexts), as an
 * import would have kept them. Rows already keeping paragraphs apart, and letters with no text
 * kept, are written as they are. Call in a transaction over `texts` and `textPacks`.
 */
export async function moveParagraphsApart(db: LetterArchiveDb, rows: readonly KeptLetterRow[]): Promise<KeptLetterRow[]> {
  const whole = rows.filter((row) => !keepsParagraphsApart(row)) as LetterRow[];
  if (whole.length === 0) return [...rows];
  const texts = new Map((await takeTexts(db, whole.map((row) => row.id))).map((text) => [text.id, text]));
  const moved = new Map<string, KeptLetterRow>();
  for (const row of whole) {
    const text = texts.get(row.id);
    if (text) moved.set(row.id, keptWith(row, text));
  }
  await keepTexts(db, [...texts.values()]);
  return rows.map((row) => moved.get(row.id) ?? row);
}

/** These letters whole, in the order asked (undefined for one the archive does not hold), read in one transaction. */
export function readLetters(db: LetterArchiveDb, ids: readonly string[]): Promise<(LetterRow | undefined)[]> {
  return db.transaction('r', [db.letters, db.texts, db.textPacks], async () => withParagraphs(db, await db.letters.bulkGet([...ids])));
}

/** One letter whole; undefined when the archive does not hold it. */
export async function readLetter(db: LetterArchiveDb, id: string): Promise<LetterRow | undefined> {
  return (await readLetters(db, [id]))[0];
}

/**
 * A row as the panes and the summaries of councils see it: every part of the letter, with the
 * paragraphs of its overall judgement, but none of those its row keeps apart.
 */
export function asListed(row: KeptLetterRow): StoredLetter {
  return keepsParagraphsApart(row) ? { ...row, sections: row.sections.map((section) => ({ ...section, paragraphs: section.paragraphs ?? [] })) } : (row as StoredLetter);
}
