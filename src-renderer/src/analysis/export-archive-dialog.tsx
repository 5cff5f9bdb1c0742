/** The whole archive out as CSV: one row per letter, or one per section. */
import { lettersTable, sectionsTable, type Table } from '../../../src-shared/analysis/tables';
import { eachLetterPage } from '../archive/queries';
import { ModalDialog } from '../components/modal-dialog';
import { ExportButton } from './export-button';

/** Every letter's rows, a page of letters at a time, oldest letters first. */
async function archiveTable(make: typeof lettersTable): Promise<Table> {
  const table: Table = { header: make([]).header, rows: [] };
  const letters: Parameters<typeof make>[0][number][] = [];
  await eachLetterPage((page) => letters.push(...page));
  letters.sort((a, b) => a.council.displayName.localeCompare(b.council.displayName, 'en-GB') || a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  for (let i = 0; i < letters.length; i += 500) table.rows.push(...make(letters.slice(i, i + 500)).rows);
  return table;
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
            <p>Every letter in the archive as a CSV file, for a spreadsheet. Councils in name order, each council’s letters oldest first.</p>
            <ul className="export-choices">
              <li>
                <ExportButton name={['Letter Archive', 'letters']} label="One row per letter…" table={() => archiveTable(lettersTable)} />
                <p className="analysis-note">Council, date, kind, the overall grade and each APA outcome’s, how many recommendations and areas for development, and the file.</p>
              </li>
              <li>
                <ExportButton name={['Letter Archive', 'sections']} label="One row per section…" table={() => archiveTable(sectionsTable)} />
                <p className="analysis-note">Each section’s heading, outcome, grade, page and length, with its recommendations and areas for development in full.</p>
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
