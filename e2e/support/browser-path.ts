/** Finds a Chromium to test in: CHROMIUM_PATH, Debian's /usr/bin/chromium, or Playwright's own download. */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export interface BrowserChoice {
  path: string | undefined;
  /** Why the browser tests are skipped, when there is no browser. */
  reason: string;
}

export function findChromium(): BrowserChoice {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const candidate of candidates) if (candidate && existsSync(candidate)) return { path: candidate, reason: '' };
  try {
    const own = chromium.executablePath();
    if (own && existsSync(own)) return { path: own, reason: '' };
  } catch {
    // Playwright has no browser of its own here.
  }
  return {
    path: undefined,
    reason:
      'no Chromium found: set CHROMIUM_PATH, install Debian\'s "chromium" package, or run "npx playwright install chromium"',
  };
}

/** Flags for Chromium on a machine with no network and no GPU. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
