// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import './setup';
import '../../../src-renderer/i18n';
import { files } from '../../../src-renderer/files';
import { receiveHandedOver } from '../../../src-renderer/handedOver';
import { FolderSync } from '../../../src-renderer/screens/sync/FolderSync';
import { FileStep } from '../../../src-renderer/screens/import/FileStep';
import { ImportCard } from '../../../src-renderer/screens/sync/ImportCard';
import { useSync } from '../../../src-renderer/stores/sync';
import { useImportWizard } from '../../../src-renderer/stores/importWizard';
import { installBridge } from './bridge';
import { openLaptop, sameTeam, type Laptop } from './otherLaptop';

// The renderer's one interface for files, behind the desktop shell (window.visitLedger.desktop,
// recorded here) and in the web mode (the browser's download), and the files the system hands
// the desktop app going where a person would take them.

type DesktopCalls = { name: string; input: unknown }[];

/** The preload's desktop calls, answering as the shell would after the person's choice. */
function withDesktop(answers: Record<string, unknown>): DesktopCalls {
  const calls: DesktopCalls = [];
  const call = (name: string) => async (input?: unknown) => {
    calls.push({ name, input });
    return { ok: true, result: answers[name] ?? null };
  };
  Object.assign(window.visitLedger!, {
    desktop: {
      saveFile: call('saveFile'),
      chooseFolder: call('chooseFolder'),
      takeOpenRequests: call('takeOpenRequests'),
      openFile: call('openFile'),
      setLanguage: call('setLanguage'),
    },
  });
  return calls;
}

const laptops: Laptop[] = [];
afterEach(() => {
  for (const l of laptops.splice(0)) l.close();
  window.location.hash = '';
});

describe('files.saveAs', () => {
  const request = {
    purpose: 'report' as const,
    fileName: '季度走访工作总结-2026Q3.docx',
    contentBase64: 'd29yZA==',
    mime: 'application/x',
    quarter: '2026Q3',
  };

  it('in the web mode, downloads under the core’s name', async () => {
    installBridge();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    URL.createObjectURL = vi.fn(() => 'blob:x');
    URL.revokeObjectURL = vi.fn();
    expect(await files.saveAs(request)).toBe('季度走访工作总结-2026Q3.docx');
    expect(click).toHaveBeenCalledTimes(1);
    expect(files.canChooseFolder()).toBe(false);
    expect(await files.handedOver()).toEqual([]);
    click.mockRestore();
  });

  it('in the desktop app, asks the shell’s save dialog and tells where the file went', async () => {
    installBridge();
    const calls = withDesktop({
      saveFile: { path: 'C:\\Users\\王\\Documents\\科技局_2026年第三季度走访工作总结.docx' },
    });
    expect(await files.saveAs(request)).toBe(
      'C:\\Users\\王\\Documents\\科技局_2026年第三季度走访工作总结.docx',
    );
    const { mime: _mime, ...sent } = request;
    expect(calls).toEqual([{ name: 'saveFile', input: sent }]);
  });

  it('a cancelled save dialog is no file', async () => {
    installBridge();
    withDesktop({ saveFile: null });
    expect(await files.saveAs(request)).toBeNull();
  });
});

describe('the sync folder', () => {
  it('is picked with the desktop’s folder dialog', async () => {
    installBridge();
    const calls = withDesktop({ chooseFolder: { path: 'D:\\共享\\台账同步' } });
    render(<FolderSync />);
    await userEvent.setup().click(screen.getByTestId('folder-choose'));
    await waitFor(() => expect(screen.getByDisplayValue('D:\\共享\\台账同步')).toBeTruthy());
    expect(calls.map((c) => c.name)).toEqual(['chooseFolder']);
  });

  it('is typed in the web mode, which has no folder dialog', () => {
    installBridge();
    render(<FolderSync />);
    expect(screen.queryByTestId('folder-choose')).toBeNull();
  });
});

describe('files handed to the desktop app', () => {
  it('a .vlsync goes to the sync screen’s import', async () => {
    const b = installBridge();
    const other = openLaptop('李明的笔记本', '李明', b.clock.now);
    laptops.push(other);
    sameTeam(b, other);
    other.ok('staff.create', { name: '新同事', role: 'staff' });
    const file = other.ok('sync.export', {});
    withDesktop({
      takeOpenRequests: [{ purpose: 'sync', name: file.fileName, contentBase64: file.contentBase64 }],
    });
    await receiveHandedOver();
    expect(window.location.hash).toBe('#/sync');
    const imported = b.calls.find((c) => c.method === 'sync.import');
    expect(imported?.input).toMatchObject({ fileName: file.fileName, contentBase64: file.contentBase64 });
    expect(useSync.getState().lastReport).not.toBeNull();
    expect(b.ok('staff.list', {}).rows.map((s) => s.name)).toContain('新同事');
  });

  it('a ledger goes to the import wizard', async () => {
    installBridge();
    const csv = Buffer.from('企业名称,统一社会信用代码\n启明精密,91350100M000100Y43\n').toString('base64');
    withDesktop({ takeOpenRequests: [{ purpose: 'ledger', name: '走访台账.csv', contentBase64: csv }] });
    await receiveHandedOver();
    expect(window.location.hash).toBe('#/import');
    expect(useImportWizard.getState().file).toMatchObject({ name: '走访台账.csv', contentBase64: csv });
  });
});

describe('opening a file', () => {
  it('the import wizard’s file field opens the desktop’s dialog and takes the file chosen', async () => {
    installBridge();
    const csv = Buffer.from('企业名称,统一社会信用代码\n启明精密,91350100M000100Y43\n').toString('base64');
    const calls = withDesktop({ openFile: { purpose: 'ledger', name: '走访台账.et', contentBase64: csv } });
    render(<FileStep />);
    await userEvent.click(screen.getByTestId('ledger-import-file'));
    await waitFor(() => expect(useImportWizard.getState().file).toMatchObject({ name: '走访台账.et' }));
    expect(calls).toEqual([{ name: 'openFile', input: { purpose: 'ledger' } }]);
  });

  it('a cancelled dialog leaves the wizard as it was', async () => {
    installBridge();
    useImportWizard.getState().reset();
    withDesktop({ openFile: null });
    render(<FileStep />);
    await userEvent.click(screen.getByTestId('ledger-import-file'));
    await new Promise((r) => setTimeout(r, 20));
    expect(useImportWizard.getState().file).toBeNull();
  });

  it('the sync import opens the desktop’s dialog for a .vlsync and imports it', async () => {
    const b = installBridge();
    const other = openLaptop('李明的笔记本', '李明', b.clock.now);
    laptops.push(other);
    sameTeam(b, other);
    other.ok('staff.create', { name: '新同事', role: 'staff' });
    const file = other.ok('sync.export', {});
    const calls = withDesktop({
      openFile: { purpose: 'sync', name: file.fileName, contentBase64: file.contentBase64 },
    });
    await useSync.getState().load();
    render(<ImportCard />);
    await userEvent.click(await screen.findByTestId('sync-import-file'));
    await waitFor(() => expect(b.ok('staff.list', {}).rows.map((s) => s.name)).toContain('新同事'));
    expect(calls).toEqual([{ name: 'openFile', input: { purpose: 'sync' } }]);
  });
});
