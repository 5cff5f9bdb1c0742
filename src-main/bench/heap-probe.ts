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

/** A CPU profile as the DevTools protocol gives it (the parts read here). */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[];
  samples?: number[];
  timeDeltas?: number[];
}

/** Self time by function, most first: where a profile's time went. */
export function selfTimes(profile: CpuProfile, top = 15): { fn: string; ms: number }[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  const samples = profile.samples ?? [];
  samples.forEach((id, i) => {
    const frame = byId.get(id)?.callFrame;
    const name = frame ? `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop() ?? ''}:${frame.lineNumber + 1}:${frame.columnNumber + 1}` : '?';
    totals.set(name, (totals.get(name) ?? 0) + (profile.timeDeltas?.[i] ?? 0) / 1000);
  });
  return [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([fn, ms]) => ({ fn, ms: Math.round(ms * 10) / 10 }));
}

/** The time a profile's thread spent running: every sample but those of an idle thread. */
export function busyMs(profile: CpuProfile): number {
  const idle = new Set(profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id));
  let total = 0;
  (profile.samples ?? []).forEach((id, i) => {
    if (!idle.has(id)) total += profile.timeDeltas?.[i] ?? 0;
  });
  return total / 1000;
}

interface Attached {
  sessionId: string;
  targetInfo: { type: string; url: string };
}

export class HeapProbe {
  private readonly workers = new Map<string, string>();
  private readonly waiting = new Map<string, (reply: { result?: unknown; error?: { message: string } }) => void>();
  private nextId = 1;
  /** While profiling everything: the workers being profiled, by session. */
  private everything: { sessions: Map<string, string> } | null = null;

  private constructor(private readonly cdp: CDPSession) {
    cdp.on('Target.attachedToTarget', (event: Attached) => {
      if (event.targetInfo.type !== 'worker') return;
      this.workers.set(event.sessionId, event.targetInfo.url);
      if (this.everything) this.profileWorker(event.sessionId, event.targetInfo.url).catch(() => undefined);
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

  private toWorker<T>(sessionId: string, method: string, timeoutMs = 30_000, params?: object): Promise<T> {
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
      this.cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify(params ? { id, method, params } : { id, method }) }).catch((error: unknown) => {
        clearTimeout(timer);
        this.waiting.delete(`${sessionId}:${id}`);
        reject(error instanceof Error ? error : new Error(String(error)));
      });
    });
  }

  /** Starts the CPU profiler in the workers whose script URL matches `url`; returns how many. */
  async startProfiling(url: RegExp): Promise<number> {
    let started = 0;
    for (const [sessionId, workerUrl] of this.workers) {
      if (!url.test(workerUrl)) continue;
      await this.startWorkerProfiler(sessionId, 200);
      started += 1;
    }
    return started;
  }

  /** Stops the profilers `startProfiling` started, and gives their profiles. */
  async stopProfiling(url: RegExp): Promise<{ url: string; profile: CpuProfile }[]> {
    const profiles: { url: string; profile: CpuProfile }[] = [];
    for (const [sessionId, workerUrl] of this.workers) {
      if (!url.test(workerUrl)) continue;
      profiles.push({ url: workerUrl, profile: await this.stopWorkerProfiler(sessionId) });
    }
    return profiles;
  }

  /** Starts a worker's CPU profiler, sampling every `intervalUs` microseconds. */
  private async startWorkerProfiler(sessionId: string, intervalUs: number): Promise<void> {
    await this.toWorker(sessionId, 'Profiler.enable');
    await this.toWorker(sessionId, 'Profiler.setSamplingInterval', 30_000, { interval: intervalUs });
    await this.toWorker(sessionId, 'Profiler.start');
  }

  private async stopWorkerProfiler(sessionId: string): Promise<CpuProfile> {
    return (await this.toWorker<{ profile: CpuProfile }>(sessionId, 'Profiler.stop', 60_000)).profile;
  }

  private async profileWorker(sessionId: string, url: string): Promise<void> {
    await this.startWorkerProfiler(sessionId, 500);
    this.everything?.sessions.set(sessionId, url);
  }

  /**
   * Starts the CPU profiler on the page's main thread and in every worker, those that start
   * later included (a worker's first moments, before the probe hears of it, are missed).
   */
  async profileEverything(): Promise<void> {
    this.everything = { sessions: new Map() };
    await this.cdp.send('Profiler.enable');
    await this.cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await this.cdp.send('Profiler.start');
    for (const [sessionId, url] of this.workers) await this.profileWorker(sessionId, url);
  }

  /** Stops what `profileEverything` started: the page's profile first, then each worker's still running. */
  async stopEverything(): Promise<{ url: string; thread: string; profile: CpuProfile }[]> {
    const everything = this.everything;
    this.everything = null;
    if (!everything) return [];
    const { profile } = (await this.cdp.send('Profiler.stop')) as { profile: CpuProfile };
    const taken = [{ url: 'page', thread: 'main', profile }];
    for (const [sessionId, url] of everything.sessions) {
      if (!this.workers.has(sessionId)) continue;
      try {
        taken.push({ url, thread: 'worker', profile: await this.stopWorkerProfiler(sessionId) });
      } catch {
        // A worker that ended took its profile with it.
      }
    }
    return taken;
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
