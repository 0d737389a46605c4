import { existsSync } from 'node:fs';
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

/**
 * The project's folder (the CLI and the web mode): the nearest one above this module holding
 * package.json, found by walking up because this module runs from src-main/ as source and
 * from out/cli/ (or a chunk below it) compiled.
 */
export const PROJECT_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return join(from, '..');
  }
}

/** Where `electron-vite build` writes the renderer the web mode serves. */
export const RENDERER_BUILD_DIR = join(PROJECT_ROOT, 'out', 'renderer');
