import { useCallback, useState } from 'react';
import { QField } from './QField';

const FOLDER_KEY = 'wiredesk.exportFolder';

/** The export folder, remembered between exports and re-sends. */
export function useExportFolder(): [string, (folder: string) => void] {
  const [folder, setFolder] = useState(() => {
    try {
      return localStorage.getItem(FOLDER_KEY) ?? '';
    } catch {
      return '';
    }
  });
  const set = useCallback((f: string) => {
    setFolder(f);
    try {
      localStorage.setItem(FOLDER_KEY, f);
    } catch {
      // Storage unavailable: the folder is kept for this session only.
    }
  }, []);
  return [folder, set];
}

/** The target folder: the system dialog in the desktop app, a path field in the browser. */
export function FolderField({ value, onChange }: { value: string; onChange(folder: string): void }) {
  const shell = window.deskShell;
  if (shell) {
    return (
      <div className="q-folder" role="group" aria-label="Export folder">
        <span className="q-folder-path" title={value}>
          {value || 'No folder chosen'}
        </span>
        <button
          type="button"
          onClick={() =>
            void shell.chooseFolder().then((f) => {
              if (f) onChange(f);
            })
          }
        >
          Choose…
        </button>
      </div>
    );
  }
  return (
    <QField label="Export folder" className="q-folder-field">
      {(id) => <input id={id} value={value} spellCheck={false} placeholder="/path/to/outgoing" onChange={(e) => onChange(e.target.value)} />}
    </QField>
  );
}
