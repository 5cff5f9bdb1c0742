/**
 * Reads back a PDF the app wrote, with poppler's command-line tools (Debian's
 * poppler-utils): its text with the layout kept, and its page count and paper size; and
 * checks the footer every page of a saved summary carries.
 */
import { expect } from '@playwright/test';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import type { PaperSize } from '../../src-shared/bridge';

const run = promisify(execFile);

const PDFTOTEXT = ['/usr/bin/pdftotext', '/usr/local/bin/pdftotext', '/opt/homebrew/bin/pdftotext'].find((p) => existsSync(p));
const PDFINFO = PDFTOTEXT?.replace(/pdftotext$/, 'pdfinfo');

/** Why PDFs cannot be read back here, or undefined when they can. */
export const pdfToolsMissing: string | undefined =
  PDFTOTEXT && PDFINFO && existsSync(PDFINFO) ? undefined : 'pdftotext and pdfinfo (poppler-utils) are not installed';

/** The PDF's text, page by page, laid out as on the page (`pdftotext -layout`). */
export async function pdfPages(file: string): Promise<string[]> {
  if (!PDFTOTEXT) throw new Error(pdfToolsMissing);
  const { stdout } = await run(PDFTOTEXT, ['-layout', '-enc', 'UTF-8', file, '-']);
  // pdftotext ends every page with a form feed.
  return stdout.split('\f').slice(0, -1);
}

/** One page's text (numbered from 1), laid out as on the page (`pdftotext -f n -l n -layout`). */
export async function pdfPageText(file: string, page: number): Promise<string> {
  if (!PDFTOTEXT) throw new Error(pdfToolsMissing);
  const { stdout } = await run(PDFTOTEXT, ['-f', String(page), '-l', String(page), '-layout', '-enc', 'UTF-8', file, '-']);
  return stdout.replace(/\f$/, '');
}

/** A word on a page and its box, in points from the page's top left corner. */
export interface PdfWord {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** One page's size in points and its words with their boxes (`pdftotext -f n -l n -bbox`). */
export async function pdfPageWords(file: string, page: number): Promise<{ width: number; height: number; words: PdfWord[] }> {
  if (!PDFTOTEXT) throw new Error(pdfToolsMissing);
  const { stdout } = await run(PDFTOTEXT, ['-f', String(page), '-l', String(page), '-bbox', '-enc', 'UTF-8', file, '-']);
  const size = /<page width="([\d.]+)" height="([\d.]+)">/.exec(stdout);
  if (!size?.[1] || !size[2]) throw new Error(`pdftotext -bbox gave no page ${page} of ${file}`);
  const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };
  const words = [...stdout.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    text: m[5]!.replace(/&(?:amp|lt|gt|quot|apos);/g, (e) => entities[e] ?? e),
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
  }));
  return { width: Number(size[1]), height: Number(size[2]), words };
}

export interface PdfInfo {
  pages: number;
  /** Width and height in points (1/72 inch), rounded. */
  width: number;
  height: number;
}

/** The page count and paper size, from `pdfinfo`. */
export async function pdfInfo(file: string): Promise<PdfInfo> {
  if (!PDFINFO) throw new Error(pdfToolsMissing);
  const { stdout } = await run(PDFINFO, [file]);
  const pages = /^Pages:\s+(\d+)/m.exec(stdout);
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(stdout);
  if (!pages?.[1] || !size?.[1] || !size[2]) throw new Error(`pdfinfo did not say how many pages or how large:\n${stdout}`);
  return { pages: Number(pages[1]), width: Math.round(Number(size[1])), height: Math.round(Number(size[2])) };
}

/** A4 and US Letter in points (1/72 inch), rounded. */
export const PAPER_POINTS = { A4: { width: 595, height: 842 }, Letter: { width: 612, height: 792 } } as const;

/** The date as the footer writes it, worked out independently of the app: "24 November 2026". */
export function todayInWords(now = new Date()): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }).format(now);
}

/**
 * The footer of one page as pdftotext lays it out: its last two non-empty lines, the title
 * and then "Printed <date>   Page i of N", with runs of spaces made one.
 */
export function footerOf(pageText: string): { title: string; printed: string } {
  const lines = pageText
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter((l) => l !== '');
  return { title: lines.at(-2) ?? '', printed: lines.at(-1) ?? '' };
}

/** The footer shows the title whole, or cut short with "…" where it does not fit the line. */
export function expectFooterTitle(shown: string, title: string, where: string): void {
  const full = title.replace(/\s+/g, ' ').trim();
  if (shown.endsWith('…') && shown !== full) {
    expect(shown.length, `${where}: a shortened title keeps most of it`).toBeGreaterThan(20);
    expect(full.startsWith(shown.slice(0, -1).trim()), `${where}: "${shown}" begins "${full}"`).toBe(true);
  } else {
    expect(shown, where).toBe(full);
  }
}

/**
 * Checks a saved summary: a PDF on the paper asked for, every page's footer with the title
 * (when known), the date printed and "Page i of N". Returns each page's text.
 */
export async function expectPdf(file: string, paperSize: PaperSize, title?: string): Promise<string[]> {
  expect((await readFile(file)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const info = await pdfInfo(file);
  // Chromium rounds the paper to whole pixels, so allow a point or two.
  expect(Math.abs(info.width - PAPER_POINTS[paperSize].width), `width of ${paperSize}`).toBeLessThanOrEqual(2);
  expect(Math.abs(info.height - PAPER_POINTS[paperSize].height), `height of ${paperSize}`).toBeLessThanOrEqual(2);
  const pages = await pdfPages(file);
  expect(pages).toHaveLength(info.pages);
  pages.forEach((text, i) => {
    const footer = footerOf(text);
    const where = `footer of page ${i + 1}`;
    if (title === undefined) expect(footer.title, where).not.toBe('');
    else expectFooterTitle(footer.title, title, where);
    expect(footer.printed, where).toBe(`Printed ${todayInWords()} Page ${i + 1} of ${info.pages}`);
  });
  return pages;
}
