// The daily screens laid out on a 1366×768 laptop and a 1920×1080 desk screen, in Chromium
// through the web door on the demo district: the board's titles are readable and its overdue
// demands on the first screen, enterprise names are whole, no pill in a list's cell is cut (in
// either language), the demand list's handler and due date columns stay in sight beside an open
// demand, and the sync screen's progress bar is where the eye is.
// Each screen is photographed (test/e2e/screenshots/layout-<screen>-<width>.png) before the
// measuring starts, so a failure has its picture.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page, Route } from 'playwright-core';
import { join } from 'node:path';
import { seedDemo } from '../../seeds/demo';
import { SCREENSHOTS, startApp, type App } from './harness';

const VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];

/** Narrower than this, a board title (up to ~20 characters) breaks into a column of 2–3 characters. */
const MIN_TITLE_WIDTH = 220;
/** The lists with pills in their cells (status, satisfaction). */
const PILL_LISTS = ['visits', 'demands', 'clinics', 'activities', 'outcomes', 'followups'];

/** A board title stays within two lines. */
const MAX_TITLE_LINES = 2;

let app: App;
/** Demands received this morning: the board's first group, above the older overdue ones. */
const FRESH_INTAKE = 8;

beforeAll(async () => {
  app = await startApp();
  seedDemo(app.core, { scale: 1 });
  const firms = app.api('enterprises.list', { limit: FRESH_INTAKE }).rows;
  for (const [i, firm] of firms.entries()) {
    app.api('demands.create', {
      enterpriseId: firm.id,
      title: `来电反映：申请第${i + 1}批科技创新券兑付进度查询`,
      categories: ['policy'],
      source: 'hotline',
    });
  }
  app.api('sync.team.create', { name: '启明区科技局', passphrase: 'river-stone-42' });
}, 300_000);

afterAll(async () => {
  await app?.close();
});

/** The visible box of an element, in viewport coordinates. */
interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
  width: number;
}

const boxOf = (page: Page, selector: string): Promise<Box> =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width };
    });

/** The part of a grid where rows show: its box less its vertical scroll bar. */
const rowsBoxOf = (page: Page): Promise<Box> =>
  page
    .locator('.ag-grid-viewport')
    .first()
    .evaluate((el) => {
      const r = el.getBoundingClientRect();
      const right = r.left + el.clientWidth;
      return { left: r.left, top: r.top, right, bottom: r.bottom, width: el.clientWidth };
    });

/** The texts of the cells (or any element inside them) cut by their box: "text (shown of needed px)". */
function clippedTexts(page: Page, cellSelector: string): Promise<string[]> {
  return page.$$eval(cellSelector, (cells) =>
    cells.flatMap((cell) => {
      const parts = [cell, ...cell.querySelectorAll<HTMLElement>('*')];
      const cut = parts.find((el) => el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0);
      return cut ? [`${cell.textContent?.trim()} (${cut.clientWidth} of ${cut.scrollWidth}px)`] : [];
    }),
  );
}

for (const viewport of VIEWPORTS) {
  const size = `${viewport.width}×${viewport.height}`;
  describe(`the daily screens at ${size}`, () => {
    let context: BrowserContext;
    let page: Page;
    const shot = (name: string) =>
      page.screenshot({ path: join(SCREENSHOTS, `layout-${name}-${viewport.width}.png`) });
    const go = async (hash: string, ready: string) => {
      await page.evaluate((h) => (window.location.hash = h), hash);
      await page.locator(ready).first().waitFor();
    };

    beforeAll(async () => {
      // One context per screen size, as on two different computers (no remembered layout).
      context = await app.browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      page = await context.newPage();
      await page.goto(app.server.openUrl);
      await page.locator('[data-testid="my-tasks"]').waitFor();
    });
    afterAll(async () => {
      await context?.close();
    });

    it('board: titles have room, no badge covers them, and overdue demands are on the first screen', async () => {
      await go('#/board', '.board-group tr[data-demand]');
      await shot('board');
      const titles = await page.$$eval('.board-group tr[data-demand]', (rows) =>
        rows.map((row) => {
          const cell = row.querySelector<HTMLElement>('[data-cell="title"]')!;
          const link = cell.querySelector('a')!;
          const lineHeight = parseFloat(getComputedStyle(link).lineHeight);
          const cellBox = cell.getBoundingClientRect();
          // Pills of the row's status cell reaching into the title's cell.
          const covering = [...row.querySelectorAll('[class*="badge"]')].filter(
            (b) => !cell.contains(b) && b.getBoundingClientRect().right > cellBox.left + 1,
          ).length;
          return {
            title: link.textContent ?? '',
            width: Math.round(cellBox.width),
            lines: Math.round(link.getBoundingClientRect().height / lineHeight),
            clipped: cell.scrollWidth > cell.clientWidth + 1,
            covering,
          };
        }),
      );
      expect(titles.length).toBeGreaterThan(FRESH_INTAKE);
      expect(titles.filter((x) => x.width < MIN_TITLE_WIDTH).map((x) => `${x.title}: ${x.width}px`)).toEqual(
        [],
      );
      expect(
        titles.filter((x) => x.lines > MAX_TITLE_LINES).map((x) => `${x.title}: ${x.lines} lines`),
      ).toEqual([]);
      expect(titles.filter((x) => x.clipped).map((x) => x.title)).toEqual([]);
      expect(titles.filter((x) => x.covering > 0).map((x) => x.title)).toEqual([]);

      // "超期的排在最前": the first overdue demand is seen without scrolling.
      const overdue = await boxOf(page, '.board-group tr.row-overdue');
      expect(overdue.top).toBeGreaterThan(0);
      expect(overdue.bottom).toBeLessThanOrEqual(viewport.height);
    });

    it('enterprises: the demo names are whole, and so is the credit code', async () => {
      await go('#/enterprises', '.ag-row .ag-cell[col-id="name"]');
      await shot('enterprises');
      const names = await page.$$eval('.ag-cell[col-id="name"]', (els) => els.length);
      expect(names).toBeGreaterThan(10);
      expect(await clippedTexts(page, '.ag-cell[col-id="name"]')).toEqual([]);
      expect(await clippedTexts(page, '.ag-cell[col-id="uscc"]')).toEqual([]);
      expect(await clippedTexts(page, '.ag-header-cell-text')).toEqual([]);
      // The rows further down too: every demo name, measured in the cell's font, fits its column.
      const all = app.api('enterprises.list', { limit: 10_000 }).rows.map((e) => e.name!);
      const fit = await page
        .locator('.ag-cell[col-id="name"]')
        .first()
        .evaluate((cell, list) => {
          const style = getComputedStyle(cell);
          const room = cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
          const ctx = document.createElement('canvas').getContext('2d')!;
          ctx.font = style.font;
          const widths = list.map((name) => ctx.measureText(name).width);
          return {
            tooLong: list.filter((_, i) => widths[i]! > room),
            widest: Math.max(...widths),
            room,
            font: ctx.font,
            size: style.fontSize,
          };
        }, all);
      console.info(
        `${size}: widest of ${all.length} demo names ${Math.ceil(fit.widest)}px, room ${fit.room}px`,
      );
      expect(all.length).toBeGreaterThan(100);
      expect(fit.font).toContain(fit.size); // measured in the cell's font, not the canvas default
      expect(fit.tooLong).toEqual([]);
      // Every default column is on the screen: nothing hides behind a horizontal scroll.
      const grid = await rowsBoxOf(page);
      const last = await page.$$eval('.ag-header-cell[col-id]', (els) =>
        Math.max(...els.map((e) => e.getBoundingClientRect().right)),
      );
      expect(last).toBeLessThanOrEqual(grid.right + 1);
    });

    it('units: the names and contacts (a name and a title) are whole', async () => {
      await go('#/units', '.ag-row .ag-cell[col-id="contact"]');
      // The rows come in a block after the first: every demo unit (18) is on the screen.
      await page.waitForFunction(() => document.querySelectorAll('.ag-cell[col-id="contact"]').length > 10);
      expect(await clippedTexts(page, '.ag-cell[col-id="contact"]')).toEqual([]);
      expect(await clippedTexts(page, '.ag-cell[col-id="name"]')).toEqual([]);
    });

    it('demands: the status cells show every tag whole (状态, 超期 or 即将超期, 答复超期)', async () => {
      await go('#/demands', '.ag-row .ag-cell[col-id="status"]');
      await page.locator('.ag-cell[col-id="status"]', { hasText: '答复超期' }).first().waitFor();
      const tags = await page.$$eval('.ag-cell[col-id="status"]', (cells) =>
        cells.map((cell) => cell.querySelector('[class*="badges"]')?.children.length ?? 0),
      );
      // The demo's newest demands include ones with all three.
      expect(Math.max(...tags)).toBe(3);
      expect(await clippedTexts(page, '.ag-cell[col-id="status"]')).toEqual([]);
    });

    // Cells have the same widths on any screen: measured once, on the laptop's.
    if (viewport === VIEWPORTS[0])
      it('lists: no pill in a cell is cut, in Chinese or in English (a first visit of each)', async () => {
        const cut: string[] = [];
        for (const lang of ['en', 'zh'] as const) {
          await go('#/board', '.board-group');
          await page.evaluate(() => {
            for (const key of Object.keys(localStorage))
              if (key.startsWith('vl.grid.')) localStorage.removeItem(key);
          });
          await page.click(`[data-testid="lang-${lang}"]`);
          for (const list of PILL_LISTS) {
            await go(`#/${list}`, '.ag-row .ag-cell');
            await page.waitForTimeout(300); // the block's other rows
            const found = await clippedTexts(page, '.ag-cell:has([class*="badge"])');
            cut.push(...found.map((x) => `${lang} ${list}: ${x}`));
          }
        }
        expect(cut).toEqual([]);
      });

    // A laptop that opened the list before the status column grew remembered every column's
    // width, the status column's old 150 px among them.
    if (viewport === VIEWPORTS[0])
      it('demands: a layout remembered before the status column grew shows every tag whole', async () => {
        await go('#/board', '.board-group');
        await page.evaluate(() =>
          localStorage.setItem(
            'vl.grid.demands',
            JSON.stringify({
              q: '',
              state: {
                columnSizing: {
                  columnSizingModel: [
                    { colId: 'demandNo', width: 120 },
                    { colId: 'title', width: 240, flex: 1 },
                    { colId: 'status', width: 150 },
                  ],
                },
              },
            }),
          ),
        );
        await go('#/demands', '.ag-row .ag-cell[col-id="status"]');
        await page.locator('.ag-cell[col-id="status"]', { hasText: '答复超期' }).first().waitFor();
        expect((await boxOf(page, '.ag-header-cell[col-id="status"]')).width).toBeGreaterThanOrEqual(210);
        expect(await clippedTexts(page, '.ag-cell[col-id="status"]')).toEqual([]);
        await page.evaluate(() => localStorage.removeItem('vl.grid.demands'));
      });

    it('demands: the handler and due date columns stay in sight with a demand open beside the list', async () => {
      const assigned = app
        .api('demands.list', {
          filter: { open: true },
          sort: [{ field: 'receivedAt', dir: 'desc' }],
          limit: 200,
        })
        .rows.find((d) => d.assigneeName)!;
      await go(`#/demands/${assigned.id}`, '.ag-row .ag-cell[col-id="assigneeName"]');
      await page.locator('[data-testid="demand-detail"] h2').waitFor();
      await shot('demands-open');
      const grid = await rowsBoxOf(page);
      const drawer = await boxOf(page, '[data-testid="demand-detail"]');
      const handler = await boxOf(page, '.ag-header-cell[col-id="assigneeName"]');
      expect(handler.left).toBeGreaterThanOrEqual(grid.left);
      expect(handler.right).toBeLessThanOrEqual(grid.right + 1);
      expect(handler.right).toBeLessThanOrEqual(drawer.left);
      // So does the due date after it.
      const due = await boxOf(page, '.ag-header-cell[col-id="dueDate"]');
      console.info(`${size}: rows ${grid.left}–${grid.right}, due date ${due.left}–${due.right}`);
      expect(due.right).toBeLessThanOrEqual(grid.right + 1);
      expect(await clippedTexts(page, '.ag-cell[col-id="dueDate"]')).toEqual([]);
      expect(await clippedTexts(page, '.ag-cell[col-id="assigneeName"]')).toEqual([]);
      // The title and enterprise beside it keep a readable width.
      expect((await boxOf(page, '.ag-header-cell[col-id="title"]')).width).toBeGreaterThanOrEqual(180);
      expect((await boxOf(page, '.ag-header-cell[col-id="enterpriseName"]')).width).toBeGreaterThanOrEqual(
        150,
      );
    });

    /** Holds `method`'s answer until the returned release is called; sync.progress reports a job meanwhile. */
    async function hold(method: 'sync.export' | 'sync.import'): Promise<() => Promise<void>> {
      let release!: () => void;
      const released = new Promise<void>((r) => (release = r));
      const held = async (route: Route) => {
        await released;
        await route.abort();
      };
      const job = {
        method,
        startedAt: new Date().toISOString(),
        phase: method === 'sync.export' ? 'reading' : 'applying',
        done: 1200,
        total: 4800,
        file: null,
      };
      const progress = (route: Route) => route.fulfill({ json: { result: { job } } });
      await page.route(`**/api/${method}`, held);
      await page.route('**/api/sync.progress', progress);
      return async () => {
        release();
        await page.unroute(`**/api/${method}`, held);
        await page.unroute('**/api/sync.progress', progress);
      };
    }

    async function expectInView(selector: string): Promise<void> {
      const bar = await boxOf(page, selector);
      expect(bar.width).toBeGreaterThan(100);
      expect(bar.top).toBeGreaterThanOrEqual(0);
      expect(bar.bottom).toBeLessThanOrEqual(viewport.height);
    }

    it('sync: the export progress bar shows inside the window', async () => {
      await go('#/sync', '[data-testid="export-new"]:enabled');
      // The user scrolled just far enough to see the button.
      await page.locator('[data-testid="export-new"]').evaluate((b) => b.scrollIntoView({ block: 'end' }));
      const release = await hold('sync.export');
      try {
        await page.click('[data-testid="export-new"]');
        await page.locator('[data-testid="sync-progress-count"]').waitFor();
        await page.waitForTimeout(400); // any smooth scroll settles
        await shot('sync-export');
        await expectInView('[data-testid="sync-progress-export"] progress');
      } finally {
        await release();
      }
      await page.locator('[data-testid="sync-progress-export"]').waitFor({ state: 'detached' });
    });

    it('sync: the import progress bar shows inside the window', async () => {
      await go('#/sync', 'label[for="sync-import-file"]');
      await page.locator('label[for="sync-import-file"]').evaluate((b) => b.scrollIntoView({ block: 'end' }));
      const release = await hold('sync.import');
      try {
        await page.locator('[data-testid="sync-import-file"]').setInputFiles({
          name: 'laptop-2.vlsync',
          mimeType: 'application/octet-stream',
          buffer: Buffer.from('not read: the import is held'),
        });
        await page.locator('[data-testid="sync-progress-count"]').waitFor();
        await page.waitForTimeout(400);
        await shot('sync-import');
        await expectInView('[data-testid="sync-progress-import"] progress');
      } finally {
        await release();
      }
      await page.locator('[data-testid="sync-progress-import"]').waitFor({ state: 'detached' });
    });
  });
}
