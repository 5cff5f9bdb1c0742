/**
 * The UI's way to the search worker, started on first use. Where there is no Worker
 * (Node tests), notifications are dropped: the worker catches up with the archive
 * whenever it starts, so nothing is lost.
 *
 * For benchmarks, the main thread records two kinds of performance measure:
 *   'letter-archive:search'      per `runSearch`, from the call to the answer; detail { query, elapsedMs }
 *   'letter-archive:index-load'  once per worker, from its start to the index being ready;
 *                                detail { source, documents, loadMs, snapshotChars }
 */
import { getDb } from '../archive/db';
import type { SearchIndexInfo, SearchReply, SearchRequest } from './search-messages';
import type { SearchResponse } from './search-types';

export type { SearchIndexInfo } from './search-messages';

export const SEARCH_MEASURE = 'letter-archive:search';
export const INDEX_LOAD_MEASURE = 'letter-archive:index-load';

interface Pending {
  resolve(reply: Extract<SearchReply, { type: 'result' | 'info' }>): void;
  reject(error: Error): void;
}

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

function failAll(message: string): void {
  for (const request of pending.values()) request.reject(new Error(message));
  pending.clear();
}

/** Records a user-timing measure; never lets a missing or strict Performance API break a search. */
function measure(name: string, start: number, detail: unknown): void {
  try {
    performance.measure(name, { start, end: performance.now(), detail });
  } catch {
    // Measures are for benchmarks only.
  }
}

function startWorker(): Worker {
  const startedAt = performance.now();
  const created = new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module' });
  created.addEventListener('message', (event: MessageEvent<SearchReply>) => {
    const reply = event.data;
    if (reply.type === 'ready') {
      const { source, documents, loadMs, snapshotChars } = reply.info;
      measure(INDEX_LOAD_MEASURE, startedAt, { source, documents, loadMs, snapshotChars });
      return;
    }
    const request = pending.get(reply.id);
    if (!request) return;
    pending.delete(reply.id);
    if (reply.type === 'error') request.reject(new Error(reply.message));
    else request.resolve(reply);
  });
  // A crashed worker is replaced on the next call; the new one reloads the snapshot and catches up.
  const crashed = (message: string): void => {
    failAll(message);
    created.terminate();
    if (worker === created) worker = null;
  };
  created.addEventListener('error', (event) => crashed(`the search worker stopped (${event.message || 'unknown error'})`));
  // A reply that cannot be read leaves its request unanswered for ever: start again instead.
  created.addEventListener('messageerror', () => crashed('the search worker sent a message that could not be read'));
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

/** Sends a request that has an answer, and waits for it. */
function ask<T>(make: (id: number) => SearchRequest, pick: (reply: Extract<SearchReply, { type: 'result' | 'info' }>) => T): Promise<T> {
  const id = nextId++;
  return new Promise<T>((resolve, reject) => {
    pending.set(id, {
      resolve: (reply) => {
        try {
          resolve(pick(reply));
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      },
      reject,
    });
    if (!send(make(id))) {
      pending.delete(id);
      reject(new Error('search needs a Web Worker, which this environment does not have'));
    }
  });
}

/** Starts the worker so the index is loaded (or built) before the first search. */
export function warmUpSearch(): void {
  if (typeof Worker !== 'undefined') worker ??= startWorker();
}

/**
 * Answers a query in the search language (src-shared/search/query.ts): letters with their
 * matching sections, best first (at most `options.letters`, 50 by default), facet counts over
 * every match, what to highlight, and what in the query could not be understood.
 *
 * Every call resolves with the answer to its own query, in the order asked; when the person
 * types on, callers simply ignore answers to older queries.
 */
export function runSearch(query: string, options: { letters?: number } = {}): Promise<SearchResponse> {
  const started = performance.now();
  return ask(
    (id) => ({ type: 'run', id, query, letters: options.letters }),
    (reply) => {
      if (reply.type !== 'result') throw new Error('the search worker answered something else');
      measure(SEARCH_MEASURE, started, { query, elapsedMs: reply.response.elapsedMs });
      return reply.response;
    },
  );
}

/** What the worker loaded at start-up (waits for it): sections, snapshot or rebuilt, the time it took, the snapshot's size. */
export function searchIndexInfo(): Promise<SearchIndexInfo> {
  return ask(
    (id) => ({ type: 'info', id }),
    (reply) => {
      if (reply.type !== 'info') throw new Error('the search worker answered something else');
      return reply.info;
    },
  );
}

/** Tells the index that these letters were written to the archive. */
export function notifyLettersAdded(letterIds: string[]): void {
  if (letterIds.length) send({ type: 'add', letterIds });
}

/** Tells the index that these letters were deleted from the archive. */
export function notifyLettersRemoved(letterIds: string[]): void {
  if (letterIds.length) send({ type: 'remove', letterIds });
}
