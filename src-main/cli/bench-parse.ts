/**
 * `npm run bench:parse [-- --mb N] [--pdf N]`: how fast the parser reads a large corpus.
 *
 * Builds N MB (default 50) of letters in memory from the sample letters, each with another
 * council, date and grades, encodes them as UTF-8 up front, warms up, then times three
 * full passes. Then 500 letters (--pdf N; 0 for none) of the corpus `npm run corpus` makes,
 * laid out as PDFs, the same way. Prints a summary for people, then JSON lines for machines.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ParseOutcome } from '../../src-shared/letters/letter';
import { parseLetter } from '../../src-shared/letters/parse-letter';
import { median } from '../../src-shared/stats';
import { benchPdfParse, describePdfBench, pdfBenchLetters } from '../bench/pdf-parse-bench';
import { loadSampleTexts } from '../corpus/build-corpus';
import { readOptions } from '../corpus/corpus-args';
import { detectSampleKind, findCouncilName, pickVariation, seededRandom, varyLetter, type CouncilName } from '../corpus/vary-letter';

const MB = 1024 * 1024;
const RUNS = 3;
const WARM_UP_BYTES = 2 * MB;
const USAGE = `Usage: npm run bench:parse [-- --mb N] [--pdf N]
  --mb N    megabytes of text letters, default 50
  --pdf N   how many PDF letters to read, default 500 (0: none)`;


interface CorpusLetter {
  bytes: Uint8Array;
  expected: { council: string; date: string; grade: number };
}

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

function parseArgs(argv: readonly string[]): { mb: number; pdf: number } {
  const args = { mb: 50, pdf: 500 };
  for (const option of readOptions(argv)) {
    if (option.name === '--help' || option.name === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    }
    const value = option.name === '--mb' || option.name === '--pdf' ? option.value() : { error: `Unknown option "${option.arg}".` };
    const n = typeof value === 'string' ? Number(value) : Number.NaN;
    const problem =
      typeof value !== 'string'
        ? value.error
        : option.name === '--mb' && !(n > 0)
          ? 'The size must be a positive number.'
          : option.name === '--pdf' && !(Number.isInteger(n) && n >= 0)
            ? 'The number of PDF letters must be a whole number, 0 or more.'
            : null;
    if (problem) {
      process.stderr.write(`${problem}\n${USAGE}\n`);
      process.exit(2);
    }
    if (option.name === '--mb') args.mb = n;
    else args.pdf = n;
  }
  return args;
}

function loadCouncils(): CouncilName[] {
  // The reference data ships with the app, so it is always there.
  return JSON.parse(readFileSync(path.join(repoRoot, 'resources', 'councils', 'councils.json'), 'utf8')) as CouncilName[];
}

function buildCorpus(targetBytes: number, samples: string[], councils: CouncilName[]): CorpusLetter[] {
  const random = seededRandom(20_070_926);
  const encoder = new TextEncoder();
  const prepared = samples.map((text) => ({ text, kind: detectSampleKind(text), from: findCouncilName(text) ?? undefined }));
  const corpus: CorpusLetter[] = [];
  let total = 0;
  for (let i = 0; total < targetBytes; i++) {
    const sample = prepared[i % prepared.length] as (typeof prepared)[number];
    const v = pickVariation(random, sample.kind, councils);
    const bytes = encoder.encode(varyLetter(sample.text, v, sample.from));
    const date = `${v.date.year}-${String(v.date.month).padStart(2, '0')}-${String(v.date.day).padStart(2, '0')}`;
    corpus.push({ bytes, expected: { council: v.council.displayName, date, grade: v.grades[0] ?? 0 } });
    total += bytes.length;
  }
  return corpus;
}

const peak = { rss: 0, heapUsed: 0 };
function sampleMemory(): void {
  const m = process.memoryUsage();
  peak.rss = Math.max(peak.rss, m.rss);
  peak.heapUsed = Math.max(peak.heapUsed, m.heapUsed);
}

interface RunTally {
  ok: number;
  failed: number;
  /** Parsed, but the council, date or overall grade is not the one put in. */
  misread: number;
  reasons: Map<string, number>;
}

function tally(tallyInto: RunTally, outcome: ParseOutcome, expected: CorpusLetter['expected']): void {
  if (!outcome.ok) {
    tallyInto.failed++;
    tallyInto.reasons.set(outcome.reason, (tallyInto.reasons.get(outcome.reason) ?? 0) + 1);
    return;
  }
  tallyInto.ok++;
  const { letter } = outcome;
  if (letter.council.displayName !== expected.council || letter.date !== expected.date || letter.overall?.grade !== expected.grade) {
    tallyInto.misread++;
  }
}

async function timePass(corpus: CorpusLetter[], into?: RunTally): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < corpus.length; i++) {
    const letter = corpus[i] as CorpusLetter;
    const outcome = await parseLetter(letter.bytes);
    if (into) tally(into, outcome, letter.expected);
    if (i % 256 === 0) sampleMemory();
  }
  return performance.now() - start;
}

const fmt = (n: number, digits = 1): string => n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function main(): Promise<void> {
  const { mb: targetMb, pdf: pdfLetters } = parseArgs(process.argv.slice(2));
  const samples = loadSampleTexts(repoRoot);
  const councils = loadCouncils();

  const buildStart = performance.now();
  const corpus = buildCorpus(targetMb * MB, samples, councils);
  const buildMs = performance.now() - buildStart;
  const totalBytes = corpus.reduce((sum, l) => sum + l.bytes.length, 0);
  sampleMemory();

  const warmUp: CorpusLetter[] = [];
  let warmBytes = 0;
  for (const letter of corpus) {
    if (warmBytes >= WARM_UP_BYTES) break;
    warmUp.push(letter);
    warmBytes += letter.bytes.length;
  }
  await timePass(warmUp);

  const counts: RunTally = { ok: 0, failed: 0, misread: 0, reasons: new Map() };
  const runsMs: number[] = [];
  for (let run = 0; run < RUNS; run++) runsMs.push(await timePass(corpus, run === 0 ? counts : undefined));
  sampleMemory();

  const totalMb = totalBytes / MB;
  const medianMs = median(runsMs);
  const mbPerSecond = totalMb / (medianMs / 1000);
  const lettersPerSecond = corpus.length / (medianMs / 1000);
  const maxRssMb = (process.resourceUsage().maxRSS * 1024) / MB;

  const out: string[] = [
    'Parse benchmark',
    `  corpus      ${corpus.length.toLocaleString('en-GB')} letters, ${fmt(totalMb)} MB from ${samples.length} samples and ${councils.length} councils (built and encoded in ${fmt(buildMs / 1000, 2)} s, not timed)`,
    `  warm-up     ${warmUp.length} letters, ${fmt(warmBytes / MB)} MB`,
    ...runsMs.map((ms, i) => `  run ${i + 1}       ${fmt(ms / 1000, 2)} s   ${fmt(totalMb / (ms / 1000))} MB/s`),
    `  median      ${fmt(mbPerSecond)} MB/s, ${fmt(lettersPerSecond, 0)} letters/s`,
    `  parsed      ${counts.ok.toLocaleString('en-GB')} OK, ${counts.failed.toLocaleString('en-GB')} failed` +
      (counts.misread ? `, ${counts.misread.toLocaleString('en-GB')} read a different council, date or overall grade than was written` : ''),
    `  memory      peak rss ${fmt(peak.rss / MB)} MB, peak heapUsed ${fmt(peak.heapUsed / MB)} MB, maxRSS ${fmt(maxRssMb)} MB`,
  ];
  process.stdout.write(`${out.join('\n')}\n`);

  if (counts.failed > 0) {
    const rate = (100 * counts.failed) / corpus.length;
    const top = [...counts.reasons].sort((a, b) => b[1] - a[1]).slice(0, 5);
    const warning = [
      '',
      '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
      `!!! WARNING: ${fmt(rate, 2)}% of the varied letters FAILED to parse (${counts.failed} of ${corpus.length}).`,
      '!!! The variations broke the parser. Most common reasons:',
      ...top.map(([reason, n]) => `!!!   ${n} × ${reason}`),
      '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
      '',
    ];
    process.stderr.write(`${warning.join('\n')}\n`);
  }

  const figures = {
    letters: corpus.length,
    totalMB: round(totalMb),
    runsMs: runsMs.map((ms) => round(ms)),
    medianMBperSecond: round(mbPerSecond),
    lettersPerSecond: round(lettersPerSecond),
    ok: counts.ok,
    failed: counts.failed,
    misread: counts.misread,
    peakRssMB: round(peak.rss / MB),
    peakHeapUsedMB: round(peak.heapUsed / MB),
    maxRssMB: round(maxRssMb),
    node: process.version,
  };
  process.stdout.write(`${JSON.stringify(figures)}\n`);

  if (pdfLetters > 0) {
    const makeStart = performance.now();
    const pdfs = await pdfBenchLetters(repoRoot, pdfLetters);
    const pdfFigures = await benchPdfParse(pdfs, RUNS, (performance.now() - makeStart) / 1000);
    process.stdout.write(`\n${describePdfBench(pdfFigures).join('\n')}\n`);
    process.stdout.write(`${JSON.stringify({ pdf: pdfFigures })}\n`);
  }
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:parse failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
