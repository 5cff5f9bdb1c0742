/**
 * The real app, launched with Playwright's Electron support. It needs the Electron binary,
 * which `npm install` downloads on a normal machine; where it is missing the spec says so.
 */
import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

function electronBinary(): { path?: string; reason: string } {
  try {
    const binary = createRequire(import.meta.url)('electron') as unknown as string;
    if (typeof binary === 'string' && existsSync(binary)) return { path: binary, reason: '' };
    return { reason: `the Electron binary is not installed (${binary})` };
  } catch (error) {
    return { reason: `the Electron binary is not installed: ${(error as Error).message.split('\n')[0]}` };
  }
}

const binary = electronBinary();
const built = existsSync(path.join(REPO, 'out', 'main', 'index.js'));

test('the app opens with the sample letters and reads the Coventry 2007 letter', async () => {
  // Playwright's list reporter does not show skip reasons, so say it plainly.
  if (!binary.path) console.log(`Electron spec skipped: ${binary.reason}`);
  test.skip(!binary.path, binary.reason);
  test.skip(!built, 'the app is not built: run npm run build first');
  const userData = mkdtempSync(path.join(os.tmpdir(), 'letter-archive-electron-'));
  const app = await electron.launch({
    executablePath: binary.path,
    args: [REPO, `--user-data-dir=${userData}`],
    env: { ...process.env, LETTER_ARCHIVE_USER_DATA: userData },
  });
  try {
    const window = await app.firstWindow();
    const councils = window.getByRole('listbox', { name: 'Councils' });
    await expect(councils.getByRole('option')).toHaveCount(4);
    await councils.getByRole('option', { name: /Coventry/ }).click();
    await expect(window.getByRole('listbox', { name: 'Letters' }).getByRole('option')).toHaveCount(2);
    expect(await window.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    expect(await window.evaluate(() => Object.keys((window as unknown as { archive: object }).archive).sort())).toEqual([
      'chooseFolder',
      'listFolder',
      'onMenuCommand',
      'readFiles',
      'sampleFolder',
    ]);
  } finally {
    await app.close();
    rmSync(userData, { recursive: true, force: true });
  }
});
