/**
 * What an import cost Chromium's IndexedDB on disk, for `npm run bench`: the bytes its
 * LevelDB flushed from memory and the bytes its compactions wrote again, read from LevelDB's
 * own log, and the bytes the store and its blob files take when the import ends.
 *
 * LevelDB sorts by key, and a letter's key is a hash: each compaction of new letters
 * rewrites older ones around them. Values over about 64 KB (the text packs) are kept as
 * blob files instead, out of LevelDB. The ratio of bytes compacted to bytes flushed says
 * how much of the import's disk work that sorting costs.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { BenchLine } from './import-figures';
import { round } from '../../src-shared/stats';

export interface LevelDbWrites {
  /** Bytes of the tables written from memory (level 0). */
  flushedBytes: number;
  flushes: number;
  /** Bytes the compactions wrote. */
  compactedBytes: number;
  compactions: number;
}

/** The writes a LevelDB log records ("Level-0 table #12: 3044591 bytes OK", "Compacted 1@0 + 6@1 files => 10648468 bytes"). */
export function levelDbWrites(log: string): LevelDbWrites {
  const writes: LevelDbWrites = { flushedBytes: 0, flushes: 0, compactedBytes: 0, compactions: 0 };
  for (const line of log.split('\n')) {
    const flushed = /Level-0 table #\d+: (\d+) bytes OK/.exec(line);
    if (flushed) {
      writes.flushedBytes += Number(flushed[1]);
      writes.flushes++;
      continue;
    }
    const compacted = /Compacted .* => (\d+) bytes/.exec(line);
    if (compacted) {
      writes.compactedBytes += Number(compacted[1]);
      writes.compactions++;
    }
  }
  return writes;
}

/** The IndexedDB folders of a Chromium profile: its LevelDB stores and its blob folders. */
function idbFolders(profile: string): { levelDb: string[]; blobs: string[] } {
  const root = path.join(profile, 'Default', 'IndexedDB');
  if (!existsSync(root)) return { levelDb: [], blobs: [] };
  const names = readdirSync(root);
  return {
    levelDb: names.filter((n) => n.endsWith('.leveldb')).map((n) => path.join(root, n)),
    blobs: names.filter((n) => n.endsWith('.blob')).map((n) => path.join(root, n)),
  };
}

function bytesUnder(folder: string): number {
  let total = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    total += entry.isDirectory() ? bytesUnder(full) : statSync(full).size;
  }
  return total;
}

/** The LevelDB logs' text now: read once before an import and once after, the difference is the import's. */
export function levelDbLogs(profile: string): Map<string, string> {
  const logs = new Map<string, string>();
  for (const folder of idbFolders(profile).levelDb) {
    const file = path.join(folder, 'LOG');
    if (existsSync(file)) logs.set(file, readFileSync(file, 'utf8'));
  }
  return logs;
}

/** The bench's line for the IndexedDB disk work between two readings of the logs. */
export function idbDiskLine(profile: string, before: Map<string, string>): BenchLine {
  const after = levelDbLogs(profile);
  const writes: LevelDbWrites = { flushedBytes: 0, flushes: 0, compactedBytes: 0, compactions: 0 };
  for (const [file, text] of after) {
    const earlier = before.get(file) ?? '';
    // A log that was started again (LevelDB reopened) is read whole.
    const added = levelDbWrites(text.startsWith(earlier) ? text.slice(earlier.length) : text);
    writes.flushedBytes += added.flushedBytes;
    writes.flushes += added.flushes;
    writes.compactedBytes += added.compactedBytes;
    writes.compactions += added.compactions;
  }
  const { levelDb, blobs } = idbFolders(profile);
  const MB = 1024 * 1024;
  return {
    metric: 'import_idb_disk',
    value: round(writes.compactedBytes / MB, 1),
    unit: 'MB compacted',
    flushedMB: round(writes.flushedBytes / MB, 1),
    flushes: writes.flushes,
    compactions: writes.compactions,
    compactedPerFlushed: writes.flushedBytes ? round(writes.compactedBytes / writes.flushedBytes, 2) : null,
    levelDbMB: round(levelDb.reduce((sum, folder) => sum + bytesUnder(folder), 0) / MB, 1),
    blobFilesMB: round(blobs.reduce((sum, folder) => sum + bytesUnder(folder), 0) / MB, 1),
    note: "from LevelDB's log over the import: bytes flushed from memory, and bytes its compactions wrote again; then the sizes on disk of the LevelDB store and of the blob files (values over about 64 KB, such as text packs)",
  };
}
