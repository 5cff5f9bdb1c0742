/**
 * The person's choice of light, dark or the system's appearance, remembered from one run of the
 * app to the next in a small JSON file. Pure apart from the file, so it is tested without
 * Electron; main/theme.ts applies it to Electron's nativeTheme, which the renderer's
 * `prefers-color-scheme` then follows.
 */
import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';

export type ThemeChoice = 'light' | 'dark' | 'system';

export const THEME_CHOICES: readonly ThemeChoice[] = ['light', 'dark', 'system'];

/** The window's background before the page paints: the page's own --bg (base.css), so it never flashes the other colour. */
export const WINDOW_BACKGROUND = { light: '#f4f5f7', dark: '#121519' } as const;

export function isThemeChoice(value: unknown): value is ThemeChoice {
  return typeof value === 'string' && (THEME_CHOICES as readonly string[]).includes(value);
}

/** The choice in the file, or the system's appearance when the file is missing, damaged or from elsewhere. */
export function loadThemeChoice(file: string): ThemeChoice {
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    const theme = (parsed as { theme?: unknown } | null)?.theme;
    return isThemeChoice(theme) ? theme : 'system';
  } catch {
    return 'system';
  }
}

let writing: Promise<void> = Promise.resolve();

/** Writes the choice through a temporary file, so a crash mid-write leaves the old one whole. Writes are kept in order. */
export function saveThemeChoice(file: string, theme: ThemeChoice): Promise<void> {
  writing = writing.then(async () => {
    const temporary = `${file}.${process.pid}.tmp`;
    try {
      await fs.writeFile(temporary, JSON.stringify({ theme }, null, 2));
      await fs.rename(temporary, file);
    } catch (error) {
      console.error(`The choice of appearance could not be saved in ${file}`, error);
      await fs.rm(temporary, { force: true }).catch(() => undefined);
    }
  });
  return writing;
}

export interface ThemeSettingOptions {
  initial: ThemeChoice;
  /** Makes the choice take effect (Electron: nativeTheme.themeSource). */
  apply(choice: ThemeChoice): void;
  /** Remembers the choice for the next run. */
  save(choice: ThemeChoice): void;
}

export interface ThemeSetting {
  readonly choice: ThemeChoice;
  /** A choice from the View menu: applied at once and remembered; a value from elsewhere is ignored. */
  choose(choice: unknown): void;
}

/** Holds the choice: applies the remembered one at once, and each new one when it is made. */
export function createThemeSetting(options: ThemeSettingOptions): ThemeSetting {
  let choice = options.initial;
  options.apply(choice);
  return {
    get choice() {
      return choice;
    },
    choose(next) {
      if (!isThemeChoice(next) || next === choice) return;
      choice = next;
      options.apply(choice);
      options.save(choice);
    },
  };
}
