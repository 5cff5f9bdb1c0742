/**
 * Where an import reads letter files from: a folder walked by the main process (through
 * the bridge), or files picked or dropped in the window. Each gives paths and bytes, nothing more.
 */
import { MAX_READ_BATCH, MAX_READ_BYTES, type ArchiveBridge } from '../../../src-shared/bridge';
import { errorInWords } from '../../../src-shared/error-words';
import type { ImportFailure, LetterSource } from './types';

import { DEFAULT_MAX_FILE_BYTES, isIgnoredName, tooLargeReason } from '../../../src-shared/letters/file-rules';

export const MAX_FILE_BYTES = DEFAULT_MAX_FILE_BYTES;
export const TOO_LARGE_REASON = tooLargeReason(MAX_FILE_BYTES);
export const SAME_PATH_REASON = 'another file with the same path was already listed';

function isIgnoredPath(relativePath: string): boolean {
  return relativePath.split('/').some(isIgnoredName);
}

/** An error in words a person reads. */
const describe = errorInWords;

function comparePaths(a: string, b: string): number {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Paths in batches the bridge accepts: at most MAX_READ_BATCH files and MAX_READ_BYTES of
 * listed size each (a larger file goes alone), in order.
 */
export function readBatches(relativePaths: readonly string[], sizeOf: (relativePath: string) => number): string[][] {
  const batches: string[][] = [];
  let batch: string[] = [];
  let bytes = 0;
  for (const path of relativePaths) {
    const size = sizeOf(path);
    if (batch.length > 0 && (batch.length >= MAX_READ_BATCH || bytes + size > MAX_READ_BYTES)) {
      batches.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(path);
    bytes += size;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

/** A folder on disk, listed and read by the main process through `window.archive`. */
/**
 * The files of a folder chosen in the app (or the sample folder), through the bridge. `keep`
 * leaves files out of the listing altogether: not read, and not named in the report.
 */
export function bridgeSource(bridge: ArchiveBridge, root: string, label: string = root, keep: (relativePath: string) => boolean = () => true): LetterSource {
  /** Listed sizes, to keep each read within the bridge's byte budget. */
  const sizes = new Map<string, number>();
  return {
    label,
    folder: root,
    async list() {
      const listing = await bridge.listFolder(root);
      for (const { relativePath, size } of listing.files) sizes.set(relativePath, size);
      return {
        files: listing.files.filter(({ relativePath }) => keep(relativePath)).map(({ relativePath, size }) => ({ relativePath, size })),
        skipped: listing.skipped.map(({ relativePath, reason }) => ({ file: relativePath, reason })),
      };
    },
    async read(relativePaths) {
      const out = [];
      for (const batch of readBatches(relativePaths, (p) => sizes.get(p) ?? 0)) out.push(...(await bridge.readFiles(root, batch)));
      return out;
    },
  };
}

interface NamedFile {
  relativePath: string;
  file: File;
}

/** A source over files already in hand; hidden and system files are left out, too-large ones reported. */
function namedFilesSource(named: NamedFile[], skippedBefore: ImportFailure[], label: string): LetterSource {
  const byPath = new Map<string, File>();
  const skipped = [...skippedBefore];
  for (const { relativePath, file } of [...named].sort((a, b) => comparePaths(a.relativePath, b.relativePath))) {
    if (isIgnoredPath(relativePath)) continue;
    if (byPath.has(relativePath)) skipped.push({ file: relativePath, reason: SAME_PATH_REASON });
    else if (file.size > MAX_FILE_BYTES) skipped.push({ file: relativePath, reason: TOO_LARGE_REASON });
    else byPath.set(relativePath, file);
  }
  return {
    label,
    async list() {
      return { files: [...byPath].map(([relativePath, file]) => ({ relativePath, size: file.size })), skipped };
    },
    async read(relativePaths) {
      return Promise.all(
        relativePaths.map(async (relativePath) => {
          const file = byPath.get(relativePath);
          if (!file) return { relativePath, error: 'was not among the files found when the import began; import the folder again to include it' };
          try {
            return { relativePath, bytes: new Uint8Array(await file.arrayBuffer()) };
          } catch (error) {
            return { relativePath, error: `cannot be read (${describe(error)})` };
          }
        }),
      );
    },
  };
}

/** Files from `<input type="file" multiple webkitdirectory>`: paths are relative to the chosen folder. */
export function fileListSource(files: File[], label: string): LetterSource {
  return namedFilesSource(
    files.map((file) => ({ relativePath: file.webkitRelativePath || file.name, file })),
    [],
    label,
  );
}

/**
 * The entries of a drop. Call it inside the `drop` event handler, before any `await`:
 * the browser empties the DataTransfer as soon as the handler returns.
 */
export function getAsEntries(dataTransfer: DataTransfer | DataTransferItemList): FileSystemEntry[] {
  const items = 'items' in dataTransfer ? dataTransfer.items : dataTransfer;
  const entries: FileSystemEntry[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item?.kind !== 'file') continue;
    const entry = item.webkitGetAsEntry();
    if (entry) entries.push(entry);
  }
  return entries;
}

function isDirectory(entry: FileSystemEntry): entry is FileSystemDirectoryEntry {
  return entry.isDirectory;
}

function isFile(entry: FileSystemEntry): entry is FileSystemFileEntry {
  return entry.isFile;
}

/** All of a folder's entries: a directory reader gives them a hundred or so at a time. */
async function readAllEntries(directory: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = directory.createReader();
  const all: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

function entryPath(entry: FileSystemEntry): string {
  return entry.fullPath.replace(/^\/+/, '') || entry.name;
}

async function walkEntry(entry: FileSystemEntry, found: NamedFile[], skipped: ImportFailure[]): Promise<void> {
  if (isIgnoredName(entry.name)) return;
  const relativePath = entryPath(entry);
  if (isFile(entry)) {
    try {
      const file = await new Promise<File>((resolve, reject) => entry.file(resolve, reject));
      found.push({ relativePath, file });
    } catch (error) {
      skipped.push({ file: relativePath, reason: `cannot be read (${describe(error)})` });
    }
  } else if (isDirectory(entry)) {
    let children: FileSystemEntry[];
    try {
      children = await readAllEntries(entry);
    } catch (error) {
      skipped.push({ file: relativePath, reason: `folder cannot be read (${describe(error)})` });
      return;
    }
    for (const child of children) await walkEntry(child, found, skipped);
  }
}

/**
 * Files and folders dropped on the window, walked recursively.
 *
 * The browser empties a DataTransfer once the `drop` handler returns, so the entries must
 * be taken synchronously inside the handler: pass `event.dataTransfer.items` directly (this
 * function reads them before its first `await`), or call `getAsEntries(event.dataTransfer)`
 * in the handler and pass the array if anything is awaited first.
 */
export async function droppedItemsSource(
  items: DataTransferItemList | FileSystemEntry[],
  label = 'Dropped files',
): Promise<LetterSource> {
  const entries = Array.isArray(items) ? items : getAsEntries(items);
  const found: NamedFile[] = [];
  const skipped: ImportFailure[] = [];
  for (const entry of entries) await walkEntry(entry, found, skipped);
  return namedFilesSource(found, skipped, label);
}
