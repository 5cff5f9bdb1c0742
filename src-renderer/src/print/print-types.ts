/** What the print preview is asked to show, and the narrower sets of councils it can offer. */

export type SummaryKind = 'letter' | 'council' | 'archive';

/** Opening the preview; the counters go up each time the menu or keyboard asks it to save or print. */
export interface PreviewRequest {
  kind: SummaryKind;
  saveRequests: number;
  printRequests: number;
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
