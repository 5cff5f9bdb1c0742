/**
 * What the search benchmark runs inside the app's page. Each export is handed to
 * page.evaluate or page.addInitScript, so each must stand alone: no imports, no helpers
 * from this module's scope (only types). Written against the small `ProbeScope` below
 * rather than the DOM's types, because the benchmark is compiled without them.
 */
import type { NaiveQuery } from '../../src-main/bench/queries';

/** Timestamps the init script keeps, in the page's performance.now() time. */
export interface BenchState {
  /** When the search box last changed (the last keystroke's input event). */
  lastInputAt: number | null;
  /** When "Import folder…" was last clicked. */
  importClickAt: number | null;
  /** When the import report appeared after that click. */
  reportAt: number | null;
  /** When the councils pane first listed a council after that click. */
  firstCouncilAt: number | null;
  /** Each change of the archive's letter count in the header after that click: [page time, letters]. */
  counts: [number, number][];
  /** Animation frames of 50 ms or more (Chromium's long-animation-frame entries) after that click. */
  longFrames: { startTime: number; duration: number; blockingDuration: number }[];
}

interface ProbeEntry {
  name: string;
  startTime: number;
  duration: number;
  detail?: unknown;
}

interface ProbeElement {
  textContent: string | null;
  getAttribute(name: string): string | null;
  closest(selector: string): ProbeElement | null;
}

interface IdbRequest<T> {
  result: T;
  error: unknown;
  onsuccess: (() => void) | null;
  onerror: (() => void) | null;
}

interface IdbCursor {
  value: unknown;
  continue(): void;
}

interface IdbStore {
  getAll(): IdbRequest<unknown[]>;
  count(): IdbRequest<number>;
  openCursor(): IdbRequest<IdbCursor | null>;
}

interface IdbDatabase {
  objectStoreNames: { contains(name: string): boolean };
  transaction(stores: string | string[], mode: 'readonly'): { objectStore(name: string): IdbStore };
  close(): void;
}

/** The little of the page's window the probes use. */
interface ProbeScope {
  document: {
    querySelector(selector: string): ProbeElement | null;
    querySelectorAll(selector: string): ArrayLike<ProbeElement>;
    addEventListener(type: string, listener: (event: { target: unknown; timeStamp: number }) => void, capture: boolean): void;
  };
  performance: {
    now(): number;
    timeOrigin: number;
    getEntriesByName(name: string): ProbeEntry[];
    memory?: { usedJSHeapSize: number; totalJSHeapSize: number };
  };
  indexedDB: { open(name: string): IdbRequest<IdbDatabase> };
  requestAnimationFrame(callback: () => void): number;
  setTimeout(callback: () => void, ms: number): number;
  MutationObserver: new (callback: () => void) => { observe(target: unknown, options: { childList: boolean; subtree: boolean; characterData?: boolean }): void };
  PerformanceObserver?: {
    new (callback: (list: { getEntries(): (ProbeEntry & { blockingDuration?: number })[] }) => void): { observe(options: { type: string; buffered?: boolean }): void };
    supportedEntryTypes?: readonly string[];
  };
  __bench?: BenchState;
  __benchSections?: BruteSection[];
}

/** One section as the brute-force scan holds it. */
export interface BruteSection {
  text: string;
  council: string;
  region: string;
  year: number;
  kind: string;
  grade: number | null;
  outcome: string;
}

export interface SearchTiming {
  /** How the answer was seen: the client's 'letter-archive:search' measure, or (before the app had it) the results summary. */
  method: 'measure' | 'dom';
  /** The measure's duration: from the client sending the query to it having the answer. */
  measureMs: number | null;
  /** The measure's detail.elapsedMs: the time the worker says it spent. */
  workerMs: number | null;
  /** From the last keystroke's input event to the first animation frame after the answer (includes the box's debounce). */
  inputToResultsMs: number | null;
  /** When the answer arrived, in page time. */
  answeredAt: number;
  /** The query the measure names, if it names one. */
  measuredQuery: string | null;
}

/** Init script: notes keystrokes in the search box, the "Import folder…" click, and when the import report appears. */
export function installProbes(): void {
  const scope = globalThis as unknown as ProbeScope;
  const state: BenchState = { lastInputAt: null, importClickAt: null, reportAt: null, firstCouncilAt: null, counts: [], longFrames: [] };
  scope.__bench = state;
  scope.document.addEventListener(
    'input',
    (event) => {
      const target = event.target as Partial<ProbeElement> | null;
      if (target?.getAttribute?.('aria-label') === 'Search letters') state.lastInputAt = event.timeStamp;
    },
    true,
  );
  scope.document.addEventListener(
    'click',
    (event) => {
      const target = event.target as Partial<ProbeElement> | null;
      const button = target?.closest?.('button');
      if (button?.textContent?.trim().startsWith('Import folder')) {
        state.importClickAt = event.timeStamp;
        state.reportAt = null;
        state.firstCouncilAt = null;
        state.counts = [];
        state.longFrames = [];
      }
    },
    true,
  );
  const observer = new scope.MutationObserver(() => {
    if (state.importClickAt === null) return;
    const now = scope.performance.now();
    if (state.reportAt === null && scope.document.querySelector('dialog[aria-label="Import report"]')) state.reportAt = now;
    if (state.firstCouncilAt === null && scope.document.querySelector('.pane--councils [role="option"]')) state.firstCouncilAt = now;
    // "12,345 letters · 150 councils"
    const counted = /^([\d,]+) letters?/.exec(scope.document.querySelector('.archive-counts')?.textContent ?? '');
    const letters = counted ? Number(counted[1]!.replace(/,/g, '')) : 0;
    if (letters !== (state.counts[state.counts.length - 1]?.[1] ?? 0)) state.counts.push([now, letters]);
  });
  observer.observe(scope.document, { childList: true, subtree: true, characterData: true });
  // The main thread's own work while the panes fill: frames that took 50 ms or more.
  if (scope.PerformanceObserver?.supportedEntryTypes?.includes('long-animation-frame')) {
    new scope.PerformanceObserver((list) => {
      if (state.importClickAt === null || state.reportAt !== null) return;
      for (const entry of list.getEntries()) {
        if (entry.startTime >= state.importClickAt) state.longFrames.push({ startTime: entry.startTime, duration: entry.duration, blockingDuration: entry.blockingDuration ?? 0 });
      }
    }).observe({ type: 'long-animation-frame' });
  }
}

export function readState(): BenchState | null {
  return (globalThis as unknown as ProbeScope).__bench ?? null;
}

/**
 * The import's state and the files its progress bar counts as done, in one call: polled
 * through a plain selector, as a role query (getByRole) walks the page's accessibility tree
 * on its main thread, and over an import took seconds of the time being measured.
 */
export function readImportState(): { state: BenchState | null; done: number } {
  const scope = globalThis as unknown as ProbeScope;
  const bar = scope.document.querySelector('[role="progressbar"][aria-label="Import progress"]');
  return { state: scope.__bench ?? null, done: Number(bar?.getAttribute('aria-valuenow') ?? 0) };
}

/**
 * Waits for the answer to `query`, typed just before: the first 'letter-archive:search'
 * measure for it that started after the last keystroke, then one more frame for the
 * results to be drawn. Falls back to the results summary when the app records no measures.
 */
export function waitForSearch(args: { query: string; timeoutMs: number }): Promise<SearchTiming> {
  const scope = globalThis as unknown as ProbeScope;
  const since = scope.__bench?.lastInputAt ?? 0;
  const wanted = args.query.trim().replace(/\s+/g, ' ');
  const began = scope.performance.now();
  const queryOf = (entry: ProbeEntry): string | null => {
    const detail = entry.detail as { query?: unknown } | null | undefined;
    return typeof detail?.query === 'string' ? detail.query.trim().replace(/\s+/g, ' ') : null;
  };
  return new Promise((resolve, reject) => {
    const finish = (timing: Omit<SearchTiming, 'inputToResultsMs'>) => {
      // The answer arrived during this frame's tasks; the results are drawn by the next one.
      scope.requestAnimationFrame(() => {
        const drawn = scope.performance.now();
        resolve({ ...timing, inputToResultsMs: since ? drawn - since : null });
      });
    };
    const poll = () => {
      const now = scope.performance.now();
      const all = scope.performance.getEntriesByName('letter-archive:search');
      const fresh = all.filter((e) => e.startTime >= since - 1);
      // Searches for what was typed on the way (a prefix of the query) do not count.
      const match = fresh.find((e) => queryOf(e) === wanted) ?? (now - began > 3000 ? fresh.find((e) => queryOf(e) === null) : undefined);
      if (match) {
        const detail = match.detail as { elapsedMs?: unknown } | null | undefined;
        finish({
          method: 'measure',
          measureMs: match.duration,
          workerMs: typeof detail?.elapsedMs === 'number' ? detail.elapsedMs : null,
          answeredAt: match.startTime + match.duration,
          measuredQuery: queryOf(match),
        });
        return;
      }
      if (all.length === 0 && now - began > 300) {
        const summary = scope.document.querySelector('.results-summary')?.textContent ?? '';
        if (summary && !summary.startsWith('Searching')) {
          finish({ method: 'dom', measureMs: null, workerMs: null, answeredAt: now, measuredQuery: null });
          return;
        }
      }
      if (now - began > args.timeoutMs) {
        reject(new Error(`no answer to "${args.query}" within ${args.timeoutMs} ms`));
        return;
      }
      // A timer, not a frame: polling by frames would make the page draw 60 frames a second
      // for as long as an answer is awaited, on the main thread being measured.
      scope.setTimeout(poll, 4);
    };
    poll();
  });
}

/** Waits for the 'letter-archive:index-load' measure of this page load; null when there is none by the deadline. */
export interface IndexLoad {
  /** The measure's duration: from the search worker's start to its index being ready. */
  ms: number;
  source: string | null;
  documents: number | null;
  /** detail.loadMs: the worker's own time loading (or rebuilding) the index. */
  workerMs: number | null;
  snapshotChars: number | null;
  /** detail.loadPhasesMs: workerMs in parts (reading the snapshot, making the index, catching up). */
  workerPhasesMs: { readMs: number; buildMs: number; catchUpMs: number } | null;
}

export function waitForIndexLoad(args: { timeoutMs: number }): Promise<IndexLoad | null> {
  const scope = globalThis as unknown as ProbeScope;
  const began = scope.performance.now();
  return new Promise((resolve) => {
    const poll = () => {
      const entry = scope.performance.getEntriesByName('letter-archive:index-load')[0];
      if (entry) {
        const detail = (entry.detail ?? {}) as Record<string, unknown>;
        const numberOf = (key: string) => (typeof detail[key] === 'number' ? (detail[key] as number) : null);
        resolve({
          ms: entry.duration,
          source: typeof detail.source === 'string' ? detail.source : null,
          documents: numberOf('documents'),
          workerMs: numberOf('loadMs'),
          snapshotChars: numberOf('snapshotChars'),
          workerPhasesMs: typeof detail.loadPhasesMs === 'object' && detail.loadPhasesMs !== null ? (detail.loadPhasesMs as IndexLoad['workerPhasesMs']) : null,
        });
      } else if (scope.performance.now() - began > args.timeoutMs) resolve(null);
      else setTimeout(poll, 50);
    };
    poll();
  });
}

/** Letters in the archive. */
export function countLetters(): Promise<number> {
  const scope = globalThis as unknown as ProbeScope;
  return new Promise((resolve, reject) => {
    const open = scope.indexedDB.open('letter-archive');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const request = db.transaction(['letters'], 'readonly').objectStore('letters').count();
      request.onsuccess = () => {
        db.close();
        resolve(request.result);
      };
      request.onerror = () => {
        db.close();
        reject(request.error);
      };
    };
  });
}

export interface SnapshotInfo {
  rows: number;
  /** Characters of the rows' strings (the index's JSON header). */
  chars: number;
  /** UTF-8 bytes of those strings plus the bytes of any binary values, in the rows or in the file they name; only when asked for. */
  bytes: number | null;
  /** Letters the snapshot says it holds, when it says. */
  letters: number | null;
  savedAt: string | null;
}

/** Size and coverage of the saved search index ('searchIndex' store). */
export function readSnapshot(args: { bytes: boolean }): Promise<SnapshotInfo> {
  const scope = globalThis as unknown as ProbeScope;
  return new Promise((resolve, reject) => {
    const open = scope.indexedDB.open('letter-archive');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('searchIndex')) {
        db.close();
        resolve({ rows: 0, chars: 0, bytes: 0, letters: null, savedAt: null });
        return;
      }
      const request = db.transaction(['searchIndex'], 'readonly').objectStore('searchIndex').getAll();
      request.onerror = () => {
        db.close();
        reject(request.error);
      };
      request.onsuccess = () => {
        const info: SnapshotInfo = { rows: request.result.length, chars: 0, bytes: args.bytes ? 0 : null, letters: null, savedAt: null };
        const encoder = new TextEncoder();
        for (const row of request.result as Record<string, unknown>[]) {
          for (const value of Object.values(row)) {
            if (typeof value === 'string') {
              info.chars += value.length;
              if (info.bytes !== null) info.bytes += value.length > 1000 ? encoder.encode(value).length : value.length;
            } else if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
              if (info.bytes !== null) info.bytes += (value as ArrayBuffer).byteLength;
            }
          }
          // A binary kept in a file of its own (the origin's private file system) counts as it would in the row.
          const file = row.binaryFile as { bytes?: unknown } | undefined;
          if (info.bytes !== null && typeof file?.bytes === 'number') info.bytes += file.bytes;
          const letters = row.letters;
          if (typeof letters === 'number') info.letters = (info.letters ?? 0) + letters;
          else if (letters && typeof letters === 'object') info.letters = (info.letters ?? 0) + Object.keys(letters).length;
          if (typeof row.savedAt === 'string' && (info.savedAt === null || row.savedAt > info.savedAt)) info.savedAt = row.savedAt;
        }
        db.close();
        resolve(info);
      };
    };
  });
}

/**
 * Reads every letter once and keeps each section's text lower-cased with the fields the
 * filters need, for `bruteSearch`. Read with cursors, so the letters are never all held at
 * once: first the letters' rows; then, for rows that keep most paragraphs beside their texts
 * (letter-paragraphs.ts), the texts' packs one at a time.
 */
export function loadBruteForce(): Promise<{ letters: number; sections: number; chars: number; ms: number }> {
  const scope = globalThis as unknown as ProbeScope;
  const began = scope.performance.now();
  type Block = { type: string; text?: string; items?: string[] };
  type StoredSection = {
    heading: string;
    outcome?: string;
    grade?: { grade: number } | null;
    paragraphs?: Block[];
    recommendations: { text: string; items: string[] }[];
    areasForDevelopment: string[];
  };
  type StoredLetter = { id: string; kind: string; year: number; council: { displayName: string; region: string | null }; overall: { grade: number } | null; sections: StoredSection[] };
  type Place = { id: string; pack?: string; at: number; length: number; paragraphBytes?: number };
  const sections: BruteSection[] = [];
  let letters = 0;
  let chars = 0;
  const take = (letter: StoredLetter) => {
    letters++;
    for (const section of letter.sections) {
      const text = [
        section.heading,
        ...(section.paragraphs ?? []).map((b) => (b.type === 'list' ? (b.items ?? []).join('\n') : (b.text ?? ''))),
        ...section.recommendations.flatMap((r) => [r.text, ...r.items]),
        ...section.areasForDevelopment,
      ]
        .join('\n')
        .toLowerCase();
      chars += text.length;
      sections.push({
        text,
        council: letter.council.displayName.toLowerCase(),
        region: (letter.council.region ?? '').toLowerCase(),
        year: letter.year,
        kind: letter.kind,
        grade: section.grade?.grade ?? letter.overall?.grade ?? null,
        outcome: section.outcome ?? '',
      });
    }
  };
  /**
   * The paragraphs kept after a text (paragraph-bytes.ts): JSON as written before, or a byte 1
   * and JSON in which a paragraph is its words or [start, end] in the text, white space made one space.
   */
  const paragraphsOf = (bytes: Uint8Array, text: () => string, decoder: { decode(bytes: Uint8Array): string }): (Block[] | null)[] => {
    if (bytes[0] !== 1) return JSON.parse(decoder.decode(bytes)) as (Block[] | null)[];
    type Kept = string | [number, number];
    let words: string | undefined;
    const wordsOf = (kept: Kept) => {
      if (typeof kept === 'string') return kept;
      words ??= text();
      if (!(kept[0] >= 0 && kept[0] <= kept[1] && kept[1] <= words.length)) throw new Error('a paragraph lies outside the text');
      return words.slice(kept[0], kept[1]).replace(/[ \t\n\v\f\r]+/g, ' ');
    };
    const lists = JSON.parse(decoder.decode(bytes.subarray(1))) as ((Kept | { l: Kept[] })[] | null)[];
    return lists.map((blocks) =>
      blocks === null ? null : blocks.map((block): Block => (typeof block === 'object' && !Array.isArray(block) ? { type: 'list', items: block.l.map(wordsOf) } : { type: 'paragraph', text: wordsOf(block) })),
    );
  };
  const request = <T>(r: IdbRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
  /** Calls `each` with every value of a store, a cursor step at a time. */
  const eachValue = (db: IdbDatabase, store: string, each: (value: unknown) => void) =>
    new Promise<void>((resolve, reject) => {
      const cursor = db.transaction([store], 'readonly').objectStore(store).openCursor();
      cursor.onerror = () => reject(cursor.error);
      cursor.onsuccess = () => {
        const at = cursor.result;
        if (!at) return resolve();
        try {
          each(at.value);
          at.continue();
        } catch (error) {
          reject(error);
        }
      };
    });
  return (async () => {
    const db = await request(scope.indexedDB.open('letter-archive'));
    try {
      /** Letters whose rows keep paragraphs apart, by their texts' packs. */
      const apart = new Map<string, { letter: StoredLetter; place: Place }[]>();
      const waiting = new Map<string, StoredLetter>();
      await eachValue(db, 'letters', (value) => {
        const letter = value as StoredLetter;
        if (letter.sections.some((section) => section.paragraphs === undefined)) waiting.set(letter.id, letter);
        else take(letter);
      });
      if (waiting.size > 0) {
        const places = (await request(db.transaction(['texts'], 'readonly').objectStore('texts').getAll())) as Place[];
        for (const place of places) {
          const letter = waiting.get(place.id);
          if (!letter || place.pack === undefined) continue;
          const list = apart.get(place.pack) ?? [];
          list.push({ letter, place });
          apart.set(place.pack, list);
        }
        // A text's leading byte-order mark is kept: places in it count it (paragraph-bytes.ts).
        const decoder = new (globalThis as unknown as { TextDecoder: new (label: string, options: { ignoreBOM: boolean }) => { decode(bytes: Uint8Array): string } }).TextDecoder('utf-8', {
          ignoreBOM: true,
        });
        await eachValue(db, 'textPacks', (value) => {
          const pack = value as { id: string; utf8: Uint8Array };
          const placed = apart.get(pack.id) ?? [];
          // Let go of these letters once taken: their paragraphs are slices of their whole texts.
          apart.delete(pack.id);
          for (const { letter, place } of placed) {
            const from = place.at + place.length;
            let lists: (Block[] | null)[] = [];
            try {
              lists = paragraphsOf(pack.utf8.subarray(from, from + (place.paragraphBytes ?? 0)), () => decoder.decode(pack.utf8.subarray(place.at, from)), decoder);
            } catch {
              // Taken with what its row holds, below.
              continue;
            }
            letter.sections.forEach((section, i) => (section.paragraphs ??= lists[i] ?? []));
            waiting.delete(letter.id);
            take(letter);
          }
        });
        // A letter whose paragraphs were not found is still searched by what its row holds.
        for (const letter of waiting.values()) take(letter);
      }
    } finally {
      db.close();
    }
    scope.__benchSections = sections;
    return { letters, sections: sections.length, chars, ms: scope.performance.now() - began };
  })();
}

/** Answers each query by looking at every section; the time and the number of matching sections per query. */
export function bruteSearch(queries: NaiveQuery[]): { ms: number; count: number }[] {
  const scope = globalThis as unknown as ProbeScope;
  const sections = scope.__benchSections ?? [];
  const gradeOk = (grade: number | null, [op, value]: [string, number]) =>
    grade !== null && (op === '<' ? grade < value : op === '<=' ? grade <= value : op === '>' ? grade > value : op === '>=' ? grade >= value : grade === value);
  return queries.map((q) => {
    const began = scope.performance.now();
    let count = 0;
    for (const s of sections) {
      if (q.councils.length && !q.councils.some((c) => s.council.startsWith(c))) continue;
      if (q.regions.length && !q.regions.includes(s.region)) continue;
      if (q.kinds.length && !q.kinds.includes(s.kind)) continue;
      if (q.outcomes.length && !q.outcomes.includes(s.outcome)) continue;
      if (q.years.length && !q.years.some(([from, to]) => s.year >= from && s.year <= to)) continue;
      if (q.grades.length && !q.grades.every((g) => gradeOk(s.grade, g))) continue;
      if (q.exclude.some((w) => s.text.includes(w))) continue;
      if (q.clauses.length && !q.clauses.some((clause) => clause.every((w) => s.text.includes(w)))) continue;
      count++;
    }
    return { ms: scope.performance.now() - began, count };
  });
}

/** Lets go of what `loadBruteForce` kept. */
export function dropBruteForce(): void {
  delete (globalThis as unknown as ProbeScope).__benchSections;
}

/** The main thread's JavaScript heap, as Chromium reports it with --enable-precise-memory-info. */
export function mainHeap(): { used: number; total: number } | null {
  const memory = (globalThis as unknown as ProbeScope).performance.memory;
  return memory ? { used: memory.usedJSHeapSize, total: memory.totalJSHeapSize } : null;
}

/** The page's clock: its time origin (ms since the epoch) and now (ms since that origin). */
export function pageClock(): { timeOrigin: number; now: number } {
  const { performance } = globalThis as unknown as ProbeScope;
  return { timeOrigin: performance.timeOrigin, now: performance.now() };
}

/** A performance measure as the benchmark reads it: page times and the detail the app gave. */
export interface MeasureEntry {
  startTime: number;
  duration: number;
  detail: unknown;
}

/** The app's own measures of one name (see import-clock.ts and search-client.ts), oldest first. */
export function readMeasures(name: string): MeasureEntry[] {
  const scope = globalThis as unknown as ProbeScope;
  return scope.performance.getEntriesByName(name).map((e) => ({ startTime: e.startTime, duration: e.duration, detail: e.detail ?? null }));
}

/**
 * Clicks `open` (the `nth` element it matches, the first by default) and times how long until
 * `ready` is in the page and a frame has been drawn with it: how long a view or a letter takes
 * to open, as a person sees it. With `anew`, `ready` must be another element than the one in
 * the page before the click (a letter in place of the one shown). Null when it never came.
 */
export function timeViewOpen(args: { open: string; nth?: number; ready: string; anew?: boolean; timeoutMs: number }): Promise<number | null> {
  const scope = globalThis as unknown as ProbeScope;
  const button = scope.document.querySelectorAll(args.open)[args.nth ?? 0] as (ProbeElement & { click(): void }) | undefined;
  if (!button) return Promise.resolve(null);
  const before = args.anew ? scope.document.querySelector(args.ready) : null;
  return new Promise((resolve) => {
    const start = scope.performance.now();
    button.click();
    const check = (): void => {
      const shown = scope.document.querySelector(args.ready);
      if (shown && shown !== before) {
        scope.requestAnimationFrame(() => resolve(scope.performance.now() - start));
      } else if (scope.performance.now() - start > args.timeoutMs) {
        resolve(null);
      } else {
        scope.requestAnimationFrame(check);
      }
    };
    check();
  });
}
