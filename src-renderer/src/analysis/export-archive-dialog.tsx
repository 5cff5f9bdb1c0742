/** The whole archive out as CSV: one row per letter, or one per section. */
import { lettersTable, sectionsTable, ticksTable, type Table } from '../../../src-shared/analysis/tables';
import { eachLetterPage, queryAllTicks, queryCouncils } from '../archive/queries';
import { ModalDialog } from '../components/modal-dialog';
import { ExportButton } from './export-button';

/** Every letter's rows, made a page of letters at a time, so the letters are never all held at once. */
async function archiveTable(make: typeof lettersTable): Promise<Table> {
  const table: Table = { header: make([]).header, rows: [] };
  await eachLetterPage((page) => table.rows.push(...make(page).rows));
  return table;
}

/** The person's ticks and notes, with their councils' names. */
async function allTicks(): Promise<Table> {
  const [ticks, councils] = await Promise.all([queryAllTicks(), queryCouncils()]);
  const names = new Map(councils.map((c) => [c.key, c.displayName]));
  return ticksTable(ticks, (key) => names.get(key) ?? key);
}

export function ExportArchiveDialog({ onClose }: { onClose: () => void }) {
  return (
    <ModalDialog label="Export the archive" className="export-dialog" onClose={onClose}>
      {(close) => (
        <>
          <div className="dialog-head">
            <h2>Export the archive</h2>
          </div>
          <div className="dialog-body">
            <p>The archive as CSV files, for a spreadsheet: councils in name order, each council’s letters oldest first.</p>
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
