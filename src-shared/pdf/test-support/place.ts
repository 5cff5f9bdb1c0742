/**
 * Places text on imaginary pages for the layout tests: a fixed-pitch font where every
 * character is half an em wide, so positions are easy to reason about.
 */
import type { PdfPageText, PdfTextItem } from '../pdf-text';

export const A4 = { width: 595, height: 842 };
export const CHAR = 0.5;

export function run(text: string, x: number, y: number, size = 10, font = 'F1'): PdfTextItem {
  return { text, x, y, width: text.length * CHAR * size, fontSize: size, font };
}

export function widthOf(text: string, size = 10): number {
  return text.length * CHAR * size;
}

export interface Flow {
  x: number;
  width: number;
  y: number;
  size?: number;
  leading?: number;
  /** Spread the words to fill each line but the last. */
  justify?: boolean;
  /** Draw each word as its own run. */
  byWord?: boolean;
  font?: string;
}

/** Wraps text greedily into lines within `width`; gives the runs and the baseline after the last line. */
export function flow(text: string, f: Flow): { items: PdfTextItem[]; lines: number; nextY: number } {
  const size = f.size ?? 10;
  const leading = f.leading ?? 1.2;
  const space = widthOf(' ', size);
  const words = text.split(' ');
  const lines: string[][] = [];
  let current: string[] = [];
  for (const word of words) {
    const candidate = [...current, word].join(' ');
    if (current.length > 0 && widthOf(candidate, size) > f.width) {
      lines.push(current);
      current = [word];
    } else current.push(word);
  }
  if (current.length > 0) lines.push(current);

  const items: PdfTextItem[] = [];
  lines.forEach((lineWords, i) => {
    const y = f.y + i * size * leading;
    const last = i === lines.length - 1;
    const natural = widthOf(lineWords.join(' '), size);
    const extra = f.justify && !last && lineWords.length > 1 ? (f.width - natural) / (lineWords.length - 1) : 0;
    if (!f.byWord && extra === 0) {
      items.push(run(lineWords.join(' '), f.x, y, size, f.font));
      return;
    }
    let x = f.x;
    for (const word of lineWords) {
      items.push(run(word, x, y, size, f.font));
      x += widthOf(word, size) + space + extra;
    }
  });
  return { items, lines: lines.length, nextY: f.y + lines.length * size * leading };
}

export function page(items: PdfTextItem[]): PdfPageText {
  return { ...A4, items };
}
