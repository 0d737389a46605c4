// The keyboard-only journey of a member of staff back from a visit, on a 1366×768 laptop in
// Chromium through the web door on the demo district: Ctrl+K, the enterprise's pinyin initials,
// Enter opens it; its "记一次走访"; the people met and a summary; two demands (Alt+D), each with
// a title and a category; Ctrl+Enter saves. No mouse. Every key sent is counted, and the time
// from Ctrl+K to the saved visit is measured; both are printed for the before/after
// figures (`npx vitest run --config test/vitest.e2e.config.ts test/e2e/keyboardJourney.test.ts`).
//
// Fields are reached by pressing Tab until the one named by its label has the focus (counting
// each press), not by a fixed number of Tabs: the count follows the form as it is built.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { seedDemo } from '../../seeds/demo';
import { pinyinInitials } from '../../src-main/store/initials';
import { startApp, type App } from './harness';

let app: App;
let page: Page;

beforeAll(async () => {
  app = await startApp();
  seedDemo(app.core, { scale: 1 });
  page = app.page;
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.reload();
  await page.locator('[data-testid="my-tasks"]').waitFor();
}, 300_000);

afterAll(async () => {
  await app?.close();
});

/** Keys pressed (Tab, Enter, shortcuts) and characters typed, counted apart. */
const count = { keys: 0, typed: 0 };
/** Each leg of the journey: "name keys+typed". */
const legs: string[] = [];
let legStart = { ...count };

function leg(name: string): void {
  legs.push(`${name} ${count.keys - legStart.keys}+${count.typed - legStart.typed}`);
  legStart = { ...count };
}

async function press(key: string): Promise<void> {
  count.keys += 1;
  await page.keyboard.press(key);
}

/** One keystroke a character (Chinese counted as if typed by a one-key-a-character input method). */
async function type(text: string): Promise<void> {
  count.typed += [...text].length;
  await page.keyboard.type(text);
}

/** Presses Tab until `target` has the focus. */
async function tabTo(target: Locator, max = 80): Promise<void> {
  await target.waitFor();
  for (let i = 0; i <= max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await press('Tab');
  }
  throw new Error(`${max} presses of Tab never reached ${target}`);
}

/** The shortest initials (after the city's) that the search answers with `id` first. */
function initialsFinding(id: string, name: string): string {
  const all = pinyinInitials(name.replace(/^江州/, ''));
  for (let n = 3; n <= all.length; n++) {
    const q = all.slice(0, n);
    const first = app.api('search.global', { q }).groups[0];
    if (first?.kind === 'enterprises' && first.items[0]?.id === id) return q;
  }
  throw new Error(`no initials of ${name} find it first`);
}

describe('the keyboard-only journey', () => {
  it('finds an enterprise by its initials, logs a visit with two demands and saves it, without the mouse', async () => {
    try {
      await journey();
    } catch (e) {
      await app.shot('keyboard-journey-failure');
      throw e;
    }
  });
});

async function journey(): Promise<void> {
  {
    const firm = app.api('enterprises.list', { q: '（江州）', limit: 1 }).rows[0]!;
    const q = initialsFinding(firm.id, firm.name!);
    const demands = [
      { title: '中试线设备技改补助咨询', category: '技术攻关' },
      { title: '申请科技型企业贷款贴息', category: '融资' },
    ];
    const started = Date.now();

    // Find it: Ctrl+K, its initials, Enter on the first hit.
    await press('Control+K');
    const search = page.getByRole('combobox', { name: '查找' });
    await search.waitFor();
    await type(q);
    await page.locator('[role="option"][aria-selected="true"]', { hasText: firm.name! }).waitFor();
    await press('Enter');
    await page.getByRole('heading', { level: 1, name: firm.name! }).waitFor();
    leg('find');

    // Its page: on to "记一次走访".
    await tabTo(page.getByRole('link', { name: '+ 记一次走访' }));
    await press('Enter');
    const form = page.locator('[data-testid="visit-form"]');
    await expect
      .poll(() => form.getByLabel('走访企业').inputValue(), { timeout: 10_000 })
      .toContain(firm.name!);
    leg('open the form');

    // The visit: the date, the mode and the lead are today, on site and me already.
    await tabTo(form.getByLabel('接待人员'));
    await type('王总、李工');
    await tabTo(form.getByLabel('走访情况'));
    await type('了解中试线进展，企业反映两项诉求。');
    leg('visit fields');

    // Two demands: Alt+D puts the cursor in a new demand's title.
    for (const [i, d] of demands.entries()) {
      await press('Alt+D');
      const card = form.locator(`[data-testid="demand-draft-${i}"]`);
      await expect
        .poll(() => card.locator('[name$=".title"]').evaluate((el) => el === document.activeElement))
        .toBe(true);
      await type(d.title);
      await tabTo(card.getByRole('checkbox', { name: d.category }));
      await press('Space');
      leg(`demand ${i + 1}`);
    }

    await press('Control+Enter');
    await form.waitFor({ state: 'detached' });
    const seconds = (Date.now() - started) / 1000;
    leg('save');

    const visits = app.api('visits.list', {
      filter: { enterpriseId: firm.id, summary: '了解中试线进展，企业反映两项诉求。' },
    }).rows;
    expect(visits).toHaveLength(1);
    const visit = visits[0]!;
    expect(visit).toMatchObject({ peopleMet: '王总、李工', status: 'submitted' });
    const raised = app
      .api('demands.list', { filter: { sourceVisitId: visit.id }, limit: 10 })
      .rows.map((d) => ({ title: d.title, categories: d.categories }));
    expect(raised).toEqual(
      expect.arrayContaining([
        { title: demands[0]!.title, categories: ['tech'] },
        { title: demands[1]!.title, categories: ['finance'] },
      ]),
    );
    expect(raised).toHaveLength(2);
    expect(app.problems).toEqual([]);

    const total = count.keys + count.typed;
    console.info(
      `keyboard journey ("${q}" → ${firm.name} → visit with 2 demands → saved): ` +
        `${total} keystrokes (${count.keys} keys and shortcuts, ${count.typed} characters typed), ` +
        `${seconds.toFixed(1)} s in Chromium with no typing delay; legs (keys+typed): ${legs.join(', ')}`,
    );
  }
}
