/**
 * Letters of one council, kind and date that the archive keeps apart because their words
 * differ (the same letter saved twice is kept once): a person should know there are two.
 */
import type { StoredLetter } from '../archive/types';

/** For each letter of a council, how many of its letters share its kind and date (1: none but itself). */
export function lettersOfSameOccasion(letters: readonly Pick<StoredLetter, 'id' | 'kind' | 'date'>[]): Map<string, number> {
  const occasion = (letter: Pick<StoredLetter, 'kind' | 'date'>) => `${letter.kind} ${letter.date}`;
  const counts = new Map<string, number>();
  for (const letter of letters) counts.set(occasion(letter), (counts.get(occasion(letter)) ?? 0) + 1);
  return new Map(letters.map((letter) => [letter.id, counts.get(occasion(letter)) ?? 1]));
}
