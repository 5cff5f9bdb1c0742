// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { threadTimes, type TraceEvent } from './trace-probe';

describe('threadTimes', () => {
  it('gives each thread its busy time and the self time of each kind of work', () => {
    const events: TraceEvent[] = [
      { name: 'thread_name', ph: 'M', pid: 1, tid: 7, ts: 0, args: { name: 'CrRendererMain' } },
      { name: 'process_name', ph: 'M', pid: 1, tid: 0, ts: 0, args: { name: 'Renderer' } },
      // A task of 10 ms (8 of them on the CPU) holding a 4 ms function call, which holds a 1 ms GC.
      { name: 'RunTask', ph: 'X', pid: 1, tid: 7, ts: 0, dur: 10_000, tdur: 8000 },
      { name: 'FunctionCall', ph: 'X', pid: 1, tid: 7, ts: 1000, dur: 4000 },
      { name: 'MinorGC', ph: 'X', pid: 1, tid: 7, ts: 2000, dur: 1000 },
      // A later task, nested in nothing.
      { name: 'Layout', ph: 'X', pid: 1, tid: 7, ts: 20_000, dur: 2000, tdur: 2000 },
      // Another thread without a name, and an instant event that counts for nothing.
      { name: 'RunTask', ph: 'X', pid: 1, tid: 9, ts: 0, dur: 3000 },
      { name: 'Mark', ph: 'I', pid: 1, tid: 9, ts: 5 },
    ];
    expect(threadTimes(events)).toEqual([
      {
        thread: 'Renderer CrRendererMain',
        busyMs: 12,
        cpuMs: 10,
        selfMs: [
          { name: 'RunTask', ms: 6 },
          { name: 'FunctionCall', ms: 3 },
          { name: 'Layout', ms: 2 },
          { name: 'MinorGC', ms: 1 },
        ],
      },
      { thread: '1:9', busyMs: 3, cpuMs: 0, selfMs: [{ name: 'RunTask', ms: 3 }] },
    ]);
  });
});
