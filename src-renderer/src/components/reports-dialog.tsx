import { useReports } from '../archive/hooks';
import type { ReportRow } from '../archive/types';
import { countOf, formatTimestamp } from '../ui/format';
import { ModalDialog } from './modal-dialog';

interface ReportsDialogProps {
  onOpen: (report: ReportRow) => void;
  onClose: () => void;
}

/** Every import, newest first (one still running included); choosing one opens its report. */
export function ReportsDialog({ onOpen, onClose }: ReportsDialogProps) {
  const newestFirst = useReports();
  return (
    <ModalDialog label="Import reports" className="reports-dialog" onClose={onClose}>
      {(close) => (
        <>
          <div className="dialog-head">
            <h2>Import reports</h2>
          </div>
          <div className="dialog-body">
            {newestFirst === undefined ? (
              <p>Loading…</p>
            ) : newestFirst.length === 0 ? (
              <p>Nothing has been imported yet.</p>
            ) : (
              <ul className="reports-list">
                {newestFirst.map((report, i) => (
                  <li key={report.id ?? i}>
                    <button type="button" className="report-entry" onClick={() => onOpen(report)}>
                      <span className="report-entry-source">{report.source}</span>
                      <span className="item-meta">
                        {report.finishedAt ? formatTimestamp(report.finishedAt) : 'Still running'}
                        {report.cancelled ? ' · cancelled' : ''}
                      </span>
                      <span className="report-entry-counts">
                        {countOf(report.added, 'letter')} added · {countOf(report.duplicates, 'duplicate')} skipped ·{' '}
                        {countOf(report.failed, 'file')} not imported
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
          <div className="dialog-actions">
            <button type="button" className="button" onClick={close}>
              Close
            </button>
          </div>
        </>
      )}
    </ModalDialog>
  );
}
