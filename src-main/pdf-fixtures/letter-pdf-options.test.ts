import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateCorpus, loadSampleTexts } from '../corpus/build-corpus';
import { loadCouncilPool } from '../corpus/council-pool';
import { seededRandom } from '../corpus/vary-letter';
import { letterBlocks, letterParts, letterPdf, scannedLetterPdf, variedLetterPdfOptions } from './index';
import { sampleText } from '../../src-shared/letters/test-support/sample-letters';
import { bodyItems as body, joinedText, readPdf, squash, visible, type PdfPage } from './test-support/pdf-items';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const sample = (name: string): string => sampleText(`${name}.txt`);
const APA = sample('coventry-2007-annual-performance-assessment');
const RATING = sample('coventry-2009-annual-rating');
const STOKE = sample('stoke-on-trent-2009-annual-rating');

describe('fragments', () => {
  it("cuts the same text into many more items with 'word', and more again with 'pieces'", async () => {
    const [line, word, pieces] = await Promise.all((['line', 'word', 'pieces'] as const).map(async (fragments) => readPdf(await letterPdf(RATING, { fragments, seed: 3 }))));
    const count = (pages: PdfPage[]) => pages.flatMap((p) => visible(p.items)).length;
    expect(count(word!)).toBeGreaterThan(count(line!) * 3);
    expect(count(pieces!)).toBeGreaterThan(count(word!) * 1.5);
    const text = (pages: PdfPage[]) => pages.map((p) => joinedText(p.items));
    expect(text(word!)).toEqual(text(line!));
    expect(text(pieces!)).toEqual(text(line!));
  });

  it('puts no piece of a word more than a hair away from the next', async () => {
    const [page] = await readPdf(await letterPdf(RATING, { fragments: 'pieces', seed: 8 }));
    const items = page!.items;
    for (let n = 1; n < items.length; n++) {
      const [before, after] = [items[n - 1]!, items[n]!];
      if (before.str.trim() === '' || after.str.trim() === '' || before.y !== after.y) continue;
      // Adjacent pieces of one word: the gap between them is far below a space's width.
      expect(Math.abs(after.x - (before.x + before.width))).toBeLessThan(0.5);
    }
  });
});

describe('determinism and options', () => {
  it('gives the same bytes for the same text and options, and other bytes for another seed', async () => {
    const a = await letterPdf(APA, { seed: 4, fragments: 'pieces', runningHeader: true });
    const b = await letterPdf(APA, { seed: 4, fragments: 'pieces', runningHeader: true });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(Buffer.from(await letterPdf(APA, { seed: 5, fragments: 'pieces', runningHeader: true })).equals(Buffer.from(a))).toBe(false);
    const locked = () => letterPdf(RATING, { password: 'secret', seed: 2 });
    expect(Buffer.from(await locked()).equals(Buffer.from(await locked()))).toBe(true);
  });

  it('dates the document from the letter, never from the clock', async () => {
    const info = Buffer.from(await letterPdf(RATING)).toString('latin1');
    // CreationDate and ModDate, both 9 December 2009 at nine.
    expect(info.match(/\(D:\d{14}Z\)/g)).toEqual(['(D:20091209090000Z)', '(D:20091209090000Z)']);
  });

  it('cannot be opened without its password', async () => {
    const bytes = await letterPdf(RATING, { password: 'secret' });
    await expect(readPdf(bytes)).rejects.toMatchObject({ name: 'PasswordException' });
    const pages = await readPdf(bytes, { password: 'secret' });
    expect(pages[0]!.items.some((i) => i.str === '9 December 2009')).toBe(true);
  });

  it('adds a running header from page 2 only when asked', async () => {
    const header = 'Coventry City Council: annual performance assessment 2007';
    const withHeader = await readPdf(await letterPdf(APA, { runningHeader: true }));
    expect(withHeader.length).toBeGreaterThan(2);
    withHeader.forEach((page, n) => expect(page.items.some((i) => i.str === header)).toBe(n > 0));
    const without = await readPdf(await letterPdf(APA));
    expect(without.some((page) => page.items.some((i) => i.str === header))).toBe(false);
  });

  it('breaks pages before the blocks asked for', async () => {
    const heading = letterBlocks(STOKE).find((b) => b.lines[0] === "Children's services rating 2009")!.index;
    const find = (pages: PdfPage[]) => pages.findIndex((p) => p.items.some((i) => i.str === "Children's services rating 2009"));
    expect(find(await readPdf(await letterPdf(STOKE)))).toBe(0);
    const broken = await readPdf(await letterPdf(STOKE, { breakBefore: [heading] }));
    const at = find(broken);
    expect(at).toBe(1);
    expect(body(broken[at]!)[0]!.str).toBe("Children's services rating 2009");
  });

  it('moves page breaks with bottomShift, keeping text above the shifted margin', async () => {
    const normal = await readPdf(await letterPdf(APA));
    const shifted = await readPdf(await letterPdf(APA, { bottomShift: 150 }));
    expect(shifted.length).toBeGreaterThan(normal.length);
    for (const page of shifted) for (const item of body(page)) expect(item.y).toBeGreaterThan(72 + 150 - 12);
  });

  it('lets paragraphs run on from one page to the next', async () => {
    const pages = await readPdf(await letterPdf(APA));
    const runOn = pages.slice(1).some((page, n) => {
      const last = body(pages[n]!).at(-1)!.str.trim();
      const first = body(page)[0]!.str.trim();
      return !/[.:]$/.test(last) && /^[a-z]/.test(first);
    });
    expect(runOn).toBe(true);
  });

  it('sets US Letter pages, narrow columns and small type', async () => {
    const [page] = await readPdf(await letterPdf(RATING, { pageSize: 'Letter', columnWidth: 360, fontSize: 9 }));
    expect([page!.width, page!.height]).toEqual([612, 792]);
    const lines = body(page!).filter((i) => i.x < 80);
    expect(Math.max(...body(page!).map((i) => i.x + i.width))).toBeLessThan(72 + 6 + 360 + 1);
    expect(lines.length).toBeGreaterThan(20);
  });

  it('refuses options out of range', async () => {
    await expect(letterPdf(RATING, { fontSize: 20 })).rejects.toThrow(RangeError);
    await expect(letterPdf(RATING, { columnWidth: 100 })).rejects.toThrow(RangeError);
    await expect(letterPdf(RATING, { bottomShift: -1 })).rejects.toThrow(RangeError);
  });
});

describe('scannedLetterPdf', () => {
  it('has pages that hold an image and no text at all', async () => {
    const pages = await readPdf(await scannedLetterPdf(3), { operators: true });
    expect(pages).toHaveLength(3);
    for (const page of pages) {
      expect(page.items).toEqual([]);
      expect(page.operators).toContain('paintImageXObject');
    }
    expect(Buffer.from(await scannedLetterPdf(1)).equals(Buffer.from(await scannedLetterPdf(1)))).toBe(true);
  });
});

describe('letters of the corpus, with varied options', () => {
  it('all read back with their date, footers and every paragraph', async () => {
    const random = seededRandom(77);
    const letters = [...generateCorpus({ letters: 40, seed: 77, samples: loadSampleTexts(REPO), councils: loadCouncilPool(REPO) })];
    for (const letter of letters) {
      const options = variedLetterPdfOptions(random);
      const label = `${letter.relativePath} ${JSON.stringify(options)}`;
      const pages = await readPdf(await letterPdf(letter.text, options));
      const parts = letterParts(letter.text);
      const all = pages.flatMap((p) => visible(p.items));
      const date = parts.find((p) => p.kind === 'date');
      if (date?.kind === 'date') expect(joinedText(pages[0]!.items), label).toContain(date.text);
      pages.forEach((page, n) => expect(page.items.some((i) => i.str === `Page ${n + 1} of ${pages.length}`), label).toBe(true));
      const text = squash(pages.map((p) => joinedText(body(p))).join(''));
      for (const part of parts) if (part.kind === 'paragraph') expect(text, label).toContain(squash(part.text));
      expect(all.some((i) => /Winstarley/.test(i.str)), label).toBe(false);
    }
  });
});

describe('any text at all', () => {
  const pieces = fc.oneof(
    fc.constantFrom('\n', '\n\n', '\t', ' ', '- ', '•', '\uF0B7', 'Dear X', 'Grade 3', 'Being healthy Grade 2', 'Yours sincerely', 'J. Winstarley', '9 May 2009', '33 Kingsway', '-----'),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
  );

  it('becomes a PDF that pdf.js opens, with a footer on every page', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(pieces, { maxLength: 80 }), fc.constantFrom('line', 'word', 'pieces') as fc.Arbitrary<'line' | 'word' | 'pieces'>, async (bits, fragments) => {
        const pages = await readPdf(await letterPdf(bits.join(''), { fragments, columnWidth: 360, fontSize: 12.5 }));
        expect(pages.length).toBeGreaterThanOrEqual(1);
        pages.forEach((page, n) => expect(page.items.some((i) => i.str === `Page ${n + 1} of ${pages.length}`)).toBe(true));
      }),
      { numRuns: 60, seed: 20091209 },
    );
  });
});
