/**
 * Reads and parses a letter file, or every file under a folder, for the command line.
 */
import { constants } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { ParseOutcome } from '../../src-shared/letters/letter';
import { DEFAULT_MAX_FILE_BYTES, REASON_NOT_REGULAR, compareRelativePaths, describeFsError, tooLargeReason, walkFolder } from '../folder/walk-folder';
import type { FileResult } from './format-table';

/** A result with both names for the file: `file` as given plus the relative path, `shown` for the table. */
export type NamedResult = FileResult & { shown: string };

export type ParseFn = (bytes: Uint8Array) => Promise<ParseOutcome>;

/**
 * Reads one file of at most `maxBytes`. Opens without blocking so a pipe that slipped in
 * cannot hang the read, and checks the opened file is a regular one.
 */
export async function readCappedFile(file: string, maxBytes = DEFAULT_MAX_FILE_BYTES): Promise<Uint8Array | { error: string }> {
  let handle: fs.FileHandle;
  try {
    // O_NONBLOCK does not exist on Windows, where opening a pipe by path does not block anyway.
    handle = await fs.open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return { error: describeFsError(error) };
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) return { error: REASON_NOT_REGULAR };
    if (stats.size > maxBytes) return { error: tooLargeReason(maxBytes) };
    const bytes = await handle.readFile();
    return bytes.length > maxBytes ? { error: tooLargeReason(maxBytes) } : bytes;
  } catch (error) {
    return { error: describeFsError(error) };
  } finally {
    await handle.close();
  }
}

async function parseOne(file: string, shown: string, readFrom: string, parse: ParseFn): Promise<NamedResult> {
  const bytes = await readCappedFile(readFrom);
  if ('error' in bytes) return { file, shown, error: bytes.error };
  try {
    const outcome = await parse(bytes);
    return outcome.ok ? { file, shown, letter: outcome.letter } : { file, shown, error: outcome.reason };
  } catch (error) {
    return { file, shown, error: `the parser failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/**
 * Parses `target`: a file, or every file under a folder (walked with walkFolder, whose
 * skipped entries come back as error results). Results are in the walker's order.
 */
export async function parseFiles(target: string, parse: ParseFn): Promise<NamedResult[]> {
  const stats = await fs.stat(target);
  if (!stats.isDirectory()) return [await parseOne(target, path.basename(target), target, parse)];

  const { files, skipped } = await walkFolder(target);
  const results: NamedResult[] = skipped.map((s) => ({ file: path.join(target, s.relativePath), shown: s.relativePath, error: s.reason }));
  for (const f of files) {
    results.push(await parseOne(path.join(target, f.relativePath), f.relativePath, f.path, parse));
  }
  return results.sort((a, b) => compareRelativePaths(a.shown, b.shown));
}
