/**
 * Opens the main window.
 */
import { BrowserWindow } from 'electron';
import { mainWindowOptions } from './window-options';

export interface MainWindowOptions {
  /** The built preload script. */
  preload: string;
  /** The dev server's URL in development, the app scheme's start page otherwise. */
  startUrl: string;
  /** The page's background in the current appearance, shown until it paints. */
  backgroundColor?: string;
}

/** Creates the main window, loads the app and shows it once it has painted. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(options.preload, options.backgroundColor));
  window.once('ready-to-show', () => window.show());
  window.loadURL(options.startUrl).catch((error: unknown) => {
    // The window stays open (and empty) so the person sees something went wrong.
    console.error(`Letter Archive could not load ${options.startUrl}:`, error);
    window.show();
  });
  return window;
}
