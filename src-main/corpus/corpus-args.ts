/**
 * Reads the command line of `npm run corpus`, and the option-reading helper the
 * benchmark's command line shares with it.
 */

export const CORPUS_USAGE = `Usage: npm run corpus -- --out <folder> [--letters N] [--seed S] [--format F] [--damaged]

Writes N letters (default 10000) made from the sample letters into <folder>, one
sub-folder per year. The folder must be new or empty. The same seed (default 1)
gives the same letters.

  --out <folder>  where to write the letters
  --letters N     how many letters, 1 to 1000000
  --seed S        a whole number, 0 to 4294967295
  --format F      text (the default): plain text files, as extracted from PDFs;
                  pdf: each letter laid out as a PDF, in varied type sizes, column
                  widths and page breaks; mixed: about half of each
  --damaged       damage each text letter as text extraction does: lost
                  apostrophes, capitals, CRLF, UTF-16, Windows-1252, hard
                  wrapping, page footers, stray bytes, one or more of them
  -h, --help      print this help`;

/** What the corpus's files hold: plain text, PDFs, or about half of each. */
export type CorpusFormat = 'text' | 'pdf' | 'mixed';
const FORMATS: readonly CorpusFormat[] = ['text', 'pdf', 'mixed'];

export type CorpusArgs =
  | { kind: 'help' }
  | { kind: 'run'; out: string; letters: number; seed: number; format: CorpusFormat; damaged: boolean }
  | { kind: 'error'; message: string };

/** One option's value: `--name value` or `--name=value`. */
export interface OptionReader {
  /** The option being read ("--letters"), or null at a bare argument. */
  name: string | null;
  /** Its value; an error when there is none. */
  value(): string | { error: string };
  arg: string;
}

/** Walks arguments, giving each `--name[=value]` option a way to take its value. */
export function* readOptions(argv: readonly string[]): Generator<OptionReader> {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('-') || arg === '-') {
      yield { name: null, arg, value: () => arg };
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg : arg.slice(0, eq);
    yield {
      name,
      arg,
      value: () => {
        if (eq !== -1) return arg.slice(eq + 1);
        const next = argv[i + 1];
        if (next === undefined || (next.startsWith('--') && next.length > 2)) return { error: `${name} needs a value.` };
        i++;
        return next;
      },
    };
  }
}

/** A whole number within [min, max], or an error message naming the option. */
export function wholeNumber(name: string, raw: string | { error: string }, min: number, max: number): number | { error: string } {
  if (typeof raw !== 'string') return raw;
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(n) || n < min || n > max) return { error: `${name} must be a whole number from ${min} to ${max}, not "${raw}".` };
  return n;
}

export function parseCorpusArgs(argv: readonly string[]): CorpusArgs {
  let out: string | null = null;
  let letters = 10_000;
  let seed = 1;
  let format: CorpusFormat = 'text';
  let damaged = false;
  for (const option of readOptions(argv)) {
    switch (option.name) {
      case '-h':
      case '--help':
        return { kind: 'help' };
      case '--out': {
        const value = option.value();
        if (typeof value !== 'string') return { kind: 'error', message: value.error };
        if (value.trim() === '') return { kind: 'error', message: '--out needs a folder.' };
        out = value;
        break;
      }
      case '--letters': {
        const n = wholeNumber('--letters', option.value(), 1, 1_000_000);
        if (typeof n !== 'number') return { kind: 'error', message: n.error };
        letters = n;
        break;
      }
      case '--seed': {
        const n = wholeNumber('--seed', option.value(), 0, 0xffffffff);
        if (typeof n !== 'number') return { kind: 'error', message: n.error };
        seed = n;
        break;
      }
      case '--format': {
        const value = option.value();
        if (typeof value !== 'string') return { kind: 'error', message: value.error };
        const known = FORMATS.find((f) => f === value);
        if (!known) return { kind: 'error', message: `--format must be text, pdf or mixed, not "${value}".` };
        format = known;
        break;
      }
      case '--damaged':
        if (option.arg !== '--damaged') return { kind: 'error', message: '--damaged takes no value.' };
        damaged = true;
        break;
      case null:
        return { kind: 'error', message: `Unexpected argument "${option.arg}".` };
      default:
        return { kind: 'error', message: `Unknown option "${option.arg}".` };
    }
  }
  if (out === null) return { kind: 'error', message: 'Say where to write the letters with --out <folder>.' };
  if (damaged && format === 'pdf') return { kind: 'error', message: '--damaged damages text letters; with --format pdf there are none.' };
  return { kind: 'run', out, letters, seed, format, damaged };
}
