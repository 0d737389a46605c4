import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../src-main/open';
import { openDesktopCore } from '../../src-main/doors/electron/coreSide';
import { SCHEMA_VERSION } from '../../src-main/store/migrations';
import { freshUscc } from './fixtures';
import { pair } from './syncPair';
import { start } from '../unit/shell/startShell';
import { electronEvent } from '../unit/shell/electronStub';

// The shell on a recording stub of Electron, over a real core: what a double-clicked sync file
// and the menu's commands do to a real database.

/** The core as main.ts opens it, the worker's preparation run in-process. */
const realCore = (dbPath: string) => () =>
  openDesktopCore({
    dbPath,
    log: () => undefined,
    prepare: async (path) => openCore(path, { dailyBackup: true }).store.close(),
  });

describe('a .vlsync handed to the app', () => {
  it('on the first launch reaches the import', async () => {
    const { a, b } = pair();
    a.ok('enterprises.create', { uscc: freshUscc(), name: '启明精密机械有限公司' });
    const file = a.ok('sync.export', {});
    const { root } = start();
    const path = join(root, file.fileName);
    writeFileSync(path, Buffer.from(file.contentBase64!, 'base64'));

    const { stub, shell } = start(
      {},
      { argv: ['VisitLedger.exe', path], dbPath: b.path, core: realCore(b.path) },
    );
    stub.ready();
    await shell!.ready;
    const handed = await stub.invoke('desktop.takeOpenRequests');
    expect(handed).toMatchObject({ ok: true, result: [{ purpose: 'sync', name: file.fileName }] });
    const [request] = (handed as { result: { contentBase64: string; name: string }[] }).result;
    // What the page does with it (src-renderer/openRequests.ts): the sync screen's import.
    const report = await stub.invoke('sync.import', {
      contentBase64: request!.contentBase64,
      fileName: request!.name,
    });
    expect(report).toMatchObject({ ok: true });
    expect(b.ok('enterprises.list', {}).rows.map((e) => e.name)).toContain('启明精密机械有限公司');
  });

  it('on a second launch reaches the running app', async () => {
    const { a, b } = pair();
    const file = a.ok('sync.export', {});
    const { stub, shell, root } = start({}, { dbPath: b.path, core: realCore(b.path) });
    stub.ready();
    await shell!.ready;
    const path = join(root, file.fileName);
    writeFileSync(path, Buffer.from(file.contentBase64!, 'base64'));
    stub.appEvents.emit('second-instance', electronEvent(), ['VisitLedger.exe', path], root);
    const handed = await stub.invoke('desktop.takeOpenRequests');
    const [request] = (handed as { result: { contentBase64: string; name: string }[] }).result;
    expect(
      await stub.invoke('sync.import', { contentBase64: request!.contentBase64, fileName: request!.name }),
    ).toMatchObject({
      ok: true,
    });
  });
});

describe('over a real core', () => {
  it('proposes file names with the bureau set on this install', async () => {
    const { b } = pair();
    b.core.store.setMeta('orgName', '启明区科技局');
    const { stub, shell, root } = start({ savePath: (p) => p }, { dbPath: b.path, core: realCore(b.path) });
    stub.ready();
    await shell!.ready;
    await stub.invoke('desktop.saveFile', {
      purpose: 'report',
      fileName: '季度走访工作总结-2026Q3.docx',
      quarter: '2026Q3',
      contentBase64: '',
    });
    expect(stub.dialogs[0]!.options.defaultPath).toBe(
      join(root, 'Documents', '启明区科技局_2026年第三季度走访工作总结.docx'),
    );
  });

  it('关于 tells the version, the database and its schema version; 立即备份 makes a backup', async () => {
    const { b } = pair();
    const { stub, shell } = start({}, { dbPath: b.path, core: realCore(b.path) });
    stub.ready();
    await shell!.ready;
    const help = stub.menus[0]![3]!.submenu as { label: string; click: () => void }[];
    help.find((i) => i.label === '关于科技服务走访台账')!.click();
    const file = stub.menus[0]![0]!.submenu as { label: string; click: () => void }[];
    file.find((i) => i.label === '立即备份')!.click();
    await new Promise((r) => setTimeout(r, 50));
    const [about, backup] = stub.dialogs.map((d) => d.options);
    expect(about!.detail).toBe(`版本 9.9.9\n数据库：${b.path}\n数据结构版本：${SCHEMA_VERSION}`);
    expect(backup).toMatchObject({ message: '已备份' });
    expect(b.ok('backups.list', {}).rows.map((r) => r.path)).toContain(backup!.detail);
  });

  it('导出诊断信息 saves the log and app info, without who "me" is', async () => {
    const { b } = pair();
    const me = b.ok('app.info', {}).me!.name;
    const { stub, shell } = start({ savePath: (p) => p }, { dbPath: b.path, core: realCore(b.path) });
    stub.ready();
    await shell!.ready;
    const help = stub.menus[0]![3]!.submenu as { label: string; click: () => void }[];
    help.find((i) => i.label === '导出诊断信息…')!.click();
    await new Promise((r) => setTimeout(r, 50));
    const saved = stub.dialogs[0]!.options.defaultPath as string;
    expect(saved).toMatch(/走访台账诊断信息_\d{8}-\d{4}\.txt$/);
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(saved, 'utf8');
    expect(text).toContain(`数据结构版本 schema version: ${SCHEMA_VERSION}`);
    expect(text).toMatch(/INFO start 9\.9\.9/);
    expect(text).not.toContain(me);
  });
});
