/**
 * `npm run corpus -- --out <folder> [--letters N] [--seed S]`: writes a large corpus of
 * letters made from the sample letters (see src-main/corpus/build-corpus.ts), then says
 * what it wrote: a summary for people, then one JSON line for machines.
 * Usage errors exit with 2, other failures with 1.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeCorpus, folderProblem, makeCorpus } from '../corpus/build-corpus';
import { CORPUS_USAGE, parseCorpusArgs } from '../corpus/corpus-args';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

function main(): void {
  const args = parseCorpusArgs(process.argv.slice(2));
  if (args.kind === 'help') {
    process.stdout.write(`${CORPUS_USAGE}\n`);
    return;
  }
  if (args.kind === 'error') {
    process.stderr.write(`${args.message}\n\n${CORPUS_USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  const folder = path.resolve(args.out);
  const problem = folderProblem(folder);
  if (problem) {
    process.stderr.write(`${problem}\n`);
    process.exitCode = 2;
    return;
  }
  const started = performance.now();
  const summary = makeCorpus(repoRoot, folder, args.letters, args.seed);
  process.stdout.write(`${describeCorpus(summary, args.seed, (performance.now() - started) / 1000)}\n`);
  process.stdout.write(`${JSON.stringify({ ...summary, seed: args.seed })}\n`);
}

try {
  main();
} catch (error) {
  process.stderr.write(`corpus failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
