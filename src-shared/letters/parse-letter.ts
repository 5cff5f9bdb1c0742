/**
 * The parser's entry point: the bytes of one file in, a Letter or a reason out.
 * Pure TypeScript: runs in the renderer's import worker, in Node for the command line, and in tests.
 */
import { errorInWords } from '../error-words';
import { decodeLetterBytes } from './decode';
import { detectKind } from './detect-kind';
import { findCouncil } from './find-council';
import { layoutLetter, readRecipient } from './header';
import { findLetterDate } from './letter-date';
import { LETTER_YEARS, type Letter, type ParseOutcome } from './letter';
import { ratingLetterTitle } from './letter-words';
import { readApaSections } from './apa-sections';
import { readRatingSections } from './rating-sections';
import { readSignatory } from './closing';
import { sha256Hex } from './sha256';
import { blockText, canonicalText, restoreApostrophes, stripMarkup, toBlocks } from './text-lines';
import { sentenceCase } from './names';
import { toUnits } from './units';


/** Works out a letter's id, the SHA-256 of its canonical text: in TypeScript unless a thread sets a cheaper way. */
let digestOf: (text: string) => string | Promise<string> = sha256Hex;

/**
 * Sets how this thread works out letters' ids: any digest giving sha256Hex's (the import's
 * parse worker sets Web Crypto's, webSha256Hex).
 */
export function digestIdsWith(digest: (text: string) => string | Promise<string>): void {
  digestOf = digest;
}

/** Parses the bytes of a file. Never throws: anything that is not a letter comes back with a reason. */
export async function parseLetter(bytes: Uint8Array): Promise<ParseOutcome> {
  const decoded = decodeLetterBytes(bytes);
  if (!decoded.ok) return decoded;
  const outcome = await parseLetterText(decoded.text);
  if (outcome.ok && decoded.utf8) outcome.fileUtf8 = decoded.utf8;
  return outcome;
}

/** Parses already-decoded, normalised text. */
export async function parseLetterText(text: string): Promise<ParseOutcome> {
  try {
    // Every rule below reads the repaired text, so none has to allow for lost apostrophes
    // or emphasis marks itself.
    const repaired = stripMarkup(restoreApostrophes(text));
    // The kind is read without page footers and line breaks, so a footer that fell inside a
    // title cannot hide it. Most letters need no repair, and then the id's text serves.
    const canonical = canonicalText(text);
    const kind = detectKind(repaired === text ? canonical : canonicalText(repaired));
    if (!kind.ok) return kind;
    const blocks = toBlocks(repaired);
    const layout = layoutLetter(blocks);
    const headerText = layout.addressLines.join(' ');
    const date = findLetterDate(blocks.slice(0, 12).map(blockText).join('\n')) ?? findLetterDate(repaired.slice(0, 4000));
    if (!date) return { ok: false, reason: 'no date was found in the letter' };
    const year = Number(date.slice(0, 4));

    const units = toUnits(layout.body);
    const bodyText = units.map((u) => u.text).join('\n');
    const parsed = kind.kind === 'apa' ? readApaSections(units) : readRatingSections(units, layout.title, year);
    // A note or a list that merely mentions these letters has neither a greeting nor a grade.
    if (!layout.salutation && !parsed.sections.some((s) => s.grade)) {
      return { ok: false, reason: 'not a letter: it mentions Ofsted letters but has no "Dear ..." greeting and no grade' };
    }
    const found = findCouncil(kind.kind, layout.title, headerText, bodyText);
    if (!found) return { ok: false, reason: 'no council is named in the letter' };

    const warnings: string[] = [];
    if (found.warning) warnings.push(found.warning);
    const [from, to] = LETTER_YEARS[kind.kind];
    if (year < from || year > to) {
      warnings.push(
        kind.kind === 'apa'
          ? `dated ${year}, but annual performance assessments ran from 2005 to 2008`
          : `dated ${year}, but annual ratings were given in 2009 and 2010, and annual assessments in 2011`,
      );
    }

    warnings.push(...parsed.warnings);
    const recipient = readRecipient(layout.addressLines, layout.salutation, found.council.name);
    if (!recipient) warnings.push('no recipient was found in the address');
    const signatory = readSignatory(layout.closing);
    if (!signatory) warnings.push('no signatory was found');

    const letter: Letter = {
      id: await digestOf(canonical),
      kind: kind.kind,
      date,
      year,
      title: letterTitle(kind.kind, layout.title, found.council.name, year),
      council: found.council,
      recipient,
      signatory,
      overall: parsed.overall,
      sections: parsed.sections,
      warnings,
    };
    return { ok: true, letter, source: { text } };
  } catch (error) {
    // A parser bug must not stop an import: the file is reported, and the rest go on.
    return parserFailure(error);
  }
}

/** The outcome for a file the parser itself failed on: the file is reported, and the rest go on. */
export function parserFailure(error: unknown): ParseOutcome {
  return { ok: false, reason: `the reader could not make sense of this file (${errorInWords(error)})` };
}

function letterTitle(kind: Letter['kind'], title: string | null, councilName: string, year: number): string {
  if (title) {
    const cased = sentenceCase(title);
    // A title in capitals names the council in capitals: give it back its written form.
    return cased === title ? title : cased.replace(new RegExp(councilName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i'), councilName);
  }
  if (kind === 'apa') return `${year} annual performance assessment of services for children and young people in ${councilName}`;
  return ratingLetterTitle(year);
}
