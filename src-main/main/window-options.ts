/**
 * The main window's options. Kept apart from window.ts so the security settings are
 * tested without Electron.
 */
import type { BrowserWindowConstructorOptions } from 'electron';

export const WINDOW_TITLE = 'Letter Archive';

/** Options for the one main window, with its renderer locked down. */
export function mainWindowOptions(preload: string, backgroundColor?: string): BrowserWindowConstructorOptions {
  return {
    title: WINDOW_TITLE,
    width: 1280,
    height: 800,
    // The layout is made and tested to fit 800×600 with nothing cut off and no sideways scroll.
    minWidth: 800,
    minHeight: 600,
    // The page's own background (light or dark), so the window does not flash another colour as it opens.
    ...(backgroundColor ? { backgroundColor } : {}),
    // Shown once the first paint is ready, so the window never flashes blank.
    show: false,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  };
}
