// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import './setup';
import '../../../src-renderer/i18n';
import type { Demand } from '@shared/contract/schemas';
import { Grid, type GridColumn } from '../../../src-renderer/components/Grid';
import { useSession } from '../../../src-renderer/stores/session';
import { demandIn, makeEnterprise } from '../../integration/fixtures';
import { installBridge } from './bridge';

// Named views of a grid (issue 15): a built-in view (超期, 督办…) applies its filter and shows
// it as a chip; the user's own views are saved per laptop, found again after a reload, renamed
// and deleted; a view whose filters were changed afterwards says so.

const WAIT = { timeout: 8000 };
const DAY = 24 * 3_600_000;

const COLUMNS: GridColumn<Demand>[] = [
  { field: 'title', header: 'demand.title' },
  { field: 'status', header: 'demand.status', kind: 'enum', enumName: 'demandStatus' },
];

/** Three demands ten days on: one overdue, one complex (not yet due) under supervision, one closed. */
async function demands() {
  const b = installBridge();
  const e = makeEnterprise(b).id;
  demandIn(b, 'in_progress', { enterpriseId: e, title: '检测设备共享' });
  const watched = demandIn(b, 'in_progress', { enterpriseId: e, title: '中试基地对接', complex: true });
  demandIn(b, 'closed', { enterpriseId: e, title: '人才公寓申请' });
  b.ok('demands.supervise', { ids: [watched.id], level: 'bureau', note: '请加快' });
  b.clock.ms += 10 * DAY;
  await useSession.getState().load();
  return b;
}

const count = () => screen.getByTestId('grid-count').textContent;
const viewSelect = () => screen.getByRole<HTMLSelectElement>('combobox', { name: '视图' });
const selectedText = () => viewSelect().selectedOptions[0]?.textContent;

function renderGrid() {
  return render(<Grid id="t-views" kind="demands" columns={COLUMNS} />);
}

describe('built-in views', () => {
  it('applies 超期 as a chip, and clearing it returns to all rows', async () => {
    await demands();
    const user = userEvent.setup();
    renderGrid();
    await waitFor(() => expect(count()).toBe('共 3 条'), WAIT);
    const options = within(viewSelect())
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(options).toEqual(['全部记录', '我的', '本季', '超期', '督办', '未办结', '即将超期', '答复超期']);
    await user.selectOptions(viewSelect(), '超期');
    await waitFor(() => expect(count()).toBe('共 1 条'), WAIT);
    expect(screen.getByTestId('filter-chip-view-overdue').textContent).toContain('超期');
    expect(selectedText()).toBe('超期');
    expect(screen.queryByTestId('view-modified')).toBeNull();
    await user.click(within(screen.getByTestId('filter-chip-view-overdue')).getByRole('button'));
    await waitFor(() => expect(count()).toBe('共 3 条'), WAIT);
    expect(viewSelect().value).toBe('');
    expect(screen.queryByTestId('filter-chips')).toBeNull();
  });

  it('replaces one built-in view by another, and 本季 names its days', async () => {
    const b = await demands();
    // Logged late: received last quarter.
    b.ok('demands.create', {
      enterpriseId: makeEnterprise(b).id,
      categories: ['tech'],
      title: '上季度的需求',
      receivedAt: '2026-09-20T10:00:00+08:00',
    });
    const user = userEvent.setup();
    renderGrid();
    await waitFor(() => expect(count()).toBe('共 4 条'), WAIT);
    await user.selectOptions(viewSelect(), '督办');
    await waitFor(() => expect(count()).toBe('共 1 条'), WAIT);
    expect(screen.getByRole('row', { name: /中试基地对接/ })).toBeTruthy();
    await user.selectOptions(viewSelect(), '本季');
    // Today is 2026-12-03: this quarter holds the three received on 2026-11-23.
    await waitFor(() => expect(count()).toBe('共 3 条'), WAIT);
    expect(screen.queryByRole('row', { name: /上季度的需求/ })).toBeNull();
    expect(screen.queryByTestId('filter-chip-view-supervised')).toBeNull();
    expect(screen.getByTestId('filter-chip-view-quarter').textContent).toContain('2026-10-01 – 2026-12-31');
  });
});

describe('user views', () => {
  it('saves the current filters and search as a named view, finds it after a reload, renames and deletes it', async () => {
    await demands();
    const user = userEvent.setup();
    const first = renderGrid();
    await waitFor(() => expect(count()).toBe('共 3 条'), WAIT);
    await user.selectOptions(viewSelect(), '超期');
    await user.type(screen.getByRole('searchbox'), '检测');
    await waitFor(() => expect(count()).toBe('共 1 条'), WAIT);
    await user.click(screen.getByRole('button', { name: '存为视图' }));
    await user.type(screen.getByRole('textbox', { name: '视图名称' }), '超期检测{Enter}');
    expect(selectedText()).toBe('超期检测');
    expect(screen.queryByTestId('view-modified')).toBeNull();
    first.unmount();

    // A reload: the view is still there, and still chosen.
    const second = renderGrid();
    await waitFor(() => expect(count()).toBe('共 1 条'), WAIT);
    expect(selectedText()).toBe('超期检测');
    await user.selectOptions(viewSelect(), '全部记录');
    await waitFor(() => expect(count()).toBe('共 3 条'), WAIT);
    expect(screen.getByRole<HTMLInputElement>('searchbox').value).toBe('');
    await user.selectOptions(viewSelect(), '超期检测');
    await waitFor(() => expect(count()).toBe('共 1 条'), WAIT);
    expect(screen.getByRole<HTMLInputElement>('searchbox').value).toBe('检测');
    expect(screen.getByTestId('filter-chip-view-overdue')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: '重命名视图' }));
    const name = screen.getByRole('textbox', { name: '视图名称' });
    await user.clear(name);
    await user.type(name, '检测类超期{Enter}');
    expect(selectedText()).toBe('检测类超期');

    await user.click(screen.getByRole('button', { name: '删除视图' }));
    expect(within(viewSelect()).queryByRole('option', { name: '检测类超期' })).toBeNull();
    expect(viewSelect().value).toBe('');
    second.unmount();

    renderGrid();
    await waitFor(() => expect(count()).not.toBe('加载中…'), WAIT);
    expect(within(viewSelect()).queryByRole('option', { name: '检测类超期' })).toBeNull();
    expect(localStorage.getItem('vl.views.t-views')).toBe('[]');
  });

  it('refuses an empty name and a name another view has, saying why', async () => {
    await demands();
    const user = userEvent.setup();
    renderGrid();
    await waitFor(() => expect(count()).toBe('共 3 条'), WAIT);
    await user.click(screen.getByRole('button', { name: '存为视图' }));
    await user.type(screen.getByRole('textbox', { name: '视图名称' }), '全部{Enter}');
    await user.selectOptions(viewSelect(), '超期');
    await user.click(screen.getByRole('button', { name: '存为视图' }));
    await user.type(screen.getByRole('textbox', { name: '视图名称' }), '  {Enter}');
    expect(screen.getByRole('alert').textContent).toContain('请填写视图名称');
    await user.type(screen.getByRole('textbox', { name: '视图名称' }), '全部{Enter}');
    expect(screen.getByRole('alert').textContent).toContain('已有名为“全部”的视图');
    expect(selectedText()).toBe('超期');
  });
});

describe('the view selector by keyboard', () => {
  // Choosing with the arrow keys is the browser's own <select>: the Chromium check does it.
  it('names a view from the keyboard, and Esc leaves the name and goes back to the selector', async () => {
    await demands();
    const user = userEvent.setup();
    renderGrid();
    await waitFor(() => expect(count()).toBe('共 3 条'), WAIT);
    await user.selectOptions(viewSelect(), '超期');
    viewSelect().focus();
    await user.tab();
    expect(document.activeElement?.textContent).toBe('存为视图');
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: '视图名称' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('textbox', { name: '视图名称' })).toBeNull();
    expect(document.activeElement).toBe(viewSelect());
  });
});

describe('a modified view', () => {
  it('is marked modified when its filters or search change, and no longer once they are back', async () => {
    await demands();
    const user = userEvent.setup();
    renderGrid();
    await waitFor(() => expect(count()).toBe('共 3 条'), WAIT);
    await user.selectOptions(viewSelect(), '督办');
    await waitFor(() => expect(count()).toBe('共 1 条'), WAIT);
    expect(screen.queryByTestId('view-modified')).toBeNull();
    await user.type(screen.getByRole('searchbox'), '人才');
    expect(screen.getByTestId('view-modified').textContent).toBe('已修改');
    expect(selectedText()).toBe('督办');
    await user.clear(screen.getByRole('searchbox'));
    expect(screen.queryByTestId('view-modified')).toBeNull();
  });

  it('offers to update a modified user view with what the grid shows now', async () => {
    await demands();
    const user = userEvent.setup();
    renderGrid();
    await waitFor(() => expect(count()).toBe('共 3 条'), WAIT);
    await user.selectOptions(viewSelect(), '超期');
    await user.click(screen.getByRole('button', { name: '存为视图' }));
    await user.type(screen.getByRole('textbox', { name: '视图名称' }), '跟进{Enter}');
    await user.type(screen.getByRole('searchbox'), '设备');
    expect(screen.getByTestId('view-modified')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '更新视图' }));
    expect(screen.queryByTestId('view-modified')).toBeNull();
    const saved = JSON.parse(localStorage.getItem('vl.views.t-views') ?? '[]') as {
      name: string;
      q: string;
    }[];
    expect(saved).toMatchObject([{ name: '跟进', q: '设备', conditions: ['overdue'] }]);
  });
});
