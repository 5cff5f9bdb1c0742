/** "Export CSV…": makes the table only when asked, saves it, and says what happened. */
import { useState } from 'react';
import type { Table } from '../../../src-shared/analysis/tables';
import { csvFileName, toCsv } from '../../../src-shared/export/csv';
import { exportCsv } from '../export/save-csv';

interface ExportButtonProps {
  /** Parts of the file name the save dialog offers: ["Coventry", "grades over time"]. */
  name: readonly string[];
  /** Makes the table; may read the archive. */
  table: () => Table | Promise<Table>;
  label?: string;
  disabled?: boolean;
}

export function ExportButton({ name, table, label = 'Export CSV…', disabled = false }: ExportButtonProps) {
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  async function run(): Promise<void> {
    setBusy(true);
    setStatus('Making the table…');
    const fileName = csvFileName(name);
    try {
      const { header, rows } = await table();
      const outcome = await exportCsv(fileName, toCsv(header, rows));
      setStatus(
        outcome.status === 'saved'
          ? `Saved ${rows.length.toLocaleString('en-GB')} rows to ${outcome.path}`
          : outcome.status === 'downloaded'
            ? `${fileName} downloaded`
            : outcome.status === 'failed'
              ? outcome.message
              : '',
      );
    } catch (error) {
      setStatus(`${fileName} could not be made: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(false);
    }
  }
  return (
    <span className="export-csv">
      <button type="button" className="button" disabled={disabled || busy} onClick={() => void run()}>
        {label}
      </button>
      <span role="status" className="export-status">
        {status}
      </span>
    </span>
  );
}
