import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { paletteOf } from '../../src-renderer/src/ui/css-palette';
import { createThemeSetting, loadThemeChoice, saveThemeChoice, WINDOW_BACKGROUND, type ThemeChoice } from './theme-choice';

describe('theme choice file', () => {
  it('keeps the choice from one run to the next, and reads a missing, damaged or strange file as the system’s', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'theme-'));
    const file = path.join(dir, 'appearance.json');
    expect(loadThemeChoice(file)).toBe('system');
    await saveThemeChoice(file, 'dark');
    expect(loadThemeChoice(file)).toBe('dark');
    await saveThemeChoice(file, 'light');
    expect(loadThemeChoice(file)).toBe('light');
    await fs.writeFile(file, '{"theme": "purple"}');
    expect(loadThemeChoice(file)).toBe('system');
    await fs.writeFile(file, 'null');
    expect(loadThemeChoice(file)).toBe('system');
    await fs.writeFile(file, 'not json');
    expect(loadThemeChoice(file)).toBe('system');
    expect(await fs.readdir(dir)).toEqual(['appearance.json']);
    await fs.rm(dir, { recursive: true });
  });
});

describe('createThemeSetting', () => {
  it('applies the remembered choice at once, then each new one, and saves only a change', () => {
    const applied: ThemeChoice[] = [];
    const saved: ThemeChoice[] = [];
    const setting = createThemeSetting({ initial: 'dark', apply: (c) => applied.push(c), save: (c) => saved.push(c) });
    expect(setting.choice).toBe('dark');
    expect(applied).toEqual(['dark']);
    setting.choose('dark');
    setting.choose('sepia');
    setting.choose(undefined);
    expect(saved).toEqual([]);
    setting.choose('system');
    setting.choose('light');
    expect(setting.choice).toBe('light');
    expect(applied).toEqual(['dark', 'system', 'light']);
    expect(saved).toEqual(['system', 'light']);
  });
});

describe('the window’s background before the page paints', () => {
  it('is the page’s own background in each palette', () => {
    const css = readFileSync(fileURLToPath(new URL('../../src-renderer/src/styles/base.css', import.meta.url)), 'utf8');
    expect(WINDOW_BACKGROUND.light).toBe(paletteOf(css, 'light').get('--bg'));
    expect(WINDOW_BACKGROUND.dark).toBe(paletteOf(css, 'dark').get('--bg'));
  });
});
