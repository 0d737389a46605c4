// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import './setup';
import '../../../src-renderer/i18n';
import type { Staff } from '@shared/contract/schemas';
import { Grid, type GridColumn } from '../../../src-renderer/components/Grid';
import {
  clearGrid,
  LAYOUT_VERSION,
  loadGrid,
  pickPersisted,
  saveGrid,
  sizedColumns,
  upgradeSaved,
} from '../../../src-renderer/components/gridState';
import { useSession } from '../../../src-renderer/stores/session';
import { installBridge } from './bridge';

// The one grid: pages through KIND.list, counts rows, searches with q, remembers its search,
// and reloads when data changes anywhere.

const WAIT = { timeout: 8000 };

const COLUMNS: GridColumn<Staff>[] = [
  { field: 'name', header: 'staff.name' },
  { field: 'role', header: 'staff.role', kind: 'enum', enumName: 'role' },
];

function listCalls(b: ReturnType<typeof installBridge>) {
  return b.calls.filter((c) => c.method === 'staff.list').map((c) => c.input as Record<string, unknown>);
}

describe('Grid', () => {
  it('loads pages through the list method and shows the total', async () => {
    const b = installBridge();
    b.ok('staff.create', { name: '李强' });
    render(<Grid id="t-staff" kind="staff" columns={COLUMNS} />);
    await waitFor(() => expect(screen.getByTestId('grid-count').textContent).toBe('共 2 条'), WAIT);
    expect(listCalls(b)[0]).toMatchObject({ offset: 0, limit: 100 });
  });

  it('searches with q (debounced), remembers it, and says when nothing matches', async () => {
    const b = installBridge();
    const user = userEvent.setup();
    render(<Grid id="t-search" kind="staff" columns={COLUMNS} />);
    await waitFor(() => expect(screen.getByTestId('grid-count').textContent).toBe('共 1 条'), WAIT);
    await user.type(screen.getByRole('searchbox'), '没有这个人');
    await waitFor(() => expect(screen.getByTestId('grid-count').textContent).toBe('共 0 条'), WAIT);
    expect(listCalls(b).at(-1)).toMatchObject({ q: '没有这个人' });
    expect(screen.getByTestId('grid-empty').textContent).toBe('没有符合条件的记录');
    expect(loadGrid('t-search').q).toBe('没有这个人');
  });

  it('keeps to the search its rows were loaded with until typed text applies', async () => {
    const b = installBridge();
    b.ok('staff.create', { name: '李强' });
    render(<Grid id="t-applied" kind="staff" columns={COLUMNS} />);
    await waitFor(() => expect(screen.getByTestId('grid-count').textContent).toBe('共 2 条'), WAIT);
    // The grid's own pages (the session also lists staff, for its pickers).
    const pages = () => listCalls(b).filter((c) => 'offset' in c);
    const before = pages().length;
    // Text typed, and at once a reload (a save elsewhere), well within the 250 ms.
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: '李强' } });
    useSession.getState().changed();
    await waitFor(() => expect(pages().length).toBeGreaterThan(before), WAIT);
    expect(pages()[before]!.q).toBeUndefined();
    // Then the search applies.
    await waitFor(() => expect(screen.getByTestId('grid-count').textContent).toBe('共 1 条'), WAIT);
    expect(listCalls(b).at(-1)).toMatchObject({ q: '李强' });
  });

  it('reloads when data changes elsewhere', async () => {
    const b = installBridge();
    render(<Grid id="t-reload" kind="staff" columns={COLUMNS} />);
    await waitFor(() => expect(screen.getByTestId('grid-count').textContent).toBe('共 1 条'), WAIT);
    b.ok('staff.create', { name: '陈敏' });
    useSession.getState().changed();
    await waitFor(() => expect(screen.getByTestId('grid-count').textContent).toBe('共 2 条'), WAIT);
  });

  it('shows a list that did not load, instead of hiding it', async () => {
    const b = installBridge();
    b.override('staff.list', () => ({
      ok: false,
      error: { code: 'INTERNAL', message: 'disk I/O error', details: {} },
    }));
    render(<Grid id="t-fail" kind="staff" columns={COLUMNS} />);
    expect((await screen.findByRole('alert')).textContent).toContain('disk I/O error');
  });
});

describe('grid layout memory', () => {
  it('keeps only the layout parts of the grid state, per grid id', () => {
    const picked = pickPersisted(
      {
        columnOrder: { orderedColIds: ['role', 'name'] },
        columnSizing: {
          columnSizingModel: [
            { colId: 'name', width: 300 },
            { colId: 'role', width: 120 },
          ],
        },
        columnVisibility: { hiddenColIds: ['role'] },
        sort: { sortModel: [{ colId: 'name', sort: 'desc' }] },
        filter: { filterModel: { name: { filterType: 'text', type: 'contains', filter: '王' } } },
        focusedCell: { colId: 'name', rowIndex: 3, rowPinned: null },
        scroll: { top: 100, left: 0 },
      },
      new Set(['name']),
    );
    // Only the width the user set: the role column keeps following its default.
    expect(picked.columnSizing).toEqual({ columnSizingModel: [{ colId: 'name', width: 300 }] });
    expect(Object.keys(picked).sort()).toEqual([
      'columnOrder',
      'columnSizing',
      'columnVisibility',
      'filter',
      'sort',
    ]);
    saveGrid('g1', { state: picked, q: '王' });
    expect(loadGrid('g1')).toEqual({ state: picked, q: '王', v: LAYOUT_VERSION });
    expect(loadGrid('g2')).toEqual({ state: {}, q: '', v: LAYOUT_VERSION });
    clearGrid('g1');
    expect(loadGrid('g1')).toEqual({ state: {}, q: '', v: LAYOUT_VERSION });
  });

  it('drops the widths an older layout kept of columns whose default grew since', () => {
    // Before version 2, a layout held every column's width as the grid had it: the demands
    // list's status column at its old default of 150 hid the third tag.
    localStorage.setItem(
      'vl.grid.g-old',
      JSON.stringify({
        q: '走访',
        state: {
          columnOrder: { orderedColIds: ['status', 'title', 'dueDate'] },
          columnSizing: {
            columnSizingModel: [
              { colId: 'status', width: 150 },
              { colId: 'title', width: 260, flex: 1 },
              { colId: 'dueDate', width: 140 },
            ],
          },
          sort: { sortModel: [{ colId: 'dueDate', sort: 'asc' }] },
        },
      }),
    );
    const defaults = new Map([
      ['status', 210],
      ['dueDate', 110],
    ]);
    const upgraded = upgradeSaved(loadGrid('g-old'), defaults);
    expect(upgraded.v).toBe(LAYOUT_VERSION);
    expect(upgraded.q).toBe('走访');
    // Narrower than the default now: dropped. Wider, or of a flex column: kept, as the user's.
    expect(upgraded.state.columnSizing?.columnSizingModel.map((c) => c.colId)).toEqual(['title', 'dueDate']);
    expect(upgraded.state.columnOrder).toEqual({ orderedColIds: ['status', 'title', 'dueDate'] });
    expect(upgraded.state.sort).toEqual({ sortModel: [{ colId: 'dueDate', sort: 'asc' }] });
    expect([...sizedColumns(upgraded.state)]).toEqual(['title', 'dueDate']);
    // A layout of the current format is taken as it is.
    expect(
      upgradeSaved(
        { ...upgraded, state: { columnSizing: { columnSizingModel: [{ colId: 'status', width: 90 }] } } },
        defaults,
      ).state.columnSizing,
    ).toEqual({
      columnSizingModel: [{ colId: 'status', width: 90 }],
    });
  });

  it('remembers no width of a column the user did not resize', async () => {
    const b = installBridge();
    b.ok('staff.create', { name: '王强', role: 'staff' });
    render(<Grid id="t-widths" kind="staff" columns={COLUMNS} />);
    await screen.findByText('王强', {}, WAIT);
    const saved = () =>
      JSON.parse(localStorage.getItem('vl.grid.t-widths') ?? '{}') as {
        state?: Record<string, unknown>;
        v?: number;
      };
    // The grid has told its state (order, sort…): what it kept of it holds no width.
    await waitFor(() => expect(saved().state?.columnOrder).toBeDefined(), WAIT);
    expect(saved().v).toBe(LAYOUT_VERSION);
    expect(saved().state?.columnSizing).toBeUndefined();
  });

  it('starts from the remembered sort, filter and hidden columns', async () => {
    const b = installBridge();
    b.ok('staff.create', { name: '王强', role: 'staff' });
    b.ok('staff.create', { name: '李明', role: 'staff' });
    localStorage.setItem(
      'vl.grid.t-restore',
      JSON.stringify({
        q: '',
        state: {
          sort: { sortModel: [{ colId: 'name', sort: 'desc' }] },
          filter: { filterModel: { role: { filterType: 'enum', values: ['staff'] } } },
          columnVisibility: { hiddenColIds: ['role'] },
        },
      }),
    );
    const { container } = render(<Grid id="t-restore" kind="staff" columns={COLUMNS} />);
    await waitFor(() => expect(screen.getByTestId('grid-count').textContent).toBe('共 2 条'), WAIT);
    expect(listCalls(b)[0]).toMatchObject({
      sort: [{ field: 'name', dir: 'desc' }],
      filter: { role: 'staff' },
    });
    await waitFor(() => expect(container.querySelector('.ag-header-cell[col-id="name"]')).toBeTruthy());
    expect(container.querySelector('.ag-header-cell[col-id="role"]')).toBeNull();
  });
});
