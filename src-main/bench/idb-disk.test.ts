import { appendFileSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { idbDiskLine, levelDbLogs, levelDbWrites } from './idb-disk';

// Lines as LevelDB writes them, among others it writes that say nothing of bytes.
const LOG = [
  '2026/12/07-08:39:40.101 1f9b Recovering log #3',
  '2026/12/07-08:39:41.200 1f9d Level-0 table #412: started',
  '2026/12/07-08:39:41.260 1f9d Level-0 table #412: 3044591 bytes OK',
  '2026/12/07-08:39:43.987 1f9b Compacted 1@0 + 6@1 files => 10648468 bytes',
  '2026/12/07-08:39:43.987 1f9b compacted to: files[ 0 7 51 4 0 0 0 ]',
  '2026/12/07-08:39:44.656 1f9b Moved #593 to level-3 2124644 bytes OK: files[ 0 5 51 5 0 0 0 ]',
  '2026/12/07-08:39:45.001 1f9d Level-0 table #415: 1000 bytes OK',
  '',
].join('\n');

/** A log from before the import: its counts must not be taken as the import's. */
const EARLIER = [
  '2026/12/07-08:00:00.000 1 Level-0 table #5: 999999 bytes OK',
  '2026/12/07-08:00:01.000 1 Compacted 2@0 + 1@1 files => 7777777 bytes',
  '',
].join('\n');

describe('levelDbWrites', () => {
  it('adds up the bytes flushed and compacted, and not the files moved down a level, which are not written again', () => {
    expect(levelDbWrites(LOG)).toEqual({ flushedBytes: 3_045_591, flushes: 2, compactedBytes: 10_648_468, compactions: 1 });
    expect(levelDbWrites('')).toEqual({ flushedBytes: 0, flushes: 0, compactedBytes: 0, compactions: 0 });
  });
});

describe('idbDiskLine', () => {
  let profile = '';
  afterEach(() => rmSync(profile, { recursive: true, force: true }));

  const store = () => {
    profile = mkdtempSync(path.join(os.tmpdir(), 'idb-disk-'));
    const folder = path.join(profile, 'Default', 'IndexedDB', 'app_0.indexeddb.leveldb');
    mkdirSync(folder, { recursive: true });
    return folder;
  };

  it('counts what the log gained since the first reading, and the sizes of the store and its blobs', () => {
    const folder = store();
    const blobs = path.join(profile, 'Default', 'IndexedDB', 'app_0.indexeddb.blob', '1', '00');
    mkdirSync(blobs, { recursive: true });
    writeFileSync(path.join(folder, 'LOG'), EARLIER);
    const before = levelDbLogs(profile);
    appendFileSync(path.join(folder, 'LOG'), LOG);
    writeFileSync(path.join(folder, '000412.ldb'), Buffer.alloc(2 * 1024 * 1024));
    writeFileSync(path.join(blobs, '1'), Buffer.alloc(1024 * 1024));
    expect(idbDiskLine(profile, before)).toMatchObject({
      metric: 'import_idb_disk',
      value: 10.2,
      flushedMB: 2.9,
      flushes: 2,
      compactions: 1,
      compactedPerFlushed: 3.5,
      levelDbMB: 2,
      blobFilesMB: 1,
    });
  });

  it('counts the rest of a log set aside when LevelDB opened again, and the new log whole', () => {
    const folder = store();
    writeFileSync(path.join(folder, 'LOG'), EARLIER);
    const before = levelDbLogs(profile);
    appendFileSync(path.join(folder, 'LOG'), '2026/12/07-08:10:00.000 1 Level-0 table #9: 2000 bytes OK\n');
    renameSync(path.join(folder, 'LOG'), path.join(folder, 'LOG.old'));
    writeFileSync(path.join(folder, 'LOG'), LOG);
    expect(idbDiskLine(profile, before)).toMatchObject({ flushes: 3, compactions: 1, value: 10.2 });
  });

  it('says nothing of a profile with no store', () => {
    profile = mkdtempSync(path.join(os.tmpdir(), 'idb-disk-'));
    expect(idbDiskLine(profile, new Map())).toMatchObject({ value: 0, flushes: 0, compactedPerFlushed: null, levelDbMB: 0, blobFilesMB: 0 });
  });
});
