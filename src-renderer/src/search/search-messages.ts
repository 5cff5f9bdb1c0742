/** Messages between the UI and the search worker. Types only. */
import type { SearchResponse } from './search-types';

/** What the worker loaded at start-up, and how long that took. */
export interface SearchIndexInfo {
  /** Sections in the index. */
  documents: number;
  /** Whether the saved snapshot was used, or the index was built from the archive. */
  source: 'snapshot' | 'rebuilt';
  /** Time the worker spent loading (or building) the index and reading the section texts, in milliseconds. */
  loadMs: number;
  /** Length of the snapshot's JSON: the one loaded, or the last one saved (0 before the first save). */
  snapshotChars: number;
}

export type SearchRequest =
  | { type: 'init'; dbName: string }
  | { type: 'add'; letterIds: string[] }
  | { type: 'remove'; letterIds: string[] }
  /** Letters whose content changed in the archive (read again): indexed afresh. */
  | { type: 'replace'; letterIds: string[] }
  | { type: 'run'; id: number; query: string; letters?: number; offset?: number }
  | { type: 'info'; id: number };

export type SearchReply =
  /** Sent once, unasked, when the index is first ready. */
  | { type: 'ready'; info: SearchIndexInfo }
  | { type: 'result'; id: number; response: SearchResponse }
  | { type: 'info'; id: number; info: SearchIndexInfo }
  | { type: 'error'; id: number; message: string };
