/**
 * Lines into paragraphs. A word processor breaks a line only where the next word would not
 * fit, so a line is carried on by the next exactly when the next line's first word would
 * have overrun the right margin: that is what joins a paragraph's lines, within a page and
 * across a page break alike. A gap wider than the line spacing, an indented first line, a
 * bullet or a change of type size starts a new paragraph; across a page break, so does a
 * page that ends short of its foot, a page whose text starts below its head, or a change of font.
 */
import { joinLines, type PageElement, type PitchOf } from './grids';
import { lineText, wrapsInto, type PageLine } from './page-lines';

/** A paragraph (one line of text), or a block of lines kept apart, such as a column of an address. */
export interface LaidOutParagraph {
  lines: string[];
  /** The page it starts on, 1-based. */
  page: number;
}

/** How much wider than the usual line spacing a gap may be inside a paragraph. */
const PARAGRAPH_GAP = 1.5;
/** The furthest a first line may be indented (ems), and the least indent that starts a paragraph. */
const MAX_FIRST_INDENT = 3;
const NEW_INDENT = 1;

interface Open {
  text: string;
  page: number;
  left: number;
  last: PageLine;
}

/** Where the letter's text starts and ends on a page (baselines): what a page full of text reaches. */
export interface TextFrame {
  top: number;
  bottom: number;
}

/** What a line's neighbours tell: whether it runs on into the line after it. */
interface Next {
  line: PageLine;
  text: string;
  full: boolean;
}

/** A paragraph that ends a sentence, and a line that starts one: the break may be a paragraph's end or not. */
function sentenceBreak(text: string, next: string): boolean {
  return /[.!?:;)"'’”]$/.test(text) && /^\p{Lu}/u.test(next);
}

/** Whether `next` carries on the paragraph whose last line is `open.last`. */
function carriesOn(open: Open, { line: next, text, full }: Next, pitch: PitchOf, rightEdge: number, frame: TextFrame): boolean {
  const last = open.last;
  if (next.bullet || Math.abs(next.fontSize - last.fontSize) > last.fontSize * 0.1) return false;
  const em = last.fontSize;
  if (next.x > open.left + NEW_INDENT * em || next.x < open.left - MAX_FIRST_INDENT * em) return false;
  if (next.page === last.page && next.y - last.y > PARAGRAPH_GAP * pitch(last.fontSize)) return false;
  if (next.page !== last.page) {
    // Across a page break there is no gap to go by. A paragraph that runs on fills the page to
    // its foot and starts the next at its head, in the same font (a heading there is in another).
    const slack = PARAGRAPH_GAP * pitch(last.fontSize);
    if (next.page !== last.page + 1 || next.font !== last.font) return false;
    if (last.y < frame.bottom - slack || next.y > frame.top + slack) return false;
    // Where a sentence ends at the foot of a page, the next page's first line carries the
    // paragraph on only if it is a full line itself: a short one is more likely the name
    // under a signature, or a heading, than the last words of the paragraph.
    if (sentenceBreak(open.text, text) && !full) return false;
  }
  return wrapsInto(last, next, rightEdge);
}

/** The element after `index` that is not a note set apart, if any. */
function nextBesideAsides(elements: PageElement[], index: number): PageElement | undefined {
  for (let i = index + 1; i < elements.length; i++) if (elements[i]!.kind !== 'aside') return elements[i];
  return undefined;
}

/** Paragraphs from the elements of every page, in order. */
export function assembleParagraphs(elements: PageElement[], pitch: PitchOf, rightEdge: number, frame: TextFrame): LaidOutParagraph[] {
  const out: LaidOutParagraph[] = [];
  let open: Open | null = null;
  // Notes met while a paragraph runs on wait until it ends.
  let held: LaidOutParagraph[] = [];
  const close = () => {
    if (open) out.push({ lines: [open.text], page: open.page });
    open = null;
    out.push(...held);
    held = [];
  };
  elements.forEach((element, index) => {
    if (element.kind === 'row') {
      close();
      out.push({ lines: [element.cells.join('\t')], page: element.page });
    } else if (element.kind === 'columns') {
      close();
      for (const column of element.columns) out.push({ lines: column, page: element.page });
    } else if (element.kind === 'aside') {
      const note = { lines: [element.text], page: element.page };
      if (open) held.push(note);
      else out.push(note);
    } else {
      const line = element.line;
      const text = lineText(line);
      const after = nextBesideAsides(elements, index);
      const full = after?.kind === 'line' && wrapsInto(line, after.line, rightEdge);
      const current: Open | null = open;
      if (current && carriesOn(current, { line, text, full }, pitch, rightEdge, frame)) {
        current.text = joinLines([current.text, text]);
        current.last = line;
        current.left = Math.min(current.left, line.x);
      } else {
        close();
        open = { text: line.bullet ? `• ${text}` : text, page: line.page, left: line.x, last: line };
      }
    }
  });
  close();
  return out;
}
