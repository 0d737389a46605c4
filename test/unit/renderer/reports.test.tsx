// @vitest-environment jsdom
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import ExcelJS from 'exceljs';
import './setup';
import { buildDataset } from '../../integration/reports-dataset';
import { installBridge, type Bridge } from './bridge';
import { App } from '../../../src-renderer/App';
import i18n, { setLanguage } from '../../../src-renderer/i18n';
import {
  isDirty,
  recentQuarters,
  selectionKey,
  selectionOf,
  useReports,
} from '../../../src-renderer/stores/reports';
import { changeOf, formatValue } from '../../../src-renderer/components/reports/figures';
import { FIGURE_SECTIONS } from '../../../src-renderer/components/reports/sections';
import { SCALAR_KEYS, SCALAR_SECTIONS } from '@shared/reports/definitions';
import { files } from '../../../src-renderer/files';
import { useNotices } from '../../../src-renderer/stores/notices';

// The Reports screen and its store, on the hand-built district of the report tests (2026Q3:
// 5 visits, closure rate 4 / 12, 6 demands overdue at the end…), through a bridge to a real core.

// Saved as the web mode saves (a download), under the core's name: caught here. Test files share
// modules and a jsdom (test/vitest.config.ts), so what this file replaces goes back after it.
const saveAs = vi.spyOn(files, 'saveAs').mockImplementation(async (r) => r.fileName);
// ECharts measures text on a canvas, which jsdom lacks (it answers null after a warning per call).
const getContext = HTMLCanvasElement.prototype.getContext;
HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;
afterAll(() => {
  saveAs.mockRestore();
  HTMLCanvasElement.prototype.getContext = getContext;
});

const Q3 = { period: '2026Q3', staffId: null, town: null };

function district(): { b: Bridge; ds: ReturnType<typeof buildDataset> } {
  const ds = buildDataset();
  return { ds, b: installBridge(ds.t) };
}

beforeEach(() => {
  useReports.setState(useReports.getInitialState(), true);
  saveAs.mockClear();
  if (i18n.language !== 'zh-CN') setLanguage('zh-CN');
});

describe('the reports store', () => {
  it('reads the choice from the route, defaulting to the current quarter', () => {
    expect(selectionOf({}, '2026-10-15')).toEqual({ period: '2026Q4', staffId: null, town: null });
    expect(selectionOf({ quarter: '2026Q9' }, '2026-10-15').period).toBe('2026Q4');
    expect(selectionOf({ quarter: '2026Q2', staff: 's1', town: '西湖镇' }, '2026-10-15')).toEqual({
      period: '2026Q2',
      staffId: 's1',
      town: null,
    });
    expect(recentQuarters('2026-10-15')).toEqual(['2025Q4', '2026Q1', '2026Q2', '2026Q3', '2026Q4']);
    expect(selectionKey({ period: '2026Q3', staffId: null, town: '西湖镇' })).toBe('2026Q3|town:西湖镇');
  });

  it('loads the report and its narrative; the towns come from the bureau report', async () => {
    const { b } = district();
    await useReports.getState().load(Q3);
    const s = useReports.getState();
    expect(s.report).toEqual(b.ok('reports.summary', { period: '2026Q3' }));
    expect(s.towns).toEqual(['东城街道', '西湖镇']);
    expect(s.saved?.typicalCases).toBe('');
    // Loaded once per data version.
    const calls = b.calls.length;
    await useReports.getState().load(Q3);
    expect(b.calls.length).toBe(calls);
    await useReports.getState().load(Q3, 1);
    expect(b.calls.length).toBe(calls + 2);
  });

  it('keeps a draft apart from what is saved, and saves it', async () => {
    const { b } = district();
    await useReports.getState().load(Q3);
    useReports.getState().setText('recurringProblems', '人才招引难。');
    expect(isDirty(useReports.getState())).toBe(true);
    expect(await useReports.getState().save()).toBe(true);
    expect(isDirty(useReports.getState())).toBe(false);
    expect(b.ok('reports.narrative.get', { quarter: '2026Q3' }).recurringProblems).toBe('人才招引难。');
    useReports.getState().setText('recurringProblems', '改了又放弃');
    useReports.getState().discard();
    expect(useReports.getState().draft.recurringProblems).toBe('人才招引难。');
  });

  it('lists the records behind a figure: as many as the figure', async () => {
    const { b } = district();
    await useReports.getState().load(Q3);
    await useReports.getState().openRecords('overdueAtEnd', null);
    const drill = useReports.getState().drill!;
    expect(drill.total).toBe(6);
    expect(drill.rows.map((r) => r.id)).toEqual(
      b.ok('reports.records', { quarter: '2026Q3', figure: 'overdueAtEnd' }).rows.map((r) => r.id),
    );
    await useReports.getState().openRecords('byMode', 'onsite');
    expect(useReports.getState().drill).toMatchObject({ figure: 'byMode', key: 'onsite', total: 2 });
  });

  it('downloads the Excel file made by reports.export', async () => {
    district();
    await useReports.getState().load(Q3);
    expect(await useReports.getState().download('xlsx')).toEqual({
      fileName: 'XX区科技局_2026年第三季度走访工作总结.xlsx',
      savedFirst: false,
    });
    const [{ fileName: name, contentBase64: base64, mime }] = saveAs.mock.calls[0]!;
    expect(name).toBe('XX区科技局_2026年第三季度走访工作总结.xlsx');
    expect(mime).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
    expect(wb.getWorksheet('汇总')).toBeTruthy();
  });

  it('saves the narrative before making the Word file, which carries it', async () => {
    const { b } = district();
    await useReports.getState().load(Q3);
    useReports.getState().setText('typicalCases', '检测设备难题当周解决。');
    expect(await useReports.getState().download('docx')).toMatchObject({ savedFirst: true });
    expect(b.ok('reports.narrative.get', { quarter: '2026Q3' }).typicalCases).toBe('检测设备难题当周解决。');
    expect(b.calls.map((c) => c.method).slice(-2)).toEqual(['reports.narrative.save', 'reports.export']);
  });

  it('a refused export becomes a notice, not an exception', async () => {
    const { b } = district();
    await useReports.getState().load(Q3);
    b.override('reports.export', () => ({
      ok: false,
      error: { code: 'INTERNAL', message: '磁盘已满', details: {} },
    }));
    expect(await useReports.getState().download('xlsx')).toBeNull();
    expect(useReports.getState().exporting).toBeNull();
    expect(useNotices.getState().notices.map((n) => n.text)).toEqual(['磁盘已满']);
  });
});

describe('figures as text', () => {
  it('writes undefined rates as —, rates as percentages, changes with their sign', async () => {
    const { b } = district();
    const r = b.ok('reports.summary', { period: '2019Q1' });
    expect(formatValue('closureRate', r.figures.closureRate)).toBe('—');
    expect(formatValue('visits', r.figures.visits)).toBe('0');
    const q3 = b.ok('reports.summary', { period: '2026Q3' });
    expect(formatValue('closureRate', q3.figures.closureRate)).toBe('33.3%');
    // Q2 had one visit: +4 visits (+400.0%); the year before had nothing recorded: not compared.
    expect(changeOf('visits', q3, 'previous')).toMatchObject({ text: '▲4（+400.0%）', tone: 'good' });
    expect(changeOf('visits', q3, 'lastYear')).toMatchObject({ text: '—', noData: true });
    // More overdue is worse.
    expect(changeOf('overdueAtEnd', q3, 'previous')).toMatchObject({ dir: 'up', tone: 'bad' });
  });

  it('shows every scalar figure once, in the section the Excel and Word reports give it', () => {
    expect(FIGURE_SECTIONS.map((s) => s.key)).toEqual(Object.keys(SCALAR_SECTIONS));
    for (const { key, figures } of FIGURE_SECTIONS)
      expect([...figures].sort(), key).toEqual([...SCALAR_SECTIONS[key]].sort());
    expect(FIGURE_SECTIONS.flatMap((s) => s.figures).sort()).toEqual([...SCALAR_KEYS].sort());
  });
});

describe('the Reports screen', () => {
  it('shows the figures, opens the records behind one, and saves the narrative', async () => {
    const { b } = district();
    const user = userEvent.setup();
    window.location.hash = '#/reports?quarter=2026Q3';
    render(<App />);
    const report = await screen.findByTestId('report');
    await waitFor(() => expect(report.getAttribute('aria-busy')).toBe('false'));
    const figures = b.ok('reports.quarterly', { quarter: '2026Q3' }).figures;
    const tile = (k: string) => report.querySelector<HTMLButtonElement>(`.kpi[data-figure="${k}"]`)!;
    expect(tile('visits').querySelector('.kpi-value')!.textContent).toBe(`${figures.visits}家次`);
    expect(tile('overdueAtEnd').getAttribute('data-value')).toBe('6');
    expect(tile('closureRate').textContent).toContain('= 4 ÷ 12');
    expect(tile('closureRate').textContent).toContain('新增需求 + 上期结转');
    expect(within(report).getByText('2026年第三季度走访工作总结')).toBeTruthy();
    // The charts are drawn (SVG) in the page.
    expect(report.querySelector('[data-testid="chart-visitsByMonth"] svg')).toBeTruthy();

    await user.click(tile('overdueAtEnd'));
    const drawer = await screen.findByTestId('records-drawer');
    await waitFor(() => expect(drawer.querySelectorAll('tbody tr')).toHaveLength(6));
    expect(window.location.hash).toContain('figure=overdueAtEnd');
    const link = drawer.querySelector('tbody tr a')!;
    expect(link.getAttribute('href')).toMatch(/^#\/demands\//);
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByTestId('records-drawer')).toBeNull());
    expect(window.location.hash).not.toContain('figure=');

    const box = screen.getByRole('textbox', { name: /典型案例/ });
    await user.type(box, '检测设备难题');
    expect(screen.getByTestId('narrative-state').textContent).toContain('有未保存的修改');
    fireEvent.keyDown(box, { key: 's', ctrlKey: true });
    await waitFor(() => expect(screen.getByTestId('narrative-state').textContent).toContain('已保存'));
    expect(b.ok('reports.narrative.get', { quarter: '2026Q3' }).typicalCases).toBe('检测设备难题');
  });

  it('shows the demands per lead unit and the enterprises per tier, each opening its records', async () => {
    const { b, ds } = district();
    // A demand received in Q3 and still pending, handed to a unit now: its lead unit is the one it has now.
    const { id } = ds.t.core.store.db
      .prepare(
        `SELECT "id" FROM demands WHERE "status" = 'pending' AND "receivedAt" >= '2026-06-30T16:00:00Z'
           AND "receivedAt" < '2026-09-30T16:00:00Z' ORDER BY "id" LIMIT 1`,
      )
      .get() as { id: string };
    const unit = b.ok('units.create', { name: '区工信局', kind: 'department' });
    b.ok('demands.transition', { id, to: 'assigned', assigneeStaffId: ds.t.meId, leadUnitId: unit.id });
    const user = userEvent.setup();
    window.location.hash = '#/reports?quarter=2026Q3';
    render(<App />);
    const report = await screen.findByTestId('report');
    await waitFor(() => expect(report.getAttribute('aria-busy')).toBe('false'));
    expect(report.querySelector('.kpi[data-figure="leaderVisits"]')).toBeTruthy();
    expect(report.querySelector('.kpi[data-figure="firstReplyRate"]')).toBeTruthy();

    const units = report.querySelector<HTMLElement>('[data-split="byUnit"]')!;
    const row = units.querySelector<HTMLElement>(`tr[data-key="${unit.id}"]`)!;
    // Received in Q3 and open at its end: assigned, open, overdue as the core counts it; nothing closed.
    const u = b.ok('reports.quarterly', { quarter: '2026Q3' }).figures.byUnit[unit.id]!;
    expect(u).toMatchObject({ assigned: 1, closed: 0, openAtEnd: 1, onTimeRate: null });
    expect([...row.querySelectorAll('td')].map((c) => c.textContent)).toEqual([
      '区工信局',
      '1',
      '0',
      '1',
      String(u.overdueAtEnd),
      '—',
    ]);
    await user.click(within(row).getByRole('button', { name: '区工信局' }));
    const drawer = await screen.findByTestId('records-drawer');
    await waitFor(() => expect(drawer.querySelectorAll('tbody tr')).toHaveLength(1));
    expect(drawer.querySelector(`tr[data-record="${id}"]`)).toBeTruthy();
    expect(within(drawer).getByText(/按主办单位 · 区工信局/)).toBeTruthy();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByTestId('records-drawer')).toBeNull());

    const figures = b.ok('reports.quarterly', { quarter: '2026Q3' }).figures;
    const tiers = report.querySelector<HTMLElement>('[data-split="tierStock"]')!;
    const highTech = tiers.querySelector<HTMLElement>('tr[data-key="high_tech"]')!;
    expect(highTech.querySelectorAll('td')[1]!.textContent).toBe(String(figures.tierStock.high_tech));
    await user.click(within(highTech).getAllByRole('button')[0]!);
    const tierDrawer = await screen.findByTestId('records-drawer');
    await waitFor(() =>
      expect(tierDrawer.querySelectorAll('tbody tr')).toHaveLength(figures.tierStock.high_tech!),
    );
    expect(tierDrawer.querySelector('tbody tr a')!.getAttribute('href')).toMatch(/^#\/enterprises\//);
  });

  it('switches quarter and scope from the pickers', async () => {
    const { b, ds } = district();
    const user = userEvent.setup();
    window.location.hash = '#/reports';
    render(<App />);
    // The current quarter (2026Q4: "now" is 2026-10-15) by default.
    await waitFor(() => expect(screen.getByTestId('report').getAttribute('data-key')).toBe('2026Q4|bureau'));
    await user.click(screen.getByRole('button', { name: '2026年Q3' }));
    await waitFor(() => expect(screen.getByTestId('report').getAttribute('data-key')).toBe('2026Q3|bureau'));
    await user.click(screen.getByRole('button', { name: '镇街' }));
    await waitFor(() =>
      expect(screen.getByTestId('report').getAttribute('data-key')).toBe('2026Q3|town:东城街道'),
    );
    const town = b.ok('reports.quarterly', { quarter: '2026Q3', town: '东城街道' });
    await waitFor(() =>
      expect(
        screen.getByTestId('report').querySelector('.kpi[data-figure="visits"]')!.getAttribute('data-value'),
      ).toBe(String(town.figures.visits)),
    );
    await user.click(screen.getByRole('button', { name: '人员' }));
    await user.selectOptions(screen.getByRole('combobox', { name: '选择人员' }), ds.staff.a);
    await waitFor(() =>
      expect(screen.getByTestId('report').getAttribute('data-key')).toBe(`2026Q3|staff:${ds.staff.a}`),
    );
    // Clinics belong to no one staff member.
    expect(
      screen.getByTestId('report').querySelector<HTMLButtonElement>('.kpi[data-figure="clinics"]')!.disabled,
    ).toBe(true);
    expect(window.location.hash).toBe(`#/reports?period=2026Q3&staff=${ds.staff.a}`);
  });

  it('reports on a unit (承办单位) picked by name: summary, address, records and file', async () => {
    const { b } = district();
    const other = b.ok('units.create', { name: '区发改局', kind: 'department' });
    const unit = b.ok('units.create', { name: '区工信局', kind: 'department' });
    const user = userEvent.setup();
    window.location.hash = '#/reports?period=2026Q3';
    render(<App />);
    const key = () => screen.getByTestId('report').getAttribute('data-key');
    await waitFor(() => expect(key()).toBe('2026Q3|bureau'));
    const unitButton = screen.getByRole('button', { name: '承办单位' });
    await waitFor(() => expect((unitButton as HTMLButtonElement).disabled).toBe(false));
    await user.click(unitButton);
    // The first unit by name, then the one picked.
    await waitFor(() => expect(key()).toBe(`2026Q3|unit:${other.id}`));
    await user.selectOptions(screen.getByRole('combobox', { name: '选择承办单位' }), '区工信局');
    await waitFor(() => expect(key()).toBe(`2026Q3|unit:${unit.id}`));
    expect(b.calls).toContainEqual({
      method: 'reports.summary',
      input: { period: '2026Q3', unitId: unit.id },
    });
    expect(within(screen.getByTestId('report')).getByText('统计范围：承办单位：区工信局')).toBeTruthy();
    // The notes say how the unit scope counts activities and outcomes.
    expect(within(screen.getByTestId('report')).getByText('范围·服务活动与成效')).toBeTruthy();
    expect(window.location.hash).toBe(`#/reports?period=2026Q3&unit=${unit.id}`);
    // The records behind a figure and the file are the unit's too.
    await useReports.getState().openRecords('overdueAtEnd', null);
    expect(b.calls.at(-1)).toMatchObject({ method: 'reports.records', input: { unitId: unit.id } });
    await useReports.getState().download('xlsx');
    expect(b.calls.at(-1)).toMatchObject({ method: 'reports.export', input: { unitId: unit.id } });
    expect(saveAs.mock.calls[0]![0]).toMatchObject({ scopeName: '区工信局' });
  });

  it('shows a month, a year and a range of days from the period picker', async () => {
    const { b } = district();
    const user = userEvent.setup();
    window.location.hash = '#/reports?period=2026Q3';
    render(<App />);
    const key = () => screen.getByTestId('report').getAttribute('data-key');
    await waitFor(() => expect(key()).toBe('2026Q3|bureau'));
    // A month: the one holding the quarter's last day, then any of the recent ones.
    await user.click(screen.getByRole('button', { name: '月' }));
    await waitFor(() => expect(key()).toBe('2026-09|bureau'));
    await user.click(screen.getByRole('button', { name: '2026年8月' }));
    await waitFor(() => expect(key()).toBe('2026-08|bureau'));
    expect(window.location.hash).toBe('#/reports?period=2026-08');
    const august = b.ok('reports.summary', { period: '2026-08' });
    await waitFor(() =>
      expect(
        screen.getByTestId('report').querySelector('.kpi[data-figure="visits"]')!.getAttribute('data-value'),
      ).toBe(String(august.figures.visits)),
    );
    expect(within(screen.getByTestId('report')).getByText('2026年8月走访工作总结')).toBeTruthy();
    // The year is not over ("now" is 2026-10-15): so far, and said so.
    await user.click(screen.getByRole('button', { name: '年' }));
    await waitFor(() => expect(key()).toBe('2026|bureau'));
    expect(screen.getByTestId('report').querySelector('.partial')!.textContent).toContain('2026-10-15');
    // Any range of days.
    await user.click(screen.getByRole('button', { name: '自定义' }));
    await waitFor(() => expect(key()).toBe('2026-01-01..2026-12-31|bureau'));
    const from = screen.getByLabelText('开始日期');
    const to = screen.getByLabelText('结束日期');
    fireEvent.change(from, { target: { value: '2026-07-01' } });
    fireEvent.change(to, { target: { value: '2026-08-31' } });
    await user.click(screen.getByTestId('range-apply'));
    await waitFor(() => expect(key()).toBe('2026-07-01..2026-08-31|bureau'));
    // The end before the start is not offered.
    fireEvent.change(screen.getByLabelText('结束日期'), { target: { value: '2026-06-01' } });
    expect((screen.getByTestId('range-apply') as HTMLButtonElement).disabled).toBe(true);
  });
});
