import { describe, expect, it } from 'vitest';
import {
  FALLBACK_PDF_NAME,
  HEADER_TEMPLATE,
  MAX_TITLE_CHARS,
  PAGE_MARGINS_INCHES,
  dateInWords,
  electronPdfOptions,
  electronPrintOptions,
  escapeHtml,
  footerTemplate,
  parsePdfRequest,
  parsePrintRequest,
  playwrightPdfOptions,
  plainTitle,
  safePdfFileName,
} from './print-options';

// Local time, as the footer uses the person's own calendar.
const printedOn = new Date(2026, 10, 24, 23, 30);

/** The footer's text as a reader sees it: tags dropped, entities decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code)))
    .replace(/&amp;/g, '&');
}

describe('dateInWords', () => {
  it('writes the day, the month in words and the year, in local time', () => {
    expect(dateInWords(printedOn)).toBe('24 November 2026');
    expect(dateInWords(new Date(2027, 0, 1, 0, 0))).toBe('1 January 2027');
  });
});

describe('footerTemplate', () => {
  it('has the title, the date printed and Chromium page-number placeholders, in a small font', () => {
    const html = footerTemplate('Coventry City Council: annual performance assessment 2007', printedOn);
    expect(html).toContain('Coventry City Council: annual performance assessment 2007');
    expect(html).toContain('Printed 24 November 2026');
    expect(html).toContain('Page <span class="pageNumber"></span> of <span class="totalPages"></span>');
    expect(html).toMatch(/font-size:\s*8pt/);
    expect(visibleText(html)).toContain('Page  of ');
  });

  it('makes a hostile title inert text', () => {
    const hostile = '<img src=x onerror=alert(1)><script>alert(2)</script>"\'&';
    const html = footerTemplate(hostile, printedOn);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
    expect(html).not.toMatch(/<[^>]*onerror/i);
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
    // Only the template's own elements remain.
    expect(html.match(/<(\w+)/g)?.sort()).toEqual(['<div', '<div', '<div', '<span', '<span', '<span', '<span']);
    expect(visibleText(html)).toContain(hostile);
  });

  it('cannot be given extra placeholders by a title naming Chromium classes', () => {
    const html = footerTemplate('<span class="pageNumber"></span>', printedOn);
    expect(html.match(/class="pageNumber"/g)).toHaveLength(1);
  });

  it('shows a title on one line, without control or direction-changing characters', () => {
    expect(plainTitle('  Walsall\n\t2009\u202Efdp.exe\u0000 ')).toBe('Walsall 2009 fdp.exe');
    expect(plainTitle(' \n ')).toBe('Letter Archive');
  });
});

describe('escapeHtml', () => {
  it('escapes the five characters that matter in content and attributes', () => {
    expect(escapeHtml(`a<b>&"'`)).toBe('a&#60;b&#62;&#38;&#34;&#39;');
    expect(escapeHtml('plain text')).toBe('plain text');
  });
});

describe('PDF options', () => {
  const request = { title: 'Leicester & Rutland <2008>', paperSize: 'Letter' as const };

  it('give Electron the paper size, margins in inches with room for the footer, and header and footer', () => {
    const options = electronPdfOptions(request, printedOn);
    expect(options).toEqual({
      pageSize: 'Letter',
      margins: { top: 0.6, right: 0.6, bottom: 0.8, left: 0.6 },
      displayHeaderFooter: true,
      headerTemplate: HEADER_TEMPLATE,
      footerTemplate: footerTemplate(request.title, printedOn),
      printBackground: true,
      preferCSSPageSize: false,
      landscape: false,
    });
    expect(options.margins.bottom).toBeGreaterThan(options.margins.top);
    // An empty header template would make Chromium draw its own header.
    expect(options.headerTemplate).not.toBe('');
  });

  it('give Playwright the same template, paper and margins', () => {
    const electron = electronPdfOptions({ ...request, paperSize: 'A4' }, printedOn);
    const playwright = playwrightPdfOptions({ ...request, paperSize: 'A4' }, printedOn);
    expect(playwright).toEqual({
      format: 'A4',
      margin: { top: '0.6in', right: '0.6in', bottom: '0.8in', left: '0.6in' },
      displayHeaderFooter: true,
      headerTemplate: electron.headerTemplate,
      footerTemplate: electron.footerTemplate,
      printBackground: true,
      preferCSSPageSize: false,
      landscape: false,
    });
    expect(playwright.footerTemplate).toContain('Leicester &#38; Rutland &#60;2008&#62;');
  });

  it('keep the margins one definition', () => {
    expect(electronPdfOptions(request, printedOn).margins).toEqual(PAGE_MARGINS_INCHES);
    expect(electronPdfOptions(request, printedOn).margins).not.toBe(PAGE_MARGINS_INCHES);
  });
});

describe('electronPrintOptions', () => {
  it('asks the system dialog, with plain-text header and footer and default margins', () => {
    expect(electronPrintOptions({ title: 'Walsall <b>2009</b>\n', paperSize: 'A4' }, printedOn)).toEqual({
      silent: false,
      pageSize: 'A4',
      margins: { marginType: 'default' },
      printBackground: true,
      landscape: false,
      header: 'Walsall <b>2009</b>',
      footer: 'Printed 24 November 2026',
    });
  });

  it('turns the pages sideways for a wide table, printed or saved', () => {
    expect(electronPrintOptions({ title: 'Compare', paperSize: 'A4', landscape: true }, printedOn).landscape).toBe(true);
    expect(electronPdfOptions({ title: 'Compare', paperSize: 'A4', landscape: true }, printedOn).landscape).toBe(true);
    expect(playwrightPdfOptions({ title: 'Compare', paperSize: 'A4', landscape: true }, printedOn).landscape).toBe(true);
    expect(parsePrintRequest({ title: 'Compare', paperSize: 'A4', landscape: true })).toEqual({ title: 'Compare', paperSize: 'A4', landscape: true });
    expect(() => parsePrintRequest({ title: 'Compare', paperSize: 'A4', landscape: 'yes' })).toThrow(TypeError);
  });
});

describe('safePdfFileName', () => {
  it('keeps a good name and adds or keeps ".pdf"', () => {
    expect(safePdfFileName('Coventry 2007 summary')).toBe('Coventry 2007 summary.pdf');
    expect(safePdfFileName('Coventry 2007 summary.PDF')).toBe('Coventry 2007 summary.pdf');
    expect(safePdfFileName('Stoke-on-Trent, 2009 (rating)')).toBe('Stoke-on-Trent, 2009 (rating).pdf');
    expect(safePdfFileName('Bristol v1.2')).toBe('Bristol v1.2.pdf');
  });

  it('removes folders, path separators and characters Windows refuses', () => {
    expect(safePdfFileName('../../etc/passwd')).toBe('etc passwd.pdf');
    expect(safePdfFileName('C:\\Users\\x\\evil')).toBe('C Users x evil.pdf');
    expect(safePdfFileName('a<b>c:d"e|f?g*h')).toBe('a b c d e f g h.pdf');
  });

  it('removes control and invisible formatting characters', () => {
    expect(safePdfFileName('report\u0000\u0007\nname\u202Etxt.exe')).toBe('report name txt.exe.pdf');
  });

  it("drops leading dots and trailing dots and spaces", () => {
    expect(safePdfFileName('.hidden')).toBe('hidden.pdf');
    expect(safePdfFileName('name. . ')).toBe('name.pdf');
    expect(safePdfFileName('name..pdf')).toBe('name.pdf');
  });

  it('falls back when nothing usable is left, or the name is reserved on Windows', () => {
    for (const name of ['', '   ', '///', '.pdf', '..', '\u0000', 'CON', 'con.pdf', 'Nul.txt', 'COM1', 'lpt9', 'AUX ']) {
      expect(safePdfFileName(name), JSON.stringify(name)).toBe(FALLBACK_PDF_NAME);
    }
    expect(safePdfFileName('CONTRACT')).toBe('CONTRACT.pdf');
  });

  it('caps the length in UTF-8 bytes without splitting a character', () => {
    const long = safePdfFileName('x'.repeat(500));
    expect(long).toBe(`${'x'.repeat(196)}.pdf`);
    const accented = safePdfFileName('é'.repeat(300));
    expect(accented.endsWith('.pdf')).toBe(true);
    expect(new TextEncoder().encode(accented).length).toBeLessThanOrEqual(200);
    expect(accented).toBe(`${'é'.repeat(98)}.pdf`);
    const emoji = safePdfFileName('🙂'.repeat(100));
    expect(emoji).toBe(`${'🙂'.repeat(49)}.pdf`);
  });
});

describe('request checks', () => {
  it('accept a well-formed request and keep only what the bridge promises', () => {
    expect(parsePrintRequest({ title: 'Walsall 2009', paperSize: 'A4', extra: 1 })).toEqual({ title: 'Walsall 2009', paperSize: 'A4' });
    expect(parsePdfRequest({ title: 'Walsall 2009', paperSize: 'Letter', suggestedName: 'w.pdf', path: '/etc' })).toEqual({
      title: 'Walsall 2009',
      paperSize: 'Letter',
      suggestedName: 'w.pdf',
    });
  });

  it('refuse anything else, saying what is wrong', () => {
    expect(() => parsePrintRequest(null)).toThrow(/The print request must be an object/);
    expect(() => parsePrintRequest('A4')).toThrow(TypeError);
    expect(() => parsePrintRequest([])).toThrow(TypeError);
    expect(() => parsePrintRequest({ paperSize: 'A4' })).toThrow(/The title must be a string/);
    expect(() => parsePrintRequest({ title: 'x'.repeat(MAX_TITLE_CHARS + 1), paperSize: 'A4' })).toThrow(
      /at most 300 characters, not 301/,
    );
    expect(() => parsePrintRequest({ title: 'x'.repeat(MAX_TITLE_CHARS), paperSize: 'A4' })).not.toThrow();
    expect(() => parsePrintRequest({ title: 't', paperSize: 'B5' })).toThrow(/paper size must be A4 or Letter, not "B5"/);
    expect(() => parsePrintRequest({ title: 't', paperSize: 4 })).toThrow(/not number/);
    expect(() => parsePrintRequest({ title: 't', paperSize: 'a4' })).toThrow(RangeError);
    expect(() => parsePdfRequest({ title: 't', paperSize: 'A4' })).toThrow(/suggested file name must be a string/);
    expect(() => parsePdfRequest({ title: 't', paperSize: 'A4', suggestedName: 'x'.repeat(1001) })).toThrow(RangeError);
  });
});
