/**
 * One entry point for any letter file: a PDF, whatever its name, is read by the PDF reader
 * the caller brings; anything else is read as text.
 */
import { parsePdfLetter } from '../pdf/parse-pdf-letter';
import { isPdf, type PdfReader } from '../pdf/pdf-text';
import type { ParseOutcome } from './letter';
import { parseLetter } from './parse-letter';

/** Parses a file by what its bytes are, not by its name. Never throws. */
export async function parseLetterFile(bytes: Uint8Array, readPdf: PdfReader): Promise<ParseOutcome> {
  return isPdf(bytes) ? parsePdfLetter(bytes, readPdf) : parseLetter(bytes);
}
