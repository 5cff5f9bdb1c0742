import { useEffect, useRef } from 'react';
import type { MenuCommand } from '../../../src-shared/bridge';
import { getBridge } from '../ui/get-bridge';

interface AppCommands {
  focusSearch: () => void;
  importFolder: () => void;
  /** Opens the print preview of what is selected, or, when it is open, prints or saves from it. */
  print: (action: 'open' | 'print' | 'save-pdf') => void;
  /** True while the print preview is open. */
  printPreviewOpen: () => boolean;
  /** Next (1) or previous (-1) search hit in the open letter. */
  stepHit: (delta: 1 | -1) => void;
  /** Puts back the last letters removed. */
  undo: () => void;
  /** File → Back up archive…, Restore from backup…, Export letters as JSON…: the export dialog at that part. */
  archiveFile: (start: 'backup' | 'restore' | 'json') => void;
}

/** True while a modal dialog is open: commands on the window behind it wait. */
function dialogOpen(): boolean {
  return document.querySelector('dialog[open]') !== null;
}

/** True when keys typed at `target` are text, so a bare "/" must reach it. */
function isTypingInto(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
}

/**
 * The window's own keys: Ctrl+F / Cmd+F, and "/" outside text fields, go to the search box;
 * F3 and Shift+F3 step through the hits; Ctrl+P / Cmd+P opens the print preview, and in the
 * open preview prints. Also the application menu's commands in the desktop app.
 */
export function useAppCommands(commands: AppCommands): void {
  const latest = useRef(commands);
  latest.current = commands;

  useEffect(() => {
    function keyDown(event: KeyboardEvent): void {
      if (event.defaultPrevented) return;
      const mod = event.ctrlKey || event.metaKey;
      if (mod && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'f') {
        event.preventDefault();
        latest.current.focusSearch();
      } else if (event.key === '/' && !mod && !event.altKey && !isTypingInto(event.target)) {
        event.preventDefault();
        latest.current.focusSearch();
      } else if (mod && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'p') {
        event.preventDefault();
        latest.current.print(latest.current.printPreviewOpen() ? 'print' : 'open');
      } else if (mod && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'z' && !isTypingInto(event.target) && !dialogOpen()) {
        // In a text field Ctrl+Z undoes typing, as it always does; elsewhere it undoes the last
        // removal, though not under a dialog (an import's report, a restore under way).
        event.preventDefault();
        latest.current.undo();
      } else if (event.key === 'F3' && !mod && !event.altKey) {
        event.preventDefault();
        latest.current.stepHit(event.shiftKey ? -1 : 1);
      }
    }
    window.addEventListener('keydown', keyDown);
    const run = (command: MenuCommand): void => {
      if (command === 'focus-search') latest.current.focusSearch();
      else if (command === 'import-folder') latest.current.importFolder();
      // The menu's accelerator may come as well as the keydown that already opened the preview:
      // only the keydown and the preview's own button print from the open preview.
      else if (command === 'print') {
        if (!latest.current.printPreviewOpen()) latest.current.print('open');
      } else if (command === 'save-pdf') latest.current.print('save-pdf');
      else if (command === 'undo-removal' && !dialogOpen()) latest.current.undo();
      else if (command === 'backup-archive') latest.current.archiveFile('backup');
      else if (command === 'restore-archive') latest.current.archiveFile('restore');
      else if (command === 'export-json') latest.current.archiveFile('json');
    };
    const unsubscribe = getBridge()?.onMenuCommand(run);
    return () => {
      window.removeEventListener('keydown', keyDown);
      unsubscribe?.();
    };
  }, []);
}
