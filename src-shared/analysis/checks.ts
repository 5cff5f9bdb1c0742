/**
 * What the archive knows it does not know: letters whose grades could not all be read,
 * councils with no letter for a year between their first and last, letters of one council,
 * kind and date that differ, and councils the reference data does not know.
 */
import { kindName } from '../letters/letter-words';
import { countText, dateInWords } from '../summaries/summary-words';
import { newestFirst, type LetterGrades } from './letter-grades';
import type { GridCouncil } from './compare-grid';

export type CheckKind = 'grades-not-read' | 'missing-year' | 'differing-letters' | 'unknown-council';

/** One line of the checks, and what it opens: a letter, or a council. */
export interface Check {
  kind: CheckKind;
  councilKey: string;
  council: string;
  /** The letter to open; null for a line about a council. */
  letterId: string | null;
  /** What the line says. */
  text: string;
}

/** The headings the checks are shown under, in order. */
export const CHECK_KINDS: readonly { kind: CheckKind; name: string }[] = [
  { kind: 'grades-not-read', name: 'Grades that could not be read' },
  { kind: 'missing-year', name: 'Years with no letter' },
  { kind: 'differing-letters', name: 'Different letters of the same date' },
  { kind: 'unknown-council', name: 'Councils the reference data does not know' },
];

function listText(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Every check, grouped in CHECK_KINDS order, councils by name within each, letters oldest first. */
export function archiveChecks(letters: readonly LetterGrades[], councils: readonly GridCouncil[]): Check[] {
  const oldestFirst = [...letters].sort((a, b) => newestFirst(b, a));
  const byCouncil = new Map<string, LetterGrades[]>();
  for (const letter of oldestFirst) {
    const list = byCouncil.get(letter.councilKey);
    if (list) list.push(letter);
    else byCouncil.set(letter.councilKey, [letter]);
  }
  const named = [...councils].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  const checks: Check[] = [];

  for (const council of named) {
    for (const letter of byCouncil.get(council.key) ?? []) {
      if (letter.missing.length === 0) continue;
      checks.push({
        kind: 'grades-not-read',
        councilKey: council.key,
        council: council.name,
        letterId: letter.id,
        text: `${kindName(letter.kind, letter.year)} of ${dateInWords(letter.date)}: no grade read for ${listText(letter.missing)}`,
      });
    }
  }
  for (const council of named) {
    const years = new Set((byCouncil.get(council.key) ?? []).map((l) => l.year));
    if (years.size === 0) continue;
    const first = Math.min(...years);
    const last = Math.max(...years);
    const gaps: number[] = [];
    for (let year = first; year <= last; year++) if (!years.has(year)) gaps.push(year);
    if (gaps.length === 0) continue;
    checks.push({
      kind: 'missing-year',
      councilKey: council.key,
      council: council.name,
      letterId: null,
      text: `no letter for ${listText(gaps.map(String))}, between ${first} and ${last}`,
    });
  }
  for (const council of named) {
    const occasions = new Map<string, LetterGrades[]>();
    for (const letter of byCouncil.get(council.key) ?? []) {
      const key = `${letter.kind} ${letter.date}`;
      occasions.set(key, [...(occasions.get(key) ?? []), letter]);
    }
    for (const same of occasions.values()) {
      if (same.length < 2) continue;
      const first = same[0]!;
      checks.push({
        kind: 'differing-letters',
        councilKey: council.key,
        council: council.name,
        letterId: first.id,
        text: `${countText(same.length, 'different letter')} dated ${dateInWords(first.date)} (${kindName(first.kind, first.year).toLowerCase()})`,
      });
    }
  }
  for (const council of named) {
    if (council.code !== null && council.region !== null) continue;
    checks.push({
      kind: 'unknown-council',
      councilKey: council.key,
      council: council.name,
      letterId: null,
      text: council.code === null ? 'not in the reference data: no DfE code or region, so no statistical neighbours' : 'no region in the reference data',
    });
  }
  return checks;
}
