/**
 * Ofsted's letterhead: a logo at the top left and, to its right, two columns of small
 * type: the office's address and the ways to reach it. Extraction runs all of it together
 * on one line; this splits it back into the lines of each column.
 */
import type PDFDocument from 'pdfkit';
import { drawLogo } from './vector-marks';

type Doc = InstanceType<typeof PDFDocument>;

/** The letterhead's two columns, line by line. */
export interface LetterheadColumns {
  address: string[];
  contact: string[];
}

const POSTCODE = /\b[A-Z]{1,2}\d[A-Z\d]?\s+\d[A-Z]{2}\b/;

/**
 * Splits the run-together letterhead into its columns. The address ends at the postcode
 * (the town before it shares its line; a house number starts the street's line); the
 * contact column breaks before "T ", each e-mail address, "www.", "Direct T" and "Direct F".
 */
export function splitLetterhead(text: string): LetterheadColumns {
  const flat = text.replace(/\s+/g, ' ').trim();
  const postcode = POSTCODE.exec(flat);
  const addressEnd = postcode ? postcode.index + postcode[0].length : Math.max(0, flat.search(/(^|\s)T\s+\d/));
  return { address: addressLines(flat.slice(0, addressEnd).trim()), contact: contactLines(flat.slice(addressEnd).trim()) };
}

function addressLines(address: string): string[] {
  if (address === '') return [];
  const postcode = POSTCODE.exec(address);
  if (!postcode) return [address];
  const before = address.slice(0, postcode.index).trim().split(' ');
  const town = before.pop();
  const townLine = town ? `${town} ${postcode[0]}` : postcode[0];
  const street = before.findIndex((w, n) => n > 0 && /^\d/.test(w));
  const lines = street === -1 ? [before.join(' ')] : [before.slice(0, street).join(' '), before.slice(street).join(' ')];
  return [...lines.filter((l) => l !== ''), townLine];
}

function contactLines(contact: string): string[] {
  const lines: string[][] = [];
  let previousStandsAlone = false;
  const words = contact.split(' ').filter((w) => w !== '');
  words.forEach((word, n) => {
    const standsAlone = word.includes('@') || /^www\./i.test(word);
    const startsLine =
      lines.length === 0 ||
      standsAlone ||
      previousStandsAlone ||
      word === 'Direct' ||
      // "T" and "F" begin a number's line, except straight after "Direct".
      (/^[TF]$/.test(word) && words[n - 1] !== 'Direct');
    if (startsLine) lines.push([word]);
    else lines[lines.length - 1]!.push(word);
    previousStandsAlone = standsAlone;
  });
  return lines.map((l) => l.join(' '));
}

/** Where the letterhead goes on page 1. */
export interface LetterheadPlace {
  /** Left edge of the text column. */
  left: number;
  /** Right edge of the text column. */
  right: number;
  /** Top of the letterhead. */
  top: number;
  /** Type size of the columns. */
  size: number;
}

/**
 * Draws the logo and the two columns, every line of one row at the same baseline.
 * Returns the y below the letterhead.
 */
export function drawLetterhead(doc: Doc, columns: LetterheadColumns, place: LetterheadPlace): number {
  const { left, right, top, size } = place;
  const logoBottom = drawLogo(doc, left, top);
  doc.font('Helvetica').fontSize(size);
  const widest = (lines: string[]): number => Math.max(0, ...lines.map((l) => doc.widthOfString(l)));
  const gutter = size * 2;
  // The contact column ends at the text column's right edge and the address sits just left of it,
  // so both stay clear of the logo however long the e-mail addresses are.
  const contactX = right - widest(columns.contact);
  const addressX = Math.max(left + 150, contactX - gutter - widest(columns.address));
  const leading = size * 1.3;
  const firstBaseline = top + size;
  const rows = Math.max(columns.address.length, columns.contact.length);
  doc.fillColor('#333333');
  // A column at a time, as the originals hold them (their extraction reads the whole address
  // before the first telephone number), each row of both at the same baseline.
  for (const [x, lines] of [[addressX, columns.address], [contactX, columns.contact]] as const) {
    lines.forEach((line, row) => doc.text(line, x, firstBaseline + row * leading, { lineBreak: false, baseline: 'alphabetic' }));
  }
  doc.fillColor('black');
  return Math.max(logoBottom, firstBaseline + (rows - 1) * leading + size);
}
