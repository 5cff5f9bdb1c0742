/**
 * The file that remembers the folders the person chose, from one run of the app to the next.
 * A missing or damaged file means no folders remembered, never a failure to start.
 */
import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';

/** The folders in the file, or none when it is missing or not what this app wrote. */
export function loadRememberedFolders(file: string): string[] {
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    const folders = (parsed as { folders?: unknown } | null)?.folders;
    return Array.isArray(folders) ? folders.filter((f): f is string => typeof f === 'string') : [];
  } catch {
    return [];
  }
}

let writing: Promise<void> = Promise.resolve();

/** Writes the list through a temporary file, so a crash mid-write leaves the old list whole. Writes are kept in order. */
export function saveRememberedFolders(file: string, folders: string[]): Promise<void> {
  writing = writing.then(async () => {
    const temporary = `${file}.${process.pid}.tmp`;
    try {
      await fs.writeFile(temporary, JSON.stringify({ folders }, null, 2));
      await fs.rename(temporary, file);
    } catch (error) {
      console.error(`The list of chosen folders could not be saved in ${file}`, error);
      await fs.rm(temporary, { force: true }).catch(() => undefined);
    }
  });
  return writing;
}
