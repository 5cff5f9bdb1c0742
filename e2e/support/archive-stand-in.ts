/**
 * `window.archive` in plain Chromium, backed by the real main-process folder service
 * running in this Node process. Only Electron's IPC transport is stood in for:
 * page.exposeFunction carries the calls, and bytes travel as base64.
 *
 * Shared by the Playwright fixture (app-fixture.ts) and the search benchmark
 * (src-main/cli/bench-search.ts), so both drive the app through the same bridge.
 * Written without DOM types, as the benchmark is compiled without them.
 */
import type { Page } from '@playwright/test';
import { createFolderService } from '../../src-main/services/folder-service';

export interface StandInOptions {
  /** What `sampleFolder()` answers. */
  sampleFolder: string;
  /** What the folder dialog answers now (null: the person cancelled). */
  chosenFolder(): string | null;
  /** Milliseconds to wait before each readFiles call (0: none). */
  readDelayMs?(): number;
  /** Told of every folder the service is asked to list, before it lists it. */
  onList?(root: string): void;
  /** Told of every file whose bytes are handed over, relative to the folder read from. */
  onRead?(root: string, relativePath: string): void;
}

/** Installs the bridge on every page the `page` loads from now on. */
export async function installArchiveStandIn(page: Page, options: StandInOptions): Promise<void> {
  const service = createFolderService();
  await page.exposeFunction('__archiveCall', async (method: string, args: unknown[]) => {
    switch (method) {
      case 'chooseFolder':
        return options.chosenFolder();
      case 'sampleFolder':
        return options.sampleFolder;
      case 'listFolder': {
        options.onList?.(String(args[0]));
        return service.listFolder(String(args[0]));
      }
      case 'readFiles': {
        const delay = options.readDelayMs?.() ?? 0;
        if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
        const results = await service.readFiles(String(args[0]), args[1] as string[]);
        return results.map((r) => {
          if ('error' in r) return r;
          options.onRead?.(String(args[0]), r.relativePath);
          return { relativePath: r.relativePath, base64: Buffer.from(r.bytes).toString('base64') };
        });
      }
      default:
        throw new Error(`no such bridge method: ${method}`);
    }
  });
  await page.addInitScript(() => {
    type Call = (method: string, args: unknown[]) => Promise<unknown>;
    // The page's window, typed for just what is used here.
    const page = globalThis as unknown as { __archiveCall: Call; __menu: (c: string) => void };
    const call = page.__archiveCall;
    const listeners = new Set<(command: string) => void>();
    page.__menu = (command) => listeners.forEach((l) => l(command));
    const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
    Object.defineProperty(page, 'archive', {
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
}
