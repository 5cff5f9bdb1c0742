/**
 * Saves a table made by toCsv (src-shared/export/csv.ts): through the bridge's save dialog in
 * the app, or as a browser download in a plain browser (tests, or a locked-down PC).
 */
import type { SaveOutcome } from '../../../src-shared/bridge';
import { getBridge } from '../ui/get-bridge';
import { downloadBlob } from './download';

/**
 * Asks where to save the CSV text and writes it there (`saved`, `cancelled` or `failed`), or,
 * with no bridge, hands it to the browser as a download (`downloaded`: where it went, and
 * whether the person kept it, the browser does not say).
 */
export async function exportCsv(suggestedName: string, content: string): Promise<SaveOutcome | { status: 'downloaded' }> {
  const bridge = getBridge();
  if (bridge) return bridge.saveCsv({ suggestedName, content });
  download(suggestedName, content);
  return { status: 'downloaded' };
}

function download(fileName: string, content: string): void {
  // The text goes in as UTF-8 bytes made here, so the byte order mark toCsv put at its start
  // is certainly in the file (EF BB BF): spreadsheet programs need it to read "£" and curly
  // quotes as UTF-8, and "charset=utf-8" in the type is not saved with the file.
  downloadBlob(fileName, new Blob([new TextEncoder().encode(content)], { type: 'text/csv;charset=utf-8' }));
}
