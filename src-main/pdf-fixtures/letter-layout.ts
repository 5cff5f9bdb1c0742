/**
 * Lays the parts of a letter down the pages, each in its own style: the date, address and
 * salutation ragged right, a bold title, bold headings (with "Grade N" at a fixed place
 * near the right edge), justified paragraphs, bullets with a hanging indent, ruled tables,
 * and the closing with a drawn signature.
 */
import type { LetterPart } from './letter-parts';
import { baselineIn, flowLines, lineHeightFor, setText, type LayoutContext } from './layout-context';
import { drawTable } from './tables';
import { drawLine, type SetLine, type TextStyle } from './text-runs';
import { drawSignature } from './vector-marks';

/** Space before a part, given the part before it. */
function spaceBefore(ctx: LayoutContext, part: LetterPart, previous: LetterPart | undefined): number {
  if (!previous) return 0;
  const gap = ctx.paragraphGap;
  switch (part.kind) {
    case 'signatory':
      // Name and role lines stand one under the other, whichever blocks extraction made of them.
      return previous.kind === 'signatory' || previous.kind === 'signature' ? 0 : gap;
    case 'signature':
      return previous.kind === 'valediction' ? 0 : gap;
    case 'grade':
      return previous.kind === 'heading' ? gap * 0.4 : gap;
    case 'address':
      return previous.kind === 'address' ? 0 : gap * 1.5;
    case 'salutation':
    case 'heading':
    case 'title':
      return gap * 1.3;
    default:
      return gap;
  }
}

/** Lays out every part in order, turning pages as needed; `breakBefore` forces a page break before those blocks. */
export function layOutParts(ctx: LayoutContext, parts: LetterPart[], breakBefore: ReadonlySet<number>): void {
  const pending = new Set(breakBefore);
  parts.forEach((part, n) => {
    const previous = parts[n - 1];
    if (pending.delete(part.block) && !ctx.flow.atPageTop) ctx.flow.newPage();
    ctx.flow.space(spaceBefore(ctx, part, previous));
    if (isHeading(part) && !(previous && isHeading(previous))) keepHeadingsWithText(ctx, parts, n);
    placePart(ctx, part);
  });
}

const isHeading = (part: LetterPart): boolean => part.kind === 'title' || part.kind === 'heading' || part.kind === 'grade';

/**
 * Headings never end a page: a run of them ("Enjoying and achieving", "Grade 3", "Summary
 * of strengths…") moves to the next page unless it fits with two lines of the text under it.
 */
function keepHeadingsWithText(ctx: LayoutContext, parts: LetterPart[], first: number): void {
  let height = ctx.paragraphGap + ctx.lineHeight * 2;
  for (let n = first; n < parts.length && isHeading(parts[n]!); n++) {
    const part = parts[n]!;
    const style = headingStyle(ctx, part);
    if (n > first) height += spaceBefore(ctx, part, parts[n - 1]);
    height += headingLines(ctx, part).length * lineHeightFor(ctx, style);
  }
  ctx.flow.makeRoom(height);
}

function headingStyle(ctx: LayoutContext, part: LetterPart): TextStyle {
  return part.kind === 'title' ? { font: 'Helvetica-Bold', size: ctx.body.size + 1 } : ctx.bold;
}

/** Where a graded heading's "Grade N" starts: every digit is as wide as every other, so "Grade 4" fixes one x for every grade. */
function gradeX(ctx: LayoutContext): number {
  return ctx.left + ctx.width - ctx.measure.width(ctx.bold, 'Grade 4') - ctx.bold.size;
}

/** The lines of a title, heading or grade line, broken to their width. */
function headingLines(ctx: LayoutContext, part: LetterPart): SetLine[] {
  const style = headingStyle(ctx, part);
  const text = part.kind === 'title' || part.kind === 'heading' || part.kind === 'grade' ? part.text : '';
  const width = part.kind === 'heading' && part.grade ? gradeX(ctx) - ctx.left - style.size * 2 : ctx.width;
  return setText(ctx, style, text, width, false);
}

function placePart(ctx: LayoutContext, part: LetterPart): void {
  switch (part.kind) {
    case 'letterhead':
      return; // drawn with the first page
    case 'date':
    case 'salutation':
    case 'valediction':
      if (part.kind === 'valediction') ctx.flow.makeRoom(lineHeightFor(ctx, ctx.body) * 5.5);
      return flowLines(ctx, setText(ctx, ctx.body, part.text, ctx.width, false), ctx.body);
    case 'address':
    case 'signatory':
      return flowLines(ctx, part.lines.flatMap((line) => setText(ctx, ctx.body, line, ctx.width, false)), ctx.body);
    case 'title':
    case 'grade':
      return flowLines(ctx, headingLines(ctx, part), headingStyle(ctx, part));
    case 'heading':
      return part.grade ? gradedHeading(ctx, headingLines(ctx, part), part.grade) : flowLines(ctx, headingLines(ctx, part), ctx.bold);
    case 'paragraph':
      return flowLines(ctx, setText(ctx, ctx.body, part.text, ctx.width, true), ctx.body);
    case 'bullets':
      return bullets(ctx, part.items);
    case 'table':
      return drawTable(ctx, part.rows);
    case 'signature':
      return signature(ctx);
  }
}

/** "Being healthy" at the left and "Grade 3" at a fixed x near the right, on one baseline, both bold. */
function gradedHeading(ctx: LayoutContext, lines: SetLine[], grade: string): void {
  const style = ctx.bold;
  const lineHeight = lineHeightFor(ctx, style);
  // Room was made for the whole heading, so its first line stays on this page with the grade.
  ctx.flow.makeRoom(lineHeight);
  const baseline = baselineIn(ctx.flow.y, style, lineHeight);
  // The heading first, then the grade, in the order a word processor writes them (a tab between).
  flowLines(ctx, lines.slice(0, 1), style);
  const gradeLine = setText(ctx, style, grade, ctx.width, false)[0];
  if (gradeLine) drawLine(ctx.measure, style, gradeLine, gradeX(ctx), ctx.width, baseline, ctx.drawing);
  flowLines(ctx, lines.slice(1), style);
}

/** A "•" at the indent and the item's text hanging at a further indent, justified like the paragraphs. */
function bullets(ctx: LayoutContext, items: string[]): void {
  const style = ctx.body;
  const bulletX = ctx.left + style.size * 0.6;
  const hang = style.size * 2.4;
  const lineHeight = lineHeightFor(ctx, style);
  const bullet = setText(ctx, style, '•', ctx.width, false)[0];
  items.forEach((item, n) => {
    if (n > 0) ctx.flow.space(lineHeight * 0.25);
    const lines = setText(ctx, style, item, ctx.width - hang, true);
    ctx.flow.makeRoom(lineHeight);
    if (bullet) drawLine(ctx.measure, style, bullet, bulletX, hang, baselineIn(ctx.flow.y, style, lineHeight), ctx.drawing);
    flowLines(ctx, lines, style, ctx.left + hang, ctx.width - hang);
  });
}

/** The signature: a scrawl in ink, a little over two lines tall, where the extracted scrawl's word was. */
function signature(ctx: LayoutContext): void {
  const height = ctx.lineHeight * 2.8;
  ctx.flow.makeRoom(height + ctx.lineHeight * 2);
  const width = 90 + ctx.random() * 50;
  drawSignature(ctx.doc, ctx.left + 2, ctx.flow.y + ctx.lineHeight * 0.2, width, height * 0.9, ctx.random);
  ctx.flow.advance(height);
}
