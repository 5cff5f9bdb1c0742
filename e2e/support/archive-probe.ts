/** Reads the archive's IndexedDB straight from the page, to check what is stored, not only what is shown. */
import type { Page } from '@playwright/test';

export interface StoredSummary {
  letters: number;
  /** Letters stored without sections or without a council: never expected. */
  partial: number;
  councils: number;
}

/** How many letters and councils are stored, and how many letters are not whole. */
export async function readArchive(page: Page): Promise<StoredSummary> {
  const { ids, partial, councils } = await readArchiveState(page);
  return { letters: ids.length, partial, councils: councils.length };
}

/**
 * Makes the archive look as an older version of the parser left it: every letter marked as
 * read by version 1, its title changed and its paragraphs that mention `word` gone, and
 * the search index's snapshot dropped, so the index is built again from those readings.
 * Returns the letters' ids.
 */
export function ageArchive(page: Page, word: string): Promise<string[]> {
  return page.evaluate(
    (lost) =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('letter-archive');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['letters', 'searchIndex'], 'readwrite');
          const letters = tx.objectStore('letters');
          const all = letters.getAll();
          all.onsuccess = () => {
            for (const row of all.result as { title: string; parserVersion: number; sections: { paragraphs?: { type: string; text?: string }[] }[] }[]) {
              row.parserVersion = 1;
              row.title = 'Read by an older version';
              // Whole, as an older version kept its rows: a section whose paragraphs were kept apart has none in this reading.
              for (const section of row.sections) section.paragraphs = (section.paragraphs ?? []).filter((p) => !(p.text ?? '').toLowerCase().includes(lost));
              letters.put(row);
            }
            tx.objectStore('searchIndex').clear();
          };
          tx.oncomplete = () => {
            resolve((all.result as { id: string }[]).map((row) => row.id).sort());
            db.close();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    word,
  );
}

/** The ids of the letters in the archive, sorted. */
export function letterIds(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('letter-archive');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const keys = db.transaction('letters', 'readonly').objectStore('letters').getAllKeys();
          keys.onsuccess = () => {
            resolve((keys.result as string[]).sort());
            db.close();
          };
          keys.onerror = () => reject(keys.error);
        };
      }),
  );
}

/** What an import leaves in the archive, read straight from IndexedDB. */
export interface ArchiveState {
  /** Every letter's id, sorted. */
  ids: string[];
  /** Letters stored without sections or without a council: never expected. */
  partial: number;
  /** Every council row, by key. */
  councils: { key: string; letterCount: number; latestDate: string; latest: unknown }[];
  /** Each council's letters as counted from the letters themselves, and its newest date. */
  fromLetters: Record<string, { count: number; latestDate: string }>;
  /** Every report's row, oldest first, with the reasons it names. */
  reports: { id: number; finishedAt: string; cancelled: boolean; added: number; failed: number; reasons: string[] }[];
}

export function readArchiveState(page: Page): Promise<ArchiveState> {
  return page.evaluate(
    () =>
      new Promise<ArchiveState>((resolve, reject) => {
        const open = indexedDB.open('letter-archive');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['letters', 'councils', 'reports', 'reportEntries'], 'readonly');
          const letters = tx.objectStore('letters').getAll();
          const councils = tx.objectStore('councils').getAll();
          const reports = tx.objectStore('reports').getAll();
          const entries = tx.objectStore('reportEntries').getAll();
          tx.oncomplete = () => {
            const rows = letters.result as { id: string; councilKey: string; date: string; sections?: unknown[]; council?: unknown }[];
            const fromLetters: ArchiveState['fromLetters'] = {};
            for (const row of rows) {
              const council = (fromLetters[row.councilKey] ??= { count: 0, latestDate: '' });
              council.count++;
              if (row.date > council.latestDate) council.latestDate = row.date;
            }
            const reasons = (reportId: number) =>
              (entries.result as { reportId: number; reason?: string }[]).filter((e) => e.reportId === reportId && e.reason).map((e) => e.reason!);
            resolve({
              ids: rows.map((r) => r.id).sort(),
              partial: rows.filter((r) => !r.sections || r.sections.length === 0 || !r.council).length,
              councils: (councils.result as ArchiveState['councils']).map(({ key, letterCount, latestDate, latest }) => ({ key, letterCount, latestDate, latest })),
              fromLetters,
              reports: (reports.result as ArchiveState['reports']).map(({ id, finishedAt, cancelled, added, failed }) => ({ id, finishedAt, cancelled, added, failed, reasons: reasons(id) })),
            });
            db.close();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/** What the `texts` and `textPacks` tables hold, read in the page in one transaction. */
interface KeptTexts {
  /** Each letter's kept text, decoded (through the pack it points into), by letter id. */
  texts: Record<string, string>;
  /** Packs that no row of `texts` points into: never expected. */
  unreferencedPacks: number;
}

function readKeptTexts(page: Page): Promise<KeptTexts> {
  return page.evaluate(
    () =>
      new Promise<KeptTexts>((resolve, reject) => {
        const open = indexedDB.open('letter-archive');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['texts', 'textPacks'], 'readonly');
          const texts = tx.objectStore('texts').getAll();
          const packs = tx.objectStore('textPacks').getAll();
          tx.oncomplete = () => {
            const decoder = new TextDecoder();
            const packBytes = new Map((packs.result as { id: string; utf8: Uint8Array }[]).map((pack) => [pack.id, pack.utf8]));
            type Row = { id: string; utf8: Uint8Array } | { id: string; text: string } | { id: string; pack: string; at: number; length: number };
            const rows = texts.result as Row[];
            const textOf = (row: Row): string => {
              if ('text' in row) return row.text;
              if ('utf8' in row) return decoder.decode(row.utf8);
              const pack = packBytes.get(row.pack);
              return pack ? decoder.decode(pack.subarray(row.at, row.at + row.length)) : `(no pack ${row.pack})`;
            };
            const inUse = new Set(rows.flatMap((row) => ('pack' in row ? [row.pack] : [])));
            resolve({
              texts: Object.fromEntries(rows.map((row) => [row.id, textOf(row)])),
              unreferencedPacks: [...packBytes.keys()].filter((id) => !inUse.has(id)).length,
            });
            db.close();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/** Each letter's kept text (the `texts` table, and the pack it points into), decoded in the page, by letter id. */
export async function readTexts(page: Page): Promise<Record<string, string>> {
  return (await readKeptTexts(page)).texts;
}

/** Packs of texts (the `textPacks` table) that no row of `texts` points into: never expected. */
export async function unreferencedPacks(page: Page): Promise<number> {
  return (await readKeptTexts(page)).unreferencedPacks;
}
