import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_MAX_FILE_BYTES,
  REASON_ALREADY_LISTED,
  REASON_LINK_BROKEN,
  REASON_LINK_LOOP,
  REASON_LINK_OUTSIDE,
  REASON_NOT_REGULAR,
  compareRelativePaths,
  formatBytes,
  tooLargeReason,
  walkFolder,
} from './walk-folder';

let base: string;
let root: string;
let fifoMade = false;

async function write(relative: string, content: string | Buffer): Promise<void> {
  const file = path.join(base, relative);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, content);
}

beforeAll(async () => {
  base = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'walk-folder-')));
  root = path.join(base, 'root');
  await write('outside/secret.txt', 'not yours');
  await write('outside-dir/other.txt', 'not yours either');
  await write('root/a.txt', 'a');
  await write('root/nested/b.txt', 'bb');
  await write('root/nested/deeper/c.txt', 'ccc');
  await write('root/.hidden.txt', 'hidden');
  await write('root/.hidden-dir/x.txt', 'hidden');
  await write('root/.DS_Store', 'mac');
  await write('root/Thumbs.db', 'windows');
  await write('root/nested/desktop.ini', 'windows');
  await write('root/big.txt', Buffer.alloc(2000, 'x'));
  await write('root/edge.txt', Buffer.alloc(1000, 'x'));
  await fs.symlink('../outside/secret.txt', path.join(root, 'link-outside-file'));
  await fs.symlink('../outside-dir', path.join(root, 'link-outside-dir'));
  await fs.symlink(path.join(base, 'outside'), path.join(root, 'link-outside-absolute'));
  await fs.symlink('..', path.join(root, 'nested/up'));
  await fs.symlink('.', path.join(root, 'nested/deeper/self'));
  await fs.symlink('nested/b.txt', path.join(root, 'link-inside-file'));
  await fs.symlink('nested/deeper', path.join(root, 'link-inside-dir'));
  await fs.symlink('.hidden-dir', path.join(root, 'link-to-hidden-dir'));
  await fs.symlink('missing.txt', path.join(root, 'broken-link'));
  try {
    execFileSync('mkfifo', [path.join(root, 'pipe')], { stdio: 'ignore' });
    fifoMade = true;
  } catch {
    fifoMade = false;
  }
});

afterAll(async () => {
  await fs.rm(base, { recursive: true, force: true });
});

describe('walkFolder', () => {
  it('lists regular files inside, follows links that stay inside, and reports the rest', async () => {
    const result = await walkFolder(root, { maxFileBytes: 1000 });

    expect(result.files.map((f) => f.relativePath)).toEqual([
      'a.txt',
      'edge.txt',
      'link-inside-file',
      'link-to-hidden-dir/x.txt',
      'nested/b.txt',
      'nested/deeper/c.txt',
    ]);
    expect(result.files.find((f) => f.relativePath === 'link-inside-file')).toEqual({
      path: path.join(root, 'nested/b.txt'),
      relativePath: 'link-inside-file',
      size: 2,
    });
    expect(result.files.find((f) => f.relativePath === 'edge.txt')?.size).toBe(1000);

    const expectedSkipped = [
      { relativePath: 'big.txt', reason: 'larger than 1000 bytes (the limit for one letter)' },
      { relativePath: 'broken-link', reason: REASON_LINK_BROKEN },
      { relativePath: 'link-inside-dir', reason: REASON_ALREADY_LISTED },
      { relativePath: 'link-outside-absolute', reason: REASON_LINK_OUTSIDE },
      { relativePath: 'link-outside-dir', reason: REASON_LINK_OUTSIDE },
      { relativePath: 'link-outside-file', reason: REASON_LINK_OUTSIDE },
      { relativePath: 'nested/deeper/self', reason: REASON_LINK_LOOP },
      { relativePath: 'nested/up', reason: REASON_LINK_LOOP },
      ...(fifoMade ? [{ relativePath: 'pipe', reason: REASON_NOT_REGULAR }] : []),
    ].sort((a, b) => compareRelativePaths(a.relativePath, b.relativePath));
    expect(result.skipped.map(({ relativePath, reason }) => ({ relativePath, reason }))).toEqual(expectedSkipped);
    for (const entry of result.skipped) expect(entry.path).toBe(path.join(root, entry.relativePath));
  });

  it('never lists anything outside the root', async () => {
    const { files } = await walkFolder(root);
    for (const file of files) {
      expect(file.path.startsWith(root + path.sep)).toBe(true);
      expect(await fs.readFile(file.path, 'utf8')).not.toMatch(/not yours/);
    }
  });

  it('leaves hidden and system files out without reporting them', async () => {
    const { files, skipped } = await walkFolder(root);
    const names = [...files, ...skipped].map((e) => e.relativePath);
    expect(names.filter((n) => /(^|\/)(\.|Thumbs\.db|desktop\.ini)/.test(n))).toEqual([]);
  });

  it('uses a 50 MB cap by default, room for a PDF letter with pictures', async () => {
    expect(DEFAULT_MAX_FILE_BYTES).toBe(50 * 1024 * 1024);
    expect(tooLargeReason(DEFAULT_MAX_FILE_BYTES)).toBe('larger than 50 MB (the limit for one letter)');
    const { files } = await walkFolder(root);
    expect(files.map((f) => f.relativePath)).toContain('big.txt');
  });

  it('gives the same answer through a link to the root', async () => {
    const alias = path.join(base, 'alias');
    await fs.symlink(root, alias);
    expect(await walkFolder(alias, { maxFileBytes: 1000 })).toEqual(await walkFolder(root, { maxFileBytes: 1000 }));
  });

  it('throws a clear error when the root is missing or not a folder', async () => {
    await expect(walkFolder(path.join(base, 'nope'))).rejects.toThrow(/does not exist/);
    await expect(walkFolder(path.join(root, 'a.txt'))).rejects.toThrow(/is not a folder/);
    await expect(walkFolder(root, { maxFileBytes: -1 })).rejects.toThrow(/maxFileBytes/);
  });

  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)('reports unreadable files and folders', async () => {
    const locked = await fs.mkdtemp(path.join(os.tmpdir(), 'walk-locked-'));
    try {
      await fs.mkdir(path.join(locked, 'closed'));
      await fs.writeFile(path.join(locked, 'closed/inside.txt'), 'x');
      await fs.writeFile(path.join(locked, 'secret.txt'), 'x');
      await fs.chmod(path.join(locked, 'closed'), 0o000);
      await fs.chmod(path.join(locked, 'secret.txt'), 0o000);
      const { files, skipped } = await walkFolder(locked);
      expect(files).toEqual([]);
      expect(skipped.map((s) => [s.relativePath, s.reason])).toEqual([
        ['closed', 'folder cannot be read: permission denied'],
        ['secret.txt', 'cannot be read: permission denied'],
      ]);
    } finally {
      await fs.chmod(path.join(locked, 'closed'), 0o755);
      await fs.rm(locked, { recursive: true, force: true });
    }
  });
});

describe('walkFolder with many entries', () => {
  it('lists a large folder in name order with each file\'s size, as a walk one entry at a time would', async () => {
    const many = path.join(base, 'many');
    // More entries than are looked at at once, made in an order unlike their names', with
    // sizes that vary, folders among them, and a link to one of them.
    const names = Array.from({ length: 90 }, (_, i) => `letter-${String((i * 37) % 90).padStart(2, '0')}.txt`);
    for (const [i, name] of names.entries()) await write(`many/${name}`, 'x'.repeat(i + 1));
    for (const folder of ['m-folder', 'Z-folder', 'b-folder']) await write(`many/${folder}/inner.txt`, folder);
    await fs.symlink(path.join(many, 'b-folder'), path.join(many, 'c-link'));
    const { files, skipped } = await walkFolder(many);
    const expected = [...names.map((name, i) => [name, i + 1] as const), ...['m-folder', 'Z-folder', 'b-folder'].map((f) => [`${f}/inner.txt`, f.length] as const)];
    expected.sort((a, b) => compareRelativePaths(a[0], b[0]));
    expect(files.map((f) => [f.relativePath, f.size])).toEqual(expected);
    expect(skipped.map((s) => [s.relativePath, s.reason])).toEqual([['c-link', REASON_ALREADY_LISTED]]);
  });
});

describe('formatBytes', () => {
  it('says sizes the way people do', () => {
    expect(formatBytes(100)).toBe('100 bytes');
    expect(formatBytes(512 * 1024)).toBe('512 KB');
    expect(formatBytes(1.5 * 1024 * 1024)).toBe('1.5 MB');
    expect(formatBytes(20 * 1024 * 1024)).toBe('20 MB');
  });
});

describe('compareRelativePaths', () => {
  it('sorts folder by folder, ignoring case first', () => {
    expect(['a-b', 'a/b', 'B.txt', 'a.txt', 'a'].sort(compareRelativePaths)).toEqual(['a', 'a/b', 'a-b', 'a.txt', 'B.txt']);
  });
});
