// A supervisor's day with units, in Chromium through the web door: hand a demand (交办) to a
// lead and a co unit, a staff member asks for an extension on the demand and the supervisor
// approves it on the board, then urges (催办) the overdue demands and gets the text to paste.
// Screenshots go to test/e2e/screenshots/supervision-*.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addDays, shanghaiDate } from '@shared/domain/dates';
import { startApp, type App } from './harness';

let app: App;
let page: Page;

beforeAll(async () => {
  app = await startApp();
  page = app.page;
  await app.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(app.server.openUrl).origin,
  });
});

afterAll(async () => {
  await app?.close();
});

const shot = (name: string) => app.shot(`supervision-${name}`);

/** Becomes `staffId` ("me" of this install) and reloads the page, as after choosing it in Settings. */
async function actAs(staffId: string, name: string): Promise<void> {
  app.api('me.set', { staffId });
  await page.reload();
  await page.waitForSelector(`[data-testid="me-name"]:has-text("${name}")`);
}

async function openDemand(id: string): Promise<void> {
  await page.evaluate((hash) => (window.location.hash = hash), `#/demands/${id}`);
  await page.waitForSelector(`[data-testid="demand-detail"]:not(:has-text("加载"))`);
}

describe('supervision with units', () => {
  it('交办 to a lead and a co unit, an approved extension, and a reminder to paste', async () => {
    try {
      await journey();
    } catch (e) {
      await shot('failure');
      throw e;
    }
  });
});

async function journey(): Promise<void> {
  const boss = app.api('staff.create', { name: '王督办', role: 'supervisor', position: 'section_head' });
  const clerk = app.api('staff.create', { name: '李承办', role: 'staff' });
  const lead = app.api('units.create', { name: '区工业和信息化局', kind: 'department' });
  const co = app.api('units.create', { name: '东湖街道', kind: 'town' });
  const e = app.api('enterprises.create', { uscc: '91350100M000100Y43', name: '福州星火科技有限公司' });
  const fresh = app.api('demands.create', {
    enterpriseId: e.id,
    title: '中试车间用地',
    categories: ['platform'],
  });
  // Received three weeks ago: due after 7 days, so two weeks overdue now.
  const today = shanghaiDate(new Date().toISOString());
  const late = app.api('demands.create', {
    enterpriseId: e.id,
    title: '检测设备共享',
    categories: ['tech'],
    receivedAt: `${addDays(today, -21)}T09:00:00+08:00`,
  });
  app.api('me.set', { staffId: boss.id });
  app.api('demands.transition', { id: late.id, to: 'assigned', assigneeStaffId: clerk.id });
  await actAs(boss.id, '王督办');

  // --- 交办: the supervisor hands the new demand to 李承办, a lead unit and a co unit ---------
  await openDemand(fresh.id);
  await page.click('[data-testid="demand-detail"] [data-move="assigned"]');
  const move = page.locator('[data-testid="move-dialog"]');
  await move.locator('select[name="assigneeStaffId"]').selectOption(clerk.id);
  await move.locator('select[name="leadUnitId"]').selectOption(lead.id);
  // The lead unit is not offered as a co unit.
  await expect(move.locator(`input[name="coUnitIds"][value="${lead.id}"]`).count()).resolves.toBe(0);
  await move.locator(`input[name="coUnitIds"][value="${co.id}"]`).check();
  await move.locator('[data-testid="move-confirm"]').click();
  await move.waitFor({ state: 'detached' });
  await page.waitForSelector('[data-testid="demand-lead-unit"]:has-text("区工业和信息化局")');
  await page.waitForSelector('[data-testid="demand-co-units"]:has-text("东湖街道")');
  expect(app.api('demands.get', { id: fresh.id })).toMatchObject({
    status: 'assigned',
    assigneeStaffId: clerk.id,
    leadUnitId: lead.id,
    coUnitIds: [co.id],
  });
  await shot('handed');

  // --- 延期申请: the staff member asks for more time on it ----------------------------------
  await actAs(clerk.id, '李承办');
  await openDemand(fresh.id);
  const dueBefore = app.api('demands.get', { id: fresh.id }).dueDate!;
  const asked = addDays(dueBefore, 14);
  await page.click('[data-testid="extension-request"]');
  const dialog = page.locator('[data-testid="extension-dialog"]');
  await dialog.locator('input[name="dueDate"]').fill(asked);
  await dialog.locator('textarea[name="reason"]').fill('等待园区规划调整');
  await dialog.locator('[data-testid="extension-confirm"]').click();
  await dialog.waitFor({ state: 'detached' });
  await page.waitForSelector('[data-testid="demand-extension"]:has-text("等待园区规划调整")');
  // Staff cannot decide it.
  expect(await page.locator('[data-testid="extension-approve"]').count()).toBe(0);

  // --- the supervisor sees it waiting, and approves it on the board ------------------------
  await actAs(boss.id, '王督办');
  await page.click('[data-nav="today"]');
  await page.waitForSelector('[data-testid="tasks-extension-requests"]:has-text("中试车间用地")');
  await page.click('[data-nav="board"]');
  const requests = page.locator('[data-testid="board-extensions"]');
  await requests.locator(`[data-demand="${fresh.id}"]`).waitFor();
  await shot('extension-request');
  await requests.locator(`[data-demand="${fresh.id}"] button:has-text("同意延期")`).click();
  await requests.waitFor({ state: 'detached' });
  expect(app.api('demands.get', { id: fresh.id })).toMatchObject({ dueDate: asked, extension: null });

  // --- 催办: tick the overdue demands, send the reminder, copy its text ---------------------
  await page.waitForSelector('[data-testid="board-counts"] .figure-overdue .figure-value:has-text("1")');
  await page.click('[data-testid="board-select-overdue"]');
  await page.waitForSelector('[data-testid="bulk-bar"]:has-text("已选 1 件")');
  await page.click('[data-testid="board-urge"]');
  const urge = page.locator('[data-testid="urge-dialog"]');
  await urge.locator('input[name="urgeNote"]').fill('请本周五前反馈进展');
  await urge.locator('[data-testid="urge-confirm"]').click();
  const texts = urge.locator('[data-testid="urge-texts"]');
  await texts.waitFor();
  const text = await texts.inputValue();
  for (const part of [
    '【催办】福州星火科技有限公司「检测设备共享」',
    '已超期 14 天',
    '李承办',
    '请本周五前反馈进展',
  ])
    expect(text).toContain(part);
  await shot('urge');
  await urge.locator('[data-testid="urge-copy"]').click();
  await page.waitForSelector('text=已复制催办通知');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
  expect(app.api('demands.get', { id: late.id }).history!.at(-1)).toMatchObject({
    type: 'urged',
    note: text,
  });
  expect(app.problems).toEqual([]);
}
