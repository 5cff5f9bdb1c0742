/** Messages between the UI and the search worker. Types only. */
import type { SearchHit } from '../archive/types';

export type SearchRequest =
  | { type: 'init'; dbName: string }
  | { type: 'add'; letterIds: string[] }
  | { type: 'remove'; letterIds: string[] }
  | { type: 'search'; id: number; query: string; limit: number };

export type SearchReply = { type: 'hits'; id: number; hits: SearchHit[] } | { type: 'error'; id: number; message: string };
