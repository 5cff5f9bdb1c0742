/**
 * Installs the application menu; its commands go to the main window over CHANNELS.menuCommand.
 */
import { Menu, type BrowserWindow } from 'electron';
import { CHANNELS } from '../../src-shared/bridge';
import { buildMenuTemplate } from './menu-template';

export interface MenuContext {
  getMainWindow(): BrowserWindow | null;
  isPackaged: boolean;
  appName: string;
}

/** Sets the application menu for the whole app. */
export function installMenu(context: MenuContext): void {
  const template = buildMenuTemplate({
    isMac: process.platform === 'darwin',
    isPackaged: context.isPackaged,
    appName: context.appName,
    send: (command) => context.getMainWindow()?.webContents.send(CHANNELS.menuCommand, command),
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
