import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRememberedFolders, saveRememberedFolders } from './remembered-folders';

describe('remembered folders file', () => {
  it('keeps the list from one run to the next, and reads a missing or damaged file as no folders', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'remembered-'));
    const file = path.join(dir, 'chosen-folders.json');
    expect(loadRememberedFolders(file)).toEqual([]);
    await saveRememberedFolders(file, ['/a', '/b']);
    expect(loadRememberedFolders(file)).toEqual(['/a', '/b']);
    await fs.writeFile(file, '{"folders": [1, "/c"]}');
    expect(loadRememberedFolders(file)).toEqual(['/c']);
    await fs.writeFile(file, 'not json');
    expect(loadRememberedFolders(file)).toEqual([]);
    expect(await fs.readdir(dir)).toEqual(['chosen-folders.json']);
    await fs.rm(dir, { recursive: true });
  });
});
