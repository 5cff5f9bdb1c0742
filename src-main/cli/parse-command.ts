/**
 * `npm run parse -- <file-or-folder> [--json]`: parses letters and prints what was found,
 * as a table or as one JSON array.
 *
 * Exit codes: 0 when it ran (even if some files were not letters), 2 for a usage error
 * (no path, a path that does not exist, an unknown option), 1 for an unexpected failure.
 */
import fs from 'node:fs/promises';
import { parseLetterFile } from '../../src-shared/letters/parse-letter-file';
import { readPdfInNode } from '../pdf/node-pdf-reader';
import { formatSummary, formatTable, type FileResult } from './format-table';
import { PARSE_USAGE, parseCommandArgs } from './parse-args';
import { parseFiles, type NamedResult } from './parse-files';
import { councilKeyOf, type Letter } from '../../src-shared/letters/letter';
import { isSameLetter } from '../../src-shared/letters/same-letter';

/** Runs the command and gives the exit code. */
export async function runParseCommand(argv: readonly string[]): Promise<number> {
  const args = parseCommandArgs(argv);
  if (args.kind === 'help') {
    process.stdout.write(`${PARSE_USAGE}\n`);
    return 0;
  }
  if (args.kind === 'error') return usageError(args.message);
  try {
    await fs.stat(args.path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return usageError(code === 'ENOENT' || code === 'ENOTDIR' ? `"${args.path}" does not exist.` : `"${args.path}" cannot be opened (${code}).`);
  }

  const results = withSameLetters(await parseFiles(args.path, (bytes) => parseLetterFile(bytes, readPdfInNode)));
  if (args.json) {
    const rows: FileResult[] = results.map((r) => ('letter' in r ? { file: r.file, letter: r.letter, ...sameAs(r, 'file') } : { file: r.file, error: r.error }));
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  } else {
    const rows: FileResult[] = results.map((r) => ('letter' in r ? { file: r.shown, letter: r.letter, ...sameAs(r, 'shown') } : { file: r.shown, error: r.error }));
    process.stdout.write(`${formatTable(rows)}\n\n${formatSummary(rows)}\n`);
  }
  return 0;
}

type Found = NamedResult & { same?: NamedResult };

/** Each letter with the first earlier file that holds the same letter, if one does; only letters of one occasion are compared. */
function withSameLetters(results: NamedResult[]): Found[] {
  const byOccasion = new Map<string, (NamedResult & { letter: Letter })[]>();
  return results.map((result) => {
    if (!('letter' in result)) return result;
    const { kind, date, council } = result.letter;
    const occasion = `${kind} ${date} ${councilKeyOf(council)}`;
    const earlier = byOccasion.get(occasion) ?? [];
    const same = earlier.find((other) => isSameLetter(other.letter, result.letter));
    byOccasion.set(occasion, [...earlier, result]);
    return same ? { ...result, same } : result;
  });
}

/** `{ sameAs }` naming the earlier file the way this output names files, or nothing. */
function sameAs(result: Found, name: 'file' | 'shown'): { sameAs?: string } {
  return result.same ? { sameAs: result.same[name] } : {};
}

function usageError(message: string): number {
  process.stderr.write(`${message}\n\n${PARSE_USAGE}\n`);
  return 2;
}

// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

runParseCommand(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`parse failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
