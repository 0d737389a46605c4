// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import './setup';
import '../../../src-renderer/i18n';
import { useRoute } from '../../../src-renderer/router';
import { BoardScreen } from '../../../src-renderer/screens/BoardScreen';
import { DemandsScreen } from '../../../src-renderer/screens/DemandsScreen';
import { VisitsScreen } from '../../../src-renderer/screens/VisitsScreen';
import { useBoard } from '../../../src-renderer/stores/board';
import { useSession } from '../../../src-renderer/stores/session';
import { demandIn, makeEnterprise } from '../../integration/fixtures';
import { installBridge, type Bridge } from './bridge';

// The scope buttons the grids had beside their view selector (issue 15) are built-in views now:
// each scope a button expressed is a view of the selector, the buttons are gone, and the
// addresses that named a scope (the board's overdue link) land on the grid with that view.

const WAIT = { timeout: 8000 };
const DAY = 24 * 3_600_000;

function Screens() {
  const route = useRoute();
  if (route.screen === 'board') return <BoardScreen />;
  if (route.screen === 'visits') return <VisitsScreen route={route} />;
  return <DemandsScreen route={route} />;
}

const count = () => screen.getByTestId('grid-count').textContent;
const viewSelect = () => screen.getByRole<HTMLSelectElement>('combobox', { name: '视图' });
const selectedText = () => viewSelect().selectedOptions[0]?.textContent;
const lastList = (b: Bridge, method: 'demands.list' | 'visits.list') =>
  (b.calls.filter((c) => c.method === method).at(-1)?.input ?? {}) as { filter?: Record<string, unknown> };

/** Two open demands ten days on, both overdue, one of them mine; and a closed one, mine too. */
async function demands() {
  const b = installBridge();
  const e = makeEnterprise(b).id;
  const theirs = demandIn(b, 'in_progress', { enterpriseId: e, title: '检测设备共享' });
  demandIn(b, 'in_progress', { enterpriseId: e, title: '中试基地对接' });
  demandIn(b, 'closed', { enterpriseId: e, title: '人才公寓申请' });
  const handler = b.ok('staff.create', { name: '李承办' });
  b.ok('demands.reassign', { ids: [theirs.id], assigneeStaffId: handler.id, note: '改由李承办办理' });
  b.clock.ms += 10 * DAY;
  await useSession.getState().load();
  return { b };
}

describe('the demands grid', () => {
  it('has no scope buttons; each scope it had is a built-in view', async () => {
    const { b } = await demands();
    const user = userEvent.setup();
    window.location.hash = '#/demands';
    render(<Screens />);
    await waitFor(() => expect(count()).toBe('共 3 条'), WAIT);
    expect(screen.queryByRole('group', { name: '范围' })).toBeNull();
    for (const word of ['全部', '未办结', '即将超期', '答复超期', '我承办的'])
      expect(screen.queryByRole('button', { name: word })).toBeNull();
    expect(
      within(viewSelect())
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['全部记录', '我的', '本季', '超期', '督办', '未办结', '即将超期', '答复超期']);

    await user.selectOptions(viewSelect(), '未办结');
    await waitFor(() => expect(count()).toBe('共 2 条'), WAIT);
    expect(lastList(b, 'demands.list').filter).toEqual({ open: true });
    await user.selectOptions(viewSelect(), '答复超期');
    await waitFor(() => expect(lastList(b, 'demands.list').filter).toEqual({ firstReplyLate: true }), WAIT);
    await user.selectOptions(viewSelect(), '即将超期');
    await waitFor(() => expect(lastList(b, 'demands.list').filter).toEqual({ dueSoon: true }), WAIT);
    // 我的 of demands is what 我承办的 was: the open demands I handle.
    await user.selectOptions(viewSelect(), '我的');
    await waitFor(() => expect(count()).toBe('共 1 条'), WAIT);
    expect(lastList(b, 'demands.list').filter).toEqual({ assigneeStaffId: b.meId, open: true });
  });

  it('opens on the 超期 view from the board, whatever the grid remembered', async () => {
    const { b } = await demands();
    // Left on 督办 with a search typed: the board's link must not land on that.
    localStorage.setItem(
      'vl.view.demands',
      JSON.stringify({ view: 'builtin:supervised', conditions: ['supervised'] }),
    );
    useBoard.setState({ unit: null, board: null });
    const user = userEvent.setup();
    window.location.hash = '#/board';
    render(<Screens />);
    await user.click(await screen.findByRole('button', { name: '在需求台账中查看超期清单' }, WAIT));

    await waitFor(() => expect(count()).toBe('共 2 条'), WAIT);
    expect(selectedText()).toBe('超期');
    expect(screen.getByTestId('filter-chip-view-overdue')).toBeTruthy();
    expect(screen.queryByTestId('filter-chip-view-supervised')).toBeNull();
    expect(lastList(b, 'demands.list').filter).toEqual({ overdue: true });
    const board = b.ok('demands.openBoard', {});
    expect(board.counts.overdue).toBe(2);
  });

  it('takes views from the address, one or several, and the old scope address too', async () => {
    const { b } = await demands();
    window.location.hash = '#/demands?view=mine,overdue';
    const first = render(<Screens />);
    await waitFor(() => expect(count()).toBe('共 1 条'), WAIT);
    expect(lastList(b, 'demands.list').filter).toEqual({
      assigneeStaffId: b.meId,
      open: true,
      overdue: true,
    });
    expect(screen.getByTestId('filter-chip-view-mine')).toBeTruthy();
    expect(screen.getByTestId('filter-chip-view-overdue')).toBeTruthy();
    first.unmount();

    // The address the board gave before views.
    window.location.hash = '#/demands?scope=overdue';
    render(<Screens />);
    await waitFor(() => expect(selectedText()).toBe('超期'), WAIT);
    await waitFor(() => expect(count()).toBe('共 2 条'), WAIT);
  });
});

describe('the visits grid', () => {
  it('has no 只看我牵头的 toggle: 我的 says it', async () => {
    const b = installBridge();
    await useSession.getState().load();
    const user = userEvent.setup();
    window.location.hash = '#/visits';
    render(<Screens />);
    await waitFor(() => expect(count()).toBe('共 0 条'), WAIT);
    expect(screen.queryByRole('checkbox', { name: '只看我牵头的' })).toBeNull();
    await user.selectOptions(viewSelect(), '我的');
    await waitFor(() => expect(lastList(b, 'visits.list').filter).toEqual({ leadStaffId: b.meId }), WAIT);
  });
});
