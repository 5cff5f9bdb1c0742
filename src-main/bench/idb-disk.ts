/**
 * What an import cost Chromium's IndexedDB on disk, for `npm run bench`: the bytes its
 * LevelDB flushed from memory and the bytes its compactions wrote again, read from LevelDB's
 * own log, and the bytes the store and its blob files take when the import ends.
 *
 * LevelDB sorts by key, and a letter's key is a hash: each compaction of new letters
 * rewrites older ones around them. Large values (the 1 MB text packs) are kept as blob
 * files instead, out of LevelDB. The ratio of bytes compacted to bytes flushed says
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
    // LevelDB deletes tables as it compacts: one listed may be gone when asked for its size.
    total += entry.isDirectory() ? bytesUnder(full) : (statSync(full, { throwIfNoEntry: false })?.size ?? 0);
  }
  return total;
}

/** LevelDB's logs, by store: the one it writes now (LOG) and the one it set aside when last opened (LOG.old). */
export function levelDbLogs(profile: string): Map<string, { log: string; old: string }> {
  const logs = new Map<string, { log: string; old: string }>();
  const read = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : '');
  for (const folder of idbFolders(profile).levelDb) logs.set(folder, { log: read(path.join(folder, 'LOG')), old: read(path.join(folder, 'LOG.old')) });
  return logs;
}

/** What the logs gained since `before`: a log opened since is read whole, and the one set aside from where `before` read it. */
function writtenSince(now: { log: string; old: string }, before: string): string {
  if (now.log.startsWith(before)) return now.log.slice(before.length);
  return (now.old.startsWith(before) ? now.old.slice(before.length) : '') + now.log;
}

/** Waits until LevelDB's logs stop growing (it compacts for a while after the last write), for at most `limitMs`. */
export async function levelDbSettled(profile: string, quietMs = 2000, limitMs = 30_000): Promise<void> {
  const seen = () => JSON.stringify([...levelDbLogs(profile).values()].map((l) => l.log.length + l.old.length));
  const until = Date.now() + limitMs;
  let last = seen();
  while (Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, quietMs));
    const now = seen();
    if (now === last) return;
    last = now;
  }
}

/** The bench's line for the IndexedDB disk work between two readings of the logs. */
export function idbDiskLine(profile: string, before: Map<string, { log: string; old: string }>): BenchLine {
  const written = [...levelDbLogs(profile)].map(([folder, now]) => writtenSince(now, before.get(folder)?.log ?? ''));
  const writes = levelDbWrites(written.join('\n'));
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
    note: "from LevelDB's log, from the import's start until the log was quiet after it (the first searches and the snapshot's save included): bytes flushed from memory, and bytes its compactions wrote again; then the sizes on disk of the LevelDB store and of the blob files (where large values, such as text packs, are kept)",
  };
}
