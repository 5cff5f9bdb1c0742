/**
 * From positioned runs of text to lines: runs that share a baseline are one line, read
 * left to right, with a space wherever the gap between two runs is as wide as a space.
 * A line is also cut into segments where a gap is far wider than a space: the gutter
 * between two columns, or between the cells of a table row.
 */
import type { PdfPageText, PdfTextItem } from './pdf-text';

/** A run of text on a line, with its leading and trailing blanks taken off. */
export interface Piece {
  text: string;
  x: number;
  right: number;
  fontSize: number;
  font: string;
}

/** Text between two wide gaps on a line. */
export interface Segment {
  text: string;
  x: number;
  right: number;
}

export interface PageLine {
  /** 1-based. */
  page: number;
  /** Baseline, down from the top of the page. */
  y: number;
  /** The size most of the line's text is set in. */
  fontSize: number;
  /** The font most of the line's text is set in. */
  font: string;
  x: number;
  right: number;
  /** The line began with a bullet mark, which is not in `segments`. */
  bullet: boolean;
  segments: Segment[];
  /** Width of the line's first word, to tell whether it would have fitted on the line before. */
  firstWordWidth: number;
}

/** Runs closer than this share a baseline, as a share of the font size: superscripts shift less. */
const BASELINE_TOLERANCE = 0.4;
/** A gap wider than this (in ems) is a space between words. */
const SPACE_GAP = 0.15;
/** A gap wider than this (in ems) parts segments: more than any space of justified prose but the loosest. */
const SEGMENT_GAP = 1.0;

const BULLET_MARK = /^[•●▪■◦‣∙·\-–—\uF0B7\uF0A7\uF076\uF0D8\uF0FC\uF0A8o]$/u;
const LEADING_BULLET = /^[•●▪■◦‣∙\uF0B7\uF0A7\uF076\uF0D8\uF0FC\uF0A8]\s*/u;

function toPiece(item: PdfTextItem): (Piece & { y: number }) | null {
  const raw = item.text;
  const text = raw.trim();
  if (text === '' || !(item.fontSize > 0) || !Number.isFinite(item.x) || !Number.isFinite(item.y)) return null;
  // Blanks inside a run take up width: shift the edges by their share of it.
  const perChar = raw.length > 0 ? Math.max(item.width, 0) / raw.length : 0;
  const lead = raw.length - raw.trimStart().length;
  const trail = raw.length - raw.trimEnd().length;
  const x = item.x + lead * perChar;
  const right = Math.max(x, item.x + Math.max(item.width, 0) - trail * perChar);
  return { text, x, right, fontSize: item.fontSize, font: item.font ?? '', y: item.y };
}

/** The value most of the weights go to; `values` must not be empty. */
export function dominant<T>(values: [T, number][]): T {
  const weights = new Map<T, number>();
  let best = values[0]![0];
  let bestWeight = -1;
  for (const [value, weight] of values) {
    const total = (weights.get(value) ?? 0) + weight;
    weights.set(value, total);
    if (total > bestWeight) {
      best = value;
      bestWeight = total;
    }
  }
  return best;
}

/** Drops a run drawn again on top of itself (some tools draw bold text twice, a hair apart). */
function withoutOverprints(pieces: Piece[]): Piece[] {
  const kept: Piece[] = [];
  for (const piece of pieces) {
    const last = kept[kept.length - 1];
    if (last && last.text === piece.text && Math.abs(last.x - piece.x) < piece.fontSize * 0.2) continue;
    kept.push(piece);
  }
  return kept;
}

/** The furthest right edge; a loop, as spreading a line of many thousand runs into Math.max overflows the stack. */
function rightmost(spans: readonly { right: number }[]): number {
  let right = Number.NEGATIVE_INFINITY;
  for (const span of spans) if (span.right > right) right = span.right;
  return right;
}

function joinPieces(pieces: Piece[]): string {
  let text = '';
  let previous: Piece | null = null;
  for (const piece of pieces) {
    if (previous) {
      const gap = piece.x - previous.right;
      const em = Math.min(previous.fontSize, piece.fontSize);
      if (gap > SPACE_GAP * em && !text.endsWith(' ')) text += ' ';
    }
    text += piece.text;
    previous = piece;
  }
  return text;
}

function segmentsOf(pieces: Piece[]): Segment[] {
  const segments: Segment[] = [];
  let run: Piece[] = [];
  const flush = () => {
    if (run.length === 0) return;
    segments.push({ text: joinPieces(run), x: run[0]!.x, right: rightmost(run) });
    run = [];
  };
  for (const piece of pieces) {
    const last = run[run.length - 1];
    if (last && piece.x - last.right > SEGMENT_GAP * Math.max(last.fontSize, piece.fontSize)) flush();
    run.push(piece);
  }
  flush();
  return segments;
}

function firstWordWidth(pieces: Piece[]): number {
  const first = pieces[0];
  if (!first) return 0;
  const space = first.text.indexOf(' ');
  if (space === -1) {
    // The word may go on in the next runs, drawn letter by letter.
    let right = first.right;
    for (const piece of pieces.slice(1)) {
      if (piece.x - right > SPACE_GAP * piece.fontSize) break;
      right = piece.right;
      if (piece.text.includes(' ')) break;
    }
    return right - first.x;
  }
  return ((first.right - first.x) * space) / first.text.length;
}

/** Takes a bullet mark off the front of a line: a run of its own, or the first character of the first run. */
function takeBullet(pieces: Piece[]): { pieces: Piece[]; bullet: boolean } {
  const first = pieces[0];
  const second = pieces[1];
  if (!first) return { pieces, bullet: false };
  // A lone mark counts only with text after it and a gap: "o" or "-" alone could be a word.
  if (BULLET_MARK.test(first.text) && second && second.x - first.right > SPACE_GAP * first.fontSize) {
    return { pieces: pieces.slice(1), bullet: true };
  }
  const match = LEADING_BULLET.exec(first.text);
  if (match && match[0].length < first.text.length) {
    const perChar = (first.right - first.x) / first.text.length;
    const rest = { ...first, text: first.text.slice(match[0].length), x: first.x + perChar * match[0].length };
    return { pieces: [rest, ...pieces.slice(1)], bullet: true };
  }
  return { pieces, bullet: false };
}

function makeLine(page: number, pieces: Piece[]): PageLine | null {
  const sorted = withoutOverprints([...pieces].sort((a, b) => a.x - b.x));
  const { pieces: body, bullet } = takeBullet(sorted);
  if (body.length === 0) return null;
  const weighted = body.map((p): [number, number] => [p.fontSize, p.text.length]);
  const fonts = body.map((p): [string, number] => [p.font, p.text.length]);
  const segments = segmentsOf(body);
  return {
    page,
    y: 0,
    fontSize: dominant(weighted),
    font: dominant(fonts),
    x: segments[0]!.x,
    right: rightmost(segments),
    bullet,
    segments,
    firstWordWidth: firstWordWidth(body),
  };
}

/** The lines of one page, top to bottom. */
export function pageLines(page: PdfPageText, pageNumber: number): PageLine[] {
  const pieces: (Piece & { y: number })[] = [];
  for (const item of page.items) {
    const piece = toPiece(item);
    if (piece) pieces.push(piece);
  }
  pieces.sort((a, b) => a.y - b.y || a.x - b.x);

  const lines: PageLine[] = [];
  let group: (Piece & { y: number })[] = [];
  let baseline = 0;
  let size = 0;
  const flush = () => {
    const line = group.length > 0 ? makeLine(pageNumber, group) : null;
    if (line) {
      // The baseline of the line's main text, not of a superscript.
      line.y = dominant(group.map((p): [number, number] => [Math.round(p.y * 10) / 10, p.text.length]));
      lines.push(line);
    }
    group = [];
  };
  for (const piece of pieces) {
    if (group.length > 0 && Math.abs(piece.y - baseline) > BASELINE_TOLERANCE * Math.max(size, piece.fontSize)) flush();
    if (group.length === 0) {
      baseline = piece.y;
      size = piece.fontSize;
    }
    group.push(piece);
    size = Math.max(size, piece.fontSize);
  }
  flush();
  return lines;
}

/** A space, as a share of the font size, for the test of whether a word would have fitted. */
const SPACE = 0.25;
/** Slack in the right margin, in ems. */
const MARGIN_SLACK = 0.3;

/**
 * Whether `next` could be the rest of `line` wrapped: a word processor moves a word to
 * the next line only when it would overrun the right margin.
 */
export function wrapsInto(line: PageLine, next: PageLine, rightEdge: number): boolean {
  const em = line.fontSize;
  return line.right + SPACE * em + next.firstWordWidth > rightEdge - MARGIN_SLACK * em;
}

/** A single line of text, not cut into columns, set smaller than the letter's own text: a note, a reference, a page's furniture. */
export function inSmallType(line: PageLine, bodySize: number): boolean {
  return line.fontSize < bodySize * 0.9 && line.segments.length === 1;
}

/** A line's text with its segments run together, as prose. */
export function lineText(line: PageLine): string {
  return line.segments.map((s) => s.text).join(' ');
}
