// The keyboard in an open drawer, in Chromium (issue 15, point 6): Tab cycles inside the visit
// form and never reaches the page behind it, a date is typed in one Tab stop, and colleagues are
// picked by typing. It prints the Tab stops from the enterprise field to Save (the figure the
// issue compares before and after).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startApp, type App } from './harness';

let app: App;
let page: Page;

beforeAll(async () => {
  app = await startApp();
  page = app.page;
  const me = app.api('staff.create', { name: '测试员', role: 'supervisor' });
  app.api('me.set', { staffId: me.id });
  app.api('staff.create', { name: '王伟', role: 'staff', position: 'section_head', phone: '13800008821' });
  app.api('staff.create', { name: '王伟', role: 'staff', position: 'staff', phone: '13900001234' });
  app.api('enterprises.create', { uscc: '91350100M000100Y43', name: '福州星火科技有限公司' });
  await page.reload();
  await page.waitForSelector('[data-testid="me-name"]');
});

afterAll(async () => {
  await app?.close();
});

/** What has focus: its name, test id or text, and whether it is inside the visit form. */
const focus = () =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      name:
        el?.getAttribute('name') ??
        el?.getAttribute('data-testid') ??
        el?.getAttribute('aria-label') ??
        el?.textContent?.trim().slice(0, 20) ??
        '',
      inside: Boolean(el?.closest('[data-testid="visit-form"]')),
    };
  });

async function openNewVisit(): Promise<void> {
  await page.evaluate(() => (window.location.hash = '#/visits/new'));
  await page.waitForSelector('[data-testid="visit-form"]');
  await expect.poll(async () => (await focus()).name).toBe('enterpriseId');
}

async function closeVisit(): Promise<void> {
  await page.keyboard.press('Escape');
  await page.waitForSelector('[data-testid="visit-form"]', { state: 'detached' });
}

describe('the keyboard in the visit form drawer', () => {
  it('keeps Tab inside the drawer, round and round, both ways', async () => {
    await openNewVisit();
    const stops: string[] = [];
    let left = false;
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      const f = await focus();
      if (!f.inside) {
        left = true;
        stops.push(`(left the drawer: ${f.name})`);
        break;
      }
      stops.push(f.name);
      if (f.name === 'enterpriseId') break;
    }
    const toSave = stops.indexOf('visit-save') + 1;
    console.log(
      `visit form: ${toSave} Tab stops from the enterprise field to Save; round: ${stops.join(' → ')}`,
    );
    expect(left).toBe(false);
    expect(stops[stops.length - 1]).toBe('enterpriseId'); // came round to the start
    expect(stops.filter((s) => s === 'date')).toHaveLength(1);
    for (let i = 0; i < stops.length + 3; i++) {
      await page.keyboard.press('Shift+Tab');
      expect((await focus()).inside).toBe(true);
    }
    await closeVisit();
  });

  it('takes a typed date in one stop, and colleagues by typing', async () => {
    await openNewVisit();
    await page.keyboard.type('星火');
    await page.locator('.picker-list [role="option"]', { hasText: '福州星火科技有限公司' }).waitFor();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect((await focus()).name).toBe('date');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('2026.3.5');
    await page.keyboard.press('Tab');
    expect((await focus()).name).toBe('mode');
    await expect(page.inputValue('[name="date"]')).resolves.toBe('2026-03-05');

    await page.keyboard.press('Tab'); // lead
    await page.keyboard.press('Tab'); // colleagues
    expect((await focus()).name).toBe('staffIds');
    await page.keyboard.type('王');
    await page.locator('.picker-list [role="option"]', { hasText: '王伟（工作人员）' }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="staffIds-chips"] .chip', { hasText: '王伟（工作人员）' }).waitFor();
    await app.shot('keyboard-visit-form');
    await page.keyboard.press('Control+Enter');
    await page.waitForSelector('[data-testid="visit-form"]', { state: 'detached' });
    const visit = app.api('visits.list', {}).rows[0]!;
    expect(visit.date).toBe('2026-03-05');
    const wang = app.api('staff.list', {}).rows.filter((s) => s.name === '王伟');
    const staffIds = app.api('visits.get', { id: visit.id }).staffIds ?? [];
    expect(wang.filter((s) => staffIds.includes(s.id)).map((s) => s.position)).toEqual(['staff']);
    expect(app.problems).toEqual([]);
  });
});
