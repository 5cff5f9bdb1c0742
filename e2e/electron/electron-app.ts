/**
 * Launching the real app with Playwright's Electron support, for the specs in this folder.
 * It needs the Electron binary, which `npm install` downloads on a normal machine; where it
 * is missing, or the app is not built, the specs say so and skip.
 */
import { _electron as electron, test, type ElectronApplication } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));

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
// package.json's "main" points into out/, whatever LETTER_ARCHIVE_OUT says.
const built = existsSync(path.join(REPO, 'out', 'main', 'index.js'));

/** Skips the current test, saying why, unless the binary is installed and the app built. */
export function skipWithoutElectron(): void {
  // Playwright's list reporter does not show skip reasons, so say it plainly.
  if (!binary.path) console.log(`Electron spec skipped: ${binary.reason}`);
  test.skip(!binary.path, binary.reason);
  test.skip(!built, 'the app is not built: run npm run build first');
}

/** Opens the app on a fresh, empty data folder, runs `body`, then closes it and removes the folder. */
export async function withApp(body: (app: ElectronApplication) => Promise<void>): Promise<void> {
  const userData = mkdtempSync(path.join(os.tmpdir(), 'letter-archive-electron-'));
  const app = await electron.launch({
    executablePath: binary.path,
    args: [REPO, `--user-data-dir=${userData}`],
    env: { ...process.env, LETTER_ARCHIVE_USER_DATA: userData },
  });
  try {
    await body(app);
  } finally {
    await app.close();
    rmSync(userData, { recursive: true, force: true });
  }
}
