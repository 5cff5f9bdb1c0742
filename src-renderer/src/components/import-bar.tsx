import { useRef, type ChangeEvent } from 'react';

interface ImportBarProps {
  /** True when the app has the desktop bridge and can open the system's folder dialog itself. */
  hasBridge: boolean;
  importing: boolean;
  /** With the bridge: open the folder dialog and import what is chosen. */
  onImportFolder: () => void;
  /** Without it: the files of the folder picked in the browser's own picker. */
  onFilesChosen: (files: File[], label: string) => void;
  onShowReports: () => void;
  /** Opens the choice of the whole archive's CSV exports. */
  onExport: () => void;
}

function folderLabel(files: File[]): string {
  const first = files[0]?.webkitRelativePath ?? '';
  const folder = first.includes('/') ? first.slice(0, first.indexOf('/')) : '';
  return folder || 'Chosen files';
}

/** The header's archive buttons: "Import folder…", "Reports" and "Export…". */
export function ImportBar({ hasBridge, importing, onImportFolder, onFilesChosen, onShowReports, onExport }: ImportBarProps) {
  const inputRef = useRef<HTMLInputElement | null>(null);

  function choose(): void {
    if (hasBridge) onImportFolder();
    else inputRef.current?.click();
  }
  function chosen(event: ChangeEvent<HTMLInputElement>): void {
    const files = [...(event.target.files ?? [])];
    // Cleared so that choosing the same folder again still counts as a change.
    event.target.value = '';
    if (files.length > 0) onFilesChosen(files, folderLabel(files));
  }

  return (
    <div className="import-bar">
      <button type="button" className="button button--primary" onClick={choose} disabled={importing}>
        Import folder…
      </button>
      {!hasBridge && (
        <input
          ref={(el) => {
            inputRef.current = el;
            // React has no typed prop for it; the attribute makes the picker choose folders.
            el?.setAttribute('webkitdirectory', '');
          }}
          type="file"
          multiple
          hidden
          aria-label="Choose a folder of letters"
          onChange={chosen}
        />
      )}
      <button type="button" className="button" onClick={onShowReports}>
        Reports
      </button>
      <button type="button" className="button" onClick={onExport}>
        Export…
      </button>
    </div>
  );
}
