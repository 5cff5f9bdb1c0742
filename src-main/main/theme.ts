/**
 * Applies the person's choice of appearance to Electron: nativeTheme.themeSource, which the
 * renderer's `prefers-color-scheme` follows, and the window's background colour. The logic and
 * the file are in services/theme-choice.ts, tested without Electron.
 */
import path from 'node:path';
import { nativeTheme, type BrowserWindow } from 'electron';
import { createThemeSetting, loadThemeChoice, saveThemeChoice, WINDOW_BACKGROUND, type ThemeSetting } from '../services/theme-choice';

export interface AppTheme extends ThemeSetting {
  /** The background for a window opened now. */
  background(): string;
}

/** Reads the remembered choice from userData and applies it; windows' backgrounds follow every change of appearance. */
export function installTheme(userData: string, getMainWindow: () => BrowserWindow | null): AppTheme {
  const file = path.join(userData, 'appearance.json');
  const background = (): string => (nativeTheme.shouldUseDarkColors ? WINDOW_BACKGROUND.dark : WINDOW_BACKGROUND.light);
  const setting = createThemeSetting({
    initial: loadThemeChoice(file),
    apply: (choice) => {
      nativeTheme.themeSource = choice;
    },
    save: (choice) => void saveThemeChoice(file, choice),
  });
  // A new choice, or the system changing its appearance while "Use system setting" is chosen.
  nativeTheme.on('updated', () => getMainWindow()?.setBackgroundColor(background()));
  return {
    get choice() {
      return setting.choice;
    },
    choose: (choice) => setting.choose(choice),
    background,
  };
}
