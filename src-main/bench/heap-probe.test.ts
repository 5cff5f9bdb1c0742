// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { busyMs, selfTimes, type CpuProfile } from './heap-probe';

/** A profile of three functions: main calls work, and the thread is idle in between. */
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: -1, columnNumber: -1 } },
    { id: 2, callFrame: { functionName: '(idle)', url: '', lineNumber: -1, columnNumber: -1 } },
    { id: 3, callFrame: { functionName: 'main', url: 'http://x/app.js', lineNumber: 9, columnNumber: 2 } },
    { id: 4, callFrame: { functionName: 'work', url: 'http://x/app.js', lineNumber: 19, columnNumber: 4 } },
  ],
  samples: [3, 4, 4, 2, 2, 4],
  // Microseconds since the sample before.
  timeDeltas: [1000, 2000, 2000, 5000, 5000, 1000],
};

describe('CPU profile figures', () => {
  it('counts every sample but idle ones as busy', () => {
    expect(busyMs(profile)).toBe(6);
    expect(busyMs({ nodes: [] })).toBe(0);
  });

  it('gives self time by function, most first', () => {
    expect(selfTimes(profile, 2)).toEqual([
      { fn: '(idle) :0:0', ms: 10 },
      { fn: 'work app.js:20:5', ms: 5 },
    ]);
  });
});
