/** The summary the preview shows, built from what is selected, once its letters are loaded. */
import { useMemo } from 'react';
import { archiveSummary, type ArchiveSummary } from '../../../src-shared/summaries/archive-summary';
import { councilSummary, type CouncilSummary } from '../../../src-shared/summaries/council-summary';
import { letterSummary, type LetterSummary } from '../../../src-shared/summaries/letter-summary';
import { pdfFileName } from '../../../src-shared/summaries/summary-words';
import type { StoredLetter } from '../archive/types';
import type { ComparePrint, CouncilScope, SummaryKind } from './print-types';
import { useLatestLetters } from './use-latest-letters';

export type ShownSummary =
  | { kind: 'letter'; summary: LetterSummary; letter: StoredLetter }
  | { kind: 'council'; summary: CouncilSummary }
  | { kind: 'archive'; summary: ArchiveSummary; scope: string }
  | { kind: 'compare'; summary: ComparePrint & { fileName: string } }
  | { kind: 'waiting'; message: string };

export interface SummarySources {
  letter: StoredLetter | undefined;
  /** The selected council's letters; undefined while they load or when no council is selected. */
  councilLetters: StoredLetter[] | undefined;
  /** The narrower set of councils chosen for the archive summary; null for all of them. */
  scope: CouncilScope | null;
  /** The compare grid, when the preview was opened from Compare. */
  compare?: ComparePrint;
}

export function useSummary(kind: SummaryKind, { letter, councilLetters, scope, compare }: SummarySources): ShownSummary {
  const latest = useLatestLetters(scope ? scope.keys : null, kind === 'archive');
  return useMemo((): ShownSummary => {
    if (kind === 'letter') {
      return letter ? { kind, summary: letterSummary(letter), letter } : { kind: 'waiting', message: 'Choose a letter to print its summary.' };
    }
    if (kind === 'council') {
      const summary = councilLetters ? councilSummary(councilLetters) : null;
      return summary ? { kind, summary } : { kind: 'waiting', message: councilLetters ? 'This council has no letters.' : 'Loading the council’s letters…' };
    }
    if (kind === 'compare') {
      return compare ? { kind, summary: { ...compare, fileName: pdfFileName([compare.title.replace(/^Compare: /, 'Compare - ')]) } } : { kind: 'waiting', message: 'Open Compare to print its grid.' };
    }
    if (!latest) return { kind: 'waiting', message: 'Gathering the councils…' };
    return { kind, summary: archiveSummary(latest), scope: scope?.description ?? 'All councils in the archive' };
  }, [kind, letter, councilLetters, latest, scope, compare]);
}
