/** Reading a letter again from the text an earlier reading kept: no file is needed. */
import { parseLaidOutLetter } from '../pdf/parse-pdf-letter';
import type { LetterText, ParseOutcome } from './letter';
import { parseLetterText } from './parse-letter';

/** Reads the kept text as the parser reads a file's: a PDF's laid-out text with its pages, or plain text. Never throws. */
export function reparseLetter(source: LetterText): Promise<ParseOutcome> {
  return source.pdf ? parseLaidOutLetter({ ...source, pdf: source.pdf }) : parseLetterText(source.text);
}
