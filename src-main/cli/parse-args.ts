/**
 * Reads the command line of `npm run parse`.
 */

export const PARSE_USAGE = `Usage: npm run parse -- <file-or-folder> [--json]

Parses one letter file, or every file under a folder, and prints what it found.

  <file-or-folder>  a letter file, or a folder to read recursively
  --json            print one JSON array ({ file, letter } or { file, error } per file)
  -h, --help        print this help`;

/** What the command was asked to do. */
export type ParseCommandArgs =
  | { kind: 'help' }
  | { kind: 'run'; path: string; json: boolean }
  | { kind: 'error'; message: string };

/**
 * Interprets the arguments after the script name. `--` ends the options, so a file
 * whose name starts with "-" can still be given.
 */
export function parseCommandArgs(argv: readonly string[]): ParseCommandArgs {
  const paths: string[] = [];
  let json = false;
  let optionsEnded = false;
  for (const arg of argv) {
    if (optionsEnded || !arg.startsWith('-') || arg === '-') {
      paths.push(arg);
    } else if (arg === '--') {
      optionsEnded = true;
    } else if (arg === '--json') {
      json = true;
    } else if (arg === '--help' || arg === '-h') {
      return { kind: 'help' };
    } else {
      return { kind: 'error', message: `Unknown option "${arg}".` };
    }
  }
  if (paths.length === 0) return { kind: 'error', message: 'Give a letter file or a folder of letters.' };
  if (paths.length > 1) return { kind: 'error', message: `Give one file or folder, not ${paths.length}.` };
  const [path] = paths as [string];
  if (path === '') return { kind: 'error', message: 'The path is empty.' };
  return { kind: 'run', path, json };
}
