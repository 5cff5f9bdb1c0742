/** Filtering and sorting the councils list. */
import type { CouncilRow } from '../archive/types';

export type CouncilSort = 'name' | 'rating-best' | 'rating-weakest';

export const COUNCIL_SORTS: readonly { value: CouncilSort; label: string }[] = [
  { value: 'name', label: 'Name' },
  { value: 'rating-best', label: 'Rating, best first' },
  { value: 'rating-weakest', label: 'Rating, weakest first' },
];

export function isCouncilSort(value: unknown): value is CouncilSort {
  return COUNCIL_SORTS.some((s) => s.value === value);
}

function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Councils whose name, short name, region or code contain every word of `filter`,
 * ignoring case and accents. An empty filter keeps them all.
 */
export function filterCouncils<T extends Pick<CouncilRow, 'displayName' | 'name' | 'region' | 'code'>>(
  rows: readonly T[],
  filter: string,
): T[] {
  const words = fold(filter).split(/\s+/).filter((w) => w.length > 0);
  if (words.length === 0) return [...rows];
  return rows.filter((row) => {
    const haystack = fold([row.displayName, row.name, row.region ?? '', row.code ?? ''].join(' '));
    return words.every((w) => haystack.includes(w));
  });
}

const byName = (a: Pick<CouncilRow, 'displayName'>, b: Pick<CouncilRow, 'displayName'>): number =>
  a.displayName.localeCompare(b.displayName, 'en-GB', { sensitivity: 'base' });

/**
 * Sorts by name, or by the latest overall grade (4 is best on both scales) with
 * unrated councils last either way and names breaking ties.
 */
export function sortCouncils<T extends Pick<CouncilRow, 'displayName' | 'latest'>>(rows: readonly T[], sort: CouncilSort): T[] {
  const sorted = [...rows];
  if (sort === 'name') return sorted.sort(byName);
  const direction = sort === 'rating-best' ? -1 : 1;
  return sorted.sort((a, b) => {
    const ga = a.latest?.grade;
    const gb = b.latest?.grade;
    if (ga === undefined || gb === undefined) {
      if (ga !== gb) return ga === undefined ? 1 : -1;
      return byName(a, b);
    }
    return ga === gb ? byName(a, b) : direction * (ga - gb);
  });
}
