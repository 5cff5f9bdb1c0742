/**
 * The folder half of the bridge: lists a folder and hands over the bytes of the files
 * that listing found, and nothing else.
 *
 * No Electron here: the IPC handlers call it in the main process, and the Playwright
 * fixture calls it directly in Node. Whatever the caller passes is treated as untrusted.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { MAX_READ_BATCH, MAX_READ_BYTES, type FileRead, type FolderListing } from '../../src-shared/bridge';
import { mapLimited } from '../../src-shared/map-limited';
import { readCappedFile } from '../cli/parse-files';
import { DEFAULT_MAX_FILE_BYTES, REASON_LINK_OUTSIDE, describeFsError, formatBytes, isInside, walkFolder } from '../folder/walk-folder';

/** What readFiles answers for a path the folder's last listing did not return. */
export const REASON_NOT_LISTED = 'was not among the files found when the import began; import the folder again to include it';

/** Longer strings than this are not paths on any system we run on. */
export const MAX_PATH_CHARS = 32_767;

/** Files read at once within one batch: enough to hide a slow disk's latency, few enough to keep file handles in check. */
const READ_CONCURRENCY = 8;

export interface FolderServiceOptions {
  /** Files larger than this are skipped when listing and refused when reading. Default: 50 MB. */
  maxFileBytes?: number;
  /** Most bytes (by listed size) one readFiles call may ask for, unless it asks for one file. Default: MAX_READ_BYTES. */
  maxReadBytes?: number;
}

export interface FolderService {
  /** Lists the files under `root` and remembers them as the only ones readFiles may read from it. */
  listFolder(root: string): Promise<FolderListing>;
  /** Reads files of `root`'s last listing; every other path comes back with an error, never an exception. */
  readFiles(root: string, relativePaths: string[]): Promise<FileRead[]>;
}

interface Listed {
  /** The root with every symbolic link resolved, as it was when listed. */
  rootReal: string;
  /** Relative path → resolved absolute path and size of each listed file. */
  files: Map<string, { path: string; size: number }>;
}

/**
 * Creates a folder service with its own memory of what it listed.
 *
 * @throws Error when `maxFileBytes` is not a whole, non-negative number of bytes.
 */
export function createFolderService(options: FolderServiceOptions = {}): FolderService {
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  if (!Number.isSafeInteger(maxFileBytes) || maxFileBytes < 0) {
    throw new Error(`maxFileBytes must be a whole number of bytes, not ${maxFileBytes}.`);
  }
  const maxReadBytes = options.maxReadBytes ?? MAX_READ_BYTES;
  const listings = new Map<string, Listed>();

  return {
    async listFolder(root) {
      const key = rootKey(root);
      // A folder that can no longer be listed must not stay readable through an old listing.
      listings.delete(key);
      const { files, skipped } = await walkFolder(key, { maxFileBytes });
      const rootReal = await fs.realpath(key);
      listings.set(key, { rootReal, files: new Map(files.map((f) => [f.relativePath, { path: f.path, size: f.size }])) });
      // Only what the bridge promises: absolute paths stay in this process.
      return {
        root,
        files: files.map(({ relativePath, size }) => ({ relativePath, size })),
        skipped: skipped.map(({ relativePath, reason }) => ({ relativePath, reason })),
      };
    },

    async readFiles(root, relativePaths) {
      const key = rootKey(root);
      checkBatch(relativePaths);
      const listing = listings.get(key);
      if (!listing) throw new Error(`The folder "${root}" has not been listed: list it before reading from it.`);
      const bytes = relativePaths.reduce((sum, p) => sum + (listing.files.get(p)?.size ?? 0), 0);
      if (relativePaths.length > 1 && bytes > maxReadBytes) {
        throw new RangeError(`These ${relativePaths.length} files come to ${formatBytes(bytes)}; at most ${formatBytes(maxReadBytes)} can be read at once.`);
      }
      return mapLimited(relativePaths, READ_CONCURRENCY, async (relativePath): Promise<FileRead> => {
        const file = listing.files.get(relativePath);
        if (file === undefined) return { relativePath, error: REASON_NOT_LISTED };
        const read = await readListedFile(listing.rootReal, file.path, maxFileBytes);
        return 'error' in read ? { relativePath, error: read.error } : { relativePath, bytes: read.bytes };
      });
    },
  };
}

/** Checks `root` is an absolute path and returns the key its listing is kept under. */
function rootKey(root: unknown): string {
  if (typeof root !== 'string' || root.length === 0 || root.length > MAX_PATH_CHARS || root.includes('\0')) {
    throw new TypeError('The folder must be given as a path.');
  }
  // A relative path would depend on the working directory of whichever process runs this.
  if (!path.isAbsolute(root)) throw new TypeError(`The folder "${root}" must be an absolute path.`);
  return path.resolve(root);
}

function checkBatch(relativePaths: unknown): asserts relativePaths is string[] {
  if (!Array.isArray(relativePaths)) throw new TypeError('The files to read must be given as a list of paths.');
  if (relativePaths.length > MAX_READ_BATCH) {
    throw new RangeError(`At most ${MAX_READ_BATCH} files can be read at once, not ${relativePaths.length}.`);
  }
  if (!relativePaths.every((p) => typeof p === 'string' && p.length <= MAX_PATH_CHARS)) {
    throw new TypeError('Every file to read must be given as a path.');
  }
}

/**
 * Reads a file the listing found. The folder may have changed since: a file swapped for
 * a link to somewhere else is refused, and one that grew past the cap is refused too.
 */
async function readListedFile(rootReal: string, file: string, maxFileBytes: number): Promise<{ bytes: Uint8Array } | { error: string }> {
  try {
    const real = await fs.realpath(file);
    if (!isInside(rootReal, real)) return { error: REASON_LINK_OUTSIDE };
    const read = await readCappedFile(real, maxFileBytes);
    return 'error' in read ? read : { bytes: ownBytes(read) };
  } catch (error) {
    return { error: describeFsError(error) };
  }
}

/**
 * A Uint8Array that owns its whole buffer. Node may hand back a view into a shared pool,
 * and a structured clone copies the whole buffer behind a view, not just the view.
 */
function ownBytes(bytes: Uint8Array): Uint8Array {
  const exact = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  return exact ? new Uint8Array(bytes.buffer, 0, bytes.byteLength) : new Uint8Array(bytes);
}

