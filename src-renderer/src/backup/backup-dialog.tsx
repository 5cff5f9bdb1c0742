/**
 * Back up archive…: asks where at once, then writes the backup and says how far it has got and
 * where it went. What a backup holds is in archive/backup.ts.
 */
import { useEffect, useRef, useState } from 'react';
import { version as APP_VERSION } from '../../../package.json';
import { errorInWords } from '../../../src-shared/error-words';
import { makeBackup } from '../archive/backup';
import { ModalDialog } from '../components/modal-dialog';
import { saveStreamed, type StreamedOutcome } from '../export/save-streamed';
import { countOf } from '../ui/format';
import { fileSize, localDate } from './backup-words';
import '../styles/backup.css';

type State =
  | { step: 'asking' }
  | { step: 'working'; text: string }
  | { step: 'done'; outcome: Exclude<StreamedOutcome, { status: 'cancelled' }>; letters: number; ticks: number; bytes: number };

export function BackupDialog({ onClose }: { onClose: () => void }) {
  const [state, setState] = useState<State>({ step: 'asking' });
  const started = useRef(false);
  const latestClose = useRef(onClose);
  latestClose.current = onClose;

  useEffect(() => {
    // Once, even when React runs effects twice in development.
    if (started.current) return;
    started.current = true;
    let letters = 0;
    let ticks = 0;
    let bytes = 0;
    void saveStreamed(
      { kind: 'backup', suggestedName: `Letter Archive backup ${localDate(new Date())}` },
      async () => {
        setState({ step: 'working', text: 'Reading the archive…' });
        const { blob, rows } = await makeBackup({
          appVersion: APP_VERSION,
          onProgress: ({ done, total }) => setState({ step: 'working', text: `Reading the archive: ${done.toLocaleString('en-GB')} of ${countOf(total, 'row')}` }),
        });
        letters = rows.letters;
        ticks = rows.ticks;
        bytes = blob.size;
        return blob;
      },
      ({ done, total }) => setState({ step: 'working', text: `Writing the backup: ${fileSize(done)} of ${fileSize(total)}` }),
    ).then(
      (outcome) => {
        if (outcome.status === 'cancelled') latestClose.current();
        else setState({ step: 'done', outcome, letters, ticks, bytes });
      },
      (error: unknown) => setState({ step: 'done', outcome: { status: 'failed', message: `Could not make the backup: ${errorInWords(error)}.` }, letters, ticks, bytes }),
    );
  }, []);

  const busy = state.step !== 'done';
  // Close is disabled while the backup is made, so the dialog itself has the focus: it goes to Close once done.
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!busy) closeButton.current?.focus();
  }, [busy]);
  return (
    <ModalDialog label="Back up the archive" className="backup-dialog" busy={busy} onClose={onClose}>
      {(close) => (
        <>
          <div className="dialog-head">
            <h2>Back up the archive</h2>
          </div>
          <div className="dialog-body">
            <p>
              One file with your letters and the text each was read from, your ticks and notes, saved searches and settings, and the import
              reports. Restore from backup… puts them back, on this computer or another. The search index is not in it: it is built again
              after a restore.
            </p>
            <div className="backup-status" role="status">
              {state.step === 'asking' && <p>Choose where to save the backup…</p>}
              {state.step === 'working' && <p>{state.text}</p>}
              {state.step === 'done' && state.outcome.status === 'saved' && (
                <p className="backup-done">
                  Backed up {countOf(state.letters, 'letter')} and {countOf(state.ticks, 'tick')} ({fileSize(state.bytes)}) to{' '}
                  <span className="backup-path">{state.outcome.path}</span>
                </p>
              )}
              {state.step === 'done' && state.outcome.status === 'downloaded' && (
                <p className="backup-done">
                  {state.outcome.fileName} ({fileSize(state.bytes)}, {countOf(state.letters, 'letter')}) downloaded
                </p>
              )}
            </div>
            {state.step === 'done' && state.outcome.status === 'failed' && (
              <p className="backup-problem" role="alert">
                {state.outcome.message}
              </p>
            )}
          </div>
          <div className="dialog-actions">
            <button type="button" className="button" onClick={close} disabled={busy} ref={closeButton}>
              Close
            </button>
          </div>
        </>
      )}
    </ModalDialog>
  );
}
