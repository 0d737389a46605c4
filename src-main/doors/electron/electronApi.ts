import type * as Electron from 'electron';

// The parts of Electron the shell uses, passed in rather than imported, so that every
// behaviour of the shell can run under a recording stub in plain Node (test/unit/shell*).

export type ElectronApi = Pick<
  typeof Electron,
  'app' | 'BrowserWindow' | 'dialog' | 'ipcMain' | 'Menu' | 'screen' | 'session' | 'shell'
>;
export type App = ElectronApi['app'];
export type Window = Electron.BrowserWindow;
export type Dialog = ElectronApi['dialog'];
