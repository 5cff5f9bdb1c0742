/**
 * A Chrome trace of the page and its workers over a stretch of the bench (the import), through
 * the DevTools protocol, and each thread's time by kind of work: what a CPU profile lumps
 * together as "(program)" (style, layout, paint, messages, IndexedDB) is named in a trace.
 */
import type { CDPSession, Page } from '@playwright/test';

/** The trace's kinds of events: the page's timeline, V8's, and IndexedDB's. */
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'blink', 'IndexedDB', 'toplevel'];

/** A trace event as Chrome writes it (the parts read here). */
export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** The thread's CPU time over the event, where Chrome measured it. */
  tdur?: number;
  args?: { name?: string };
}

/** A thread's busiest kinds of work: self time by event name, most first. */
export interface ThreadTime {
  /** Its process's name and its own ("Browser ThreadPoolForegroundWorker"), or pid:tid. */
  thread: string;
  /** Time inside its outermost events, and the CPU time the thread had in them. */
  busyMs: number;
  cpuMs: number;
  selfMs: { name: string; ms: number }[];
}

export class TraceProbe {
  private constructor(private readonly cdp: CDPSession) {}

  static async start(page: Page): Promise<TraceProbe> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordContinuously' }, transferMode: 'ReturnAsStream' });
    return new TraceProbe(cdp);
  }

  /** Ends the trace and gives its events. */
  async stop(): Promise<TraceEvent[]> {
    const complete = new Promise<string>((resolve) => this.cdp.once('Tracing.tracingComplete', (event: { stream?: string }) => resolve(event.stream ?? '')));
    await this.cdp.send('Tracing.end');
    const stream = await complete;
    // Bytes, decoded once at the end: a chunk may end inside a character.
    const chunks: Buffer[] = [];
    for (;;) {
      const read = (await this.cdp.send('IO.read', { handle: stream })) as { data: string; eof: boolean; base64Encoded?: boolean };
      chunks.push(Buffer.from(read.data, read.base64Encoded ? 'base64' : 'utf8'));
      if (read.eof) break;
    }
    await this.cdp.send('IO.close', { handle: stream });
    await this.cdp.detach().catch(() => undefined);
    const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as TraceEvent[] | { traceEvents: TraceEvent[] };
    return Array.isArray(parsed) ? parsed : parsed.traceEvents;
  }
}

/**
 * Self time by event name on each thread of every process in the trace (the browser's, where
 * IndexedDB works, the page's and the GPU's): a complete event's duration less that of the
 * events nested in it. Threads and processes are named by their metadata events.
 */
export function threadTimes(events: readonly TraceEvent[], top = 12): ThreadTime[] {
  const names = new Map<string, string>();
  const processes = new Map<number, string>();
  for (const e of events) {
    if (e.ph !== 'M' || !e.args?.name) continue;
    if (e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args.name);
    else if (e.name === 'process_name') processes.set(e.pid, e.args.name);
  }
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== 'X' || e.dur === undefined) continue;
    const key = `${e.pid}:${e.tid}`;
    const list = byThread.get(key) ?? [];
    list.push(e);
    byThread.set(key, list);
  }
  const times: ThreadTime[] = [];
  for (const [key, list] of byThread) {
    list.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    const self = new Map<string, number>();
    const open: { end: number; name: string }[] = [];
    let busy = 0;
    let cpu = 0;
    for (const e of list) {
      while (open.length > 0 && open.at(-1)!.end <= e.ts) open.pop();
      const parent = open.at(-1);
      if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - e.dur!);
      else {
        busy += e.dur!;
        cpu += e.tdur ?? 0;
      }
      self.set(e.name, (self.get(e.name) ?? 0) + e.dur!);
      open.push({ end: e.ts + e.dur!, name: e.name });
    }
    const process = processes.get(list[0]!.pid);
    const thread = names.get(key);
    times.push({
      thread: thread ? (process ? `${process} ${thread}` : thread) : key,
      busyMs: Math.round(busy / 1000),
      cpuMs: Math.round(cpu / 1000),
      selfMs: [...self]
        .sort((a, b) => b[1] - a[1])
        .slice(0, top)
        .map(([name, us]) => ({ name, ms: Math.round(us / 1000) })),
    });
  }
  return times.sort((a, b) => b.busyMs - a.busyMs);
}
