// The ledger import wizard and a grid export, end to end in Chromium through the web door:
// an .xlsx made here (a merged title row above Chinese headers, one bad row) is uploaded,
// its detected columns checked and one changed, previewed, imported, imported again as a
// no-op; then the visits grid, filtered, is exported and the file read back with exceljs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import ExcelJS from 'exceljs';
import { usccCheckChar } from '@shared/domain/uscc';
import { startApp, type App } from './harness';

let app: App;
let page: Page;

beforeAll(async () => {
  app = await startApp();
  page = app.page;
});

afterAll(async () => {
  await app?.close();
});

const uscc = (n: number) => {
  const first17 = `91350100MA${String(n).padStart(7, '0')}`;
  return first17 + usccCheckChar(first17)!;
};

async function ledgerFile(staffName: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('2026年走访');
  ws.addRow(['洪山镇 2026 年企业走访台账']);
  ws.mergeCells('A1:H1');
  ws.addRow(['序号', '企业名称', '统一社会信用代码', '走访日期', '走访方式', '走访人', '走访情况', '备注']);
  ws.addRow([
    1,
    '闽江精密机械有限公司',
    uscc(101),
    '2026-03-05',
    '实地',
    staffName,
    '订单饱满，计划扩建车间',
    '',
  ]);
  ws.addRow([
    2,
    '榕城生物医药科技有限公司',
    uscc(102),
    '2026年3月6日',
    '电话',
    staffName,
    '高企申报辅导，了解研发投入',
    '',
  ]);
  ws.addRow([
    3,
    '闽侯光电科技有限公司',
    uscc(103),
    '2026/3/9',
    '座谈',
    staffName,
    '人才需求座谈，了解研发团队',
    '',
  ]);
  ws.addRow([4, '日期写错科技有限公司', uscc(104), '2026-13-45', '实地', staffName, '日期不对', '']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const counts = async () =>
  Object.fromEntries(
    await page
      .locator('[data-testid="import-counts"] [data-count]')
      .evaluateAll((els) =>
        els.map((el) => [
          el.getAttribute('data-count'),
          Number(el.querySelector('.figure-value')!.textContent),
        ]),
      ),
  );

const nav = async (screen: string) => {
  await page.click(`[data-nav="${screen}"]`);
  await page.waitForSelector(`[data-nav="${screen}"][aria-current="page"]`);
};

async function upload(file: Buffer) {
  await page.setInputFiles('[data-testid="ledger-import-file"]', {
    name: '洪山镇走访台账.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: file,
  });
  await page.waitForSelector('[data-testid="import-detection"]');
}

describe('ledger import and grid export in the browser', () => {
  it('imports an Excel ledger through the wizard, and again as a no-op', async () => {
    const me = app.api('staff.create', { name: '林晓', role: 'supervisor' });
    app.api('me.set', { staffId: me.id });
    await page.reload();
    await nav('import');
    const file = await ledgerFile('林晓');
    await upload(file);
    expect(await page.inputValue('#import-kind')).toBe('visits');
    expect(await page.inputValue('#import-headerRow')).toBe('2');
    expect(await page.textContent('[data-testid="import-data-rows"]')).toBe('4');
    await app.shot('import-1-file');

    await page.click('[data-testid="import-next"]');
    const select = (field: string) => page.locator(`#import-map-${field}`);
    const source = (field: string) =>
      page.locator(`tr[data-field="${field}"] [data-testid="import-map-source"]`).textContent();
    expect(await select('enterpriseName').inputValue()).toBe('1');
    expect(await select('uscc').inputValue()).toBe('2');
    expect(await select('visitDate').inputValue()).toBe('3');
    expect(await select('leadStaff').inputValue()).toBe('5');
    expect(await select('summary').inputValue()).toBe('6');
    expect(await source('visitDate')).toBe('自动识别');
    // 备注 is not wanted: it is empty anyway, and would go into 走访情况.
    await select('remark').selectOption('');
    await expect.poll(() => source('remark')).toBe('');
    // 走访方式 read from the column the user names.
    await select('mode').selectOption('4');
    await expect.poll(() => source('mode')).toBe('手动指定');
    await app.shot('import-2-mapping');

    await page.click('[data-testid="import-to-preview"]');
    await page.waitForSelector('[data-testid="import-counts"]');
    expect(await counts()).toEqual({ created: 3, updated: 0, skipped: 0, rejected: 1 });
    const bad = page.locator('[data-testid="import-rows"] tr[data-row="6"]');
    expect(await bad.getAttribute('data-outcome')).toBe('reject');
    expect(await bad.locator('.import-problem').textContent()).toContain('【走访日期】');
    expect(app.api('visits.list').total).toBe(0);
    await app.shot('import-3-preview');

    await page.click('[data-testid="import-start"]');
    await page.waitForSelector('[data-testid="import-confirm"]');
    expect(await page.textContent('[data-testid="import-confirm"]')).toContain('先自动备份');
    await app.shot('import-4-confirm');
    await page.click('[data-testid="import-run"]');
    await page.waitForSelector('[data-testid="import-result"]');
    expect(await counts()).toEqual({ created: 3, updated: 0, skipped: 0, rejected: 1 });
    expect(await page.textContent('[data-testid="import-enterprises-created"]')).toContain('3');
    await app.shot('import-5-result');

    const visits = app.api('visits.list', { sort: [{ field: 'date', dir: 'asc' }] });
    expect(visits.rows.map((v) => [v.enterpriseName, v.date, v.mode, v.leadStaffName])).toEqual([
      ['闽江精密机械有限公司', '2026-03-05', 'onsite', '林晓'],
      ['榕城生物医药科技有限公司', '2026-03-06', 'phone', '林晓'],
      ['闽侯光电科技有限公司', '2026-03-09', 'meeting', '林晓'],
    ]);
    expect(app.api('enterprises.list').total).toBe(3);

    // The rows not imported, as .xlsx with their reasons.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid="import-rejects"]'),
    ]);
    const rejects = new ExcelJS.Workbook();
    await rejects.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
    const texts = JSON.stringify(rejects.worksheets[0]!.getSheetValues());
    expect(texts).toContain('日期写错科技有限公司');
    expect(texts).toContain('导入失败原因');

    // The same file again changes nothing.
    await page.click('text=导入另一个文件');
    await upload(file);
    await page.click('[data-testid="import-next"]');
    await page.click('[data-testid="import-to-preview"]');
    await page.waitForSelector('[data-testid="import-counts"]');
    expect(await counts()).toMatchObject({ created: 0, rejected: 1 });
    await page.click('[data-testid="import-start"]');
    await page.click('[data-testid="import-run"]');
    await page.waitForSelector('[data-testid="import-result"]');
    expect((await counts()).created).toBe(0);
    expect(app.api('visits.list').total).toBe(3);
    expect(app.problems).toEqual([]);
  });

  it('exports the visits grid as filtered and sorted, and the file holds what the grid shows', async () => {
    await nav('visits');
    await page.fill('.grid-search', '研发');
    await expect
      .poll(() => page.textContent('[data-testid="grid-count"]'), { timeout: 10_000 })
      .toBe('共 2 条');
    await page.click('.ag-header-cell[col-id="date"] .ag-header-cell-label');
    await page.click('.ag-header-cell[col-id="date"] .ag-header-cell-label');
    await page.waitForSelector('.ag-header-cell[col-id="date"][aria-sort="descending"]');
    const gridHeaders = await page
      .locator('.ag-header-row-column .ag-header-cell')
      .evaluateAll((els) => els.map((e) => e.getAttribute('col-id')));
    const gridNames = async () =>
      page.locator('.ag-row').evaluateAll((rows) =>
        rows
          .map(
            (r) =>
              [
                Number(r.getAttribute('row-index')),
                r.querySelector('[col-id="enterpriseName"]')?.textContent ?? '',
              ] as const,
          )
          .filter(([, name]) => name)
          .sort((a, b) => a[0] - b[0])
          .map(([, name]) => name),
      );
    await expect
      .poll(gridNames, { timeout: 10_000 })
      .toEqual(['闽侯光电科技有限公司', '榕城生物医药科技有限公司']);
    await page.click('[data-testid="grid-export"]');
    await app.shot('export-1-menu');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid="grid-export-xlsx"]'),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const rows: string[][] = [];
    ws.eachRow((r) =>
      rows.push(
        (r.values as unknown[])
          .slice(1)
          .map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? ''))),
      ),
    );
    const [header, ...data] = rows;
    // One column per grid column, in the grid's order, with the export's Chinese headers.
    expect(header!.length).toBe(gridHeaders.length);
    expect(header!.slice(0, 3)).toEqual(['走访编号', '走访日期', '企业名称']);
    expect(gridHeaders.slice(0, 3)).toEqual(['visitNo', 'date', 'enterpriseName']);
    // The grid's rows: the search and the sort (date, newest first).
    expect(data.map((r) => r[2])).toEqual(await gridNames());
    expect(data.map((r) => [r[1], r[2]])).toEqual([
      ['2026-03-09', '闽侯光电科技有限公司'],
      ['2026-03-06', '榕城生物医药科技有限公司'],
    ]);
    expect(data.map((r) => r[header!.indexOf('走访方式')])).toEqual(['座谈', '电话']);
    expect(app.problems).toEqual([]);
  });

  it('an export made before a typed search is applied holds the rows on screen, not the typed text', async () => {
    await nav('visits');
    await page.fill('.grid-search', '研发');
    await expect
      .poll(() => page.textContent('[data-testid="grid-count"]'), { timeout: 10_000 })
      .toBe('共 2 条');
    const exportedRows = async (act: () => Promise<unknown>) => {
      const [download] = await Promise.all([page.waitForEvent('download'), act()]);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
      return wb.worksheets[0]!.rowCount - 1;
    };
    await page.click('[data-testid="grid-export"]');
    // More text typed and the export clicked in the same moment, well within the 250 ms
    // before the search applies: the grid still shows two rows, and so does the file.
    const early = await exportedRows(() =>
      page.evaluate(() => {
        const box = document.querySelector<HTMLInputElement>('.grid-search')!;
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(box, '研发团队');
        box.dispatchEvent(new Event('input', { bubbles: true }));
        document.querySelector<HTMLElement>('[data-testid="grid-export-xlsx"]')!.click();
      }),
    );
    expect(early).toBe(2);
    await expect
      .poll(() => page.textContent('[data-testid="grid-count"]'), { timeout: 10_000 })
      .toBe('共 1 条');
    await page.click('[data-testid="grid-export"]');
    expect(await exportedRows(() => page.click('[data-testid="grid-export-xlsx"]'))).toBe(1);
    await page.fill('.grid-search', '');
    expect(app.problems).toEqual([]);
  });

  it('asks before saving a file with phone numbers', async () => {
    app.api('staff.create', { name: '陈敏', role: 'staff', phone: '13800000002' });
    await nav('staff');
    await expect
      .poll(() => page.textContent('[data-testid="grid-count"]'), { timeout: 10_000 })
      .toMatch(/\d/);
    await page.click('[data-testid="grid-export"]');
    await page.click('[data-testid="grid-export-csv"]');
    await page.waitForSelector('[data-testid="export-phones"]');
    expect(await page.textContent('[data-testid="export-phones"]')).toContain('联系电话');
    await app.shot('export-2-phones');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid="export-phones-save"]'),
    ]);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text).toContain('13800000002');
  });
});
