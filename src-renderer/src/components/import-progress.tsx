import type { ImportProgress as Progress } from '../archive/types';
import { countOf } from '../ui/format';
import { ProgressTrack } from './progress-track';

interface ImportProgressProps {
  /** What is being imported: a folder, "Sample letters", "Dropped files". */
  label: string;
  /** Null until the files have been listed. */
  progress: Progress | null;
  onCancel: () => void;
}

/** The bar under the header while an import runs: files done of total, the file now, letters added. */
export function ImportProgress({ label, progress, onCancel }: ImportProgressProps) {
  const total = progress?.total ?? 0;
  const done = Math.min(progress?.done ?? 0, total);
  const known = progress !== null && total > 0;
  return (
    <div className="import-progress">
      <div className="import-progress-text">
        <strong className="import-progress-label">Importing {label}</strong>
        {known ? (
          <>
            <span>
              {done.toLocaleString('en-GB')} of {countOf(total, 'file')}
            </span>
            <span>{countOf(progress.added, 'letter')} added</span>
            {progress.duplicates > 0 && <span>{countOf(progress.duplicates, 'duplicate')} skipped</span>}
            {progress.failed > 0 && <span>{countOf(progress.failed, 'file')} not imported</span>}
            {progress.current && (
              <span className="import-progress-current">
                Reading <code>{progress.current}</code>
              </span>
            )}
          </>
        ) : (
          <span>{progress ? 'Looking for letter files…' : 'Getting ready…'}</span>
        )}
      </div>
      <ProgressTrack label="Import progress" done={known ? done : null} total={total} text={known ? `${done} of ${total} files` : 'Looking for letter files'} />
      <button type="button" className="button" onClick={onCancel}>
        Cancel import
      </button>
    </div>
  );
}
