/**
 * What every part of the layout shares: the document, the measurer, the page flow, the
 * column and the type, and the one way lines are put down the page.
 */
import type { Doc } from './pdf-document';
import type { PageFlow } from './page-flow';
import { breakLines, drawLine, type LineDrawing, type Measurer, type SetLine, type TextStyle } from './text-runs';

/** The state of one letter's layout. */
export interface LayoutContext {
  doc: Doc;
  measure: Measurer;
  flow: PageFlow;
  /** Left edge of the text column. */
  left: number;
  /** Width of the text column. */
  width: number;
  body: TextStyle;
  bold: TextStyle;
  /** Distance between baselines of body text. */
  lineHeight: number;
  /** White space between paragraphs. */
  paragraphGap: number;
  drawing: LineDrawing;
  /** Randomness for the layout's own choices (the signature's shape). */
  random: () => number;
}

/** Where the baseline sits in a line box of `lineHeight` whose top is `top`. */
export function baselineIn(top: number, style: TextStyle, lineHeight: number): number {
  // Half the leading above the type, and the type's ascent (about 0.8 of its size).
  return top + (lineHeight - style.size) / 2 + style.size * 0.8;
}

/** The line height for a style: the body's proportion, at the style's size. */
export function lineHeightFor(ctx: LayoutContext, style: TextStyle): number {
  return (ctx.lineHeight * style.size) / ctx.body.size;
}

/**
 * Puts lines down the column from the cursor, turning the page whenever the next line
 * does not fit. `x` and `width` default to the column's.
 */
export function flowLines(ctx: LayoutContext, lines: SetLine[], style: TextStyle, x = ctx.left, width = ctx.width): void {
  const lineHeight = lineHeightFor(ctx, style);
  for (const line of lines) {
    ctx.flow.makeRoom(lineHeight);
    drawLine(ctx.measure, style, line, x, width, baselineIn(ctx.flow.y, style, lineHeight), ctx.drawing);
    ctx.flow.advance(lineHeight);
  }
}

/** Lines broken to `width`, with justification on or off. */
export function setText(ctx: LayoutContext, style: TextStyle, text: string, width: number, justify: boolean): SetLine[] {
  const lines = breakLines(ctx.measure, style, text, width);
  return justify ? lines : lines.map((l) => ({ ...l, justify: false }));
}
