/** "Export CSV…": makes the table only when asked, saves it, and says what happened. */
import type { Table } from '../../../src-shared/analysis/tables';
import { csvFileName, toCsv } from '../../../src-shared/export/csv';
import { exportCsv } from '../export/save-csv';
import { ActionButton } from './action-button';

interface ExportButtonProps {
  /** Parts of the file name the save dialog offers: ["Coventry", "grades over time"]. */
  name: readonly string[];
  /** Makes the table; may read the archive. */
  table: () => Table | Promise<Table>;
  label?: string;
  disabled?: boolean;
}

export function ExportButton({ name, table, label = 'Export CSV…', disabled = false }: ExportButtonProps) {
  const fileName = csvFileName(name);
  return (
    <ActionButton
      label={label}
      disabled={disabled}
      starting="Making the table…"
      run={async () => {
        const { header, rows } = await table();
        const outcome = await exportCsv(fileName, toCsv(header, rows));
        return outcome.status === 'saved'
          ? `Saved ${rows.length.toLocaleString('en-GB')} rows to ${outcome.path}`
          : outcome.status === 'downloaded'
            ? `${fileName} downloaded`
            : outcome.status === 'failed'
              ? outcome.message
              : '';
      }}
      failed={(error) => `${fileName} could not be made: ${error instanceof Error ? error.message : String(error)}`}
    />
  );
}
