// Electron main process: lifecycle, window and the IPC door. No business logic here.
import { app, BrowserWindow, session, shell } from 'electron';
import { join } from 'node:path';
import { openCore } from '../../open';
import { registerIpc } from './ipc';
import { DB_FILE } from '../../paths';
import { CSP } from '../security';
import { trustedUrl, windowPreferences } from './window';

const devServerUrl = process.env.ELECTRON_RENDERER_URL;
const rendererDir = join(__dirname, '../renderer');

function dbArg(): string | undefined {
  const i = process.argv.indexOf('--db');
  return i > 0 ? process.argv[i + 1] : undefined;
}

function createWindow(): void {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    title: '科技服务走访台账 Visit Ledger',
    show: false,
    webPreferences: windowPreferences(join(__dirname, '../preload/preload.cjs')),
  });
  win.once('ready-to-show', () => win.show());
  // No navigation away from the app and no new windows; external links go to the browser.
  win.webContents.on('will-navigate', (e, url) => {
    if (!trustedUrl(url, devServerUrl, rendererDir)) e.preventDefault();
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  if (devServerUrl) void win.loadURL(devServerUrl);
  else void win.loadFile(join(rendererDir, 'index.html'));
}

app.enableSandbox();
app.whenReady().then(() => {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, done) => done(false));
  const core = openCore(dbArg() ?? join(app.getPath('userData'), DB_FILE), {
    demoOnFirstStart: true,
    dailyBackup: true,
  });
  registerIpc(core, (url) => trustedUrl(url, devServerUrl, rendererDir));
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
  app.on('before-quit', () => core.store.close());
});

app.on('web-contents-created', (_e, contents) => {
  contents.on('will-attach-webview', (e) => e.preventDefault());
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
