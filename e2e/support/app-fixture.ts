/**
 * The app in Chromium, with `window.archive` backed by the real main-process folder
 * service running in this Node process. Only Electron's IPC transport is stood in for:
 * page.exposeFunction carries the calls, and bytes travel as base64.
 */
import { test as base, expect, type Page } from '@playwright/test';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createFolderService } from '../../src-main/services/folder-service';
import { CHROMIUM_ARGS, findChromium } from './browser-path';
import { serveFolder, type RunningServer } from './static-server';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const SAMPLE_FOLDER = path.join(REPO, 'resources', 'sample-letters');
const RENDERER = path.join(REPO, 'out', 'renderer');
const browser = findChromium();

/** The stand-in for Electron's side of the bridge, steered by the test. */
export interface FakeShell {
  /** What the folder dialog answers next (null: the person cancelled). */
  chooseFolder(folder: string | null): void;
  /** Slows each readFiles call, so a test can cancel an import half-way. */
  slowReads(ms: number): void;
  /** Every folder the service was asked to list. */
  readonly listed: string[];
  /** The files it returned bytes for, relative to the folder they were read from. */
  readFrom(folder: string): string[];
  /** Sends a menu command to the window, as the application menu does. */
  menu(page: Page, command: 'import-folder' | 'print' | 'focus-search'): Promise<void>;
}

type Fixtures = { shell: FakeShell; appUrl: string };
type WorkerFixtures = { server: RunningServer };

export const test = base.extend<Fixtures, WorkerFixtures>({
  server: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await serveFolder(RENDERER);
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  appUrl: async ({ server }, use) => use(server.url),
  launchOptions: async ({ launchOptions }, use) => {
    await use({ ...launchOptions, executablePath: browser.path, args: [...CHROMIUM_ARGS, ...(launchOptions.args ?? [])] });
  },
  shell: async ({ page }, use) => {
    const service = createFolderService();
    let chosen: string | null = null;
    let delay = 0;
    const listed: string[] = [];
    const read: { root: string; file: string }[] = [];
    await page.exposeFunction('__archiveCall', async (method: string, args: unknown[]) => {
      switch (method) {
        case 'chooseFolder':
          return chosen;
        case 'sampleFolder':
          return SAMPLE_FOLDER;
        case 'listFolder': {
          listed.push(String(args[0]));
          return service.listFolder(String(args[0]));
        }
        case 'readFiles': {
          if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
          const results = await service.readFiles(String(args[0]), args[1] as string[]);
          return results.map((r) => {
            if ('error' in r) return r;
            read.push({ root: String(args[0]), file: r.relativePath });
            return { relativePath: r.relativePath, base64: Buffer.from(r.bytes).toString('base64') };
          });
        }
        default:
          throw new Error(`no such bridge method: ${method}`);
      }
    });
    await page.addInitScript(() => {
      type Call = (method: string, args: unknown[]) => Promise<unknown>;
      const call = (window as unknown as { __archiveCall: Call }).__archiveCall;
      const listeners = new Set<(command: string) => void>();
      (window as unknown as { __menu: (c: string) => void }).__menu = (command) => listeners.forEach((l) => l(command));
      const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
      Object.defineProperty(window, 'archive', {
        value: Object.freeze({
          chooseFolder: () => call('chooseFolder', []),
          sampleFolder: () => call('sampleFolder', []),
          listFolder: (root: string) => call('listFolder', [root]),
          readFiles: async (root: string, paths: string[]) =>
            ((await call('readFiles', [root, paths])) as { relativePath: string; base64?: string; error?: string }[]).map((r) =>
              r.base64 === undefined ? r : { relativePath: r.relativePath, bytes: fromBase64(r.base64) },
            ),
          onMenuCommand: (listener: (command: string) => void) => {
            listeners.add(listener);
            return () => listeners.delete(listener);
          },
        }),
      });
    });
    await use({
      chooseFolder: (folder) => (chosen = folder),
      slowReads: (ms) => (delay = ms),
      listed,
      readFrom: (folder) => read.filter((r) => r.root === folder).map((r) => r.file),
      menu: (p, command) => p.evaluate((c) => (window as unknown as { __menu: (c: string) => void }).__menu(c), command),
    });
  },
});

test.beforeEach(() => {
  if (!browser.path) console.log(`Chromium spec skipped: ${browser.reason}`);
  test.skip(!browser.path, browser.reason);
});

export { expect };
