/**
 * Writing the search index's snapshot from a worker of its own. Putting a row of a hundred
 * megabytes or more into IndexedDB holds the thread that puts it for seconds: the row is
 * cloned before put() returns (3.1 s of a 3.7 s write at 10,000 letters). The search worker
 * hands the row's buffer to the snapshot writer instead (a transfer, not a copy) and goes on
 * answering searches; the buffer comes back once the row is written.
 */
import { errorInWords } from '../../../src-shared/error-words';
import type { LetterArchiveDb, SearchIndexRow } from '../archive/db';
import type { SnapshotFiles } from './snapshot-files';

export interface SnapshotWriteRequest {
  id: number;
  /** The archive's database, by name. */
  dbName: string;
  row: SearchIndexRow;
}

/** The row's buffer, given back whether or not the write succeeded. */
export type SnapshotWriteReply = { id: number; binary: ArrayBuffer | undefined } & ({ ok: true } | { ok: false; message: string });

/**
 * Puts a snapshot row into the archive from this thread, and gives it back. With `files`, the
 * binary goes into a file of its own first and the row names it (snapshot-files.ts); should
 * the file not be written, the binary stays in the row. Earlier saves' files are removed once
 * the row names the new one, so the row always names a whole file.
 */
export async function putSnapshot(db: LetterArchiveDb, row: SearchIndexRow, files: SnapshotFiles | null = null): Promise<SearchIndexRow> {
  const { binary, ...header } = row;
  if (!files || !binary) {
    await db.searchIndex.put(row);
    return row;
  }
  const name = `snapshot-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}.bin`;
  try {
    await files.write(name, binary);
  } catch (error) {
    console.warn('The search index could not be kept in a file; it is kept in the archive instead', error);
    await db.searchIndex.put(row);
    // No file is the row's now: one left (the last save's, or part of this one's) would only be read for nothing at the next start.
    await files.removeAllBut('').catch((removeError: unknown) => console.warn('Old search index files could not be removed', removeError));
    return row;
  }
  await db.searchIndex.put({ ...header, binaryFile: { name, bytes: binary.byteLength } });
  await files.removeAllBut(name).catch((error: unknown) => console.warn('Old search index files could not be removed', error));
  return row;
}

/**
 * The snapshot row with its binary, read from its file when the row names one; undefined
 * when that file is missing or not whole (the index is then built again from the letters).
 * `early` is a file read before the row was (readOnly): its bytes serve if it is the file named.
 */
export async function withBinary(
  row: SearchIndexRow | undefined,
  files: SnapshotFiles | null,
  early: { name: string; bytes: ArrayBuffer } | null = null,
): Promise<SearchIndexRow | undefined> {
  if (!row?.binaryFile || row.binary) return row;
  const { name, bytes } = row.binaryFile;
  const binary = early?.name === name ? early.bytes : files ? await files.read(name).catch(() => null) : null;
  if (binary?.byteLength !== bytes) {
    console.warn(`The search index's file ${name} is ${binary ? 'not whole' : 'missing'}: the index is built again`);
    return undefined;
  }
  return { ...row, binary };
}

/** The writer's side: puts the row, and answers with its buffer to hand back. */
export async function writeRequested(db: LetterArchiveDb, { id, row }: SnapshotWriteRequest, files: SnapshotFiles | null = null): Promise<{ reply: SnapshotWriteReply; transfer: ArrayBuffer[] }> {
  const transfer = row.binary ? [row.binary] : [];
  try {
    await putSnapshot(db, row, files);
    return { reply: { id, ok: true, binary: row.binary }, transfer };
  } catch (error) {
    return { reply: { id, ok: false, message: errorInWords(error), binary: row.binary }, transfer };
  }
}

/** What `snapshotWriter` needs of a Worker. */
export interface WriterWorker {
  postMessage(message: SnapshotWriteRequest, transfer: ArrayBuffer[]): void;
  addEventListener(type: 'message', listener: (event: { data: SnapshotWriteReply }) => void): void;
  addEventListener(type: 'error', listener: (event: { message?: string; preventDefault(): void }) => void): void;
  addEventListener(type: 'messageerror', listener: () => void): void;
  terminate(): void;
}

/**
 * A `writeSnapshot` for the search service that puts rows from the worker `create` makes (on
 * the first write). Should the worker fail to start or stop, the write under way fails (its
 * buffer went with it; the index itself is untouched) and later rows are put in this thread.
 */
export function snapshotWriter(db: LetterArchiveDb, create: () => WriterWorker, files: SnapshotFiles | null = null): (row: SearchIndexRow) => Promise<SearchIndexRow> {
  let worker: WriterWorker | null = null;
  let broken = false;
  let nextId = 0;
  const pending = new Map<number, { row: SearchIndexRow; resolve(row: SearchIndexRow): void; reject(error: Error): void }>();

  const stop = (reason: string) => {
    broken = true;
    worker?.terminate();
    worker = null;
    for (const { reject } of pending.values()) reject(new Error(`the search index could not be saved: ${reason}`));
    pending.clear();
  };

  const start = (): WriterWorker => {
    const started = create();
    started.addEventListener('message', ({ data }) => {
      const waiting = pending.get(data.id);
      if (!waiting) return;
      pending.delete(data.id);
      const written: SearchIndexRow = { ...waiting.row, binary: data.binary };
      if (data.ok) waiting.resolve(written);
      else waiting.reject(new Error(data.message));
    });
    started.addEventListener('error', (event) => {
      // Handled here: not passed on to the search worker, whose own failure would restart the index.
      event.preventDefault();
      stop(`its writer stopped (${event.message || 'no reason given'})`);
    });
    // A reply that cannot be read never settles its write: it is as good as a writer stopped.
    started.addEventListener('messageerror', () => stop('its writer answered what could not be read'));
    return started;
  };

  return (row) => {
    if (!broken) {
      try {
        worker ??= start();
      } catch (error) {
        broken = true;
        console.error('The snapshot writer could not start; the search worker writes snapshots itself', error);
      }
    }
    if (broken || !worker) return putSnapshot(db, row, files);
    const id = nextId++;
    const written = new Promise<SearchIndexRow>((resolve, reject) => pending.set(id, { row, resolve, reject }));
    worker.postMessage({ id, dbName: db.name, row }, row.binary ? [row.binary] : []);
    return written;
  };
}
