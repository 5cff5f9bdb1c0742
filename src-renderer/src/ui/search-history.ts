/**
 * Recent and saved searches, as plain lists: what the settings hold and how they change.
 * Settings may be missing or from an older version, so every read is defensive.
 */

/** Recent searches kept, newest first. */
export const RECENT_LIMIT = 10;

export interface SavedSearch {
  name: string;
  query: string;
}

const sameQuery = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The recent searches in a stored setting; anything else reads as none. */
export function parseRecent(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.filter((q): q is string => typeof q === 'string' && q.trim() !== '').slice(0, RECENT_LIMIT);
}

/** `query` first, without an older copy of it, and no more than RECENT_LIMIT in all. */
export function addRecent(recent: readonly string[], query: string): string[] {
  const q = query.trim();
  if (q === '') return [...recent];
  return [q, ...recent.filter((r) => !sameQuery(r, q))].slice(0, RECENT_LIMIT);
}

/** The saved searches in a stored setting; anything else reads as none. */
export function parseSaved(value: unknown): SavedSearch[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (s): s is SavedSearch =>
      typeof s === 'object' && s !== null && typeof (s as SavedSearch).name === 'string' && typeof (s as SavedSearch).query === 'string',
  );
}

/**
 * Adds a saved search, in name order. A blank name becomes the query itself; saving
 * under a name already used replaces that search.
 */
export function addSaved(saved: readonly SavedSearch[], name: string, query: string): SavedSearch[] {
  const q = query.trim();
  if (q === '') return [...saved];
  const n = name.trim() || q;
  return [...saved.filter((s) => !sameQuery(s.name, n)), { name: n, query: q }].sort((a, b) =>
    a.name.localeCompare(b.name, 'en-GB', { sensitivity: 'base' }),
  );
}

export function removeSaved(saved: readonly SavedSearch[], name: string): SavedSearch[] {
  return saved.filter((s) => s.name !== name);
}
