/**
 * Property tests for PDF letters: re-labelled letters laid out with random type sizes,
 * column widths, page breaks and cutting of the text read back the values put in; and any
 * bytes after "%PDF-", a PDF cut short or damaged included, give a letter or a reason,
 * never an exception.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchCouncil } from '../../src-shared/letters/councils';
import { parseLetterFile } from '../../src-shared/letters/parse-letter-file';
import { cutWithNoise, expectLetterOrReason, isoOf, relabelling, yearOf } from '../../src-shared/letters/test-support/arbitraries';
import { SAMPLE_FILES, sampleText } from '../../src-shared/letters/test-support/sample-letters';
import { detectSampleKind, findCouncilName, varyLetter } from '../corpus/vary-letter';
import { letterBlocks, letterPdf } from '../pdf-fixtures';
import { readPdfInNode } from './node-pdf-reader';

const RUNS = 200;
const SEED = 20071126;
const samples = new Map(
  SAMPLE_FILES.map((file) => {
    const text = sampleText(file);
    return [file, { text, kind: detectSampleKind(text), from: findCouncilName(text) ?? undefined, blocks: letterBlocks(text).length }];
  }),
);

describe('PDF letters laid out every which way', () => {
  it('read back the council, date and grades they were re-labelled with', async () => {
    const variant = fc.tuple(
      relabelling,
      fc.record({
        seed: fc.nat(),
        fontSize: fc.integer({ min: 18, max: 25 }).map((n) => n / 2),
        columnWidth: fc.integer({ min: 360, max: 480 }),
        bottomShift: fc.integer({ min: 0, max: 200 }),
        fragments: fc.constantFrom('line' as const, 'word' as const, 'pieces' as const),
        runningHeader: fc.boolean(),
        pageSize: fc.constantFrom('A4' as const, 'Letter' as const),
        breaks: fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { maxLength: 3 }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(variant, async ([{ file, council, day, month, yearPick, grades }, layout]) => {
        const sample = samples.get(file)!;
        const apa = sample.kind === 'apa';
        const year = yearOf(sample.kind, yearPick);
        const text = varyLetter(sample.text, { council, date: { year, month, day }, grades }, sample.from);
        const { breaks, ...options } = layout;
        const breakBefore = breaks.map((at) => 1 + Math.floor(at * (sample.blocks - 1)));
        const outcome = await parseLetterFile(await letterPdf(text, { ...options, breakBefore }), readPdfInNode);
        if (!outcome.ok) throw new Error(`${file} as ${JSON.stringify(layout)} was not read: ${outcome.reason}`);
        const letter = outcome.letter;
        expect(letter.kind).toBe(sample.kind);
        expect(letter.date).toBe(isoOf(year, month, day));
        expect(letter.council.name).toBe(council.officialName);
        expect(letter.council.displayName).toBe(matchCouncil(council.officialName)?.displayName);
        expect(letter.sections.filter((s) => s.grade).map((s) => s.grade!.grade)).toEqual(apa ? grades : [grades[0]]);
        expect(letter.overall?.grade).toBe(grades[0]);
        expect(letter.signatory?.name).toBe('Juliet Winstanley');
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});

describe('bytes that start like a PDF', () => {
  it('never throw: any bytes after "%PDF-", and real PDFs cut short or with noise spliced in, give a letter or a reason', async () => {
    const pdfs = await Promise.all(SAMPLE_FILES.slice(1, 3).map((file) => letterPdf(sampleText(file))));
    const header = new TextEncoder().encode('%PDF-1.7\n');
    const arbitrary = fc.uint8Array({ maxLength: 4096 }).map((tail) => {
      const bytes = new Uint8Array(header.length + tail.length);
      bytes.set(header);
      bytes.set(tail, header.length);
      return bytes;
    });
    const damaged = cutWithNoise(pdfs, 8);
    await fc.assert(
      fc.asyncProperty(fc.oneof(arbitrary, damaged), async (bytes) => expectLetterOrReason(await parseLetterFile(bytes, readPdfInNode))),
      { numRuns: RUNS, seed: SEED },
    );
  });
});
