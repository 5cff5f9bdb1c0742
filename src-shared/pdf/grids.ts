/**
 * Text set side by side: the cells of a table, or columns such as a letterhead's address
 * beside its telephone numbers. Both show as lines cut by wide gaps that line up from one
 * line to the next, and the two look alike: a letterhead's address and telephone numbers
 * could be a table of three rows. What tells them apart is where they are. Above the
 * letter's first paragraph, side-by-side text is columns, read one at a time, top to
 * bottom; below it, a table, read row by row, its cells in order and joined by tabs, as
 * text extraction gives a table row.
 */
import { joinWrapped } from '../letters/text-lines';
import { wrapsInto, type PageLine, type Segment } from './page-lines';

/** What a page is made of, in reading order. */
export type PageElement =
  | { kind: 'line'; line: PageLine }
  /** A table row: its cells' text, in order. */
  | { kind: 'row'; cells: string[]; page: number }
  /** Columns read one at a time: each column's lines. */
  | { kind: 'columns'; columns: string[][]; page: number }
  /** A note set apart from the running text, such as a footnote: read after the paragraph it interrupts. */
  | { kind: 'aside'; text: string; page: number };

/** How near two left edges must be to start the same column (points). */
const ALIGN = 3;
/** A gap between lines wider than this many line pitches parts rows, or ends a table. */
const ROW_GAP = 1.35;
/** The most a table's lines may be apart, in pitches: cell padding and rules add to the pitch. */
const MAX_TABLE_GAP = 2.6;
/** A single line stands alone as a row only when its gap is this wide (ems), or when nothing crowds it. */
const LONE_ROW_GAP = 3;

/** The usual distance from one baseline to the next, for text of a given size. */
export type PitchOf = (fontSize: number) => number;

interface Grid {
  /** Left edges of the columns, in order. */
  starts: number[];
  lines: PageLine[];
}

function columnOf(starts: number[], x: number): number {
  let column = 0;
  for (let j = 1; j < starts.length; j++) if (x >= starts[j]! - ALIGN) column = j;
  return column;
}

/** A segment that runs on across the start of a later column: prose, not a cell. */
function crossesColumn(starts: number[], segment: Segment): boolean {
  for (let j = 1; j < starts.length; j++) {
    const start = starts[j]!;
    if (segment.x < start - ALIGN && segment.right > start - ALIGN) return true;
  }
  return false;
}

function gapAbove(lines: PageLine[], index: number): number {
  const line = lines[index]!;
  const before = lines[index - 1];
  return before ? line.y - before.y : Number.POSITIVE_INFINITY;
}

/** Lines from `from` on that carry on the grid its first line starts. */
function growGrid(lines: PageLine[], from: number, pitch: PitchOf): Grid {
  const first = lines[from]!;
  const starts = first.segments.map((s) => s.x);
  const grid: Grid = { starts, lines: [first] };
  for (let k = from + 1; k < lines.length; k++) {
    const line = lines[k]!;
    const gap = gapAbove(lines, k);
    if (gap > MAX_TABLE_GAP * pitch(lines[k - 1]!.fontSize) || line.bullet) break;
    if (line.segments.some((s) => crossesColumn(starts, s))) break;
    // A lone line at the left after a gap is the text after the table, not a cell's next line.
    if (line.segments.length === 1 && columnOf(starts, line.x) === 0 && gap > ROW_GAP * pitch(line.fontSize)) break;
    grid.lines.push(line);
  }
  return grid;
}

/** Columns that two or more lines start a segment in: what makes wide gaps a grid rather than loose spacing. */
function sharedColumns(grid: Grid): number {
  let shared = 0;
  for (let j = 1; j < grid.starts.length; j++) {
    const start = grid.starts[j]!;
    const using = grid.lines.filter((line) => line.segments.some((s) => Math.abs(s.x - start) <= ALIGN)).length;
    if (using >= 2) shared++;
  }
  return shared;
}

function isGrid(lines: PageLine[], from: number, grid: Grid, pitch: PitchOf, rightEdge: number): boolean {
  const multi = grid.lines.filter((line) => line.segments.length > 1).length;
  if (multi >= 2) return sharedColumns(grid) >= 1;
  // One line with wide gaps: a row only if it stands apart from the text around it.
  const first = grid.lines[0]!;
  const last = grid.lines[grid.lines.length - 1]!;
  const lastIndex = from + grid.lines.length - 1;
  const below = lines[lastIndex + 1];
  const apartAbove = gapAbove(lines, from) > ROW_GAP * pitch(first.fontSize);
  const apartBelow = !below || below.y - last.y > ROW_GAP * pitch(last.fontSize);
  if (apartAbove && apartBelow) return true;
  // A loosely justified line of a paragraph has wide gaps too, but the line before it runs into it.
  const before = lines[from - 1];
  if (before && !apartAbove && wrapsInto(before, first, rightEdge)) return false;
  let widest = 0;
  for (let i = 1; i < first.segments.length; i++) widest = Math.max(widest, first.segments[i]!.x - first.segments[i - 1]!.right);
  return widest > LONE_ROW_GAP * first.fontSize;
}

/** Each line's text per column: cells[line][column]. */
function cellsByLine(grid: Grid): string[][] {
  return grid.lines.map((line) => {
    const cells = grid.starts.map(() => '');
    for (const segment of line.segments) {
      const column = columnOf(grid.starts, segment.x);
      cells[column] = cells[column] ? `${cells[column]} ${segment.text}` : segment.text;
    }
    return cells;
  });
}

/** Joins the lines of one cell or column, mending words hyphenated at a line end. */
export function joinLines(parts: string[]): string {
  let out = '';
  for (const part of parts) {
    if (out === '') out = part;
    // A soft hyphen marks where a word was broken: it goes, and the word is whole again.
    else if (out.endsWith('\u00ad')) out = out.slice(0, -1) + part;
    else out = joinWrapped(out, part);
  }
  return out;
}

/**
 * A grid in the letterhead is columns, read one at a time; a grid further down is a table,
 * read row by row. Rows are parted by the wider gaps that cell padding and rules leave, or,
 * in a table set without them, start wherever the first column has text.
 */
function readGrid(grid: Grid, pitch: PitchOf, page: number, asColumns: boolean): PageElement[] {
  const cells = cellsByLine(grid);
  if (asColumns) {
    const columns = grid.starts.map((_, j) => cells.map((c) => c[j]!).filter((text) => text !== ''));
    return [{ kind: 'columns', columns: columns.filter((c) => c.length > 0), page }];
  }
  const lines = grid.lines;
  const rowBreak = lines.map((line, i) => i > 0 && line.y - lines[i - 1]!.y > ROW_GAP * pitch(lines[i - 1]!.fontSize));
  const rowStarts = rowBreak.some(Boolean) ? rowBreak : cells.map((c) => c[0] !== '');
  rowStarts[0] = true;
  return splitRows(cells, rowStarts).map((row) => ({ kind: 'row', cells: row.filter((c) => c.length > 0), page }));
}

/** Cells of each row: a column's lines within the row joined. */
function splitRows(cells: string[][], rowStarts: boolean[]): string[][] {
  const rows: string[][][] = [];
  cells.forEach((line, i) => {
    if (rowStarts[i] || rows.length === 0) rows.push([]);
    rows[rows.length - 1]!.push(line);
  });
  return rows.map((rowLines) => rowLines[0]!.map((_, j) => joinLines(rowLines.map((l) => l[j]!).filter((t) => t !== ''))));
}

/**
 * One page's lines as lines, table rows and columns, in reading order. Grids above
 * `letterheadEnd` (a baseline) are read as columns.
 */
export function findGrids(lines: PageLine[], pitch: PitchOf, rightEdge: number, letterheadEnd = Number.NEGATIVE_INFINITY): PageElement[] {
  const elements: PageElement[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.segments.length > 1 && !line.bullet) {
      const grid = growGrid(lines, i, pitch);
      if (isGrid(lines, i, grid, pitch, rightEdge)) {
        elements.push(...readGrid(grid, pitch, line.page, line.y < letterheadEnd));
        i += grid.lines.length - 1;
        continue;
      }
    }
    elements.push({ kind: 'line', line });
  }
  return elements;
}
