// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import './setup';
import '../../../src-renderer/i18n';
import type { MethodName } from '@shared/contract/methods';
import { parseHash } from '../../../src-renderer/router';
import { BoardScreen } from '../../../src-renderer/screens/BoardScreen';
import { DemandsScreen } from '../../../src-renderer/screens/DemandsScreen';
import { EnterpriseDetail } from '../../../src-renderer/screens/EnterpriseDetail';
import { ExpertsScreen } from '../../../src-renderer/screens/ExpertsScreen';
import { StaffScreen } from '../../../src-renderer/screens/StaffScreen';
import { useDemandForm } from '../../../src-renderer/stores/demandForm';
import { useSession } from '../../../src-renderer/stores/session';
import { useStaffForm } from '../../../src-renderer/stores/simpleForms';
import { installBridge, type Bridge } from './bridge';

// After a save, what shows the kinds of data it changed reloads, and nothing else: a demand's
// save reloads the demand list, the board and the enterprise's timeline, not the staff list.

const WAIT = { timeout: 8000 };

function countCalls(b: Bridge) {
  return (method: MethodName) => b.calls.filter((c) => c.method === method).length;
}

const gridCount = (id: string) =>
  within(document.querySelector(`[data-grid="${id}"]`) as HTMLElement).getByTestId('grid-count').textContent;

async function setup() {
  const b = installBridge();
  const e = b.ok('enterprises.create', { uscc: '91350100M000100Y43', name: '福州星火科技有限公司' });
  const d = b.ok('demands.create', {
    enterpriseId: e.id,
    title: '融资对接',
    categories: ['finance'],
    source: 'hotline',
  });
  await useSession.getState().load();
  render(
    <>
      <StaffScreen route={parseHash('#/staff')} />
      <ExpertsScreen route={parseHash('#/experts')} />
      <DemandsScreen route={parseHash('#/demands')} />
      <BoardScreen />
      <EnterpriseDetail id={e.id} />
    </>,
  );
  await waitFor(() => {
    expect(gridCount('staff')).toBe('共 1 条');
    expect(gridCount('experts')).toBe('共 0 条');
    expect(gridCount('demands')).toBe('共 1 条');
  }, WAIT);
  await screen.findAllByText('融资对接');
  return { b, calls: countCalls(b), demandId: d.id };
}

/** Lets any reload that was going to start, start (the grid's own debounce is 250 ms). */
const settle = () => new Promise((r) => setTimeout(r, 400));

describe('refresh by kind of data', () => {
  it("reloads the demand list, the board and the timeline after a demand's save, not the staff list", async () => {
    const { calls, demandId } = await setup();
    await settle();
    const before = {
      staff: calls('staff.list'),
      experts: calls('experts.list'),
      demands: calls('demands.list'),
      board: calls('demands.openBoard'),
      timeline: calls('enterprises.timeline'),
    };

    await useDemandForm.getState().open(demandId);
    useDemandForm.getState().set({ title: '融资对接（已更新）' });
    expect(await useDemandForm.getState().save()).toBeTruthy();

    await waitFor(() => {
      expect(calls('demands.list')).toBeGreaterThan(before.demands);
      expect(calls('demands.openBoard')).toBeGreaterThan(before.board);
      expect(calls('enterprises.timeline')).toBeGreaterThan(before.timeline);
    }, WAIT);
    await waitFor(
      () =>
        expect(
          within(document.querySelector('[data-grid="demands"]') as HTMLElement).getByText(
            '融资对接（已更新）',
          ),
        ).toBeTruthy(),
      WAIT,
    );
    await settle();
    expect(calls('staff.list')).toBe(before.staff);
    expect(calls('experts.list')).toBe(before.experts);
  });

  it("reloads the staff list, the session's staff and the lists naming staff after a staff save", async () => {
    const { b, calls } = await setup();
    await settle();
    const before = {
      staffPages: b.calls.filter((c) => c.method === 'staff.list').length,
      experts: calls('experts.list'),
      demands: calls('demands.list'),
    };

    await useStaffForm.getState().open(null);
    useStaffForm.getState().set({ name: '陈敏' });
    expect(await useStaffForm.getState().save()).toBeTruthy();

    await waitFor(() => expect(gridCount('staff')).toBe('共 2 条'), WAIT);
    await waitFor(() => expect(useSession.getState().staff.map((s) => s.name)).toContain('陈敏'), WAIT);
    // The demand list shows assignees' names.
    await waitFor(() => expect(calls('demands.list')).toBeGreaterThan(before.demands), WAIT);
    await settle();
    expect(calls('experts.list')).toBe(before.experts);
  });
});
