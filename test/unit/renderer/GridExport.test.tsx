// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import './setup';
import '../../../src-renderer/i18n';
import type { Staff } from '@shared/contract/schemas';
import { Grid, type GridColumn } from '../../../src-renderer/components/Grid';
import {
  exportColumnsOf,
  exportInput,
  phoneColumnsOf,
  sortModelOf,
} from '../../../src-renderer/components/gridExport';
import { installBridge } from './bridge';

// Every grid exports what it shows: its filters, search, sort and visible columns in their
// order, through ledger.export; a file with phone numbers says so before it is saved.

const WAIT = { timeout: 10_000 };

const COLUMNS: GridColumn<Staff>[] = [
  { field: 'name', header: 'staff.name' },
  { field: 'role', header: 'staff.role', kind: 'enum', enumName: 'role' },
  { field: 'phone', header: 'staff.phone' },
  { field: 'createdAt', header: 'common.createdAt', kind: 'instant' },
];

let saved: { name: string; type: string }[];
beforeEach(() => {
  saved = [];
  URL.createObjectURL = vi.fn((b: Blob) => {
    saved.push({ name: '', type: b.type });
    return 'blob:test';
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved[saved.length - 1]!.name = this.download;
  });
});
afterEach(() => vi.restoreAllMocks());

describe('grid export', () => {
  it('maps visible grid columns to export columns, in order', () => {
    expect(exportColumnsOf('staff', ['phone', 'name', 'createdAt', 'role'])).toEqual({
      keys: ['phone', 'name', 'role'],
      left: ['createdAt'],
    });
    expect(exportColumnsOf('clinics', ['date', 'expertCount', 'enterpriseCount']).keys).toEqual([
      'date',
      'expertIds',
      'enterprises',
    ]);
    expect(phoneColumnsOf('enterprises', ['name', 'contactPhones'])).toEqual(['联系电话']);
    expect(phoneColumnsOf('enterprises', ['name'])).toEqual([]);
    expect(
      sortModelOf([
        { colId: 'a', sort: 'asc', sortIndex: 1 },
        { colId: 'b', sort: null },
        { colId: 'c', sort: 'desc', sortIndex: 0 },
      ]),
    ).toEqual([
      { colId: 'c', sort: 'desc' },
      { colId: 'a', sort: 'asc' },
    ]);
    const { input } = exportInput(
      {
        kind: 'visits',
        kinds: { date: 'date' },
        sortModel: [{ colId: 'date', sort: 'desc' }],
        filterModel: { date: { filterType: 'date', type: 'greaterThan', dateFrom: '2026-03-01 00:00:00' } },
        q: ' 闽江 ',
        baseFilter: { leadStaffId: 's1' },
        visible: ['date', 'enterpriseName'],
      },
      'csv',
    );
    expect(input).toEqual({
      kind: 'visits',
      format: 'csv',
      sort: [{ field: 'date', dir: 'desc' }],
      filter: { leadStaffId: 's1', date: { gt: '2026-03-01' } },
      q: '闽江',
      columns: ['date', 'enterpriseName'],
    });
  });

  it('exports the grid as it is, and warns about phone numbers before saving', async () => {
    const b = installBridge();
    b.ok('staff.create', { name: '王强', role: 'staff', phone: '13800000001' });
    b.ok('staff.create', { name: '李明', role: 'staff' });
    localStorage.setItem(
      'vl.grid.t-export',
      JSON.stringify({
        q: '',
        state: {
          sort: { sortModel: [{ colId: 'name', sort: 'desc' }] },
          filter: { filterModel: { role: { filterType: 'enum', values: ['staff'] } } },
          columnVisibility: { hiddenColIds: ['role'] },
        },
      }),
    );
    const user = userEvent.setup();
    // The phone column pinned left: exported first, as the grid shows it.
    const columns = COLUMNS.map((c) => (c.field === 'phone' ? { ...c, pinned: 'left' as const } : c));
    render(<Grid id="t-export" kind="staff" columns={columns} />);
    await waitFor(() => expect(screen.getByTestId('grid-count').textContent).toBe('共 2 条'), WAIT);
    await user.click(screen.getByTestId('grid-export'));
    expect(screen.getByRole('dialog', { name: '导出当前列表' }).textContent).toContain(
      '这些列不能导出：创建时间',
    );
    await user.click(screen.getByTestId('grid-export-xlsx'));

    const dialog = await screen.findByTestId('export-phones', {}, WAIT);
    expect(dialog.textContent).toContain('联系电话');
    expect(saved).toHaveLength(0);
    const call = b.calls.find((c) => c.method === 'ledger.export')!;
    expect(call.input).toEqual({
      kind: 'staff',
      format: 'xlsx',
      sort: [{ field: 'name', dir: 'desc' }],
      filter: { role: 'staff' },
      columns: ['phone', 'name'],
    });
    await user.click(screen.getByTestId('export-phones-save'));
    expect(saved).toEqual([
      { name: expect.stringMatching(/\.xlsx$/), type: expect.stringContaining('spreadsheetml') },
    ]);
  });

  it('saves a file without phone numbers at once, and shows a refused export', async () => {
    const b = installBridge();
    const user = userEvent.setup();
    render(<Grid id="t-export2" kind="staff" columns={COLUMNS.slice(0, 2)} />);
    await waitFor(() => expect(screen.getByTestId('grid-count').textContent).toBe('共 1 条'), WAIT);
    await user.click(screen.getByTestId('grid-export'));
    await user.click(screen.getByTestId('grid-export-csv'));
    await waitFor(() => expect(saved).toHaveLength(1), WAIT);
    expect(saved[0]!.name).toMatch(/\.csv$/);
    expect(screen.queryByTestId('export-phones')).toBeNull();

    b.override('ledger.export', () => ({
      ok: false,
      error: { code: 'INTERNAL', message: 'disk full', details: {} },
    }));
    await user.click(screen.getByTestId('grid-export'));
    await user.click(screen.getByTestId('grid-export-csv'));
    expect((await screen.findByTestId('grid-export-error', {}, WAIT)).textContent).toContain('disk full');
  });
});
