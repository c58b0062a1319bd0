/**
 * The narrow bridge: `window.desk`, one function per contract method, nothing else.
 * Sandboxed preload: bundled to one CommonJS file that requires only `electron`.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { CHANGES_CHANNEL, DESK_METHODS, IPC_PREFIX, type DeskApi, type DeskChanges } from '../contract';

const desk = Object.fromEntries(DESK_METHODS.map((name) => [name, (arg: unknown) => ipcRenderer.invoke(IPC_PREFIX + name, arg)])) as DeskApi;

contextBridge.exposeInMainWorld('desk', desk);
contextBridge.exposeInMainWorld('deskShell', {
  kind: 'electron' as const,
  chooseFolder: (): Promise<string | null> => ipcRenderer.invoke('shell:chooseFolder'),
  openFile: (): Promise<{ name: string; bytes: Uint8Array } | null> => ipcRenderer.invoke('shell:readTextFile'),
  setSpellcheckLanguage: (language: string): Promise<string[] | null> => ipcRenderer.invoke('shell:setSpellcheckLanguage', language),
  onMenu: (listener: (command: string) => void): (() => void) => {
    const handler = (_event: unknown, command: unknown) => {
      if (typeof command === 'string') listener(command);
    };
    ipcRenderer.on('menu', handler);
    return () => ipcRenderer.removeListener('menu', handler);
  },
  onChanges: (listener: (changes: DeskChanges) => void): (() => void) => {
    const handler = (_event: unknown, changes: DeskChanges) => listener(changes);
    ipcRenderer.on(CHANGES_CHANNEL, handler);
    return () => ipcRenderer.removeListener(CHANGES_CHANNEL, handler);
  },
});
