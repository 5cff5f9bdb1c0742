/**
 * Restore from backup…: the person picks the file, sees what it holds, and chooses Replace or
 * Merge. The file is picked with the page's own file input, in the desktop app as in a
 * browser: the browser hands over a File read from disk only as far as it is asked, and only
 * the file the person picked, so nothing is read through main and nothing is held whole.
 * The file chooser opens from the person's own click, as browsers require.
 *
 * Refused files (damaged, cut short, not a backup) are named with the reason; the archive is
 * untouched. After a restore the window reloads, so every view, the saved searches and the
 * search index start again from the restored archive.
 */
import { useRef, useState } from 'react';
import { errorInWords } from '../../../src-shared/error-words';
import { BackupRefused, readBackupSummary, restoreBackup, type BackupSummary, type RestoreMode, type RestoreOutcome } from '../archive/backup';
import { ModalDialog } from '../components/modal-dialog';
import { countOf, formatTimestamp } from '../ui/format';
import { fileSize } from './backup-words';
import '../styles/backup.css';

type State =
  | { step: 'choose' }
  | { step: 'reading'; fileName: string }
  | { step: 'refused'; fileName: string; reason: string }
  | { step: 'ready'; file: File; summary: BackupSummary }
  | { step: 'restoring'; file: File; summary: BackupSummary; text: string }
  | { step: 'restored'; summary: BackupSummary; outcome: RestoreOutcome };

const reasonOf = (error: unknown): string => (error instanceof BackupRefused ? error.reason : `it could not be read (${errorInWords(error)})`);

export function RestoreDialog({ onClose, letterCount }: { onClose: () => void; letterCount: number }) {
  const [state, setState] = useState<State>({ step: 'choose' });
  // Merge first: it adds and never takes away, so a restore chosen in haste loses nothing.
  const [mode, setMode] = useState<RestoreMode>('merge');
  const input = useRef<HTMLInputElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const busy = state.step === 'reading' || state.step === 'restoring';

  async function picked(file: File | undefined): Promise<void> {
    if (!file) return;
    setState({ step: 'reading', fileName: file.name });
    try {
      setState({ step: 'ready', file, summary: await readBackupSummary(file, file.name) });
    } catch (error) {
      setState({ step: 'refused', fileName: file.name, reason: reasonOf(error) });
    }
  }

  async function restore(file: File, summary: BackupSummary): Promise<void> {
    setState({ step: 'restoring', file, summary, text: 'Restoring…' });
    try {
      const outcome = await restoreBackup(file, summary, mode, ({ stage, done, total }) =>
        setState({
          step: 'restoring',
          file,
          summary,
          text: `${stage === 'reading' ? 'Reading and checking the backup' : 'Putting it in the archive'}: ${done.toLocaleString('en-GB')} of ${countOf(total, 'row')}`,
        }),
      );
      setState({ step: 'restored', summary, outcome });
    } catch (error) {
      setState({ step: 'refused', fileName: summary.fileName, reason: reasonOf(error) });
    }
  }

  const closeAndReload = (): void => window.location.reload();

  return (
    <ModalDialog label="Restore from a backup" className="restore-dialog" busy={busy} onClose={state.step === 'restored' ? closeAndReload : onClose}>
      {(close) => (
        <>
          <div className="dialog-head">
            <h2>Restore from a backup</h2>
          </div>
          <div className="dialog-body" ref={body}>
            <input
              ref={input}
              type="file"
              accept=".json,application/json"
              className="restore-input"
              aria-label="Backup file"
              tabIndex={-1}
              hidden
              onChange={(event) => {
                void picked(event.currentTarget.files?.[0]);
                // The same file may be picked again after it was refused and mended.
                event.currentTarget.value = '';
              }}
            />
            {state.step === 'choose' && <p>Choose a backup file made with Back up archive…; you will see what it holds before anything changes.</p>}
            {state.step === 'reading' && <p role="status">Reading {state.fileName}…</p>}
            {state.step === 'refused' && (
              <p className="backup-problem" role="alert">
                “{state.fileName}” cannot be restored: {state.reason}. The archive has not been changed.
              </p>
            )}
            {(state.step === 'ready' || state.step === 'restoring') && (
              <>
                <BackupContents summary={state.summary} />
                <fieldset className="restore-modes" disabled={state.step === 'restoring'}>
                  <legend>How to restore it</legend>
                  <label className="restore-mode">
                    <input type="radio" name="restore-mode" value="replace" checked={mode === 'replace'} onChange={() => setMode('replace')} />
                    <span>
                      <strong>Replace the archive</strong>
                      <span className="analysis-note">
                        The {countOf(letterCount, 'letter')} in the archive now, your ticks and notes, saved searches and settings give way to the
                        backup’s.
                      </span>
                    </span>
                  </label>
                  <label className="restore-mode">
                    <input type="radio" name="restore-mode" value="merge" checked={mode === 'merge'} onChange={() => setMode('merge')} />
                    <span>
                      <strong>Merge into the archive</strong>
                      <span className="analysis-note">
                        Adds the backup’s letters, ticks and saved searches that the archive does not have; keeps everything it has.
                      </span>
                    </span>
                  </label>
                </fieldset>
                {state.step === 'restoring' && <p role="status">{state.text}</p>}
              </>
            )}
            {state.step === 'restored' && (
              <div role="status" className="backup-done">
                <p>
                  {state.outcome.mode === 'replace'
                    ? `The archive is now the backup’s: ${countOf(state.outcome.lettersAdded, 'letter')}, ${countOf(state.outcome.ticksAdded, 'tick')}.`
                    : `Added ${countOf(state.outcome.lettersAdded, 'letter')} (${countOf(state.outcome.lettersKept, 'letter')} already here), ${countOf(state.outcome.ticksAdded, 'tick')} and ${countOf(state.outcome.savedSearchesAdded, 'saved search', 'saved searches')}.`}
                </p>
                <p>Reload the window to finish: the views and saved searches start again from the restored archive, and search takes its letters in.</p>
              </div>
            )}
          </div>
          <div className="dialog-actions">
            {(state.step === 'choose' || state.step === 'refused' || state.step === 'ready') && (
              <button
                type="button"
                className={state.step === 'ready' ? 'button' : 'button button--primary'}
                // A refusal takes the focus away from the button that was pressed: it comes here, to choose again.
                autoFocus={state.step === 'refused'}
                onClick={() => input.current?.click()}
              >
                {state.step === 'choose' ? 'Choose backup file…' : 'Choose another file…'}
              </button>
            )}
            {(state.step === 'ready' || state.step === 'restoring') && (
              <button
                type="button"
                className="button button--primary"
                disabled={state.step === 'restoring'}
                onClick={() => void restore(state.file, state.summary)}
              >
                {mode === 'replace' ? 'Replace the archive' : 'Merge into the archive'}
              </button>
            )}
            {state.step === 'restored' ? (
              <button key="reload" type="button" className="button button--primary" onClick={close} autoFocus>
                Reload
              </button>
            ) : (
              <button key="cancel" type="button" className="button" onClick={close} disabled={busy}>
                Cancel
              </button>
            )}
          </div>
        </>
      )}
    </ModalDialog>
  );
}

/** What a backup holds, as a short list. */
function BackupContents({ summary }: { summary: BackupSummary }) {
  const rows: [string, string][] = [
    ['File', `${summary.fileName} (${fileSize(summary.bytes)})`],
    ['Backed up', summary.createdAt ? formatTimestamp(summary.createdAt) : 'unknown'],
    ['Made by', `Letter Archive ${summary.appVersion}`],
    ['Letters', summary.letters.toLocaleString('en-GB')],
    ['Councils', summary.councils.toLocaleString('en-GB')],
    ['Ticks and notes', summary.ticks.toLocaleString('en-GB')],
    ['Saved searches', summary.savedSearches.toLocaleString('en-GB')],
  ];
  return (
    <dl className="backup-contents" aria-label="What the backup holds">
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
