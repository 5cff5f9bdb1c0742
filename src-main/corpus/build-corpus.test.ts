import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseLetterText } from '../../src-shared/letters/parse-letter';
import { describeCorpus, generateCorpus, loadSampleTexts, slug, writeCorpus, writeCorpusAs, type CorpusLetter } from './build-corpus';
import { joinedText, readPdf } from '../pdf-fixtures/test-support/pdf-items';
import { councilsOn, loadCouncilPool, parseCsv } from './council-pool';
import { newPercentages, prepareSamples } from './recombine';
import { apaParts, ratingParts, splitSentences } from './sample-parts';
import { seededRandom } from './vary-letter';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const samples = loadSampleTexts(REPO);
const councils = loadCouncilPool(REPO);
const corpus: CorpusLetter[] = [...generateCorpus({ letters: 500, seed: 42, samples, councils })];

/** Sentences of all the samples, to tell how much of a letter is new arrangement. */
const sampleParagraphs = new Set(samples.flatMap((t) => t.split(/\n\s*\n/).map((p) => p.trim())));

describe('cutting the samples up', () => {
  it('finds every graded section of the APA sample and the reasons of every rating sample', () => {
    const set = prepareSamples(samples);
    expect(set.apa).toHaveLength(1);
    expect(set.apa[0]!.sections.map((s) => s.outcome)).toEqual([
      'overall-effectiveness',
      'being-healthy',
      'staying-safe',
      'enjoying-and-achieving',
      'making-a-positive-contribution',
      'achieving-economic-well-being',
      'capacity-to-improve',
    ]);
    expect(set.rating).toHaveLength(4);
    for (const rating of set.rating) expect(rating.reasons.map((r) => r.topic)).toContain('indicators');
    // The samples' own councils are gone until a letter is written.
    expect(JSON.stringify(set)).not.toMatch(/Coventry|Leicester|Stoke-on-Trent|Worcestershire County/);
  });

  it('mends a paragraph cut by a page break before splitting it into sentences', () => {
    const apa = apaParts(samples.find((t) => /ANNUAL PERFORMANCE ASSESSMENT/.test(t))!)!;
    const healthy = apa.sections.find((s) => s.outcome === 'being-healthy')!;
    expect(healthy.body.some((p) => p.sentences.some((s) => s.includes('A number of good initiatives are in place')))).toBe(true);
  });

  it('returns null for text without the expected parts', () => {
    expect(ratingParts('Dear Sir\n\nNothing here.')).toBeNull();
    expect(apaParts('Dear Sir\n\nNothing here.')).toBeNull();
  });

  it('splits sentences at full stops followed by a capital or a number, not inside figures', () => {
    expect(splitSentences('Rates fell to 19.0% in 2006. 39.6% gained five. Good progress.')).toEqual([
      'Rates fell to 19.0% in 2006.',
      '39.6% gained five.',
      'Good progress.',
    ]);
  });
});

describe('generateCorpus', () => {
  it('writes letters that all parse, about the council, date and grade put in', async () => {
    const failures: string[] = [];
    const misread: string[] = [];
    const ids = new Set<string>();
    for (const letter of corpus) {
      const outcome = await parseLetterText(letter.text);
      if (!outcome.ok) {
        failures.push(`${letter.relativePath}: ${outcome.reason}`);
        continue;
      }
      const got = outcome.letter;
      ids.add(got.id);
      const { kind, council, date, grade } = letter.expected;
      if (got.kind !== kind || got.council.displayName !== council || got.date !== date || got.overall?.grade !== grade) {
        misread.push(`${letter.relativePath}: read ${got.kind} ${got.council.displayName} ${got.date} ${got.overall?.grade}, wrote ${kind} ${council} ${date} ${grade}`);
      }
      if (kind === 'apa') expect(got.sections.filter((s) => s.grade).length, letter.relativePath).toBe(7);
    }
    expect(failures).toEqual([]);
    expect(misread).toEqual([]);
    // Every letter is new to the archive: none would be skipped as a duplicate.
    expect(ids.size).toBe(corpus.length);
  });

  it('uses real councils that existed on the date, APA years 2005 to 2008 and rating years 2009 to 2011', () => {
    const names = new Set(councils.map((c) => c.displayName));
    for (const { expected } of corpus) {
      expect(names.has(expected.council)).toBe(true);
      expect(councilsOn(councils, expected.date).map((c) => c.displayName)).toContain(expected.council);
      const year = Number(expected.date.slice(0, 4));
      const [first, last] = expected.kind === 'apa' ? [2005, 2008] : [2009, 2011];
      expect(year).toBeGreaterThanOrEqual(first);
      expect(year).toBeLessThanOrEqual(last);
    }
    expect(new Set(corpus.map((l) => l.expected.council)).size).toBeGreaterThan(100);
    expect(new Set(corpus.map((l) => l.expected.grade)).size).toBe(4);
    const apa = corpus.filter((l) => l.expected.kind === 'apa').length;
    expect(apa / corpus.length).toBeGreaterThan(0.55);
    expect(apa / corpus.length).toBeLessThan(0.78);
    // Cheshire East was created in 2009: it has annual ratings but no APA letters.
    const cheshireEast = corpus.filter((l) => l.expected.council === 'Cheshire East');
    expect(cheshireEast.every((l) => l.expected.kind === 'annual-rating')).toBe(true);
  });

  it('recombines the text rather than repeating the samples', () => {
    const texts = corpus.map((l) => l.text);
    expect(new Set(texts).size).toBe(texts.length);
    // Once council, date and grades are set aside, the bodies still differ from letter to letter.
    const neutral = corpus.map((l) => l.text.replaceAll(l.expected.council, '').replace(/\d+/g, '#'));
    expect(new Set(neutral).size).toBeGreaterThan(corpus.length * 0.95);
    // Most long paragraphs are not any sample's paragraph as written.
    const paragraphs = texts.flatMap((t) => t.split('\n\n')).filter((p) => p.length > 300);
    const verbatim = paragraphs.filter((p) => sampleParagraphs.has(p)).length;
    expect(verbatim / paragraphs.length).toBeLessThan(0.4);
  });

  it('gives unique file names in a folder per year, and the same corpus for the same seed', () => {
    const paths = corpus.map((l) => l.relativePath);
    expect(new Set(paths).size).toBe(paths.length);
    for (const letter of corpus) {
      const year = letter.expected.date.slice(0, 4);
      expect(letter.relativePath).toMatch(new RegExp(`^${year}/${slug(letter.expected.council)}-${year}-(annual-performance-assessment|annual-rating|annual-assessment)(-\\d+)?\\.txt$`));
    }
    const again = [...generateCorpus({ letters: 40, seed: 42, samples, councils })];
    expect(again).toEqual(corpus.slice(0, 40));
    const other = [...generateCorpus({ letters: 40, seed: 43, samples, councils })];
    expect(other.map((l) => l.text)).not.toEqual(again.map((l) => l.text));
  });
});

describe('writeCorpus', () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'letter-archive-corpus-test-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('writes each letter under its year and counts what it wrote', () => {
    const summary = writeCorpus(folder, corpus.slice(0, 30));
    expect(summary.letters).toBe(30);
    expect(Object.values(summary.byYear).reduce((a, b) => a + b, 0)).toBe(30);
    expect(summary.byKind.apa + summary.byKind['annual-rating']).toBe(30);
    const years = readdirSync(folder).sort();
    expect(years.every((y) => /^20(0[5-9]|1[01])$/.test(y))).toBe(true);
    const first = corpus[0]!;
    expect(readFileSync(path.join(folder, first.relativePath), 'utf8')).toBe(first.text);
    expect(summary.bytes).toBe(corpus.slice(0, 30).reduce((n, l) => n + Buffer.byteLength(l.text), 0));
  });
});

describe('writeCorpusAs', () => {
  const folders: string[] = [];
  const newFolder = () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'letter-archive-corpus-test-'));
    folders.push(folder);
    return folder;
  };
  afterAll(() => folders.forEach((f) => rmSync(f, { recursive: true, force: true })));
  const filesUnder = (folder: string): string[] => readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(txt|pdf)$/.test(f)).sort();

  it('writes text exactly as writeCorpus does when the format is text', async () => {
    const [a, b] = [newFolder(), newFolder()];
    const sync = writeCorpus(a, corpus.slice(0, 10));
    const written = await writeCorpusAs(b, corpus.slice(0, 10), 'text', 42);
    expect({ ...written, folder: a }).toEqual(sync);
    expect(sync.pdfs).toBe(0);
    expect(filesUnder(b)).toEqual(filesUnder(a));
  });

  it('lays every letter out as a PDF that reads back, and counts what it wrote', async () => {
    const folder = newFolder();
    const letters = corpus.slice(0, 6);
    const summary = await writeCorpusAs(folder, letters, 'pdf', 42);
    expect(summary).toMatchObject({ letters: 6, pdfs: 6 });
    const files = filesUnder(folder);
    expect(files).toEqual(letters.map((l) => l.relativePath.replace(/\.txt$/, '.pdf').split('/').join(path.sep)).sort());
    const bytes = files.map((f) => readFileSync(path.join(folder, f)));
    expect(summary.bytes).toBe(bytes.reduce((n, b) => n + b.length, 0));
    for (const b of bytes) expect(b.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const first = letters[0]!;
    const pages = await readPdf(new Uint8Array(readFileSync(path.join(folder, first.relativePath.replace(/\.txt$/, '.pdf')))));
    expect(joinedText(pages.flatMap((p) => p.items))).toContain(first.expected.council);
    expect(describeCorpus(summary, 42, 1)).toContain('all as PDFs');
  });

  it('mixes text and PDFs about half and half, the same for the same seed', async () => {
    const [a, b] = [newFolder(), newFolder()];
    const letters = corpus.slice(0, 24);
    const summary = await writeCorpusAs(a, letters, 'mixed', 7);
    expect(summary.letters).toBe(24);
    expect(summary.pdfs).toBeGreaterThan(4);
    expect(summary.pdfs).toBeLessThan(20);
    const files = filesUnder(a);
    expect(files.filter((f) => f.endsWith('.pdf'))).toHaveLength(summary.pdfs);
    for (const letter of letters) {
      const text = path.join(a, letter.relativePath);
      if (files.includes(letter.relativePath.split('/').join(path.sep))) expect(readFileSync(text, 'utf8')).toBe(letter.text);
    }
    await writeCorpusAs(b, letters, 'mixed', 7);
    expect(filesUnder(b)).toEqual(files);
    for (const f of files) expect(readFileSync(path.join(b, f)).equals(readFileSync(path.join(a, f))), f).toBe(true);
  });
});

describe('helpers', () => {
  it('reads quoted CSV fields', () => {
    expect(parseCsv('a,b,c\n"x, y","say ""hi""",\n')).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', ''],
    ]);
  });

  it('keeps the form of percentages it replaces', () => {
    const out = newPercentages(seededRandom(1), 'Only 72% and (19.0%) but not 2006 or 100 pupils.');
    expect(out).toMatch(/^Only \d{1,2}% and \(\d{1,2}\.\d%\) but not 2006 or 100 pupils\.$/);
  });

  it('makes file-name slugs', () => {
    expect(slug('Stoke-on-Trent')).toBe('stoke-on-trent');
    expect(slug('Bournemouth, Christchurch and Poole')).toBe('bournemouth-christchurch-and-poole');
    expect(slug('St. Helens')).toBe('st-helens');
  });
});
