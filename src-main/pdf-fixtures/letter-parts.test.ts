import { describe, expect, it } from 'vitest';
import { SAMPLE_FILES, sampleText } from '../../src-shared/letters/test-support/sample-letters';
import { letterBlocks, letterParts, splitNameFromRole, type LetterPart } from './letter-parts';
import { splitLetterhead } from './letterhead';
import { columnWidths } from './tables';
import { toWinAnsi } from './win-ansi';

const sample = (name: string): string => sampleText(`${name}.txt`);
const kinds = (parts: LetterPart[]): string[] => parts.map((p) => p.kind);
const only = <K extends LetterPart['kind']>(parts: LetterPart[], kind: K): Extract<LetterPart, { kind: K }>[] =>
  parts.filter((p): p is Extract<LetterPart, { kind: K }> => p.kind === kind);

describe('letterBlocks', () => {
  it('splits at blank and white-space-only lines, keeps a leading space, and numbers the blocks', () => {
    const blocks = letterBlocks('One\ntwo\n\n \n Bullet\n\r\n\u200b\nThree  \n');
    expect(blocks).toEqual([
      { index: 0, lines: ['One', 'two'] },
      { index: 1, lines: [' Bullet'] },
      { index: 2, lines: ['Three'] },
    ]);
  });
});

describe('letterParts', () => {
  it('reads the APA sample: letterhead, date, address, title, graded headings, bullets and the closing', () => {
    const parts = letterParts(sample('coventry-2007-annual-performance-assessment'));
    expect(kinds(parts).slice(0, 6)).toEqual(['letterhead', 'date', 'address', 'salutation', 'title', 'paragraph']);
    expect(only(parts, 'date')[0]?.text).toBe('26 November 2007');
    expect(only(parts, 'address')[0]?.lines).toEqual(['Mr Colin Green', 'Director of Children, Learning and Young People', 'Coventry City Council', 'Civic Centre 1', 'Earl Street', 'Coventry', 'CV1 5RS']);
    expect(only(parts, 'title')[0]?.text).toMatch(/^2007 ANNUAL PERFORMANCE ASSESSMENT/);
    const graded = only(parts, 'heading').filter((h) => h.grade);
    expect(graded.map((h) => `${h.text}|${h.grade}`)).toEqual(['Being healthy|Grade 3', 'Staying safe|Grade 2']);
    expect(only(parts, 'grade').map((g) => g.text)).toEqual(['Grade 3', 'Grade 3', 'Grade 4', 'Grade 3', 'Grade 3']);
    expect(only(parts, 'heading').map((h) => h.text)).toContain('Summary of strengths and areas for development');
    // The Symbol-font bullet, "•", "- " and a lone leading space all make list items.
    const bullets = only(parts, 'bullets');
    expect(bullets[0]?.items).toEqual(['Develop a strategy for CAMHS to ensure effective planning and delivery of services.']);
    expect(bullets[1]?.items[0]).toMatch(/^Ensure good practice/);
    expect(bullets.some((b) => b.items.length === 4)).toBe(true);
    // The scrawl moves up between "Yours sincerely" and the typed name, and is not text.
    expect(kinds(parts).slice(-4)).toEqual(['valediction', 'signature', 'signatory', 'signatory']);
    expect(only(parts, 'signature')[0]?.scrawl).toBe('J. Winstarley');
    expect(only(parts, 'signatory').flatMap((s) => s.lines)).toEqual(['Juliet Winstanley', 'Divisional Manager', 'Local Services Inspection']);
  });

  it('runs on a paragraph that extraction cut at a page break, unless the page is to break there', () => {
    const text = sample('coventry-2007-annual-performance-assessment');
    const paragraphs = only(letterParts(text), 'paragraph');
    expect(paragraphs.some((p) => p.text.includes('A number of good initiatives are in place'))).toBe(true);
    expect(paragraphs.some((p) => p.text.includes('aged between 13 and 19, significantly above'))).toBe(true);
    const cut = letterBlocks(text).find((b) => b.lines[0]?.startsWith('good initiatives are in place'))!.index;
    const kept = only(letterParts(text, new Set([cut])), 'paragraph');
    expect(kept.some((p) => p.text.endsWith('A number of'))).toBe(true);
    expect(kept.some((p) => p.block === cut && p.text.startsWith('good initiatives'))).toBe(true);
  });

  it('reads the rating samples: tables without their ruled dashes, the run-on table as a paragraph, closings with and without a scrawl', () => {
    const stoke = letterParts(sample('stoke-on-trent-2009-annual-rating'));
    expect(only(stoke, 'letterhead')).toHaveLength(2);
    expect(only(stoke, 'table').map((t) => t.rows)).toEqual([
      [
        ['4', 'Performs excellently', 'An organisation that significantly exceeds minimum requirements'],
        ['3', 'Performs well', 'An organisation that exceeds minimum requirements'],
        ['2', 'Performs adequately', 'An organisation that meets only minimum requirements'],
        ['1', 'Performs poorly', 'An organisation that does not meet minimum requirements'],
      ],
      [["Children's services rating", 'Performs adequately (2)']],
    ]);
    expect(only(stoke, 'heading').map((h) => h.text)).toEqual(["Children's services rating 2009"]);
    expect(kinds(stoke).slice(-4)).toEqual(['valediction', 'signature', 'signatory', 'signatory']);
    expect(only(stoke, 'signature')[0]?.scrawl).toBeNull();

    const leicester = letterParts(sample('leicester-2009-annual-rating'));
    expect(only(leicester, 'table').map((t) => t.rows.length)).toEqual([1]);
    expect(only(leicester, 'paragraph').some((p) => p.text.startsWith('4Performs excellentlyAn organisation'))).toBe(true);
    expect(only(leicester, 'address')[0]?.lines).toHaveLength(1);
    expect(only(leicester, 'signature')[0]?.scrawl).toBe('J. Winstarley');

    const coventry = letterParts(sample('coventry-2009-annual-rating'));
    expect(kinds(coventry).slice(-2)).toEqual(['signature', 'signatory']);
    expect(only(coventry, 'signature')[0]?.scrawl).toBe('Winstarley');
    expect(only(coventry, 'signatory')[0]?.lines).toEqual(['Juliet Winstanley', 'Divisional Manager, CAA']);

    const worcestershire = letterParts(sample('worcestershire-2009-annual-rating'));
    expect(kinds(worcestershire)[0]).toBe('date');
    expect(only(worcestershire, 'signature')).toEqual([]);
    expect(only(worcestershire, 'signatory')[0]?.lines).toEqual(['Juliet Winstanley', 'Divisional Manager, CAA']);
  });

  it('gives every part the index of the block it came from', () => {
    for (const name of SAMPLE_FILES) {
      const text = sampleText(name);
      const blocks = letterBlocks(text);
      for (const part of letterParts(text)) {
        expect(part.block, name).toBeGreaterThanOrEqual(0);
        expect(part.block, name).toBeLessThan(blocks.length);
      }
    }
  });

  it('splits a typed name from its role only when the name looks like one', () => {
    expect(splitNameFromRole('Juliet Winstanley Divisional Manager, CAA')).toEqual(['Juliet Winstanley', 'Divisional Manager, CAA']);
    expect(splitNameFromRole('Local Services Inspection')).toEqual(['Local Services Inspection']);
    expect(splitNameFromRole('Divisional Manager')).toEqual(['Divisional Manager']);
  });
});

describe('splitLetterhead', () => {
  it('splits the address at the postcode and the contact column before each number, e-mail and web address', () => {
    const columns = splitLetterhead(
      'Alexandra House 33 Kingsway London WC2B 6SE T 08456 40 40 40 enquiries@ofsted.gov.uk www.ofsted.gov.uk Direct T 0115 944 9193 Direct F 0115 944 9307 Midlands_APA@ofsted.gov.uk',
    );
    expect(columns.address).toEqual(['Alexandra House', '33 Kingsway', 'London WC2B 6SE']);
    expect(columns.contact).toEqual(['T 08456 40 40 40', 'enquiries@ofsted.gov.uk', 'www.ofsted.gov.uk', 'Direct T 0115 944 9193', 'Direct F 0115 944 9307', 'Midlands_APA@ofsted.gov.uk']);
  });

  it('copes with a letterhead that is only an address, or only contacts', () => {
    expect(splitLetterhead('Aviation House 125 Kingsway London WC2B 6SE')).toEqual({ address: ['Aviation House', '125 Kingsway', 'London WC2B 6SE'], contact: [] });
    expect(splitLetterhead('T 08456 40 40 40 www.ofsted.gov.uk').contact).toEqual(['T 08456 40 40 40', 'www.ofsted.gov.uk']);
  });
});

describe('toWinAnsi', () => {
  it('keeps what WinAnsi has and maps the rest to something close', () => {
    expect(toWinAnsi('‘a’ “b” – — £5 café • x\tz\n')).toBe('‘a’ “b” – — £5 café • x\tz\n');
    expect(toWinAnsi('\uF0B7 item')).toBe('• item');
    expect(toWinAnsi('Ŵales \u2212 1 → 2\u200B')).toBe('Wales - 1 ? 2');
  });
});

describe('columnWidths', () => {
  it('stretches natural widths to fill, and shrinks the widest columns first', () => {
    expect(columnWidths([100, 100], [20, 20], 400)).toEqual([200, 200]);
    const [number, words, meaning] = columnWidths([20, 120, 400], [20, 70, 90], 450);
    expect(number).toBe(20);
    expect(words).toBe(120);
    expect(meaning).toBe(310);
  });
});
