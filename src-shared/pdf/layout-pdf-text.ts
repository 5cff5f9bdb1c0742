/**
 * The text a letter parser reads, from the positioned text of a PDF's pages: lines in
 * reading order, one paragraph to a line and a blank line between paragraphs, table rows
 * with their cells parted by tabs, page numbers and running headers left out.
 * Pure: the PDF reader that gives the positions is elsewhere.
 */
import { splitFootnotes } from './footnotes';
import { findGrids, type PageElement, type PitchOf } from './grids';
import { dominant, lineText, pageLines, wrapsInto, type PageLine } from './page-lines';
import { assembleParagraphs, type LaidOutParagraph, type TextFrame } from './paragraphs';
import type { PdfPageText } from './pdf-text';
import { withoutRunningLines } from './running-lines';
import { median, percentile } from '../stats';

export type { LaidOutParagraph } from './paragraphs';

export interface PdfLayout {
  /** Paragraphs parted by blank lines; a block kept apart has its lines parted by newlines. */
  text: string;
  paragraphs: LaidOutParagraph[];
}

/**
 * Ligatures a font may map its glyphs to ("ﬁ" for "fi"). pdf.js can spell them out itself,
 * but only by normalising every character of every item, which cost a seventh of the time
 * spent reading a PDF; letters hold nothing else that needs it.
 */
const LIGATURE = /[\uFB00-\uFB06]/;
const LIGATURES = /[\uFB00-\uFB06]/g;

/** Line spacing as a share of the font size when a document gives too few lines to measure it. */
const DEFAULT_LEADING = 1.2;

/** The size most of the text is set in (to the half point), or 11 points when there is none. */
function bodySizeOf(pages: PageLine[][]): number {
  const lines = pages.flat();
  if (lines.length === 0) return 11;
  return dominant(lines.map((line): [number, number] => [Math.round(line.fontSize * 2) / 2, lineText(line).length]));
}

/** Line spacing, measured between neighbouring lines of the same size, as a share of that size. */
function leadingOf(pages: PageLine[][]): number {
  const ratios: number[] = [];
  for (const lines of pages) {
    for (let i = 1; i < lines.length; i++) {
      const [a, b] = [lines[i - 1]!, lines[i]!];
      if (Math.abs(a.fontSize - b.fontSize) > a.fontSize * 0.05) continue;
      const ratio = (b.y - a.y) / a.fontSize;
      // Wider gaps are paragraph spacing; narrower ones are lines set beside each other.
      if (ratio >= 0.9 && ratio <= 1.6) ratios.push(ratio);
    }
  }
  return ratios.length > 0 ? median(ratios) : DEFAULT_LEADING;
}

/**
 * The right margin of the text: where most full lines of body text end. Without lines of
 * prose to go by, margins are taken to be as wide on the right as on the left.
 */
function rightEdgeOf(pages: PageLine[][], widths: number[], bodySize: number): number {
  const rights: number[] = [];
  let mirrored = 0;
  pages.forEach((lines, index) => {
    for (const line of lines) {
      mirrored = Math.max(mirrored, (widths[index] ?? 0) - line.x);
      const words = lineText(line).split(' ').length;
      if (words >= 4 && Math.abs(line.fontSize - bodySize) <= bodySize * 0.1) rights.push(line.right);
    }
  });
  return rights.length > 0 ? percentile(rights, 90) : mirrored;
}

/** The baseline of the first page's first paragraph: its first line of body text that runs on into the next. */
function firstParagraphOf(lines: PageLine[], bodySize: number, rightEdge: number): number {
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i]!;
    if (Math.abs(line.fontSize - bodySize) <= bodySize * 0.1 && lineText(line).split(' ').length >= 4 && wrapsInto(line, lines[i + 1]!, rightEdge)) return line.y;
  }
  return Number.NEGATIVE_INFINITY;
}

/**
 * How high the letter's text starts on a page after the first (whose letterhead sits above
 * the text), and how low it usually reaches: the median foot of the pages before the last
 * (which ends where the letter does), so one page reaching lower moves nothing.
 */
function textFrameOf(pages: PageLine[][]): TextFrame {
  let top = Number.POSITIVE_INFINITY;
  for (const lines of pages.slice(1)) if (lines[0] && lines[0].y < top) top = lines[0].y;
  const feet = pages.slice(0, -1).flatMap((lines) => (lines.length > 0 ? [lines[lines.length - 1]!.y] : []));
  return { top, bottom: feet.length > 0 ? median(feet) : Number.NEGATIVE_INFINITY };
}

/** Lays out the text of a PDF's pages as the text of a letter. */
export function layoutPdfText(pages: PdfPageText[]): PdfLayout {
  const lines = pages.map((page, index) => pageLines(page, index + 1));
  const bodySize = bodySizeOf(lines);
  const kept = withoutRunningLines(
    lines,
    pages.map((p) => p.height),
    bodySize,
  );
  const leading = leadingOf(kept);
  const pitch: PitchOf = (fontSize) => fontSize * leading;
  const rightEdge = rightEdgeOf(
    kept,
    pages.map((p) => p.width),
    bodySize,
  );
  const letterheadEnd = firstParagraphOf(kept[0] ?? [], bodySize, rightEdge);
  const split = kept.map((pageLinesOf) => splitFootnotes(pageLinesOf, bodySize));
  const elements = split.flatMap(({ text, notes }, index) => [
    ...findGrids(text, pitch, rightEdge, index === 0 ? letterheadEnd : undefined),
    ...notes.map((note): PageElement => ({ kind: 'aside', text: lineText(note), page: note.page })),
  ]);
  const paragraphs = assembleParagraphs(
    elements,
    pitch,
    rightEdge,
    textFrameOf(split.map((page) => page.text)),
  );
  const text = paragraphs.map((p) => p.lines.join('\n')).join('\n\n');
  return { text: LIGATURE.test(text) ? text.replace(LIGATURES, (ligature) => ligature.normalize('NFKC')) : text, paragraphs };
}
