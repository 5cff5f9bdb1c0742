/**
 * The whole archive out: as CSV (one row per letter, or one per section, and the ticks), the
 * letters as JSON (one file, or one per letter), and a backup to restore from. File → Back up
 * archive…, Restore from backup… and Export letters as JSON… open it at their part.
 */
import { useEffect, useRef, useState } from 'react';
import { lettersTable, sectionsTable, ticksTable, type Table } from '../../../src-shared/analysis/tables';
import { errorInWords } from '../../../src-shared/error-words';
import { useArchiveCounts } from '../archive/hooks';
import { eachLetterPage, queryAllTicks, queryCouncils } from '../archive/queries';
import { BackupDialog } from '../backup/backup-dialog';
import { localDate } from '../backup/backup-words';
import { RestoreDialog } from '../backup/restore-dialog';
import { ModalDialog } from '../components/modal-dialog';
import { allLettersJson, saveLettersOnePerFile } from '../export/letters-json';
import { saveStreamed } from '../export/save-streamed';
import { countOf } from '../ui/format';
import { getBridge } from '../ui/get-bridge';
import { ActionButton } from './action-button';
import { ExportButton } from './export-button';
import '../styles/backup.css';

/** Where the dialog opens: a menu command opens it at its part. */
export type ExportStart = 'backup' | 'restore' | 'json';

/** Every letter's rows, made a page of letters at a time, so the letters are never all held at once. */
async function archiveTable(make: typeof lettersTable): Promise<Table> {
  const table: Table = { header: make([]).header, rows: [] };
  await eachLetterPage((page) => {
    table.rows.push(...make(page).rows);
  });
  return table;
}

/** The person's ticks and notes, with their councils' names. */
async function allTicks(): Promise<Table> {
  const [ticks, councils] = await Promise.all([queryAllTicks(), queryCouncils()]);
  const names = new Map(councils.map((c) => [c.key, c.displayName]));
  return ticksTable(ticks, (key) => names.get(key) ?? key);
}

interface ExportArchiveDialogProps {
  onClose: () => void;
  /** Opened by a menu command: the backup or restore dialog opens at once, and closing it closes this too. */
  start?: ExportStart;
  /** An import is running: a restore would change the archive under it, so it waits. */
  importing?: boolean;
}

export function ExportArchiveDialog({ onClose, start, importing = false }: ExportArchiveDialogProps) {
  const [inner, setInner] = useState<'backup' | 'restore' | null>(start === 'backup' || start === 'restore' ? start : null);
  const counts = useArchiveCounts();
  const jsonRef = useRef<HTMLElement>(null);

  useEffect(() => {
    if (start === 'json') jsonRef.current?.querySelector('button')?.focus();
  }, [start]);

  // From the menu, the backup or restore dialog comes on its own, not on top of this one.
  const direct = start === 'backup' || start === 'restore';
  const closeInner = (): void => {
    setInner(null);
    if (direct) onClose();
  };

  return (
    <>
      {!direct && (
        <ModalDialog label="Export the archive" className="export-dialog" onClose={onClose}>
          {(close) => (
            <>
              <div className="dialog-head">
                <h2>Export the archive</h2>
              </div>
              <div className="dialog-body">
                <section className="export-section" aria-labelledby="export-csv-head">
                  <h3 id="export-csv-head">For a spreadsheet</h3>
                  <p className="analysis-note">CSV files: councils in name order, each council’s letters oldest first.</p>
                  <ul className="export-choices">
                    <li>
                      <ExportButton name={['Letter Archive', 'letters']} label="One row per letter…" table={() => archiveTable(lettersTable)} />
                      <p className="analysis-note">Council, date, kind, the overall grade and each APA outcome’s, how many recommendations and areas for development, and the file.</p>
                    </li>
                    <li>
                      <ExportButton name={['Letter Archive', 'sections']} label="One row per section…" table={() => archiveTable(sectionsTable)} />
                      <p className="analysis-note">Each section’s heading, outcome, grade, page and length, with its recommendations and areas for development in full.</p>
                    </li>
                    <li>
                      <ExportButton name={['Letter Archive', 'ticks and notes']} label="Your ticks and notes…" table={allTicks} />
                      <p className="analysis-note">Every point you have ticked as dealt with, with its date and note.</p>
                    </li>
                  </ul>
                </section>
                <section className="export-section" aria-labelledby="export-json-head" ref={jsonRef}>
                  <h3 id="export-json-head">Letters as JSON</h3>
                  <p className="analysis-note">
                    Every letter with its grades, sections, recommendations and the file it was read from, for working on the data in other programs (the
                    same records the command line’s <code>--json</code> gives).
                  </p>
                  <ul className="export-choices">
                    <li>
                      <JsonOneFileButton />
                      <p className="analysis-note">One array of every letter, councils in name order.</p>
                    </li>
                    <li>
                      <JsonPerLetterButton />
                      <p className="analysis-note">In a folder you choose: one file per letter, named by council, date, kind and id.</p>
                    </li>
                  </ul>
                </section>
                <section className="export-section" aria-labelledby="export-backup-head">
                  <h3 id="export-backup-head">Back up and restore</h3>
                  <ul className="export-choices">
                    <li>
                      <button type="button" className="button" onClick={() => setInner('backup')}>
                        Back up archive…
                      </button>
                      <p className="analysis-note">One file with the letters, your ticks and notes, saved searches and settings.</p>
                    </li>
                    <li>
                      <button type="button" className="button" onClick={() => setInner('restore')} disabled={importing} aria-describedby="export-restore-note">
                        Restore from backup…
                      </button>
                      <p className="analysis-note" id="export-restore-note">
                        {importing
                          ? 'An import is running: wait for it to finish, or cancel it, before restoring.'
                          : 'Shows what a backup holds, then replaces the archive with it or merges it in.'}
                      </p>
                    </li>
                  </ul>
                </section>
              </div>
              <div className="dialog-actions">
                <button type="button" className="button" onClick={close}>
                  Close
                </button>
              </div>
            </>
          )}
        </ModalDialog>
      )}
      {inner === 'backup' && <BackupDialog onClose={closeInner} />}
      {inner === 'restore' && <RestoreDialog onClose={closeInner} letterCount={counts?.letters ?? 0} />}
    </>
  );
}

/** What to say when the letters could not be exported. */
const lettersNotExported = (error: unknown): string => `The letters could not be exported: ${errorInWords(error)}.`;

function JsonOneFileButton() {
  return (
    <ActionButton
      label="All letters in one file…"
      run={async (say) => {
        let count = 0;
        const outcome = await saveStreamed({ kind: 'json', suggestedName: `Letter Archive letters ${localDate(new Date())}` }, async () => {
          const made = await allLettersJson((done) => say(`Making the file: ${countOf(done, 'letter')}`));
          count = made.count;
          return made.blob;
        });
        return outcome.status === 'saved'
          ? `Saved ${countOf(count, 'letter')} to ${outcome.path}`
          : outcome.status === 'downloaded'
            ? `${outcome.fileName} (${countOf(count, 'letter')}) downloaded`
            : outcome.status === 'failed'
              ? outcome.message
              : '';
      }}
      failed={lettersNotExported}
    />
  );
}

function JsonPerLetterButton() {
  const hasBridge = getBridge() !== undefined;
  return (
    <ActionButton
      label="One file per letter…"
      disabled={!hasBridge}
      note={hasBridge ? undefined : 'In the desktop app only: a browser would download each letter on its own.'}
      run={async (say) => {
        const outcome = await saveLettersOnePerFile((done) => say(`Writing: ${countOf(done, 'letter')}`));
        return outcome.status === 'saved'
          ? `Saved ${countOf(outcome.count, 'file')}, one per letter, in ${outcome.path}`
          : outcome.status === 'failed'
            ? `${outcome.message}${outcome.count ? ` (${countOf(outcome.count, 'letter')} written before)` : ''}`
            : '';
      }}
      failed={lettersNotExported}
    />
  );
}
