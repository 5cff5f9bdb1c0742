/**
 * What a PDF reader gives the layout step: pieces of text with their places on the page.
 * Types only. Coordinates are in PDF points, measured from the page's top left corner,
 * whatever the PDF's own coordinate system or rotation: the reader turns them round.
 */

/** One run of text as the PDF draws it: a word, a line, or a few letters of a word. */
export interface PdfTextItem {
  text: string;
  /** Left edge of the run. */
  x: number;
  /** The run's baseline, measured down from the top of the page. */
  y: number;
  /** How far the run reaches to the right of x. */
  width: number;
  /** The height of the font's em square: the size the text is set in. */
  fontSize: number;
  /** An id for the font, the same for every run set in the same font on a page. */
  font?: string;
}

export interface PdfPageText {
  width: number;
  height: number;
  items: PdfTextItem[];
}

/** The text of a PDF's pages, or the reason it has none a person can use. */
export type PdfReadResult = { ok: true; pages: PdfPageText[]; warnings: string[] } | { ok: false; reason: string };

/** Reads the positioned text out of a PDF's bytes. Never throws. */
export type PdfReader = (bytes: Uint8Array) => Promise<PdfReadResult>;

/** True when the bytes are a PDF: `%PDF-` within the first kilobyte, where the format allows it to be. */
export function isPdf(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length - 5, 1024);
  for (let i = 0; i <= end; i++) {
    if (bytes[i] === 0x25 && bytes[i + 1] === 0x50 && bytes[i + 2] === 0x44 && bytes[i + 3] === 0x46 && bytes[i + 4] === 0x2d) return true;
  }
  return false;
}
