import { ArchiveSummaryView } from './archive-summary-view';
import { CompareSummaryView } from './compare-summary-view';
import { CouncilSummaryView } from './council-summary-view';
import { LetterSummaryView } from './letter-summary-view';
import type { ShownSummary } from './use-summary';

/** The summary as it goes on paper: everything inside this element prints, nothing else does. */
export function SummaryDocument({ shown, paperSize, landscape = false }: { shown: ShownSummary; paperSize: string; landscape?: boolean }) {
  return (
    <div className="print-paper" data-paper={paperSize} data-landscape={landscape || undefined}>
      <div role="document" aria-label="Summary" className="summary-doc" data-summary={shown.kind} aria-busy={shown.kind === 'waiting'}>
        {shown.kind === 'letter' && <LetterSummaryView summary={shown.summary} letter={shown.letter} />}
        {shown.kind === 'council' && <CouncilSummaryView summary={shown.summary} />}
        {shown.kind === 'archive' && <ArchiveSummaryView summary={shown.summary} scope={shown.scope} />}
        {shown.kind === 'compare' && <CompareSummaryView summary={shown.summary} />}
        {shown.kind === 'waiting' && <p className="summary-note">{shown.message}</p>}
      </div>
    </div>
  );
}
