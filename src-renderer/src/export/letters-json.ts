/**
 * The letters as JSON, for people who work on the data elsewhere: each letter as the same
 * `Letter` object `npm run parse -- <folder> --json` prints, in the same entry,
 * `{ "file": ..., "letter": { ... } }`, with the file it was read from (relative to the
 * folder imported). All of them in one file (an array, as the command prints) or one file each.
 */
import type { Letter } from '../../../src-shared/letters/letter';
import { errorInWords } from '../../../src-shared/error-words';
import { eachLetterPage } from '../archive/queries';
import type { StoredLetter } from '../archive/types';
import { getBridge } from '../ui/get-bridge';

/** Every member of a Letter: the archive's own members of a stored letter are left out. */
const LETTER_MEMBERS = {
  id: true,
  kind: true,
  date: true,
  year: true,
  title: true,
  council: true,
  recipient: true,
  signatory: true,
  overall: true,
  sections: true,
  warnings: true,
  pageCount: true,
} satisfies Record<keyof Letter, true>;

/** One entry as `npm run parse --json` prints it. */
export interface LetterJsonEntry {
  file: string;
  letter: Letter;
}

/** The Letter a stored letter holds, without what the archive adds (its council key, files, import time...). */
export function letterOf(stored: StoredLetter): Letter {
  const letter: Record<string, unknown> = {};
  for (const key of Object.keys(LETTER_MEMBERS)) {
    const value = (stored as unknown as Record<string, unknown>)[key];
    if (value !== undefined) letter[key] = value;
  }
  return letter as unknown as Letter;
}

export function letterJsonEntry(stored: StoredLetter): LetterJsonEntry {
  return { file: stored.sourceFile, letter: letterOf(stored) };
}

/**
 * Every letter in one JSON array, laid out as the command lays it out (two spaces). Made a page
 * of letters at a time, each page a Blob of its own, so the letters are never all held at once
 * as objects or as one string.
 */
export async function allLettersJson(onProgress?: (done: number) => void): Promise<{ blob: Blob; count: number }> {
  const parts: Blob[] = [];
  let count = 0;
  await eachLetterPage((page) => {
    if (page.length === 0) return;
    // An element of an array is the entry's own JSON indented one step further.
    const text = page.map((stored) => `  ${JSON.stringify(letterJsonEntry(stored), null, 2).replaceAll('\n', '\n  ')}`).join(',\n');
    parts.push(new Blob([count === 0 ? '[\n' : ',\n', text]));
    count += page.length;
    onProgress?.(count);
  });
  parts.push(new Blob([count === 0 ? '[]\n' : '\n]\n']));
  return { blob: new Blob(parts, { type: 'application/json' }), count };
}

/** A letter's own file name: council, date, kind and the start of its id, so no two letters share one. */
export function letterJsonFileName(stored: StoredLetter): string {
  return `${stored.council.displayName} ${stored.date} ${stored.kind} ${stored.id.slice(0, 12)}.json`;
}

export type FolderOutcome =
  | { status: 'saved'; path: string; count: number }
  | { status: 'cancelled' }
  | { status: 'failed'; message: string; count: number };

/** Asks for a folder, then writes one JSON file per letter into it (needs the app's bridge). */
export async function saveLettersOnePerFile(onProgress?: (done: number) => void): Promise<FolderOutcome> {
  const bridge = getBridge();
  if (!bridge) return { status: 'failed', message: 'One file per letter needs the desktop app: a browser would download each one.', count: 0 };
  const chosen = await bridge.chooseJsonFolder();
  if (chosen.status === 'cancelled') return chosen;
  if (chosen.status === 'failed') return { ...chosen, count: 0 };
  let count = 0;
  let failure: string | null = null;
  try {
    await eachLetterPage(async (page) => {
      if (failure) return;
      for (const stored of page) {
        const outcome = await bridge.saveJsonInFolder(chosen.handle, letterJsonFileName(stored), `${JSON.stringify(letterJsonEntry(stored), null, 2)}\n`);
        if (outcome.status === 'failed') {
          failure = outcome.message;
          return;
        }
        count += 1;
        onProgress?.(count);
      }
    });
  } catch (error) {
    failure = errorInWords(error);
  }
  return failure ? { status: 'failed', message: failure, count } : { status: 'saved', path: chosen.path, count };
}
