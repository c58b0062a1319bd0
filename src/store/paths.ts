import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'Wiredesk';
export const DB_FILE = 'wiredesk.sqlite';

/**
 * The folder Electron's app.getPath('userData') gives for productName "Wiredesk", so the
 * desktop app, the desk server and the CLI share one store by default.
 */
export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', APP_NAME);
  return path.join(env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config'), APP_NAME);
}

/** --db PATH, else WIREDESK_DB, else the desktop app's file. */
export function resolveDbPath(flag?: string, env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(flag || env.WIREDESK_DB || path.join(userDataDir(env), DB_FILE));
}
