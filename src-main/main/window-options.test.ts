import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from './window-options';

describe('mainWindowOptions', () => {
  const options = mainWindowOptions('/app/out/preload/index.cjs');

  it('sizes and names the window', () => {
    expect(options).toMatchObject({ title: 'Letter Archive', width: 1280, height: 800, minWidth: 800, minHeight: 600 });
    expect(options.backgroundColor).toBeUndefined();
  });

  it('opens in the background colour it is given, so a dark window does not flash white', () => {
    expect(mainWindowOptions('/p', '#121519').backgroundColor).toBe('#121519');
  });

  it('isolates and sandboxes the renderer, with the preload as its only bridge', () => {
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
  });
});
