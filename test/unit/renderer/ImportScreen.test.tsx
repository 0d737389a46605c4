// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import './setup';
import { setLanguage } from '../../../src-renderer/i18n';
import { ImportScreen } from '../../../src-renderer/screens/ImportScreen';
import { sourceInput, useImportWizard, wizardError } from '../../../src-renderer/stores/importWizard';
import { parseHash } from '../../../src-renderer/router';
import { freshUscc } from '../../integration/fixtures';
import { xlsxFile } from '../../integration/ledgerFixtures';
import { CORPUS } from '../../fixtures/ledgers/corpus';
import { tempDir } from '../../helpers';
import { installBridge, type Bridge } from './bridge';

// The import wizard against a real core: a ledger with a title row merged above Chinese
// headers and one bad row goes file → columns → preview → import, and again as a no-op.

const WAIT = { timeout: 15_000 };

async function visitLedger(): Promise<File> {
  const path = await xlsxFile({
    rows: [
      ['2026年企业走访台账'],
      ['序号', '企业名称', '统一社会信用代码', '走访日期', '走访方式', '走访人', '走访情况'],
      [1, '闽江精密机械有限公司', freshUscc(), '2026-03-05', '实地', '测试员', '了解扩产计划'],
      [2, '榕城生物医药科技有限公司', freshUscc(), '2026/3/6', '电话', '测试员', '高企申报辅导'],
      [3, '坏日期科技有限公司', freshUscc(), '2026-13-45', '实地', '测试员', '日期写错了'],
    ],
    merges: ['A1:G1'],
  });
  return new File([readFileSync(path)], '走访台账.xlsx', {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
}

const counts = () =>
  Object.fromEntries(
    [...screen.getByTestId('import-counts').querySelectorAll('[data-count]')].map((el) => [
      el.getAttribute('data-count'),
      Number(el.querySelector('.figure-value')!.textContent),
    ]),
  );

let clicks: string[];
beforeEach(() => {
  useImportWizard.getState().reset();
  useImportWizard.setState({ savedMappings: [] });
  clicks = [];
  URL.createObjectURL = vi.fn(() => 'blob:test');
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicks.push(this.download);
  });
});
afterEach(() => vi.restoreAllMocks());

const route = parseHash('#/import');

async function upload(b: Bridge, file: File) {
  const user = userEvent.setup();
  render(<ImportScreen route={route} />);
  await user.upload(screen.getByTestId('ledger-import-file'), file);
  await screen.findByTestId('import-detection', {}, WAIT);
  return user;
}

describe('import wizard', () => {
  it('detects the ledger, takes a corrected column, previews, imports, and re-imports as a no-op', async () => {
    const b = installBridge();
    const file = await visitLedger();
    const user = await upload(b, file);
    expect((screen.getByLabelText(/台账类型/) as HTMLSelectElement).value).toBe('visits');
    expect(screen.getByTestId('import-data-rows').textContent).toBe('3');
    expect((screen.getByLabelText('表头所在行') as HTMLInputElement).value).toBe('2');

    await user.click(screen.getByTestId('import-next'));
    const table = await screen.findByTestId('import-mapping');
    const row = (field: string) => table.querySelector(`tr[data-field="${field}"]`) as HTMLElement;
    expect((within(row('enterpriseName')).getByRole('combobox') as HTMLSelectElement).value).toBe('1');
    expect(within(row('visitDate')).getByTestId('import-map-source').textContent).toBe('自动识别');
    expect(row('summary').querySelector('.import-sample')!.textContent).toBe('了解扩产计划');
    // The user does not want 走访情况 imported.
    await user.selectOptions(within(row('summary')).getByRole('combobox'), '');
    await waitFor(() => expect(row('summary').querySelector('.import-sample')!.textContent).toBe(''), WAIT);
    expect(useImportWizard.getState().options.mapping).toEqual({ summary: null });

    await user.click(screen.getByTestId('import-to-preview'));
    await screen.findByTestId('import-counts', {}, WAIT);
    expect(counts()).toEqual({ created: 2, updated: 0, skipped: 0, rejected: 1 });
    const bad = screen.getByTestId('import-rows').querySelector('tr[data-row="5"]')!;
    expect(bad.getAttribute('data-outcome')).toBe('reject');
    expect(bad.querySelector('.import-problem')!.textContent).toContain('【走访日期】');
    expect(bad.querySelectorAll('.import-bad-cell')).toHaveLength(1);
    expect(b.ok('visits.list').total).toBe(0);

    await user.click(screen.getByTestId('import-start'));
    expect(screen.getByTestId('import-confirm').textContent).toContain('先自动备份');
    await user.click(screen.getByTestId('import-run'));
    await screen.findByTestId('import-result', {}, WAIT);
    expect(counts()).toEqual({ created: 2, updated: 0, skipped: 0, rejected: 1 });
    expect(screen.getByTestId('import-enterprises-created').textContent).toContain('2');
    expect(screen.getByTestId('import-backup').textContent).toMatch(/\.db/);
    const visits = b.ok('visits.list', { sort: [{ field: 'date', dir: 'asc' }] });
    expect(visits.rows.map((v) => [v.enterpriseName, v.date, v.mode, v.summary])).toEqual([
      ['闽江精密机械有限公司', '2026-03-05', 'onsite', null],
      ['榕城生物医药科技有限公司', '2026-03-06', 'phone', null],
    ]);

    // The rejected rows as .xlsx, to fix and import again.
    await user.click(screen.getByTestId('import-rejects'));
    await waitFor(() => expect(clicks).toHaveLength(1), WAIT);
    expect(clicks[0]).toMatch(/\.xlsx$/);
    expect(b.calls.filter((c) => c.method === 'ledger.rejectsReport')).toHaveLength(1);

    // The same file again: nothing new; 走访情况, mapped this time, fills the two empty summaries.
    await user.click(screen.getByRole('button', { name: '导入另一个文件' }));
    await user.upload(screen.getByTestId('ledger-import-file'), file);
    await screen.findByTestId('import-detection', {}, WAIT);
    await user.click(screen.getByTestId('import-next'));
    await user.click(await screen.findByTestId('import-to-preview'));
    await screen.findByTestId('import-counts', {}, WAIT);
    expect(counts()).toEqual({ created: 0, updated: 2, skipped: 0, rejected: 1 });
    expect(b.ok('visits.list').total).toBe(2);
  });

  it('shows a file it cannot read next to the file picker', async () => {
    const b = installBridge();
    const user = userEvent.setup();
    render(<ImportScreen route={route} />);
    await user.upload(screen.getByTestId('ledger-import-file'), new File(['not a workbook'], '台账.xlsx'));
    const alert = await screen.findByRole('alert', {}, WAIT);
    expect(alert.getAttribute('data-field')).toBe('path');
    expect(alert.textContent).toContain('不是有效的 .xlsx 文件');
    expect(alert.closest('.field')!.querySelector('#import-file')).toBeTruthy();
    expect((screen.getByTestId('import-next') as HTMLButtonElement).disabled).toBe(true);
    await user.upload(screen.getByTestId('ledger-import-file'), new File([], 'empty.csv'));
    expect((await screen.findByRole('alert')).textContent).toBe('文件是空的。');
    expect(b.calls.filter((c) => c.method === 'ledger.preview')).toHaveLength(1);
  });

  it('shows a refusal of the sheet made while the file is read (two tables side by side)', async () => {
    installBridge();
    const user = userEvent.setup();
    render(<ImportScreen route={route} />);
    const path = await CORPUS.find((c) => c.file === 'side-by-side.xlsx')!.write(tempDir());
    await user.upload(screen.getByTestId('ledger-import-file'), new File([readFileSync(path)], '两镇.xlsx'));
    expect((await screen.findByTestId('import-error', {}, WAIT)).textContent).toContain(
      '并排放着两个表格（A–C 列、E–G 列）',
    );
    expect((screen.getByTestId('import-next') as HTMLButtonElement).disabled).toBe(true);
  });

  it('says plainly which required columns are missing and does not go on', async () => {
    const user = await upload(installBridge(), await visitLedger());
    await user.click(screen.getByTestId('import-next'));
    const table = await screen.findByTestId('import-mapping');
    const date = table.querySelector('tr[data-field="visitDate"]') as HTMLElement;
    await user.selectOptions(within(date).getByRole('combobox'), '');
    expect((await screen.findByTestId('import-missing', {}, WAIT)).textContent).toContain('走访日期');
    expect((screen.getByTestId('import-to-preview') as HTMLButtonElement).disabled).toBe(true);
  });

  it('names the fields in English when the app is in English', async () => {
    setLanguage('en');
    try {
      const user = await upload(installBridge(), await visitLedger());
      await user.click(screen.getByTestId('import-next'));
      const table = await screen.findByTestId('import-mapping');
      const date = table.querySelector('tr[data-field="visitDate"]') as HTMLElement;
      expect(date.querySelector('label')?.textContent).toBe('Visit date');
      await user.selectOptions(within(date).getByRole('combobox'), '');
      expect((await screen.findByTestId('import-missing', {}, WAIT)).textContent).toContain('Visit date');
    } finally {
      setLanguage('zh-CN');
    }
  });

  it('saves a mapping, applies it to the next file of the same shape, and deletes it', async () => {
    const b = installBridge();
    const file = await visitLedger();
    const user = await upload(b, file);
    await user.click(screen.getByTestId('import-next'));
    const table = await screen.findByTestId('import-mapping');
    const summary = () => table.querySelector('tr[data-field="summary"]') as HTMLElement;
    await user.selectOptions(within(summary()).getByRole('combobox'), '');
    await waitFor(
      () => expect(within(summary()).getByTestId('import-map-source').textContent).toBe(''),
      WAIT,
    );
    await user.type(screen.getByLabelText('保存为'), '洪山镇走访台账');
    await user.click(screen.getByRole('button', { name: '保存映射' }));
    await screen.findByText(/已保存映射“洪山镇走访台账”/, {}, WAIT);
    expect(b.ok('ledger.mappings.list', {}).rows.map((m) => [m.name, m.kind])).toEqual([
      ['洪山镇走访台账', 'visits'],
    ]);

    // The next file with the same headers gets it by itself.
    useImportWizard.getState().reset();
    await useImportWizard.getState().pickFile(file);
    const d = useImportWizard.getState().detection!;
    expect(d.savedMapping).toBe('洪山镇走访台账');
    expect(d.mapping.some((m) => m.field === 'summary')).toBe(false);
    expect(d.mapping.every((m) => m.source === 'saved')).toBe(true);

    await useImportWizard.getState().deleteMapping('洪山镇走访台账');
    expect(b.ok('ledger.mappings.list', {}).rows).toEqual([]);
    expect(useImportWizard.getState().error).toBeNull();
  });
});

describe('import wizard: contested columns and unknown units', () => {
  it('asks which field a contested column is, and adds the units the file names in one click', async () => {
    const b = installBridge();
    b.ok('units.create', { name: '区工信局' });
    const path = await xlsxFile({
      rows: [
        ['企业名称', '统一社会信用代码', '需求名称', '受理时间', '类别', '责任单位'],
        ['闽江精密机械有限公司', freshUscc(), '检测设备', '2026-03-05', '技术攻关', '区工信局'],
        ['榕城生物医药科技有限公司', freshUscc(), '贷款贴息', '2026-03-06', '融资', '高新镇'],
      ],
    });
    const user = await upload(b, new File([readFileSync(path)], '需求台账.xlsx'));
    await user.click(screen.getByTestId('import-next'));
    const questions = await screen.findByTestId('import-questions', {}, WAIT);
    expect(questions.textContent).toContain('E · 类别');
    const chosen = questions.querySelector('button.primary') as HTMLButtonElement;
    expect(chosen.getAttribute('data-field')).toBe('categories');
    // The user confirms the preselected meaning: the question is answered.
    await user.click(chosen);
    await waitFor(() => expect(screen.queryByTestId('import-questions')).toBeNull(), WAIT);
    expect(useImportWizard.getState().options.mapping).toEqual({ categories: 4 });

    await user.click(screen.getByTestId('import-to-preview'));
    await screen.findByTestId('import-counts', {}, WAIT);
    expect(counts()).toEqual({ created: 1, updated: 0, skipped: 0, rejected: 1 });
    expect(screen.getByTestId('import-unknown-units').textContent).toContain('高新镇');
    await user.click(screen.getByTestId('import-add-units'));
    await waitFor(() => expect(counts()).toEqual({ created: 2, updated: 0, skipped: 0, rejected: 0 }), WAIT);
    expect(screen.queryByTestId('import-unknown-units')).toBeNull();
    expect(
      b
        .ok('units.list', {})
        .rows.map((u) => u.name)
        .sort(),
    ).toEqual(['区工信局', '高新镇']);
  });
});

describe('import wizard store', () => {
  it('sends corrections on top of the saved mapping, or alone when none is wanted', () => {
    const file = { name: 'a.csv', size: 3, contentBase64: 'YWJj' };
    const base = { mapping: {}, createStaff: false };
    expect(sourceInput(file, { ...base, saved: { mode: 'auto' } })).toEqual({
      contentBase64: 'YWJj',
      fileName: 'a.csv',
    });
    expect(sourceInput(file, { ...base, saved: { mode: 'none' } }).mapping).toEqual({});
    expect(
      sourceInput(file, {
        saved: { mode: 'named', name: 'm' },
        mapping: { summary: null },
        createStaff: true,
        kind: 'visits',
        headerRow: 3,
        encoding: 'gb18030',
      }),
    ).toMatchObject({
      savedMappingName: 'm',
      mapping: { summary: null },
      createStaff: true,
      kind: 'visits',
      headerRow: 3,
      encoding: 'gb18030',
    });
  });

  it('puts errors about the file content on the file picker', () => {
    const e = wizardError({
      code: 'VALIDATION',
      message: 'contentBase64: is empty',
      details: { field: 'contentBase64', issues: [{ path: 'contentBase64', message: 'is empty' }] },
    });
    expect(e.details.field).toBe('path');
    expect(e.details.issues).toEqual([{ path: 'path', message: 'is empty' }]);
    expect(e.message).toBe('is empty');
    expect(wizardError({ code: 'VALIDATION', message: 'x', details: { field: 'sheet' } }).details.field).toBe(
      'sheet',
    );
  });
});
