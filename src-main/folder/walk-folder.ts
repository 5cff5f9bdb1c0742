/**
 * Lists the letter files under a folder the user chose, without ever leaving it.
 *
 * The folder is untrusted: it may hold symbolic links to anywhere, links that loop,
 * pipes that block a reader forever and files far too large to be letters. Each of
 * those becomes a `skipped` entry with a reason a person understands, never an error.
 */
import { access, constants, lstat, realpath, stat } from 'node:fs';
import { errorInWords } from '../../src-shared/error-words';
import { DEFAULT_MAX_FILE_BYTES, isIgnoredName, tooLargeReason } from '../../src-shared/letters/file-rules';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { mapLimited } from '../../src-shared/map-limited';

/**
 * The calls that look at each entry, in their callback forms: at 10,000 files, the promise
 * forms with BigInt sizes (of `fs/promises`) took 365-500 ms to list them, these 270-315 ms,
 * on this project's 2-core test machine. The blocking forms were faster still (80-100 ms) but
 * would hold the app's main process, the window's too, as long as a network drive took to answer.
 */
const lstatEntry = promisify(lstat);
const statEntry = promisify(stat);
const accessEntry = promisify(access);
const realpathEntry = promisify(realpath.native);

/** A file worth reading. */
export interface WalkedFile {
  /** Absolute path with every symbolic link resolved; always inside the root's real path. */
  path: string;
  /** Path from the root as the user sees it (through links), with `/` between names. */
  relativePath: string;
  /** Size in bytes. */
  size: number;
}

/** Something in the folder that will not be read, and why. */
export interface SkippedEntry {
  /** Absolute path of the entry itself (not of what a link points to). */
  path: string;
  relativePath: string;
  reason: string;
}

export interface WalkResult {
  files: WalkedFile[];
  skipped: SkippedEntry[];
}

export interface WalkOptions {
  /** Files larger than this are skipped. Default: 50 MB. */
  maxFileBytes?: number;
}


export const REASON_LINK_OUTSIDE = 'symbolic link pointing outside the chosen folder';
export const REASON_LINK_LOOP = 'symbolic link that leads round in a loop, so it was not followed';
export { DEFAULT_MAX_FILE_BYTES, formatBytes, isIgnoredName, tooLargeReason } from '../../src-shared/letters/file-rules';

export const REASON_LINK_BROKEN = 'symbolic link to something that does not exist';
export const REASON_ALREADY_LISTED = 'symbolic link to a folder that is already listed';
export const REASON_FOLDER_SEEN = 'folder already listed through a symbolic link';
export const REASON_NOT_REGULAR = 'not an ordinary file (a device, socket or pipe), so it was not read';

/** Turns a file-system error into words. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'cannot be read: permission denied';
    case 'ENOENT':
      return 'disappeared while the folder was being read';
    case 'ELOOP':
      return REASON_LINK_LOOP;
    case 'ENAMETOOLONG':
      return 'cannot be read: the path is too long';
    case 'EIO':
      return 'cannot be read: the disk reported an input/output error';
    case 'EMFILE':
    case 'ENFILE':
      return 'cannot be read: too many files are open';
    case 'EBUSY':
      return 'cannot be read: it is in use by another program';
    default:
      return `cannot be read (${errorInWords(error)})`;
  }
}

/** True when `child` is `parent` or lies under it. Both must be absolute and resolved. */
export function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

/** Orders names case-insensitively, then by code unit, so the order never depends on the locale. */
function compareNames(a: string, b: string): number {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Orders relative paths folder by folder, so "a/b" sorts with "a", not after "a-b". */
export function compareRelativePaths(a: string, b: string): number {
  const sa = a.split('/');
  const sb = b.split('/');
  for (let i = 0; i < Math.min(sa.length, sb.length); i++) {
    const c = compareNames(sa[i] as string, sb[i] as string);
    if (c !== 0) return c;
  }
  return sa.length - sb.length;
}

/** Identifies a folder across the different paths that reach it. */
function folderKey(stats: { dev: bigint; ino: bigint }, realPath: string): string {
  return stats.ino === 0n ? `path:${realPath}` : `${stats.dev}:${stats.ino}`;
}

interface PendingFolder {
  /** Resolved path of the folder. */
  real: string;
  /** '' for the root. */
  relative: string;
}

interface PendingLink extends PendingFolder {
  /** Resolved path of the folder holding the link. */
  parentReal: string;
  /** Path of the link itself. */
  linkPath: string;
}

/** Entries of a folder looked at at once. */
const INSPECT_CONCURRENCY = 16;

/** What an entry of a folder is, found with no regard to what the walk has seen so far. */
type Inspected =
  | { kind: 'skip'; reason: string }
  | { kind: 'linked-folder'; real: string }
  | { kind: 'folder'; real: string; key: string }
  | { kind: 'file'; real: string; size: number };

async function inspectEntry(entryPath: string, rootReal: string, maxFileBytes: number): Promise<Inspected> {
  try {
    const lstats = await lstatEntry(entryPath);
    let real = entryPath;
    let stats = lstats;
    if (lstats.isSymbolicLink()) {
      const target = await resolveLink(entryPath, rootReal);
      if ('reason' in target) return { kind: 'skip', reason: target.reason };
      real = target.real;
      stats = await statEntry(real);
      if (stats.isDirectory()) return { kind: 'linked-folder', real };
    }
    // A folder's identity is read exactly (as big integers): its inode number may not fit a double.
    if (stats.isDirectory()) return { kind: 'folder', real, key: folderKey(await statEntry(real, { bigint: true }), real) };
    if (!stats.isFile()) return { kind: 'skip', reason: REASON_NOT_REGULAR };
    if (stats.size > maxFileBytes) return { kind: 'skip', reason: tooLargeReason(maxFileBytes) };
    await accessEntry(real, constants.R_OK);
    return { kind: 'file', real, size: stats.size };
  } catch (error) {
    return { kind: 'skip', reason: describeFsError(error) };
  }
}

/**
 * Lists every regular file under `root`, recursively, in a stable order.
 *
 * Never leaves the root: the root's real path is resolved first and a symbolic link is
 * followed only when its own real path stays inside it. The plain folder tree is walked
 * first and linked folders after, so a file is listed under its real name when it has one,
 * and a link back to a folder above it is reported as a loop. Hidden and system entries
 * are left out silently; links outside, loops, pipes, sockets, devices, oversized and
 * unreadable entries are reported in `skipped`.
 *
 * @throws Error when the root does not exist, is not a folder or cannot be opened.
 */
export async function walkFolder(root: string, options: WalkOptions = {}): Promise<WalkResult> {
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  if (!Number.isSafeInteger(maxFileBytes) || maxFileBytes < 0) {
    throw new Error(`maxFileBytes must be a whole number of bytes, not ${maxFileBytes}.`);
  }
  const rootReal = await resolveRoot(root);
  const files: WalkedFile[] = [];
  const skipped: SkippedEntry[] = [];
  const visited = new Set<string>();
  const rootStats = await fs.stat(rootReal, { bigint: true });
  visited.add(folderKey(rootStats, rootReal));

  const folders: PendingFolder[] = [{ real: rootReal, relative: '' }];
  const links: PendingLink[] = [];
  const skip = (entryPath: string, relative: string, reason: string): void => {
    skipped.push({ path: entryPath, relativePath: relative, reason });
  };

  const walkFolders = async (): Promise<void> => {
    for (let folder = folders.pop(); folder; folder = folders.pop()) {
      let names: string[];
      try {
        names = await fs.readdir(folder.real);
      } catch (error) {
        if (folder.relative === '') {
          throw new Error(`The folder "${root}" cannot be opened: ${describeFsError(error)}.`, { cause: error });
        }
        skip(folder.real, folder.relative, `folder ${describeFsError(error)}`);
        continue;
      }
      const entries = names
        .sort(compareNames)
        .filter((name) => !isIgnoredName(name))
        .map((name) => ({ entryPath: path.join(folder.real, name), relative: folder.relative ? `${folder.relative}/${name}` : name }));
      // A folder's entries are looked at side by side (each takes a few system calls), and
      // what was found is then taken in name order, so the listing is the same as one by one.
      const found = await mapLimited(entries, INSPECT_CONCURRENCY, ({ entryPath }) => inspectEntry(entryPath, rootReal, maxFileBytes));
      found.forEach((entry, i) => takeEntry(entry, entries[i]!.entryPath, entries[i]!.relative, folder.real));
    }
  };

  const takeEntry = (entry: Inspected, entryPath: string, relative: string, parentReal: string): void => {
    switch (entry.kind) {
      case 'skip':
        return skip(entryPath, relative, entry.reason);
      case 'linked-folder':
        links.push({ real: entry.real, relative, parentReal, linkPath: entryPath });
        return;
      case 'folder':
        // Only a link or a bind mount can bring the walk back to a folder it has seen.
        if (visited.has(entry.key)) return skip(entryPath, relative, REASON_FOLDER_SEEN);
        visited.add(entry.key);
        folders.push({ real: entry.real, relative });
        return;
      case 'file':
        files.push({ path: entry.real, relativePath: relative, size: entry.size });
    }
  };

  await walkFolders();
  // Linked folders go last, in order, so the real tree has claimed its folders first.
  links.sort((a, b) => compareRelativePaths(a.relative, b.relative));
  for (let link = links.shift(); link; link = links.shift()) {
    if (isInside(link.real, link.parentReal)) {
      skip(link.linkPath, link.relative, REASON_LINK_LOOP);
      continue;
    }
    try {
      const key = folderKey(await fs.stat(link.real, { bigint: true }), link.real);
      if (visited.has(key)) {
        skip(link.linkPath, link.relative, REASON_ALREADY_LISTED);
        continue;
      }
      visited.add(key);
    } catch (error) {
      skip(link.linkPath, link.relative, describeFsError(error));
      continue;
    }
    folders.push({ real: link.real, relative: link.relative });
    const before = links.length;
    await walkFolders();
    // Links found inside a linked folder wait their turn in the same order.
    if (links.length > before) links.sort((a, b) => compareRelativePaths(a.relative, b.relative));
  }

  files.sort((a, b) => compareRelativePaths(a.relativePath, b.relativePath));
  skipped.sort((a, b) => compareRelativePaths(a.relativePath, b.relativePath));
  return { files, skipped };
}

async function resolveRoot(root: string): Promise<string> {
  let rootReal: string;
  try {
    rootReal = await fs.realpath(path.resolve(root));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new Error(`The folder "${root}" does not exist.`, { cause: error });
    throw new Error(`The folder "${root}" cannot be opened: ${describeFsError(error)}.`, { cause: error });
  }
  const stats = await fs.stat(rootReal);
  if (!stats.isDirectory()) throw new Error(`"${root}" is not a folder.`);
  return rootReal;
}

async function resolveLink(linkPath: string, rootReal: string): Promise<{ real: string } | { reason: string }> {
  let real: string;
  try {
    real = await realpathEntry(linkPath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { reason: REASON_LINK_BROKEN };
    return { reason: describeFsError(error) };
  }
  return isInside(rootReal, real) ? { real } : { reason: REASON_LINK_OUTSIDE };
}
