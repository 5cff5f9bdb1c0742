/**
 * JavaScript heap sizes of the page's main thread and of its dedicated workers (the search
 * index lives in one), through the Chrome DevTools Protocol.
 *
 * Workers are reached by auto-attaching to them from the page's CDP session without
 * flattening, and talking to each through Target.sendMessageToTarget: Playwright's
 * CDPSession cannot address a flattened child session.
 */
import type { CDPSession, Page } from '@playwright/test';

export interface HeapFigures {
  /** Bytes in use on the main thread's heap. */
  mainUsed: number;
  /**
   * Per worker, by script URL: bytes in use, counting array buffers' backing stores (the
   * search index keeps its postings in typed arrays, outside the JS heap proper).
   */
  workers: { url: string; used: number; jsHeap: number; arrayBuffers: number }[];
}

interface Attached {
  sessionId: string;
  targetInfo: { type: string; url: string };
}

export class HeapProbe {
  private readonly workers = new Map<string, string>();
  private readonly waiting = new Map<string, (reply: { result?: unknown; error?: { message: string } }) => void>();
  private nextId = 1;

  private constructor(private readonly cdp: CDPSession) {
    cdp.on('Target.attachedToTarget', (event: Attached) => {
      if (event.targetInfo.type === 'worker') this.workers.set(event.sessionId, event.targetInfo.url);
    });
    cdp.on('Target.detachedFromTarget', (event: { sessionId: string }) => {
      this.workers.delete(event.sessionId);
    });
    cdp.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
      const reply = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
      if (reply.id === undefined) return;
      const key = `${event.sessionId}:${reply.id}`;
      this.waiting.get(key)?.(reply);
      this.waiting.delete(key);
    });
  }

  static async attach(page: Page): Promise<HeapProbe> {
    const probe = new HeapProbe(await page.context().newCDPSession(page));
    await probe.watch();
    return probe;
  }

  /** Asks to be told of the page's workers (again after a reload, to be safe). */
  async watch(): Promise<void> {
    await this.cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  }

  private toWorker<T>(sessionId: string, method: string, timeoutMs = 30_000): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(`${sessionId}:${id}`);
        reject(new Error(`${method} got no answer from the worker`));
      }, timeoutMs);
      this.waiting.set(`${sessionId}:${id}`, (reply) => {
        clearTimeout(timer);
        if (reply.error) reject(new Error(reply.error.message));
        else resolve(reply.result as T);
      });
      this.cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) }).catch((error: unknown) => {
        clearTimeout(timer);
        this.waiting.delete(`${sessionId}:${id}`);
        reject(error instanceof Error ? error : new Error(String(error)));
      });
    });
  }

  /** Collects garbage everywhere, then reads each heap. */
  async measure(): Promise<HeapFigures> {
    await this.cdp.send('HeapProfiler.collectGarbage');
    const main = (await this.cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    const workers: HeapFigures['workers'] = [];
    for (const [sessionId, url] of this.workers) {
      try {
        await this.toWorker(sessionId, 'HeapProfiler.collectGarbage');
        const usage = await this.toWorker<{ usedSize: number; backingStorageSize?: number }>(sessionId, 'Runtime.getHeapUsage');
        const arrayBuffers = usage.backingStorageSize ?? 0;
        workers.push({ url, used: usage.usedSize + arrayBuffers, jsHeap: usage.usedSize, arrayBuffers });
      } catch {
        // A worker that ended (the parse worker after an import) has no heap to report.
      }
    }
    return { mainUsed: main.usedSize, workers };
  }

  async detach(): Promise<void> {
    await this.cdp.detach().catch(() => undefined);
  }
}
