// 100,000 visits in the grid: the Infinite row model pages through visits.list, so the first
// rows, the last rows and a re-sort each come back quickly, with the count shown.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { addDays } from '@shared/domain/dates';
import { startApp, type App } from './harness';
import { withCapture } from '../../src-main/store/capture';

const N = 100_000;
let app: App;

beforeAll(async () => {
  app = await startApp();
  const me = app.api('staff.create', { name: '王芳', role: 'supervisor' });
  app.api('me.set', { staffId: me.id });
  const enterprises = Array.from({ length: 200 }, (_, i) =>
    app.api('enterprises.create', {
      uscc: `BENCH${String(i).padStart(13, '0')}`,
      usccOverride: true,
      usccOverrideReason: 'benchmark data',
      name: `压测企业${i}号科技有限公司`,
      town: `第${i % 12}街道`,
    }),
  );
  // Written straight to the table (no change log: this data is never synced) to keep the test short.
  const { store } = app.core;
  const insert = store.db.prepare(
    `INSERT INTO visits ("id","enterpriseId","date","mode","leadStaffId","staffIds","summary","solvedOnSite",
       "enterpriseConfirmed","status","visitNo","createdAt","updatedAt") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`,
  );
  const now = new Date().toISOString();
  const staffIds = JSON.stringify([me.id]);
  const modes = ['onsite', 'phone', 'meeting', 'online'];
  // Written without the capture: a list this long needs rows, not their history.
  withCapture(store, false, () =>
    store.db.transaction(() => {
      for (let i = 0; i < N; i++) {
        insert.run(
          uuidv7(),
          enterprises[i % enterprises.length]!.id,
          addDays('2025-01-01', i % 600),
          modes[i % 4],
          me.id,
          staffIds,
          `压测走访 ${i}`,
          i % 3 === 0 ? 1 : 0,
          0,
          'submitted',
          `BENCH-${String(i).padStart(6, '0')}`,
          now,
          now,
        );
      }
    })(),
  );
}, 180_000);

afterAll(async () => {
  await app?.close();
});

describe('a list of 100,000 visits', () => {
  it('shows the count, scrolls to the end and sorts, in SQL', async () => {
    const { page } = app;
    await page.goto(`${app.server.url}/#/visits`);
    await page.reload();
    await expect
      .poll(() => page.locator('[data-testid="grid-count"]').textContent(), { timeout: 20_000 })
      .toBe('共 100,000 条');
    await page.locator('.ag-row').first().waitFor();

    // Jump to the very end: only the blocks on screen are fetched.
    const started = Date.now();
    await page.evaluate(() => {
      const viewport = document.querySelector('.ag-grid-viewport')!;
      viewport.scrollTop = viewport.scrollHeight;
    });
    // Default order is date descending: the oldest visits are last.
    await page.locator('.ag-row', { hasText: '2025-01-01' }).first().waitFor({ timeout: 10_000 });
    const endMs = Date.now() - started;
    await app.shot('30-visits-100k-end');

    // Sort by visit number ascending: SQL sorts, the grid shows the first page.
    await page.evaluate(() => {
      document.querySelector('.ag-grid-viewport')!.scrollTop = 0;
    });
    await page.locator('.ag-header-cell-text', { hasText: '走访编号' }).click();
    await page.locator('.ag-row', { hasText: 'BENCH-000000' }).first().waitFor({ timeout: 10_000 });
    await app.shot('31-visits-100k-sorted');

    // Quick search goes to SQL as q.
    await page.fill('[name="visits-search"]', 'BENCH-09999');
    await expect
      .poll(() => page.locator('[data-testid="grid-count"]').textContent(), { timeout: 10_000 })
      .toBe('共 10 条');

    const lists = app.problems;
    expect(lists).toEqual([]);
    console.log(`100k visits: scrolled to the end in ${endMs} ms`);
    expect(endMs).toBeLessThan(5_000);
  });
});
