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
  /**
   * `loadMs` in parts: reading the snapshot (its file and row), making the index from it (or
   * building it from the archive), and catching up with the archive's letters since.
   */
  loadPhasesMs: { readMs: number; buildMs: number; catchUpMs: number };
}

/** What the worker did of its own accord, sent unasked so the benchmark can see when the index caught up. */
export type IndexActivity =
  /** Letters taken in: `letters` is how many the index now holds; `fromArchive` of them were read back, not staged. */
  | { kind: 'indexed'; letters: number; added: number; fromArchive: number; ms: number }
  /** The snapshot was saved with `letters` letters in it. */
  | { kind: 'saved'; letters: number; ms: number; chars: number; phases: { snapshotMs: number; writeMs: number; reloadMs: number } };

export type SearchRequest =
  | { type: 'init'; dbName: string }
  /** Letters just written to the archive: taken from those staged, or read from the archive. */
  | { type: 'added'; letterIds: string[] }
  /** A port on which a parse worker sends the letters it reads during an import (StagedLetters). */
  | { type: 'staging'; port: MessagePort }
  | { type: 'remove'; letterIds: string[] }
  /** An import began or ended: the snapshot waits for its end. */
  | { type: 'importing'; active: boolean }
  /** Letters whose content changed in the archive (read again): indexed afresh. */
  | { type: 'replace'; letterIds: string[] }
  | { type: 'run'; id: number; query: string; letters?: number; offset?: number }
  | { type: 'info'; id: number };

/** What a parse worker sends on its staging port: letters read, perhaps to be written, as one JSON array (letter-json.ts). */
export interface StagedLetters {
  lettersJson: string;
}

export type SearchReply =
  /** Sent once, unasked, when the index is first ready. */
  | { type: 'ready'; info: SearchIndexInfo }
  | { type: 'activity'; activity: IndexActivity }
  | { type: 'result'; id: number; response: SearchResponse }
  | { type: 'info'; id: number; info: SearchIndexInfo }
  | { type: 'error'; id: number; message: string };
