import { describe, expect, it } from 'vitest';
import { importLines, type ImportObservations } from './import-figures';

const base: ImportObservations = {
  clickAt: 1000,
  letters: 3,
  importMs: 3000,
  firstCouncilAt: 1500,
  counts: [
    [1600, 1],
    [2500, 2],
    [3200, 3],
  ],
  longFrames: [
    { duration: 60, blockingDuration: 10 },
    { duration: 80, blockingDuration: 30 },
  ],
  importMeasure: {
    startTime: 1010,
    duration: 2990,
    detail: {
      stages: {
        list: { ms: 10, calls: 1 },
        read: { ms: 900, calls: 2 },
        parse: { ms: 1500, calls: 2 },
        write: { ms: 700, calls: 2 },
        councils: { ms: 20, calls: 2 },
        report: { ms: 5, calls: 2 },
        notify: { ms: 3, calls: 2 },
      },
      firstWriteAt: 1700,
      lastWriteAt: 3900,
      files: 3,
      batches: 2,
      parseWorkers: 1,
    },
  },
  indexAdds: [
    { startTime: 2000, duration: 100, detail: { letters: 2, ms: 100 } },
    { startTime: 4000, duration: 200, detail: { letters: 3, ms: 200 } },
  ],
  indexSaves: [{ startTime: 5000, duration: 400, detail: { ms: 400 } }],
  standIn: { serviceMs: 300, encodeMs: 100, bytes: 2 * 1024 * 1024, calls: 2 },
  parserFloor: { lettersPerSecond: 10, letters: 3 },
};

const byMetric = (lines: ReturnType<typeof importLines>) => new Map(lines.map((l) => [l.metric === 'import_stage' ? `stage:${String(l.stage)}` : l.metric, l]));

describe('importLines', () => {
  it('times the targets from the click, and judges them', () => {
    const lines = byMetric(importLines(base));
    expect(lines.get('import_first_councils_shown')).toMatchObject({ value: 500, pass: true });
    expect(lines.get('import_every_letter_listed')).toMatchObject({ value: 2200, pass: true });
    expect(lines.get('import_searchable')).toMatchObject({ value: 3200, pass: true });
    expect(lines.get('import_vs_parser')).toMatchObject({ value: 0.1, importLettersPerSecond: 1 });
  });

  it('breaks the import down by stage, and says what the stand-in added to reading', () => {
    const lines = byMetric(importLines(base));
    expect(lines.get('stage:read')).toMatchObject({ value: 900, calls: 2, shareOfImport: 0.301 });
    expect(lines.get('import_stand_in_transport')).toMatchObject({ value: 600, serviceMs: 300, MB: 2 });
    expect(lines.get('import_search_indexing')).toMatchObject({ value: 300, snapshotSaves: 1, snapshotSavedAtMs: [4400] });
    expect(lines.get('import_main_thread')).toMatchObject({ value: 140, longFrames: 2, blockingMs: 40, longestMs: 80 });
  });

  it('gives null, not a pass, for what never happened', () => {
    const lines = byMetric(importLines({ ...base, firstCouncilAt: null, counts: [[1600, 1]], indexAdds: [], importMeasure: null, parserFloor: null }));
    expect(lines.get('import_first_councils_shown')).toMatchObject({ value: null, pass: null });
    expect(lines.get('import_every_letter_listed')).toMatchObject({ value: null, pass: null });
    expect(lines.get('import_searchable')).toMatchObject({ value: null, pass: null });
    expect(lines.get('import_vs_parser')).toMatchObject({ value: null });
  });
});
