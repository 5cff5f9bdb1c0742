// @vitest-environment node
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseLetter } from '../../../src-shared/letters/parse-letter';
import { judgementSection } from '../../../src-shared/summaries/letter-parts';
import { getDb, openFreshDbForTests, type LetterRow } from './db';
import type { TextPlace } from './db';
import { asListed, joinParagraphs, keepsParagraphsApart, keptApart, keptWith, readLetter, readLetters } from './letter-paragraphs';
import type { ParseItem } from './parse-messages';
import { paragraphsApart } from './paragraph-bytes';
import { queryLatestLetters, queryLettersOf } from './queries';
import { importLetters, removeLetters, undoRemoval } from './repository';
import { placedParagraphs, takeTexts, type TextToKeep } from './text-packs';
import { memorySource, parseAsTheWorkerSends, parseDirectly, sampleFiles } from './test-support/memory-source';
import { storedSamples } from './test-support/stored-letters';

let dbCount = 0;
beforeEach(() => {
  openFreshDbForTests(`letter-paragraphs-test-${++dbCount}`);
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** The sample letters as an import reads them, by id. */
async function samplesById(): Promise<Map<string, LetterRow>> {
  return new Map((await storedSamples()).map((letter) => [letter.id, letter as LetterRow]));
}

/** Each sample letter as an import reads it, and the text it was read from. */
async function samplesWithTexts(): Promise<{ letter: LetterRow; text: string }[]> {
  const read = await samplesById();
  const withTexts: { letter: LetterRow; text: string }[] = [];
  for (const [name, bytes] of sampleFiles()) {
    const outcome = await parseLetter(bytes);
    if (!outcome.ok) throw new Error(`${name}: ${outcome.reason}`);
    withTexts.push({ letter: read.get(outcome.letter.id)!, text: outcome.source.text });
  }
  return withTexts;
}

describe('a letter kept with its paragraphs apart', () => {
  it('keeps in its row every part but the paragraphs, and those of its overall judgement; joined again, it is the letter read', async () => {
    for (const { letter, text } of await samplesWithTexts()) {
      const apart = keptApart(letter, () => text)!;
      const judged = judgementSection(letter);
      expect(judged).toBeGreaterThanOrEqual(0);
      apart.row.sections.forEach((section, i) => {
        const { paragraphs, ...rest } = letter.sections[i]!;
        expect(section).toMatchObject(rest);
        if (i === judged) expect(section.paragraphs).toEqual(paragraphs);
        else expect(section).not.toHaveProperty('paragraphs');
      });
      expect(keepsParagraphsApart(apart.row)).toBe(true);
      expect(joinParagraphs(apart.row, apart.paragraphs, new TextEncoder().encode(text))).toEqual(letter);
      // The letter itself is left as it was.
      expect(letter.sections.every((section) => Array.isArray(section.paragraphs))).toBe(true);
    }
  });

  it('has nothing to keep apart for a letter whose only section is its judgement', async () => {
    const { letter, text } = (await samplesWithTexts())[0]!;
    const judged = letter.sections[judgementSection(letter)]!;
    expect(keptApart({ ...letter, sections: [judged] }, () => text)).toBeNull();
  });

  it('shows a section whose paragraphs cannot be read with none, and says so, rather than failing', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { letter, text } = (await samplesWithTexts())[0]!;
    const { row, paragraphs } = keptApart(letter, () => text)!;
    const utf8 = new TextEncoder().encode(text);
    const unreadable: [Uint8Array | undefined, Uint8Array | undefined][] = [
      [undefined, utf8],
      [paragraphs.subarray(0, 10), utf8],
      [new TextEncoder().encode('{"not":"a list"}'), utf8],
      // Paragraphs kept as places in a text that is not there, or too short to hold them.
      [paragraphs, undefined],
      [paragraphs, utf8.subarray(0, 100)],
    ];
    for (const [bytes, textBytes] of unreadable) {
      const joined = joinParagraphs(row, bytes, textBytes);
      expect(joined.sections.map((s) => s.paragraphs.length)).toEqual(row.sections.map((s) => s.paragraphs?.length ?? 0));
    }
    expect(warn).toHaveBeenCalledTimes(unreadable.length);
    expect(String(warn.mock.calls[0]![0])).toContain(letter.id);
  });

  it('is how an import keeps letters, and every reader of words reads them whole', async () => {
    await importLetters(memorySource(sampleFiles()), { parse: parseDirectly });
    const read = await samplesById();
    const db = getDb();
    const rows = await db.letters.toArray();
    expect(rows).toHaveLength(5);
    expect(rows.every(keepsParagraphsApart)).toBe(true);
    // The rows are a good deal smaller than the letters (a fifth of them, for the bench's letters).
    for (const row of rows) expect(JSON.stringify(row).length).toBeLessThan(JSON.stringify(read.get(row.id)).length * 0.7);

    const whole = await readLetters(db, [...read.keys(), 'not-a-letter']);
    expect(whole.at(-1)).toBeUndefined();
    for (const letter of whole.slice(0, -1)) expect(letter!.sections).toEqual(read.get(letter!.id)!.sections);
    const one = [...read.values()][2]!;
    expect((await readLetter(db, one.id))!.sections).toEqual(one.sections);

    // The panes and the councils' summaries: the judgement's paragraphs, and no others.
    const listed = [...(await queryLettersOf('coventry')), ...(await queryLatestLetters(null))];
    expect(listed.length).toBeGreaterThan(5);
    for (const letter of listed) {
      const judged = judgementSection(letter);
      letter.sections.forEach((section, i) => expect(section.paragraphs).toEqual(i === judged ? read.get(letter.id)!.sections[i]!.paragraphs : []));
    }
    expect(asListed(whole[0]!)).toBe(whole[0]);
  });

  it('keeps each letter’s paragraphs when another letter’s text leaves their pack, and brings them back with an undone removal', async () => {
    await importLetters(memorySource(sampleFiles()), { parse: parseDirectly });
    const read = await samplesById();
    const db = getDb();
    const [gone, ...kept] = [...read.keys()];
    await db.transaction('rw', [db.texts, db.textPacks], () => takeTexts(db, [gone!]));
    for (const letter of await readLetters(db, kept)) expect(letter!.sections).toEqual(read.get(letter!.id)!.sections);

    const removal = await removeLetters(kept.slice(0, 2), 'two letters');
    expect(await readLetters(db, kept.slice(0, 2))).toEqual([undefined, undefined]);
    expect(await undoRemoval(removal)).toBe(2);
    for (const letter of await readLetters(db, kept)) expect(letter!.sections).toEqual(read.get(letter!.id)!.sections);
  });
  it('keeps the paragraphs as the parse worker kept them, from the same file, new or read again, and reads every letter back whole', async () => {
    // Files parsed and sent as the parse worker sends them: the text as UTF-8, and the paragraphs
    // kept apart, made there; or those paragraphs in the form of before (JSON), which only the worker made.
    const asTheWorkerSends = (form: 'places' | 'json') => async (files: ParseItem[]) =>
      (await parseAsTheWorkerSends(files)).map((file) => {
        if (form === 'json' && file.outcome.ok && file.paragraphs) file.paragraphs = new TextEncoder().encode(JSON.stringify(paragraphsApart(file.outcome.letter)));
        return file;
      });
    const db = getDb();
    const read = await samplesById();
    const files = [...sampleFiles()].map(([relativePath, bytes]) => ({ relativePath, bytes }));
    for (const form of ['places', 'json'] as const) {
      const sent = await asTheWorkerSends(form)(files);
      expect(sent.every((file) => file.utf8 && file.paragraphs?.[0] === (form === 'json' ? '['.charCodeAt(0) : 1))).toBe(true);
      // The second time, the archive's letters were read by an older parser: each takes this reading, and these paragraphs.
      if (form === 'json') await db.letters.toCollection().modify({ parserVersion: 0 });
      const report = await importLetters(memorySource(sampleFiles()), { parse: asTheWorkerSends(form) });
      expect(report.added).toBe(form === 'places' ? 5 : 0);

      const whole = await readLetters(db, [...read.keys()]);
      for (const letter of whole) expect(letter!.sections).toEqual(read.get(letter!.id)!.sections);
      // What the archive keeps after each text is the worker's bytes.
      for (const file of sent) {
        if (!file.outcome.ok) continue;
        const place = (await db.texts.get(file.outcome.letter.id)) as TextPlace;
        const pack = (await db.textPacks.get(place.pack))!.utf8;
        expect(placedParagraphs(place, pack)).toEqual(file.paragraphs);
      }
    }
  });

  it('makes a whole row’s paragraphs from its text, in place of any the text held before', async () => {
    const { letter, text } = (await samplesWithTexts())[0]!;
    const kept: TextToKeep = { id: letter.id, utf8: new TextEncoder().encode(text), paragraphs: new Uint8Array([1, 91, 93]) };
    keptWith(letter, kept);
    expect(kept.paragraphs).toEqual(keptApart(letter, () => text)!.paragraphs);
    expect(joinParagraphs(keptApart(letter, () => text)!.row, kept.paragraphs, kept.utf8)).toEqual(letter);
  });
});
