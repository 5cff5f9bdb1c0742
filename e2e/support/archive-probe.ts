/** Reads the archive's IndexedDB straight from the page, to check what is stored, not only what is shown. */
import type { Page } from '@playwright/test';

export interface StoredSummary {
  letters: number;
  /** Letters stored without sections or without a council: never expected. */
  partial: number;
  councils: number;
}

export function readArchive(page: Page): Promise<StoredSummary> {
  return page.evaluate(
    () =>
      new Promise<StoredSummary>((resolve, reject) => {
        const open = indexedDB.open('letter-archive');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['letters', 'councils'], 'readonly');
          const letters = tx.objectStore('letters').getAll();
          const councils = tx.objectStore('councils').count();
          tx.oncomplete = () => {
            const rows = letters.result as { sections?: unknown[]; council?: unknown }[];
            resolve({
              letters: rows.length,
              partial: rows.filter((r) => !r.sections || r.sections.length === 0 || !r.council).length,
              councils: councils.result,
            });
            db.close();
          };
        };
      }),
  );
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
            for (const row of all.result as { title: string; parserVersion: number; sections: { paragraphs: { type: string; text?: string }[] }[] }[]) {
              row.parserVersion = 1;
              row.title = 'Read by an older version';
              for (const section of row.sections) section.paragraphs = section.paragraphs.filter((p) => !(p.text ?? '').toLowerCase().includes(lost));
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
