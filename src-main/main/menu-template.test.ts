import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { MenuCommand } from '../../src-shared/bridge';
import { buildMenuTemplate } from './menu-template';

function build(isMac: boolean, isPackaged: boolean) {
  const sent: MenuCommand[] = [];
  const template = buildMenuTemplate({ isMac, isPackaged, appName: 'Letter Archive', send: (c) => sent.push(c) });
  return { template, sent };
}

const items = (template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] =>
  (template.find((m) => m.label === label)?.submenu ?? []) as MenuItemConstructorOptions[];
const names = (list: MenuItemConstructorOptions[]): string[] => list.map((i) => i.label ?? i.role ?? i.type ?? '?');
const click = (item: MenuItemConstructorOptions | undefined): void =>
  (item?.click as (() => void) | undefined)?.();

describe('buildMenuTemplate', () => {
  it('has File, Edit, View and Window, with an app menu only on macOS', () => {
    expect(names(build(false, true).template)).toEqual(['File', 'Edit', 'View', 'Window']);
    expect(names(build(true, true).template)).toEqual(['Letter Archive', 'File', 'Edit', 'View', 'Window']);
    expect(names(items(build(true, true).template, 'Letter Archive'))).toContain('quit');
  });

  it('sends import-folder, print, save-pdf, the backup and JSON commands and focus-search from their items, with their shortcuts', () => {
    const { template, sent } = build(false, true);
    const file = items(template, 'File');
    expect(names(file)).toEqual([
      'Import folder…',
      'Print…',
      'Save as PDF…',
      'separator',
      'Back up archive…',
      'Restore from backup…',
      'Export letters as JSON…',
      'separator',
      'quit',
    ]);
    expect(file.map((i) => i.accelerator)).toEqual(['CmdOrCtrl+O', 'CmdOrCtrl+P', 'CmdOrCtrl+Shift+P', ...Array<undefined>(6).fill(undefined)]);
    const find = items(template, 'Edit').find((i) => i.label === 'Find');
    expect(find?.accelerator).toBe('CmdOrCtrl+F');
    file.forEach(click);
    click(find);
    expect(sent).toEqual(['import-folder', 'print', 'save-pdf', 'backup-archive', 'restore-archive', 'export-json', 'focus-search']);
  });

  it('gives no two items the same shortcut', () => {
    for (const isMac of [false, true]) {
      const accelerators = build(isMac, false)
        .template.flatMap((menu) => (menu.submenu ?? []) as MenuItemConstructorOptions[])
        .map((item) => item.accelerator)
        .filter((a): a is string => typeof a === 'string');
      expect(new Set(accelerators).size).toBe(accelerators.length);
    }
  });

  it('offers Undo removal in Edit, with no shortcut of its own (Ctrl/Cmd+Z reaches it in the window)', () => {
    const { template, sent } = build(false, true);
    const item = items(template, 'Edit').find((i) => i.label === 'Undo removal');
    expect(item?.accelerator).toBeUndefined();
    click(item);
    expect(sent).toEqual(['undo-removal']);
  });

  it('has the standard edit roles', () => {
    expect(names(items(build(false, true).template, 'Edit'))).toEqual(
      expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']),
    );
  });

  it('offers developer tools only when not packaged', () => {
    expect(names(items(build(false, true).template, 'View'))).not.toContain('toggleDevTools');
    expect(names(items(build(false, false).template, 'View'))).toContain('toggleDevTools');
    expect(names(items(build(false, true).template, 'View'))).toEqual(
      expect.arrayContaining(['reload', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']),
    );
  });

  it('offers light, dark or the system’s appearance in View, the current choice checked', () => {
    const chosen: string[] = [];
    const template = buildMenuTemplate({
      isMac: false,
      isPackaged: true,
      appName: 'Letter Archive',
      send: () => undefined,
      appearance: { choice: 'dark', choose: (c) => chosen.push(c) },
    });
    const appearance = items(template, 'View').find((i) => i.label === 'Appearance');
    const choices = (appearance?.submenu ?? []) as MenuItemConstructorOptions[];
    expect(names(choices)).toEqual(['Light', 'Dark', 'Use system setting']);
    expect(choices.map((c) => c.type)).toEqual(['radio', 'radio', 'radio']);
    expect(choices.map((c) => c.checked)).toEqual([false, true, false]);
    choices.forEach(click);
    expect(chosen).toEqual(['light', 'dark', 'system']);
    expect(names(items(build(false, true).template, 'View'))).not.toContain('Appearance');
  });

  it('has minimize and close in Window', () => {
    expect(names(items(build(false, true).template, 'Window'))).toEqual(['minimize', 'close']);
  });
});
