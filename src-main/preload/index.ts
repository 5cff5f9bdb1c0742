/**
 * The bridge: `window.archive`, one method per capability, and nothing else.
 *
 * A sandboxed preload can require only 'electron'; CHANNELS and MENU_COMMANDS are plain
 * constants that the build inlines, and everything else from bridge.ts is a type.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CHANNELS, MENU_COMMANDS, type ArchiveBridge, type MenuCommand } from '../../src-shared/bridge';

function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}

const bridge = {
  chooseFolder: () => ipcRenderer.invoke(CHANNELS.chooseFolder),
  sampleFolder: () => ipcRenderer.invoke(CHANNELS.sampleFolder),
  listFolder: (root) => ipcRenderer.invoke(CHANNELS.listFolder, root),
  readFiles: (root, relativePaths) => ipcRenderer.invoke(CHANNELS.readFiles, root, relativePaths),
  print: (request) => ipcRenderer.invoke(CHANNELS.print, request),
  saveAsPdf: (request) => ipcRenderer.invoke(CHANNELS.saveAsPdf, request),
  openOriginal: (root, relativePath) => ipcRenderer.invoke(CHANNELS.openOriginal, root, relativePath),
  saveCsv: (request) => ipcRenderer.invoke(CHANNELS.saveCsv, request),
  beginSave: (request) => ipcRenderer.invoke(CHANNELS.beginSave, request),
  appendSave: (handle, bytes) => ipcRenderer.invoke(CHANNELS.appendSave, handle, bytes),
  finishSave: (handle, keep) => ipcRenderer.invoke(CHANNELS.finishSave, handle, keep),
  chooseJsonFolder: () => ipcRenderer.invoke(CHANNELS.chooseJsonFolder),
  saveJsonInFolder: (handle, fileName, content) => ipcRenderer.invoke(CHANNELS.saveJsonInFolder, handle, fileName, content),
  onMenuCommand(listener) {
    if (typeof listener !== 'function') throw new TypeError('onMenuCommand needs a function.');
    // The page gets the command alone: the event would hand it the sender and its methods.
    const handler = (_event: IpcRendererEvent, command: unknown): void => {
      if (isMenuCommand(command)) listener(command);
    };
    ipcRenderer.on(CHANNELS.menuCommand, handler);
    return () => {
      ipcRenderer.removeListener(CHANNELS.menuCommand, handler);
    };
  },
} satisfies ArchiveBridge;

contextBridge.exposeInMainWorld('archive', bridge);
