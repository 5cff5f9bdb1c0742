import type { RereadProgress as Progress } from '../archive/reread-letters';

/** The bar under the header while letters an older version read are read again. */
export function RereadProgress({ progress }: { progress: Progress }) {
  const percent = progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
  return (
    <div className="import-progress">
      <div className="import-progress-text">
        <strong className="import-progress-label">Reading letters again</strong>
        <span>
          with this version of the app: {progress.done.toLocaleString('en-GB')} of {progress.total.toLocaleString('en-GB')}
        </span>
      </div>
      <div
        className="progress-track"
        role="progressbar"
        aria-label="Reading letters again"
        aria-valuemin={0}
        aria-valuemax={Math.max(progress.total, 1)}
        aria-valuenow={progress.done}
        aria-valuetext={`${progress.done} of ${progress.total} letters`}
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
