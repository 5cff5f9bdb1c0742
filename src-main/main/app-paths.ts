/**
 * Where the built app's parts and shipped resources are. Pure, so both layouts
 * (a checkout run with electron-vite, a packaged app) are tested without Electron.
 */
import path from 'node:path';

/** The built renderer, next to the built main process (out/main → out/renderer). */
export function rendererDir(mainDir: string): string {
  return path.join(mainDir, '..', 'renderer');
}

/** The built preload script; CommonJS, because a sandboxed preload cannot be an ES module. */
export function preloadPath(mainDir: string): string {
  return path.join(mainDir, '..', 'preload', 'index.cjs');
}

export interface AppLocation {
  /** `app.isPackaged`. */
  isPackaged: boolean;
  /** `process.resourcesPath`: where a packaged app's extra resources are. */
  resourcesPath: string;
  /** `app.getAppPath()`: the folder holding package.json when not packaged. */
  appPath: string;
}

/** The folder of sample letters that ships with the app. */
export function sampleFolderPath(location: AppLocation): string {
  return location.isPackaged
    ? path.join(location.resourcesPath, 'sample-letters')
    : path.join(location.appPath, 'resources', 'sample-letters');
}
