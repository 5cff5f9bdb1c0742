/**
 * Where an import's time goes, stage by stage, for `npm run bench`. Stages overlap when the
 * import runs as a pipeline, so their sums can exceed the import's wall time; a stage's time
 * includes waiting its turn (a batch's parse time counts from when it was read, queued
 * behind the batches before it).
 *
 * When the import ends it records one performance measure, 'letter-archive:import', from
 * its start to its end, with the stages (and a few moments, in page time) as its detail.
 */

export const IMPORT_MEASURE = 'letter-archive:import';

export const IMPORT_STAGES = [
  /** Listing the folder (through the bridge). */
  'list',
  /** Reading files' bytes through the bridge (or from dropped files). */
  'read',
  /** Decoding and parsing in the parse workers, from posting a batch to its last answer. */
  'parse',
  /** The write transaction as a whole: letters, texts, councils and the report. */
  'write',
  /** Inside the transaction: updating the council rows the batch touched. */
  'councils',
  /** Inside the transaction: the report's counts and its new entries. */
  'report',
  /** Telling the search worker of the batch (posting only: the indexing is the worker's own measure). */
  'notify',
] as const;

export type ImportStage = (typeof IMPORT_STAGES)[number];

export interface StageFigures {
  ms: number;
  calls: number;
}

export interface ImportTimings {
  stages: Record<ImportStage, StageFigures>;
  /** Page time of the first batch committed, and of the last. */
  firstWriteAt: number | null;
  lastWriteAt: number | null;
  files: number;
  batches: number;
  parseWorkers: number;
}

const now = (): number => (typeof performance === 'undefined' ? Date.now() : performance.now());

export class ImportClock {
  readonly startedAt = now();
  private readonly timings: ImportTimings = {
    stages: Object.fromEntries(IMPORT_STAGES.map((stage) => [stage, { ms: 0, calls: 0 }])) as Record<ImportStage, StageFigures>,
    firstWriteAt: null,
    lastWriteAt: null,
    files: 0,
    batches: 0,
    parseWorkers: 1,
  };

  /** Runs `work`, adding its time to `stage` (and counting it, whether or not it succeeds). */
  async time<T>(stage: ImportStage, work: () => Promise<T> | T): Promise<T> {
    const started = now();
    try {
      return await work();
    } finally {
      this.add(stage, now() - started);
    }
  }

  add(stage: ImportStage, ms: number): void {
    const figures = this.timings.stages[stage];
    figures.ms += ms;
    figures.calls += 1;
  }

  /** A batch is in the archive. */
  committed(): void {
    const at = now();
    this.timings.firstWriteAt ??= at;
    this.timings.lastWriteAt = at;
    this.timings.batches += 1;
  }

  note(figures: Partial<Pick<ImportTimings, 'files' | 'parseWorkers'>>): void {
    Object.assign(this.timings, figures);
  }

  get figures(): ImportTimings {
    return this.timings;
  }

  /** Records the import's measure; never lets a missing or strict Performance API break an import. */
  finish(): void {
    try {
      performance.measure(IMPORT_MEASURE, { start: this.startedAt, end: now(), detail: this.timings });
    } catch {
      // Measures are for benchmarks only.
    }
  }
}
