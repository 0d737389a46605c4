// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import './setup';
import '../../../src-renderer/i18n';
import { SyncScreen } from '../../../src-renderer/screens/SyncScreen';
import { useSync } from '../../../src-renderer/stores/sync';
import { useSession } from '../../../src-renderer/stores/session';
import { parseHash } from '../../../src-renderer/router';
import { installBridge, type Bridge } from './bridge';
import type { MethodName } from '@shared/contract/methods';
import { callAsync } from '../../../src-main/dispatch';
import { openLaptop, sameTeam, PASSPHRASE, type Laptop } from './otherLaptop';

// The Sync screen against a real core, with a second laptop making the files it imports.

const laptops: Laptop[] = [];
afterEach(() => {
  for (const l of laptops.splice(0)) l.close();
  useSync.setState({
    status: null,
    duplicates: [],
    staffDuplicates: [],
    loadError: null,
    busy: null,
    error: null,
    lastReport: null,
    lastFolder: null,
    lastExport: null,
    massDelete: null,
    progress: null,
  });
  useSession.setState({ openConflicts: 0, clockBehind: null });
});

async function setup() {
  const b = installBridge();
  const other = openLaptop('李明的笔记本', '李明', b.clock.now);
  laptops.push(other);
  await useSession.getState().load();
  render(<SyncScreen route={parseHash('#/sync')} />);
  await screen.findByTestId('sync-team');
  return { b, other, user: userEvent.setup() };
}

/**
 * The core's job as sync.progress tells it (its real steps: test/integration/sync.progress.test.ts)
 * is the one `job()` gives; `method` waits until the returned release() is called, then runs on
 * the core (or answers `answer`).
 */
function holdJob(b: Bridge, method: MethodName, job: () => unknown, answer?: unknown): () => void {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  b.override('sync.progress', () => ({ ok: true, result: { job: job() } }));
  b.override(method, async (input) => {
    await held;
    return answer ?? JSON.parse(JSON.stringify(await callAsync(b.core, method, input)));
  });
  return release;
}

const figure = (root: HTMLElement, key: string) =>
  root.querySelector(`[data-figure="${key}"] dd`)?.textContent;

describe('SyncScreen', () => {
  it('creates a team from the form, refusing a mismatch and a short passphrase next to their fields', async () => {
    const { b, user } = await setup();
    const team = screen.getByTestId('sync-team');
    expect(within(team).getByTestId('device-name').textContent).toBe('test-laptop');
    expect(screen.getByTestId('export-new')).toHaveProperty('disabled', true);

    await user.type(within(team).getByLabelText(/团队名称/), '高新区科技局');
    await user.type(within(team).getByLabelText(/^团队口令/), 'short');
    await user.type(within(team).getByLabelText(/再次输入口令/), 'shorter');
    await user.click(within(team).getByTestId('team-create'));
    expect(team.querySelector('.field-error[data-field="passphraseAgain"]')?.textContent).toBe(
      '两次输入的口令不一致',
    );
    expect(b.calls.some((c) => c.method === 'sync.team.create')).toBe(false);

    await user.clear(within(team).getByLabelText(/再次输入口令/));
    await user.type(within(team).getByLabelText(/再次输入口令/), 'short');
    await user.click(within(team).getByTestId('team-create'));
    await waitFor(() =>
      expect(team.querySelector('.field-error[data-field="passphrase"]')?.textContent).toMatch(/8/),
    );

    const pass = within(team).getByLabelText(/^团队口令/);
    expect(pass.getAttribute('type')).toBe('password');
    await user.clear(pass);
    await user.type(pass, PASSPHRASE);
    await user.clear(within(team).getByLabelText(/再次输入口令/));
    await user.type(within(team).getByLabelText(/再次输入口令/), PASSPHRASE);
    await user.click(within(team).getByTestId('team-create'));
    const code = await within(team).findByTestId('team-code');
    expect((code as HTMLInputElement).value).toMatch(/^VLT1\./);
    expect(within(team).getByTestId('team-name').textContent).toBe('高新区科技局');
    // The passphrase is not kept by the renderer.
    expect(JSON.stringify(useSync.getState())).not.toContain(PASSPHRASE);
    expect(b.ok('sync.status').team?.name).toBe('高新区科技局');
  });

  it('joins a team with a code, showing a wrong passphrase next to its field', async () => {
    const { other, user } = await setup();
    const { teamCode } = other.ok('sync.team.create', { name: '市局', passphrase: PASSPHRASE });
    const team = screen.getByTestId('sync-team');
    await user.click(within(team).getByTestId('team-mode-join'));
    await user.type(within(team).getByLabelText(/^团队代码/), teamCode);
    await user.type(within(team).getByLabelText(/^团队口令/), 'not-the-passphrase');
    await user.click(within(team).getByTestId('team-join'));
    await waitFor(() =>
      expect(team.querySelector('.field-error[data-field="passphrase"]')?.textContent).toBeTruthy(),
    );
    await user.clear(within(team).getByLabelText(/^团队口令/));
    await user.type(within(team).getByLabelText(/^团队口令/), PASSPHRASE);
    await user.click(within(team).getByTestId('team-join'));
    await waitFor(() => expect(within(team).getByTestId('team-name').textContent).toBe('市局'));
  });

  it('imports a file, shows its report, then "0 new changes" for the same file again, and the history', async () => {
    const { b, other, user } = await setup();
    sameTeam(b, other);
    other.ok('enterprises.create', { uscc: '91350100M000100Y43', name: '福州星火科技有限公司' });
    other.ok('enterprises.create', { uscc: '91350100M000200Y4T', name: '福州海峡光电有限公司' });
    const file = other.exportFile();
    await useSync.getState().load();

    await user.upload(await screen.findByTestId('sync-import-file'), file);
    const report = within(await screen.findByTestId('last-report')).getByTestId('import-report');
    expect(figure(report, 'createdRecords')).toBe('4'); // two enterprises, the staff member, the device
    expect(Number(figure(report, 'newChanges'))).toBeGreaterThan(0);
    expect(figure(report, 'alreadyKnown')).toBe('0');
    expect(within(report).queryByTestId('report-nothing-new')).toBeNull();
    expect(report.textContent).toContain('李明的笔记本');
    expect(report.textContent).toContain(file.name);
    const imported = b.calls.find((c) => c.method === 'sync.import')!.input as Record<string, unknown>;
    expect(imported.fileName).toBe(file.name);
    expect(b.ok('enterprises.list').total).toBe(2);

    await user.upload(screen.getByTestId('sync-import-file'), file);
    await waitFor(() =>
      expect(within(screen.getByTestId('last-report')).getByTestId('report-nothing-new').textContent).toBe(
        '0 条新变更：这些变更本机都已有了。',
      ),
    );
    expect(figure(within(screen.getByTestId('last-report')).getByTestId('import-report'), 'newChanges')).toBe(
      '0',
    );
    await waitFor(() => expect(screen.getAllByTestId('history-item')).toHaveLength(2));
    const devices = screen.getByTestId('sync-devices');
    expect(devices.querySelector('[data-device="李明的笔记本"]')).toBeTruthy();
  });

  it('shows how far an import has got while it runs, then its report', async () => {
    const { b, other, user } = await setup();
    sameTeam(b, other);
    other.ok('enterprises.create', { uscc: '91350100M000100Y43', name: '福州星火科技有限公司' });
    const file = other.exportFile();
    await useSync.getState().load();
    let job: unknown = null;
    const release = holdJob(b, 'sync.import', () => job);

    await user.upload(await screen.findByTestId('sync-import-file'), file);
    const box = await screen.findByTestId('sync-progress-import');
    expect(within(box).getByTestId('sync-progress-phase').textContent).toBe(`正在导入 ${file.name}…`);
    const started = { method: 'sync.import', startedAt: '2026-11-23T04:00:00.000Z', file: null };
    job = { ...started, phase: 'applying', done: 45000, total: 120000 };
    await waitFor(() =>
      expect(within(box).getByTestId('sync-progress-phase').textContent).toBe(
        '正在合并变更 45,000 / 120,000（37%）',
      ),
    );
    const bar = box.querySelector('progress')!;
    expect(bar.getAttribute('max')).toBe('120000');
    expect(bar.getAttribute('value')).toBe('45000');
    job = { ...started, phase: 'indexing', done: 0, total: 0 };
    await waitFor(() =>
      expect(within(box).getByTestId('sync-progress-phase').textContent).toBe('正在重建索引…'),
    );
    expect(box.querySelector('progress')!.hasAttribute('value')).toBe(false);
    expect(screen.getByTestId('sync-import-file')).toHaveProperty('disabled', true);

    release();
    await screen.findByTestId('last-report');
    expect(screen.queryByTestId('sync-progress-import')).toBeNull();
    expect(useSync.getState().progress).toBeNull();
    expect(b.ok('enterprises.list').total).toBe(1);
  });

  it('shows which file of the folder a folder sync is on', async () => {
    const { b, other, user } = await setup();
    sameTeam(b, other);
    await useSync.getState().load();
    const release = holdJob(
      b,
      'sync.folder',
      () => ({
        method: 'sync.folder',
        startedAt: '2026-11-23T04:00:00.000Z',
        phase: 'saving',
        done: 5,
        total: 8,
        file: { name: 'LM-20261123-1-40.vlsync', index: 1, count: 3 },
      }),
      { ok: true, result: { imported: [], refused: [], exported: null } },
    );
    await user.type(screen.getByLabelText(/文件夹路径/), '/mnt/share/visit-ledger');
    await user.click(screen.getByTestId('folder-sync'));
    const box = await screen.findByTestId('sync-progress-folder');
    await waitFor(() =>
      expect(within(box).getByTestId('sync-progress-file').textContent).toBe(
        '第 2/3 个文件：LM-20261123-1-40.vlsync',
      ),
    );
    expect(within(box).getByTestId('sync-progress-phase').textContent).toBe('正在写入变更 5 / 8（62%）');
    expect(screen.queryByTestId('sync-progress-import')).toBeNull();
    release();
    await screen.findByTestId('folder-result');
    expect(screen.queryByTestId('sync-progress-folder')).toBeNull();
  });

  it('shows how far an export has got while it runs', async () => {
    const { b, user } = await setup();
    b.ok('sync.team.create', { name: '局', passphrase: PASSPHRASE });
    await useSync.getState().load();
    const release = holdJob(b, 'sync.export', () => ({
      method: 'sync.export',
      startedAt: '2026-11-23T04:00:00.000Z',
      phase: 'exporting',
      done: 20000,
      total: 100000,
      file: null,
    }));
    URL.createObjectURL = () => 'blob:sync';
    URL.revokeObjectURL = () => undefined;
    HTMLAnchorElement.prototype.click = () => undefined;
    await user.click(screen.getByTestId('export-full'));
    const box = await screen.findByTestId('sync-progress-export');
    await waitFor(() =>
      expect(within(box).getByTestId('sync-progress-phase').textContent).toBe(
        '正在导出变更 20,000 / 100,000（20%）',
      ),
    );
    release();
    await screen.findByTestId('last-export');
    expect(screen.queryByTestId('sync-progress-export')).toBeNull();
  });

  it('shows a refused file next to the file field and leaves the database as it was', async () => {
    const { b, user } = await setup();
    b.ok('sync.team.create', { name: '局', passphrase: PASSPHRASE });
    await useSync.getState().load();
    await user.upload(
      await screen.findByTestId('sync-import-file'),
      new File(['not a sync file'], 'x.vlsync'),
    );
    await waitFor(() =>
      expect(document.querySelector('.field-error[data-field="file"]')?.textContent).toBeTruthy(),
    );
    expect(screen.queryByTestId('import-report')).toBeNull();
    expect(b.ok('sync.status').imports).toHaveLength(0);
  });

  it('asks before an import that deletes many records, says how many of which kind, then imports', async () => {
    const { b, other, user } = await setup();
    sameTeam(b, other);
    const ids = Array.from(
      { length: 6 },
      (_, i) => other.ok('experts.create', { name: `专家${i}`, organization: '福州大学' }).id,
    );
    b.ok('sync.import', { contentBase64: other.ok('sync.export', { full: true }).contentBase64! });
    for (const id of ids) other.ok('experts.delete', { id });
    const file = other.exportFile();
    await useSync.getState().load();

    await user.upload(await screen.findByTestId('sync-import-file'), file);
    const dialog = await screen.findByTestId('mass-delete');
    expect(within(dialog).getByTestId('mass-delete-rows').textContent).toBe('专家：删除 6 条（现有 6 条）');
    expect(b.ok('experts.list').total).toBe(6);

    await user.click(within(dialog).getByTestId('mass-delete-confirm'));
    await waitFor(() => expect(screen.queryByTestId('mass-delete')).toBeNull());
    expect(b.ok('experts.list').total).toBe(0);
    const last = b.calls.filter((c) => c.method === 'sync.import').pop()!.input as Record<string, unknown>;
    expect(last.confirmMassDelete).toBe(true);
    const last2 = await screen.findByTestId('last-report');
    expect(within(last2).getByTestId('report-deletions').textContent).toContain('专家 6');
  });

  it('cancelling the mass-delete question imports nothing', async () => {
    const { b, other, user } = await setup();
    sameTeam(b, other);
    const ids = Array.from({ length: 5 }, (_, i) => other.ok('experts.create', { name: `专家${i}` }).id);
    b.ok('sync.import', { contentBase64: other.ok('sync.export', { full: true }).contentBase64! });
    for (const id of ids) other.ok('experts.delete', { id });
    await useSync.getState().load();
    await user.upload(await screen.findByTestId('sync-import-file'), other.exportFile());
    const dialog = await screen.findByTestId('mass-delete');
    await user.click(within(dialog).getByText('取消'));
    expect(screen.queryByTestId('mass-delete')).toBeNull();
    expect(b.ok('experts.list').total).toBe(5);
    expect(b.ok('sync.status').imports).toHaveLength(1);
  });

  it('exports the changes waiting as a downloaded file and then has none waiting', async () => {
    const { b, user } = await setup();
    b.ok('sync.team.create', { name: '局', passphrase: PASSPHRASE });
    b.ok('experts.create', { name: '王教授' });
    await useSync.getState().load();
    await waitFor(() =>
      expect(screen.getByTestId('pending-changes').textContent).toMatch(/待导出变更 \d+ 条/),
    );
    // Which records the export will carry: the expert, and this laptop's staff member and device.
    expect(screen.getByTestId('pending-kinds').textContent).toBe('涉及：设备 1 条、专家 1 条、人员 1 条');
    const clicked: string[] = [];
    URL.createObjectURL = () => 'blob:sync';
    URL.revokeObjectURL = () => undefined;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    };
    await user.click(screen.getByTestId('export-new'));
    await waitFor(() => expect(clicked).toHaveLength(1));
    expect(clicked[0]).toMatch(/\.vlsync$/);
    await waitFor(() =>
      expect(screen.getByTestId('pending-changes').textContent).toContain('自上次导出以来没有新变更'),
    );
    expect(screen.queryByTestId('pending-kinds')).toBeNull();
  });

  it('merges duplicate enterprises into the record chosen to keep', async () => {
    const { b, other, user } = await setup();
    sameTeam(b, other);
    const mine = b.ok('enterprises.create', { uscc: '91350100M000100Y43', name: '福州星火科技有限公司' });
    const theirs = other.ok('enterprises.create', { uscc: '91350100M000100Y43', name: '星火科技' });
    other.ok('visits.create', {
      enterpriseId: theirs.id,
      date: '2026-11-20',
      mode: 'onsite',
      leadStaffId: other.meId,
      summary: '了解研发情况',
    });
    b.ok('sync.import', { contentBase64: other.ok('sync.export').contentBase64! });
    await useSync.getState().load();
    const group = await screen.findByTestId('duplicate-group');
    expect(screen.getByTestId('sync-duplicates').textContent).toContain('走访、需求、会诊和回访');
    window.confirm = () => true;
    await user.click(within(group).getByLabelText(`保留这条: ${mine.name}`));
    await user.click(within(group).getByTestId('duplicate-merge'));
    await waitFor(() => expect(screen.queryByTestId('duplicate-group')).toBeNull());
    expect(b.ok('enterprises.list').rows.map((e) => e.id)).toEqual([mine.id]);
    expect(b.ok('visits.list').rows[0]?.enterpriseId).toBe(mine.id);
    expect(b.ok('enterprises.get', { id: mine.id }).formerNames).toContain('星火科技');
  });

  it('offers the same person recorded on the other laptop for merging, and merges them', async () => {
    const { b, other, user } = await setup();
    sameTeam(b, other);
    const mine = b.ok('staff.create', { name: '王伟', phone: '13800001111', position: 'section_head' });
    const theirs = other.ok('staff.create', { name: '王伟', phone: '13800001111' });
    const e = other.ok('enterprises.create', { uscc: '91350100M000100Y43', name: '福州星火科技有限公司' });
    other.ok('visits.create', {
      enterpriseId: e.id,
      date: '2026-11-20',
      mode: 'onsite',
      leadStaffId: theirs.id,
    });
    const report = b.ok('sync.import', { contentBase64: other.ok('sync.export').contentBase64! });
    expect(report.duplicateStaff).toBe(1);
    await useSync.getState().load();
    const group = await screen.findByTestId('staff-duplicate-group');
    expect(group.textContent).toContain('王伟 · 13800001111');
    expect(screen.getByTestId('sync-staff-duplicates').textContent).toContain('走访、需求、回访');
    window.confirm = () => true;
    const keep = within(group)
      .getAllByRole('row')
      .find((r) => r.textContent?.includes('科室负责人'))!;
    await user.click(within(keep).getByRole('radio'));
    await user.click(within(group).getByTestId('staff-duplicate-merge'));
    await waitFor(() => expect(screen.queryByTestId('staff-duplicate-group')).toBeNull());
    expect(b.ok('visits.list').rows[0]?.leadStaffId).toBe(mine.id);
    expect(b.ok('staff.list').rows.map((s) => s.id)).not.toContain(theirs.id);
  });
});
