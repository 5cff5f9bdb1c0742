/** Reads the command line of `npm run bench` (src-main/cli/bench-search.ts). */
import { readOptions, wholeNumber } from '../corpus/corpus-args';

export const BENCH_USAGE = `Usage: npm run bench -- [--letters N] [--corpus <folder>] [--seed S]
                         [--import-timeout-min M] [--keep-corpus] [--per-query]
                         [--incognito] [--renderer <folder>] [--cpu-profile <file>]
                         [--cpu-profile-pass P]
                         [--import-only] [--import-profile <folder>] [--import-trace <file>]

Builds the app, makes a corpus of N letters (default 10000) in a temporary folder (or
uses <folder>, made earlier with "npm run corpus"), imports it into the app in Chromium
through "Import folder…", then measures search. Prints one JSON object per line.

  --letters N              letters to make (ignored with --corpus)
  --corpus <folder>        import this folder instead of making one
  --seed S                 seed for the corpus (default 1)
  --import-timeout-min M   give up waiting for the import after M minutes (default 10);
                           the figures are then taken on the letters imported so far
  --keep-corpus            keep the corpus made in the temporary folder
  --per-query              also print one line per query
  --incognito              keep the archive in an off-the-record context (in memory, as
                           the end-to-end tests do) instead of a temporary profile on disk
  --renderer <folder>      serve this built renderer instead of out/renderer
  --cpu-profile <file>     write a CPU profile of the search worker while the queries are
                           typed (open it in Chrome's DevTools), and print where the time went;
                           build with LETTER_ARCHIVE_MINIFY=0 to keep function names
  --cpu-profile-pass P     the typed pass --cpu-profile takes: 1 (the default) is the one
                           after the import, 2 to 4 those after each reload
  --import-profile <folder> write CPU profiles of the page and of each worker over the
                           import (one .cpuprofile file each), and print where the time went
  --import-trace <file>    write a Chrome trace of the import (open it in DevTools'
                           Performance panel), and print each thread's time by kind of work
  --import-only            measure the import and the index catching up, then stop:
                           no typed queries, brute force or reloads
  -h, --help               print this help`;

export interface BenchOptions {
  letters: number;
  corpus: string | null;
  seed: number;
  importTimeoutMin: number;
  keepCorpus: boolean;
  perQuery: boolean;
  cpuProfile: string | null;
  /** The typed pass the CPU profile is taken over, from 1. */
  cpuProfilePass: number;
  renderer: string | null;
  incognito: boolean;
  importOnly: boolean;
  importProfile: string | null;
  importTrace: string | null;
}

export type BenchArgs = { kind: 'help' } | { kind: 'run'; options: BenchOptions } | { kind: 'error'; message: string };

export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const options: BenchOptions = { letters: 10_000, corpus: null, seed: 1, importTimeoutMin: 10, keepCorpus: false, perQuery: false, cpuProfile: null, cpuProfilePass: 1, renderer: null, incognito: false, importOnly: false, importProfile: null, importTrace: null };
  for (const option of readOptions(argv)) {
    const number = (min: number, max: number): number | { error: string } => wholeNumber(option.name ?? '', option.value(), min, max);
    switch (option.name) {
      case '-h':
      case '--help':
        return { kind: 'help' };
      case '--letters': {
        const n = number(1, 1_000_000);
        if (typeof n !== 'number') return { kind: 'error', message: n.error };
        options.letters = n;
        break;
      }
      case '--seed': {
        const n = number(0, 0xffffffff);
        if (typeof n !== 'number') return { kind: 'error', message: n.error };
        options.seed = n;
        break;
      }
      case '--cpu-profile-pass': {
        const n = number(1, 4);
        if (typeof n !== 'number') return { kind: 'error', message: n.error };
        options.cpuProfilePass = n;
        break;
      }
      case '--import-timeout-min': {
        const n = number(1, 24 * 60);
        if (typeof n !== 'number') return { kind: 'error', message: n.error };
        options.importTimeoutMin = n;
        break;
      }
      case '--corpus':
      case '--renderer':
      case '--cpu-profile':
      case '--import-profile':
      case '--import-trace': {
        const value = option.value();
        if (typeof value !== 'string') return { kind: 'error', message: value.error };
        if (value.trim() === '') return { kind: 'error', message: `${option.name} needs a ${option.name === '--cpu-profile' || option.name === '--import-trace' ? 'file' : 'folder'}.` };
        if (option.name === '--corpus') options.corpus = value;
        else if (option.name === '--renderer') options.renderer = value;
        else if (option.name === '--import-profile') options.importProfile = value;
        else if (option.name === '--import-trace') options.importTrace = value;
        else options.cpuProfile = value;
        break;
      }
      case '--keep-corpus':
        options.keepCorpus = true;
        break;
      case '--per-query':
        options.perQuery = true;
        break;
      case '--incognito':
        options.incognito = true;
        break;
      case '--import-only':
        options.importOnly = true;
        break;
      case null:
        return { kind: 'error', message: `Unexpected argument "${option.arg}".` };
      default:
        return { kind: 'error', message: `Unknown option "${option.arg}".` };
    }
  }
  return { kind: 'run', options };
}
