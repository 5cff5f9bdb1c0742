/**
 * A letter from the bytes of a PDF: its text read by a PdfReader, laid out as the text of
 * a letter, parsed as a text letter is, then given the page each section starts on.
 */
import { normaliseText } from '../letters/decode';
import type { ParseOutcome } from '../letters/letter';
import { parseLetterText } from '../letters/parse-letter';
import { layoutPdfText } from './layout-pdf-text';
import type { PdfReader } from './pdf-text';
import { withSectionPages } from './section-pages';

/** Parses a PDF letter. Never throws: a PDF that is not a readable letter comes back with a reason. */
export async function parsePdfLetter(bytes: Uint8Array, readPdf: PdfReader): Promise<ParseOutcome> {
  const read = await readPdf(bytes);
  if (!read.ok) return read;
  try {
    const layout = layoutPdfText(read.pages);
    const outcome = await parseLetterText(normaliseText(layout.text));
    if (!outcome.ok) return outcome;
    const letter = outcome.letter;
    return {
      ok: true,
      letter: {
        ...letter,
        sections: withSectionPages(letter.sections, layout.paragraphs),
        warnings: [...letter.warnings, ...read.warnings],
        pageCount: read.pages.length,
      },
    };
  } catch (error) {
    return { ok: false, reason: `the parser failed on this file (${error instanceof Error ? error.message : String(error)})` };
  }
}
