/**
 * Sorts the blocks of a letter's plain text into the parts the PDF lays out differently:
 * letterhead, date, address, salutation, title, headings, tables, bullets, paragraphs and
 * the closing. Simple rules of this test tool's own, tuned to the shapes of the sample
 * letters; deliberately not the app's parser, so the two cannot share a blind spot.
 */
import { toWinAnsi } from './win-ansi';

/** A run of non-blank lines; `index` counts blocks from 0 in the order of the text. */
export interface TextBlock {
  index: number;
  lines: string[];
}

/** One laid-out part of a letter, with the index of the block it came from. */
export type LetterPart = { block: number } & (
  | { kind: 'letterhead'; text: string }
  | { kind: 'date'; text: string }
  | { kind: 'address'; lines: string[] }
  | { kind: 'salutation'; text: string }
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string; grade: string | null }
  | { kind: 'grade'; text: string }
  | { kind: 'table'; rows: string[][] }
  | { kind: 'bullets'; items: string[] }
  | { kind: 'paragraph'; text: string }
  | { kind: 'valediction'; text: string }
  | { kind: 'signature'; scrawl: string | null }
  | { kind: 'signatory'; lines: string[] }
);

const DATE = /^\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{4}$/;
const LETTERHEAD = /ofsted\.gov\.uk|\bKingsway\b/i;
const VALEDICTION = /^Yours\s+(?:sincerely|faithfully)\b/i;
// A ruled line in a table comes out of extraction as dashes, sometimes split at a tab.
const RULE_LINE = /^[\s\-–—_=]+$/;
// "•", "-", the Symbol-font bullet U+F0B7 and friends, or the single space left where a bullet glyph was lost.
const BULLET = /^(?:[•\uF0B7\u25CF\u25AA\u2023\u25E6]\s*|[-–*](?:\s+|(?=\p{L}))| (?=\S))/u;
// The extraction of a handwritten signature: one word, perhaps after initials ("Winstarley", "J. Winstarley").
const SCRAWL = /^(?:[A-Z]\.\s?){0,3}[A-Z][a-z'’-]+$/;
const GRADE = /^Grade\s+\d$/;
const GRADED_HEADING = /^(.*\S)\s+(Grade\s+\d)$/;
const HEADING_MAX = 110;

/** The text's blocks: runs of lines separated by lines that are empty or only whitespace. */
export function letterBlocks(text: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  let current: string[] = [];
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    // Only trailing space goes: a leading space can be all that is left of a bullet.
    const line = raw.replace(/\s+$/, '');
    // Blank as drawn: a line of only invisible characters is as blank before cleaning as after.
    if (toWinAnsi(line).trim() === '') {
      if (current.length > 0) blocks.push({ index: blocks.length, lines: current });
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length > 0) blocks.push({ index: blocks.length, lines: current });
  return blocks;
}

const oneLine = (block: TextBlock): string => block.lines.map((l) => l.trim()).join(' ');
const endsSentence = (s: string): boolean => /[.:;,!?]["'’”)]*$/.test(s);
const isTableBlock = (block: TextBlock): boolean => block.lines.some((l) => l.includes('\t'));
const isBulletBlock = (block: TextBlock): boolean => BULLET.test(block.lines[0] ?? '');

/** Short lines with no sentence ending: the shape of a name, a role or a heading. */
function isShortUnpunctuated(block: TextBlock, max: number): boolean {
  return block.lines.every((l) => l.trim().length <= max && !endsSentence(l.trim()) && !l.includes('\t'));
}

/** Whether `next` is the rest of the paragraph `block`, cut off mid-sentence by a page break. */
function runsOn(block: TextBlock, next: TextBlock): boolean {
  const text = oneLine(block);
  const plain = (b: TextBlock): boolean => !isTableBlock(b) && !isBulletBlock(b);
  return plain(block) && plain(next) && text.length > HEADING_MAX && !endsSentence(text) && /^[a-z0-9]/.test(next.lines[0] ?? '');
}

/** Where the closing starts: at "Yours sincerely", or at the run of name and role lines ending the letter. */
function closingStart(blocks: TextBlock[], bodyStart: number): number {
  const valediction = blocks.findIndex((b, i) => i >= bodyStart && VALEDICTION.test(oneLine(b)));
  if (valediction !== -1) return valediction;
  let start = blocks.length;
  while (start - 1 > bodyStart) {
    const block = blocks[start - 1]!;
    if (!isShortUnpunctuated(block, 60) || isBulletBlock(block) || GRADE.test(oneLine(block))) break;
    start--;
  }
  return start;
}

/**
 * Splits the letter into the parts the PDF lays out. A paragraph that extraction cut at a
 * page break is joined up again, unless the cut is one of `breakBefore` (block indices),
 * where the page is to break anyway.
 */
export function letterParts(text: string, breakBefore: ReadonlySet<number> = new Set()): LetterPart[] {
  const blocks = letterBlocks(text);
  const parts: LetterPart[] = [];
  let i = 0;
  while (i < blocks.length && LETTERHEAD.test(oneLine(blocks[i]!)) && !DATE.test(oneLine(blocks[i]!))) {
    parts.push({ block: i, kind: 'letterhead', text: oneLine(blocks[i]!) });
    i++;
  }
  const salutation = blocks.findIndex((b, n) => n >= i && /^Dear\b/.test(oneLine(b)));
  // Before "Dear": the date and the address. A letter with no salutation has no address either.
  for (; i < blocks.length && (salutation === -1 ? DATE.test(oneLine(blocks[i]!)) : i <= salutation); i++) {
    const block = blocks[i]!;
    const line = oneLine(block);
    if (DATE.test(line)) parts.push({ block: i, kind: 'date', text: line });
    else if (i === salutation) parts.push({ block: i, kind: 'salutation', text: line });
    else parts.push({ block: i, kind: 'address', lines: block.lines.map((l) => l.trim()) });
  }
  const title = blocks[i];
  if (salutation !== -1 && title && title.lines.length === 1 && oneLine(title).length <= 160 && !endsSentence(oneLine(title))) {
    parts.push({ block: i, kind: 'title', text: oneLine(title) });
    i++;
  }
  const closing = closingStart(blocks, i);
  for (; i < closing; i++) {
    let block = blocks[i]!;
    // Extraction cut paragraphs at the original's page breaks; the original ran them on.
    while (i + 1 < closing && !breakBefore.has(i + 1) && runsOn(block, blocks[i + 1]!)) {
      block = { index: block.index, lines: [...block.lines, ...blocks[i + 1]!.lines] };
      i++;
    }
    const part = bodyPart(block);
    if (part) parts.push(part);
  }
  parts.push(...closingParts(blocks.slice(closing)));
  return parts;
}

function bodyPart(block: TextBlock): LetterPart | null {
  const line = oneLine(block);
  const at = block.index;
  if (block.lines.every((l) => RULE_LINE.test(l))) return null;
  if (isTableBlock(block)) {
    const rows = block.lines.filter((l) => !RULE_LINE.test(l)).map((l) => l.split('\t').map((c) => c.trim()));
    return { block: at, kind: 'table', rows };
  }
  if (isBulletBlock(block)) return { block: at, kind: 'bullets', items: bulletItems(block.lines) };
  if (GRADE.test(line)) return { block: at, kind: 'grade', text: line };
  if (block.lines.length === 1 && line.length <= HEADING_MAX && !endsSentence(line)) {
    const graded = GRADED_HEADING.exec(line);
    return graded ? { block: at, kind: 'heading', text: graded[1]!, grade: graded[2]! } : { block: at, kind: 'heading', text: line, grade: null };
  }
  return { block: at, kind: 'paragraph', text: line };
}

/** One item per line that starts with a bullet; a line without one continues the item before it. */
function bulletItems(lines: string[]): string[] {
  const items: string[] = [];
  for (const line of lines) {
    const marker = BULLET.exec(line);
    const text = line.slice(marker ? marker[0].length : 0).trim();
    if (marker || items.length === 0) items.push(text);
    else items[items.length - 1] += ` ${text}`;
  }
  return items.filter((t) => t !== '');
}

/**
 * The valediction, then the signature, then the typed name and role. Extraction puts the
 * signature's scrawl anywhere in the closing (after the role, in the APA sample); the
 * original has it between "Yours sincerely" and the name, so it is moved there.
 */
function closingParts(blocks: TextBlock[]): LetterPart[] {
  const valediction = blocks.find((b) => VALEDICTION.test(oneLine(b)));
  const scrawl = blocks.find((b) => b !== valediction && b.lines.length === 1 && SCRAWL.test(oneLine(b)));
  const parts: LetterPart[] = [];
  if (valediction) parts.push({ block: valediction.index, kind: 'valediction', text: oneLine(valediction) });
  if (valediction || scrawl) parts.push({ block: scrawl?.index ?? valediction!.index, kind: 'signature', scrawl: scrawl ? oneLine(scrawl) : null });
  for (const block of blocks) {
    if (block === valediction || block === scrawl) continue;
    parts.push({ block: block.index, kind: 'signatory', lines: block.lines.flatMap((l) => splitNameFromRole(l.trim())) });
  }
  return parts;
}

// Extraction joins the typed name and the role on one line; the original set them one under the other.
const ROLE_START = /\s+(?=(?:Divisional|Regional|Director|Deputy|Head|Manager|Her Majesty|HMI|Chief|Senior|Inspector)\b)/;

/** "Juliet Winstanley Divisional Manager, CAA" gives the name and the role as two lines. */
export function splitNameFromRole(line: string): string[] {
  const match = ROLE_START.exec(line);
  if (!match || match.index === 0) return [line];
  const name = line.slice(0, match.index);
  // Only a name of two to four capitalised words: anything else is left as written.
  if (!/^(?:[A-Z][\w.'’-]*\s+){1,3}[A-Z][\w'’-]*$/.test(name)) return [line];
  return [name, line.slice(match.index).trim()];
}
