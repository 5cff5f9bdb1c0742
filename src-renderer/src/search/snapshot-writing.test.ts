// @vitest-environment node
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb, openFreshDbForTests, type LetterArchiveDb, type SearchIndexRow } from '../archive/db';
import { importLetters } from '../archive/repository';
import { memorySource, parseDirectly, sampleFiles } from '../archive/test-support/memory-source';
import { INDEX_VERSION, SNAPSHOT_KEY, SectionIndex } from './search-index';
import { SearchService } from './search-service';
import type { SnapshotFiles } from './snapshot-files';
import { putSnapshot, snapshotWriter, withBinary, writeRequested, type SnapshotWriteReply, type WriterWorker } from './snapshot-writing';

let dbCount = 0;
beforeEach(() => {
  openFreshDbForTests(`snapshot-writing-test-${++dbCount}`);
});

function rowOf(bytes: number[]): SearchIndexRow {
  return { key: SNAPSHOT_KEY, version: INDEX_VERSION, json: '{}', binary: new Uint8Array(bytes).buffer, letters: {}, savedAt: '2026-01-01T00:00:00.000Z' };
}

/**
 * A writer worker in this process: messages go both ways by structured clone with their
 * buffers transferred, as postMessage sends them, so the sender's buffer is detached.
 */
function inProcessWriter(db: LetterArchiveDb, fails?: 'stops' | 'garbles', files: SnapshotFiles | null = null): WriterWorker & { received: number; errorsHandled: number } {
  const onMessage: ((event: { data: SnapshotWriteReply }) => void)[] = [];
  const onError: ((event: { message?: string; preventDefault(): void }) => void)[] = [];
  const onMessageError: (() => void)[] = [];
  const worker = {
    received: 0,
    errorsHandled: 0,
    postMessage(message, transfer) {
      const request = structuredClone(message, { transfer });
      worker.received += 1;
      if (fails === 'stops') {
        const event = { message: 'its script could not be loaded', preventDefault: () => (worker.errorsHandled += 1) };
        setTimeout(() => onError.forEach((listener) => listener(event)), 0);
        return;
      }
      if (fails === 'garbles') {
        setTimeout(() => onMessageError.forEach((listener) => listener()), 0);
        return;
      }
      void writeRequested(db, request, files).then(({ reply, transfer: back }) => {
        const data = structuredClone(reply, { transfer: back });
        onMessage.forEach((listener) => listener({ data }));
      });
    },
    addEventListener(type: 'message' | 'error' | 'messageerror', listener: never) {
      (type === 'message' ? onMessage : type === 'error' ? onError : onMessageError).push(listener);
    },
    terminate: vi.fn(),
  } satisfies WriterWorker & { received: number; errorsHandled: number };
  return worker;
}

describe('snapshotWriter', () => {
  it('puts the row from the writer, handing its buffer over and getting it back', async () => {
    const db = getDb();
    const create = vi.fn(() => inProcessWriter(db));
    const write = snapshotWriter(db, create);
    const row = rowOf([1, 2, 3]);
    const sent = row.binary!;
    const written = await write(row);
    // Handed over, not copied: this thread's buffer was detached, and another came back.
    expect(sent.byteLength).toBe(0);
    expect([...new Uint8Array(written.binary!)]).toEqual([1, 2, 3]);
    expect(written.json).toBe(row.json);
    const stored = await db.searchIndex.get(SNAPSHOT_KEY);
    expect([...new Uint8Array(stored!.binary!)]).toEqual([1, 2, 3]);
    await write(rowOf([4]));
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('fails with the reason when the row cannot be put, and still gets the buffer back', async () => {
    const db = getDb();
    vi.spyOn(db.searchIndex, 'put').mockRejectedValueOnce(new Error('the disk is full'));
    const request = { id: 7, dbName: db.name, row: rowOf([9, 9]) };
    const { reply, transfer } = await writeRequested(db, request);
    expect(reply).toMatchObject({ id: 7, ok: false, message: 'the disk is full' });
    expect(transfer).toEqual([request.row.binary]);
    vi.spyOn(db.searchIndex, 'put').mockRejectedValueOnce(new Error('the disk is full'));
    await expect(snapshotWriter(db, () => inProcessWriter(db))(rowOf([1]))).rejects.toThrow('the disk is full');
  });

  it('fails the write under way when the writer stops, and puts later rows in this thread', async () => {
    const db = getDb();
    const worker = inProcessWriter(db, 'stops');
    const write = snapshotWriter(db, () => worker);
    await expect(write(rowOf([1]))).rejects.toThrow('the search index could not be saved: its writer stopped (its script could not be loaded)');
    expect(worker.terminate).toHaveBeenCalled();
    // Handled where it happened: not passed on to the search worker as its own failure.
    expect(worker.errorsHandled).toBe(1);
    const written = await write(rowOf([2, 2]));
    expect(worker.received).toBe(1);
    expect([...new Uint8Array(written.binary!)]).toEqual([2, 2]);
    expect([...new Uint8Array((await db.searchIndex.get(SNAPSHOT_KEY))!.binary!)]).toEqual([2, 2]);
  });

  it("fails the write under way when the writer's answer cannot be read, rather than waiting for ever", async () => {
    const db = getDb();
    const worker = inProcessWriter(db, 'garbles');
    const write = snapshotWriter(db, () => worker);
    await expect(write(rowOf([1]))).rejects.toThrow('its writer answered what could not be read');
    await write(rowOf([3]));
    expect(worker.received).toBe(1);
    expect([...new Uint8Array((await db.searchIndex.get(SNAPSHOT_KEY))!.binary!)]).toEqual([3]);
  });

  it('puts rows in this thread when no writer can be started', async () => {
    const db = getDb();
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const write = snapshotWriter(db, () => {
      throw new Error('workers are not allowed here');
    });
    await write(rowOf([5]));
    expect([...new Uint8Array((await db.searchIndex.get(SNAPSHOT_KEY))!.binary!)]).toEqual([5]);
    expect(error).toHaveBeenCalledTimes(1);
    error.mockRestore();
  });

  it('lets the search service go on from the buffer the writer gives back', async () => {
    await importLetters(memorySource(sampleFiles()), { parse: parseDirectly, sample: true });
    const db = getDb();
    const service = new SearchService(db, { writeSnapshot: snapshotWriter(db, () => inProcessWriter(db)) });
    const before = await service.search('fostering');
    const letterId = before.letters[0]!.letterId;
    await service.remove([letterId]);
    await service.flush();
    const after = await service.search('fostering');
    expect(after.totalLetters).toBe(before.totalLetters - 1);
    const saved = SectionIndex.fromSnapshot(await db.searchIndex.get(SNAPSHOT_KEY));
    expect(saved?.hasLetter(letterId)).toBe(false);
    expect(saved?.letterCount).toBe((await db.letters.count()) - 1);
  });
});

/** Snapshot files in memory: what the origin's private file system keeps, for Node. */
function memoryFiles(failWrites = false): SnapshotFiles & { kept: Map<string, Uint8Array>; reads: string[]; failWrites: boolean } {
  const kept = new Map<string, Uint8Array>();
  const reads: string[] = [];
  const read = async (name: string) => {
    reads.push(name);
    const bytes = kept.get(name);
    return bytes ? bytes.slice().buffer : null;
  };
  return {
    kept,
    reads,
    failWrites,
    async write(name, bytes) {
      // Part of the file is written before the disk fills.
      if (this.failWrites) {
        kept.set(name, new Uint8Array(bytes.slice(0, 1)));
        throw new Error('the disk is full');
      }
      kept.set(name, new Uint8Array(bytes.slice(0)));
    },
    read,
    async readOnly() {
      if (kept.size !== 1) return null;
      const [name] = kept.keys();
      const bytes = await read(name!);
      return bytes ? { name: name!, bytes } : null;
    },
    async removeAllBut(keep) {
      for (const name of [...kept.keys()]) if (name !== keep) kept.delete(name);
    },
  };
}

describe('snapshot files', () => {
  it("keeps the binary in a file the row names, and only the latest save's file", async () => {
    const db = getDb();
    const files = memoryFiles();
    await putSnapshot(db, rowOf([1, 2]), files);
    const written = await putSnapshot(db, rowOf([3, 4, 5]), files);
    expect([...new Uint8Array(written.binary!)]).toEqual([3, 4, 5]);
    const row = (await db.searchIndex.get(SNAPSHOT_KEY))!;
    expect(row.binary).toBeUndefined();
    expect(row.binaryFile).toEqual({ name: expect.stringMatching(/\.bin$/), bytes: 3 });
    expect([...files.kept.keys()]).toEqual([row.binaryFile!.name]);
    const read = await withBinary(row, files);
    expect([...new Uint8Array(read!.binary!)]).toEqual([3, 4, 5]);
    expect(read!.json).toBe(row.json);
  });

  it('keeps the binary in the row when its file cannot be written', async () => {
    const db = getDb();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const files = memoryFiles();
      await putSnapshot(db, rowOf([5, 6]), files);
      files.failWrites = true;
      await putSnapshot(db, rowOf([7, 8]), files);
      const row = (await db.searchIndex.get(SNAPSHOT_KEY))!;
      expect(row.binaryFile).toBeUndefined();
      expect([...new Uint8Array(row.binary!)]).toEqual([7, 8]);
      expect(await withBinary(row, null)).toBe(row);
      // Neither the last save's file nor the part of this one's is left to be read at the next start.
      expect(files.kept.size).toBe(0);
    } finally {
      warn.mockRestore();
    }
  });

  it('takes the file read before its row when it is the one the row names, and reads the named one when not', async () => {
    const db = getDb();
    const files = memoryFiles();
    await putSnapshot(db, rowOf([1, 2, 3]), files);
    const row = (await db.searchIndex.get(SNAPSHOT_KEY))!;
    const early = await files.readOnly();
    expect(early?.name).toBe(row.binaryFile!.name);
    files.reads.length = 0;
    expect([...new Uint8Array((await withBinary(row, files, early))!.binary!)]).toEqual([1, 2, 3]);
    expect(files.reads).toEqual([]);
    // A file left by a save the app did not finish: not the row's, so the row's own is read.
    const stray = { name: 'snapshot-stray.bin', bytes: new Uint8Array([9, 9, 9]).buffer };
    expect([...new Uint8Array((await withBinary(row, files, stray))!.binary!)]).toEqual([1, 2, 3]);
    expect(files.reads).toEqual([row.binaryFile!.name]);
  });

  it('gives no snapshot when its file is missing or not whole', async () => {
    const db = getDb();
    const files = memoryFiles();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      await putSnapshot(db, rowOf([1, 2, 3]), files);
      const row = (await db.searchIndex.get(SNAPSHOT_KEY))!;
      files.kept.set(row.binaryFile!.name, new Uint8Array([1, 2]));
      expect(await withBinary(row, files)).toBeUndefined();
      files.kept.clear();
      expect(await withBinary(row, files)).toBeUndefined();
      expect(await withBinary(row, null)).toBeUndefined();
    } finally {
      warn.mockRestore();
    }
  });

  it('lets the search service load its snapshot from the file, and rebuild when the file is gone', async () => {
    await importLetters(memorySource(sampleFiles()), { parse: parseDirectly, sample: true });
    const db = getDb();
    const files = memoryFiles();
    const first = new SearchService(db, { snapshotFiles: files, writeSnapshot: snapshotWriter(db, () => inProcessWriter(db, undefined, files), files) });
    const expected = await first.search('"looked after children"');
    await first.flush();
    expect((await db.searchIndex.get(SNAPSHOT_KEY))!.binaryFile).toBeDefined();
    files.reads.length = 0;
    const readOnly = vi.spyOn(files, 'readOnly');
    const second = new SearchService(db, { snapshotFiles: files });
    expect({ ...(await second.search('"looked after children"')), elapsedMs: 0 }).toEqual({ ...expected, elapsedMs: 0 });
    expect(second.loadedFrom).toBe('snapshot');
    // Read once, as the folder's one file, while its row was read.
    expect(readOnly).toHaveBeenCalledTimes(1);
    expect(files.reads).toEqual([(await db.searchIndex.get(SNAPSHOT_KEY))!.binaryFile!.name]);
    files.kept.clear();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const third = new SearchService(db, { snapshotFiles: files });
      expect({ ...(await third.search('"looked after children"')), elapsedMs: 0 }).toEqual({ ...expected, elapsedMs: 0 });
      expect(third.loadedFrom).toBe('rebuilt');
    } finally {
      warn.mockRestore();
    }
  });
});
