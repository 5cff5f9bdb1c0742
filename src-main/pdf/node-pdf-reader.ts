/**
 * The PDF reader for Node (the parse command, benchmarks, tests). pdf.js's legacy build is
 * the one made for Node; it is loaded on the first PDF, so reading text files never pays for it.
 */
import type { PdfReader } from '../../src-shared/pdf/pdf-text';
import { readPdfText, type PdfjsLike } from '../../src-shared/pdf/read-pdf';

let pdfjs: Promise<PdfjsLike> | null = null;

/** Reads a PDF's text with pdf.js in this process. */
export const readPdfInNode: PdfReader = async (bytes) => {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs') as Promise<PdfjsLike>;
  return readPdfText(await pdfjs, bytes);
};
