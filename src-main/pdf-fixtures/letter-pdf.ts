/**
 * A letter's plain text laid out as a PDF the way Ofsted published it: letterhead, date,
 * address, title, headings, justified paragraphs, tables, bullets, a signature and
 * "Page N of M" footers. For tests of PDF import: the same text and options always give
 * the same bytes.
 */
import { MONTH_NAMES } from '../../src-shared/letters/letter-words';
import { findCouncilName, seededRandom } from '../corpus/vary-letter';
import { layOutParts } from './letter-layout';
import { drawLetterhead, splitLetterhead } from './letterhead';
import { letterParts, type LetterPart } from './letter-parts';
import type { LayoutContext } from './layout-context';
import { PageFlow } from './page-flow';
import { finishDocument, openDocument, PAGE_SIZES, type Doc } from './pdf-document';
import { Measurer, type Fragments } from './text-runs';
import { toWinAnsi } from './win-ansi';

/** How `letterPdf` lays a letter out; every field is optional. Out-of-range numbers throw a RangeError. */
export interface LetterPdfOptions {
  /** Seed for every random choice (jitter, fragmenting); the same text and options give the same bytes. Default 1. */
  seed?: number;
  /** Body font size in points, 9 to 12.5. Default 11. */
  fontSize?: number;
  /** Width of the text column in points (left margin fixed-ish, right margin follows). 360 to 480. Default 451 (A4, 72 pt margins). */
  columnWidth?: number;
  /** 'A4' (default) or 'Letter'. */
  pageSize?: 'A4' | 'Letter';
  /** Extra space in points taken off the bottom of the text area, so page breaks fall in other places. 0 to 200. Default 0. */
  bottomShift?: number;
  /** Indices of blocks (0-based, in the order of the text's blocks, as `letterBlocks` numbers them) before which a page break is forced. */
  breakBefore?: number[];
  /**
   * How body text is drawn: 'line' = one text-show per line, spaces included (a justified
   * line widens its spaces with the word-spacing operator, Tw); 'word' = every word drawn
   * separately at its x, no spaces; 'pieces' = words cut into random 1–4 character pieces
   * drawn side by side (as kerned text comes out of real PDFs). Words and pieces each sit in
   * their own marked-content span, as in tagged PDFs, so pdf.js reports them as separate
   * items instead of merging them back into lines. The letterhead, footers and running
   * header are always whole lines. Default 'line'.
   */
  fragments?: Fragments;
  /** A running header on pages 2 onwards (e.g. "Coventry City Council: annual performance assessment 2007" in small type). Default false. */
  runningHeader?: boolean;
  /** Encrypt the PDF with this user password (so it cannot be opened without it). */
  password?: string;
}

const MARGIN = 72;
const FURNITURE_SIZE = 8;

function checkedNumber(name: string, value: number | undefined, fallback: number, min: number, max: number): number {
  const n = value ?? fallback;
  if (!Number.isFinite(n) || n < min || n > max) throw new RangeError(`${name} must be from ${min} to ${max}, not ${n}.`);
  return n;
}

/** The letter laid out as a PDF. */
export async function letterPdf(text: string, options: LetterPdfOptions = {}): Promise<Uint8Array> {
  const fontSize = checkedNumber('fontSize', options.fontSize, 11, 9, 12.5);
  const columnWidth = checkedNumber('columnWidth', options.columnWidth, 451, 360, 480);
  const bottomShift = checkedNumber('bottomShift', options.bottomShift, 0, 0, 200);
  const pageSize = options.pageSize ?? 'A4';
  const [pageWidth, pageHeight] = PAGE_SIZES[pageSize];
  // Layout choices and fragmenting draw on separate streams, so that the three ways of
  // drawing text put the same lines on the same pages for the same seed.
  const random = seededRandom(options.seed ?? 1);
  const pieceRandom = seededRandom(((options.seed ?? 1) ^ 0x5bd1e995) >>> 0);

  const breakBefore = new Set(options.breakBefore ?? []);
  const clean = toWinAnsi(text);
  const parts = letterParts(clean, breakBefore);
  const about = describeLetter(clean, parts);
  const doc = openDocument({ pageSize, date: about.date, title: about.header, password: options.password });
  const left = MARGIN + Math.round(random() * 12) / 2;
  const lineHeight = fontSize * (1.15 + random() * 0.1);
  const ctx: LayoutContext = {
    doc,
    measure: new Measurer(doc),
    flow: new PageFlow(doc, { top: MARGIN, bottom: pageHeight - MARGIN - bottomShift }),
    left,
    width: columnWidth,
    body: { font: 'Helvetica', size: fontSize },
    bold: { font: 'Helvetica-Bold', size: fontSize },
    lineHeight,
    paragraphGap: lineHeight * (0.5 + random() * 0.5),
    drawing: { fragments: options.fragments ?? 'line', random: pieceRandom },
    random,
  };

  const letterhead = parts.filter((p) => p.kind === 'letterhead').map((p) => p.text);
  const letterheadTop = 34 + random() * 10;
  ctx.flow.firstPage(letterhead.length > 0 ? letterheadTop + 105 : MARGIN);
  if (letterhead.length > 0) {
    const bottom = drawLetterhead(doc, splitLetterhead(letterhead.join(' ')), { left, right: left + columnWidth, top: letterheadTop, size: FURNITURE_SIZE });
    ctx.flow.y = Math.max(ctx.flow.y, bottom + 30);
  }
  layOutParts(ctx, parts, breakBefore);
  drawPageFurniture(doc, { pageWidth, pageHeight, left, header: options.runningHeader ? about.header : null });
  return finishDocument(doc);
}

/** What the page furniture and the info dictionary say about the letter. */
function describeLetter(text: string, parts: LetterPart[]): { date: Date; header: string } {
  const dated = parts.find((p) => p.kind === 'date');
  const [, day, month, year] = (dated?.kind === 'date' && /^(\d+)\s+(\w+)\s+(\d{4})$/.exec(dated.text)) || [];
  const monthIndex = (MONTH_NAMES as readonly string[]).indexOf(month ?? '');
  // A letter with no date line gets a fixed one: never the clock, or the bytes would change.
  const date = new Date(monthIndex === -1 ? Date.UTC(2009, 0, 1, 9) : Date.UTC(Number(year), monthIndex, Number(day), 9));
  const headerYear = monthIndex === -1 ? (/\b(20\d\d)\b/.exec(text)?.[1] ?? '') : (year ?? '');
  const council = findCouncilName(text)?.officialName ?? 'Ofsted';
  const kind = /annual\s+performance\s+assessment/i.test(text) ? 'annual performance assessment' : "children's services annual rating";
  return { date, header: `${council}: ${kind} ${headerYear}`.trim() };
}

interface Furniture {
  pageWidth: number;
  pageHeight: number;
  left: number;
  header: string | null;
}

/** "Page N of M" centred at the foot of every page, and the running header from page 2. */
function drawPageFurniture(doc: Doc, furniture: Furniture): void {
  const { start, count } = doc.bufferedPageRange();
  const at = { lineBreak: false, baseline: 'alphabetic' } as const;
  for (let n = 0; n < count; n++) {
    doc.switchToPage(start + n);
    doc.font('Helvetica').fontSize(FURNITURE_SIZE + 1).fillColor('black');
    const footer = `Page ${n + 1} of ${count}`;
    doc.text(footer, (furniture.pageWidth - doc.widthOfString(footer)) / 2, furniture.pageHeight - 36, at);
    if (furniture.header && n > 0) {
      doc.fontSize(FURNITURE_SIZE).fillColor('#555555');
      doc.text(furniture.header, furniture.left, 44, at);
      doc.fillColor('black');
    }
  }
}
