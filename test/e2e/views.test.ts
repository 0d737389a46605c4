// The demands grid's built-in view 超期, in Chromium through the web door: the board's link
// lands on it, and it lists exactly the overdue demands the supervisor board counts, including
// the cases a naive "due date passed" would get wrong (an ended demand, a demand whose hold
// paused its clock before it was due).
// Screenshot: test/e2e/screenshots/views-overdue.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, shanghaiDate } from '@shared/domain/dates';
import { startApp, type App } from './harness';

let app: App;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

describe('the 超期 view of the demands grid', () => {
  it('shows exactly the overdue demands the board counts', async () => {
    try {
      await journey();
    } catch (e) {
      await app.shot('views-failure');
      throw e;
    }
  });
});

async function journey(): Promise<void> {
  const { page } = app;
  // The staff's laptops.
  await page.setViewportSize({ width: 1366, height: 768 });
  const boss = app.api('staff.create', { name: '王督办', role: 'supervisor' });
  app.api('me.set', { staffId: boss.id });
  const e = app.api('enterprises.create', { uscc: '91350100M000100Y43', name: '福州星火科技有限公司' });
  const today = shanghaiDate(new Date().toISOString());
  // 09:00 on that day, or a minute ago for today (before 09:00 in Shanghai, 09:00 is to come).
  const at = (days: number) =>
    days === 0 ? new Date(Date.now() - 60_000).toISOString() : `${addDays(today, days)}T09:00:00+08:00`;
  const demand = (title: string, receivedDaysAgo: number, complex = false) =>
    app.api('demands.create', {
      enterpriseId: e.id,
      title,
      categories: ['tech'],
      complex,
      receivedAt: at(-receivedDaysAgo),
    });
  demand('检测设备共享', 21);
  const handled = demand('中试车间用地', 21);
  app.api('demands.transition', { id: handled.id, to: 'assigned', assigneeStaffId: boss.id, at: at(-20) });
  app.api('demands.transition', { id: handled.id, to: 'in_progress', at: at(-20) });
  const ended = demand('不属本局职责的事项', 21);
  app.api('demands.transition', { id: ended.id, to: 'rejected', note: '不属于本局职责', at: at(-20) });
  // Due three days ago, but on hold since before that: its clock is paused, it is not late.
  const held = demand('等待第三方检测', 10);
  app.api('demands.transition', { id: held.id, to: 'assigned', assigneeStaffId: boss.id, at: at(-9) });
  app.api('demands.transition', { id: held.id, to: 'in_progress', at: at(-9) });
  app.api('demands.transition', { id: held.id, to: 'on_hold', note: '等待检测机构排期', at: at(-8) });
  demand('人才公寓申请', 0);
  demand('研发费用加计扣除辅导', 21, true);

  const board = app.api('demands.openBoard', {});
  const overdue = board.rows
    .filter((d) => d.overdue)
    .map((d) => d.title)
    .sort();
  expect(overdue).toEqual(['中试车间用地', '检测设备共享']);
  expect(board.counts.overdue).toBe(2);

  // The board's own figure, as the supervisor sees it.
  await page.reload();
  await page.evaluate(() => (window.location.hash = '#/board'));
  await page.waitForSelector('[data-testid="board-counts"]');
  expect(await page.textContent('[data-testid="board-counts"] .figure-overdue .figure-value')).toBe('2');

  // Its link to the overdue list lands on the grid's 超期 view.
  await page.getByRole('button', { name: '在需求台账中查看超期清单' }).click();
  await page.waitForSelector('[data-grid="demands"] [data-testid="grid-count"]:has-text("共 2 条")');
  await page.waitForSelector('[data-testid="filter-chip-view-overdue"]');
  // Its chip removed from the keyboard: the chip row is one Tab stop, Delete removes.
  await page.getByRole('button', { name: '移除筛选：超期' }).focus();
  await page.keyboard.press('Delete');
  await page.waitForSelector('[data-grid="demands"] [data-testid="grid-count"]:has-text("共 6 条")');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
  // By keyboard: 全部记录, 我的, 本季, 超期.
  const views = page.getByRole('combobox', { name: '视图' });
  await views.focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  expect(await views.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent)).toBe('超期');
  await page.waitForSelector('[data-grid="demands"] [data-testid="grid-count"]:has-text("共 2 条")');
  await page.waitForSelector('[data-testid="filter-chip-view-overdue"]');
  const titles = await page.$$eval('[data-grid="demands"] .ag-row [col-id="title"]', (els) =>
    els.map((el) => el.textContent?.trim() ?? ''),
  );
  expect(titles.sort()).toEqual(overdue);
  await app.shot('views-overdue');

  // Clearing returns to every demand.
  await page.click('[data-testid="filter-chip-view-overdue"] button');
  await page.waitForSelector('[data-grid="demands"] [data-testid="grid-count"]:has-text("共 6 条")');
  expect(app.problems).toEqual([]);
}
