// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { MAX_READ_BATCH, MAX_READ_BYTES, type ArchiveBridge } from '../../../src-shared/bridge';
import { MAX_FILE_BYTES, SAME_PATH_REASON, TOO_LARGE_REASON, bridgeSource, droppedItemsSource, fileListSource, getAsEntries, readBatches } from './sources';

function file(name: string, content: string, relativePath = ''): File {
  const made = new File([content], name);
  Object.defineProperty(made, 'webkitRelativePath', { value: relativePath });
  return made;
}

/** A file that claims to be bigger than it is, so the size cap can be tested without allocating it. */
function hugeFile(name: string): File {
  const made = file(name, 'x');
  Object.defineProperty(made, 'size', { value: MAX_FILE_BYTES + 1 });
  return made;
}

describe('bridgeSource', () => {
  it('lists through the bridge and reads in batches the bridge allows', async () => {
    const calls: string[][] = [];
    const paths = Array.from({ length: MAX_READ_BATCH + 5 }, (_, i) => `f${i}.txt`);
    const bridge = {
      listFolder: async (root: string) => ({
        root,
        files: [{ relativePath: 'a.txt', size: 3 }],
        skipped: [{ relativePath: 'link', reason: 'symbolic link loop' }],
      }),
      readFiles: async (_root: string, relativePaths: string[]) => {
        calls.push(relativePaths);
        return relativePaths.map((relativePath) => ({ relativePath, bytes: new Uint8Array([1]) }));
      },
    } as unknown as ArchiveBridge;
    const source = bridgeSource(bridge, '/letters');
    expect(source.label).toBe('/letters');
    expect(await source.list()).toEqual({ files: [{ relativePath: 'a.txt', size: 3 }], skipped: [{ file: 'link', reason: 'symbolic link loop' }] });
    const read = await source.read(paths);
    expect(read.map((r) => r.relativePath)).toEqual(paths);
    expect(calls.map((c) => c.length)).toEqual([MAX_READ_BATCH, 5]);
    expect(bridgeSource(bridge, '/letters', 'My letters').label).toBe('My letters');
  });

  it('leaves out of the listing the files it is told to, so they are neither read nor reported', async () => {
    const bridge = {
      listFolder: async (root: string) => ({ root, files: [{ relativePath: 'a.txt', size: 3 }, { relativePath: 'SOURCE.md', size: 9 }], skipped: [] }),
    } as unknown as ArchiveBridge;
    expect((await bridgeSource(bridge, '/samples', 'Sample letters', (f) => f !== 'SOURCE.md').list()).files).toEqual([{ relativePath: 'a.txt', size: 3 }]);
  });
});

describe('readBatches', () => {
  const MB = 1024 * 1024;

  it('keeps each batch within the bridge’s count and byte budget, in order, a large file alone', () => {
    const sizes = new Map([
      ['a', 20 * MB],
      ['b', 10 * MB],
      ['c', 5 * MB],
      ['big', MAX_READ_BYTES + 1],
      ['d', 1],
    ]);
    const batches = readBatches(['a', 'b', 'c', 'big', 'd'], (p) => sizes.get(p)!);
    expect(batches).toEqual([['a', 'b'], ['c'], ['big'], ['d']]);
    for (const batch of batches) {
      const bytes = batch.reduce((n, p) => n + sizes.get(p)!, 0);
      expect(batch.length === 1 || bytes <= MAX_READ_BYTES).toBe(true);
    }
    expect(readBatches([], () => 0)).toEqual([]);
    expect(readBatches(Array.from({ length: MAX_READ_BATCH * 2 + 1 }, (_, i) => `f${i}`), () => 10).map((b) => b.length)).toEqual([MAX_READ_BATCH, MAX_READ_BATCH, 1]);
  });
});

describe('fileListSource', () => {
  it('uses the path inside the chosen folder, leaves hidden files out and reports large ones', async () => {
    const source = fileListSource(
      [
        file('b.txt', 'bee', 'letters/b.txt'),
        file('a.txt', 'ay', 'letters/a.txt'),
        file('.DS_Store', 'mac', 'letters/.DS_Store'),
        file('x.txt', 'hidden folder', 'letters/.git/x.txt'),
        file('loose.txt', 'no folder'),
        hugeFile('big.txt'),
      ],
      'Picked folder',
    );
    const listing = await source.list();
    expect(listing.files).toEqual([
      { relativePath: 'letters/a.txt', size: 2 },
      { relativePath: 'letters/b.txt', size: 3 },
      { relativePath: 'loose.txt', size: 9 },
    ]);
    expect(listing.skipped).toEqual([{ file: 'big.txt', reason: TOO_LARGE_REASON }]);
    const read = await source.read(['letters/a.txt', 'nope.txt']);
    expect(read[0]).toEqual({ relativePath: 'letters/a.txt', bytes: new TextEncoder().encode('ay') });
    expect(read[1]).toMatchObject({ relativePath: 'nope.txt', error: expect.any(String) });
  });

  it('reports a second file with the same path', async () => {
    const listing = await fileListSource([file('a.txt', '1'), file('a.txt', '2')], 'Files').list();
    expect(listing.files).toHaveLength(1);
    expect(listing.skipped).toEqual([{ file: 'a.txt', reason: SAME_PATH_REASON }]);
  });
});

/** Stand-ins for the File System API entries a drop gives. */
function fileEntry(fullPath: string, content: string): FileSystemFileEntry {
  const name = fullPath.split('/').pop()!;
  return { isFile: true, isDirectory: false, name, fullPath, file: (ok: (f: File) => void) => ok(file(name, content)) } as unknown as FileSystemFileEntry;
}

function dirEntry(fullPath: string, children: FileSystemEntry[], opts: { failRead?: boolean } = {}): FileSystemDirectoryEntry {
  const name = fullPath.split('/').pop()!;
  return {
    isFile: false,
    isDirectory: true,
    name,
    fullPath,
    createReader() {
      // Like Chrome: a few entries per call, then an empty batch.
      let given = 0;
      return {
        readEntries(ok: (entries: FileSystemEntry[]) => void, fail: (error: Error) => void) {
          if (opts.failRead) return fail(new Error('access denied'));
          const batch = children.slice(given, given + 2);
          given += batch.length;
          queueMicrotask(() => ok(batch));
        },
      };
    },
  } as unknown as FileSystemDirectoryEntry;
}

describe('droppedItemsSource', () => {
  const tree = [
    dirEntry('/drop', [
      fileEntry('/drop/one.txt', '1'),
      fileEntry('/drop/two.txt', '22'),
      fileEntry('/drop/.hidden', 'h'),
      dirEntry('/drop/sub', [fileEntry('/drop/sub/three.txt', '333'), fileEntry('/drop/sub/four.txt', '4444'), fileEntry('/drop/sub/five.txt', '5')]),
      dirEntry('/drop/locked', [], { failRead: true }),
    ]),
    fileEntry('/loose.txt', 'loose'),
  ];

  it('walks dropped folders recursively', async () => {
    const source = await droppedItemsSource(tree);
    expect(source.label).toBe('Dropped files');
    const listing = await source.list();
    expect(listing.files.map((f) => f.relativePath)).toEqual([
      'drop/one.txt',
      'drop/sub/five.txt',
      'drop/sub/four.txt',
      'drop/sub/three.txt',
      'drop/two.txt',
      'loose.txt',
    ]);
    expect(listing.skipped).toEqual([{ file: 'drop/locked', reason: 'folder cannot be read (access denied)' }]);
    const [read] = await source.read(['drop/sub/four.txt']);
    expect(read).toEqual({ relativePath: 'drop/sub/four.txt', bytes: new TextEncoder().encode('4444') });
  });

  it('takes the entries from a DataTransfer synchronously', async () => {
    const items = [
      { kind: 'file', webkitGetAsEntry: () => tree[1] },
      { kind: 'string', webkitGetAsEntry: () => null },
    ];
    const list = { ...items, length: items.length } as unknown as DataTransferItemList;
    expect(getAsEntries(list)).toEqual([tree[1]]);
    expect(getAsEntries({ items: list } as unknown as DataTransfer)).toEqual([tree[1]]);
    const listing = await (await droppedItemsSource(list, 'Drop')).list();
    expect(listing.files.map((f) => f.relativePath)).toEqual(['loose.txt']);
  });
});
