/**
 * `npm run corpus -- --out <folder> [--letters N] [--seed S] [--format text|pdf|mixed]`:
 * writes a large corpus of letters made from the sample letters (see
 * src-main/corpus/build-corpus.ts), as text, as PDFs or half and half, then says what it
 * wrote: a summary for people, then one JSON line for machines.
 * Usage errors exit with 2, other failures with 1.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeCorpus, folderProblem, makeCorpusAs } from '../corpus/build-corpus';
import { CORPUS_USAGE, parseCorpusArgs } from '../corpus/corpus-args';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

async function main(): Promise<void> {
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
  const summary = await makeCorpusAs(repoRoot, folder, args.letters, args.seed, args.format, args.damaged);
  process.stdout.write(`${describeCorpus(summary, args.seed, (performance.now() - started) / 1000)}\n`);
  process.stdout.write(`${JSON.stringify({ ...summary, seed: args.seed, format: args.format, damaged: args.damaged })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`corpus failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
