import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from './window-options';

describe('mainWindowOptions', () => {
  const options = mainWindowOptions('/app/out/preload/index.cjs');

  it('sizes and names the window', () => {
    expect(options).toMatchObject({ title: 'Letter Archive', width: 1280, height: 800, minWidth: 900, minHeight: 600 });
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
