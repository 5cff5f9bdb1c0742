/**
 * Reads a PDF back with pdf.js, as the app's importer will: the text items of every page,
 * with their positions in PDF space (y grows upwards, so a lower line has a smaller y).
 */

/** One text item as pdf.js reports it. */
export interface PdfItem {
  str: string;
  x: number;
  /** Baseline, from the bottom of the page. */
  y: number;
  width: number;
  hasEOL: boolean;
  fontName: string;
}

/** One page: its size and its text items in content order. */
export interface PdfPage {
  width: number;
  height: number;
  items: PdfItem[];
  /** Names of the drawing operators used on the page (pdf.js OPS names). */
  operators: string[];
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | null = null;

/** pdf.js's Node build, loaded once. */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs;
}

/** Opens `data` (copied: pdf.js takes over the buffer it is given) and reads every page. */
export async function readPdf(data: Uint8Array, options: { password?: string; operators?: boolean } = {}): Promise<PdfPage[]> {
  const lib = await loadPdfJs();
  const task = lib.getDocument({ data: data.slice(), isEvalSupported: false, disableFontFace: true, verbosity: 0, ...(options.password ? { password: options.password } : {}) });
  const pdf = await task.promise;
  try {
    const opNames = new Map(Object.entries(lib.OPS).map(([name, code]) => [code, name]));
    const pages: PdfPage[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const [, , width = 0, height = 0] = page.view;
      const content = await page.getTextContent();
      const items: PdfItem[] = [];
      for (const item of content.items) {
        if (!('str' in item)) continue;
        items.push({ str: item.str, x: item.transform[4] as number, y: item.transform[5] as number, width: item.width, hasEOL: item.hasEOL, fontName: item.fontName });
      }
      const operators = options.operators ? (await page.getOperatorList()).fnArray.map((code) => opNames.get(code) ?? String(code)) : [];
      pages.push({ width, height, items, operators });
    }
    return pages;
  } finally {
    await task.destroy();
  }
}

/** The items' text as one string, a space at every line end, runs of white space made one. */
export function joinedText(items: readonly PdfItem[]): string {
  return items
    .map((i) => i.str + (i.hasEOL ? ' ' : ''))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The page furniture letterPdf draws: page numbers, and the running header. */
const FURNITURE = /^Page \d+ of \d+$|: (annual performance assessment|children's services annual rating)/;

/** The letter's own text items on a page: no page numbers, no running header. */
export function bodyItems(page: PdfPage): PdfItem[] {
  return visible(page.items).filter((i) => !FURNITURE.test(i.str));
}

/** Text with no white space at all, to compare words however they were spaced. */
export function squash(text: string): string {
  return text.replace(/\s+/g, '');
}

/** Items that carry more than white space. */
export function visible(items: readonly PdfItem[]): PdfItem[] {
  return items.filter((i) => i.str.trim() !== '');
}

/** Whether two baselines are the same line (pdf.js rounds positions a little differently per item). */
export function sameBaseline(a: PdfItem, b: PdfItem): boolean {
  return Math.abs(a.y - b.y) < 0.01;
}
