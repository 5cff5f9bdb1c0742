import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_READ_BATCH } from '../../src-shared/bridge';
import { REASON_LINK_OUTSIDE } from '../folder/walk-folder';
import { REASON_NOT_LISTED, createFolderService } from './folder-service';

let base: string;
let root: string;

async function write(relative: string, content: string | Buffer): Promise<void> {
  const file = path.join(base, relative);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, content);
}

const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

beforeAll(async () => {
  base = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'folder-service-')));
  root = path.join(base, 'root');
  await write('outside/secret.txt', 'not yours');
  await write('root/a.txt', 'letter a');
  await write('root/nested/b.txt', 'letter b');
  await write('root/.hidden.txt', 'hidden');
  await write('root/big.txt', Buffer.alloc(200, 'x'));
  await write('other/c.txt', 'letter c');
  await fs.symlink(path.join(base, 'outside/secret.txt'), path.join(root, 'link-outside'));
  await fs.symlink('nested/b.txt', path.join(root, 'link-inside'));
});

afterAll(async () => {
  await fs.rm(base, { recursive: true, force: true });
});

describe('listFolder', () => {
  it('lists files with relative paths only, and says why the rest were skipped', async () => {
    const listing = await createFolderService({ maxFileBytes: 100 }).listFolder(root);
    expect(listing).toEqual({
      root,
      files: [
        { relativePath: 'a.txt', size: 8 },
        { relativePath: 'link-inside', size: 8 },
        { relativePath: 'nested/b.txt', size: 8 },
      ],
      skipped: [
        { relativePath: 'big.txt', reason: 'larger than 100 bytes (the limit for one letter)' },
        { relativePath: 'link-outside', reason: REASON_LINK_OUTSIDE },
      ],
    });
  });

  it('refuses anything but an absolute path, and a folder that is not there', async () => {
    const service = createFolderService();
    await expect(service.listFolder(42 as unknown as string)).rejects.toThrow(TypeError);
    await expect(service.listFolder('')).rejects.toThrow(TypeError);
    await expect(service.listFolder('relative/folder')).rejects.toThrow(/absolute/);
    await expect(service.listFolder(`${root}\0`)).rejects.toThrow(TypeError);
    await expect(service.listFolder(path.join(base, 'missing'))).rejects.toThrow(/does not exist/);
  });

  it('rejects a cap that is not a number of bytes', () => {
    expect(() => createFolderService({ maxFileBytes: -1 })).toThrow(/maxFileBytes/);
  });
});

describe('readFiles', () => {
  it('reads listed files in the order asked, through links that stay inside', async () => {
    const service = createFolderService();
    await service.listFolder(root);
    const reads = await service.readFiles(root, ['nested/b.txt', 'a.txt', 'link-inside']);
    expect(reads.map((r) => r.relativePath)).toEqual(['nested/b.txt', 'a.txt', 'link-inside']);
    expect(reads.map((r) => ('bytes' in r ? text(r.bytes) : r.error))).toEqual(['letter b', 'letter a', 'letter b']);
    for (const r of reads) {
      if (!('bytes' in r)) continue;
      expect(Object.getPrototypeOf(r.bytes)).toBe(Uint8Array.prototype);
      expect(r.bytes.byteLength).toBe(r.bytes.buffer.byteLength);
    }
  });

  it('refuses a batch whose listed sizes pass the byte budget, but reads a large file on its own', async () => {
    // "letter a" and "letter b" are 8 bytes each.
    const service = createFolderService({ maxReadBytes: 12 });
    await service.listFolder(root);
    await expect(service.readFiles(root, ['a.txt', 'nested/b.txt'])).rejects.toThrow(/2 files come to 16 bytes.*12 bytes/);
    expect((await service.readFiles(root, ['a.txt'])).map((r) => ('bytes' in r ? text(r.bytes) : r.error))).toEqual(['letter a']);
    const roomy = createFolderService({ maxReadBytes: 16 });
    await roomy.listFolder(root);
    expect(await roomy.readFiles(root, ['a.txt', 'nested/b.txt'])).toHaveLength(2);
  });

  it('refuses paths the listing did not return, including ../ tricks and absolute paths', async () => {
    const service = createFolderService({ maxFileBytes: 100 });
    await service.listFolder(root);
    const asked = [
      '../outside/secret.txt',
      'nested/../a.txt',
      './a.txt',
      'nested\\b.txt',
      path.join(root, 'a.txt'),
      path.join(base, 'outside/secret.txt'),
      '.hidden.txt',
      'big.txt',
      '__proto__',
      'A.TXT',
    ];
    const reads = await service.readFiles(root, asked);
    expect(reads).toEqual(asked.map((relativePath) => ({ relativePath, error: REASON_NOT_LISTED })));
  });

  it('never reads a symbolic link that points outside, even when asked by name', async () => {
    const service = createFolderService();
    const listing = await service.listFolder(root);
    expect(listing.files.map((f) => f.relativePath)).not.toContain('link-outside');
    expect(await service.readFiles(root, ['link-outside'])).toEqual([{ relativePath: 'link-outside', error: REASON_NOT_LISTED }]);
  });

  it('refuses a file swapped for a link outside after it was listed', async () => {
    const folder = path.join(base, 'swapped');
    await write('swapped/letter.txt', 'fine');
    const service = createFolderService();
    await service.listFolder(folder);
    await fs.rm(path.join(folder, 'letter.txt'));
    await fs.symlink(path.join(base, 'outside/secret.txt'), path.join(folder, 'letter.txt'));
    expect(await service.readFiles(folder, ['letter.txt'])).toEqual([{ relativePath: 'letter.txt', error: REASON_LINK_OUTSIDE }]);
  });

  it('reports files that vanished or grew past the cap after listing, and reads the rest', async () => {
    const folder = path.join(base, 'changing');
    await write('changing/gone.txt', 'soon gone');
    await write('changing/grows.txt', 'small');
    await write('changing/stays.txt', 'stays');
    const service = createFolderService({ maxFileBytes: 50 });
    await service.listFolder(folder);
    await fs.rm(path.join(folder, 'gone.txt'));
    await fs.writeFile(path.join(folder, 'grows.txt'), Buffer.alloc(51, 'x'));
    expect(await service.readFiles(folder, ['gone.txt', 'grows.txt', 'stays.txt'])).toEqual([
      { relativePath: 'gone.txt', error: 'disappeared while the folder was being read' },
      { relativePath: 'grows.txt', error: 'larger than 50 bytes (the limit for one letter)' },
      { relativePath: 'stays.txt', bytes: new TextEncoder().encode('stays') },
    ]);
  });

  it('reads only from the listing of the folder named, and only its last listing', async () => {
    const service = createFolderService();
    const other = path.join(base, 'other');
    await service.listFolder(root);
    await service.listFolder(other);
    expect(await service.readFiles(other, ['a.txt'])).toEqual([{ relativePath: 'a.txt', error: REASON_NOT_LISTED }]);
    expect(await service.readFiles(root, ['c.txt'])).toEqual([{ relativePath: 'c.txt', error: REASON_NOT_LISTED }]);

    await write('other/d.txt', 'new');
    expect(await service.readFiles(other, ['d.txt'])).toEqual([{ relativePath: 'd.txt', error: REASON_NOT_LISTED }]);
    await service.listFolder(other);
    expect(await service.readFiles(other, ['d.txt'])).toEqual([{ relativePath: 'd.txt', bytes: new TextEncoder().encode('new') }]);
  });

  it('forgets a listing when listing that folder again fails', async () => {
    const folder = path.join(base, 'vanishing');
    await write('vanishing/x.txt', 'x');
    const service = createFolderService();
    await service.listFolder(folder);
    await fs.rm(folder, { recursive: true });
    await expect(service.listFolder(folder)).rejects.toThrow(/does not exist/);
    await expect(service.readFiles(folder, ['x.txt'])).rejects.toThrow(/has not been listed/);
  });

  it('validates its arguments', async () => {
    const service = createFolderService();
    await service.listFolder(root);
    await expect(service.readFiles(path.join(base, 'other'), ['c.txt'])).rejects.toThrow(/has not been listed/);
    await expect(service.readFiles(root, 'a.txt' as unknown as string[])).rejects.toThrow(TypeError);
    await expect(service.readFiles(root, [1] as unknown as string[])).rejects.toThrow(TypeError);
    await expect(service.readFiles(null as unknown as string, [])).rejects.toThrow(TypeError);
    await expect(service.readFiles(root, Array<string>(MAX_READ_BATCH + 1).fill('a.txt'))).rejects.toThrow(RangeError);
    expect(await service.readFiles(root, Array<string>(MAX_READ_BATCH).fill('a.txt'))).toHaveLength(MAX_READ_BATCH);
    expect(await service.readFiles(`${root}${path.sep}`, [])).toEqual([]);
  });
});
