/**
 * Test fixtures for PDF import: letters laid out as PDFs the way Ofsted published them,
 * and "scanned" letters with no text at all.
 */
export { letterPdf, type LetterPdfOptions } from './letter-pdf';
export { scannedLetterPdf } from './scanned-letter-pdf';
export { letterBlocks, letterParts, type LetterPart, type TextBlock } from './letter-parts';
export type { Fragments } from './text-runs';
export { variedLetterPdfOptions } from './varied-options';
