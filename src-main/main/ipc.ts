/**
 * The main process's side of the bridge: one `ipcMain.handle` per capability. Each
 * handler checks who is asking and what it was sent before doing anything.
 */
import { dialog, ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { CHANNELS, type ArchiveBridge } from '../../src-shared/bridge';
import type { FolderGrants } from '../services/folder-grants';
import type { FolderService } from '../services/folder-service';
import { REFUSED, expectArgCount, expectString, expectStringArray, isTrustedSender } from './ipc-guards';

export interface IpcContext {
  getMainWindow(): BrowserWindow | null;
  folderService: FolderService;
  /** Folders the renderer may list: those picked in the dialog, and the sample folder. */
  grants: FolderGrants;
  sampleFolder: string;
  /** The dev server's URL, only when the app is not packaged. */
  devServerUrl?: string;
}

/** The bridge's methods that are calls to main; onMenuCommand is an event the other way. */
type Invoked = Exclude<keyof ArchiveBridge, 'onMenuCommand'>;
type Handler<K extends Invoked> = (window: BrowserWindow, args: unknown[]) => ReturnType<ArchiveBridge[K]>;

/** Registers the handler of every channel but menuCommand. Call once, when the app is ready. */
export function registerIpcHandlers(context: IpcContext): void {
  const { folderService, grants } = context;

  const handlers: { [K in Invoked]: Handler<K> } = {
    async chooseFolder(window, args) {
      expectArgCount(args, 0);
      const result = await dialog.showOpenDialog(window, { properties: ['openDirectory'] });
      const folder = result.canceled ? undefined : result.filePaths[0];
      if (!folder) return null;
      grants.grant(folder);
      return folder;
    },
    async sampleFolder(_window, args) {
      expectArgCount(args, 0);
      return context.sampleFolder;
    },
    async listFolder(_window, args) {
      expectArgCount(args, 1);
      const root = expectString(args[0], 'The folder');
      if (!grants.allows(root)) throw new Error('Only a folder chosen in the folder dialog, or the sample folder, can be listed.');
      return folderService.listFolder(root);
    },
    async readFiles(_window, args) {
      expectArgCount(args, 2);
      // The service checks the batch size and reads only what its listing of this root returned.
      return folderService.readFiles(expectString(args[0], 'The folder'), expectStringArray(args[1], 'The files to read'));
    },
  };

  const trustedWindow = (event: IpcMainInvokeEvent): BrowserWindow => {
    const window = context.getMainWindow();
    const trusted =
      window !== null &&
      event.sender.id === window.webContents.id &&
      isTrustedSender(event.senderFrame, window.webContents.mainFrame, context.devServerUrl);
    if (!trusted) throw new Error(REFUSED);
    return window;
  };

  for (const name of Object.keys(handlers) as Invoked[]) {
    const handler = handlers[name] as (window: BrowserWindow, args: unknown[]) => Promise<unknown>;
    ipcMain.handle(CHANNELS[name], (event, ...args: unknown[]) => handler(trustedWindow(event), args));
  }
}
