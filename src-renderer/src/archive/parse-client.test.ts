import { describe, expect, it } from 'vitest';
import { ParseClient, ParsePool, crashReason, parseWorkerCount, timeLimitReason, type WorkerLike } from './parse-client';
import type { ParseItem, ParseReply, ParseRequest } from './parse-messages';
import { requestedFiles } from './parse-request';

/**
 * A stand-in for the parse worker: it answers each file after a while, one request at a
 * time, except that a file named "stall…" is never answered, one named "crash…" kills the
 * worker and one named "fail…" makes it answer with an error.
 */
class FakeWorker extends EventTarget implements WorkerLike {
  terminated = false;
  seen: string[] = [];
  /** The bytes of each file seen, in the order seen. */
  bytesSeen: number[][] = [];

  /** How long each file takes, in milliseconds. */
  constructor(private readonly fileMs = 1) {
    super();
  }

  /** Requests are read one at a time, as the real worker does. */
  private chain: Promise<void> = Promise.resolve();

  postMessage(message: unknown, transfer: Transferable[]): void {
    // Sent as a worker is sent it: what is handed over is gone from the sender.
    const request = structuredClone(message, { transfer }) as ParseRequest;
    this.chain = this.chain.then(async () => {
      for (const [index, file] of requestedFiles(request).entries()) {
        await new Promise((resolve) => setTimeout(resolve, this.fileMs));
        if (this.terminated) return;
        this.seen.push(file.relativePath);
        this.bytesSeen.push('bytes' in file ? [...file.bytes] : []);
        if (file.relativePath.startsWith('stall')) return;
        if (file.relativePath.startsWith('crash')) {
          this.dispatchEvent(Object.assign(new Event('error'), { message: 'out of memory' }));
          return;
        }
        if (file.relativePath.startsWith('fail')) {
          this.reply({ id: request.id, error: 'the worker could not go on' });
          return;
        }
        if (file.relativePath.startsWith('letter')) {
          // A letter read, sent as the worker sends one: as JSON, its text as UTF-8.
          const sent = { relativePath: file.relativePath, letterJson: JSON.stringify(LETTER), source: { text: '', pdf: PDF }, utf8: new Uint8Array([68, 101, 97, 114]) };
          this.reply({ id: request.id, index, parsed: sent });
          continue;
        }
        this.reply({ id: request.id, index, parsed: { relativePath: file.relativePath, outcome: { ok: false, reason: `read ${'bytes' in file ? file.bytes.length : 0} bytes` } } });
      }
      this.reply({ id: request.id, done: true });
    });
  }

  terminate(): void {
    this.terminated = true;
  }

  private reply(data: ParseReply): void {
    this.dispatchEvent(new MessageEvent('message', { data }));
  }
}

/** Enough of a letter to tell it came through whole. */
const LETTER = { id: 'abc', kind: 'apa', date: '2007-11-28', council: { name: 'Coventry City Council', displayName: 'Coventry' }, sections: [{ heading: 'Being healthy', paragraphs: [] }] };
const PDF = { pages: [1], pageCount: 1, notes: [] };

/** Makes fake workers on demand, and keeps every one made. */
function fakeWorkers(fileMs?: number): { workers: FakeWorker[]; create: () => FakeWorker } {
  const workers: FakeWorker[] = [];
  return {
    workers,
    create: () => {
      const worker = new FakeWorker(fileMs);
      workers.push(worker);
      return worker;
    },
  };
}

function files(...names: string[]): ParseItem[] {
  return names.map((relativePath) => ({ relativePath, bytes: new Uint8Array([1, 2, 3]) }));
}

describe('ParseClient', () => {
  it('gives every file of a batch its outcome, in order, from one worker', async () => {
    const { workers, create } = fakeWorkers();
    const client = new ParseClient(create, 1000);
    const results = await client.parse(files('a.txt', 'b.pdf', 'c.txt'));
    expect(results.map((r) => r.relativePath)).toEqual(['a.txt', 'b.pdf', 'c.txt']);
    expect(results[0]!.outcome).toEqual({ ok: false, reason: 'read 3 bytes' });
    await client.parse(files('d.txt'));
    expect(workers).toHaveLength(1);
  });

  it('makes a letter sent as JSON an object again, with its text as UTF-8 and what its PDF said', async () => {
    const { create } = fakeWorkers();
    const [letter, other] = await new ParseClient(create, 1000).parse(files('letter.txt', 'notes.txt'));
    expect(letter).toEqual({ relativePath: 'letter.txt', outcome: { ok: true, letter: LETTER, source: { text: '', pdf: PDF } }, utf8: new Uint8Array([68, 101, 97, 114]) });
    expect(other).toEqual({ relativePath: 'notes.txt', outcome: { ok: false, reason: 'read 3 bytes' } });
  });

  it('reports a file that takes longer than the limit, stops that worker, and reads the rest in a new one', async () => {
    const { workers, create } = fakeWorkers();
    const client = new ParseClient(create, 50);
    const results = await client.parse(files('a.txt', 'stall.pdf', 'c.txt', 'stall-again.pdf', 'e.txt'));
    expect(results.map((r) => [r.relativePath, r.outcome.ok ? 'letter' : r.outcome.reason])).toEqual([
      ['a.txt', 'read 3 bytes'],
      ['stall.pdf', timeLimitReason(50)],
      ['c.txt', 'read 3 bytes'],
      ['stall-again.pdf', timeLimitReason(50)],
      ['e.txt', 'read 3 bytes'],
    ]);
    expect(workers).toHaveLength(3);
    expect(workers.slice(0, 2).every((w) => w.terminated)).toBe(true);
    expect(workers[2]!.terminated).toBe(false);
    expect(timeLimitReason(20_000)).toMatch(/^took longer than 20 seconds to read/);
  });

  it('hands each worker the bytes of the files it reads, and keeps its own to send again to a new worker', async () => {
    const { workers, create } = fakeWorkers();
    const batch: ParseItem[] = ['a.txt', 'stall.pdf', 'c.txt', 'd.txt'].map((relativePath, i) => ({ relativePath, bytes: new Uint8Array([i, i + 10, i + 20].slice(0, i + 1)) }));
    const results = await new ParseClient(create, 50).parse(batch);
    expect(results.map((r) => (r.outcome.ok ? 'letter' : r.outcome.reason))).toEqual(['read 1 bytes', timeLimitReason(50), 'read 3 bytes', 'read 3 bytes']);
    // The first worker read a.txt and stalled on the next; the second was sent the rest, bytes and all.
    expect(workers.map((w) => w.seen)).toEqual([['a.txt', 'stall.pdf'], ['c.txt', 'd.txt']]);
    expect(workers.map((w) => w.bytesSeen)).toEqual([[[0], [1, 11]], [[2, 12, 22], [3, 13, 23]]]);
    // The import's own bytes are untouched by what was handed over.
    expect(batch.map((file) => ('bytes' in file ? [...file.bytes] : []))).toEqual([[0], [1, 11], [2, 12, 22], [3, 13, 23]]);
  });

  it('reports the file a worker died on and goes on with the next', async () => {
    const client = new ParseClient(() => new FakeWorker(), 1000);
    const results = await client.parse(files('crash.pdf', 'b.txt'));
    expect(results.map((r) => (r.outcome.ok ? 'letter' : r.outcome.reason))).toEqual([crashReason('out of memory'), 'read 3 bytes']);
  });

  it('times each file, not the batch: a batch that takes longer than the limit in all is read whole', async () => {
    const client = new ParseClient(() => new FakeWorker(30), 60);
    const results = await client.parse(files('a.txt', 'b.txt', 'c.txt', 'd.txt', 'e.txt'));
    expect(results.every((r) => !r.outcome.ok && r.outcome.reason === 'read 3 bytes')).toBe(true);
  });

  it('runs batches one after another, so a batch waiting its turn is not timed while it waits', async () => {
    const client = new ParseClient(() => new FakeWorker(30), 60);
    const [first, second] = await Promise.all([client.parse(files('a.txt', 'b.txt', 'c.txt')), client.parse(files('d.txt', 'e.txt'))]);
    expect([...first, ...second].map((r) => (r.outcome.ok ? 'letter' : r.outcome.reason))).toEqual(Array(5).fill('read 3 bytes'));
  });

  it('reports a worker that answers with an error, and a worker that cannot be started, for every file', async () => {
    const client = new ParseClient(() => new FakeWorker(), 1000);
    const results = await client.parse(files('fail.pdf', 'b.txt'));
    expect(results.map((r) => (r.outcome.ok ? 'letter' : r.outcome.reason))).toEqual([crashReason('the worker could not go on'), 'read 3 bytes']);
    const broken = new ParseClient(() => {
      throw new Error('workers are not allowed here');
    });
    const refused = await broken.parse(files('a.txt', 'b.txt'));
    expect(refused.map((r) => (r.outcome.ok ? 'letter' : r.outcome.reason))).toEqual(Array(2).fill(crashReason('workers are not allowed here')));
  });
});

describe('ParsePool', () => {
  it('runs one worker for each core to spare, and at least one', () => {
    expect(parseWorkerCount(2)).toBe(1);
    expect(parseWorkerCount(8)).toBe(7);
    expect(parseWorkerCount(1)).toBe(1);
    expect(parseWorkerCount(undefined)).toBe(1);
  });

  it('parses batches side by side in its workers, each batch whole in one, and keeps the time limit per worker', async () => {
    const { workers, create } = fakeWorkers(20);
    const pool = new ParsePool(create, 3, 1000);
    const parsing = [pool.parse(files('a1', 'a2', 'a3')), pool.parse(files('b1', 'b2', 'b3')), pool.parse(files('c1', 'c2', 'c3'))];
    // Side by side: when the first batch is done, every worker has begun its own.
    await Promise.race(parsing);
    expect(workers.map((w) => w.seen.length > 0)).toEqual([true, true, true]);
    const results = await Promise.all(parsing);
    expect(results.map((batch) => batch.map((r) => r.relativePath))).toEqual([
      ['a1', 'a2', 'a3'],
      ['b1', 'b2', 'b3'],
      ['c1', 'c2', 'c3'],
    ]);
    expect(workers.map((w) => w.seen)).toEqual([
      ['a1', 'a2', 'a3'],
      ['b1', 'b2', 'b3'],
      ['c1', 'c2', 'c3'],
    ]);
    // The next batch goes to a worker with nothing waiting, not a new one.
    await pool.parse(files('d1'));
    expect(workers).toHaveLength(3);
  });

  it('starts its first worker ahead of the first batch when warmed, and parses in it', async () => {
    const { workers, create } = fakeWorkers(1);
    const pool = new ParsePool(create, 2, 1000);
    pool.warm();
    expect(workers).toHaveLength(1);
    expect(workers[0]!.seen).toEqual([]);
    await pool.parse(files('a'));
    expect(workers).toHaveLength(1);
    expect(workers[0]!.seen).toEqual(['a']);
    // A worker that cannot start is tried again by the first batch, which says why.
    const failing = new ParsePool(() => {
      throw new Error('no workers here');
    }, 1, 1000);
    expect(() => failing.warm()).not.toThrow();
    const [result] = await failing.parse(files('b'));
    expect(result!.outcome).toMatchObject({ ok: false, reason: expect.stringContaining('no workers here') });
  });

  it('stops its workers but the first when it has had nothing to do for a while, and starts them again when needed', async () => {
    const { workers, create } = fakeWorkers(5);
    const pool = new ParsePool(create, 2, 1000, 50);
    await Promise.all([pool.parse(files('a')), pool.parse(files('b'))]);
    expect(workers.map((w) => w.terminated)).toEqual([false, false]);
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(workers.map((w) => w.terminated)).toEqual([false, true]);
    await Promise.all([pool.parse(files('c')), pool.parse(files('d'))]);
    expect(workers).toHaveLength(3);
    expect(workers[2]!.seen).toEqual(['d']);
  });
});
