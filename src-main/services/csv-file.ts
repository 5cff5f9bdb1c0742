/**
 * Saving a table as a CSV file: the check of the renderer's request, the file name the save
 * dialog offers, and the write itself, which never leaves half a file behind (the text goes
 * to a temporary file in the same folder, renamed over the target in one step).
 *
 * No Electron here: the IPC handler calls it in the main process, and the Playwright
 * stand-in calls it directly in Node.
 */
import type { CsvRequest } from '../../src-shared/bridge';
import { expectString } from '../main/ipc-guards';
import { writeFileWhole } from './pdf-file';
import { MAX_SUGGESTED_NAME_CHARS, safeFileName } from './print-options';

/** Largest CSV a request may carry, in UTF-8 bytes: far more than every letter's row, well short of straining main. */
export const MAX_CSV_BYTES = 64 * 1024 * 1024;

/** What a CSV file is called when the suggested name leaves nothing usable. */
export const FALLBACK_CSV_NAME = 'Letter Archive table.csv';

/**
 * Checks a save-as-CSV request from the renderer and returns a copy holding only what the
 * bridge promises.
 *
 * @throws TypeError or RangeError naming what is wrong.
 */
export function parseCsvRequest(value: unknown): CsvRequest {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new TypeError('The CSV request must be an object.');
  const request = value as Record<string, unknown>;
  const suggestedName = expectString(request.suggestedName, 'The suggested file name');
  if (suggestedName.length > MAX_SUGGESTED_NAME_CHARS) {
    throw new RangeError(`The suggested file name must be at most ${MAX_SUGGESTED_NAME_CHARS} characters, not ${suggestedName.length}.`);
  }
  const content = expectString(request.content, 'The CSV text');
  // A UTF-8 byte is never fewer than one per UTF-16 unit, so the cheap length check comes first.
  if (content.length > MAX_CSV_BYTES || Buffer.byteLength(content, 'utf8') > MAX_CSV_BYTES) {
    throw new RangeError(`The CSV text must be at most ${MAX_CSV_BYTES / (1024 * 1024)} MB.`);
  }
  return { suggestedName, content };
}

/** A file name for the save dialog to offer, made safe as PDF names are (safeFileName), ending in ".csv". */
export function safeCsvFileName(suggestedName: string): string {
  return safeFileName(suggestedName, '.csv', FALLBACK_CSV_NAME);
}

/**
 * Writes `content` to `target` as UTF-8, as it is: toCsv has already put the byte order mark
 * in front. A file already there is replaced only once the new one is complete on disk.
 *
 * @throws Error naming the file and the reason, when `target` is not an absolute path,
 *   `content` is not text, or the file system refuses.
 */
export async function writeCsvFile(target: string, content: string): Promise<void> {
  await writeFileWhole(target, 'The CSV file', content, (text) => (typeof text === 'string' ? null : 'the table is not text'));
}
