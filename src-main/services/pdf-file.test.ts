import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { describeWriteError, writePdfFile } from './pdf-file';

let base: string;

const pdf = (text: string): Uint8Array => new TextEncoder().encode(`%PDF-1.7\n${text}\n%%EOF\n`);
const read = async (file: string): Promise<string> => fs.readFile(file, 'utf8');

/** What is in a folder, hidden files included: nothing may be left behind. */
const contents = async (folder: string): Promise<string[]> => (await fs.readdir(folder)).sort();

async function freshFolder(name: string): Promise<string> {
  const folder = path.join(base, name);
  await fs.mkdir(folder, { recursive: true });
  return folder;
}

beforeAll(async () => {
  base = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'pdf-file-')));
});

afterAll(async () => {
  await fs.rm(base, { recursive: true, force: true });
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('writePdfFile', () => {
  it('writes the PDF and leaves nothing else in the folder', async () => {
    const folder = await freshFolder('new');
    const target = path.join(folder, 'Coventry 2007.pdf');
    await writePdfFile(target, pdf('one'));
    expect(await read(target)).toContain('one');
    expect(await contents(folder)).toEqual(['Coventry 2007.pdf']);
  });

  it('replaces an existing file whole, keeping its permissions', async () => {
    const folder = await freshFolder('replace');
    const target = path.join(folder, 'summary.pdf');
    await fs.writeFile(target, pdf('old'), { mode: 0o640 });
    await fs.chmod(target, 0o640);
    await writePdfFile(target, pdf('new'));
    expect(await read(target)).toContain('new');
    expect(await read(target)).not.toContain('old');
    expect((await fs.stat(target)).mode & 0o777).toBe(0o640);
    expect(await contents(folder)).toEqual(['summary.pdf']);
  });

  it('refuses empty data and data that is not a PDF, leaving an existing file alone', async () => {
    const folder = await freshFolder('refuse');
    const target = path.join(folder, 'keep.pdf');
    await fs.writeFile(target, pdf('keep'));
    await expect(writePdfFile(target, new Uint8Array())).rejects.toThrow(`Could not save "${target}": the PDF is empty.`);
    await expect(writePdfFile(target, new TextEncoder().encode('<html>not a pdf</html>'))).rejects.toThrow(
      `Could not save "${target}": the data is not a PDF.`,
    );
    await expect(writePdfFile(target, new TextEncoder().encode('%PD'))).rejects.toThrow(/not a PDF/);
    await expect(writePdfFile(target, 'not bytes' as unknown as Uint8Array)).rejects.toThrow(/empty/);
    expect(await read(target)).toContain('keep');
    expect(await contents(folder)).toEqual(['keep.pdf']);
  });

  it('refuses a relative or malformed path', async () => {
    await expect(writePdfFile('summary.pdf', pdf('x'))).rejects.toThrow(/absolute path/);
    await expect(writePdfFile('', pdf('x'))).rejects.toThrow(TypeError);
    await expect(writePdfFile(`${base}/a\0.pdf`, pdf('x'))).rejects.toThrow(TypeError);
    await expect(writePdfFile(42 as unknown as string, pdf('x'))).rejects.toThrow(TypeError);
  });

  it('says so when the folder does not exist', async () => {
    const target = path.join(base, 'missing', 'summary.pdf');
    await expect(writePdfFile(target, pdf('x'))).rejects.toThrow(`Could not save "${target}": the folder does not exist.`);
  });

  it('refuses to replace a folder', async () => {
    const folder = await freshFolder('folder-target');
    const target = await freshFolder('folder-target/summary.pdf');
    await expect(writePdfFile(target, pdf('x'))).rejects.toThrow(/a folder of that name is already there/);
    expect(await contents(folder)).toEqual(['summary.pdf']);
  });

  it('leaves the old file and no temporary file behind when the last step fails', async () => {
    const folder = await freshFolder('rename-fails');
    const target = path.join(folder, 'summary.pdf');
    await fs.writeFile(target, pdf('old'));
    vi.spyOn(fs, 'rename').mockRejectedValueOnce(Object.assign(new Error('no space'), { code: 'ENOSPC' }));
    await expect(writePdfFile(target, pdf('new'))).rejects.toThrow(`Could not save "${target}": the disk is full.`);
    expect(await read(target)).toContain('old');
    expect(await contents(folder)).toEqual(['summary.pdf']);
  });

  it('leaves no temporary file behind when writing fails half-way', async () => {
    const folder = await freshFolder('write-fails');
    const target = path.join(folder, 'summary.pdf');
    const open = fs.open.bind(fs);
    vi.spyOn(fs, 'open').mockImplementationOnce(async (...args: Parameters<typeof fs.open>) => {
      const handle = await open(...args);
      vi.spyOn(handle, 'sync').mockRejectedValueOnce(Object.assign(new Error('i/o'), { code: 'EIO' }));
      return handle;
    });
    await expect(writePdfFile(target, pdf('new'))).rejects.toThrow(/input\/output error/);
    expect(await contents(folder)).toEqual([]);
  });

  it('says permission denied where the folder is read-only', async () => {
    // Root can write anywhere, so there is nothing to see there.
    if (process.getuid?.() === 0 || process.platform === 'win32') return;
    const folder = await freshFolder('read-only');
    await fs.chmod(folder, 0o555);
    try {
      await expect(writePdfFile(path.join(folder, 'summary.pdf'), pdf('x'))).rejects.toThrow(/permission denied/);
    } finally {
      await fs.chmod(folder, 0o755);
    }
    expect(await contents(folder)).toEqual([]);
  });
});

describe('describeWriteError', () => {
  it('explains common errors and passes others on', () => {
    expect(describeWriteError(Object.assign(new Error('x'), { code: 'EROFS' }))).toBe('the disk is read-only');
    expect(describeWriteError(Object.assign(new Error('x'), { code: 'EACCES' }))).toBe('permission denied');
    expect(describeWriteError(Object.assign(new Error('x'), { code: 'EWEIRD' }))).toBe('EWEIRD');
    expect(describeWriteError(new Error('odd failure'))).toBe('odd failure');
  });
});
