import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  outputDir: '../test-results',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  // One worker: the machines are small and each test drives a whole browser.
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: { viewport: { width: 1280, height: 800 }, trace: 'retain-on-failure' },
  projects: [
    { name: 'chromium', testDir: './app', use: { browserName: 'chromium' } },
    { name: 'electron', testDir: './electron' },
  ],
});
