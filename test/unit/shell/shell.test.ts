import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DesktopCore } from '../../../src-main/doors/electron/coreSide';
import type { MenuItemConstructorOptions } from 'electron';
import { electronEvent } from './electronStub';
import { start } from './startShell';

// The desktop shell, started on a recording stub of Electron's API.

const tick = () => new Promise((r) => setImmediate(r));
const click = (items: MenuItemConstructorOptions[], label: string) =>
  (items.find((i) => i.label === label)!.click as () => void)();

describe('one instance', () => {
  it('a second launch that does not get the lock quits before doing anything', () => {
    const { stub, shell } = start({ lock: false });
    expect(shell).toBeNull();
    expect(stub.events).toEqual(['app:enableSandbox', 'app:lock', 'app:quit', 'app:quit-done']);
  });

  it('the first instance takes the lock, and a second launch brings its window to the front', async () => {
    const { stub, shell } = start();
    stub.ready();
    await shell!.ready;
    expect(stub.events.slice(0, 2)).toEqual(['app:enableSandbox', 'app:lock']);
    stub.windows[0]!.emit('ready-to-show');
    stub.windows[0]!.minimized = true;
    stub.appEvents.emit('second-instance', electronEvent(), ['VisitLedger.exe'], 'C:\\');
    expect(stub.events.slice(-2)).toEqual(['window:restore', 'window:focus']);
    // Nothing to open: nothing handed over.
    expect((await stub.invoke('desktop.takeOpenRequests')).ok).toBe(true);
    expect(await stub.invoke('desktop.takeOpenRequests')).toEqual({ ok: true, result: [] });
  });
});

describe('window first, core after', () => {
  it('shows the window before the core is loaded, and calls wait for the core', async () => {
    let release!: (core: DesktopCore) => void;
    const { stub, fake, shell } = start({}, { core: () => new Promise<DesktopCore>((r) => (release = r)) });
    stub.ready();
    await tick();
    const win = stub.windows[0]!;
    win.emit('ready-to-show');
    expect(stub.events.indexOf('window:new')).toBeLessThan(stub.events.indexOf('core:load'));
    expect(stub.events).toContain('window:show');
    expect(win.loaded).toBe('/app/out/renderer/index.html');

    let answered = false;
    const info = stub.invoke('app.info').then((r) => ((answered = true), r));
    await tick();
    expect(answered).toBe(false); // the page says 正在准备… meanwhile
    release(fake.api);
    await shell!.ready;
    expect(await info).toEqual({ ok: true, result: { method: 'app.info' } });
  });

  it('a core that cannot open is shown in the window with what to do, and logged', async () => {
    const { stub, shell, root } = start(
      {},
      { core: () => Promise.reject(new Error('SQLITE_CORRUPT: database disk image is malformed')) },
    );
    stub.ready();
    await shell!.ready;
    const r = await stub.invoke('staff.list', {});
    expect(r.ok).toBe(false);
    const message = (r as { error: { message: string } }).error.message;
    expect(message).toMatch(/^数据库未能打开：SQLITE_CORRUPT/);
    expect(message).toContain('导出诊断信息');
    expect(message).toContain(join(root, 'userData'));
    expect(stub.windows).toHaveLength(1); // no silent exit
    expect(stub.events).not.toContain('app:quit');
    expect(readFileSync(shell!.log.file, 'utf8')).toMatch(/ERROR start failed: SQLITE_CORRUPT/);
  });

  it('logs a page that crashed', async () => {
    const { stub, shell } = start();
    stub.ready();
    await shell!.ready;
    stub.windows[0]!.contents.emit('render-process-gone', electronEvent(), { reason: 'oom', exitCode: 3 });
    expect(readFileSync(shell!.log.file, 'utf8')).toMatch(/ERROR page gone: oom \(exit code 3\)\n$/);
  });

  it('refuses calls from frames that are not the app', async () => {
    const { stub, shell } = start();
    stub.ready();
    await shell!.ready;
    const r = await stub.invoke('desktop.takeOpenRequests', {}, 'https://evil.example/');
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('holds the window to the security checklist', async () => {
    const { stub, shell } = start();
    stub.ready();
    await shell!.ready;
    const win = stub.windows[0]!;
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
    expect(win.options.webPreferences?.preload).toBe('/app/out/preload/preload.cjs');
    const nav = electronEvent();
    win.contents.emit('will-navigate', nav, 'https://evil.example/');
    expect(nav.prevented).toBe(true);
    const own = electronEvent();
    win.contents.emit('will-navigate', own, 'file:///app/out/renderer/index.html#/visits');
    expect(own.prevented).toBe(false);
    expect(win.openHandler!({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    let granted: boolean | null = null;
    stub.hooks.permissions!({}, 'media', (g: boolean) => (granted = g));
    expect(granted).toBe(false);
    let headers: Record<string, string[]> = {};
    stub.hooks.headers!({ responseHeaders: {} }, (r) => (headers = r.responseHeaders));
    expect(headers['Content-Security-Policy']![0]).toMatch(/script-src 'self'/);
  });
});

describe('native dialogs', () => {
  const report = {
    purpose: 'report',
    fileName: '季度走访工作总结-2026Q3.docx',
    quarter: '2026Q3',
    contentBase64: Buffer.from('word').toString('base64'),
  };

  it('proposes a Chinese name in Documents with the file type as filter, and writes the file', async () => {
    const { stub, shell, fake, root } = start({ savePath: (proposed) => proposed });
    fake.state.orgName = '启明区科技局';
    stub.ready();
    await shell!.ready;
    const target = join(root, 'Documents', '启明区科技局_2026年第三季度走访工作总结.docx');
    expect(await stub.invoke('desktop.saveFile', report)).toEqual({ ok: true, result: { path: target } });
    expect(readFileSync(target, 'utf8')).toBe('word');
    expect(stub.dialogs[0]!.options.defaultPath).toBe(target);
    expect(stub.dialogs[0]!.options.filters).toEqual([{ name: 'Word 文档', extensions: ['docx'] }]);
  });

  it('falls back to 科技局 without an orgName, and a cancelled dialog writes nothing', async () => {
    const { stub, shell, root } = start();
    stub.ready();
    await shell!.ready;
    expect(
      await stub.invoke('desktop.saveFile', {
        ...report,
        purpose: 'ledger',
        fileName: '企业_2026-11-23.xlsx',
      }),
    ).toEqual({
      ok: true,
      result: null,
    });
    const options = stub.dialogs[0]!.options;
    expect(options.defaultPath).toBe(join(root, 'Documents', '科技局_企业_2026-11-23.xlsx'));
    expect(options.filters).toEqual([{ name: 'Excel 工作簿', extensions: ['xlsx'] }]);
  });

  it('refuses a call whose input does not match, without a dialog', async () => {
    const { stub, shell } = start({ savePath: (p) => p });
    stub.ready();
    await shell!.ready;
    const r = await stub.invoke('desktop.saveFile', { ...report, purpose: 'anything', path: '/etc/passwd' });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(stub.dialogs).toHaveLength(0);
  });

  it('chooses a sync folder with a folder dialog, in the UI language', async () => {
    const { stub, shell } = start({ folderPath: 'D:\\共享\\台账同步' });
    stub.ready();
    await shell!.ready;
    expect(await stub.invoke('desktop.setLanguage', { language: 'en' })).toEqual({ ok: true, result: {} });
    expect(await stub.invoke('desktop.chooseFolder')).toEqual({
      ok: true,
      result: { path: 'D:\\共享\\台账同步' },
    });
    expect(stub.dialogs[0]!.options).toMatchObject({
      title: 'Choose the sync folder',
      properties: ['openDirectory', 'createDirectory'],
    });
  });
});

describe('opening a file', () => {
  it('asks with a native dialog filtered to ledgers and gives the page the file read', async () => {
    const { root } = start();
    const { writeFileSync } = await import('node:fs');
    const ledger = join(root, '2026年走访台账.et');
    writeFileSync(ledger, 'wps bytes');
    const { stub, shell } = start({ folderPath: ledger });
    stub.ready();
    await shell!.ready;
    expect(await stub.invoke('desktop.openFile', { purpose: 'ledger' })).toEqual({
      ok: true,
      result: {
        purpose: 'ledger',
        name: '2026年走访台账.et',
        contentBase64: Buffer.from('wps bytes').toString('base64'),
      },
    });
    const o = stub.dialogs.at(-1)!.options as {
      title: string;
      properties: string[];
      filters: { extensions: string[] }[];
    };
    expect(o.title).toBe('打开台账文件');
    expect(o.properties).toEqual(['openFile']);
    expect(o.filters[0]!.extensions).toEqual(expect.arrayContaining(['xlsx', 'xls', 'et', 'ods', 'csv']));
  });

  it('offers only sync files for a sync import, and a cancelled dialog gives null', async () => {
    const { stub, shell } = start();
    stub.ready();
    await shell!.ready;
    expect(await stub.invoke('desktop.openFile', { purpose: 'sync' })).toEqual({ ok: true, result: null });
    const o = stub.dialogs.at(-1)!.options as { filters: { extensions: string[] }[] };
    expect(o.filters[0]!.extensions).toEqual(['vlsync']);
  });

  it('refuses a purpose it does not know, without a dialog', async () => {
    const { stub, shell } = start();
    stub.ready();
    await shell!.ready;
    const r = await stub.invoke('desktop.openFile', { purpose: 'anything' });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(stub.dialogs).toHaveLength(0);
  });
});

describe('application menu', () => {
  const labels = (menu: MenuItemConstructorOptions[]) => menu.map((m) => m.label);
  const items = (menu: MenuItemConstructorOptions[]) =>
    menu.flatMap((m) => m.submenu as MenuItemConstructorOptions[]);

  it('is Chinese, switches to English with the UI, and has no developer items in production', async () => {
    const { stub, shell } = start();
    stub.ready();
    await shell!.ready;
    expect(labels(stub.menus[0]!)).toEqual(['文件', '编辑', '视图', '帮助']);
    await stub.invoke('desktop.setLanguage', { language: 'en' });
    expect(labels(stub.menus.at(-1)!)).toEqual(['File', 'Edit', 'View', 'Help']);
    for (const menu of stub.menus) {
      const roles = items(menu).map((i) => i.role);
      expect(roles).toEqual(
        expect.arrayContaining([
          'undo',
          'redo',
          'cut',
          'copy',
          'paste',
          'selectAll',
          'zoomIn',
          'zoomOut',
          'resetZoom',
        ]),
      );
      expect(roles).not.toContain('reload');
      expect(roles).not.toContain('toggleDevTools');
    }
  });

  it('has reload and developer tools in development', async () => {
    const { stub, shell } = start({}, { development: true });
    stub.ready();
    await shell!.ready;
    const roles = items(stub.menus[0]!).map((i) => i.role);
    expect(roles).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('打开数据文件夹 opens the database folder; 立即备份 backs up and says where', async () => {
    const { stub, shell, root } = start();
    stub.ready();
    await shell!.ready;
    click(items(stub.menus[0]!), '打开数据文件夹');
    expect(stub.events).toContain(`shell:openPath ${join(root, 'userData')}`);
    click(items(stub.menus[0]!), '立即备份');
    await tick();
    expect(stub.dialogs.at(-1)).toMatchObject({ kind: 'message', options: { message: '已备份' } });
  });
});

describe('window state', () => {
  it('is saved on close and restored at the next start', async () => {
    const first = start({ displays: [{ x: 0, y: 0, width: 1920, height: 1040 }] });
    first.stub.ready();
    await first.shell!.ready;
    const win = first.stub.windows[0]!;
    win.bounds = { x: 100, y: 50, width: 1500, height: 800 };
    win.maximized = true;
    win.emit('close', electronEvent());
    const stateFile = join(first.root, 'userData', 'window-state.json');
    expect(JSON.parse(readFileSync(stateFile, 'utf8'))).toEqual({
      x: 100,
      y: 50,
      width: 1500,
      height: 800,
      maximized: true,
    });

    const second = start({ userData: join(first.root, 'userData') });
    second.stub.ready();
    await second.shell!.ready;
    const again = second.stub.windows[0]!;
    expect(again.options).toMatchObject({
      x: 100,
      y: 50,
      width: 1500,
      height: 800,
      minWidth: 1280,
      minHeight: 720,
    });
    again.emit('ready-to-show');
    expect(again.maximized).toBe(true);
  });

  it('comes back on the laptop screen when the monitor it was on is gone', async () => {
    const first = start({
      displays: [
        { x: 0, y: 0, width: 1920, height: 1040 },
        { x: 1920, y: 0, width: 2560, height: 1400 },
      ],
    });
    first.stub.ready();
    await first.shell!.ready;
    const win = first.stub.windows[0]!;
    win.bounds = { x: 2200, y: 100, width: 1600, height: 900 };
    win.emit('close', electronEvent());

    const undocked = start({
      userData: join(first.root, 'userData'),
      displays: [{ x: 0, y: 0, width: 1366, height: 728 }],
    });
    undocked.stub.ready();
    await undocked.shell!.ready;
    const o = undocked.stub.windows[0]!.options;
    expect(o.x).toBeGreaterThanOrEqual(0);
    expect(o.x! + o.width!).toBeLessThanOrEqual(1366);
    expect(o.y! + o.height!).toBeLessThanOrEqual(728);
    expect([o.width, o.height]).toEqual([1366, 728]);
  });
});

describe('quitting', () => {
  it('without a job, closes the database and quits', async () => {
    const { stub, shell, fake } = start();
    stub.ready();
    await shell!.ready;
    stub.electron.app.quit();
    expect(fake.state.closed).toBe(true);
    expect(stub.events.slice(-3)).toEqual(['app:quit', 'core:close', 'app:quit-done']);
  });

  it('during an import asks, waits for the job to end, then closes the database and quits', async () => {
    const { stub, shell, fake } = start({ messageResponse: 0 });
    stub.ready();
    await shell!.ready;
    fake.startJob('sync.import');
    stub.electron.app.quit();
    await tick();
    expect(stub.events.at(-1)).toBe('app:quit'); // prevented: not done
    expect(stub.dialogs.at(-1)!.options).toMatchObject({
      message: '正在导入同步文件。',
      buttons: ['完成后退出', '继续工作'],
    });
    expect(fake.state.closed).toBe(false);
    fake.endJob();
    await tick();
    await tick();
    expect(fake.state.closed).toBe(true);
    expect(stub.events.slice(-3)).toEqual(['core:close', 'app:quit', 'app:quit-done']);
  });

  it('while the core is still being prepared, waits for it to open, then closes it and quits', async () => {
    let open!: () => void;
    const opened = new Promise<void>((r) => (open = r));
    const { stub, shell, fake } = start({}, { core: async () => (await opened, fake.api) });
    stub.ready();
    await tick();
    expect(stub.events).toContain('core:load');
    stub.electron.app.quit();
    await tick();
    expect(stub.events.at(-1)).toBe('app:quit'); // prevented: the migration or demo load runs on
    expect(stub.events).not.toContain('core:close');
    open();
    await shell!.ready;
    await tick();
    await tick();
    expect(fake.state.closed).toBe(true);
    expect(stub.events.slice(-3)).toEqual(['core:close', 'app:quit', 'app:quit-done']);
  });

  it('a core that failed to open is not waited for: the app quits at once', async () => {
    const { stub, shell } = start({}, { core: async () => Promise.reject(new Error('disk full')) });
    stub.ready();
    await shell!.ready;
    stub.electron.app.quit();
    expect(stub.events.slice(-2)).toEqual(['app:quit', 'app:quit-done']);
  });

  it('closing the window during a job asks too; 继续工作 keeps the window and the database open', async () => {
    const { stub, shell, fake } = start({ messageResponse: 1 });
    stub.ready();
    await shell!.ready;
    fake.startJob('ledger.import');
    const close = electronEvent();
    stub.windows[0]!.emit('close', close);
    await tick();
    expect(close.prevented).toBe(true);
    expect(stub.dialogs.at(-1)!.options.message).toBe('正在导入台账。');
    expect(fake.state.closed).toBe(false);
    expect(stub.events).not.toContain('app:quit-done');
  });
});

describe('second launch with a file', () => {
  it('hands a .vlsync or a ledger to the running app, read for the page', async () => {
    const { stub, shell, root } = start();
    stub.ready();
    await shell!.ready;
    const { writeFileSync } = await import('node:fs');
    const sync = join(root, '王五-20261123.vlsync');
    writeFileSync(sync, 'sync bytes');
    const ledger = join(root, '2026年走访台账.xlsx');
    writeFileSync(ledger, 'ledger bytes');
    stub.appEvents.emit('second-instance', electronEvent(), ['VisitLedger.exe', '--flag', sync], root);
    stub.appEvents.emit('second-instance', electronEvent(), ['VisitLedger.exe', ledger], root);
    expect(await stub.invoke('desktop.takeOpenRequests')).toEqual({
      ok: true,
      result: [
        {
          purpose: 'sync',
          name: '王五-20261123.vlsync',
          contentBase64: Buffer.from('sync bytes').toString('base64'),
        },
        {
          purpose: 'ledger',
          name: '2026年走访台账.xlsx',
          contentBase64: Buffer.from('ledger bytes').toString('base64'),
        },
      ],
    });
    expect(existsSync(sync)).toBe(true);
  });
});
