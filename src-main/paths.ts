import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_NAME = 'Visit Ledger';
export const DB_FILE = 'visit-ledger.db';

/**
 * The folder Electron's app.getPath('userData') gives for this app, computed without
 * Electron so the CLI and the web mode open the same database as the desktop app.
 */
export function userDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  const appData =
    platform === 'win32'
      ? (env.APPDATA ?? join(home, 'AppData', 'Roaming'))
      : platform === 'darwin'
        ? join(home, 'Library', 'Application Support')
        : (env.XDG_CONFIG_HOME ?? join(home, '.config'));
  return join(appData, APP_NAME);
}

export const defaultDbPath = (): string => join(userDataDir(), DB_FILE);
