/**
 * Saves a table made by toCsv (src-shared/export/csv.ts): through the bridge's save dialog in
 * the app, or as a browser download in a plain browser (tests, or a locked-down PC).
 */
import type { SaveOutcome } from '../../../src-shared/bridge';
import { getBridge } from '../ui/get-bridge';

/**
 * How long the download's object URL is kept. Chromium takes hold of the file when the link
 * is clicked, but other browsers may still be reading it after click() returns, and freeing
 * it then would cancel the download.
 */
const REVOKE_AFTER_MS = 30_000;

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
  const bytes = new TextEncoder().encode(content);
  const url = URL.createObjectURL(new Blob([bytes], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
}
