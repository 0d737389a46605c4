// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import './setup';
import '../../../src-renderer/i18n';
import { BoardScreen } from '../../../src-renderer/screens/BoardScreen';
import { useBoard } from '../../../src-renderer/stores/board';
import { useSession } from '../../../src-renderer/stores/session';
import { installBridge } from './bridge';

// The board per unit: counts per lead unit beside the per-assignee ones, and one unit's
// demands (as lead or co unit) when its name is chosen.

const WAIT = { timeout: 8000 };

describe('the board per unit', () => {
  it('counts per lead unit and narrows the board to the demands a unit leads or co-handles', async () => {
    const b = installBridge();
    const e = b.ok('enterprises.create', { uscc: '91350100M000100Y43', name: '福州星火科技有限公司' });
    const lead = b.ok('units.create', { name: '区工信局', kind: 'department' });
    const co = b.ok('units.create', { name: '东街道', kind: 'town' });
    const hand = (title: string, leadUnitId: string, coUnitIds: string[]) => {
      const d = b.ok('demands.create', {
        enterpriseId: e.id,
        title,
        categories: ['tech'],
        source: 'hotline',
      });
      b.ok('demands.transition', {
        id: d.id,
        to: 'assigned',
        assigneeStaffId: b.meId,
        leadUnitId,
        coUnitIds,
      });
    };
    hand('设备检测', lead.id, [co.id]);
    hand('融资对接', lead.id, []);
    hand('场地协调', co.id, []);
    b.ok('demands.create', { enterpriseId: e.id, title: '未交办', categories: ['ip'], source: 'hotline' });
    await useSession.getState().load();
    useBoard.setState({ unit: null, board: null });
    const user = userEvent.setup();
    render(<BoardScreen />);

    const table = await screen.findByTestId('board-by-unit');
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(4), WAIT);
    const rows = () =>
      within(screen.getByTestId('board-by-unit'))
        .getAllByRole('row')
        .slice(1)
        .map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent));
    expect(rows()).toEqual(
      expect.arrayContaining([
        ['区工信局', '2', '0', '0'],
        ['东街道', '1', '0', '0'],
        ['未交办单位', '1', '0', '0'],
      ]),
    );

    await user.click(within(table).getByRole('button', { name: '东街道' }));
    await waitFor(
      () => expect(screen.getByTestId('board-unit-filter').textContent).toContain('东街道'),
      WAIT,
    );
    await waitFor(() => expect(document.querySelectorAll('[data-demand]')).toHaveLength(2), WAIT);
    expect(screen.getByText('设备检测')).toBeTruthy();
    expect(screen.getByText('场地协调')).toBeTruthy();
    expect(b.calls.filter((c) => c.method === 'demands.openBoard').at(-1)?.input).toEqual({ unitId: co.id });

    await user.click(screen.getByRole('button', { name: '显示全部' }));
    await waitFor(() => expect(document.querySelectorAll('[data-demand]')).toHaveLength(4), WAIT);
    expect(screen.queryByTestId('board-unit-filter')).toBeNull();
  });
});
