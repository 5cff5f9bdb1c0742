/** What a removal is called in the toast: "Removed <label>." and "Put back <label>." */
import type { CouncilRow, StoredLetter } from '../archive/types';
import { countOf, formatLetterDate } from './format';

/** Some of a council's letters: one by its date, more by their number. */
export function lettersLabel(letters: readonly Pick<StoredLetter, 'date' | 'council'>[]): string {
  const [first] = letters;
  if (!first) return 'no letters';
  const council = first.council.displayName;
  const sameCouncil = letters.every((l) => l.council.displayName === council);
  if (letters.length === 1) return `${council}'s letter of ${formatLetterDate(first.date)}`;
  return sameCouncil ? `${countOf(letters.length, 'letter')} of ${council}` : countOf(letters.length, 'letter');
}

/** All of a council's letters. */
export function councilLabel(council: Pick<CouncilRow, 'displayName' | 'letterCount'>): string {
  return council.letterCount === 1 ? `${council.displayName}'s only letter` : `all ${countOf(council.letterCount, 'letter')} of ${council.displayName}`;
}

/** An import, by what was imported. */
export function importLabel(source: string, letters: number): string {
  return `the import of ${source} (${countOf(letters, 'letter')})`;
}
