// The Reports screen on the demo district, in Chromium through the web door: pick a quarter,
// the figures shown are reports.quarterly's, a figure opens exactly its records, the narrative
// is saved and still there after a reload, the Excel file downloads and opens, a town scope,
// the charts drawn under the app's Content-Security-Policy, and the print layout.
// Screenshots go to test/e2e/screenshots/reports-*.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { shiftQuarter, quarterOf } from '@shared/domain/quarter';
import { SCALAR_KEYS } from '@shared/reports/definitions';
import type { MethodOutput } from '@shared/contract/contract';
import { seedDemo } from '../../seeds/demo';
import { tempDir } from '../helpers';
import { SCREENSHOTS, startApp, type App } from './harness';

let app: App;
let page: Page;

beforeAll(async () => {
  app = await startApp();
  page = app.page;
  seedDemo(app.core, { scale: 1 });
  // Every CSP violation the page reports (charts included) is a failure.
  await page.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.reload();
  await page.waitForSelector('[data-testid="me-name"]');
}, 180_000);

afterAll(async () => {
  await app?.close();
});

type Report = MethodOutput<'reports.quarterly'>;

const keyOf = (quarter: string, scope: { staffId?: string; town?: string } = {}) =>
  `${quarter}|${scope.staffId ? `staff:${scope.staffId}` : scope.town ? `town:${scope.town}` : 'bureau'}`;

/** Waits until the report of this quarter and scope is on screen (not a stale one loading). */
async function reportShown(key: string): Promise<void> {
  await page.waitForSelector(`[data-testid="report"][data-key="${key}"][aria-busy="false"]`, {
    timeout: 20_000,
  });
}

/** Every figure tile's value against reports.quarterly's. */
async function expectFiguresOf(report: Report): Promise<void> {
  const shown = await page
    .locator('[data-testid="report"] .kpi[data-figure]')
    .evaluateAll((els) => els.map((e) => [e.getAttribute('data-figure'), e.getAttribute('data-value')]));
  expect(Object.fromEntries(shown)).toEqual(
    Object.fromEntries(SCALAR_KEYS.map((k) => [k, String(report.figures[k] ?? '')])),
  );
}

const shot = (name: string) => app.shot(`reports-${name}`);

describe('the Reports screen', () => {
  it('shows the figures of reports.quarterly, their records, the narrative and the files', async () => {
    try {
      await reportsEndToEnd();
    } catch (e) {
      await shot('failure');
      throw e;
    }
  });
});

async function reportsEndToEnd(): Promise<void> {
  const today = app.api('app.info').today;
  const current = quarterOf(today);
  const previous = shiftQuarter(current, -1);

  // --- the current quarter by default, so far -----------------------------------------------------
  await page.click('[data-nav="reports"]');
  await reportShown(keyOf(current));
  await expectFiguresOf(app.api('reports.quarterly', { quarter: current }));
  expect(await page.locator('.report-meta .partial').count()).toBe(1);
  await shot('01-current-quarter');

  // --- the previous quarter, one click away -------------------------------------------------------
  await page.click(`.quarter-picker [data-quarter="${previous}"]`);
  await reportShown(keyOf(previous));
  const report = app.api('reports.quarterly', { quarter: previous });
  await expectFiguresOf(report);
  expect(page.url()).toContain(`period=${previous}`);
  // A rate with its numerator and denominator; the comparisons are written out.
  const closure = page.locator('.kpi[data-figure="closureRate"]');
  await expect(closure.locator('[data-testid="ratio"]').textContent()).resolves.toContain(
    `${report.rates.closureRate.numerator} ÷ ${report.rates.closureRate.denominator}`,
  );
  await expect(closure.textContent()).resolves.toContain(report.rates.closureRate.numeratorLabel.zh);
  await expect(closure.locator('.kpi-value').textContent()).resolves.toBe(
    `${(report.figures.closureRate! * 100).toFixed(1)}%`,
  );
  await expect(page.locator('.kpi[data-figure="visits"] .kpi-changes').textContent()).resolves.toMatch(
    /环比.*同比/,
  );
  // The four charts are drawn as SVG.
  for (const chart of ['visitsByMonth', 'demandsByCategory', 'closureFunnel', 'satisfaction']) {
    await page.locator(`[data-testid="chart-${chart}"] svg`).first().waitFor();
  }
  await page.screenshot({ path: join(SCREENSHOTS, 'reports-02-previous-quarter-full.png'), fullPage: true });
  await shot('02-previous-quarter');

  // --- a figure opens exactly its records, each opening its record ------------------------------------
  const overdue = report.figures.overdueAtEnd;
  expect(overdue).toBeGreaterThan(0);
  await page.click('.kpi[data-figure="overdueAtEnd"]');
  const drawer = page.locator('[data-testid="records-drawer"]');
  await drawer.locator(`[data-testid="records-table"][data-total="${overdue}"]`).waitFor();
  await expect.poll(() => drawer.locator('tbody tr').count()).toBe(Math.min(overdue, 200));
  await expect(drawer.locator('h2').textContent()).resolves.toContain(`期末超期：${overdue} 条记录`);
  const records = app.api('reports.records', { quarter: previous, figure: 'overdueAtEnd', limit: 1000 });
  expect(records.total).toBe(overdue);
  expect(
    await drawer.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-record'))),
  ).toEqual(records.rows.slice(0, 200).map((r) => r.id));
  await shot('03-overdue-records');
  const first = records.rows[0]!;
  await drawer.locator(`tr[data-record="${first.id}"] a`).first().click();
  await page.locator('[data-testid="demand-detail"]').waitFor();
  await expect.poll(() => page.url()).toContain(`#/demands/${first.id}`);
  await page.goBack();
  await drawer.locator(`[data-testid="records-table"][data-total="${overdue}"]`).waitFor();
  await page.keyboard.press('Escape');
  await drawer.waitFor({ state: 'detached' });

  // A split's count opens its records too: visits of one mode.
  const onsite = report.figures.byMode.onsite!.visits;
  await page.locator('[data-split="byMode"] tr[data-key="onsite"] button').click();
  await drawer.locator(`[data-testid="records-table"][data-total="${onsite}"]`).waitFor();
  await page.keyboard.press('Escape');
  await drawer.waitFor({ state: 'detached' });

  // --- the narrative: unsaved, saved, still there after a reload -----------------------------------------
  const text = `${previous}：某企业检测设备难题，经协调高校实验室当周解决。`;
  await page.fill('textarea[name="typicalCases"]', text);
  await expect(page.locator('[data-testid="narrative-state"]').textContent()).resolves.toContain(
    '有未保存的修改',
  );
  await page.locator('[data-testid="narrative-state"]').scrollIntoViewIfNeeded();
  await shot('04-narrative-unsaved');
  await page.click('[data-testid="narrative-save"]');
  await page.waitForSelector('[data-testid="narrative-state"]:has-text("已保存")');
  expect(app.api('reports.narrative.get', { quarter: previous }).typicalCases).toBe(text);
  await page.reload();
  await reportShown(keyOf(previous));
  await expect.poll(() => page.inputValue('textarea[name="typicalCases"]')).toBe(text);
  await expect(page.locator('[data-testid="narrative-state"]').textContent()).resolves.toContain('已保存');

  // --- the Excel file downloads and opens, with the figures on screen --------------------------------------
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click('[data-testid="download-xlsx"]'),
  ]);
  // The bureau's name, then the period as titles name it.
  expect(download.suggestedFilename()).toMatch(/_\d{4}年第[一二三四]季度走访工作总结\.xlsx$/);
  const file = join(tempDir(), 'report.xlsx');
  await download.saveAs(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  const summary = wb.getWorksheet('汇总')!;
  const valueOf = (label: string) => {
    let v: unknown;
    summary.eachRow((row) => {
      if (row.getCell(2).value === label) v = row.getCell(4).value;
    });
    return v;
  };
  expect(valueOf('走访家次')).toBe(report.figures.visits);
  expect(valueOf('期末超期')).toBe(report.figures.overdueAtEnd);
  expect(wb.getWorksheet('需求明细')).toBeTruthy();

  // --- a town's report -------------------------------------------------------------------------------
  await page.click('.scope-picker [data-scope="town"]');
  const town = await page.locator('.scope-picker select[name="scopeTown"]').inputValue();
  expect(town).not.toBe('');
  await reportShown(keyOf(previous, { town }));
  await expectFiguresOf(app.api('reports.quarterly', { quarter: previous, town }));
  await expect(page.locator('.report-meta').textContent()).resolves.toContain(town);
  await shot('05-town');

  // --- one staff member: the clinic figures do not apply ---------------------------------------------------
  await page.click('.scope-picker [data-scope="staff"]');
  const staffId = await page.locator('.scope-picker select[name="scopeStaff"]').inputValue();
  await reportShown(keyOf(previous, { staffId }));
  await expectFiguresOf(app.api('reports.quarterly', { quarter: previous, staffId }));
  expect(await page.locator('.kpi[data-figure="clinics"]').isDisabled()).toBe(true);
  await page.click('.scope-picker [data-scope="bureau"]');
  await reportShown(keyOf(previous));

  // --- English --------------------------------------------------------------------------------------------
  await page.click('[data-testid="lang-en"]');
  await page.waitForSelector('.kpi[data-figure="overdueAtEnd"] .kpi-label:has-text("Overdue at end")');
  await shot('06-english');
  await page.click('[data-testid="lang-zh"]');
  await page.waitForSelector('.kpi[data-figure="overdueAtEnd"] .kpi-label:has-text("期末超期")');

  // --- the print layout: the report alone ----------------------------------------------------------------
  await page.emulateMedia({ media: 'print' });
  expect(await page.locator('.sidebar').isVisible()).toBe(false);
  expect(await page.locator('.report-toolbar').isVisible()).toBe(false);
  expect(await page.locator('.narrative-print').first().textContent()).toContain('当周解决');
  await page.screenshot({ path: join(SCREENSHOTS, 'reports-07-print.png'), fullPage: true });
  await page.pdf({ path: join(SCREENSHOTS, 'reports-07-print.pdf'), format: 'A4', printBackground: true });
  await page.emulateMedia({ media: 'screen' });

  expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual(
    [],
  );
  expect(app.problems).toEqual([]);
}
