// @vitest-environment node
import 'fake-indexeddb/auto';
import type { StoredLetter } from '../archive/types';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SearchIndexInfo, SearchReply, SearchRequest } from './search-messages';
import type { SearchResponse } from './search-types';

/** Stands in for the search worker: records what it is sent, and answers when told to. */
class FakeWorker {
  static made: FakeWorker[] = [];
  sent: SearchRequest[] = [];
  terminated = false;
  private listeners = new Map<string, ((event: unknown) => void)[]>();

  constructor(
    readonly url: URL,
    readonly options: WorkerOptions,
  ) {
    FakeWorker.made.push(this);
  }

  addEventListener(type: string, listener: (event: unknown) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  transferred: Transferable[][] = [];

  postMessage(message: SearchRequest, transfer: Transferable[] = []): void {
    this.sent.push(message);
    this.transferred.push(transfer);
  }

  terminate(): void {
    this.terminated = true;
  }

  reply(data: SearchReply): void {
    for (const listener of this.listeners.get('message') ?? []) listener({ data });
  }

  fail(message: string): void {
    for (const listener of this.listeners.get('error') ?? []) listener({ message });
  }

  garble(): void {
    for (const listener of this.listeners.get('messageerror') ?? []) listener({ data: null });
  }

  /** The last request of this type. */
  last<T extends SearchRequest['type']>(type: T): Extract<SearchRequest, { type: T }> {
    return [...this.sent].reverse().find((m) => m.type === type) as Extract<SearchRequest, { type: T }>;
  }
}

function response(query: string, elapsedMs = 3): SearchResponse {
  return {
    query,
    parsed: { clauses: [], exclude: [], filters: { councils: [], years: [], kinds: [], grades: [], outcomes: [], regions: [] }, errors: [] },
    letters: [],
    offset: 0,
    totalSections: 0,
    totalLetters: 0,
    councilKeys: [],
    facets: { year: [], kind: [], grade: [], region: [] },
    highlight: { words: [], phrases: [] },
    elapsedMs,
  };
}

const INFO: SearchIndexInfo = { documents: 21, source: 'snapshot', loadMs: 12, snapshotChars: 3456, loadPhasesMs: { readMs: 5, buildMs: 6, catchUpMs: 1 } };

async function client() {
  return import('./search-client');
}

beforeEach(() => {
  vi.resetModules();
  FakeWorker.made = [];
  performance.clearMeasures();
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('search client', () => {
  it('starts one module worker, tells it the database, and answers a search', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const { runSearch } = await client();
    const pending = runSearch('fostering', { letters: 20 });
    const worker = FakeWorker.made[0]!;
    expect(FakeWorker.made).toHaveLength(1);
    expect(worker.options).toEqual({ type: 'module' });
    expect(worker.url.pathname).toMatch(/search-worker\.ts$/);
    expect(worker.sent[0]).toMatchObject({ type: 'init', dbName: expect.any(String) });
    const run = worker.last('run');
    expect(run).toMatchObject({ query: 'fostering', letters: 20 });
    worker.reply({ type: 'result', id: run.id, response: response('fostering') });
    expect(await pending).toEqual(response('fostering'));
  });

  it("records a 'letter-archive:search' measure for every search, with the query and the worker's time", async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const { runSearch, SEARCH_MEASURE } = await client();
    const first = runSearch('fost');
    const second = runSearch('fostering');
    const worker = FakeWorker.made[0]!;
    const [a, b] = worker.sent.filter((m) => m.type === 'run') as Extract<SearchRequest, { type: 'run' }>[];
    // Answers come back in order; each call gets its own.
    worker.reply({ type: 'result', id: a!.id, response: response('fost', 4) });
    worker.reply({ type: 'result', id: b!.id, response: response('fostering', 7) });
    expect((await first).query).toBe('fost');
    expect((await second).query).toBe('fostering');
    const measures = performance.getEntriesByName(SEARCH_MEASURE);
    expect(SEARCH_MEASURE).toBe('letter-archive:search');
    expect(measures.map((m) => m.entryType)).toEqual(['measure', 'measure']);
    expect(measures.map((m) => (m as PerformanceMeasure).detail)).toEqual([
      { query: 'fost', elapsedMs: 4 },
      { query: 'fostering', elapsedMs: 7 },
    ]);
  });

  it("records a 'letter-archive:index-load' measure once the worker says the index is ready", async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const { warmUpSearch, INDEX_LOAD_MEASURE } = await client();
    warmUpSearch();
    warmUpSearch();
    expect(FakeWorker.made).toHaveLength(1);
    expect(performance.getEntriesByName(INDEX_LOAD_MEASURE)).toEqual([]);
    FakeWorker.made[0]!.reply({ type: 'ready', info: INFO });
    const [load] = performance.getEntriesByName('letter-archive:index-load') as PerformanceMeasure[];
    expect(load!.entryType).toBe('measure');
    expect(load!.detail).toEqual({ source: 'snapshot', documents: 21, loadMs: 12, snapshotChars: 3456, loadPhasesMs: { readMs: 5, buildMs: 6, catchUpMs: 1 } });
  });

  it('asks the worker what it loaded', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const { searchIndexInfo } = await client();
    const pending = searchIndexInfo();
    const worker = FakeWorker.made[0]!;
    worker.reply({ type: 'info', id: worker.last('info').id, info: INFO });
    expect(await pending).toEqual(INFO);
  });

  it("rejects with the worker's message when a search fails", async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const { runSearch } = await client();
    const pending = runSearch('x');
    const worker = FakeWorker.made[0]!;
    worker.reply({ type: 'error', id: worker.last('run').id, message: 'the search index was not started' });
    await expect(pending).rejects.toThrow('the search index was not started');
  });

  it('fails what is waiting when the worker stops, and starts a new one next time', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const { runSearch } = await client();
    const pending = runSearch('x');
    FakeWorker.made[0]!.fail('boom');
    await expect(pending).rejects.toThrow(/stopped \(boom\)/);
    expect(FakeWorker.made[0]!.terminated).toBe(true);
    void runSearch('y').catch(() => undefined);
    expect(FakeWorker.made).toHaveLength(2);
  });

  it('fails what is waiting when a reply cannot be read, and starts a new worker next time', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const { runSearch } = await client();
    const pending = runSearch('x');
    FakeWorker.made[0]!.garble();
    await expect(pending).rejects.toThrow(/could not be read/);
    expect(FakeWorker.made[0]!.terminated).toBe(true);
    void runSearch('y').catch(() => undefined);
    expect(FakeWorker.made).toHaveLength(2);
  });

  it('passes additions and removals on, and ignores empty ones', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const { notifyLettersAdded, notifyLettersRemoved } = await client();
    notifyLettersAdded([]);
    expect(FakeWorker.made).toHaveLength(0);
    const letter = { id: 'a' } as StoredLetter;
    notifyLettersAdded([letter]);
    notifyLettersRemoved(['b']);
    expect(FakeWorker.made[0]!.sent.slice(1)).toEqual([
      { type: 'added', letterIds: ['a'] },
      { type: 'remove', letterIds: ['b'] },
    ]);
  });

  it('hands the search worker one end of a staging port and gives back the other', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const { searchStagingPort } = await client();
    const port = searchStagingPort();
    expect(port).toBeInstanceOf(MessagePort);
    const worker = FakeWorker.made[0]!;
    const sent = worker.sent.at(-1) as Extract<SearchRequest, { type: 'staging' }>;
    expect(sent.type).toBe('staging');
    expect(sent.port).toBeInstanceOf(MessagePort);
    expect(sent.port).not.toBe(port);
    expect(worker.transferred.at(-1)).toEqual([sent.port]);
    // What a parse worker sends on its end reaches the search worker's.
    const received = new Promise((resolve) => sent.port.addEventListener('message', (event) => resolve(event.data)));
    sent.port.start();
    port!.postMessage({ letters: [] });
    expect(await received).toEqual({ letters: [] });
    sent.port.close();
    port!.close();
  });

  it('says plainly that search needs a Worker where there is none, and drops notifications', async () => {
    vi.stubGlobal('Worker', undefined);
    const { runSearch, searchIndexInfo, notifyLettersAdded, warmUpSearch, searchStagingPort } = await client();
    await expect(runSearch('fostering')).rejects.toThrow(/needs a Web Worker/);
    await expect(searchIndexInfo()).rejects.toThrow(/needs a Web Worker/);
    expect(() => notifyLettersAdded([{ id: 'a' } as StoredLetter])).not.toThrow();
    expect(searchStagingPort()).toBeNull();
    expect(() => warmUpSearch()).not.toThrow();
  });
});
