// @vitest-environment node
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseLetter } from '../../../src-shared/letters/parse-letter';
import { getDb, openFreshDbForTests } from '../archive/db';
import { importLetters } from '../archive/repository';
import { memorySource, parseDirectly, sampleFiles } from '../archive/test-support/memory-source';
import { wholeLetters } from '../archive/test-support/stored-letters';
import { allLettersJson, letterJsonFileName, letterOf, type LetterJsonEntry } from './letters-json';

let dbCount = 0;
beforeEach(async () => {
  openFreshDbForTests(`letters-json-test-${++dbCount}`);
});

describe('the letters as JSON', () => {
  it('gives each letter as the parser reads it, with its file, in one array laid out as npm run parse --json lays it out', async () => {
    const files = sampleFiles();
    await importLetters(memorySource(files), { parse: parseDirectly });
    const { blob, count } = await allLettersJson();
    expect(count).toBe(files.size);
    const text = await blob.text();
    const entries = JSON.parse(text) as LetterJsonEntry[];
    expect(text).toBe(`${JSON.stringify(entries, null, 2)}\n`);
    expect(entries.map((e) => e.file).sort()).toEqual([...files.keys()].sort());
    for (const entry of entries) {
      const parsed = await parseLetter(files.get(entry.file)!);
      if (!parsed.ok) throw new Error(parsed.reason);
      // The same Letter object, member for member, and nothing the archive adds.
      expect(entry.letter).toEqual(JSON.parse(JSON.stringify(parsed.letter)));
      expect(Object.keys(entry.letter)).not.toContain('councilKey');
    }
  });

  it('is an empty array for an empty archive', async () => {
    const { blob, count } = await allLettersJson();
    expect(count).toBe(0);
    expect(await blob.text()).toBe('[]\n');
  });

  it('names each letter’s own file by council, date, kind and the start of its id', async () => {
    await importLetters(memorySource(sampleFiles()), { parse: parseDirectly });
    const letters = await wholeLetters(getDb());
    const names = letters.map(letterJsonFileName);
    expect(new Set(names).size).toBe(letters.length);
    for (const [i, letter] of letters.entries()) expect(names[i]).toBe(`${letter.council.displayName} ${letter.date} ${letter.kind} ${letter.id.slice(0, 12)}.json`);
    expect(letterOf(letters[0]!)).not.toHaveProperty('sourceFile');
  });
});
