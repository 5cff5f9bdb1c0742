/**
 * Words for what an import report and the app's messages say to a person: each reason as a
 * sentence, and each duplicate file with the letter it holds.
 */
import { dateInWords, kindName } from '../../../src-shared/letters/letter-words';
import type { DuplicatedLetter, DuplicateFile } from '../archive/types';

/**
 * A message as a sentence of its own: a capital letter to start it and a full stop to end it
 * (a question or exclamation mark, or a closing quotation after one, also ends it). Reasons
 * are written to follow a file name ("the file is empty"); shown on a line of their own, they
 * read as "The file is empty." A message that starts with a file name or code in quotation
 * marks keeps its case.
 */
export function asSentence(message: string): string {
  const text = message.trim().replace(/\s+/g, ' ');
  if (text === '') return text;
  const capital = text.charAt(0).toLocaleUpperCase('en-GB') + text.slice(1);
  return /[.!?\u2026]["\u201d\u2019')]*$/.test(capital) ? capital : `${capital}.`;
}

/** "Coventry, annual performance assessment 2007, 28 November 2007". */
export function letterInWords(letter: DuplicatedLetter): string {
  const kind = kindName(letter.kind, letter.year);
  return `${letter.council}, ${kind.charAt(0).toLowerCase()}${kind.slice(1)} ${letter.year}, ${dateInWords(letter.date)}`;
}

/** A file in a folder, written with the folder's own separator. */
export function pathIn(folder: string, file: string): string {
  const separator = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  const inFolder = separator === '\\' ? file.replace(/\//g, '\\') : file;
  return folder.endsWith(separator) ? `${folder}${inFolder}` : `${folder}${separator}${inFolder}`;
}

/**
 * What a report says of a duplicate file, in three parts: the words before the file the letter
 * was first imported from, that file (shown as a file name; empty when there is none to show),
 * and the words after it. Together they make one sentence.
 */
export function duplicateWords(duplicate: DuplicateFile): { before: string; file: string; after: string } {
  const { letter, sameAs } = duplicate;
  if (!letter) return { before: 'The same letter as ', file: sameAs, after: '.' };
  const which = letterInWords(letter);
  if (letter.wasSample) {
    return { before: `One of the sample letters (${which}). It is kept as your letter, read from this file.`, file: '', after: '' };
  }
  const first = letter.folder !== undefined ? pathIn(letter.folder, sameAs) : sameAs;
  if (first === duplicate.file) return { before: `Already in the archive from this file: ${which}.`, file: '', after: '' };
  return { before: 'The same letter as ', file: first, after: `: ${which}.` };
}
