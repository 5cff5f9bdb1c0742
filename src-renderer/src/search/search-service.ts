/**
 * The search index kept in step with the archive. Runs inside the search worker (Dexie
 * works in workers), and in Node tests over fake-indexeddb.
 *
 * Every operation goes through one queue, so a search never sees a half-applied change
 * and an `add` that arrives during the first build waits for it (and then skips what the
 * build already took in).
 */
import type { KeptLetterRow, LetterArchiveDb, LetterRow, SearchIndexRow } from '../archive/db';
import { keepsParagraphsApart, readLetters } from '../archive/letter-paragraphs';
import { inPackOrder } from '../archive/text-packs';
import { forgetPhrases, runQuery, type RunOptions } from './search-engine';
import { INDEX_VERSION, SNAPSHOT_KEY, SectionIndex, type IndexedLetter } from './search-index';
import type { IndexActivity, SearchIndexInfo } from './search-messages';
import type { SearchResponse } from './search-types';
import type { SnapshotFiles } from './snapshot-files';
import { putSnapshot, withBinary } from './snapshot-writing';
import { warmUpQueries } from './warm-up';

/** Letters read from the archive at a time while building. */
const PAGE_SIZE = 500;
/** Letters an import sends are indexed this many at a time, searches answered in between: about 25 ms a chunk. */
const ADD_CHUNK = 20;
/** At most this many staged letters wait (a few batches of an import's). */
const MAX_STAGED = 5000;
/** Failed saves tried again, one after another, before waiting for the next change. */
const MAX_SAVE_RETRIES = 2;

/**
 * Lets the worker take in the messages waiting for it, and goes on at once after: a message
 * to itself, as chained timers are held back to 4 ms each (two seconds over 10,000 letters).
 */
function pause(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  const { port1, port2 } = new MessageChannel();
  return new Promise((resolve) => {
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}

export interface SearchServiceOptions {
  version?: number;
  /** Quiet time after the last change before the snapshot is saved. */
  saveDelayMs?: number;
  /**
   * The longest a change waits to be saved while changes keep coming (a long import): the
   * snapshot is then saved though the changes have not settled.
   */
  maxUnsavedMs?: number;
  /**
   * Whether to run warm-up searches (warm-up.ts) when the index is ready, and again when it
   * has doubled: one at a time, behind whatever is asked meanwhile. The worker does; tests
   * that do not look at it need not.
   */
  warmUp?: boolean;
  /** Told after letters are taken in, and after each snapshot save: for the benchmark's measures. */
  onActivity?: (activity: IndexActivity) => void;
  /**
   * Puts a snapshot row into the archive and gives back the row as written (its buffer may
   * have been handed to another thread and back: see snapshot-writing.ts). By default, in
   * this thread.
   */
  writeSnapshot?: (row: SearchIndexRow) => Promise<SearchIndexRow>;
  /** Where the snapshot's binary may be kept as a file (snapshot-files.ts); by default, in its row. */
  snapshotFiles?: SnapshotFiles | null;
}

/** Letters a warm-up search returns: about a page of results. */
const WARM_UP_LETTERS = 30;
/** Times each warm-up search is run. */
const WARM_UP_ROUNDS = 2;

export class SearchService {
  private index: SectionIndex | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  private lastSaveMs = 0;
  /** Saves that failed one after another: a few are tried again, not forever. */
  private failedSaves = 0;
  /** When the oldest change not yet in a saved snapshot was made (null: none). */
  private unsavedSince: number | null = null;
  /** While an import runs, the snapshot waits for it to end (or for maxUnsavedMs). */
  private importing = false;
  /** True while an import's letters are going in, chunk by chunk. */
  private adding = false;
  /** Searches that came in meanwhile, answered between chunks. */
  private readonly between: { query: string; options?: RunOptions; resolve(response: SearchResponse): void; reject(error: unknown): void }[] = [];
  private readonly version: number;
  private readonly saveDelayMs: number;
  private readonly maxUnsavedMs: number;
  /** How the index was first obtained: for tests and diagnostics. */
  loadedFrom: 'snapshot' | 'rebuilt' | null = null;
  /** Time the first load (or build) took, texts included. */
  private loadMs = 0;
  private loadPhasesMs: SearchIndexInfo['loadPhasesMs'] = { readMs: 0, buildMs: 0, catchUpMs: 0 };
  /** Length of the snapshot last loaded or saved. */
  private snapshotChars = 0;
  private readonly warmUpWanted: boolean;
  /** Sections in the index when the last warm-up began (0: none yet). */
  private warmedAt = 0;
  /** Warm-ups begun: one stops when a later one begins. */
  private warmUps = 0;
  /** Changed letters taken in since the last snapshot was saved. */
  private readonly unsaved = new Set<string>();
  /** The index while its snapshot is being taken and written: searches are answered from it meanwhile. */
  private writing: SectionIndex | null = null;
  /** Letters a parse worker read, by id, waiting for the import to say they were written (`stage`). */
  private readonly staged = new Map<string, IndexedLetter>();
  private readonly writeSnapshot: (row: SearchIndexRow) => Promise<SearchIndexRow>;
  /** Warm-up searches run so far, for tests. */
  warmUpSearches = 0;
  /** Settles when the warm-up under way (if any) has run all its searches. */
  warmedUp: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: LetterArchiveDb,
    private readonly options: SearchServiceOptions = {},
  ) {
    this.version = options.version ?? INDEX_VERSION;
    this.saveDelayMs = options.saveDelayMs ?? 1000;
    this.maxUnsavedMs = options.maxUnsavedMs ?? 120_000;
    this.warmUpWanted = options.warmUp ?? false;
    this.writeSnapshot = options.writeSnapshot ?? ((row) => putSnapshot(this.db, row, options.snapshotFiles ?? null));
  }

  /** Loads or builds the index. */
  ready(): Promise<void> {
    return this.run(async () => {
      await this.loaded();
    });
  }

  /**
   * Indexes these letters, just written to the archive: as a parse worker staged them, or
   * else read from the archive. Letters already indexed or no longer stored are skipped.
   */
  add(letterIds: string[]): Promise<void> {
    return this.run(async () => {
      const index = await this.loaded();
      const wanted = letterIds.filter((id) => !index.hasLetter(id));
      // The staged ones are taken out before the archive is read: letters staged while it is
      // read could push them out of the stage, and they would then be in neither.
      const fromStage = new Map<string, IndexedLetter>();
      for (const id of wanted) {
        const letter = this.staged.get(id);
        if (letter) fromStage.set(id, letter);
        this.staged.delete(id);
      }
      const unstaged = wanted.filter((id) => !fromStage.has(id));
      const read = new Map<string, IndexedLetter>();
      for (const letter of unstaged.length > 0 ? await readLetters(this.db, unstaged) : []) if (letter) read.set(letter.id, letter);
      const letters: IndexedLetter[] = [];
      for (const id of wanted) {
        const letter = fromStage.get(id) ?? read.get(id);
        if (letter) letters.push(letter);
      }
      await this.takeIn(index, letters, read.size);
    });
  }

  /**
   * Holds letters a parse worker read during an import, until the import says which were
   * written (`add`): so they reach the index without passing through the UI thread or being
   * read back. Letters never written (duplicates) are dropped when the import ends; the
   * oldest go first should too many wait.
   */
  stage(letters: readonly IndexedLetter[]): void {
    for (const letter of letters) {
      if (typeof letter?.id !== 'string') continue;
      this.staged.delete(letter.id);
      this.staged.set(letter.id, letter);
    }
    for (const id of this.staged.keys()) {
      if (this.staged.size <= MAX_STAGED) break;
      this.staged.delete(id);
    }
  }

  /** Adds letters a chunk at a time, answering searches typed meanwhile in between (see `search`). */
  private async takeIn(index: SectionIndex, letters: IndexedLetter[], fromArchive: number): Promise<void> {
    const started = performance.now();
    let added = 0;
    this.adding = true;
    try {
      for (let start = 0; start < letters.length; start += ADD_CHUNK) {
        for (const letter of letters.slice(start, start + ADD_CHUNK)) if (index.addLetter(letter)) added++;
        // A pause for the worker to take in messages: searches typed meanwhile are answered
        // now, not after the whole batch (a batch of an import takes a few hundred ms).
        await pause();
        this.answerWaiting();
      }
    } finally {
      this.adding = false;
      this.answerWaiting();
    }
    if (added > 0) this.scheduleSave();
    this.options.onActivity?.({ kind: 'indexed', letters: index.letterCount, added, fromArchive, ms: performance.now() - started });
  }

  remove(letterIds: string[]): Promise<void> {
    return this.run(async () => {
      if (await this.removeFrom(await this.loaded(), letterIds)) this.scheduleSave();
    });
  }

  /** Indexes these letters afresh, as the archive now holds them; in one step, so no search sees them gone. */
  replace(letterIds: string[]): Promise<void> {
    return this.run(async () => {
      await this.reindex(await this.loaded(), letterIds);
    });
  }

  /**
   * Takes changed letters in afresh. The archive also lists them (pendingIndex) in the
   * transaction that changed them, until a snapshot that holds them is saved: so a change
   * whose message was lost, or whose snapshot the app closed before saving, is taken in at
   * the next start, though the letter's id is the same as before.
   */
  private async reindex(index: SectionIndex, letterIds: string[]): Promise<void> {
    const removed = await this.removeFrom(index, letterIds);
    await this.addFromArchive(index, letterIds);
    for (const id of letterIds) this.unsaved.add(id);
    if (removed || letterIds.length > 0) this.scheduleSave();
  }

  private async removeFrom(index: SectionIndex, letterIds: string[]): Promise<boolean> {
    let changed = false;
    for (const id of letterIds) changed = index.removeLetter(id) || changed;
    if (changed) await index.vacuum();
    return changed;
  }

  /** Answers a query (see search-engine.ts); `elapsedMs` is the time the engine took, not the wait for the queue. */
  search(query: string, options?: RunOptions): Promise<SearchResponse> {
    // While an import's letters go in, a search is answered at the next pause between chunks.
    if (this.adding) return new Promise((resolve, reject) => this.between.push({ query, options, resolve, reject }));
    // While a snapshot is taken and written, the index is whole and nothing changes it: a
    // search need not wait for the save (seconds, for a large archive just imported).
    const writing = this.writing;
    if (writing) return Promise.resolve().then(() => runQuery(writing, query, options));
    return this.run(async () => runQuery(await this.loaded(), query, options));
  }

  /** Answers the searches that came in while letters were going in; the index is whole between chunks. */
  private answerWaiting(): void {
    for (const waiting of this.between.splice(0)) {
      try {
        waiting.resolve(runQuery(this.index!, waiting.query, waiting.options));
      } catch (error) {
        waiting.reject(error);
      }
    }
  }

  /** What was loaded, and how long it took. Waits for the first load. */
  info(): Promise<SearchIndexInfo> {
    return this.run(async () => {
      const index = await this.loaded();
      return { documents: index.sectionCount, source: this.loadedFrom ?? 'rebuilt', loadMs: this.loadMs, snapshotChars: this.snapshotChars, loadPhasesMs: this.loadPhasesMs };
    });
  }

  /**
   * Says an import has begun or ended. While one runs, changes are saved only when the
   * oldest has waited maxUnsavedMs: a save between two batches would only be overtaken by
   * the next. When it ends, the snapshot is saved once the changes settle.
   */
  setImporting(active: boolean): void {
    this.importing = active;
    if (!active) this.staged.clear();
    if (this.saveTimer) this.scheduleSave();
    // Warming up is put off too: the index is still growing.
    if (!active) this.maybeWarmUp();
  }

  /** Saves the snapshot now if a save is waiting. */
  flush(): Promise<void> {
    if (!this.saveTimer) return this.queue.then(() => undefined);
    clearTimeout(this.saveTimer);
    this.saveTimer = null;
    return this.run(() => this.save());
  }

  private run<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.queue.then(operation);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async loaded(): Promise<SectionIndex> {
    if (this.index) return this.index;
    const started = performance.now();
    // The keys are asked for first: IndexedDB lists them while this thread reads the snapshot's
    // file and builds the index from it, instead of after (0.1 s or more at 10,000 letters).
    // The app may have closed between an import's write and the next save: catch up, by the
    // letters' ids alone (the index holds the section texts itself). The ids are read from
    // the grades, which every write keeps beside the letters in the same transaction: listing
    // the letters' own keys walks their rows, texts and all (0.75 s at 10,000 letters, not 0.11).
    const storedIds = this.db.grades.toCollection().primaryKeys() as Promise<string[]>;
    const pendingIds = this.db.pendingIndex.toCollection().primaryKeys() as Promise<string[]>;
    // Either may go unawaited (the grades' keys when the index is rebuilt, both when the
    // snapshot cannot be read): a failure is met where they are awaited, not as unhandled.
    storedIds.catch(() => undefined);
    pendingIds.catch(() => undefined);
    const row = await this.readSnapshot();
    const read = performance.now();
    const fromSnapshot = SectionIndex.fromSnapshot(row, this.version);
    let built = performance.now();
    if (fromSnapshot) {
      const stored = await storedIds;
      const seen = new Set(stored);
      const gone = await this.lettersGone(fromSnapshot.letterIds().filter((id) => !seen.has(id)));
      for (const id of gone) fromSnapshot.removeLetter(id);
      if (gone.length) await fromSnapshot.vacuum();
      const added = await this.addFromArchive(
        fromSnapshot,
        stored.filter((id) => !fromSnapshot.hasLetter(id)),
      );
      if (added || gone.length) this.scheduleSave();
      await this.reindex(fromSnapshot, await pendingIds);
      this.index = fromSnapshot;
      this.loadedFrom = 'snapshot';
      this.snapshotChars = row?.json.length ?? 0;
    } else {
      const rebuilt = SectionIndex.empty();
      // Built from the archive as it is: what was pending is in, once this index is saved.
      for (const id of await pendingIds) this.unsaved.add(id);
      await this.readAll(rebuilt);
      built = performance.now();
      this.index = rebuilt;
      this.loadedFrom = 'rebuilt';
      this.scheduleSave();
    }
    const ended = performance.now();
    this.loadMs = ended - started;
    this.loadPhasesMs = { readMs: read - started, buildMs: built - read, catchUpMs: ended - built };
    this.maybeWarmUp();
    return this.index;
  }

  /**
   * The saved snapshot's row with its binary. The file is read while IndexedDB finds the row that
   * names it: the row, a string of megabytes, took 0.38 s and the file 0.64 s one after the other
   * at 10,000 letters. A save leaves one file, and the row then says whether it is the one (a
   * file read for nothing is let go here, not held while the index is built again).
   */
  private async readSnapshot(): Promise<SearchIndexRow | undefined> {
    const files = this.options.snapshotFiles ?? null;
    const rowRead = this.db.searchIndex.get(SNAPSHOT_KEY);
    rowRead.catch(() => undefined);
    const early = files ? await files.readOnly().catch(() => null) : null;
    return withBinary(await rowRead, files, early);
  }

  /**
   * Starts a warm-up when the index has something in it, and is `fresh` (loaded anew from the
   * snapshot just saved) or has twice as many sections as at the last warm-up. A fresh index
   * is warmed up even with nothing added: the engine, warmed up on the index before, answered
   * the one loaded from its snapshot two to ten times more slowly until it had run on it
   * (filters, in the first typed pass after a 10,000-letter import: 12-30 ms, against 3-6 ms
   * after a reload, which warms up the index it loads).
   */
  private maybeWarmUp(fresh = false): void {
    const sections = this.index?.sectionCount ?? 0;
    if (!this.warmUpWanted || this.importing || sections === 0 || (!fresh && sections < this.warmedAt * 2)) return;
    this.warmedAt = sections;
    this.warmUps += 1;
    this.warmedUp = this.warmUp(this.warmUps);
  }

  /**
   * Runs the warm-up searches, each as its own operation queued after a pause, so a search or
   * change asked for meanwhile goes before the next one. Answers are thrown away.
   */
  private async warmUp(run: number): Promise<void> {
    const queries = this.index ? warmUpQueries(this.index) : [];
    for (let round = 0; round < WARM_UP_ROUNDS; round++) {
      for (const query of queries) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        // A later warm-up (the index doubled again, or was loaded anew) takes over.
        if (this.warmUps !== run) return;
        await this.run(async () => {
          if (this.index) runQuery(this.index, query, { letters: WARM_UP_LETTERS });
          this.warmUpSearches += 1;
        }).catch((error: unknown) => console.error(`Search index: the warm-up search ${query} failed`, error));
      }
    }
    // The phrases remembered should be the person's own.
    await this.run(async () => {
      if (this.index) forgetPhrases(this.index);
    });
  }

  /**
   * Reads the archive's letters a page at a time and indexes them all: those whose rows keep
   * every paragraph as they come, then the rest read whole, in the order of their texts' packs.
   */
  private async readAll(index: SectionIndex): Promise<void> {
    let last: string | null = null;
    const apart: string[] = [];
    for (;;) {
      const page: KeptLetterRow[] = await (last === null
        ? this.db.letters.orderBy(':id').limit(PAGE_SIZE).toArray()
        : this.db.letters.where(':id').above(last).limit(PAGE_SIZE).toArray());
      for (const row of page) {
        if (keepsParagraphsApart(row)) apart.push(row.id);
        else index.addLetter(row as LetterRow);
      }
      if (page.length < PAGE_SIZE) break;
      last = page[page.length - 1]!.id;
    }
    await this.addFromArchive(index, apart);
  }

  /** Of these letters (none of which has grades), those the archive truly no longer holds. */
  private async lettersGone(letterIds: string[]): Promise<string[]> {
    if (letterIds.length === 0) return [];
    const there = await this.db.letters.bulkGet(letterIds);
    return letterIds.filter((_, i) => there[i] === undefined);
  }

  /** Indexes these letters, read whole from the archive a page at a time, those whose texts share a pack together. */
  private async addFromArchive(index: SectionIndex, letterIds: string[]): Promise<boolean> {
    let changed = false;
    const ordered = letterIds.length > PAGE_SIZE ? await inPackOrder(this.db, letterIds) : letterIds;
    for (let start = 0; start < ordered.length; start += PAGE_SIZE) {
      const letters = await readLetters(this.db, ordered.slice(start, start + PAGE_SIZE));
      for (const letter of letters) if (letter) changed = index.addLetter(letter) || changed;
    }
    return changed;
  }

  /**
   * Saves the snapshot once changes settle: after a quiet spell, not after every batch of an
   * import. While changes keep coming, a change waits at most maxUnsavedMs (or four times the
   * last save, for a large index, so that saving takes no more than about a fifth of the time).
   */
  private scheduleSave(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    const now = Date.now();
    this.unsavedSince ??= now;
    const quiet = this.importing ? Infinity : Math.max(this.saveDelayMs, this.lastSaveMs * 4);
    const deadline = this.unsavedSince + Math.max(this.maxUnsavedMs, this.lastSaveMs * 4);
    const delay = Math.max(0, Math.min(quiet, deadline - now));
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      void this.run(() => this.save()).catch((error: unknown) => console.error('Saving the search index failed', error));
    }, delay);
  }

  /**
   * After a failed save, another is tried (a few times): else the changes since the last
   * snapshot would wait for the next change, or be read again from the archive at the next start.
   */
  private saveFailed(unsavedSince: number): void {
    this.failedSaves += 1;
    if (this.failedSaves > MAX_SAVE_RETRIES) return;
    this.unsavedSince ??= unsavedSince;
    this.scheduleSave();
  }

  private async save(): Promise<void> {
    if (!this.index) return;
    const started = Date.now();
    const unsavedSince = this.unsavedSince ?? started;
    this.unsavedSince = null;
    const index = this.index;
    const saved = [...this.unsaved];
    // Nothing changes the index until the save ends (changes wait in the queue), so searches
    // are answered from it while its snapshot is taken, between slices, and while it is written.
    this.writing = index;
    let row: SearchIndexRow;
    let taken: number;
    try {
      row = await index.toSnapshotInSlices(pause, this.version);
      taken = Date.now();
      row = await this.writeSnapshot(row);
      if (saved.length > 0) {
        await this.db.pendingIndex.bulkDelete(saved);
        for (const id of saved) this.unsaved.delete(id);
      }
    } catch (error) {
      this.saveFailed(unsavedSince);
      throw error;
    } finally {
      this.writing = null;
    }
    this.failedSaves = 0;
    const written = Date.now();
    // Go on from what was saved: one compact buffer. The index before it holds postings grown
    // with room to spare, and views that keep the buffer it was loaded from alive.
    const reloaded = SectionIndex.fromSnapshot(row, this.version);
    this.index = reloaded ?? index;
    this.snapshotChars = row.json.length;
    this.lastSaveMs = Date.now() - started;
    const phases = { snapshotMs: taken - started, writeMs: written - taken, reloadMs: Date.now() - written };
    this.options.onActivity?.({ kind: 'saved', letters: this.index.letterCount, ms: this.lastSaveMs, chars: row.json.length, phases });
    this.maybeWarmUp(reloaded !== null);
  }
}
