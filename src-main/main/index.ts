/**
 * The main process: app lifecycle, the one window, and wiring the pieces together.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BrowserWindow, app, session } from 'electron';
import { createFolderGrants } from '../services/folder-grants';
import { loadRememberedFolders, saveRememberedFolders } from '../services/remembered-folders';
import { createFolderService } from '../services/folder-service';
import { preloadPath, rendererDir, sampleFolderPath } from './app-paths';
import { registerAppScheme, serveRenderer } from './app-scheme';
import { registerIpcHandlers } from './ipc';
import { installMenu } from './menu';
import { APP_START_URL } from './navigation';
import { denyAllPermissions, hardenWebContents } from './security';
import { installTheme } from './theme';
import { createMainWindow } from './window';
import { WINDOW_TITLE } from './window-options';

// All of this must happen before the app is ready.
registerAppScheme();
app.enableSandbox();
const userData = process.env.LETTER_ARCHIVE_USER_DATA;
// Lets end-to-end tests give each run a fresh archive; a packaged app ignores it, so no
// environment variable can point a user's app at another archive.
if (userData && path.isAbsolute(userData) && !app.isPackaged) app.setPath('userData', userData);

if (app.requestSingleInstanceLock()) {
  start();
} else {
  // Another copy is running and has been told to come to the front; two copies would share one database.
  app.quit();
}

function start(): void {
  const mainDir = path.dirname(fileURLToPath(import.meta.url));
  // electron-vite dev sets this; a packaged app never loads from a server.
  const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL || undefined;
  const sampleFolder = sampleFolderPath({ isPackaged: app.isPackaged, resourcesPath: process.resourcesPath, appPath: app.getAppPath() });
  // Read once app paths are final (userData may have been moved above).
  const rememberedFile = path.join(app.getPath('userData'), 'chosen-folders.json');
  const grants = createFolderGrants({
    folders: loadRememberedFolders(rememberedFile),
    save: (folders) => void saveRememberedFolders(rememberedFile, folders),
  });
  // The sample folder moves when the app is updated: granted afresh each run, never remembered.
  grants.grant(sampleFolder, { remember: false });

  let mainWindow: BrowserWindow | null = null;
  const getMainWindow = (): BrowserWindow | null => (mainWindow && !mainWindow.isDestroyed() ? mainWindow : null);
  // Light, dark or the system's appearance, as last chosen in View → Appearance.
  const theme = installTheme(app.getPath('userData'), getMainWindow);
  const openMainWindow = (): void => {
    const window = createMainWindow({ preload: preloadPath(mainDir), startUrl: devServerUrl ?? APP_START_URL, backgroundColor: theme.background() });
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null;
    });
    mainWindow = window;
  };

  hardenWebContents(devServerUrl);

  app.on('second-instance', () => {
    const window = getMainWindow();
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (app.isReady() && !getMainWindow()) openMainWindow();
  });

  app
    .whenReady()
    .then(() => {
      denyAllPermissions(session.defaultSession);
      serveRenderer(rendererDir(mainDir));
      registerIpcHandlers({ getMainWindow, folderService: createFolderService(), grants, sampleFolder, devServerUrl });
      installMenu({ getMainWindow, isPackaged: app.isPackaged, appName: WINDOW_TITLE, appearance: theme });
      openMainWindow();
    })
    .catch((error: unknown) => {
      console.error('Letter Archive could not start:', error);
      app.exit(1);
    });
}
