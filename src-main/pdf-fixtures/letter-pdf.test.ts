import { beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_FILES, sampleText } from '../../src-shared/letters/test-support/sample-letters';
import { letterParts, letterPdf, type LetterPart } from './index';
import { bodyItems, joinedText, readPdf, sameBaseline, squash, visible, type PdfPage } from './test-support/pdf-items';

const NAMES = SAMPLE_FILES.map((n) => n.replace(/\.txt$/, ''));
const sample = (name: string): string => sampleText(`${name}.txt`);

const rendered = new Map<string, PdfPage[]>();
beforeAll(async () => {
  for (const name of NAMES) rendered.set(name, await readPdf(await letterPdf(sample(name)), { operators: name.startsWith('stoke') }));
});

describe.each(NAMES)('the sample %s as a PDF', (name) => {
  const parts = letterParts(sample(name));
  const partsOf = <K extends LetterPart['kind']>(kind: K) => parts.filter((p): p is Extract<LetterPart, { kind: K }> => p.kind === kind);
  const pages = () => rendered.get(name)!;
  const items = () => pages().flatMap((p) => visible(p.items));

  it('has the date, the salutation and "Page N of M" on every page', () => {
    expect(pages().length).toBeGreaterThanOrEqual(1);
    const date = partsOf('date')[0]!.text;
    expect(items().some((i) => i.str.trim() === date)).toBe(true);
    expect(items().some((i) => /^Dear \S/.test(i.str) && i.str.trim() === partsOf('salutation')[0]!.text)).toBe(true);
    pages().forEach((page, n) => {
      expect(page.items.filter((i) => i.str === `Page ${n + 1} of ${pages().length}`), `page ${n + 1}`).toHaveLength(1);
    });
  });

  it('has every heading, with "Grade N" on the same baseline as a graded heading, further right', () => {
    const body = squash(pages().map((p) => joinedText(bodyItems(p))).join(' '));
    for (const heading of partsOf('heading')) {
      expect(body).toContain(squash(heading.text));
      if (!heading.grade) continue;
      const page = pages().find((p) => p.items.some((i) => i.str.trim() === heading.text))!;
      const head = page.items.find((i) => i.str.trim() === heading.text)!;
      const grade = page.items.find((i) => i.str.trim() === heading.grade && sameBaseline(i, head));
      expect(grade, `${heading.text} ${heading.grade}`).toBeDefined();
      expect(grade!.x).toBeGreaterThan(head.x + head.width + 20);
    }
  });

  it('keeps the text of every paragraph, bullet and table cell, across page breaks', () => {
    const body = squash(pages().map((p) => joinedText(bodyItems(p))).join(' '));
    const texts = parts.flatMap((p) => (p.kind === 'paragraph' ? [p.text] : p.kind === 'bullets' ? p.items : p.kind === 'table' ? p.rows.flat() : []));
    expect(texts.length).toBeGreaterThan(3);
    for (const text of texts) expect(body).toContain(squash(text));
  });

  it('draws the signature, not its scrawl, and rules, not dashes', () => {
    for (const item of items()) {
      expect(item.str).not.toMatch(/Winstarley/);
      expect(item.str).not.toMatch(/[-–—_]{3,}/);
      expect(item.str).not.toContain('\t');
    }
  });
});

describe('the letterhead', () => {
  it('sets the address and contact columns side by side, row by row on the same baselines, right of the logo', () => {
    const page = rendered.get('coventry-2007-annual-performance-assessment')![0]!;
    const find = (s: string) => page.items.find((i) => i.str === s)!;
    const address = ['Alexandra House', '33 Kingsway', 'London WC2B 6SE'].map(find);
    const contact = ['T 08456 40 40 40', 'enquiries@ofsted.gov.uk', 'www.ofsted.gov.uk', 'Direct T 0115 944 9193', 'Direct F 0115 944 9307', 'Midlands_APA@ofsted.gov.uk'].map(find);
    address.forEach((item, row) => {
      expect(sameBaseline(item, contact[row]!)).toBe(true);
      expect(item.x + item.width).toBeLessThan(contact[row]!.x);
      expect(item.x).toBeGreaterThan(72 + 150);
    });
    // Each row below the one before; all above the date.
    for (let row = 1; row < contact.length; row++) expect(contact[row]!.y).toBeLessThan(contact[row - 1]!.y);
    expect(page.items.find((i) => i.str === '26 November 2007')!.y).toBeLessThan(contact.at(-1)!.y);
  });

  it('is left out when the text has none', () => {
    const page = rendered.get('worcestershire-2009-annual-rating')![0]!;
    expect(page.items.some((i) => /ofsted\.gov\.uk|Kingsway/.test(i.str))).toBe(false);
  });
});

describe('tables', () => {
  const pages = () => rendered.get('stoke-on-trent-2009-annual-rating')!;
  const scale = [
    ['4', 'Performs excellently', 'An organisation that significantly exceeds minimum requirements'],
    ['3', 'Performs well', 'An organisation that exceeds minimum requirements'],
    ['2', 'Performs adequately', 'An organisation that meets only minimum requirements'],
    ['1', 'Performs poorly', 'An organisation that does not meet minimum requirements'],
  ];

  it('starts every cell of a row on the row\'s baseline, each row clearly below the last line of the one before', () => {
    const items = visible(pages()[0]!.items);
    const rowTops: number[] = [];
    for (const row of scale) {
      const grade = items.find((i) => i.str === row[0] && /Performs/.test(items[items.indexOf(i) + 1]?.str ?? ''))!;
      expect(grade).toBeDefined();
      for (const cell of row.slice(1)) {
        const first = items.find((i) => sameBaseline(i, grade) && i.x > grade.x && cell.startsWith(i.str.trim()));
        expect(first, cell).toBeDefined();
      }
      rowTops.push(grade.y);
    }
    for (let r = 1; r < rowTops.length; r++) {
      // The previous row's last line: the lowest text between the two rows' baselines.
      const previousLast = Math.min(...items.filter((i) => i.y < rowTops[r - 1]! + 0.01 && i.y > rowTops[r]! + 0.01).map((i) => i.y), rowTops[r - 1]!);
      expect(previousLast - rowTops[r]!).toBeGreaterThan(11 * 1.5);
    }
  });

  it('draws the rating box as two cells on one baseline, with ruled lines', () => {
    const items = pages().flatMap((p) => visible(p.items));
    const label = items.find((i) => i.str === "Children's services rating")!;
    const rating = items.find((i) => i.str === 'Performs adequately (2)')!;
    expect(sameBaseline(label, rating)).toBe(true);
    expect(rating.x).toBeGreaterThan(label.x + label.width);
    expect(pages()[0]!.operators).toContain('constructPath');
  });
});
