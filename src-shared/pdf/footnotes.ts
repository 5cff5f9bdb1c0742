/**
 * Footnotes: lines in smaller type at the foot of a page's text, set apart from it. They
 * are not the letter's running text, and read in place they would cut in two a paragraph
 * that runs on to the next page.
 */
import { inSmallType, type PageLine } from './page-lines';

/** Further apart than this, in ems of the line above, a note is set apart from the text. */
const APART = 1.5;

/** A page's lines parted into its text and the notes at its foot (none when there are none). */
export function splitFootnotes(lines: PageLine[], bodySize: number): { text: PageLine[]; notes: PageLine[] } {
  const isNote = (line: PageLine) => inSmallType(line, bodySize) && !line.bullet;
  let start = lines.length;
  while (start > 0 && isNote(lines[start - 1]!)) start--;
  const above = lines[start - 1];
  const first = lines[start];
  if (!above || !first || first.y - above.y <= APART * above.fontSize) return { text: lines, notes: [] };
  return { text: lines.slice(0, start), notes: lines.slice(start) };
}
