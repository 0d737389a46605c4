// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import './setup';
import type { Demand } from '@shared/contract/schemas';
import { groupRows, useBoard } from '../../../src-renderer/stores/board';
import { installBridge } from './bridge';

const d = (over: Partial<Demand>): Demand =>
  ({ id: Math.random().toString(36), status: 'pending', overdue: false, dueSoon: false, ...over }) as Demand;

describe('the supervisor board', () => {
  it('groups by status, those holding overdue demands first, and by assignee with the most overdue first', () => {
    const rows = [
      d({ status: 'in_progress', assigneeStaffId: 'a', assigneeName: '甲', overdue: true }),
      d({ status: 'pending', assigneeStaffId: null, assigneeName: null }),
      d({ status: 'assigned', assigneeStaffId: 'b', assigneeName: '乙' }),
      d({ status: 'assigned', assigneeStaffId: 'b', assigneeName: '乙' }),
    ];
    // "超期的排在最前": a morning's intake (pending) must not push the overdue below the screen.
    expect(groupRows(rows, 'status').map((g) => [g.key, g.rows.length])).toEqual([
      ['in_progress', 1],
      ['pending', 1],
      ['assigned', 2],
    ]);
    // Among groups alike, the workflow's order.
    const late = [
      d({ status: 'on_hold', overdue: true }),
      d({ status: 'assigned', overdue: true }),
      d({ status: 'pending' }),
      d({ status: 'answered' }),
    ];
    expect(groupRows(late, 'status').map((g) => g.key)).toEqual([
      'assigned',
      'on_hold',
      'pending',
      'answered',
    ]);
    expect(groupRows(rows, 'assignee').map((g) => [g.label, g.rows.length, g.overdue])).toEqual([
      ['甲', 1, 1],
      ['乙', 2, 0],
      ['', 1, 0],
    ]);
  });

  it('reassigns the ticked demands and reloads', async () => {
    const b = installBridge();
    const e = b.ok('enterprises.create', { uscc: '91350100M000100Y43', name: '福州星火科技有限公司' });
    const other = b.ok('staff.create', { name: '李强' });
    const ids = ['一', '二'].map(
      (t) =>
        b.ok('demands.create', { enterpriseId: e.id, title: t, categories: ['tech'], source: 'hotline' }).id,
    );
    await useBoard.getState().load();
    expect(useBoard.getState().board?.counts.open).toBe(2);
    useBoard.getState().toggleMany(ids, true);
    useBoard.getState().setAssignee(other.id);
    expect(await useBoard.getState().reassign()).toBe(2);
    expect(useBoard.getState().selected.size).toBe(0);
    expect(
      useBoard.getState().board?.rows.every((r) => r.assigneeStaffId === other.id && r.status === 'assigned'),
    ).toBe(true);
  });

  it('keeps the refusal for the form when reassigning fails', async () => {
    const b = installBridge();
    await useBoard.getState().load();
    useBoard.getState().toggle('nope', true);
    useBoard.getState().setAssignee(b.meId);
    expect(await useBoard.getState().reassign()).toBeNull();
    expect(useBoard.getState().reassignError?.details.field).toBe('ids.0');
  });
});
