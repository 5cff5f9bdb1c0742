/**
 * The application menu as data. Kept apart from menu.ts so it is tested without Electron.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../src-shared/bridge';
import type { ThemeChoice } from '../services/theme-choice';

export interface MenuTemplateOptions {
  /** macOS keeps Quit and About in an app menu of its own. */
  isMac: boolean;
  /** Developer tools are offered only in a checkout, never to people using the app. */
  isPackaged: boolean;
  appName: string;
  /** Sends a command to the window. */
  send(command: MenuCommand): void;
  /** View → Appearance: light, dark or the system's; left out when not given. */
  appearance?: {
    choice: ThemeChoice;
    choose(choice: ThemeChoice): void;
  };
}

const APPEARANCES: { choice: ThemeChoice; label: string }[] = [
  { choice: 'light', label: 'Light' },
  { choice: 'dark', label: 'Dark' },
  { choice: 'system', label: 'Use system setting' },
];

/** Radio items for the window's appearance; the window's prefers-color-scheme follows the one chosen. */
function appearanceMenu(appearance: NonNullable<MenuTemplateOptions['appearance']>): MenuItemConstructorOptions {
  return {
    label: 'Appearance',
    submenu: APPEARANCES.map(({ choice, label }) => ({
      label,
      type: 'radio' as const,
      checked: appearance.choice === choice,
      click: () => appearance.choose(choice),
    })),
  };
}

/** The menus, in order: the macOS app menu, File, Edit, View, Window. */
export function buildMenuTemplate(options: MenuTemplateOptions): MenuItemConstructorOptions[] {
  const { isMac, isPackaged, appName, send } = options;
  const separator: MenuItemConstructorOptions = { type: 'separator' };

  const appMenu: MenuItemConstructorOptions = {
    label: appName,
    submenu: [
      { role: 'about' },
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit' },
    ],
  };

  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { label: 'Import folder…', accelerator: 'CmdOrCtrl+O', click: () => send('import-folder') },
      { label: 'Print…', accelerator: 'CmdOrCtrl+P', click: () => send('print') },
      // Shift+P, as Print… is P: free in Edit, View and Window, and no role claims it.
      { label: 'Save as PDF…', accelerator: 'CmdOrCtrl+Shift+P', click: () => send('save-pdf') },
      separator,
      // No shortcuts: backing up and restoring are rare, and a restore replaces the archive.
      { label: 'Back up archive…', click: () => send('backup-archive') },
      { label: 'Restore from backup…', click: () => send('restore-archive') },
      { label: 'Export letters as JSON…', click: () => send('export-json') },
      separator,
      // On macOS Quit lives in the app menu; File closes the window there, as Mac apps do.
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      // Ctrl/Cmd+Z undoes typing in a text field (the role above) and, elsewhere in the window,
      // the last removal; this item names that second meaning and reaches it from the menu.
      { label: 'Undo removal', click: () => send('undo-removal') },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
      separator,
      { label: 'Find', accelerator: 'CmdOrCtrl+F', click: () => send('focus-search') },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      { role: 'reload' },
      ...(isPackaged ? [] : [{ role: 'toggleDevTools' } as const]),
      separator,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
      ...(options.appearance ? [separator, appearanceMenu(options.appearance)] : []),
    ],
  };

  const window: MenuItemConstructorOptions = {
    label: 'Window',
    submenu: isMac ? [{ role: 'minimize' }, { role: 'zoom' }, separator, { role: 'front' }] : [{ role: 'minimize' }, { role: 'close' }],
  };

  return [...(isMac ? [appMenu] : []), file, edit, view, window];
}
