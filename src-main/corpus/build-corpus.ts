/**
 * A large, realistic corpus of letters made from the samples: real councils (only those
 * that existed on the letter's date), APA letters dated 2005 to 2008 and annual ratings
 * 2009 to 2011, the last as annual assessments (two APA letters for each rating),
 * grades weighted like the real ones, and text recombined by `recombine.ts`.
 *
 * `generateCorpus` is deterministic for a seed; `writeCorpus` puts the letters in one
 * sub-folder per year, with file names made unique, and `writeCorpusAs` does the same
 * with some or all of them laid out as PDFs.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { LETTER_YEARS, isAnnualAssessment, type GradeValue, type LetterKind } from '../../src-shared/letters/letter';
import { variedLetterPdfOptions } from '../pdf-fixtures/varied-options';
import { councilsOn, loadCouncilPool, type PooledCouncil } from './council-pool';
import { damageLetter, pickDamagePlan } from './damage';
import type { CorpusFormat } from './corpus-args';
import { pick, prepareSamples, recombineLetter, type SampleSet } from './recombine';
import { pickGrade, seededRandom, type LetterVariation } from './vary-letter';

/** Share of APA letters: four APA years against two annual rating years. */
export const APA_SHARE = 2 / 3;
/** Attempts at a letter that differs from every one before it. */
const MAX_ATTEMPTS = 20;

export interface CorpusLetter {
  /** `2009/walsall-2009-annual-rating.txt`, with "/" separators. */
  relativePath: string;
  text: string;
  /** What the parser must read back. */
  expected: {
    kind: LetterKind;
    council: string;
    date: string;
    /** The overall grade. */
    grade: GradeValue;
    /** Every grade the letter gives: an APA letter's seven outcomes in order (the first its overall grade), a rating's one. */
    grades: GradeValue[];
  };
}

export interface CorpusOptions {
  letters: number;
  seed: number;
  /** The sample letters' texts. */
  samples: readonly string[];
  councils: readonly PooledCouncil[];
}

/** The texts of the sample letters in resources/sample-letters, in name order. */
export function loadSampleTexts(repoRoot: string): string[] {
  const dir = path.join(repoRoot, 'resources', 'sample-letters');
  return readdirSync(dir)
    .filter((n) => n.endsWith('.txt'))
    .sort()
    .map((n) => readFileSync(path.join(dir, n), 'utf8'));
}

export function slug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const pad = (n: number) => String(n).padStart(2, '0');

function pickLetterVariation(random: () => number, kind: LetterKind, councils: readonly PooledCouncil[]): { variation: LetterVariation; iso: string } {
  const [first, last] = LETTER_YEARS[kind];
  for (;;) {
    const date = { year: first + Math.floor(random() * (last - first + 1)), month: 1 + Math.floor(random() * 12), day: 1 + Math.floor(random() * 28) };
    const iso = `${date.year}-${pad(date.month)}-${pad(date.day)}`;
    const existing = councilsOn(councils, iso);
    if (existing.length === 0) continue;
    const { officialName, displayName } = pick(random, existing);
    const grades = Array.from({ length: kind === 'apa' ? 7 : 1 }, () => pickGrade(random));
    return { variation: { council: { officialName, displayName }, date, grades }, iso };
  }
}

/** Yields `options.letters` distinct letters; the same options give the same letters. */
export function* generateCorpus(options: CorpusOptions): Generator<CorpusLetter> {
  const samples: SampleSet = prepareSamples(options.samples);
  if (samples.apa.length === 0 && samples.rating.length === 0) throw new Error('None of the sample letters could be used.');
  if (options.councils.length === 0) throw new Error('There are no councils to write letters to.');
  const random = seededRandom(options.seed);
  const seen = new Set<string>();
  const names = new Map<string, number>();
  for (let i = 0; i < options.letters; i++) {
    const wanted: LetterKind = samples.rating.length === 0 || (samples.apa.length > 0 && random() < APA_SHARE) ? 'apa' : 'annual-rating';
    for (let attempt = 1; ; attempt++) {
      const { variation, iso } = pickLetterVariation(random, wanted, options.councils);
      const text = recombineLetter(random, samples, wanted, variation);
      const hash = createHash('sha1').update(text).digest('base64');
      if (seen.has(hash)) {
        if (attempt >= MAX_ATTEMPTS) throw new Error(`Letter ${i + 1} came out the same as an earlier one ${MAX_ATTEMPTS} times.`);
        continue;
      }
      seen.add(hash);
      const year = variation.date.year;
      const title = wanted === 'apa' ? 'annual-performance-assessment' : isAnnualAssessment(year) ? 'annual-assessment' : 'annual-rating';
      const base = `${year}/${slug(variation.council.displayName)}-${year}-${title}`;
      const taken = (names.get(base) ?? 0) + 1;
      names.set(base, taken);
      yield {
        relativePath: `${base}${taken > 1 ? `-${taken}` : ''}.txt`,
        text,
        expected: { kind: wanted, council: variation.council.displayName, date: iso, grade: variation.grades[0] ?? 2, grades: [...variation.grades] },
      };
      break;
    }
  }
}

export interface CorpusSummary {
  folder: string;
  letters: number;
  /** How many of the letters are PDFs (the rest are text). */
  pdfs: number;
  bytes: number;
  byYear: Record<string, number>;
  byKind: Record<LetterKind, number>;
  councils: number;
}

/** Writes the letters under `folder` (which should be empty or new) as text, and says what it wrote. */
export function writeCorpus(folder: string, letters: Iterable<CorpusLetter>): CorpusSummary {
  const writer = new CorpusWriter(folder);
  for (const letter of letters) writer.write(letter, letter.relativePath, textBytes(letter, null));
  return writer.summary();
}

/** The bytes of a text letter as written: UTF-8, or damaged by a plan drawn from `random`. */
export function textBytes(letter: CorpusLetter, random: (() => number) | null): Uint8Array {
  return random ? damageLetter(letter.text, pickDamagePlan(random)) : Buffer.from(letter.text, 'utf8');
}

/** A stream of its own for damage, apart from the letters' own, so the letters are the same damaged or not. */
export function damageRandom(seed: number): () => number {
  return seededRandom((seed ^ 0x5bd1e995) >>> 0);
}

/**
 * Writes the letters under `folder` in `format`: text as `writeCorpus` does, every letter
 * as a PDF (`….pdf`, laid out with options varied from `seed`), or a mix of about half
 * each. With `damaged`, each text letter is damaged in one or more of the ways text
 * extraction damages letters (see damage.ts). The same letters, format and seed give the
 * same files.
 */
export async function writeCorpusAs(
  folder: string,
  letters: Iterable<CorpusLetter>,
  format: CorpusFormat,
  seed: number,
  damaged = false,
): Promise<CorpusSummary> {
  const damage = damaged ? damageRandom(seed) : null;
  const writer = new CorpusWriter(folder);
  if (format === 'text') {
    for (const letter of letters) writer.write(letter, letter.relativePath, textBytes(letter, damage));
    return writer.summary();
  }
  // Loaded only here, so that text corpora (and the tools that make them) never load pdfkit.
  const { letterPdf } = await import('../pdf-fixtures/letter-pdf');
  // Apart from the letters' own stream, so the letters are the same in every format.
  const random = seededRandom((seed ^ 0x2f6b1a3d) >>> 0);
  for (const letter of letters) {
    if (format === 'pdf' || random() < 0.5) {
      const bytes = await letterPdf(letter.text, variedLetterPdfOptions(random));
      writer.write(letter, letter.relativePath.replace(/\.txt$/, '.pdf'), bytes);
    } else {
      writer.write(letter, letter.relativePath, textBytes(letter, damage));
    }
  }
  return writer.summary();
}

/** Puts files in their year's folder and keeps the count. */
class CorpusWriter {
  private readonly counts: CorpusSummary;
  private readonly councils = new Set<string>();
  private readonly made = new Set<string>();

  constructor(folder: string) {
    this.counts = { folder, letters: 0, pdfs: 0, bytes: 0, byYear: {}, byKind: { apa: 0, 'annual-rating': 0 }, councils: 0 };
  }

  write(letter: CorpusLetter, relativePath: string, bytes: Uint8Array): void {
    const file = path.join(this.counts.folder, ...relativePath.split('/'));
    const dir = path.dirname(file);
    if (!this.made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      this.made.add(dir);
    }
    writeFileSync(file, bytes, { flag: 'wx' });
    this.counts.letters++;
    if (relativePath.endsWith('.pdf')) this.counts.pdfs++;
    this.counts.bytes += bytes.length;
    const year = letter.expected.date.slice(0, 4);
    this.counts.byYear[year] = (this.counts.byYear[year] ?? 0) + 1;
    this.counts.byKind[letter.expected.kind]++;
    this.councils.add(letter.expected.council);
  }

  summary(): CorpusSummary {
    return { ...this.counts, councils: this.councils.size };
  }
}

/** Why a folder cannot take a new corpus, or null when it can (new, or an empty folder). */
export function folderProblem(folder: string): string | null {
  if (!existsSync(folder)) return null;
  if (!statSync(folder).isDirectory()) return `${folder} is a file, not a folder.`;
  if (readdirSync(folder).length > 0) return `${folder} is not empty: choose a new or empty folder, so the corpus is not mixed with other files.`;
  return null;
}

/** Makes a corpus of text files from the repository's samples and councils into `folder`. */
export function makeCorpus(repoRoot: string, folder: string, letters: number, seed: number): CorpusSummary {
  return writeCorpus(path.resolve(folder), generateCorpus({ letters, seed, samples: loadSampleTexts(repoRoot), councils: loadCouncilPool(repoRoot) }));
}

/** Makes a corpus from the repository's samples and councils into `folder`, in `format`, damaged or not. */
export function makeCorpusAs(repoRoot: string, folder: string, letters: number, seed: number, format: CorpusFormat, damaged = false): Promise<CorpusSummary> {
  const corpus = generateCorpus({ letters, seed, samples: loadSampleTexts(repoRoot), councils: loadCouncilPool(repoRoot) });
  return writeCorpusAs(path.resolve(folder), corpus, format, seed, damaged);
}

/** What was written, for people. */
export function describeCorpus(summary: CorpusSummary, seed: number, seconds: number): string {
  const mb = (summary.bytes / 1024 / 1024).toFixed(1);
  const pdfs = summary.pdfs === 0 ? '' : summary.pdfs === summary.letters ? ', all as PDFs' : `, ${summary.pdfs.toLocaleString('en-GB')} of them as PDFs`;
  return [
    `Wrote ${summary.letters.toLocaleString('en-GB')} letters (${mb} MB${pdfs}) about ${summary.councils} councils to ${summary.folder} in ${seconds.toFixed(1)} s (seed ${seed})`,
    `  annual performance assessments  ${summary.byKind.apa.toLocaleString('en-GB').padStart(7)}`,
    `  annual ratings                  ${summary.byKind['annual-rating'].toLocaleString('en-GB').padStart(7)}`,
    ...Object.keys(summary.byYear)
      .sort()
      .map((year) => `  ${year}/                           ${(summary.byYear[year] ?? 0).toLocaleString('en-GB').padStart(7)}`),
  ].join('\n');
}
