// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import './setup';
import '../../../src-renderer/i18n';
import { SyncScreen } from '../../../src-renderer/screens/SyncScreen';
import { DemandDetail } from '../../../src-renderer/screens/DemandDetail';
import { RecordDrawer } from '../../../src-renderer/components/RecordDrawer';
import { useSync } from '../../../src-renderer/stores/sync';
import { useSession } from '../../../src-renderer/stores/session';
import { useDemandDetail } from '../../../src-renderer/stores/demandDetail';
import { parseHash } from '../../../src-renderer/router';
import { tempDir } from '../../helpers';
import { installBridge } from './bridge';
import { openLaptop, sameTeam, type Laptop } from './otherLaptop';

// The sync folder typed by the user (no folder picker in the web mode), and the change history
// on the demand detail and in the record drawer the other kinds use.

const laptops: Laptop[] = [];
afterEach(() => {
  for (const l of laptops.splice(0)) l.close();
  useSync.setState({
    status: null,
    error: null,
    lastReport: null,
    lastFolder: null,
    massDelete: null,
    busy: null,
  });
  useSession.setState({ openConflicts: 0, clockBehind: null });
});

/** This laptop (the bridge) and 李明's, of one team, and an empty shared folder. */
function twoLaptopsAndAFolder() {
  const b = installBridge();
  const other = openLaptop('李明的笔记本', '李明', b.clock.now);
  laptops.push(other);
  sameTeam(b, other);
  return { b, other, folder: tempDir() };
}

/** Opens the Sync screen, sees the folder synced through last offered, and syncs through it. */
async function syncOfferedFolder(folder: string) {
  await useSession.getState().load();
  const user = userEvent.setup();
  render(<SyncScreen route={parseHash('#/sync')} />);
  const path = await screen.findByLabelText<HTMLInputElement>('文件夹路径');
  await waitFor(() => expect(path.value).toBe(folder));
  await user.click(screen.getByTestId('folder-sync'));
  return user;
}

describe('sync folder', () => {
  it('exports my changes into the typed folder and imports the other laptop’s file found there', async () => {
    const { b, other, folder } = twoLaptopsAndAFolder();
    other.ok('experts.create', { name: '陈教授' });
    other.ok('sync.folder', { path: folder });
    b.ok('experts.create', { name: '王教授' });
    await useSession.getState().load();
    const user = userEvent.setup();
    render(<SyncScreen route={parseHash('#/sync')} />);
    await user.type(await screen.findByLabelText('文件夹路径'), folder);
    await user.click(screen.getByTestId('folder-sync'));
    const result = await screen.findByTestId('folder-result');
    expect(result.textContent).toMatch(/同步完成：导入 1 个文件，导出 \d+ 条变更/);
    expect(
      b
        .ok('experts.list')
        .rows.map((e) => e.name)
        .sort(),
    ).toEqual(['王教授', '陈教授']);
    expect(readdirSync(folder).filter((f) => f.endsWith('.vlsync'))).toHaveLength(2);
  });

  it('offers the folder synced through last, and syncs again with one click', async () => {
    const { b, other, folder } = twoLaptopsAndAFolder();
    b.ok('sync.folder', { path: folder });
    other.ok('experts.create', { name: '陈教授' });
    other.ok('sync.folder', { path: folder });
    await syncOfferedFolder(folder);
    expect((await screen.findByTestId('folder-result')).textContent).toMatch(/导入 1 个文件/);
    expect(b.ok('experts.list').rows.map((e) => e.name)).toEqual(['陈教授']);
  });

  it('asks before a folder file deletes many records, naming the file, then syncs with confirmation', async () => {
    const { b, other, folder } = twoLaptopsAndAFolder();
    const ids = Array.from({ length: 5 }, (_, i) => other.ok('experts.create', { name: `专家${i}` }).id);
    other.ok('sync.folder', { path: folder });
    b.ok('sync.folder', { path: folder });
    for (const id of ids) other.ok('experts.delete', { id });
    const { exported } = other.ok('sync.folder', { path: folder });
    // This laptop synced through the folder before: it is offered.
    const user = await syncOfferedFolder(folder);
    const dialog = await screen.findByTestId('mass-delete');
    expect(dialog.textContent).toContain(exported!.fileName);
    expect(within(dialog).getByTestId('mass-delete-rows').textContent).toBe('专家：删除 5 条（现有 5 条）');
    expect(b.ok('experts.list').total).toBe(5);
    await user.click(within(dialog).getByTestId('mass-delete-confirm'));
    await screen.findByTestId('folder-result');
    expect(b.ok('experts.list').total).toBe(0);
  });

  it('shows a folder that cannot be used next to the path field', async () => {
    const b = installBridge();
    const notAFolder = join(tempDir(), 'a-file.txt');
    writeFileSync(notAFolder, 'not a folder');
    b.ok('sync.team.create', { name: '局', passphrase: 'river-stone-42' });
    await useSession.getState().load();
    const user = userEvent.setup();
    render(<SyncScreen route={parseHash('#/sync')} />);
    await user.type(await screen.findByLabelText('文件夹路径'), notAFolder);
    await user.click(screen.getByTestId('folder-sync'));
    await waitFor(() =>
      expect(document.querySelector('.field-error[data-field="path"]')?.textContent).toBeTruthy(),
    );
  });
});

describe('change history on record views', () => {
  it('the demand detail lists status changes as words', async () => {
    const b = installBridge();
    const e = b.ok('enterprises.create', { uscc: '91350100M000100Y43', name: '福州星火科技有限公司' });
    const d = b.ok('demands.create', {
      enterpriseId: e.id,
      title: '融资对接',
      categories: ['finance'],
      source: 'hotline',
    });
    b.clock.ms += 60_000;
    b.ok('demands.transition', { id: d.id, to: 'assigned', assigneeStaffId: b.meId });
    await useSession.getState().load();
    useDemandDetail.setState({ id: null, demand: null, move: null });
    const user = userEvent.setup();
    render(<DemandDetail id={d.id} onClose={() => {}} />);
    const panel = await screen.findByTestId('audit-panel');
    await user.click(within(panel).getByText('修改记录'));
    const saves = await within(panel).findAllByTestId('audit-save');
    expect(saves[0]!.querySelector('[data-field="status"]')?.textContent).toBe('状态待受理 → 已交办');
    expect(saves[0]!.querySelector('[data-field="assigneeStaffId"]')?.textContent).toBe(
      '承办人（空） → 测试员',
    );
    expect(saves.at(-1)!.textContent).toContain('建立记录');
  });

  it('the record drawer shows it for a saved record, not for a new one', async () => {
    const b = installBridge();
    const x = b.ok('experts.create', { name: '王教授', title: '教授' });
    b.clock.ms += 60_000;
    b.ok('experts.update', { id: x.id, title: '研究员' });
    await useSession.getState().load();
    const props = { title: '专家', error: null, busy: false, onSave: () => {}, onClose: () => {} };
    const { unmount } = render(
      <RecordDrawer {...props} isNew audit={{ kind: 'experts', id: null }}>
        <span />
      </RecordDrawer>,
    );
    expect(screen.queryByTestId('audit-panel')).toBeNull();
    unmount();
    const user = userEvent.setup();
    render(
      <RecordDrawer {...props} isNew={false} audit={{ kind: 'experts', id: x.id }}>
        <span />
      </RecordDrawer>,
    );
    await user.click(within(screen.getByTestId('audit-panel')).getByText('修改记录'));
    const saves = await screen.findAllByTestId('audit-save');
    expect(saves[0]!.querySelector('[data-field="title"]')?.textContent).toBe('职称教授 → 研究员');
  });
});
