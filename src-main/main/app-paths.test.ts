import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { preloadPath, rendererDir, sampleFolderPath } from './app-paths';

const repo = fileURLToPath(new URL('../../', import.meta.url));

describe('app paths', () => {
  it('finds the renderer and preload next to the built main process', () => {
    const mainDir = path.join(repo, 'out', 'main');
    expect(rendererDir(mainDir)).toBe(path.join(repo, 'out', 'renderer'));
    expect(preloadPath(mainDir)).toBe(path.join(repo, 'out', 'preload', 'index.cjs'));
  });

  it('finds the sample letters in the checkout and in a packaged app', () => {
    const unpackaged = sampleFolderPath({ isPackaged: false, resourcesPath: '/ignored', appPath: repo });
    expect(unpackaged).toBe(path.join(repo, 'resources', 'sample-letters'));
    expect(fs.statSync(unpackaged).isDirectory()).toBe(true);
    expect(sampleFolderPath({ isPackaged: true, resourcesPath: path.resolve('/opt/app/resources'), appPath: '/ignored' })).toBe(
      path.join(path.resolve('/opt/app/resources'), 'sample-letters'),
    );
  });
});
