/**
 * Page furniture: the page numbers, running headers and reference lines printed in the
 * top and bottom margins of every page. They are not part of the letter, and left in
 * they would cut a paragraph that runs on from one page to the next in two.
 */
import { inSmallType, lineText, type PageLine } from './page-lines';

/** How far into the page, as a share of its height, the top and bottom margins reach. */
const MARGIN_BAND = 0.12;

const PAGE_NUMBER = /^(?:page\s*\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?|\d{1,4}\s*(?:of|\/)\s*\d{1,4}|[-–—]\s*\d{1,4}\s*[-–—]|\d{1,4})$/i;

/** A line as it repeats from page to page: numbers vary, so they are left out. */
function repeatKey(line: PageLine): string {
  return lineText(line).toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

type Band = 'top' | 'bottom' | null;

function bandOf(line: PageLine, pageHeight: number): Band {
  if (line.y < pageHeight * MARGIN_BAND) return 'top';
  if (line.y > pageHeight * (1 - MARGIN_BAND)) return 'bottom';
  return null;
}

/** Lines further apart than this, in ems, are set apart: more than a paragraph's spacing. */
const APART = 1.6;

/** Page furniture sits at the same height on every page; body text does so only by chance. */
const SAME_PLACE = 3;

/**
 * Removes page furniture from every page's lines, working in from the top and bottom edges
 * of each page and stopping at the first line of the letter itself: within the top or
 * bottom margin, a page number; a line that recurs at the same height on at least half
 * the pages (two at the least); and, beyond the first page's top (where the letterhead
 * is), a single line in smaller type than the letter's own text, set apart from it (a
 * table or a note in small type runs on close to the text, and is kept).
 */
export function withoutRunningLines(pages: PageLine[][], pageHeights: number[], bodySize: number): PageLine[][] {
  const places = new Map<string, { page: number; y: number }[]>();
  pages.forEach((lines, page) => {
    for (const line of lines) {
      const band = bandOf(line, pageHeights[page] ?? 0);
      if (!band) continue;
      const key = `${band}:${repeatKey(line)}`;
      let seen = places.get(key);
      if (!seen) places.set(key, (seen = []));
      seen.push({ page, y: line.y });
    }
  });
  const enough = Math.max(2, Math.ceil(pages.length / 2));
  const recurs = (key: string, line: PageLine): boolean => {
    const pagesThere = new Set((places.get(key) ?? []).filter((p) => Math.abs(p.y - line.y) <= SAME_PLACE).map((p) => p.page));
    return pagesThere.size >= enough;
  };
  /** `towardsText` is the line next to it on the side of the page's text, if any. */
  const isFurniture = (line: PageLine, page: number, towardsText: PageLine | undefined): boolean => {
    const band = bandOf(line, pageHeights[page] ?? 0);
    if (!band) return false;
    if (PAGE_NUMBER.test(lineText(line).trim())) return true;
    if (recurs(`${band}:${repeatKey(line)}`, line)) return true;
    const small = inSmallType(line, bodySize);
    const apart = !towardsText || Math.abs(towardsText.y - line.y) > APART * Math.max(line.fontSize, towardsText.fontSize);
    return small && apart && (band === 'bottom' || page > 0);
  };

  return pages.map((lines, page) => {
    let start = 0;
    let end = lines.length;
    while (start < end && isFurniture(lines[start]!, page, lines[start + 1])) start++;
    while (end > start && isFurniture(lines[end - 1]!, page, lines[end - 2])) end--;
    return lines.slice(start, end);
  });
}
