import { dirname, join } from 'node:path';
import { release } from 'node:os';
import type { z } from 'zod';
import type { ApiErrorBody } from '@shared/contract/errors';
import { desktopContract, type OpenRequest, type UiLanguage } from '@shared/contract/desktop';
import { isDesktopMethodName, type DesktopMethodName } from '@shared/contract/desktopMethods';
import type { CallResult } from '../../dispatch';
import { toErrorBody } from '../../errorBody';
import { CSP } from '../security';
import type { DesktopCore } from './coreSide';
import { bureauName, chooseFolder, openFile, saveFile, type DialogContext } from './dialogs';
import { diagnosticsFileName, diagnosticsText } from './diagnostics';
import type { ElectronApi, Window } from './electronApi';
import { registerIpc } from './ipc';
import { openLog, type Log } from './log';
import { bringToFront, createMainWindow } from './mainWindow';
import { installMenu } from './menu';
import { openPathOf, readOpenPath, type OpenPath } from './openRequest';
import { guardQuit, guardWindowClose } from './quitGuard';
import { holdSingleInstance } from './singleInstance';
import { startupFailureMessage } from './startupFailure';
import { trustedUrl } from './window';

// The desktop shell's start, in the order a person sees it: one instance per laptop, the window
// at once (its page says 正在准备… until its first call is answered), then the core, loaded and
// opened while the window is up. Calls that arrive meanwhile wait for it; if it cannot open,
// they are answered with what went wrong and what to do.

export interface ShellOptions {
  argv: readonly string[];
  development: boolean;
  devServerUrl: string | undefined;
  /** out/main: the preload and the renderer are found beside it. */
  mainDir: string;
  /** The database (`--db`), or the user-data folder's. */
  dbPath: string | undefined;
  /** Opens the core; main.ts imports coreSide.ts here, after the window exists. */
  loadCore: (dbPath: string, log: (message: string) => void) => Promise<DesktopCore>;
  versions: Partial<Record<'app' | 'electron' | 'chrome' | 'node', string>>;
}

export interface Shell {
  log: Log;
  /** Settles once the core is open or has failed to (tests wait on it). */
  ready: Promise<void>;
}

type CoreState = { ok: true; core: DesktopCore } | { ok: false; error: ApiErrorBody };

export function startShell(electron: ElectronApi, options: ShellOptions): Shell | null {
  const { app } = electron;
  app.enableSandbox();

  let win: Window | null = null;
  const pending: OpenPath[] = [];
  const handOver = (argv: readonly string[]) => {
    const request = openPathOf(argv);
    if (request) pending.push(request);
  };
  if (
    !holdSingleInstance(app, (argv) => {
      handOver(argv);
      // Focused, the page asks for the files handed over (desktop.takeOpenRequests).
      if (win && !win.isDestroyed()) bringToFront(win);
    })
  )
    return null;
  handOver(options.argv);

  const userData = app.getPath('userData');
  const dbPath = options.dbPath ?? join(userData, 'visit-ledger.db');
  const log = openLog(join(userData, 'logs'));
  log.info(`start ${options.versions.app ?? ''} (electron ${options.versions.electron ?? '?'})`);

  let language: UiLanguage = 'zh-CN';
  let core: DesktopCore | null = null;
  let startupError: string | null = null;
  let settle!: (state: CoreState) => void;
  let opened = false;
  const coreState = new Promise<CoreState>((resolve) => (settle = resolve)).finally(() => (opened = true));

  const rendererDir = join(options.mainDir, '../renderer');
  const dialogContext = (): DialogContext => ({
    dialog: electron.dialog,
    window: win,
    documentsDir: app.getPath('documents'),
    language,
  });
  const bureau = async () => {
    const s = await coreState;
    return bureauName(s.ok ? s.core.orgName() : null);
  };

  const desktop: {
    [M in DesktopMethodName]: (input: z.output<(typeof desktopContract)[M]['input']>) => unknown;
  } = {
    'desktop.saveFile': async (input) => saveFile(dialogContext(), input, await bureau()),
    'desktop.chooseFolder': () => chooseFolder(dialogContext(), null),
    'desktop.openFile': ({ purpose }) => openFile(dialogContext(), purpose),
    'desktop.takeOpenRequests': () => pending.splice(0).flatMap((p) => readOpenRequest(p, log)),
    'desktop.setLanguage': ({ language: next }) => {
      language = next;
      menu();
      return {};
    },
  };

  async function answer(method: unknown, input: unknown): Promise<CallResult> {
    if (isDesktopMethodName(method)) {
      const parsed = desktopContract[method].input.safeParse(input);
      if (!parsed.success) return { ok: false, error: toErrorBody(parsed.error) };
      try {
        return { ok: true, result: await (desktop[method] as (i: unknown) => unknown)(parsed.data) };
      } catch (e) {
        log.error(`${method} failed: ${(e as Error).message}`);
        return { ok: false, error: toErrorBody(e) };
      }
    }
    const state = await coreState;
    return state.ok ? state.core.call(method, input) : { ok: false, error: state.error };
  }

  const message = (text: string, detail: string, type: 'info' | 'error' = 'info') => {
    const box = { type, message: text, detail, noLink: true };
    void (win ? electron.dialog.showMessageBox(win, box) : electron.dialog.showMessageBox(box));
  };
  const en = () => language === 'en';

  const actions = {
    openDataFolder: () => void electron.shell.openPath(dirname(dbPath)),
    backupNow: async () => {
      const r = await answer('backups.create', {});
      if (r.ok) message(en() ? 'Backed up' : '已备份', (r.result as { path: string }).path);
      else message(en() ? 'Backup failed' : '备份失败', r.error.message, 'error');
    },
    exportDiagnostics: async () => {
      const at = new Date();
      const text = diagnosticsText({
        at,
        versions: options.versions,
        os: `${process.platform} ${release()}`,
        dataDir: dirname(dbPath),
        info: core ? await core.info().catch(() => null) : null,
        startupError,
        log: log.read(),
      });
      const saved = await saveFile(
        dialogContext(),
        {
          purpose: 'diagnostics',
          fileName: diagnosticsFileName(at),
          contentBase64: Buffer.from(text, 'utf8').toString('base64'),
        },
        bureauName(null),
      );
      if (saved) log.info('diagnostics exported');
    },
    about: async () => {
      const info = core ? await core.info().catch(() => null) : null;
      const lines = en()
        ? [
            `Version ${options.versions.app}`,
            `Database: ${info?.dbPath ?? dbPath}`,
            `Schema version: ${info?.schemaVersion ?? '—'}`,
          ]
        : [
            `版本 ${options.versions.app}`,
            `数据库：${info?.dbPath ?? dbPath}`,
            `数据结构版本：${info?.schemaVersion ?? '—'}`,
          ];
      message(en() ? 'Visit Ledger' : '科技服务走访台账', lines.join('\n'));
    },
  };
  const menu = () =>
    installMenu(
      electron.Menu,
      language,
      {
        openDataFolder: actions.openDataFolder,
        backupNow: () => void actions.backupNow(),
        exportDiagnostics: () => void actions.exportDiagnostics(),
        about: () => void actions.about(),
      },
      options.development,
    );

  const quit = guardQuit({
    app,
    dialog: electron.dialog,
    window: () => win,
    runningJob: () => core?.runningJob() ?? null,
    jobEnded: () => core?.jobEnded() ?? Promise.resolve(),
    opening: () => (opened ? null : coreState.then(() => undefined)),
    closeCore: () => core?.close(),
    language: () => language,
    log: (m) => log.info(m),
  });

  const showWindow = () => {
    win = createMainWindow(electron, {
      preloadPath: join(options.mainDir, '../preload/preload.cjs'),
      rendererDir,
      devServerUrl: options.devServerUrl,
      stateFile: join(userData, 'window-state.json'),
    });
    guardWindowClose(win, () => core?.runningJob() ?? null, quit.requestQuit);
    // A crashed or killed page is reloaded by Electron only on request: say so for support.
    win.webContents.on('render-process-gone', (_e, details) =>
      log.error(`page gone: ${details.reason} (exit code ${details.exitCode})`),
    );
  };

  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-attach-webview', (e) => e.preventDefault());
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  const ready = app.whenReady().then(async () => {
    const { session } = electron;
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
    });
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, done) => done(false));
    registerIpc(electron.ipcMain, answer, (url) => trustedUrl(url, options.devServerUrl, rendererDir));
    menu();
    showWindow();
    app.on('activate', () => {
      if (electron.BrowserWindow.getAllWindows().length === 0) showWindow();
    });
    try {
      core = await options.loadCore(dbPath, (m) => log.info(m));
      settle({ ok: true, core });
    } catch (e) {
      startupError = e instanceof Error ? e.message : String(e);
      log.error(`start failed: ${startupError}`);
      const text = startupFailureMessage(startupError, dirname(dbPath));
      settle({ ok: false, error: { code: 'INTERNAL', message: text, details: { startup: true } } });
    }
  });
  return { log, ready };
}

/** A file handed over, read for the page; one that cannot be read is logged and skipped. */
function readOpenRequest(p: OpenPath, log: Log): OpenRequest[] {
  try {
    return [readOpenPath(p)];
  } catch (e) {
    log.error(`cannot read the ${p.purpose} file handed over: ${(e as Error).message}`);
    return [];
  }
}
