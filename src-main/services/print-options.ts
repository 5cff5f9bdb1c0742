/**
 * What a printed or saved summary looks like on paper: paper size, margins, and the footer
 * with the summary's title, the date it was printed and the page numbers. The print
 * stylesheet draws the summary itself; the footer is drawn here because only Chromium's
 * header/footer printing knows the page numbers.
 *
 * Pure: no Electron, no Playwright. The IPC handlers adapt it to webContents.print and
 * printToPDF, the test stand-in to Playwright's page.pdf, so the tests render what the
 * app renders.
 */
import { PAPER_SIZES, type PaperSize, type PdfRequest, type PrintRequest } from '../../src-shared/bridge';
import { MONTH_NAMES } from '../../src-shared/letters/letter-words';
import { expectString } from '../main/ipc-guards';

/** Longest title a request may carry; a summary's title is a council's name and a date or two. */
export const MAX_TITLE_CHARS = 300;

/** Longest suggested file name a request may carry, before it is made safe and shortened. */
export const MAX_SUGGESTED_NAME_CHARS = 1_000;

/** What a PDF is called when the suggested name leaves nothing usable. */
export const FALLBACK_PDF_NAME = 'Letter Archive summary.pdf';

/** What the footer says when the title is empty. */
const FALLBACK_TITLE = 'Letter Archive';

/** Longest file name offered, in UTF-8 bytes: most file systems allow 255, and some tools append to it. */
const MAX_FILE_NAME_BYTES = 200;

/**
 * Page margins in inches. The bottom one holds the footer, which Chromium draws inside the
 * margin: about two lines of 8pt text with room to breathe above and below.
 */
export const PAGE_MARGINS_INCHES = { top: 0.6, right: 0.6, bottom: 0.8, left: 0.6 } as const;


/** The printed form of a date in the person's time zone, e.g. "24 November 2026". Independent of locale on purpose. */
export function dateInWords(date: Date): string {
  return `${date.getDate()} ${MONTH_NAMES[date.getMonth()]} ${date.getFullYear()}`;
}

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The title as one line of plain text: control and invisible formatting characters (which
 * could reorder what is shown, like U+202E) removed, runs of white space made one space.
 */
export function plainTitle(title: string): string {
  const line = title
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return line || FALLBACK_TITLE;
}

/**
 * Chromium's header template. It must not be empty: given "", Chromium draws its own
 * header (the date and the page's title).
 */
export const HEADER_TEMPLATE = '<span></span>';

/**
 * Chromium's footer template, two lines under a hairline: the summary's title (cut short
 * with "…" if it does not fit the width), then the date printed on the left and "Page n of
 * N" on the right. The template is a separate little page, so its styles are inline and its
 * font size explicit (Chromium's default there is too small to read). The title comes from
 * letter data and is escaped; Chromium fills in the spans of class pageNumber and totalPages.
 */
export function footerTemplate(title: string, printedOn: Date): string {
  const text = escapeHtml(plainTitle(title));
  const printed = escapeHtml(`Printed ${dateInWords(printedOn)}`);
  // Chromium lays the footer out across the whole page width, in a flex row, so it grows to
  // fill the row and is inset by the side margins to line up with the text above it.
  const { left, right } = PAGE_MARGINS_INCHES;
  return (
    `<div style="box-sizing:border-box;flex:1;min-width:0;margin:0 ${right}in 0 ${left}in;padding-top:3pt;border-top:0.5pt solid #999;` +
    'font-family:sans-serif;font-size:8pt;line-height:1.4;color:#333;">' +
    `<div style="overflow:hidden;text-overflow:ellipsis;white-space:nowrap;">${text}</div>` +
    '<div style="display:flex;justify-content:space-between;">' +
    `<span>${printed}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span>` +
    '</div></div>'
  );
}

/** The options of Electron's webContents.printToPDF this app uses (margins in inches). */
export interface ElectronPdfOptions {
  pageSize: PaperSize;
  margins: { top: number; right: number; bottom: number; left: number };
  displayHeaderFooter: true;
  headerTemplate: string;
  footerTemplate: string;
  printBackground: true;
  preferCSSPageSize: false;
  landscape: boolean;
}

/** Options for Electron's webContents.printToPDF. */
export function electronPdfOptions(request: PrintRequest, printedOn: Date): ElectronPdfOptions {
  return {
    pageSize: request.paperSize,
    margins: { ...PAGE_MARGINS_INCHES },
    displayHeaderFooter: true,
    headerTemplate: HEADER_TEMPLATE,
    footerTemplate: footerTemplate(request.title, printedOn),
    printBackground: true,
    // The paper size the person picked wins over any @page size in the stylesheet.
    preferCSSPageSize: false,
    landscape: request.landscape === true,
  };
}

/** The options of Playwright's page.pdf this app uses (margins as CSS lengths). */
export interface PlaywrightPdfOptions {
  format: PaperSize;
  margin: { top: string; right: string; bottom: string; left: string };
  displayHeaderFooter: true;
  headerTemplate: string;
  footerTemplate: string;
  printBackground: true;
  preferCSSPageSize: false;
  landscape: boolean;
}

/** Options for Playwright's page.pdf that render the same pages as electronPdfOptions. */
export function playwrightPdfOptions(request: PrintRequest, printedOn: Date): PlaywrightPdfOptions {
  const electron = electronPdfOptions(request, printedOn);
  const inches = (n: number): string => `${n}in`;
  return {
    format: electron.pageSize,
    margin: {
      top: inches(electron.margins.top),
      right: inches(electron.margins.right),
      bottom: inches(electron.margins.bottom),
      left: inches(electron.margins.left),
    },
    displayHeaderFooter: electron.displayHeaderFooter,
    headerTemplate: electron.headerTemplate,
    footerTemplate: electron.footerTemplate,
    printBackground: electron.printBackground,
    preferCSSPageSize: electron.preferCSSPageSize,
    landscape: electron.landscape,
  };
}

/** The options of Electron's webContents.print this app uses. */
export interface ElectronPrintOptions {
  silent: false;
  pageSize: PaperSize;
  margins: { marginType: 'default' };
  printBackground: true;
  landscape: boolean;
  /** Plain text: Chromium draws it as the page's title at the top of each page. */
  header: string;
  /** Plain text: Chromium draws it where the page's address would go; it adds the page number itself. */
  footer: string;
}

/**
 * Options for Electron's webContents.print. The system dialog has the last word on paper
 * and margins. Margins stay 'default' because custom margins make Chromium leave out the
 * header and footer (electron/electron#28270), and the footer is the point.
 */
export function electronPrintOptions(request: PrintRequest, printedOn: Date): ElectronPrintOptions {
  return {
    silent: false,
    pageSize: request.paperSize,
    margins: { marginType: 'default' },
    printBackground: true,
    landscape: request.landscape === true,
    header: plainTitle(request.title),
    footer: `Printed ${dateInWords(printedOn)}`,
  };
}

// Characters Windows refuses in file names, and the separators of every system.
const RESERVED_CHARS = /[<>:"/\\|?*]/g;
// Windows refuses these as names even with an extension ("CON.pdf").
const RESERVED_NAMES = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/**
 * A file name for the save dialog to offer: no folders, no control or invisible formatting
 * characters, nothing Windows refuses, ending in `extension` (".pdf"), at most 200 UTF-8
 * bytes. Falls back to `fallback` when nothing usable is left.
 */
export function safeFileName(suggestedName: string, extension: string, fallback: string): string {
  const ending = new RegExp(`${extension.replace('.', '\\.')}$`, 'i');
  let stem = suggestedName
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, ' ')
    .replace(RESERVED_CHARS, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(ending, '')
    // Windows drops trailing dots and spaces; a leading dot hides the file on Unix.
    .replace(/^[.\s]+|[.\s]+$/g, '');
  const maxStemBytes = MAX_FILE_NAME_BYTES - extension.length;
  if (utf8Length(stem) > maxStemBytes) stem = truncateUtf8(stem, maxStemBytes).replace(/[.\s]+$/, '');
  const base = stem.split('.')[0] ?? '';
  if (!stem || RESERVED_NAMES.test(base.trim())) return fallback;
  return `${stem}${extension}`;
}

/** safeFileName for a PDF: "Letter Archive summary.pdf" when nothing usable is left. */
export function safePdfFileName(suggestedName: string): string {
  return safeFileName(suggestedName, '.pdf', FALLBACK_PDF_NAME);
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** The longest prefix of `text` within `maxBytes` UTF-8 bytes, never splitting a character. */
function truncateUtf8(text: string, maxBytes: number): string {
  let bytes = 0;
  let end = 0;
  for (const char of text) {
    const size = utf8Length(char);
    if (bytes + size > maxBytes) break;
    bytes += size;
    end += char.length;
  }
  return text.slice(0, end);
}

/** Returns `value` as a record of its own properties, or throws naming `what`. */
function expectRecord(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new TypeError(`${what} must be an object.`);
  return value as Record<string, unknown>;
}

/**
 * Checks a print request from the renderer and returns a copy holding only what the bridge
 * promises.
 *
 * @throws TypeError or RangeError naming what is wrong.
 */
export function parsePrintRequest(value: unknown): PrintRequest {
  const request = expectRecord(value, 'The print request');
  const title = expectString(request.title, 'The title');
  if (title.length > MAX_TITLE_CHARS) throw new RangeError(`The title must be at most ${MAX_TITLE_CHARS} characters, not ${title.length}.`);
  const paperSize = request.paperSize;
  if (!(PAPER_SIZES as readonly unknown[]).includes(paperSize)) {
    const shown = typeof paperSize === 'string' ? `"${paperSize.slice(0, 40)}"` : typeof paperSize;
    throw new RangeError(`The paper size must be ${PAPER_SIZES.join(' or ')}, not ${shown}.`);
  }
  const landscape = request.landscape;
  if (landscape !== undefined && typeof landscape !== 'boolean') throw new TypeError(`Landscape must be true or false, not ${typeof landscape}.`);
  return landscape ? { title, paperSize: paperSize as PaperSize, landscape } : { title, paperSize: paperSize as PaperSize };
}

/**
 * Checks a save-as-PDF request from the renderer and returns a copy holding only what the
 * bridge promises. The suggested name is checked here and made safe by safePdfFileName.
 *
 * @throws TypeError or RangeError naming what is wrong.
 */
export function parsePdfRequest(value: unknown): PdfRequest {
  const print = parsePrintRequest(value);
  const suggestedName = expectString((value as Record<string, unknown>).suggestedName, 'The suggested file name');
  if (suggestedName.length > MAX_SUGGESTED_NAME_CHARS) {
    throw new RangeError(`The suggested file name must be at most ${MAX_SUGGESTED_NAME_CHARS} characters, not ${suggestedName.length}.`);
  }
  return { ...print, suggestedName };
}
