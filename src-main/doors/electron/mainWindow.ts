import { join } from 'node:path';
import type { ElectronApi, Window } from './electronApi';
import { trustedUrl, windowPreferences } from './window';
import { minimumSize, placeWindow, readWindowState, stateOf, writeWindowState } from './windowState';

// The app's one window: Electron's security checklist (settings in window.ts), no navigation
// away from the app, no new windows, and the size and place it had last time.

export interface WindowOptions {
  preloadPath: string;
  rendererDir: string;
  /** The Vite dev server in development; the built files otherwise. */
  devServerUrl: string | undefined;
  /** Where the window's size and place are kept (a JSON file in the user-data folder). */
  stateFile: string;
}

export function createMainWindow(
  electron: Pick<ElectronApi, 'BrowserWindow' | 'screen' | 'shell'>,
  options: WindowOptions,
): Window {
  const { screen } = electron;
  const place = placeWindow(
    readWindowState(options.stateFile),
    screen.getAllDisplays(),
    screen.getPrimaryDisplay(),
  );
  const min = minimumSize(screen.getDisplayMatching(place).workArea);
  const win = new electron.BrowserWindow({
    x: place.x,
    y: place.y,
    width: place.width,
    height: place.height,
    minWidth: min.width,
    minHeight: min.height,
    title: '科技服务走访台账 Visit Ledger',
    show: false,
    backgroundColor: '#f5f6f8',
    webPreferences: windowPreferences(options.preloadPath),
  });
  win.once('ready-to-show', () => {
    if (place.maximized) win.maximize();
    win.show();
  });
  win.on('close', () => writeWindowState(options.stateFile, stateOf(win)));

  const trusted = (url: string) => trustedUrl(url, options.devServerUrl, options.rendererDir);
  win.webContents.on('will-navigate', (e, url) => {
    if (!trusted(url)) e.preventDefault();
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    // External links go to the browser; the app itself never opens a second window.
    if (/^https:\/\//.test(url)) void electron.shell.openExternal(url);
    return { action: 'deny' };
  });
  if (options.devServerUrl) void win.loadURL(options.devServerUrl);
  else void win.loadFile(join(options.rendererDir, 'index.html'));
  return win;
}

/** Brings the window to the front, as a second launch or a double-clicked file expects. */
export function bringToFront(win: Window): void {
  if (win.isMinimized()) win.restore();
  if (!win.isVisible()) win.show();
  win.focus();
}
