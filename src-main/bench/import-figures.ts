/**
 * The import's figures for `npm run bench`, worked out from what the page measured: the
 * app's 'letter-archive:import' measure (import-clock.ts), the search worker's index-add and
 * index-save measures, the probes' timeline of the panes, and what the bridge's stand-in
 * spent on its side. Pure, so the arithmetic is tested without a browser.
 */
import type { ImportTimings } from '../../src-renderer/src/archive/import-clock';
import { round } from '../../src-shared/stats';

export interface BenchLine {
  metric: string;
  value: number | string | null;
  unit: string;
  [key: string]: unknown;
}

export const IMPORT_TARGETS = { firstCouncilMs: 1000, everyLetterListedMs: 8000, searchableMs: 12_000 };

export interface ImportMeasure {
  startTime: number;
  duration: number;
  /** What the app's ImportClock recorded. */
  detail: ImportTimings | null;
}

export interface IndexMeasure {
  startTime: number;
  duration: number;
  detail: { kind?: string; letters?: number; added?: number; fromArchive?: number; ms?: number; chars?: number; phases?: Record<string, number> } | null;
}

export interface ImportObservations {
  /** Page time of the "Import folder…" click. */
  clickAt: number;
  /** Letters in the archive when the import ended. */
  letters: number;
  importMs: number | null;
  firstCouncilAt: number | null;
  /** [page time, letters shown in the header] as they changed. */
  counts: readonly (readonly [number, number])[];
  longFrames: readonly { duration: number; blockingDuration: number }[];
  importMeasure: ImportMeasure | null;
  indexAdds: readonly IndexMeasure[];
  indexSaves: readonly IndexMeasure[];
  standIn: { serviceMs: number; encodeMs: number; bytes: number; calls: number };
  /** The parser's own letters a second in Node on the same corpus. */
  parserFloor: { lettersPerSecond: number; letters: number } | null;
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

function target(line: BenchLine, limit: number): BenchLine {
  const value = typeof line.value === 'number' ? line.value : null;
  return { ...line, target: `<= ${limit} ms`, pass: value === null ? null : value <= limit };
}

/** Every import line: the stages, the stand-in's share, the index, the main thread, and the three targets. */
export function importLines(o: ImportObservations): BenchLine[] {
  const lines: BenchLine[] = [];
  const since = (at: number | null | undefined) => (at === null || at === undefined ? null : round(at - o.clickAt, 0));
  const detail = o.importMeasure?.detail ?? null;
  const wall = o.importMeasure?.duration ?? null;
  if (detail) {
    for (const [stage, figures] of Object.entries(detail.stages)) {
      lines.push({
        metric: 'import_stage',
        value: round(figures.ms, 0),
        unit: 'ms',
        stage,
        calls: figures.calls,
        shareOfImport: wall ? round(figures.ms / wall, 3) : null,
      });
    }
    lines.push({
      metric: 'import_pipeline',
      value: round(wall, 0),
      unit: 'ms',
      files: detail.files,
      batches: detail.batches,
      parseWorkers: detail.parseWorkers,
      firstWriteMs: since(detail.firstWriteAt),
      lastWriteMs: since(detail.lastWriteAt),
      note: 'stages overlap in a pipeline: their sum may exceed the wall time; councils and report are inside write',
    });
  }
  const pageRead = detail?.stages.read.ms ?? null;
  lines.push({
    metric: 'import_stand_in_transport',
    value: pageRead === null ? null : round(Math.max(0, pageRead - o.standIn.serviceMs), 0),
    unit: 'ms',
    pageReadMs: round(pageRead, 0),
    serviceMs: round(o.standIn.serviceMs, 0),
    concatMs: round(o.standIn.encodeMs, 0),
    MB: round(o.standIn.bytes / (1024 * 1024), 1),
    calls: o.standIn.calls,
    note:
      "the page's read time less the folder service's own: the test stand-in's transport (the call over CDP by page.exposeFunction, then the bytes over HTTP from the test server), and the wait for the page's busy main thread. Electron's IPC carries the call and the bytes in one structured-clone message, without the debugging protocol's round trips",
  });

  const adds = o.indexAdds.map((m) => m.detail ?? {});
  const complete = o.indexAdds.find((m) => (m.detail?.letters ?? 0) >= o.letters);
  lines.push({
    metric: 'import_search_indexing',
    value: round(sum(adds.map((a) => a.ms ?? 0)), 0),
    unit: 'ms',
    batches: adds.length,
    lettersReadBack: sum(adds.map((a) => a.fromArchive ?? 0)),
    snapshotSaves: o.indexSaves.length,
    snapshotSaveMs: o.indexSaves.map((m) => round(m.detail?.ms ?? m.duration, 0)),
    snapshotSavePhasesMs: o.indexSaves.map((m) => m.detail?.phases ?? null),
    snapshotSavedAtMs: o.indexSaves.map((m) => since(m.startTime + m.duration)),
    note: "the search worker's time taking the import's letters in, how many of them it read back from the archive (the rest came staged from the parse workers), and each snapshot save (its time, split into taking the snapshot, writing it and loading the index again from it, and when it was saved)",
  });
  lines.push({
    metric: 'import_main_thread',
    value: round(sum(o.longFrames.map((f) => f.duration)), 0),
    unit: 'ms',
    longFrames: o.longFrames.length,
    blockingMs: round(sum(o.longFrames.map((f) => f.blockingDuration)), 0),
    longestMs: round(Math.max(0, ...o.longFrames.map((f) => f.duration)), 0),
    countUpdates: o.counts.length,
    note: "the renderer's own work while the panes fill: animation frames of 50 ms or more between the click and the report",
  });

  const listed = o.counts.find(([, n]) => n >= o.letters);
  lines.push(target({ metric: 'import_first_councils_shown', value: since(o.firstCouncilAt), unit: 'ms', from: 'the "Import folder…" click' }, IMPORT_TARGETS.firstCouncilMs));
  lines.push(
    target(
      { metric: 'import_every_letter_listed', value: since(listed?.[0]), unit: 'ms', letters: o.letters, how: "the header's letter count reached every letter the archive holds" },
      IMPORT_TARGETS.everyLetterListedMs,
    ),
  );
  lines.push(
    target(
      {
        metric: 'import_searchable',
        value: complete ? since(complete.startTime + complete.duration) : null,
        unit: 'ms',
        how: 'the search worker reported an index holding every letter',
      },
      IMPORT_TARGETS.searchableMs,
    ),
  );
  const perSecond = o.importMs ? o.letters / (o.importMs / 1000) : null;
  lines.push({
    metric: 'import_vs_parser',
    value: perSecond !== null && o.parserFloor ? round(perSecond / o.parserFloor.lettersPerSecond, 3) : null,
    unit: 'fraction',
    importLettersPerSecond: round(perSecond, 1),
    parserLettersPerSecond: round(o.parserFloor?.lettersPerSecond, 1),
    parserSample: o.parserFloor?.letters ?? null,
    note: "the import's letters a second (click to report) over the parser's own in Node on the same files (the median of three passes)",
  });
  return lines;
}
