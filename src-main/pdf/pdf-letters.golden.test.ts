/**
 * Golden tests for PDF letters: each sample letter, laid out as Ofsted's PDFs were, reads as
 * a person reads it. The expected values are the text golden tests' own, not the PDF
 * reader's output; the paragraphs are compared with those read from the text file.
 */
import { describe, expect, it } from 'vitest';
import type { Letter, LetterText } from '../../src-shared/letters/letter';
import { parseLetter } from '../../src-shared/letters/parse-letter';
import { parseLetterFile } from '../../src-shared/letters/parse-letter-file';
import { reparseLetter } from '../../src-shared/letters/reparse';
import { isSameLetter } from '../../src-shared/letters/same-letter';
import { GOLDEN_LETTERS, goldenView } from '../../src-shared/letters/test-support/golden';
import { sampleBytes, sampleText } from '../../src-shared/letters/test-support/sample-letters';
import { letterPdf, type LetterPdfOptions } from '../pdf-fixtures';
import { readPdfInNode } from './node-pdf-reader';

/** Every run of body text a letter holds: paragraphs, list items, recommendations, areas for development. */
export function paragraphsOf(letter: Letter): string[] {
  return letter.sections
    .flatMap((s) => [
      ...s.paragraphs.flatMap((b) => (b.type === 'paragraph' ? [b.text] : b.items)),
      ...s.recommendations.flatMap((r) => [r.text, ...r.items]),
      ...s.areasForDevelopment,
    ])
    .map((text) => text.replace(/\s+/g, ' ').trim());
}

async function parsedWithSource(bytes: Uint8Array): Promise<{ letter: Letter; source: LetterText }> {
  const outcome = await parseLetterFile(bytes, readPdfInNode);
  if (!outcome.ok) throw new Error(`not read: ${outcome.reason}`);
  return outcome;
}

async function parsed(bytes: Uint8Array): Promise<Letter> {
  return (await parsedWithSource(bytes)).letter;
}

const LAYOUTS: [string, LetterPdfOptions][] = [
  ['as Ofsted laid it out', {}],
  ['word by word in a narrow column and small type', { fragments: 'word', columnWidth: 380, fontSize: 9.5, seed: 7 }],
  ['in pieces of words, large type, running headers and early page breaks', { fragments: 'pieces', fontSize: 12.5, bottomShift: 150, runningHeader: true, seed: 11 }],
];

describe.each(LAYOUTS)('the sample letters as PDFs, %s', (_name, options) => {
  for (const { file, ...want } of GOLDEN_LETTERS) {
    it(`reads ${file.replace('.txt', '.pdf')} as its text file reads`, async () => {
      const { letter, source } = await parsedWithSource(await letterPdf(sampleText(file), options));
      expect(goldenView(letter)).toEqual(want);
      // Read again from the text it keeps, with no PDF, the letter is the same, pages and all.
      expect(await reparseLetter(source)).toEqual({ ok: true, letter, source });

      const fromText = await parseLetter(sampleBytes(file));
      if (!fromText.ok) throw new Error(fromText.reason);
      const expected = paragraphsOf(fromText.letter);
      const got = new Set(paragraphsOf(letter));
      const same = expected.filter((p) => got.has(p)).length;
      expect(same / expected.length).toBeGreaterThanOrEqual(0.95);
      // The PDF and the text file of one letter are one letter.
      expect(isSameLetter(fromText.letter, letter)).toBe(true);

      expect(letter.pageCount).toBeGreaterThanOrEqual(1);
      const pages = letter.sections.map((s) => s.page ?? 0);
      expect(pages.every((p) => p >= 1 && p <= letter.pageCount!)).toBe(true);
      expect([...pages].sort((a, b) => a - b)).toEqual(pages);
    });
  }
});

describe('pages of the sections', () => {
  it('puts each section of the Coventry 2007 letter on the page its heading is on', async () => {
    const letter = await parsed(await letterPdf(sampleText('coventry-2007-annual-performance-assessment.txt')));
    const pages = Object.fromEntries(letter.sections.map((s) => [s.outcome ?? 'introduction', s.page]));
    // Later sections start on later pages of a ten-page letter.
    expect(pages.introduction).toBe(1);
    expect(pages['capacity-to-improve']).toBeGreaterThan(pages['staying-safe']!);
    expect(pages['staying-safe']).toBeGreaterThan(pages['being-healthy']!);
    expect(letter.pageCount).toBeGreaterThan(pages['capacity-to-improve']! - 1);
  });
});
