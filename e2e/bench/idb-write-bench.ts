/**
 * `npm run bench:idb [-- --rows N]`: what IndexedDB costs Chromium to keep a letter-sized row,
 * by how the row holds its text. An import of 10,000 letters spends more CPU in the browser
 * process's IndexedDB (its transactions and LevelDB's compaction) than in any thread of the
 * app's own, so this says what a change to the rows would save.
 *
 * Each row is 60 paragraphs of about 420 characters, as a letter's sections are, held:
 *   two-byte  as strings with a curly apostrophe and a dash, as real letters have them: V8
 *             writes such strings as UTF-16, two bytes a character (today's letter rows);
 *   one-byte  as the same strings with a plain apostrophe and hyphen: one byte a character;
 *   utf-8     as one UTF-8 array of the two-byte text, encoded in the page (today's text rows).
 * The kinds take turns, each in a fresh browser profile, over three rounds; CPU is read from
 * /proc (Linux), for the browser process with its utility processes (IndexedDB lives there) and
 * for the page's.
 *
 * Prints a summary for people, then one JSON line per kind for machines.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { median, round } from '../../src-shared/stats';
import { CHROMIUM_ARGS, findChromium } from '../support/browser-path';
import { serveFolder } from '../support/static-server';

const KINDS = ['two-byte', 'one-byte', 'utf-8'] as const;
type Kind = (typeof KINDS)[number];
const ROUNDS = 3;
const ROWS_PER_TRANSACTION = 250;

interface Pass {
  kind: Kind;
  ms: number;
  browserCpuMs: number;
  pageCpuMs: number;
}

/** A process's /proc stat fields after its name: [0] is its state, [1] its parent, [11] and [12] its user and system ticks. */
function statFields(pid: string): string[] {
  return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
}

/** CPU time (user and system) of these processes so far, in ms; Linux's /proc only. */
function cpuMs(pids: readonly string[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const fields = statFields(pid);
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // A process that ended has nothing more to count.
    }
  }
  return ticks * 10;
}

/**
 * The processes of the Chromium started with `profile`: its browser process with its utility
 * processes (where storage may run), and its pages' (renderers). Other Chromiums running on
 * the machine, a test run's, are not counted.
 */
function processesOf(profile: string): { browser: string[]; pages: string[] } {
  const commands = new Map<string, string>();
  const parents = new Map<string, string>();
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      commands.set(pid, readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
      parents.set(pid, statFields(pid)[1]!);
    } catch {
      // Gone meanwhile.
    }
  }
  const roots = [...commands].filter(([, command]) => command.includes(profile) && !command.includes('--type=')).map(([pid]) => pid);
  const isOurs = (pid: string): boolean => {
    for (let at: string | undefined = pid, depth = 0; at && depth < 8; at = parents.get(at), depth++) if (roots.includes(at)) return true;
    return false;
  };
  const browser: string[] = [...roots];
  const pages: string[] = [];
  for (const [pid, command] of commands) {
    if (roots.includes(pid) || !isOurs(pid)) continue;
    if (command.includes('--type=renderer')) pages.push(pid);
    else if (command.includes('--type=utility')) browser.push(pid);
  }
  return { browser, pages };
}

/** Runs in the page: writes `rows` rows of one kind, a transaction at a time, and times it. */
function writeRows(args: { kind: Kind; rows: number; perTransaction: number }): Promise<number> {
  const plain = "The council's services for children - good and improving. ";
  const typeset = 'The council’s services for children – good and improving. ';
  const paragraphs = (n: number, text: string) => Array.from({ length: 60 }, (_, j) => `${text.repeat(7)} #${n}.${j}`);
  const row = (n: number): object => {
    if (args.kind === 'two-byte') return { id: `k${n}`, paragraphs: paragraphs(n, typeset) };
    if (args.kind === 'one-byte') return { id: `k${n}`, paragraphs: paragraphs(n, plain) };
    return { id: `k${n}`, utf8: new TextEncoder().encode(paragraphs(n, typeset).join('\n')) };
  };
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('idb-write-bench', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('rows', { keyPath: 'id' });
    open.onerror = () => reject(open.error);
    open.onsuccess = async () => {
      const db = open.result;
      const start = performance.now();
      try {
        for (let first = 0; first < args.rows; first += args.perTransaction) {
          await new Promise<void>((done, fail) => {
            const tx = db.transaction('rows', 'readwrite');
            const store = tx.objectStore('rows');
            for (let n = first; n < Math.min(args.rows, first + args.perTransaction); n++) store.put(row(n));
            tx.oncomplete = () => done();
            tx.onerror = () => fail(tx.error);
          });
        }
        resolve(performance.now() - start);
      } catch (error) {
        reject(error);
      } finally {
        db.close();
      }
    };
  });
}

async function pass(kind: Kind, rows: number, url: string, executablePath: string): Promise<Pass> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'idb-write-bench-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath, headless: true, args: CHROMIUM_ARGS });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    // tsx compiles with esbuild's keepNames, which wraps named functions in __name(): the page needs it.
    await page.addInitScript({ content: 'globalThis.__name ??= (fn) => fn;' });
    await page.goto(url);
    const { browser, pages } = processesOf(profile);
    const [browser0, pages0] = [cpuMs(browser), cpuMs(pages)];
    const ms = await page.evaluate(writeRows, { kind, rows, perTransaction: ROWS_PER_TRANSACTION });
    // LevelDB compacts what was written in the background: give it time to, and count it.
    await page.waitForTimeout(3000);
    return { kind, ms, browserCpuMs: cpuMs(browser) - browser0, pageCpuMs: cpuMs(pages) - pages0 };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const at = process.argv.indexOf('--rows');
  const rows = at === -1 ? 10_000 : Number(process.argv[at + 1]);
  if (!Number.isInteger(rows) || rows < 1) throw new Error('--rows needs a whole number of rows, 1 or more.');
  if (!existsProc()) throw new Error('This bench reads CPU time from /proc, which only Linux has.');
  const browser = findChromium();
  if (!browser.path) throw new Error(browser.reason);
  const folder = mkdtempSync(path.join(os.tmpdir(), 'idb-write-page-'));
  // IndexedDB needs a page of an origin to belong to: an empty one.
  writeFileSync(path.join(folder, 'index.html'), '<!doctype html><title>IndexedDB write bench</title>');
  const server = await serveFolder(folder, {});
  const passes: Pass[] = [];
  try {
    for (let round = 1; round <= ROUNDS; round++) {
      for (const kind of KINDS) {
        const result = await pass(kind, rows, server.url, browser.path);
        passes.push(result);
        process.stderr.write(`[bench:idb] round ${round}, ${kind}: ${Math.round(result.ms)} ms, browser CPU ${result.browserCpuMs} ms, page CPU ${result.pageCpuMs} ms\n`);
      }
    }
  } finally {
    await server.close();
    rmSync(folder, { recursive: true, force: true });
  }
  process.stdout.write(`IndexedDB write bench: ${rows.toLocaleString('en-GB')} rows of 60 paragraphs, ${ROUNDS} rounds, medians\n`);
  const lines = KINDS.map((kind) => {
    const mine = passes.filter((p) => p.kind === kind);
    return {
      metric: 'idb_write',
      kind,
      rows,
      ms: round(median(mine.map((p) => p.ms)), 0),
      browserCpuMs: median(mine.map((p) => p.browserCpuMs)),
      pageCpuMs: median(mine.map((p) => p.pageCpuMs)),
      runsMs: mine.map((p) => round(p.ms, 0)),
    };
  });
  for (const line of lines) process.stdout.write(`  ${line.kind.padEnd(9)} ${String(line.ms).padStart(7)} ms   browser CPU ${String(line.browserCpuMs).padStart(6)} ms   page CPU ${String(line.pageCpuMs).padStart(6)} ms\n`);
  for (const line of lines) process.stdout.write(`${JSON.stringify(line)}\n`);
}

function existsProc(): boolean {
  try {
    readFileSync('/proc/self/stat');
    return true;
  } catch {
    return false;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
