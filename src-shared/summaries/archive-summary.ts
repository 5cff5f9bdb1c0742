/**
 * The archive summary: one table of councils with their region, latest overall rating and,
 * where they had one, the grades of their latest annual performance assessment.
 */
import { councilKeyOf, type ApaOutcome, type Letter, type Rating } from '../letters/letter';
import { byDate, letterRef, type LetterRef } from './letter-parts';
import { APA_OUTCOMES, countText, pdfFileName } from './summary-words';

export interface ArchiveRow {
  councilKey: string;
  /** "Coventry". */
  council: string;
  region: string | null;
  /** The council's newest letter and its overall rating (null when it gives none). */
  latest: { letter: LetterRef; rating: Rating | null };
  /** The newest APA letter's seven grades, in APA_OUTCOMES order; null when the council has no APA letter. */
  apa: { letter: LetterRef; ratings: (Rating | null)[] } | null;
}

export interface ArchiveSummary {
  /** "Archive summary: 4 councils". */
  title: string;
  /** "Archive summary - 4 councils.pdf". */
  fileName: string;
  /** By council name. */
  rows: ArchiveRow[];
}

/**
 * Builds the archive summary from letters of any number of councils, in any order. Only each
 * council's newest letter and newest APA letter count, so those two per council are enough.
 */
export function archiveSummary(letters: readonly Letter[]): ArchiveSummary {
  const byCouncil = new Map<string, Letter[]>();
  for (const letter of letters) {
    const key = councilKeyOf(letter.council);
    const list = byCouncil.get(key);
    if (list) list.push(letter);
    else byCouncil.set(key, [letter]);
  }
  const rows: ArchiveRow[] = [];
  for (const [councilKey, list] of byCouncil) {
    const sorted = list.sort(byDate);
    const newest = sorted[sorted.length - 1]!;
    const apa = sorted.filter((l) => l.kind === 'apa').pop();
    rows.push({
      councilKey,
      council: newest.council.displayName,
      region: newest.council.region,
      latest: { letter: letterRef(newest), rating: newest.overall },
      apa: apa
        ? { letter: letterRef(apa), ratings: APA_OUTCOMES.map(({ outcome }) => apa.sections.find((s) => s.outcome === outcome)?.grade ?? null) }
        : null,
    });
  }
  const count = countText(rows.length, 'council');
  return {
    title: `Archive summary: ${count}`,
    fileName: pdfFileName(['Archive summary', count]),
    rows: sortArchiveRows(rows, { key: 'council', direction: 'ascending' }),
  };
}

/** A column the archive table can be sorted by. */
export type ArchiveSortKey = 'council' | 'region' | 'latest' | ApaOutcome;

export interface ArchiveSort {
  key: ArchiveSortKey;
  /** For grades, descending is best first. */
  direction: 'ascending' | 'descending';
}

function byName(a: ArchiveRow, b: ArchiveRow): number {
  return a.council.localeCompare(b.council, 'en-GB', { sensitivity: 'base' }) || a.councilKey.localeCompare(b.councilKey);
}

/** The value a row is sorted by; undefined when it has none. */
function sortValue(row: ArchiveRow, key: ArchiveSortKey): string | number | undefined {
  if (key === 'council') return undefined;
  if (key === 'region') return row.region ?? undefined;
  if (key === 'latest') return row.latest.rating?.grade;
  const at = APA_OUTCOMES.findIndex((o) => o.outcome === key);
  return row.apa?.ratings[at]?.grade;
}

/**
 * Sorts the rows by a column. Rows without a value (no region, not rated, no APA letter) go
 * last whichever the direction; the council's name breaks ties, A to Z.
 */
export function sortArchiveRows(rows: readonly ArchiveRow[], sort: ArchiveSort): ArchiveRow[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  if (sort.key === 'council') return [...rows].sort((a, b) => sign * byName(a, b));
  return [...rows].sort((a, b) => {
    const va = sortValue(a, sort.key);
    const vb = sortValue(b, sort.key);
    if (va === undefined || vb === undefined) return va === vb ? byName(a, b) : va === undefined ? 1 : -1;
    const order = typeof va === 'number' && typeof vb === 'number' ? va - vb : String(va).localeCompare(String(vb), 'en-GB');
    return order === 0 ? byName(a, b) : sign * order;
  });
}
