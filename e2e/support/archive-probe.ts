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
