/**
 * The PDF reader for Node (the parse command, benchmarks, tests). pdf.js's legacy build is
 * the one made for Node; it is loaded on the first PDF, so reading text files never pays for it.
 */
import type { PdfReader } from '../../src-shared/pdf/pdf-text';
import { pdfjsInThisThread, readPdfText, type PdfjsHalves, type PdfjsLike } from '../../src-shared/pdf/read-pdf';

let pdfjs: Promise<PdfjsLike> | null = null;

/**
 * Loads the legacy build. It brings core-js, which swaps Array.prototype.push and JSON's
 * methods for slower ones to mend corner cases nothing here reaches (arrays longer than
 * 2^32 items, JSON source text access). That slowed reading PDFs, and everything after,
 * by a third in our measurements, so the engine's own are put back.
 */
async function loadLegacyBuild(): Promise<PdfjsLike> {
  const push = Object.getOwnPropertyDescriptor(Array.prototype, 'push')!;
  const { stringify, parse } = JSON;
  const [api, worker] = await Promise.all([import('pdfjs-dist/legacy/build/pdf.mjs'), import('pdfjs-dist/legacy/build/pdf.worker.mjs')]);
  Object.defineProperty(Array.prototype, 'push', push);
  Object.assign(JSON, { stringify, parse });
  return pdfjsInThisThread({ api, worker } as unknown as PdfjsHalves);
}

/** Reads a PDF's text with pdf.js in this process. */
export const readPdfInNode: PdfReader = async (bytes) => {
  pdfjs ??= loadLegacyBuild();
  return readPdfText(await pdfjs, bytes);
};
