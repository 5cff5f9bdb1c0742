import type { RereadProgress as Progress } from '../archive/reread-letters';
import { ProgressTrack } from './progress-track';

/** The bar under the header while letters an older version read are read again. */
export function RereadProgress({ progress }: { progress: Progress }) {
  return (
    <div className="import-progress">
      <div className="import-progress-text">
        <strong className="import-progress-label">Reading letters again</strong>
        <span>
          with this version of the app: {progress.done.toLocaleString('en-GB')} of {progress.total.toLocaleString('en-GB')}
        </span>
      </div>
      <ProgressTrack label="Reading letters again" done={progress.done} total={progress.total} text={`${progress.done} of ${progress.total} letters`} />
    </div>
  );
}
