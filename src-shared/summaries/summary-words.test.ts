import { describe, expect, it } from 'vitest';
import { dateInWords, fileNamePart, gradeText, kindName, pdfFileName } from './summary-words';

describe('summary words', () => {
  it('writes dates as the letters do', () => {
    expect(dateInWords('2007-11-26')).toBe('26 November 2007');
    expect(dateInWords('2009-12-09')).toBe('9 December 2009');
    expect(dateInWords('2009-13-01')).toBe('2009-13-01');
  });

  it('writes a grade with its number and words', () => {
    expect(gradeText({ scale: 'apa', grade: 4, label: 'Outstanding' })).toBe('4 · Outstanding');
  });

  it('makes file names of letters, digits, spaces, hyphens and dots only', () => {
    expect(fileNamePart("King's Lynn & West Norfolk")).toBe('Kings Lynn West Norfolk');
    expect(fileNamePart('Kingston upon Hull, City of')).toBe('Kingston upon Hull City of');
    expect(fileNamePart('Télford/../Wrekin')).toBe('Telford .. Wrekin');
    expect(pdfFileName(['<script>alert(1)</script>', 'letter summary', '2009-12-09'])).toBe('script alert 1 script - letter summary - 2009-12-09.pdf');
    expect(pdfFileName(['', '***'])).toBe('Letter Archive summary.pdf');
    for (const name of [pdfFileName(['St. Helens', 'council summary']), pdfFileName(['Bath & N.E. Somerset'])]) {
      expect(name).toMatch(/^[A-Za-z0-9 .-]+$/);
    }
  });
});

describe('kindName', () => {
  it('names the 2011 letters, annual ratings renamed, as annual assessments', () => {
    expect(kindName('apa', 2007)).toBe('Annual performance assessment');
    expect(kindName('annual-rating', 2009)).toBe('Annual rating');
    expect(kindName('annual-rating', 2011)).toBe('Annual assessment');
    expect(kindName('annual-rating')).toBe('Annual rating');
  });
});
