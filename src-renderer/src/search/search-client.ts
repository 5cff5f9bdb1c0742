/**
 * The UI's way to the search worker, started on first use. Where there is no Worker
 * (Node tests), notifications are dropped: the worker catches up with the archive
 * whenever it starts, so nothing is lost.
 */
import { getDb } from '../archive/db';
import type { SearchHit } from '../archive/types';
import type { SearchReply, SearchRequest } from './search-messages';

interface Pending {
  resolve(hits: SearchHit[]): void;
  reject(error: Error): void;
}

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

function failAll(message: string): void {
  for (const request of pending.values()) request.reject(new Error(message));
  pending.clear();
}

function startWorker(): Worker {
  const created = new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module' });
  created.addEventListener('message', (event: MessageEvent<SearchReply>) => {
    const reply = event.data;
    const request = pending.get(reply.id);
    if (!request) return;
    pending.delete(reply.id);
    if (reply.type === 'hits') request.resolve(reply.hits);
    else request.reject(new Error(reply.message));
  });
  // A crashed worker is replaced on the next call; the new one reloads the snapshot and catches up.
  created.addEventListener('error', (event) => {
    failAll(`the search worker stopped (${event.message || 'unknown error'})`);
    created.terminate();
    if (worker === created) worker = null;
  });
  const init: SearchRequest = { type: 'init', dbName: getDb().name };
  created.postMessage(init);
  return created;
}

function send(message: SearchRequest): boolean {
  if (typeof Worker === 'undefined') return false;
  worker ??= startWorker();
  worker.postMessage(message);
  return true;
}

/** Starts the worker so the index is loaded (or built) before the first search. */
export function warmUpSearch(): void {
  if (typeof Worker !== 'undefined') worker ??= startWorker();
}

/** The sections that best match `query` (every word must match, by prefix or nearly), best first. */
export function searchSections(query: string, limit = 50): Promise<SearchHit[]> {
  if (!query.trim()) return Promise.resolve([]);
  const id = nextId++;
  return new Promise<SearchHit[]>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    if (!send({ type: 'search', id, query, limit })) {
      pending.delete(id);
      reject(new Error('search needs a Web Worker, which this environment does not have'));
    }
  });
}

/** Tells the index that these letters were written to the archive. */
export function notifyLettersAdded(letterIds: string[]): void {
  if (letterIds.length) send({ type: 'add', letterIds });
}

/** Tells the index that these letters were deleted from the archive. */
export function notifyLettersRemoved(letterIds: string[]): void {
  if (letterIds.length) send({ type: 'remove', letterIds });
}
