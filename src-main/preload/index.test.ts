/**
 * The preload, run against stand-ins for contextBridge and ipcRenderer: vi.mock replaces
 * the 'electron' module, so the real one (which needs the binary) is never loaded.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS, type ArchiveBridge, type MenuCommand } from '../../src-shared/bridge';

type Listener = (event: unknown, ...args: unknown[]) => void;

const fake = vi.hoisted(() => {
  const listeners = new Map<string, Set<Listener>>();
  const exposed: Record<string, unknown> = {};
  return {
    exposed,
    listeners,
    invoke: vi.fn(async (...args: unknown[]) => args),
    emit(channel: string, ...args: unknown[]) {
      for (const l of listeners.get(channel) ?? []) l({ sender: 'the event' }, ...args);
    },
  };
});

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => {
      fake.exposed[key] = api;
    },
  },
  ipcRenderer: {
    invoke: fake.invoke,
    on: (channel: string, listener: Listener) => {
      if (!fake.listeners.has(channel)) fake.listeners.set(channel, new Set());
      fake.listeners.get(channel)?.add(listener);
    },
    removeListener: (channel: string, listener: Listener) => {
      fake.listeners.get(channel)?.delete(listener);
    },
  },
}));

let archive: ArchiveBridge;

beforeAll(async () => {
  await import('./index');
  archive = fake.exposed.archive as ArchiveBridge;
});

describe('preload bridge', () => {
  it('exposes only window.archive, with one method per capability', () => {
    expect(Object.keys(fake.exposed)).toEqual(['archive']);
    expect(Object.keys(archive).sort()).toEqual([
      'appendSave',
      'beginSave',
      'chooseFolder',
      'chooseJsonFolder',
      'finishSave',
      'listFolder',
      'onMenuCommand',
      'openOriginal',
      'print',
      'readFiles',
      'sampleFolder',
      'saveAsPdf',
      'saveCsv',
      'saveJsonInFolder',
    ]);
  });

  it('invokes the channel of each capability with its arguments', async () => {
    expect(await archive.chooseFolder()).toEqual([CHANNELS.chooseFolder]);
    expect(await archive.sampleFolder()).toEqual([CHANNELS.sampleFolder]);
    expect(await archive.listFolder('/letters')).toEqual([CHANNELS.listFolder, '/letters']);
    expect(await archive.readFiles('/letters', ['a.txt'])).toEqual([CHANNELS.readFiles, '/letters', ['a.txt']]);
    const print = { title: 'Walsall 2009', paperSize: 'A4' } as const;
    expect(await archive.print(print)).toEqual([CHANNELS.print, print]);
    const pdf = { ...print, suggestedName: 'Walsall 2009.pdf' };
    expect(await archive.saveAsPdf(pdf)).toEqual([CHANNELS.saveAsPdf, pdf]);
    expect(await archive.openOriginal('/letters', '2009/a.pdf')).toEqual([CHANNELS.openOriginal, '/letters', '2009/a.pdf']);
    const csv = { suggestedName: 'Walsall letters.csv', content: '\uFEFFCouncil\r\nWalsall' };
    expect(await archive.saveCsv(csv)).toEqual([CHANNELS.saveCsv, csv]);
    const save = { kind: 'backup', suggestedName: 'Letter Archive backup' } as const;
    expect(await archive.beginSave(save)).toEqual([CHANNELS.beginSave, save]);
    const piece = new Uint8Array([123, 125]);
    expect(await archive.appendSave('ab', piece)).toEqual([CHANNELS.appendSave, 'ab', piece]);
    expect(await archive.finishSave('ab', true)).toEqual([CHANNELS.finishSave, 'ab', true]);
    expect(await archive.chooseJsonFolder()).toEqual([CHANNELS.chooseJsonFolder]);
    expect(await archive.saveJsonInFolder('cd', 'Coventry', '{}')).toEqual([CHANNELS.saveJsonInFolder, 'cd', 'Coventry', '{}']);
  });

  it('passes only known menu commands to the listener, never the event, until unsubscribed', () => {
    const heard: unknown[][] = [];
    const unsubscribe = archive.onMenuCommand((...args: unknown[]) => heard.push(args));
    fake.emit(CHANNELS.menuCommand, 'import-folder');
    fake.emit(CHANNELS.menuCommand, 'print', 'extra');
    fake.emit(CHANNELS.menuCommand, 'rm -rf');
    fake.emit(CHANNELS.menuCommand, { toString: () => 'print' });
    fake.emit(CHANNELS.menuCommand);
    fake.emit(CHANNELS.menuCommand, 'focus-search' satisfies MenuCommand);
    fake.emit(CHANNELS.menuCommand, 'save-pdf' satisfies MenuCommand);
    expect(heard).toEqual([['import-folder'], ['print'], ['focus-search'], ['save-pdf']]);

    unsubscribe();
    fake.emit(CHANNELS.menuCommand, 'print');
    expect(heard).toHaveLength(4);
    expect(fake.listeners.get(CHANNELS.menuCommand)?.size).toBe(0);
  });

  it('refuses a listener that is not a function', () => {
    expect(() => archive.onMenuCommand('nope' as unknown as (c: MenuCommand) => void)).toThrow(TypeError);
  });
});

const built = fileURLToPath(new URL('../../out/preload/index.cjs', import.meta.url));

describe.skipIf(!fs.existsSync(built))('built preload (out/preload/index.cjs)', () => {
  it('requires nothing but electron, which is all a sandboxed preload can require', () => {
    const requires = [...fs.readFileSync(built, 'utf8').matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]);
    expect(requires.length).toBeGreaterThan(0);
    expect(requires.every((name) => name === 'electron')).toBe(true);
  });
});
