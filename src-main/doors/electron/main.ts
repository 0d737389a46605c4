// Electron main process: hands Electron's API to the shell (startup.ts). The core is imported
// only once the window is up, as its own chunk. No business logic here.
import * as electron from 'electron';
import { join } from 'node:path';
import { APP_VERSION } from '../../version';
import { startShell } from './startup';

function dbArg(): string | undefined {
  const i = process.argv.indexOf('--db');
  return i > 0 ? process.argv[i + 1] : undefined;
}

const shell = startShell(electron, {
  argv: process.argv,
  development: !electron.app.isPackaged,
  devServerUrl: process.env.ELECTRON_RENDERER_URL,
  mainDir: __dirname,
  dbPath: dbArg(),
  versions: {
    app: APP_VERSION,
    electron: process.versions.electron,
    chrome: process.versions.chrome,
    node: process.versions.node,
  },
  loadCore: async (dbPath, log) => {
    const { openDesktopCore, prepareInWorker } = await import('./coreSide');
    return openDesktopCore({
      dbPath,
      log,
      prepare: prepareInWorker(join(__dirname, 'prepare.js'), log),
      reportsWorker: join(__dirname, 'comparisonWorker.js'),
    });
  },
});

if (shell) {
  process.on('uncaughtException', (e) => shell.log.error(`uncaught: ${e.stack ?? e.message}`));
  process.on('unhandledRejection', (e) => shell.log.error(`unhandled rejection: ${String(e)}`));
}
