import type { ImportReport as Report } from '../archive/types';
import { countOf, formatTimestamp } from '../ui/format';
import { asSentence, duplicateWords } from '../ui/report-words';
import { ModalDialog } from './modal-dialog';

interface ImportReportProps {
  report: Report;
  onClose: () => void;
  /** Takes out the letters this import added, and the report (it can be undone). */
  onRemoveImport?: () => void;
}

/** What an import did: letters added, duplicates skipped, and every file left out with its reason. */
export function ImportReport({ report, onClose, onRemoveImport }: ImportReportProps) {
  const failures = report.failures;
  const duplicates = report.sameLetters ?? [];
  /** Duplicates an older report counted but did not name. */
  const unnamed = report.finishedAt ? Math.max(0, report.duplicates - duplicates.length) : 0;
  return (
    <ModalDialog label="Import report" className="report-dialog" onClose={onClose}>
      {(close) => (
        <>
          <div className="dialog-head">
            <h2>Import report</h2>
            <p className="dialog-sub">
              {report.source} · {report.finishedAt ? formatTimestamp(report.finishedAt) : 'still running'}
            </p>
          </div>
          <div className="dialog-body">
            {report.cancelled && (
              <p className="report-cancelled">
                The import was cancelled before it had read all {countOf(report.total, 'file')}. The letters read before
                then are kept.
              </p>
            )}
            <ul className="report-summary">
              <li>
                <strong>{report.added.toLocaleString('en-GB')}</strong> {report.added === 1 ? 'letter' : 'letters'} added
              </li>
              <li>
                <strong>{report.duplicates.toLocaleString('en-GB')}</strong> {report.duplicates === 1 ? 'duplicate' : 'duplicates'} skipped
              </li>
              <li>
                <strong>{failures.length.toLocaleString('en-GB')}</strong> {failures.length === 1 ? 'file' : 'files'} not imported
              </li>
            </ul>
            {duplicates.length > 0 && (
              <>
                <h3 className="report-list-title">Duplicates skipped</h3>
                <ul className="failure-list" aria-label="Duplicates skipped" tabIndex={0}>
                  {duplicates.map((duplicate, i) => {
                    const words = duplicateWords(duplicate);
                    return (
                      <li key={i}>
                        <code className="failure-file">{duplicate.file}</code>
                        <span className="failure-reason">
                          {words.before}
                          {words.file && <code>{words.file}</code>}
                          {words.after}
                        </span>
                      </li>
                    );
                  })}
                </ul>
              </>
            )}
            {unnamed > 0 && (
              <p className="report-ok">
                {unnamed === 1 ? 'One duplicate was a file' : `${countOf(unnamed, 'duplicate')} were files`} imported before; reports made by
                earlier versions of the app do not name these.
              </p>
            )}
            {failures.length > 0 ? (
              <>
                <h3 className="report-list-title">Files not imported</h3>
                <ul className="failure-list" aria-label="Files not imported" tabIndex={0}>
                  {failures.map((f, i) => (
                    <li key={i}>
                      <code className="failure-file">{f.file}</code>
                      <span className="failure-reason">{asSentence(f.reason)}</span>
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              <p className="report-ok">
                {report.cancelled
                  ? 'No file read before the import was cancelled was left out.'
                  : 'Every file was imported or was already in the archive.'}
              </p>
            )}
          </div>
          <div className="dialog-actions">
            {onRemoveImport && report.finishedAt !== '' && (
              <button
                type="button"
                className="button button--danger report-remove"
                onClick={() => {
                  close();
                  onRemoveImport();
                }}
                title={
                  report.added > 0
                    ? 'Take the letters this import added out of the archive, with this report (Undo puts them back)'
                    : 'This import added no letter: take its report out of the list (Undo puts it back)'
                }
              >
                {report.added > 0 ? 'Remove this import' : 'Remove this report'}
              </button>
            )}
            <button type="button" className="button button--primary" onClick={close} autoFocus>
              Close
            </button>
          </div>
        </>
      )}
    </ModalDialog>
  );
}
