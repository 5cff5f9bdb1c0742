/**
 * Ruled tables: the rating scale (grade, words, meaning) and the rating box. Extraction
 * left them as tab-separated lines; here they become cells with padding, text wrapped
 * inside each cell, and drawn rules (lines, never dashes of text) around every cell.
 */
import { lineHeightFor, setText, type LayoutContext } from './layout-context';
import { drawLine, type SetLine } from './text-runs';

const RULE_WIDTH = 0.6;

/** Column widths that add up to `total`: natural widths when they fit, the narrow columns kept whole when they do not. */
export function columnWidths(natural: number[], minimum: number[], total: number): number[] {
  const sum = natural.reduce((a, b) => a + b, 0);
  if (sum <= total) {
    // Room to spare: every column grows in proportion, so the table spans the text column.
    return natural.map((w) => (w * total) / sum);
  }
  // Too wide: the narrowest columns keep their natural width while it is under a fair share
  // of what is left, and the widest columns share the rest (and wrap their text).
  const widths = natural.slice();
  let remaining = total;
  let left = natural.length;
  const order = natural.map((w, n) => [w, n] as const).sort((a, b) => a[0] - b[0]);
  for (const [w, n] of order) {
    const share = remaining / left;
    widths[n] = Math.max(minimum[n] ?? 0, Math.min(w, share));
    remaining -= widths[n];
    left--;
  }
  return widths;
}

/** Draws the table at the cursor, a row at a time; a row that does not fit starts the next page. */
export function drawTable(ctx: LayoutContext, rows: string[][]): void {
  const { measure, flow, doc } = ctx;
  const style = ctx.body;
  const padding = Math.max(5, style.size * 0.5);
  const columns = Math.max(...rows.map((r) => r.length));
  // The first column (the grade, or the box's label) is bold, as in the originals.
  const styleOf = (column: number) => (column === 0 ? ctx.bold : style);
  const natural: number[] = [];
  const minimum: number[] = [];
  for (let c = 0; c < columns; c++) {
    const cells = rows.map((r) => r[c] ?? '');
    natural.push(Math.max(...cells.map((t) => measure.width(styleOf(c), t))) + 2 * padding);
    minimum.push(Math.max(...cells.flatMap((t) => t.split(/\s+/)).map((w) => measure.width(styleOf(c), w))) + 2 * padding);
  }
  const widths = columnWidths(natural, minimum, ctx.width);
  const lineHeight = lineHeightFor(ctx, style);
  let ruledTop = false;
  for (const row of rows) {
    const cells: SetLine[][] = widths.map((w, c) => setText(ctx, styleOf(c), row[c] ?? '', w - 2 * padding, false));
    const lines = Math.max(1, ...cells.map((c) => c.length));
    // Padding, the first line's ascent, further lines, the last line's descent, padding.
    const height = 2 * padding + style.size * 0.95 + (lines - 1) * lineHeight;
    const before = flow.pages;
    flow.makeRoom(height);
    if (flow.pages !== before) ruledTop = false;
    const top = flow.y;
    // Every cell's first line on the same baseline: the row's.
    const firstBaseline = top + padding + style.size * 0.75;
    let x = ctx.left;
    cells.forEach((cellLines, c) => {
      cellLines.forEach((line, n) => {
        drawLine(measure, styleOf(c), line, x + padding, (widths[c] ?? 0) - 2 * padding, firstBaseline + n * lineHeight, ctx.drawing);
      });
      x += widths[c] ?? 0;
    });
    doc.save().lineWidth(RULE_WIDTH).strokeColor('black');
    const right = ctx.left + widths.reduce((a, b) => a + b, 0);
    if (!ruledTop) doc.moveTo(ctx.left, top).lineTo(right, top).stroke();
    doc.moveTo(ctx.left, top + height).lineTo(right, top + height).stroke();
    let edge = ctx.left;
    for (const w of [0, ...widths]) {
      edge += w;
      doc.moveTo(edge, top).lineTo(edge, top + height).stroke();
    }
    doc.restore();
    ruledTop = true;
    flow.advance(height);
  }
}
