/** The sample letters as the archive stores them, for tests of what reads the archive. */
import { parseLetter } from '../../../../src-shared/letters/parse-letter';
import type { LetterArchiveDb, LetterRow } from '../db';
import { readLetters } from '../letter-paragraphs';
import type { StoredLetter } from '../types';
import { toRow } from '../write-letters';
import { sampleFiles } from './memory-source';

/** Each sample letter, read and stored as the first run's import stores it. */
export async function storedSamples(): Promise<StoredLetter[]> {
  const letters: StoredLetter[] = [];
  for (const [name, bytes] of sampleFiles()) {
    const outcome = await parseLetter(bytes);
    if (!outcome.ok) throw new Error(outcome.reason);
    letters.push(toRow(outcome.letter, name, undefined, true, '2024-01-01T00:00:00.000Z'));
  }
  return letters;
}

/** Every letter the archive holds, whole (its paragraphs read from beside its text), in the order of their ids. */
export async function wholeLetters(db: LetterArchiveDb): Promise<LetterRow[]> {
  const ids = (await db.letters.toCollection().primaryKeys()) as string[];
  return (await readLetters(db, ids)).filter((letter): letter is LetterRow => letter !== undefined);
}
