/**
 * The UI's way to the search worker, started on first use. Where there is no Worker
 * (Node tests), notifications are dropped: the worker catches up with the archive
 * whenever it starts, so nothing is lost.
 *
 * For benchmarks, the main thread records two kinds of performance measure:
 *   'letter-archive:search'      per `runSearch`, from the call to the answer; detail { query, elapsedMs }
 *   'letter-archive:index-load'  once per worker, from its start to the index being ready;
 *                                detail { source, documents, loadMs, snapshotChars, loadPhasesMs }
 *   'letter-archive:index-add'   each time the worker took letters in; detail the IndexActivity
 *   'letter-archive:index-save'  each time the worker saved its snapshot; detail the IndexActivity
 */
import { getDb } from '../archive/db';
import { WorkerChannel } from '../worker-channel';
import type { SearchIndexInfo, SearchReply, SearchRequest } from './search-messages';
import type { SearchResponse } from './search-types';

export type { SearchIndexInfo } from './search-messages';

export const SEARCH_MEASURE = 'letter-archive:search';
export const INDEX_LOAD_MEASURE = 'letter-archive:index-load';
export const INDEX_ADD_MEASURE = 'letter-archive:index-add';
export const INDEX_SAVE_MEASURE = 'letter-archive:index-save';

/** Records a user-timing measure; never lets a missing or strict Performance API break a search. */
function measure(name: string, start: number, detail: unknown): void {
  try {
    performance.measure(name, { start, end: performance.now(), detail });
  } catch {
    // Measures are for benchmarks only.
  }
}

type Answer = Extract<SearchReply, { type: 'result' | 'info' }>;

/** When the current worker was started, for the index-load measure. */
let startedAt = 0;
/** Whether an import is running (notifyImporting). */
let importing = false;

// A crashed worker is replaced on the next call; the new one reloads the snapshot and catches up.
const channel = new WorkerChannel<SearchReply>({
  name: 'search',
  create: () => new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module' }),
  onStart(worker) {
    startedAt = performance.now();
    const init: SearchRequest = { type: 'init', dbName: getDb().name };
    worker.postMessage(init);
    // A worker started again mid-import is told so too.
    if (importing) worker.postMessage({ type: 'importing', active: true } satisfies SearchRequest);
  },
  idOf: (reply) => (reply.type === 'ready' || reply.type === 'activity' ? undefined : reply.id),
  errorOf: (reply) => (reply.type === 'error' ? reply.message : null),
  onOther(reply) {
    if (reply.type === 'activity') {
      const { activity } = reply;
      measure(activity.kind === 'indexed' ? INDEX_ADD_MEASURE : INDEX_SAVE_MEASURE, performance.now() - activity.ms, activity);
      return;
    }
    if (reply.type !== 'ready') return;
    const { source, documents, loadMs, snapshotChars, loadPhasesMs } = reply.info;
    measure(INDEX_LOAD_MEASURE, startedAt, { source, documents, loadMs, snapshotChars, loadPhasesMs });
  },
});

const hasWorkers = (): boolean => typeof Worker !== 'undefined';

/** Sends a request that has an answer, and waits for it. */
async function ask<T>(make: (id: number) => SearchRequest, pick: (reply: Answer) => T): Promise<T> {
  if (!hasWorkers()) throw new Error('search needs a Web Worker, which this environment does not have');
  const reply = await channel.request((id) => ({ message: make(id) }));
  if (reply.type !== 'result' && reply.type !== 'info') throw new Error('the search worker answered something else');
  return pick(reply);
}

/** Starts the worker so the index is loaded (or built) before the first search. */
export function warmUpSearch(): void {
  if (hasWorkers()) channel.get();
}

/**
 * Answers a query in the search language (src-shared/search/query.ts): letters with their
 * matching sections, best first (at most `options.letters`, 50 by default, after passing over
 * the best `options.offset`), facet counts over every match, what to highlight, and what in
 * the query could not be understood.
 *
 * Every call resolves with the answer to its own query, in the order asked; when the person
 * types on, callers simply ignore answers to older queries.
 */
export function runSearch(query: string, options: { letters?: number; offset?: number } = {}): Promise<SearchResponse> {
  const started = performance.now();
  return ask(
    (id) => ({ type: 'run', id, query, letters: options.letters, offset: options.offset }),
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

/** Tells the index of these letters, just written to the archive (it has them staged by a parse worker, or reads them). */
export function notifyLettersAdded(letters: readonly { id: string }[]): void {
  if (letters.length && hasWorkers()) channel.post({ type: 'added', letterIds: letters.map((letter) => letter.id) } satisfies SearchRequest);
}

/**
 * A port for a parse worker to send the search worker the letters it reads (StagedLetters):
 * they are indexed once the import says they were written, without passing through this
 * thread. Null where there are no workers. Should the search worker be started again, the
 * letters sent to the old one are read from the archive instead.
 */
export function searchStagingPort(): MessagePort | null {
  if (!hasWorkers() || typeof MessageChannel === 'undefined') return null;
  const { port1, port2 } = new MessageChannel();
  channel.post({ type: 'staging', port: port1 } satisfies SearchRequest, [port1]);
  return port2;
}

/** Tells the index that these letters changed in the archive (read again by a newer parser). */
export function notifyLettersChanged(letterIds: string[]): void {
  if (letterIds.length && hasWorkers()) channel.post({ type: 'replace', letterIds } satisfies SearchRequest);
}

/** Tells the index an import began or ended, so it saves its snapshot once, at the end. */
export function notifyImporting(active: boolean): void {
  importing = active;
  if (hasWorkers()) channel.post({ type: 'importing', active } satisfies SearchRequest);
}

/** Tells the index that these letters were deleted from the archive. */
export function notifyLettersRemoved(letterIds: string[]): void {
  if (letterIds.length && hasWorkers()) channel.post({ type: 'remove', letterIds } satisfies SearchRequest);
}
