import { useEffect, useRef, useState } from 'react';
import { getAsEntries } from '../archive/sources';

interface DropZoneProps {
  /** Called with what was dropped; entries must be taken inside the drop event, so they come ready. */
  onDrop: (entries: FileSystemEntry[], files: File[]) => void;
}

function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

/**
 * Lets a folder or files be dropped anywhere on the window, showing an overlay while they
 * are dragged over it. Drops are always caught, so a dropped file never replaces the page.
 */
export function DropZone({ onDrop }: DropZoneProps) {
  const [dragging, setDragging] = useState(false);
  const depth = useRef(0);
  const latestOnDrop = useRef(onDrop);
  latestOnDrop.current = onDrop;

  useEffect(() => {
    function enter(event: DragEvent): void {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth.current += 1;
      setDragging(true);
    }
    function over(event: DragEvent): void {
      // Without this the drop would go to the browser, which would open the file.
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = carriesFiles(event) ? 'copy' : 'none';
    }
    function leave(event: DragEvent): void {
      if (!carriesFiles(event)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setDragging(false);
    }
    function drop(event: DragEvent): void {
      event.preventDefault();
      depth.current = 0;
      setDragging(false);
      const transfer = event.dataTransfer;
      if (!transfer || !carriesFiles(event)) return;
      // Entries are only readable during the event itself.
      const entries = getAsEntries(transfer);
      const files = [...transfer.files];
      if (entries.length > 0 || files.length > 0) latestOnDrop.current(entries, files);
    }
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);

  if (!dragging) return null;
  return (
    <div className="drop-overlay" aria-hidden="true">
      <div className="drop-overlay-card">
        <svg viewBox="0 0 24 24" className="drop-overlay-icon" focusable="false">
          <path d="M12 3v12M7 10l5 5 5-5M4 19h16" />
        </svg>
        <p>Drop a folder or letter files to import them</p>
      </div>
    </div>
  );
}
