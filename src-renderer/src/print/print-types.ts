/** What the print preview is asked to show, and the narrower sets of councils it can offer. */

import type { CompareGrid, GridSort } from '../../../src-shared/analysis/compare-grid';

export type SummaryKind = 'letter' | 'council' | 'archive' | 'compare';

/** The compare grid as it is on screen, for the preview to print. */
export interface ComparePrint {
  /** "Compare: Coventry and its statistical neighbours, overall grade by year". */
  title: string;
  /** Which councils: "Coventry and its statistical neighbours". */
  description: string;
  grid: CompareGrid;
  /** The grid's rows in the order shown. */
  rows: CompareGrid['rows'];
  sort: GridSort;
  highlightKey: string | null;
}

/** Opening the preview; the counters go up each time the menu or keyboard asks it to save or print. */
export interface PreviewRequest {
  kind: SummaryKind;
  saveRequests: number;
  printRequests: number;
  /** The compare grid, when the preview is opened from Compare. */
  compare?: ComparePrint;
}

/** A set of councils narrower than the whole archive that the archive summary can cover. */
export interface CouncilScope {
  id: 'search' | 'filter';
  /** The choice in the preview: "Councils in the current search". */
  label: string;
  /** What the printed summary says it covers: "Councils with letters matching the search “fostering”". */
  description: string;
  keys: string[];
}
