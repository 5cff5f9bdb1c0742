/**
 * The PDF half of `npm run bench:parse`: how fast PDF letters are read on one core, and
 * where the time goes: pdf.js reading the file, laying its text out, parsing that text.
 */
import type { PdfReader } from '../../src-shared/pdf/pdf-text';
import { layoutPdfText } from '../../src-shared/pdf/layout-pdf-text';
import { parseLetterFile } from '../../src-shared/letters/parse-letter-file';
import { generateCorpus, loadSampleTexts } from '../corpus/build-corpus';
import { loadCouncilPool } from '../corpus/council-pool';
import { seededRandom } from '../corpus/vary-letter';
import { letterPdf, variedLetterPdfOptions } from '../pdf-fixtures';
import { readPdfInNode } from '../pdf/node-pdf-reader';
import { median, round } from '../../src-shared/stats';

const MB = 1024 * 1024;

export interface PdfBenchLetter {
  bytes: Uint8Array;
  expected: { council: string; date: string; grade: number };
}

export interface PdfBenchFigures {
  letters: number;
  pages: number;
  totalMB: number;
  makeSeconds: number | null;
  runsMs: (number | null)[];
  lettersPerSecond: number | null;
  pagesPerSecond: number | null;
  mbPerSecond: number | null;
  /** Share of the median run's time in each stage. */
  stages: { pdfjs: number | null; layout: number | null; parse: number | null };
  ok: number;
  failed: number;
  misread: number;
  reasons: Record<string, number>;
  peakRssMB: number | null;
  peakHeapUsedMB: number | null;
}

/**
 * The letters both PDF benchmarks read (`npm run bench:parse` in Node, `npm run
 * bench:pdf-worker` in the app's worker): the first `count` of the corpus `npm run corpus`
 * writes, two APA letters (of several pages) to each annual rating as the real ones were,
 * each laid out as a PDF with layout options varied from a fixed seed.
 */
export async function pdfBenchLetters(repoRoot: string, count: number): Promise<PdfBenchLetter[]> {
  const letters = generateCorpus({ letters: count, seed: 2009, samples: loadSampleTexts(repoRoot), councils: loadCouncilPool(repoRoot) });
  const random = seededRandom(20_091_209);
  const out: PdfBenchLetter[] = [];
  for (const letter of letters) out.push({ bytes: await letterPdf(letter.text, variedLetterPdfOptions(random)), expected: letter.expected });
  return out;
}

/** Times `runs` passes over the PDF letters after a warm-up, and one pass of the layout step alone. */
export async function benchPdfParse(letters: PdfBenchLetter[], runs: number, makeSeconds: number | null): Promise<PdfBenchFigures> {
  const peak = { rss: 0, heapUsed: 0 };
  const sample = () => {
    const m = process.memoryUsage();
    peak.rss = Math.max(peak.rss, m.rss);
    peak.heapUsed = Math.max(peak.heapUsed, m.heapUsed);
  };
  let readMs = 0;
  let layoutMs = 0;
  // The reader, timed: what pdf.js costs. The layout is timed by doing it once more here, and
  // that time is taken off the pass; keeping every page's text to lay out later would weigh
  // more than the reading itself.
  const timedReader: PdfReader = async (bytes) => {
    const start = performance.now();
    const result = await readPdfInNode(bytes);
    const read = performance.now();
    readMs += read - start;
    if (result.ok) layoutPdfText(result.pages);
    layoutMs += performance.now() - read;
    return result;
  };

  const tally = { ok: 0, failed: 0, misread: 0, pages: 0, reasons: {} as Record<string, number> };
  const pass = async (count: boolean): Promise<{ ms: number; readMs: number; layoutMs: number }> => {
    readMs = 0;
    layoutMs = 0;
    const start = performance.now();
    for (const [i, letter] of letters.entries()) {
      const outcome = await parseLetterFile(letter.bytes, timedReader);
      if (i % 16 === 0) sample();
      if (!count) continue;
      if (!outcome.ok) {
        tally.failed++;
        tally.reasons[outcome.reason] = (tally.reasons[outcome.reason] ?? 0) + 1;
        continue;
      }
      tally.ok++;
      tally.pages += outcome.letter.pageCount ?? 0;
      const { council, date, overall } = outcome.letter;
      if (council.displayName !== letter.expected.council || date !== letter.expected.date || overall?.grade !== letter.expected.grade) tally.misread++;
    }
    return { ms: performance.now() - start - layoutMs, readMs, layoutMs };
  };

  await pass(false);
  const timed: { ms: number; readMs: number; layoutMs: number }[] = [];
  for (let run = 0; run < runs; run++) timed.push(await pass(run === 0));
  sample();

  const medianMs = median(timed.map((t) => t.ms));
  const medianRun = timed.find((t) => t.ms === medianMs) ?? timed[0]!;
  const totalBytes = letters.reduce((sum, l) => sum + l.bytes.length, 0);
  const seconds = medianMs / 1000;
  return {
    letters: letters.length,
    pages: tally.pages,
    totalMB: round(totalBytes / MB)!,
    makeSeconds: round(makeSeconds),
    runsMs: timed.map((t) => round(t.ms)),
    lettersPerSecond: round(letters.length / seconds),
    pagesPerSecond: round(tally.pages / seconds),
    mbPerSecond: round(totalBytes / MB / seconds),
    stages: {
      pdfjs: round(medianRun.readMs / medianRun.ms, 3),
      layout: round(medianRun.layoutMs / medianRun.ms, 3),
      parse: round((medianRun.ms - medianRun.readMs - medianRun.layoutMs) / medianRun.ms, 3),
    },
    ok: tally.ok,
    failed: tally.failed,
    misread: tally.misread,
    reasons: tally.reasons,
    peakRssMB: round(peak.rss / MB),
    peakHeapUsedMB: round(peak.heapUsed / MB),
  };
}

/** The figures, for people. */
export function describePdfBench(f: PdfBenchFigures): string[] {
  const pct = (share: number | null) => (share === null ? '?' : `${Math.round(share * 100)}%`);
  return [
    'PDF parse benchmark (one core)',
    `  corpus      ${f.letters} PDF letters, ${f.pages} pages, ${f.totalMB} MB (laid out in ${f.makeSeconds ?? '?'} s, not timed)`,
    ...f.runsMs.map((ms, i) => `  run ${i + 1}       ${ms === null ? '?' : (ms / 1000).toFixed(2)} s`),
    `  median      ${f.lettersPerSecond} letters/s, ${f.pagesPerSecond} pages/s, ${f.mbPerSecond} MB/s`,
    `  time spent  pdf.js ${pct(f.stages.pdfjs)}, layout ${pct(f.stages.layout)}, letter parser ${pct(f.stages.parse)}`,
    `  parsed      ${f.ok} OK, ${f.failed} failed${f.misread ? `, ${f.misread} read a different council, date or overall grade than was written` : ''}`,
    `  memory      peak rss ${f.peakRssMB} MB, peak heapUsed ${f.peakHeapUsedMB} MB`,
  ];
}
