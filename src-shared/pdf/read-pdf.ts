/**
 * Reads the positioned text of a PDF with pdf.js, and nothing else: no page is drawn, no
 * font is loaded into the page, no script runs (pdf.js's scripting sandbox is never
 * loaded) and nothing is fetched. The pdf.js build comes in as an argument, because the
 * browser and Node need different builds of it; this file stays free of both.
 */
import { errorInWords } from '../error-words';
import type { PdfPageText, PdfReadResult, PdfTextItem } from './pdf-text';
import { SameThreadPort } from './same-thread-port';

/** The little of pdf.js's API this file uses. */
export interface PdfjsLike {
  getDocument(params: Record<string, unknown>): PdfjsLoadingTask;
}

interface PdfjsLoadingTask {
  promise: Promise<PdfjsDocument>;
  destroy(): Promise<void>;
}

interface PdfjsDocument {
  numPages: number;
  getPage(pageNumber: number): Promise<PdfjsPage>;
}

interface PdfjsPage {
  getViewport(params: { scale: number }): { width: number; height: number; transform: number[] };
  getTextContent(params?: { disableNormalization?: boolean }): Promise<{ items: unknown[] }>;
}

interface PdfjsTextItem {
  str: string;
  transform: number[];
  width: number;
  fontName: string;
}

/** A letter runs to a few pages; a file with more is not one, and reading it all would take long. */
const MAX_PDF_PAGES = 200;
/** Fewer letters than this in a whole PDF: it holds no text worth reading. */
const MIN_TEXT_CHARACTERS = 20;

export const PDF_REASONS = {
  password:
    'this PDF is protected by a password, so its text cannot be read: open it, save a copy without the password and import that',
  damaged: 'this PDF is damaged or cut short: its contents cannot be read',
  noPages: 'this PDF has no pages',
  scanned: 'this PDF holds only images of pages, no text: it needs OCR (text recognition) before it can be imported',
  noText: 'this PDF holds no text',
  tooManyPages: (pages: number) => `this PDF has ${pages.toLocaleString('en-GB')} pages, far more than any letter, so it was not read`,
} as const;

/** Refuses every request to fetch data: fonts, character maps and WebAssembly are never loaded. */
class NoFetching {
  async fetch({ kind }: { kind: string }): Promise<Uint8Array> {
    throw new Error(`${kind} data is never fetched`);
  }
}

/** pdf.js options for reading text from untrusted files. */
export const SAFE_OPTIONS = {
  isEvalSupported: false,
  disableFontFace: true,
  useSystemFonts: false,
  useWorkerFetch: false,
  useWasm: false,
  enableXfa: false,
  isOffscreenCanvasSupported: false,
  isImageDecoderSupported: false,
  disableAutoFetch: true,
  disableStream: true,
  disableRange: true,
  stopAtErrors: false,
  BinaryDataFactory: NoFetching,
  // Errors only: a damaged file is reported by its outcome, not by warnings on the console.
  verbosity: 0,
} as const;

/** pdf.js's two halves, as its builds export them: the API, and the worker half's entry point. */
export interface PdfjsHalves {
  api: PdfjsLike & { PDFWorker: new (params: { port: unknown; verbosity: number }) => unknown };
  worker: { WorkerMessageHandler: { initializeFromPort(port: unknown): void } };
}

/**
 * pdf.js with both halves in this thread, joined by a port that hands messages over
 * without copying them (see same-thread-port.ts). One pdf.js worker serves every document.
 */
export function pdfjsInThisThread({ api, worker }: PdfjsHalves): PdfjsLike {
  let shared: unknown = null;
  return {
    getDocument(params) {
      if (!shared) {
        const port = new SameThreadPort();
        worker.WorkerMessageHandler.initializeFromPort(port);
        shared = new api.PDFWorker({ port, verbosity: SAFE_OPTIONS.verbosity });
      }
      return api.getDocument({ ...params, worker: shared });
    },
  };
}

/** A text item with something to read: pdf.js also gives blank items between words, and marked-content items. */
function isTextItem(item: unknown): item is PdfjsTextItem {
  const candidate = item as Partial<PdfjsTextItem> | null;
  return typeof candidate?.str === 'string' && candidate.str.trim() !== '' && Array.isArray(candidate.transform) && candidate.transform.length === 6;
}

/** An item in the page's own top-down coordinates, or null for text that does not run left to right. */
function placeItem(item: PdfjsTextItem, view: number[]): PdfTextItem | null {
  const [a, b, c, d, e, f] = item.transform as [number, number, number, number, number, number];
  const [m0, m1, m2, m3, m4, m5] = view as [number, number, number, number, number, number];
  const dirX = m0 * a + m2 * b;
  const dirY = m1 * a + m3 * b;
  if (!(dirX > 0) || Math.abs(dirY) > 0.2 * dirX) return null;
  const fontSize = Math.hypot(m0 * c + m2 * d, m1 * c + m3 * d);
  return {
    text: item.str,
    x: m0 * e + m2 * f + m4,
    y: m1 * e + m3 * f + m5,
    width: item.width * (Math.hypot(dirX, dirY) / Math.hypot(a, b) || 1),
    fontSize,
    font: item.fontName,
  };
}

function reasonFor(error: unknown): string {
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'PasswordException') return PDF_REASONS.password;
  // pdf.js's words for this one add nothing for a person.
  if (name === 'InvalidPDFException') return PDF_REASONS.damaged;
  return `${PDF_REASONS.damaged} (${errorInWords(error)})`;
}

const SUBTYPE = [...'/Subtype'].map((c) => c.charCodeAt(0));
const IMAGE = [...'/Image'].map((c) => c.charCodeAt(0));

function matchesAt(bytes: Uint8Array, at: number, word: number[]): boolean {
  for (let j = 0; j < word.length; j++) if (bytes[at + j] !== word[j]) return false;
  return true;
}

/**
 * True when the file has image objects ("/Subtype /Image"): an image is a stream, and a
 * stream's dictionary is never compressed, so a byte search finds it. ("/ImageB" and the
 * like in a page's ProcSet list mean nothing: every page may carry them.)
 */
function hasImages(bytes: Uint8Array): boolean {
  for (let i = 0; i + SUBTYPE.length < bytes.length; i++) {
    if (bytes[i] !== 0x2f || !matchesAt(bytes, i, SUBTYPE)) continue;
    let at = i + SUBTYPE.length;
    while (bytes[at] === 0x20 || bytes[at] === 0x0a || bytes[at] === 0x0d || bytes[at] === 0x09 || bytes[at] === 0x0c || bytes[at] === 0x00) at++;
    const after = bytes[at + IMAGE.length];
    // "/Image" and nothing more: a delimiter, blank or end follows it.
    if (matchesAt(bytes, at, IMAGE) && (after === undefined || !/[A-Za-z0-9]/.test(String.fromCharCode(after)))) return true;
  }
  return false;
}

/** The text of every page of a PDF, or why there is none. Never throws. */
export async function readPdfText(pdfjs: PdfjsLike, bytes: Uint8Array): Promise<PdfReadResult> {
  let task: PdfjsLoadingTask;
  try {
    // A plain Uint8Array over the same bytes, as pdf.js refuses Node's Buffer. Nothing is
    // transferred between pdf.js's halves in one thread, so the bytes are still ours after.
    task = pdfjs.getDocument({ ...SAFE_OPTIONS, data: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
  } catch (error) {
    return { ok: false, reason: reasonFor(error) };
  }
  try {
    const pdf = await task.promise;
    if (pdf.numPages < 1) return { ok: false, reason: PDF_REASONS.noPages };
    if (pdf.numPages > MAX_PDF_PAGES) return { ok: false, reason: PDF_REASONS.tooManyPages(pdf.numPages) };
    const pages: PdfPageText[] = [];
    const warnings: string[] = [];
    let characters = 0;
    let firstFailure: unknown = null;
    for (let number = 1; number <= pdf.numPages; number++) {
      try {
        const page = await pdf.getPage(number);
        const viewport = page.getViewport({ scale: 1 });
        // Ligatures are spelt out after the layout, far more cheaply (see layout-pdf-text.ts).
        const content = await page.getTextContent({ disableNormalization: true });
        const items: PdfTextItem[] = [];
        for (const item of content.items) {
          const placed = isTextItem(item) ? placeItem(item, viewport.transform) : null;
          if (!placed) continue;
          items.push(placed);
          characters += placed.text.trim().length;
        }
        pages.push({ width: viewport.width, height: viewport.height, items });
      } catch (error) {
        firstFailure ??= error;
        warnings.push(`page ${number} of the PDF could not be read, so its text is missing`);
        pages.push({ width: 0, height: 0, items: [] });
      }
    }
    if (warnings.length === pdf.numPages) return { ok: false, reason: reasonFor(firstFailure) };
    if (characters < MIN_TEXT_CHARACTERS) return { ok: false, reason: hasImages(bytes) ? PDF_REASONS.scanned : PDF_REASONS.noText };
    return { ok: true, pages, warnings };
  } catch (error) {
    return { ok: false, reason: reasonFor(error) };
  } finally {
    await task.destroy().catch(() => undefined);
  }
}
