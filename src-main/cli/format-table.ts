/**
 * Turns parse results into a fixed-width table for a terminal (about 160 columns).
 */
import { isAnnualAssessment, type Letter, type LetterKind, type Rating, type Section } from '../../src-shared/letters/letter';

/**
 * One file's result: the letter read from it, or why there is none. `sameAs` names the
 * earlier file that holds the same letter (same-letter.ts), when one does.
 */
export type FileResult = { file: string; letter: Letter; sameAs?: string } | { file: string; error: string };

const OUTCOME_CODES: Partial<Record<NonNullable<Section['outcome']>, string>> = {
  'being-healthy': 'BH',
  'staying-safe': 'SS',
  'enjoying-and-achieving': 'EA',
  'making-a-positive-contribution': 'PC',
  'achieving-economic-well-being': 'EW',
  'capacity-to-improve': 'CI',
};

interface Column {
  header: string;
  /** Widest the column may grow; the last column takes what is left. */
  max: number;
}

const COLUMNS: Column[] = [
  { header: 'File', max: 36 },
  { header: 'Kind', max: 6 },
  { header: 'Date', max: 10 },
  { header: 'Council', max: 22 },
  { header: 'Overall', max: 24 },
  { header: 'Sections', max: 23 },
  { header: 'Warnings / reason', max: Infinity },
];

const GAP = '  ';

/** "APA", "rating", or for 2011, when the rating became the annual assessment, "assess". */
export function formatKind(kind: LetterKind, year?: number): string {
  if (kind === 'apa') return 'APA';
  return year !== undefined && isAnnualAssessment(year) ? 'assess' : 'rating';
}

/** "3 · Good", or "" when there is no rating. */
export function formatRating(rating: Rating | null | undefined): string {
  return rating ? `${rating.grade} · ${rating.label}` : '';
}

/** The APA outcome grades in letter order: "BH3 SS2 EA3 PC4 EW3 CI3" ("?" for an ungraded one). */
export function formatSectionGrades(sections: readonly Section[]): string {
  return sections
    .flatMap((s) => {
      const code = s.outcome ? OUTCOME_CODES[s.outcome] : undefined;
      return code ? [`${code}${s.grade?.grade ?? '?'}`] : [];
    })
    .join(' ');
}

/** The table's cells for one result, before truncation. */
export function resultCells(result: FileResult): string[] {
  if ('error' in result) return [result.file, '', '', '', '', '', result.error];
  const { letter } = result;
  return [
    result.file,
    formatKind(letter.kind, letter.year),
    letter.date,
    letter.council.displayName,
    formatRating(letter.overall),
    formatSectionGrades(letter.sections),
    [...(result.sameAs ? [`the same letter as ${result.sameAs}`] : []), ...letter.warnings].join('; '),
  ];
}

/**
 * Replaces control and bidirectional-override characters with spaces: file names and
 * letter text are untrusted and must not drive the terminal.
 */
export function cleanCell(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    const unsafe = c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
    out += unsafe ? ' ' : ch;
  }
  return out;
}

/** Cuts text to `width` characters, ending with "…" when something was cut. */
export function truncate(text: string, width: number): string {
  const chars = [...text];
  if (chars.length <= width) return text;
  return width <= 1 ? chars.slice(0, width).join('') : `${chars.slice(0, width - 1).join('')}…`;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - [...text].length));
}

/**
 * The whole table, header first, one line per result, no wider than `width`. A file that
 * is not a letter has no kind, date or grades, so its reason runs on from the Kind column.
 */
export function formatTable(results: readonly FileResult[], width = 160): string {
  const rows = results.map((r) => resultCells(r).map(cleanCell));
  const letterRows = rows.filter((_, i) => results[i] && 'letter' in (results[i] as FileResult));
  const longest = (i: number, among: string[][]): number =>
    Math.max([...(COLUMNS[i]?.header ?? '')].length, ...among.map((r) => [...(r[i] ?? '')].length));
  const widths = COLUMNS.map((c, i) => Math.min(c.max, longest(i, i === 0 ? rows : letterRows)));
  const last = widths.length - 1;
  const used = widths.slice(0, last).reduce((a, b) => a + b, 0) + GAP.length * last;
  widths[last] = Math.max(12, Math.min(longest(last, letterRows), width - used));
  const fit = (cell: string, w: number): string => pad(truncate(cell, w), w);
  const line = (cells: readonly string[]): string => cells.map((cell, i) => fit(cell, widths[i] ?? 0)).join(GAP).trimEnd();
  const spanned = (file: string, reason: string): string => {
    const rest = Math.max(12, width - (widths[0] ?? 0) - GAP.length);
    return `${fit(file, widths[0] ?? 0)}${GAP}${truncate(reason, rest)}`.trimEnd();
  };
  const body = rows.map((cells, i) => {
    const result = results[i] as FileResult;
    return 'error' in result ? spanned(cells[0] ?? '', cells[6] ?? '') : line(cells);
  });
  return [line(COLUMNS.map((c) => c.header)), line(widths.map((w) => '-'.repeat(w))), ...body].join('\n');
}

/** "5 files: 4 letters, 1 not read." */
export function formatSummary(results: readonly FileResult[]): string {
  const letters = results.filter((r) => 'letter' in r).length;
  const others = results.length - letters;
  const files = results.length === 1 ? 'file' : 'files';
  return `${results.length} ${files}: ${letters} ${letters === 1 ? 'letter' : 'letters'}, ${others} not read as letters.`;
}
