/**
 * Installs the application menu; its commands go to the main window over CHANNELS.menuCommand.
 */
import { Menu, type BrowserWindow } from 'electron';
import { CHANNELS } from '../../src-shared/bridge';
import type { ThemeChoice } from '../services/theme-choice';
import { buildMenuTemplate } from './menu-template';

export interface MenuContext {
  getMainWindow(): BrowserWindow | null;
  isPackaged: boolean;
  appName: string;
  /** View → Appearance. */
  appearance?: { readonly choice: ThemeChoice; choose(choice: ThemeChoice): void };
}

/** Sets the application menu for the whole app. */
export function installMenu(context: MenuContext): void {
  const template = buildMenuTemplate({
    isMac: process.platform === 'darwin',
    isPackaged: context.isPackaged,
    appName: context.appName,
    appearance: context.appearance,
    send: (command) => context.getMainWindow()?.webContents.send(CHANNELS.menuCommand, command),
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
