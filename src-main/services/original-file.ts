/**
 * Finds the file a letter was imported from, so the system's viewer can open it. Handing a
 * path to the operating system to open is running whatever program it picks for the file,
 * so only a PDF or a text file inside the imported folder is ever handed over: never a
 * program, a shortcut, or anything reached through a link out of the folder.
 *
 * No Electron here: the IPC handler calls it, and tests call it directly.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { errorInWords } from '../../src-shared/error-words';
import { isPdf } from '../../src-shared/pdf/pdf-text';
import { REASON_LINK_OUTSIDE, isInside } from '../folder/walk-folder';
import { MAX_PATH_CHARS } from './folder-service';

/**
 * The kinds of file opened, by name: the system picks its viewer by the name, so the name
 * of the file finally opened counts, not the name of a link to it.
 */
const OPENABLE_EXTENSIONS = ['.pdf', '.txt'];

function isOpenable(file: string): boolean {
  return OPENABLE_EXTENSIONS.includes(path.extname(file).toLowerCase());
}

/** The checked, resolved path of `relativePath` under `root`, or why it is not opened. */
export async function findOriginal(root: string, relativePath: unknown): Promise<{ path: string } | { error: string }> {
  if (typeof relativePath !== 'string' || relativePath.length === 0 || relativePath.length > MAX_PATH_CHARS || relativePath.includes('\0')) {
    return { error: 'The file must be given as a path inside its folder.' };
  }
  const parts = relativePath.split('/');
  if (path.isAbsolute(relativePath) || parts.some((part) => part === '' || part === '.' || part === '..' || part.includes('\\'))) {
    return { error: `"${relativePath}" is not a path inside the folder.` };
  }
  const notOpened = { error: `"${relativePath}" is not opened from the archive: only PDF and text files are.` };
  if (!isOpenable(relativePath)) return notOpened;
  let real: string;
  let rootReal: string;
  try {
    rootReal = await fs.realpath(root);
    real = await fs.realpath(path.join(root, ...parts));
  } catch {
    return { error: `"${relativePath}" is no longer in ${root}: it may have been moved, renamed or deleted.` };
  }
  if (!isInside(rootReal, real)) return { error: `"${relativePath}" is a ${REASON_LINK_OUTSIDE}, so it is not opened.` };
  // A link named "letter.pdf" may lead to a program: what is handed over must be a PDF or text file itself.
  if (!isOpenable(real)) return notOpened;
  try {
    const handle = await fs.open(real, 'r');
    try {
      if (!(await handle.stat()).isFile()) return { error: `"${relativePath}" is not a file.` };
      if (path.extname(real).toLowerCase() === '.pdf') {
        const start = new Uint8Array(1029);
        const { bytesRead } = await handle.read(start, 0, start.length, 0);
        if (!isPdf(start.subarray(0, bytesRead))) return { error: `"${relativePath}" is named as a PDF but is not one, so it is not opened.` };
      }
    } finally {
      await handle.close();
    }
  } catch (error) {
    return { error: `"${relativePath}" cannot be read (${errorInWords(error)}).` };
  }
  return { path: real };
}
