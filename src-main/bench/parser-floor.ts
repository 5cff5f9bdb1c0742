/**
 * The floor an import is compared with: how many letters a second the parser itself reads
 * of a corpus folder in Node, decoding included, with nothing else to do. Files are read
 * into memory first, so the disk is not timed.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseLetterFile } from '../../src-shared/letters/parse-letter-file';
import { median } from '../../src-shared/stats';
import { readPdfInNode } from '../pdf/node-pdf-reader';

export interface ParserFloor {
  letters: number;
  lettersPerSecond: number;
  runs: number[];
}

function filesUnder(folder: string, limit: number, found: string[] = []): string[] {
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (found.length >= limit) break;
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) filesUnder(full, limit, found);
    else if (entry.isFile() && !entry.name.startsWith('.')) found.push(full);
  }
  return found;
}

/** Parses up to `limit` of the folder's files `runs` times; the median run's letters a second. */
export async function measureParserFloor(folder: string, limit = 2000, runs = 3): Promise<ParserFloor> {
  const files = filesUnder(folder, limit).map((file) => new Uint8Array(readFileSync(file)));
  const perSecond: number[] = [];
  for (let run = 0; run <= runs; run++) {
    const started = performance.now();
    let letters = 0;
    for (const bytes of files) if ((await parseLetterFile(bytes, readPdfInNode)).ok) letters++;
    // The first pass warms the code up and is not counted.
    if (run > 0) perSecond.push(letters / ((performance.now() - started) / 1000));
  }
  return { letters: files.length, lettersPerSecond: median(perSecond), runs: perSecond };
}
