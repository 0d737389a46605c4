import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

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

/** The project's folder, when the code runs from source (the CLI and the web mode). */
export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Where `electron-vite build` writes the renderer the web mode serves. */
export const RENDERER_BUILD_DIR = join(PROJECT_ROOT, 'out', 'renderer');
