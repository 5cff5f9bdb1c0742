/**
 * Tables as CSV text for spreadsheet programs. Pure, so the app and the tests make the same
 * text; saving it is the bridge's saveCsv, or a download (src-renderer/src/export/save-csv.ts).
 */
import Papa from 'papaparse';
import { joinedFileName } from '../summaries/summary-words';

/** One cell of a table: text, a number, or nothing (an empty cell). */
export type CsvCell = string | number | null;

/**
 * The byte order mark. Excel reads a CSV file without it in the system's legacy code page,
 * so "£" and curly quotes come out as "Â£" and "â€™"; with it, Excel reads UTF-8.
 */
const BOM = '\uFEFF';

/**
 * Text a spreadsheet program may take for a formula when it opens the file: "=", "+", "-"
 * and "@" start one, and a tab or carriage return in front is skipped over. A letter's text
 * comes from files anyone could have written, so such a cell is written with an apostrophe
 * in front, which spreadsheets read as "this is text" (OWASP's advice on CSV injection).
 * Numbers are left alone: -3 is a number, not a formula. Papa's own escapeFormulae pattern
 * ends in `.*$` without the s flag, so it misses a cell with a line break in it; this one
 * looks only at the first character.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * The table as CSV text: a UTF-8 byte order mark, then the header and the rows with CRLF
 * line ends; a cell is quoted only when it must be (a comma, quote, line break, or a space
 * at either end), and null is an empty cell. Text that starts like a formula gets a leading
 * apostrophe (see FORMULA_START), in the header too.
 *
 * @throws RangeError when a row has more or fewer cells than the header: a table cut short
 *   or run on would put values under the wrong column.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  rows.forEach((row, index) => {
    if (row.length !== header.length) {
      throw new RangeError(`Row ${index + 1} of the table has ${row.length} cell(s), but the header has ${header.length}.`);
    }
  });
  // The header goes in as the first row rather than as Papa's `fields`: given fields and no
  // rows, Papa writes a line break and an empty row after the header.
  const text = Papa.unparse([[...header], ...rows.map((row) => [...row])], {
    delimiter: ',',
    newline: '\r\n',
    quoteChar: '"',
    quotes: false,
    escapeFormulae: FORMULA_START,
  });
  return `${BOM}${text}`;
}

/** "Coventry - letters - 2007.csv": the parts made safe, empty ones left out (joinedFileName). */
export function csvFileName(parts: readonly string[]): string {
  return joinedFileName(parts, '.csv', 'Letter Archive table');
}
