// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import './setup';
import { App } from '../../../src-renderer/App';
import { ConflictsScreen } from '../../../src-renderer/screens/ConflictsScreen';
import { AuditPanel } from '../../../src-renderer/components/AuditPanel';
import { auditSaves, type AuditRow } from '../../../src-renderer/audit';
import { fieldLabel, fieldValueText } from '../../../src-renderer/fieldValues';
import { useConflicts, type Conflict } from '../../../src-renderer/stores/conflicts';
import { lostToDeleteText } from '../../../src-renderer/screens/sync/lostToDelete';
import i18n from '../../../src-renderer/i18n';
import { useSession } from '../../../src-renderer/stores/session';
import { parseHash } from '../../../src-renderer/router';
import { installBridge } from './bridge';
import { openLaptop, sameTeam, type Laptop } from './otherLaptop';

// Conflicts shown as words with "keep this value" for either side, the badge that counts them,
// the clock banner, and the change history of a record including changes that came by sync.

const laptops: Laptop[] = [];
afterEach(() => {
  for (const l of laptops.splice(0)) l.close();
  useConflicts.setState({ rows: [], loaded: false, includeResolved: false, errors: {}, busyId: null });
  useSession.setState({ openConflicts: 0, clockBehind: null });
});

/** Both laptops change the status of one enterprise before seeing each other's change. */
function concurrentEdit(aheadMs = 60_000) {
  const b = installBridge();
  // The other laptop's clock is ahead, so its value wins the field by time.
  const other = openLaptop('李明的笔记本', '李明', () => b.clock.now() + aheadMs);
  laptops.push(other);
  sameTeam(b, other);
  const e = b.ok('enterprises.create', { uscc: '91350100M000100Y43', name: '福州星火科技有限公司' });
  other.ok('sync.import', { contentBase64: b.ok('sync.export', { full: true }).contentBase64! });
  b.clock.ms += 3_600_000;
  b.ok('enterprises.update', { id: e.id, status: 'unreachable' });
  other.ok('enterprises.update', { id: e.id, status: 'dormant' });
  b.ok('sync.import', { contentBase64: other.ok('sync.export').contentBase64! });
  return { b, other, e };
}

describe('ConflictsScreen', () => {
  it('shows both values as words with their laptops, and keeping the overwritten one changes the record', async () => {
    const { b, e } = concurrentEdit();
    expect(b.ok('enterprises.get', { id: e.id }).status).toBe('dormant');
    await useSession.getState().load();
    const user = userEvent.setup();
    render(<ConflictsScreen route={parseHash('#/conflicts')} />);
    const card = await screen.findByTestId('conflict');
    expect(within(card).getByTestId('conflict-field').textContent).toBe('经营状态');
    expect(within(card).getByTestId('conflict-winner-value').textContent).toBe('僵尸企业');
    expect(within(card).getByTestId('conflict-loser-value').textContent).toBe('失联');
    expect(card.textContent).toContain('李明的笔记本');
    expect(card.textContent).toContain('test-laptop');
    expect(within(card).getByTestId('conflict-record').getAttribute('href')).toBe(`#/enterprises/${e.id}`);
    expect(within(card).getByTestId('conflict-record').textContent).toBe('福州星火科技有限公司');

    await user.click(within(card).getByTestId('keep-loser'));
    await waitFor(() => expect(screen.getByTestId('conflicts-none')).toBeTruthy());
    expect(b.ok('enterprises.get', { id: e.id }).status).toBe('unreachable');
    expect(b.ok('conflicts.list').rows).toHaveLength(0);
    expect(useSession.getState().openConflicts).toBe(0);

    await user.click(screen.getByLabelText('显示已处理的冲突'));
    const resolved = await screen.findByTestId('conflict');
    expect(resolved.textContent).toContain('已处理：保留被覆盖的值');
    expect(within(resolved).queryByTestId('keep-loser')).toBeNull();
  });

  it('keeping the current value leaves the record as it is and closes the conflict', async () => {
    const { b, e } = concurrentEdit();
    const user = userEvent.setup();
    render(<ConflictsScreen route={parseHash('#/conflicts')} />);
    await user.click(within(await screen.findByTestId('conflict')).getByTestId('keep-winner'));
    await waitFor(() => expect(screen.getByTestId('conflicts-none')).toBeTruthy());
    expect(b.ok('enterprises.get', { id: e.id }).status).toBe('dormant');
    expect(b.ok('conflicts.list', { includeResolved: true }).rows[0]?.resolution).toBe('winner');
  });

  it('counts open conflicts on the navigation and warns when this clock is behind', async () => {
    const { b } = concurrentEdit(10 * 60_000);
    window.location.hash = '#/today';
    render(<App />);
    expect(await screen.findByTestId('badge-conflicts')).toHaveProperty('textContent', '1');
    // The other laptop's changes are ten minutes ahead of this clock.
    expect(screen.getByTestId('clock-behind').textContent).toContain('本机时钟落后');
    b.clock.ms += 15 * 60_000;
    await useSession.getState().refreshSync();
    await waitFor(() => expect(screen.queryByTestId('clock-behind')).toBeNull());
  });
});

describe('a conflict over a unit', () => {
  it('names the lead units of both sides, not their ids', async () => {
    const b = installBridge();
    const other = openLaptop('李明的笔记本', '李明', () => b.clock.now() + 60_000);
    laptops.push(other);
    sameTeam(b, other);
    const lead = b.ok('units.create', { name: '区工信局', kind: 'department' });
    const town = b.ok('units.create', { name: '东街道', kind: 'town' });
    const e = b.ok('enterprises.create', { uscc: '91350100M000100Y43', name: '福州星火科技有限公司' });
    const d = b.ok('demands.create', { enterpriseId: e.id, title: '融资对接', categories: ['finance'] });
    other.ok('sync.import', { contentBase64: b.ok('sync.export', { full: true }).contentBase64! });
    b.clock.ms += 3_600_000;
    b.ok('demands.update', { id: d.id, leadUnitId: lead.id });
    other.ok('demands.update', { id: d.id, leadUnitId: town.id });
    b.ok('sync.import', { contentBase64: other.ok('sync.export').contentBase64! });
    render(<ConflictsScreen route={parseHash('#/conflicts')} />);
    const card = await screen.findByTestId('conflict');
    expect(within(card).getByTestId('conflict-field').textContent).toBe('主办单位');
    await waitFor(() => expect(within(card).getByTestId('conflict-winner-value').textContent).toBe('东街道'));
    expect(within(card).getByTestId('conflict-loser-value').textContent).toBe('区工信局');
  });

  it('names the units of edits that lost to a delete', () => {
    const c = {
      kind: 'demands',
      detail: {
        fields: { leadUnitId: 'u-1', coUnitIds: ['u-2'] },
        deletedBy: { deviceName: null, device: 'd', staffName: '李明', at: '2026-11-23T02:00:00Z' },
      },
    } as unknown as Conflict;
    expect(lostToDeleteText(i18n.t, c, 'loser', { 'u-1': '区工信局', 'u-2': '东街道' })).toBe(
      '主办单位：区工信局；协办单位：东街道',
    );
  });
});

describe('change history', () => {
  it('pairs each change with the value it replaced and groups a save', () => {
    const row = (at: string, field: string, value: unknown, device = 'd1'): AuditRow => ({
      at,
      device,
      deviceName: device === 'd1' ? '本机' : '李明的笔记本',
      staffId: null,
      staffName: '王芳',
      field,
      value,
    });
    const saves = auditSaves([
      row('2026-11-23T05:00:00.000Z', 'status', 'dormant', 'd2'),
      row('2026-11-23T04:00:00.000Z', 'name', '新名'),
      row('2026-11-23T04:00:00.000Z', 'status', 'unreachable'),
      row('2026-11-23T03:00:00.000Z', 'createdAt', '2026-11-23T03:00:00.000Z'),
      row('2026-11-23T03:00:00.000Z', 'status', 'normal'),
      row('2026-11-23T03:00:00.000Z', 'name', '旧名'),
    ]);
    expect(saves.map((s) => s.event)).toEqual(['edited', 'edited', 'created']);
    expect(saves[0]!.changes).toEqual([{ field: 'status', before: 'unreachable', after: 'dormant' }]);
    expect(saves[1]!.changes).toEqual([
      { field: 'status', before: 'normal', after: 'unreachable' },
      { field: 'name', before: '旧名', after: '新名' },
    ]);
    expect(saves[2]!.changes.map((c) => c.field)).toEqual(['name', 'status']);
  });

  it('names fields and values in words', () => {
    expect(fieldLabel('enterprises', 'status')).toBe('经营状态');
    expect(fieldLabel('experts', 'title')).toBe('职称');
    expect(fieldLabel('demands', 'title')).toBe('需求标题');
    expect(fieldValueText('demands', 'categories', ['tech', 'finance'])).toBe('技术攻关、融资');
    expect(fieldValueText('demands', 'complex', true)).toBe('是');
    expect(fieldValueText('visits', 'mode', 'onsite')).toBe('实地走访');
    expect(fieldValueText('enterprises', 'tiers', [{ tier: 'high_tech', year: 2024 }])).toBe(
      '高新技术企业 2024',
    );
    expect(fieldValueText('enterprises', 'status', null)).toBe('');
  });

  it('names the records a value points at, not their ids', () => {
    const e = '0190a1b2-0000-7000-8000-000000000001';
    const x = '0190a1b2-0000-7000-8000-000000000002';
    const names = { [e]: '华科智能装备有限公司', [x]: '陈教授' };
    expect(fieldValueText('visits', 'enterpriseId', e, names)).toBe('华科智能装备有限公司');
    expect(fieldValueText('followups', 'parentId', e, names)).toBe('华科智能装备有限公司');
    expect(fieldValueText('clinics', 'expertIds', [x], names)).toBe('陈教授');
    expect(fieldValueText('clinics', 'enterprises', [{ enterpriseId: e }], names)).toBe(
      '华科智能装备有限公司',
    );
    // One no longer known: a short id, never the whole internal one.
    expect(fieldValueText('visits', 'enterpriseId', '0190a1b2-0000-7000-8000-000000000003', {})).toBe(
      '#000003',
    );
  });

  it('shows who changed what on which laptop, a change made on the other laptop included', async () => {
    const { e } = concurrentEdit();
    await useSession.getState().load();
    const user = userEvent.setup();
    render(<AuditPanel kind="enterprises" id={e.id} />);
    const panel = screen.getByTestId('audit-panel');
    await user.click(within(panel).getByText('修改记录'));
    await waitFor(() => expect(within(panel).getAllByTestId('audit-save').length).toBe(3));
    const [fromSync, mine, created] = within(panel).getAllByTestId('audit-save');
    expect(fromSync!.textContent).toContain('李明');
    expect(fromSync!.textContent).toContain('李明的笔记本 (同步而来)');
    expect(fromSync!.querySelector('[data-field="status"]')?.textContent).toBe('经营状态失联 → 僵尸企业');
    expect(mine!.textContent).toContain('测试员');
    expect(mine!.textContent).toContain('(本机)');
    expect(mine!.querySelector('[data-field="status"]')?.textContent).toBe('经营状态正常 → 失联');
    expect(created!.textContent).toContain('建立记录');
    expect(created!.querySelector('[data-field="name"]')?.textContent).toBe('企业名称福州星火科技有限公司');
  });
});

describe('a workflow conflict', () => {
  it('shows the two moves as statuses and notes, and redoing the lost one goes through the workflow', async () => {
    const b = installBridge({ role: 'supervisor' });
    const other = openLaptop('李明的笔记本', '李明', () => b.clock.now() + 60_000);
    laptops.push(other);
    sameTeam(b, other);
    const e = b.ok('enterprises.create', { uscc: '91350100M000100Y43', name: '福州星火科技有限公司' });
    const d = b.ok('demands.create', { enterpriseId: e.id, categories: ['tech'], title: '检测设备共享' });
    b.ok('demands.transition', { id: d.id, to: 'assigned', assigneeStaffId: b.meId });
    b.ok('demands.transition', { id: d.id, to: 'in_progress' });
    b.ok('demands.transition', { id: d.id, to: 'answered' });
    other.ok('sync.import', { contentBase64: b.ok('sync.export', { full: true }).contentBase64! });
    b.clock.ms += 3_600_000;
    // This laptop closes it; the other, an hour later by its clock, sends it back to handling.
    b.ok('demands.transition', {
      id: d.id,
      to: 'closed',
      closureType: 'substantive',
      resolution: '已协调共享',
    });
    other.ok('demands.transition', { id: d.id, to: 'in_progress', note: '企业补充了需求' });
    b.ok('sync.import', { contentBase64: other.ok('sync.export').contentBase64! });
    expect(b.ok('demands.get', { id: d.id }).status).toBe('closed');

    const user = userEvent.setup();
    render(<ConflictsScreen route={parseHash('#/conflicts')} />);
    const card = await screen.findByTestId('conflict');
    expect(within(card).getByTestId('conflict-winner-value').textContent).toBe('已反馈 → 已办结');
    expect(within(card).getByTestId('conflict-loser-value').textContent).toBe(
      '已反馈 → 办理中（企业补充了需求）',
    );
    expect(card.textContent).toContain('被取代的办理操作');
    const redo = within(card).getByTestId('keep-loser');
    expect(redo.textContent).toBe('按流程重做此操作');
    await user.click(redo);
    await waitFor(() => expect(screen.getByTestId('conflicts-none')).toBeTruthy());
    // Reopened by the supervisor from where the demand stands, as a new step of its history.
    const after = b.ok('demands.get', { id: d.id });
    expect(after.status).toBe('in_progress');
    const last = after.history!.filter((h) => !h.superseded).at(-1)!;
    expect([last.from, last.to, last.note]).toEqual(['closed', 'in_progress', '企业补充了需求']);
  });
});
