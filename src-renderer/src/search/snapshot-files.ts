/**
 * The search index snapshot's binary kept as a file in the origin's private file system, its
 * row in IndexedDB naming the file. Read and written through sync access handles, which only
 * workers have. On this 2-core machine, 177 MB (a 10,000-letter index) read from such a file in
 * about 0.5 s where IndexedDB took 1.1 s, and was written in 0.45-0.75 s where IndexedDB took 1.15 s.
 */

export interface SnapshotFiles {
  write(name: string, bytes: ArrayBuffer): Promise<void>;
  /** The file's bytes; null when there is no such file, or it cannot be read whole. */
  read(name: string): Promise<ArrayBuffer | null>;
  /**
   * The one file there is (a save removes those before it), with its name: read before the row
   * that names it, while IndexedDB finds that row. Null when there is none, or more than one.
   */
  readOnly(): Promise<{ name: string; bytes: ArrayBuffer } | null>;
  /** Removes every snapshot file but `keep`: those of earlier saves. */
  removeAllBut(keep: string): Promise<void>;
}

/** The little of the file system access API used here (the WebWorker lib is not loaded). */
interface SyncAccessHandle {
  getSize(): number;
  read(buffer: Uint8Array, options: { at: number }): number;
  write(buffer: Uint8Array, options: { at: number }): number;
  truncate(size: number): void;
  flush(): void;
  close(): void;
}

interface FileHandle {
  createSyncAccessHandle?(): Promise<SyncAccessHandle>;
}

interface DirectoryHandle {
  getDirectoryHandle(name: string, options: { create: boolean }): Promise<DirectoryHandle>;
  getFileHandle(name: string, options: { create: boolean }): Promise<FileHandle>;
  removeEntry(name: string): Promise<void>;
  keys(): AsyncIterable<string>;
}

/** The folder the snapshot files are kept in. */
const FOLDER = 'search-index';

/**
 * The origin's private file system, where this thread can use it (a worker of a browser that
 * has it); null elsewhere, and the binary then stays in the snapshot's row.
 */
export function originPrivateFiles(): SnapshotFiles | null {
  const storage = (globalThis as { navigator?: { storage?: { getDirectory?: () => Promise<unknown> } } }).navigator?.storage;
  const getDirectory = storage?.getDirectory?.bind(storage);
  if (typeof getDirectory !== 'function' || typeof (globalThis as { document?: unknown }).document !== 'undefined') return null;
  const folder = async () => ((await getDirectory()) as DirectoryHandle).getDirectoryHandle(FOLDER, { create: true });
  const open = async (name: string, create: boolean): Promise<SyncAccessHandle> => {
    const handle = await (await folder()).getFileHandle(name, { create });
    if (!handle.createSyncAccessHandle) throw new Error('files cannot be read and written here');
    return handle.createSyncAccessHandle();
  };
  /** The files' names, listed whole before any is read or removed. */
  const namesIn = async (dir: DirectoryHandle): Promise<string[]> => {
    const names: string[] = [];
    for await (const name of dir.keys()) names.push(name);
    return names;
  };
  const readFile = async (name: string): Promise<ArrayBuffer | null> => {
    let access: SyncAccessHandle;
    try {
      access = await open(name, false);
    } catch {
      return null;
    }
    try {
      const size = access.getSize();
      const buffer = new ArrayBuffer(size);
      const view = new Uint8Array(buffer);
      for (let at = 0; at < size; ) {
        const read = access.read(view.subarray(at), { at });
        if (read <= 0) return null;
        at += read;
      }
      return buffer;
    } finally {
      access.close();
    }
  };
  return {
    async write(name, bytes) {
      const access = await open(name, true);
      try {
        access.truncate(0);
        const data = new Uint8Array(bytes);
        for (let at = 0; at < data.length; ) {
          const written = access.write(data.subarray(at), { at });
          if (written <= 0) throw new Error('the disk took no more of the file');
          at += written;
        }
        access.flush();
      } finally {
        access.close();
      }
    },
    read: readFile,
    async readOnly() {
      const names = await namesIn(await folder());
      if (names.length !== 1) return null;
      const bytes = await readFile(names[0]!);
      return bytes ? { name: names[0]!, bytes } : null;
    },
    async removeAllBut(keep) {
      const dir = await folder();
      const names = (await namesIn(dir)).filter((name) => name !== keep);
      for (const name of names) await dir.removeEntry(name).catch((error: unknown) => console.warn(`An old search index file could not be removed: ${name}`, error));
    },
  };
}
