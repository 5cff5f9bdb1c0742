import { useEffect, useId, useRef, useState } from 'react';
import { PAPER_SIZES, type PaperSize } from '../../../src-shared/bridge';
import type { StoredLetter } from '../archive/types';
import { getBridge } from '../ui/get-bridge';
import { ChoiceGroup } from './choice-group';
import type { CouncilScope, PreviewRequest, SummaryKind } from './print-types';
import { PreviewDialog } from './preview-dialog';
import { SummaryDocument } from './summary-document';
import { usePrintActions } from './use-print-actions';
import { useSummary } from './use-summary';

interface PrintPreviewProps {
  request: PreviewRequest;
  /** The open letter, if any. */
  letter: StoredLetter | undefined;
  /** True when a council is selected; its letters may still be loading. */
  hasCouncil: boolean;
  councilLetters: StoredLetter[] | undefined;
  /** Narrower sets of councils the archive summary may cover (the search's, the filter's). */
  scopes: readonly CouncilScope[];
  onClose: () => void;
}

const ALL_COUNCILS = 'all';

/**
 * The print preview: a choice of summary, the paper size, and the summary itself as it will
 * print. Print… and Save as PDF… print the page as it is; the print stylesheet leaves out
 * everything but the summary.
 */
export function PrintPreview({ request, letter, hasCouncil, councilLetters, scopes, onClose }: PrintPreviewProps) {
  const [kind, setKind] = useState<SummaryKind>(request.kind);
  const [paperSize, setPaperSize] = useState<PaperSize>('A4');
  const [chosenScope, setScopeId] = useState<string>(scopes[0]?.id ?? ALL_COUNCILS);
  const scope = scopes.find((s) => s.id === chosenScope) ?? null;
  const scopeId = scope ? scope.id : ALL_COUNCILS;
  const shown = useSummary(kind, { letter, councilLetters, scope, compare: request.compare });
  const actions = usePrintActions();
  const hasBridge = getBridge() !== undefined;
  const paperId = useId();

  // A table of more than five grade columns is too wide to stand upright.
  const landscape = shown.kind === 'compare' && shown.summary.grid.columns.length > 5;
  const job = shown.kind === 'waiting' ? null : { title: shown.summary.title, fileName: shown.summary.fileName, paperSize, landscape };
  const latest = useRef({ job, actions });
  latest.current = { job, actions };

  // The menu's Save as PDF…, and Ctrl+P in the open preview, act once the summary is there.
  const handled = useRef({ save: 0, print: 0 });
  useEffect(() => {
    const { job: ready, actions: act } = latest.current;
    if (!ready || act.busy) return;
    if (request.saveRequests > handled.current.save) {
      handled.current.save = request.saveRequests;
      void act.saveAsPdf(ready);
    } else if (request.printRequests > handled.current.print) {
      handled.current.print = request.printRequests;
      void act.print(ready);
    }
  }, [request.saveRequests, request.printRequests, job !== null, actions.busy]);

  return (
    <PreviewDialog label="Print preview" busy={actions.busy} onClose={onClose}>
      {(close) => (
        <>
          <div className="print-preview-bar">
            <h2 className="print-preview-title">Print preview</h2>
            <ChoiceGroup
              label="Summary"
              value={kind}
              onChange={setKind}
              choices={[
                { value: 'letter', label: 'Letter', disabled: !letter },
                { value: 'council', label: 'Council', disabled: !hasCouncil },
                { value: 'archive', label: 'Archive' },
                ...(request.compare ? [{ value: 'compare' as const, label: 'Compare grid' }] : []),
              ]}
            />
            {kind === 'archive' && scopes.length > 0 && (
              <ChoiceGroup
                label="Councils"
                value={scopeId}
                onChange={setScopeId}
                choices={[{ value: ALL_COUNCILS, label: 'All councils' }, ...scopes.map((s) => ({ value: s.id, label: s.label }))]}
              />
            )}
            <div className="preview-paper-field">
              <label htmlFor={paperId} className="preview-field-label">
                Paper size
              </label>
              <select id={paperId} value={paperSize} onChange={(e) => setPaperSize(PAPER_SIZES.find((size) => size === e.target.value) ?? 'A4')}>
                {PAPER_SIZES.map((size) => (
                  <option key={size} value={size}>
                    {size}
                  </option>
                ))}
              </select>
            </div>
            <div className="print-preview-actions">
              <button type="button" className="button button--primary" disabled={!job || actions.busy} onClick={() => job && void actions.print(job)} data-initial-focus>
                Print…
              </button>
              {hasBridge && (
                <button type="button" className="button" disabled={!job || actions.busy} onClick={() => job && void actions.saveAsPdf(job)}>
                  Save as PDF…
                </button>
              )}
              <button type="button" className="button" disabled={actions.busy} onClick={close}>
                Close
              </button>
            </div>
          </div>
          <p role="status" className="print-preview-status">
            {actions.busy ? 'Preparing the pages…' : actions.status}
          </p>
          <div className="print-preview-body" tabIndex={0} role="region" aria-label="The summary as it will print">
            <SummaryDocument shown={shown} paperSize={paperSize} landscape={landscape} />
          </div>
        </>
      )}
    </PreviewDialog>
  );
}
