import { useEffect, useRef } from 'react';
import type { MenuCommand } from '../../../src-shared/bridge';
import { getBridge } from '../ui/get-bridge';

interface AppCommands {
  focusSearch: () => void;
  importFolder: () => void;
  print: () => void;
}

/** Ctrl+F / Cmd+F, and the application menu's commands when running in the desktop app. */
export function useAppCommands(commands: AppCommands): void {
  const latest = useRef(commands);
  latest.current = commands;

  useEffect(() => {
    function keyDown(event: KeyboardEvent): void {
      const mod = event.ctrlKey || event.metaKey;
      if (mod && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'f') {
        event.preventDefault();
        latest.current.focusSearch();
      }
    }
    window.addEventListener('keydown', keyDown);
    const run = (command: MenuCommand): void => {
      if (command === 'focus-search') latest.current.focusSearch();
      else if (command === 'import-folder') latest.current.importFolder();
      else if (command === 'print') latest.current.print();
    };
    const unsubscribe = getBridge()?.onMenuCommand(run);
    return () => {
      window.removeEventListener('keydown', keyDown);
      unsubscribe?.();
    };
  }, []);
}
