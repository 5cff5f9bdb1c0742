import { describe, expect, it } from 'vitest';
import { ParseClient, crashReason, timeLimitReason, type WorkerLike } from './parse-client';
import type { FileBytes, ParseReply, ParseRequest } from './parse-messages';

/**
 * A stand-in for the parse worker: it answers each file after a tick, except that a file
 * named "stall…" is never answered and one named "crash…" kills the worker.
 */
class FakeWorker extends EventTarget implements WorkerLike {
  terminated = false;
  seen: string[] = [];

  postMessage(message: unknown): void {
    const request = message as ParseRequest;
    void (async () => {
      for (const [index, file] of request.files.entries()) {
        await new Promise((resolve) => setTimeout(resolve, 1));
        if (this.terminated) return;
        this.seen.push(file.relativePath);
        if (file.relativePath.startsWith('stall')) return;
        if (file.relativePath.startsWith('crash')) {
          this.dispatchEvent(Object.assign(new Event('error'), { message: 'out of memory' }));
          return;
        }
        this.reply({ id: request.id, index, parsed: { relativePath: file.relativePath, outcome: { ok: false, reason: `read ${file.bytes.length} bytes` } } });
      }
      this.reply({ id: request.id, done: true });
    })();
  }

  terminate(): void {
    this.terminated = true;
  }

  private reply(data: ParseReply): void {
    this.dispatchEvent(new MessageEvent('message', { data }));
  }
}

function files(...names: string[]): FileBytes[] {
  return names.map((relativePath) => ({ relativePath, bytes: new Uint8Array([1, 2, 3]) }));
}

describe('ParseClient', () => {
  it('gives every file of a batch its outcome, in order, from one worker', async () => {
    const workers: FakeWorker[] = [];
    const client = new ParseClient(() => {
      const worker = new FakeWorker();
      workers.push(worker);
      return worker;
    }, 1000);
    const results = await client.parse(files('a.txt', 'b.pdf', 'c.txt'));
    expect(results.map((r) => r.relativePath)).toEqual(['a.txt', 'b.pdf', 'c.txt']);
    expect(results[0]!.outcome).toEqual({ ok: false, reason: 'read 3 bytes' });
    await client.parse(files('d.txt'));
    expect(workers).toHaveLength(1);
  });

  it('reports a file that takes longer than the limit, stops that worker, and reads the rest in a new one', async () => {
    const workers: FakeWorker[] = [];
    const client = new ParseClient(() => {
      const worker = new FakeWorker();
      workers.push(worker);
      return worker;
    }, 50);
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

  it('reports the file a worker died on and goes on with the next', async () => {
    const client = new ParseClient(() => new FakeWorker(), 1000);
    const results = await client.parse(files('crash.pdf', 'b.txt'));
    expect(results.map((r) => (r.outcome.ok ? 'letter' : r.outcome.reason))).toEqual([crashReason('out of memory'), 'read 3 bytes']);
  });
});
