// A grid's remembered layout survives a restart of the page, in a real browser (jsdom does
// not lay columns out, so this lives here).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './harness';

let app: App;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

const headerIds = () =>
  app.page.$$eval('.ag-header-cell[col-id]', (els) => els.map((e) => e.getAttribute('col-id')));

describe('grid layout memory', () => {
  it('opens with the remembered column order, widths and hidden columns', async () => {
    await app.page.evaluate(() =>
      localStorage.setItem(
        'vl.grid.staff',
        JSON.stringify({
          q: '',
          state: {
            columnOrder: { orderedColIds: ['phone', 'active', 'name', 'role', 'position', 'createdAt'] },
            columnSizing: { columnSizingModel: [{ colId: 'phone', width: 333 }] },
            columnVisibility: { hiddenColIds: ['role', 'position', 'createdAt'] },
          },
        }),
      ),
    );
    await app.page.evaluate(() => (window.location.hash = '#/staff'));
    await app.page.reload();
    await app.page.waitForSelector('.ag-header-cell[col-id="name"]');
    expect(await headerIds()).toEqual(['phone', 'active', 'name']);
    const width = await app.page.$eval(
      '.ag-header-cell[col-id="phone"]',
      (e) => e.getBoundingClientRect().width,
    );
    expect(Math.round(width)).toBe(333);
    // Switching the language rebuilds the grid: the layout as left (here with one more
    // column shown through the column chooser) stays.
    await app.page.getByRole('button', { name: '列设置' }).click();
    await app.page.getByRole('dialog', { name: '列设置' }).getByText('角色').click();
    await app.page.waitForSelector('.ag-header-cell[col-id="role"]');
    const before = await headerIds();
    expect(before).toContain('role');
    await app.page.click('[data-testid="lang-en"]');
    await app.page.waitForSelector('.ag-header-cell[col-id="name"]');
    expect(await headerIds()).toEqual(before);
  });

  it('remembers the width the user drags a column to, and no other', async () => {
    await app.page.click('[data-testid="lang-zh"]');
    await app.page.evaluate(() => {
      localStorage.removeItem('vl.grid.staff');
      window.location.hash = '#/staff';
    });
    await app.page.reload();
    await app.page.waitForSelector('.ag-header-cell[col-id="phone"]');
    const widthOf = (col: string) =>
      app.page.$eval(`.ag-header-cell[col-id="${col}"]`, (e) => Math.round(e.getBoundingClientRect().width));
    const before = await widthOf('phone');
    const handle = await app.page.$('.ag-header-cell[col-id="phone"] .ag-header-cell-resize');
    const box = (await handle!.boundingBox())!;
    await app.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await app.page.mouse.down();
    await app.page.mouse.move(box.x + box.width / 2 + 40, box.y + box.height / 2, { steps: 5 });
    await app.page.mouse.move(box.x + box.width / 2 + 80, box.y + box.height / 2, { steps: 5 });
    await app.page.mouse.up();
    await app.page.waitForTimeout(300);
    const dragged = await widthOf('phone');
    expect(dragged).toBeGreaterThan(before + 60);
    const saved = await app.page.evaluate(
      () => JSON.parse(localStorage.getItem('vl.grid.staff')!) as { state: { columnSizing?: unknown } },
    );
    expect(saved.state.columnSizing).toEqual({ columnSizingModel: [{ colId: 'phone', width: dragged }] });
    await app.page.reload();
    await app.page.waitForSelector('.ag-header-cell[col-id="phone"]');
    expect(await widthOf('phone')).toBe(dragged);
  });
});
