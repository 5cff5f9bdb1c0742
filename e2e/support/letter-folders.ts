/** Folders of letter files made for a test, in the system's temporary folder. */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findCouncilName, pickVariation, seededRandom, varyLetter, detectSampleKind, type CouncilName } from '../../src-main/corpus/vary-letter';
import { curlyQuotes } from '../../src-main/corpus/damage';
import { letterPdf, scannedLetterPdf } from '../../src-main/pdf-fixtures';
import { REPO, SAMPLE_FOLDER } from './app-fixture';

const councils = JSON.parse(readFileSync(path.join(REPO, 'resources', 'councils', 'councils.json'), 'utf8')) as CouncilName[];

function sample(name: string): string {
  return readFileSync(path.join(SAMPLE_FOLDER, name), 'utf8');
}

export function tempFolder(prefix: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `letter-archive-${prefix}-`));
}

/** A letter the sample archive does not hold: the Stoke-on-Trent letter written about another council. */
export function letterAbout(council: CouncilName, day: number): string {
  const text = sample('stoke-on-trent-2009-annual-rating.txt');
  return varyLetter(text, { council, date: { year: 2009, month: 12, day }, grades: [3] }, findCouncilName(text) ?? undefined);
}

/**
 * Two good letters beside an empty file, a binary file, a text file that is not a letter,
 * and a link to a letter outside the folder (which must never be read).
 */
export function mixedFolder(): { folder: string; outsideLetter: string } {
  const root = tempFolder('mixed');
  const folder = path.join(root, 'letters');
  const outside = path.join(root, 'outside');
  mkdirSync(folder);
  mkdirSync(outside);
  writeFileSync(path.join(folder, 'walsall-2009.txt'), letterAbout({ officialName: 'Walsall Metropolitan Borough Council', displayName: 'Walsall' }, 9));
  mkdirSync(path.join(folder, 'more'));
  writeFileSync(path.join(folder, 'more', 'kent-2009.txt'), letterAbout({ officialName: 'Kent County Council', displayName: 'Kent' }, 10));
  writeFileSync(path.join(folder, 'empty.txt'), '');
  writeFileSync(path.join(folder, 'scan.pdf'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34, 0x0a, 0x00, 0x00, 0xff, 0xfe, 0x00, 0x01, 0x02]));
  writeFileSync(path.join(folder, 'minutes.txt'), 'Minutes of the scrutiny committee\n\nItems: budget, school places, highways.\n');
  const outsideLetter = path.join(outside, 'secret.txt');
  writeFileSync(outsideLetter, letterAbout({ officialName: 'Cornwall Council', displayName: 'Cornwall' }, 11));
  symlinkSync(outsideLetter, path.join(folder, 'linked-letter.txt'));
  return { folder, outsideLetter };
}

/** Many letters made from the samples, for a long import. */
export function manyLettersFolder(count: number): string {
  const folder = tempFolder('many');
  const random = seededRandom(2009);
  const samples = readdirSync(SAMPLE_FOLDER).filter((n) => n.endsWith('.txt')).map(sample);
  for (let i = 0; i < count; i++) {
    const text = samples[i % samples.length]!;
    const variation = pickVariation(random, detectSampleKind(text), councils);
    // The day makes every letter distinct even when council and grades repeat.
    variation.date = { ...variation.date, day: 1 + (i % 28) };
    writeFileSync(path.join(folder, `letter-${String(i).padStart(4, '0')}.txt`), varyLetter(text, variation, findCouncilName(text) ?? undefined) + `\n\nReference ${i}`);
  }
  return folder;
}

/**
 * A folder with one letter, the Stoke-on-Trent letter written about `council`, whose rating
 * paragraph starts with `markup`: what a careless or hostile file might carry.
 */
export function letterWithMarkupFolder(council: CouncilName, markup: string): string {
  const folder = tempFolder('markup');
  const anchor = 'The overall effectiveness of';
  const text = letterAbout(council, 14);
  if (!text.includes(anchor)) throw new Error(`the sample letter no longer says "${anchor}"`);
  writeFileSync(path.join(folder, 'letter-with-markup.txt'), text.replace(anchor, `${markup} ${anchor}`));
  return folder;
}

/** An APA letter the sample archive does not hold: the Coventry 2007 letter written about `council`. */
export function apaLetterAbout(council: CouncilName, grades: (1 | 2 | 3 | 4)[]): string {
  const text = sample('coventry-2007-annual-performance-assessment.txt');
  return varyLetter(text, { council, date: { year: 2007, month: 11, day: 20 }, grades }, findCouncilName(text) ?? undefined);
}

/** The PDF letters of pdfFolder(), by file: the council each is about. */
export const PDF_FOLDER_LETTERS = {
  'kirklees-2007.pdf': 'Kirklees',
  '2009/walsall-2009.pdf': 'Walsall',
  '2009/kent-2009.PDF': 'Kent',
  'norfolk-2009.txt': 'Norfolk',
  'really-text.pdf': 'Cumbria',
} as const;

/**
 * Letters as Ofsted published them, PDFs, beside a text letter and a text file named .pdf;
 * and three PDFs that are not readable letters: a scan with no text, a PDF cut short, and
 * one locked with a password.
 */
export async function pdfFolder(): Promise<string> {
  const folder = tempFolder('pdfs');
  mkdirSync(path.join(folder, '2009'));
  const write = (name: string, bytes: Uint8Array | string) => writeFileSync(path.join(folder, ...name.split('/')), bytes);
  write('kirklees-2007.pdf', await letterPdf(apaLetterAbout({ officialName: 'Kirklees Council', displayName: 'Kirklees' }, [3, 3, 2, 3, 4, 3, 3])));
  write('2009/walsall-2009.pdf', await letterPdf(letterAbout({ officialName: 'Walsall Metropolitan Borough Council', displayName: 'Walsall' }, 9), { fragments: 'word' }));
  write('2009/kent-2009.PDF', await letterPdf(letterAbout({ officialName: 'Kent County Council', displayName: 'Kent' }, 10), { fragments: 'pieces', fontSize: 10 }));
  write('norfolk-2009.txt', letterAbout({ officialName: 'Norfolk County Council', displayName: 'Norfolk' }, 11));
  write('really-text.pdf', letterAbout({ officialName: 'Cumbria County Council', displayName: 'Cumbria' }, 12));
  write('scanned-letter.pdf', await scannedLetterPdf(2));
  const whole = await letterPdf(letterAbout({ officialName: 'Cornwall Council', displayName: 'Cornwall' }, 13));
  write('cut-short.pdf', whole.subarray(0, Math.floor(whole.length * 0.03)));
  write('locked.pdf', await letterPdf(letterAbout({ officialName: 'Devon County Council', displayName: 'Devon' }, 14), { password: 'secret' }));
  return folder;
}

/** One letter three times: as text, with curly quotes, and as a PDF. */
export async function sameLetterFolder(): Promise<string> {
  const folder = tempFolder('same');
  const text = letterAbout({ officialName: 'Walsall Metropolitan Borough Council', displayName: 'Walsall' }, 9);
  writeFileSync(path.join(folder, 'walsall-2009.txt'), text);
  writeFileSync(path.join(folder, 'walsall-2009-curly.txt'), curlyQuotes(text));
  writeFileSync(path.join(folder, 'walsall-2009.pdf'), await letterPdf(text));
  return folder;
}
