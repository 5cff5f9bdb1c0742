/**
 * Setting text by hand: measuring words, breaking a paragraph into lines greedily, and
 * drawing a line in one of the ways real PDFs hold text (whole lines, word by word, or
 * in the small pieces that kerning leaves behind).
 */
import type { Doc } from './pdf-document';
import { WIN_ANSI_HIGH } from './win-ansi';

/** A font and a size. */
export interface TextStyle {
  font: 'Helvetica' | 'Helvetica-Bold';
  size: number;
}

/** How a line's text is split into text-showing operations. */
export type Fragments = 'line' | 'word' | 'pieces';

/**
 * The few pdfkit internals that drawing text directly needs: the current font's resource
 * name and reference, and the page's font resources. pdfkit is pinned (0.20.2), and its own
 * text path costs a buffer per operator, which made a ten-page letter take 200 ms.
 */
interface PdfkitInternals {
  _font: { id: string; ref(): unknown };
  page: { fonts: Record<string, unknown>; height: number };
}

/** `text` (already in WinAnsi's repertoire, see `toWinAnsi`) as a PDF hex string. */
function hexString(text: string): string {
  let hex = '<';
  for (const ch of text) {
    const code = WIN_ANSI_HIGH.get(ch) ?? ch.charCodeAt(0);
    hex += (code & 0xff).toString(16).padStart(2, '0');
  }
  return `${hex}>`;
}

const num = (n: number): string => String(Math.round(n * 100) / 100);

/**
 * Measures strings in a style and draws them. Widths are the sum of the glyphs' widths,
 * without kerning, which is how the text is drawn too (as Word draws body text), so a
 * justified line ends exactly at the column's edge.
 */
export class Measurer {
  // Widths depend only on font, size and text, so every document shares them: property
  // tests make hundreds of letters from the same words.
  private static readonly glyphs = new Map<string, number>();
  private static readonly strings = new Map<string, number>();

  constructor(private readonly doc: Doc) {}

  /** Width of `text` in points. */
  width(style: TextStyle, text: string): number {
    const key = `${style.font}|${style.size}|${text}`;
    let width = Measurer.strings.get(key);
    if (width === undefined) {
      width = 0;
      for (const ch of text) width += this.glyphWidth(style, ch);
      // A bound on memory for very long runs (a corpus of many thousand letters).
      if (Measurer.strings.size > 200_000) Measurer.strings.clear();
      Measurer.strings.set(key, width);
    }
    return width;
  }

  private glyphWidth(style: TextStyle, ch: string): number {
    const key = `${style.font}|${ch}`;
    let width = Measurer.glyphs.get(key);
    if (width === undefined) {
      // A single glyph has no kerning pair: its width at 1000 pt is its advance in font units.
      width = this.doc.font(style.font).fontSize(1000).widthOfString(ch);
      Measurer.glyphs.set(key, width);
    }
    return (width * style.size) / 1000;
  }

  /**
   * Writes `runs` (pieces of text at their x) on the baseline `baseline` (from the top of
   * the page). `wordSpacing` widens every space of a run, as Word justifies; `spans` puts
   * each run in its own marked-content span, as tagged PDFs do.
   */
  show(style: TextStyle, runs: readonly (readonly [number, string])[], baseline: number, wordSpacing: number, spans: boolean): void {
    const doc = this.doc.font(style.font).fontSize(style.size);
    const internals = doc as unknown as PdfkitInternals;
    const fontId = internals._font.id;
    internals.page.fonts[fontId] ??= internals._font.ref();
    // pdfkit's page space runs downwards; text space is flipped back for the text's sake.
    const y = num(internals.page.height - baseline);
    const ops: string[] = [`q 1 0 0 -1 0 ${num(internals.page.height)} cm`];
    for (const [x, text] of runs) {
      if (spans) ops.push('/Span BMC');
      ops.push(`BT /${fontId} ${num(style.size)} Tf ${wordSpacing ? `${num(wordSpacing)} Tw ` : ''}1 0 0 1 ${num(x)} ${y} Tm ${hexString(text)} Tj ET`);
      if (spans) ops.push('EMC');
    }
    ops.push('Q');
    doc.addContent(ops.join('\n'));
  }
}

/** One line of a paragraph, ready to draw. */
export interface SetLine {
  words: string[];
  /** Widths of `words`. */
  widths: number[];
  /** Spread the words to fill the width: every line of a justified paragraph but the last. */
  justify: boolean;
}

/**
 * Breaks `text` into lines no wider than `maxWidth`, greedily, as a word processor does:
 * a hyphenated compound that does not fit may break after a hyphen, and a word wider than
 * the whole line is cut where it must be.
 */
export function breakLines(measure: Measurer, style: TextStyle, text: string, maxWidth: number): SetLine[] {
  const space = measure.width(style, ' ');
  const lines: SetLine[] = [];
  let words: string[] = [];
  let widths: number[] = [];
  let used = 0;
  const close = (justify: boolean): void => {
    if (words.length > 0) lines.push({ words, widths, justify });
    words = [];
    widths = [];
    used = 0;
  };
  const add = (word: string, width: number): void => {
    used += (words.length > 0 ? space : 0) + width;
    words.push(word);
    widths.push(width);
  };
  const pending = text.split(/\s+/).filter((w) => w !== '');
  while (pending.length > 0) {
    const word = pending.shift()!;
    const width = measure.width(style, word);
    // A hair of tolerance: a line measured word by word must fit where it fitted measured whole.
    const room = maxWidth - used - (words.length > 0 ? space : 0) + 1e-6;
    if (width <= room) {
      add(word, width);
      continue;
    }
    const [head, tail] = splitToFit(measure, style, word, room, words.length === 0);
    if (head !== null) {
      add(head, measure.width(style, head));
      pending.unshift(tail);
    } else {
      pending.unshift(word);
    }
    close(true);
  }
  close(false);
  return lines;
}

/**
 * The longest start of `word` that fits in `room`: after a hyphen if it has one, or, on an
 * otherwise empty line (`mustFit`), wherever the width runs out. Null when it stays whole.
 */
function splitToFit(measure: Measurer, style: TextStyle, word: string, room: number, mustFit: boolean): [string, string] | [null, null] {
  for (let at = word.lastIndexOf('-', word.length - 3); at >= 2; at = word.lastIndexOf('-', at - 1)) {
    const head = word.slice(0, at + 1);
    if (measure.width(style, head) <= room) return [head, word.slice(at + 1)];
  }
  if (!mustFit) return [null, null];
  let cut = 1;
  while (cut < word.length - 1 && measure.width(style, word.slice(0, cut + 1)) <= room) cut++;
  return [word.slice(0, cut), word.slice(cut)];
}

/** Where the words of a line start, justified to `width` or with plain spaces. */
function wordPositions(measure: Measurer, style: TextStyle, line: SetLine, x: number, width: number): number[] {
  const total = line.widths.reduce((a, b) => a + b, 0);
  const gaps = line.words.length - 1;
  const gap = line.justify && gaps > 0 ? (width - total) / gaps : measure.width(style, ' ');
  const positions: number[] = [];
  let at = x;
  line.words.forEach((_w, n) => {
    positions.push(at);
    at += (line.widths[n] ?? 0) + gap;
  });
  return positions;
}

/** What drawing a line needs besides the line. */
export interface LineDrawing {
  fragments: Fragments;
  random: () => number;
}

/**
 * Draws a line of words with its baseline at `baseline`. 'line' shows the whole line at
 * once, spaces included (a justified line widens them with the word-spacing operator, as
 * Word does); 'word' shows each word at its place, with no spaces;
 * 'pieces' cuts each word into pieces of 1 to 4 characters, each nudged by a hair, as
 * kerned text comes out of real PDFs. Words and pieces are each wrapped in marked content,
 * as tagged PDFs wrap their spans, which is what keeps pdf.js from merging them again.
 */
export function drawLine(measure: Measurer, style: TextStyle, line: SetLine, x: number, width: number, baseline: number, how: LineDrawing): void {
  if (how.fragments === 'line') {
    const natural = line.widths.reduce((a, b) => a + b, 0) + measure.width(style, ' ') * (line.words.length - 1);
    const spread = line.justify && line.words.length > 1 ? (width - natural) / (line.words.length - 1) : 0;
    measure.show(style, [[x, line.words.join(' ')]], baseline, spread, false);
    return;
  }
  const positions = wordPositions(measure, style, line, x, width);
  const runs: [number, string][] = [];
  line.words.forEach((word, n) => {
    const start = positions[n] ?? x;
    if (how.fragments === 'word') {
      runs.push([start, word]);
      return;
    }
    for (const [offset, piece] of cutIntoPieces(measure, style, word, how.random)) {
      // Under a tenth of a point either way: far below what reads as a space.
      runs.push([start + offset + (how.random() - 0.5) * 0.2, piece]);
    }
  });
  measure.show(style, runs, baseline, 0, true);
}

/** Random pieces of 1 to 4 characters, each with its offset from the word's start. */
function cutIntoPieces(measure: Measurer, style: TextStyle, word: string, random: () => number): [number, string][] {
  const pieces: [number, string][] = [];
  for (let start = 0; start < word.length; ) {
    const length = 1 + Math.floor(random() * 4);
    const piece = word.slice(start, start + length);
    pieces.push([measure.width(style, word.slice(0, start)), piece]);
    start += length;
  }
  return pieces;
}
