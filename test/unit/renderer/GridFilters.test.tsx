// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import './setup';
import '../../../src-renderer/i18n';
import type { Staff } from '@shared/contract/schemas';
import { Grid, type GridColumn } from '../../../src-renderer/components/Grid';
import { saveGrid } from '../../../src-renderer/components/gridState';
import { installBridge } from './bridge';

// Visible filters (issue 15): a column filter remembered from the last session shows as a
// chip above the grid with a one-click clear, and an empty filtered list says so (not "empty
// ledger"), without the grid's own overlay on top.

const WAIT = { timeout: 8000 };

const COLUMNS: GridColumn<Staff>[] = [
  { field: 'name', header: 'staff.name' },
  { field: 'role', header: 'staff.role', kind: 'enum', enumName: 'role' },
];

function remember(id: string, filterModel: Record<string, unknown>) {
  saveGrid(id, { state: { filter: { filterModel } }, q: '' });
}

describe('grid filters', () => {
  it('shows a remembered filter as a chip, says no row matches it, and clears it in one click', async () => {
    installBridge();
    remember('t-chips', { name: { filterType: 'text', type: 'contains', filter: '白沙' } });
    const user = userEvent.setup();
    render(<Grid id="t-chips" kind="staff" columns={COLUMNS} emptyText="还没有人员" />);
    await waitFor(() => expect(screen.getByTestId('grid-count').textContent).toBe('共 0 条'), WAIT);
    const chips = screen.getByTestId('filter-chips');
    expect(within(chips).getByTestId('filter-chip-name').textContent).toContain('姓名：包含“白沙”');
    const empty = screen.getByTestId('grid-empty');
    expect(empty.textContent).toContain('没有符合筛选条件的记录');
    expect(empty.textContent).not.toContain('还没有人员');
    expect(document.querySelector('.ag-overlay-no-rows-center')).toBeNull();
    await user.click(within(empty).getByRole('button', { name: '清除筛选' }));
    await waitFor(() => expect(screen.getByTestId('grid-count').textContent).toBe('共 1 条'), WAIT);
    expect(screen.queryByTestId('filter-chips')).toBeNull();
    expect(screen.queryByTestId('grid-empty')).toBeNull();
  });

  it('removes one filter with its chip and keeps the others', async () => {
    const b = installBridge();
    b.ok('staff.create', { name: '李强', role: 'staff' });
    remember('t-chip-one', {
      name: { filterType: 'text', type: 'contains', filter: '李' },
      role: { filterType: 'enum', values: ['supervisor'] },
    });
    const user = userEvent.setup();
    render(<Grid id="t-chip-one" kind="staff" columns={COLUMNS} />);
    await waitFor(() => expect(screen.getByTestId('grid-count').textContent).toBe('共 0 条'), WAIT);
    expect(screen.getByTestId('filter-chip-role').textContent).toContain('角色：督办负责人');
    await user.click(within(screen.getByTestId('filter-chip-role')).getByRole('button'));
    await waitFor(() => expect(screen.getByTestId('grid-count').textContent).toBe('共 1 条'), WAIT);
    expect(screen.queryByTestId('filter-chip-role')).toBeNull();
    expect(screen.getByTestId('filter-chip-name')).toBeTruthy();
  });

  it('removes filters from the keyboard, the row one Tab stop, the focus kept until the last', async () => {
    const b = installBridge();
    b.ok('staff.create', { name: '李强', role: 'staff' });
    remember('t-chip-keys', {
      name: { filterType: 'text', type: 'contains', filter: '李' },
      role: { filterType: 'enum', values: ['supervisor'] },
    });
    const user = userEvent.setup();
    render(<Grid id="t-chip-keys" kind="staff" columns={COLUMNS} />);
    await waitFor(() => expect(screen.getByTestId('grid-count').textContent).toBe('共 0 条'), WAIT);
    const stops = within(screen.getByRole('toolbar', { name: '当前筛选' }))
      .getAllByRole('button')
      .filter((el) => el.tabIndex === 0);
    expect(stops).toHaveLength(1);
    stops[0]!.focus();
    await user.keyboard('{Delete}');
    await waitFor(() => expect(screen.getByTestId('grid-count').textContent).toBe('共 1 条'), WAIT);
    // The other chip has the focus once the grid has dropped the filter.
    await waitFor(() =>
      expect(document.activeElement).toBe(
        within(screen.getByTestId('filter-chip-role')).getByRole('button', {
          name: '移除筛选：角色：督办负责人',
        }),
      ),
    );
    await user.keyboard('{Backspace}');
    await waitFor(() => expect(screen.getByTestId('grid-count').textContent).toBe('共 2 条'), WAIT);
    expect(screen.queryByTestId('filter-chips')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('searchbox')));
  });

  it('tells an empty ledger from an empty filter', async () => {
    installBridge();
    render(
      <Grid
        id="t-empty"
        kind="visits"
        columns={[{ field: 'date', header: 'visits.date', kind: 'date' }]}
        emptyText="还没有走访记录"
      />,
    );
    await waitFor(() => expect(screen.getByTestId('grid-count').textContent).toBe('共 0 条'), WAIT);
    expect(screen.getByTestId('grid-empty').textContent).toBe('还没有走访记录');
    expect(screen.queryByTestId('filter-chips')).toBeNull();
  });
});
