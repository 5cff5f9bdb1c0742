/**
 * Writes a rendered PDF where the person chose to save it, without ever leaving half a file
 * behind: the bytes go to a temporary file in the same folder, which is then renamed over
 * the target in one step. A failure leaves any earlier file of that name as it was.
 *
 * No Electron here: the IPC handler calls it in the main process, and the Playwright
 * stand-in calls it directly in Node.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/** Every PDF starts with these bytes. */
const PDF_SIGNATURE = '%PDF-';

/**
 * Writes `data` to `target`, replacing a file already there only once the new one is
 * complete on disk.
 *
 * @throws Error naming the file and the reason, when `target` is not an absolute path,
 *   `data` is not a PDF, or the file system refuses.
 */
export async function writePdfFile(target: string, data: Uint8Array): Promise<void> {
  await writeFileWhole(target, 'The PDF', data, (bytes) => {
    if (!(bytes instanceof Uint8Array) || bytes.length === 0) return 'the PDF is empty';
    return startsWithSignature(bytes) ? null : 'the data is not a PDF';
  });
}

/**
 * Writes `data` to `target` through a temporary file in the same folder renamed over it, so a
 * failure leaves any earlier file of that name as it was. `check` says what is wrong with the
 * data, or null.
 *
 * @throws Error naming the file and the reason.
 */
export async function writeFileWhole<T extends Uint8Array | string>(target: string, what: string, data: T, check: (data: T) => string | null): Promise<void> {
  if (typeof target !== 'string' || target.length === 0 || target.includes('\0') || !path.isAbsolute(target)) {
    throw new TypeError(`${what} must be saved to an absolute path.`);
  }
  const fail = (reason: string): Error => new Error(`Could not save "${target}": ${reason}.`);
  const problem = check(data);
  if (problem !== null) throw fail(problem);

  const folder = path.dirname(target);
  const existing = await fs.stat(target).catch(() => null);
  if (existing?.isDirectory()) throw fail('a folder of that name is already there');

  // Same folder, so the rename never crosses file systems; a dot and a random part, so it
  // is hidden and cannot clash with another save.
  const temp = path.join(folder, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.part`);
  let handle: fs.FileHandle | undefined;
  try {
    // 'wx' creates a new file and refuses to follow anything already at that name.
    handle = await fs.open(temp, 'wx', existing ? existing.mode & 0o777 : 0o666);
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await fs.rename(temp, target);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw fail(describeWriteError(error));
  }
}

function startsWithSignature(data: Uint8Array): boolean {
  if (data.length < PDF_SIGNATURE.length) return false;
  for (let i = 0; i < PDF_SIGNATURE.length; i++) {
    if (data[i] !== PDF_SIGNATURE.charCodeAt(i)) return false;
  }
  return true;
}

/** A file system error as a reason a person understands. */
export function describeWriteError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOENT':
    case 'ENOTDIR':
      return 'the folder does not exist';
    case 'EROFS':
      return 'the disk is read-only';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'the disk is full';
    case 'EISDIR':
      return 'a folder of that name is already there';
    case 'ENAMETOOLONG':
      return 'the path is too long';
    case 'EBUSY':
      return 'the file is in use by another program';
    case 'EIO':
      return 'the disk reported an input/output error';
    default:
      return code ?? (error instanceof Error ? error.message : String(error));
  }
}
