import { EventEmitter } from 'node:events';
import type { BrowserWindowConstructorOptions, MenuItemConstructorOptions } from 'electron';
import type { ElectronApi } from '../../../src-main/doors/electron/electronApi';

// A recording stand-in for the parts of Electron the shell uses: it answers as Electron would
// (dialogs answer what the test says a person chose) and writes down, in order, what the shell
// asked of it. Nothing of Electron is imported at run time.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface StubOptions {
  lock?: boolean;
  userData: string;
  documents: string;
  displays?: Rect[];
  /** Where the person saves, given what was proposed (undefined: cancels). */
  savePath?: (proposed: string) => string;
  folderPath?: string;
  /** The button clicked in message boxes. */
  messageResponse?: number;
}

type Listener = (...args: never[]) => unknown;
type Handler = (...args: unknown[]) => void;
type Headers = Record<string, string[]>;
/** A dialog's options as the shell passed them, read back loosely. */
export type Options = Record<string, unknown>;

/** An event as Electron passes it: its default can be prevented. */
export function electronEvent() {
  return {
    prevented: false,
    preventDefault() {
      this.prevented = true;
    },
  };
}

export function electronStub(options: StubOptions) {
  const events: string[] = [];
  const record = (what: string) => events.push(what);
  const appEvents = new EventEmitter();
  let markReady!: () => void;
  const ready = new Promise<void>((r) => (markReady = r));
  const windows: StubWindow[] = [];
  const dialogs: { kind: 'save' | 'open' | 'message'; options: Options }[] = [];
  const menus: MenuItemConstructorOptions[][] = [];
  let ipcHandler: ((event: unknown, method: unknown, input: unknown) => unknown) | null = null;
  const displays = (options.displays ?? [{ x: 0, y: 0, width: 1920, height: 1040 }]).map((workArea) => ({
    workArea,
    bounds: workArea,
  }));

  class StubWindow extends EventEmitter {
    maximized = false;
    minimized = false;
    visible = false;
    bounds: Rect;
    loaded: string | null = null;
    readonly contents = new EventEmitter();
    openHandler: ((details: { url: string }) => unknown) | null = null;
    readonly webContents = {
      on: (e: string, l: Listener) => this.contents.on(e, l as Handler),
      setWindowOpenHandler: (h: (details: { url: string }) => unknown) => (this.openHandler = h),
    };
    constructor(readonly options: BrowserWindowConstructorOptions) {
      super();
      this.bounds = { x: options.x!, y: options.y!, width: options.width!, height: options.height! };
      windows.push(this);
      record('window:new');
    }
    static getAllWindows = () => windows;
    loadURL(url: string) {
      this.loaded = url;
      return Promise.resolve();
    }
    loadFile(file: string) {
      this.loaded = file;
      record('window:load');
      return Promise.resolve();
    }
    show() {
      this.visible = true;
      record('window:show');
    }
    maximize() {
      this.maximized = true;
    }
    isMaximized = () => this.maximized;
    isMinimized = () => this.minimized;
    isVisible = () => this.visible;
    isDestroyed = () => false;
    restore() {
      this.minimized = false;
      record('window:restore');
    }
    focus() {
      record('window:focus');
    }
    getNormalBounds = () => this.bounds;
  }

  // What the shell hands Electron, for the test to call as Electron would.
  const hooks = {
    headers: null as
      | ((details: { responseHeaders: Headers }, callback: (r: { responseHeaders: Headers }) => void) => void)
      | null,
    permissions: null as ((wc: unknown, permission: string, done: (granted: boolean) => void) => void) | null,
  };

  const api = {
    app: {
      enableSandbox: () => record('app:enableSandbox'),
      requestSingleInstanceLock: () => {
        record('app:lock');
        return options.lock ?? true;
      },
      quit: () => {
        record('app:quit');
        const e = electronEvent();
        appEvents.emit('before-quit', e);
        if (!e.prevented) record('app:quit-done');
      },
      on: (e: string, l: Listener) => appEvents.on(e, l as Handler),
      whenReady: () => ready,
      getPath: (name: string) => (name === 'documents' ? options.documents : options.userData),
      isPackaged: true,
    },
    BrowserWindow: StubWindow,
    dialog: {
      showSaveDialog: async (...args: unknown[]) => {
        const o = args.at(-1) as { defaultPath: string };
        dialogs.push({ kind: 'save', options: o });
        const filePath = options.savePath?.(o.defaultPath);
        return { canceled: !filePath, filePath: filePath ?? '' };
      },
      showOpenDialog: async (...args: unknown[]) => {
        dialogs.push({ kind: 'open', options: args.at(-1) as Options });
        return { canceled: !options.folderPath, filePaths: options.folderPath ? [options.folderPath] : [] };
      },
      showMessageBox: async (...args: unknown[]) => {
        dialogs.push({ kind: 'message', options: args.at(-1) as Options });
        return { response: options.messageResponse ?? 0, checkboxChecked: false };
      },
    },
    ipcMain: {
      handle: (_channel: string, l: NonNullable<typeof ipcHandler>) => {
        ipcHandler = l;
        record('ipc:handle');
      },
    },
    Menu: {
      buildFromTemplate: (template: MenuItemConstructorOptions[]) => template,
      setApplicationMenu: (menu: MenuItemConstructorOptions[]) => menus.push(menu),
    },
    screen: {
      getAllDisplays: () => displays,
      getPrimaryDisplay: () => displays[0]!,
      getDisplayMatching: (r: Rect) =>
        displays.find((d) => r.x >= d.workArea.x && r.x < d.workArea.x + d.workArea.width) ?? displays[0]!,
    },
    session: {
      defaultSession: {
        webRequest: {
          onHeadersReceived: (l: NonNullable<typeof hooks.headers>) => (
            (hooks.headers = l),
            record('session:csp')
          ),
        },
        setPermissionRequestHandler: (l: NonNullable<typeof hooks.permissions>) => (
          (hooks.permissions = l),
          record('session:permissions')
        ),
      },
    },
    shell: {
      openExternal: async (url: string) => record(`shell:openExternal ${url}`),
      openPath: async (path: string) => (record(`shell:openPath ${path}`), ''),
    },
  };

  const stub = {
    electron: api as unknown as ElectronApi,
    events,
    windows,
    dialogs,
    menus,
    appEvents,
    hooks,
    /** Electron's 'ready'. */
    ready: () => markReady(),
    /** A call from the page, as the preload makes it. */
    invoke(method: string, input?: unknown, url = 'file:///app/out/renderer/index.html') {
      if (!ipcHandler) throw new Error('no IPC handler registered');
      return Promise.resolve(ipcHandler({ senderFrame: { url } }, method, input)) as Promise<
        { ok: true; result: unknown } | { ok: false; error: { code: string; message: string } }
      >;
    },
  };
  return stub;
}
