import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvFileName, toCsv, type CsvCell } from './csv';

/** The CSV read back as a spreadsheet program would: every cell as text. */
function parse(csv: string): string[][] {
  const result = Papa.parse<string[]>(csv, { delimiter: ',', newline: '\r\n', skipEmptyLines: false });
  expect(result.errors).toEqual([]);
  return result.data;
}

describe('toCsv', () => {
  it('starts with a UTF-8 byte order mark and ends lines with CRLF', () => {
    const csv = toCsv(['Council', 'Year'], [['Coventry', 2007], ['Walsall', 2009]]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toBe('\uFEFFCouncil,Year\r\nCoventry,2007\r\nWalsall,2009');
    // Encoded as UTF-8, the mark is the three bytes spreadsheet programs look for.
    expect([...new TextEncoder().encode(csv).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('gives back the header and every cell through Papa.parse', () => {
    const header = ['Council', 'Note, with comma', 'Grade', 'Said'];
    const rows: CsvCell[][] = [
      ['Coventry', 'Fees of £1,200 a week', 3, '“Good” – the council’s ‘strong’ work'],
      ['Walsall', 'She said "no"', 1, 'first line\r\nsecond line\nthird line'],
      ['St Helens', null, null, ''],
      ['  spaced  ', 'tab\tinside', 2.5, 'ends with a quote"'],
    ];
    const [readHeader, ...readRows] = parse(toCsv(header, rows));
    expect(readHeader).toEqual(header);
    expect(readRows).toEqual(rows.map((row) => row.map((cell) => (cell === null ? '' : String(cell)))));
  });

  it('quotes only the cells that need it', () => {
    const csv = toCsv(['a', 'b', 'c', 'd'], [['plain', 'x,y', 'say "hi"', 'two\nlines']]);
    expect(csv.split('\r\n')[1]).toBe('plain,"x,y","say ""hi""","two\nlines"');
  });

  it('writes an empty table as its header alone, and null as an empty cell', () => {
    expect(toCsv(['Council', 'Year'], [])).toBe('\uFEFFCouncil,Year');
    expect(toCsv(['a', 'b', 'c'], [[null, 'x', null]])).toBe('\uFEFFa,b,c\r\n,x,');
  });

  it('puts an apostrophe before text a spreadsheet would take for a formula, but not before numbers', () => {
    const dangerous = ['=HYPERLINK("http://example.invalid","click")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '=1\n2'];
    const csv = toCsv(['cell'], [...dangerous.map((cell) => [cell]), [-5], [0]]);
    const [, ...cells] = parse(csv).map((row) => row[0]);
    expect(cells).toEqual([...dangerous.map((cell) => `'${cell}`), '-5', '0']);
    // Harmless text is left as it is, an equals sign inside included.
    expect(parse(toCsv(['a'], [['a=b'], ['Grade 3 - good'], ["'quoted"]])).slice(1)).toEqual([['a=b'], ['Grade 3 - good'], ["'quoted"]]);
  });

  it('guards the header too', () => {
    expect(parse(toCsv(['=cmd', 'ok'], []))[0]).toEqual(["'=cmd", 'ok']);
  });

  it('refuses a row whose length differs from the header', () => {
    expect(() => toCsv(['a', 'b'], [['1', '2'], ['only one']])).toThrow(/Row 2 .* 1 cell\(s\), but the header has 2/);
    expect(() => toCsv(['a'], [['1', '2']])).toThrow(RangeError);
  });
});

describe('csvFileName', () => {
  it('joins the parts made safe, leaving empty ones out', () => {
    expect(csvFileName(['Coventry', 'letters', '2007-11-26'])).toBe('Coventry - letters - 2007-11-26.csv');
    expect(csvFileName(['Bath & North East Somerset', '', ' - ', 'table'])).toBe('Bath North East Somerset - table.csv');
    expect(csvFileName(['Saint Helen’s / Ça'])).toBe('Saint Helens Ca.csv');
  });

  it('falls back to a plain name when nothing usable is left', () => {
    expect(csvFileName([])).toBe('Letter Archive table.csv');
    expect(csvFileName(['***', '...', '//'])).toBe('Letter Archive table.csv');
  });
});
