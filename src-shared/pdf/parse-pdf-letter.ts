/**
 * A letter from the bytes of a PDF: its text read by a PdfReader, laid out as the text of
 * a letter, parsed as a text letter is, then given the page each section starts on.
 */
import { normaliseText } from '../letters/decode';
import type { LetterText, ParseOutcome } from '../letters/letter';
import { parseLetterText, parserFailure } from '../letters/parse-letter';
import { layoutPdfText } from './layout-pdf-text';
import type { PdfReader } from './pdf-text';
import { withSectionPages } from './section-pages';

/** Parses a PDF letter. Never throws: a PDF that is not a readable letter comes back with a reason. */
export async function parsePdfLetter(bytes: Uint8Array, readPdf: PdfReader): Promise<ParseOutcome> {
  const read = await readPdf(bytes);
  if (!read.ok) return read;
  try {
    // Each paragraph normalised alone, so the text's paragraphs and their pages stay in step.
    const paragraphs = layoutPdfText(read.pages)
      .paragraphs.map((p) => ({ text: normaliseText(p.lines.join('\n')), page: p.page }))
      .filter((p) => p.text !== '');
    const text = paragraphs.map((p) => p.text).join('\n\n');
    return await parseLaidOutLetter({ text, pdf: { pages: paragraphs.map((p) => p.page), pageCount: read.pages.length, notes: read.warnings } });
  } catch (error) {
    return parserFailure(error);
  }
}

/** Parses the laid-out text of a PDF letter, read now or kept from an earlier reading. */
export async function parseLaidOutLetter(source: LetterText & { pdf: NonNullable<LetterText['pdf']> }): Promise<ParseOutcome> {
  const outcome = await parseLetterText(source.text);
  if (!outcome.ok) return outcome;
  const { pages, pageCount, notes } = source.pdf;
  const paragraphs = source.text.split('\n\n').map((text, i) => ({ lines: text.split('\n'), page: pages[i] ?? pages[pages.length - 1] ?? 1 }));
  const letter = outcome.letter;
  return {
    ok: true,
    letter: { ...letter, sections: withSectionPages(letter.sections, paragraphs), warnings: [...letter.warnings, ...notes], pageCount },
    source,
  };
}
