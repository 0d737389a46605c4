// Two laptops end to end: the second is a core made here (its own database); files pass from it
// through the API and into the app through the Sync screen's file input. A concurrent edit
// shows on the Conflicts screen, the other laptop's change shows in the record's change
// history, and a backup is taken and restored on the Backups screen.
// Screenshots go to test/e2e/screenshots/sync-*.png.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openCore } from '../../src-main/open';
import { call } from '../../src-main/dispatch';
import type { MethodInput, MethodOutput } from '@shared/contract/contract';
import type { MethodName } from '@shared/contract/methods';
import type { Core } from '../../src-main/core';
import { startApp, type App } from './harness';

let app: App;
let page: Page;
let other: Core;
let otherDir: string;
const PASSPHRASE = 'river-stone-42';

function otherApi<M extends MethodName>(method: M, input?: MethodInput<M>): MethodOutput<M> {
  const r = call(other, method, input);
  if (!r.ok) throw new Error(`${method} failed on the other laptop: ${JSON.stringify(r.error)}`);
  return r.result as MethodOutput<M>;
}

/** The other laptop's export as a file the browser picks. */
function otherFile(full = false) {
  const r = otherApi('sync.export', full ? { full: true } : {});
  return {
    name: r.fileName,
    mimeType: 'application/octet-stream',
    buffer: Buffer.from(r.contentBase64!, 'base64'),
  };
}

const nav = async (screen: string) => {
  await page.click(`[data-nav="${screen}"]`);
  await page.waitForSelector(`[data-nav="${screen}"][aria-current="page"]`);
};

const figure = (key: string) =>
  page.locator(`[data-testid="last-report"] [data-figure="${key}"] dd`).textContent();

let enterpriseId = '';

beforeAll(async () => {
  app = await startApp();
  page = app.page;
  const me = app.api('staff.create', { name: '王芳', role: 'supervisor' });
  app.api('me.set', { staffId: me.id });
  otherDir = mkdtempSync(join(tmpdir(), 'vl-e2e-other-'));
  other = openCore(join(otherDir, 'other.db'), { deviceName: '李明的笔记本' });
  const li = otherApi('staff.create', { name: '李明', role: 'staff' });
  otherApi('me.set', { staffId: li.id });
  const { teamCode } = app.api('sync.team.create', { name: '高新区科技局', passphrase: PASSPHRASE });
  otherApi('sync.team.join', { code: teamCode, passphrase: PASSPHRASE });
  enterpriseId = otherApi('enterprises.create', {
    uscc: '91350100M000100Y43',
    name: '福州星火科技有限公司',
    town: '建新镇',
  }).id;
  otherApi('experts.create', { name: '陈教授', organization: '福州大学' });
  await page.reload();
});

afterAll(async () => {
  other?.store.close();
  await app?.close();
  if (otherDir) rmSync(otherDir, { recursive: true, force: true });
});

describe('sync between two laptops', () => {
  it('imports the other laptop’s file through the screen and shows the report; the same file again is 0 new changes', async () => {
    await nav('sync');
    await page.waitForSelector('[data-testid="team-code"]');
    const file = otherFile(true);
    await page.setInputFiles('[data-testid="sync-import-file"]', file);
    await page.waitForSelector('[data-testid="last-report"]');
    expect(Number(await figure('newChanges'))).toBeGreaterThan(0);
    expect(await figure('createdRecords')).toBe('4'); // enterprise, expert, staff member, device
    expect(await page.locator('[data-testid="last-report"]').textContent()).toContain(file.name);
    expect(app.api('enterprises.get', { id: enterpriseId }).name).toBe('福州星火科技有限公司');
    await expect
      .poll(() => page.locator('[data-testid="sync-devices"]').textContent())
      .toContain('李明的笔记本');
    await app.shot('sync-report');

    await page.setInputFiles('[data-testid="sync-import-file"]', file);
    await expect
      .poll(() => page.locator('[data-testid="last-report"] [data-testid="report-nothing-new"]').count())
      .toBe(1);
    expect(await figure('newChanges')).toBe('0');
    await expect.poll(() => page.locator('[data-testid="history-item"]').count()).toBe(2);
  });

  it('shows a concurrent edit of one field on the Conflicts screen; keeping the other laptop’s value changes the record', async () => {
    otherApi('enterprises.update', { id: enterpriseId, status: 'dormant' });
    await new Promise((r) => setTimeout(r, 20));
    app.api('enterprises.update', { id: enterpriseId, status: 'unreachable' });
    await page.setInputFiles('[data-testid="sync-import-file"]', otherFile());
    await expect.poll(() => figure('conflicts')).toBe('1');
    await expect.poll(() => page.locator('[data-testid="badge-conflicts"]').textContent()).toBe('1');

    await nav('conflicts');
    const card = page.locator('[data-testid="conflict"]');
    await card.waitFor();
    expect(await card.locator('[data-testid="conflict-field"]').textContent()).toBe('经营状态');
    expect(await card.locator('[data-testid="conflict-winner-value"]').textContent()).toBe('失联');
    expect(await card.locator('[data-testid="conflict-loser-value"]').textContent()).toBe('僵尸企业');
    expect(await card.textContent()).toContain('李明的笔记本');
    await app.shot('sync-conflicts');
    await card.locator('[data-testid="keep-loser"]').click();
    await page.waitForSelector('[data-testid="conflicts-none"]');
    expect(app.api('enterprises.get', { id: enterpriseId }).status).toBe('dormant');
    await expect.poll(() => page.locator('[data-testid="badge-conflicts"]').count()).toBe(0);
  });

  it('shows the other laptop’s change in the enterprise’s change history', async () => {
    otherApi('enterprises.update', { id: enterpriseId, address: '建新镇金山大道 88 号' });
    await nav('sync');
    await page.setInputFiles('[data-testid="sync-import-file"]', otherFile());
    await expect.poll(() => figure('updatedRecords')).toBe('1');
    await page.goto(`${new URL(page.url()).origin}/#/enterprises/${enterpriseId}`);
    const panel = page.locator('[data-testid="audit-panel"]');
    await panel.locator('summary').click();
    const first = panel.locator('[data-testid="audit-save"]').first();
    await first.waitFor();
    expect(await first.textContent()).toContain('李明');
    expect(await first.textContent()).toContain('李明的笔记本 (同步而来)');
    expect(await first.locator('[data-field="address"]').textContent()).toBe(
      '地址（空） → 建新镇金山大道 88 号',
    );
    const mine = panel.locator('[data-testid="audit-save"]', { hasText: '王芳' }).first();
    expect(await mine.locator('[data-field="status"]').textContent()).toBe('经营状态失联 → 僵尸企业');
    await panel.scrollIntoViewIfNeeded();
    await app.shot('sync-audit');
  });

  it('backs up now, restores that backup after confirming, and lists the safety backup', async () => {
    await nav('backups');
    const rows = page.locator('[data-testid="backups-table"] tbody tr');
    await rows.first().waitFor();
    const before = await rows.count();
    await page.click('[data-testid="backup-now"]');
    await expect.poll(() => rows.count()).toBe(before + 1);
    const manual = page.locator('[data-testid="backups-table"] tbody tr[data-reason="manual"]').first();
    expect(await manual.textContent()).toContain('手动');
    app.api('experts.create', { name: '恢复后不应存在的专家' });
    await manual.locator('[data-testid="restore"]').click();
    const dialog = page.locator('[data-testid="restore-dialog"]');
    expect(await dialog.textContent()).toContain('恢复之前会先把当前数据库备份一份');
    await app.shot('sync-restore-confirm');
    await dialog.locator('[data-testid="restore-confirm"]').click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => rows.count()).toBe(before + 2);
    expect(await rows.first().getAttribute('data-reason')).toBe('before-restore');
    expect(app.api('experts.list').rows.map((e) => e.name)).toEqual(['陈教授']);
    expect(await page.locator('[data-testid="me-name"]').textContent()).toContain('王芳');
    await app.shot('sync-backups');

    // The same screens in English.
    await page.click('[data-testid="lang-en"]');
    expect(await page.locator('[data-testid="backups-table"]').textContent()).toContain('Before restore');
    await nav('sync');
    await page.waitForSelector('[data-testid="history-item"]');
    expect(await page.locator('[data-testid="sync-history"]').textContent()).toContain('New changes');
    await app.shot('sync-en');
    await page.click('[data-testid="lang-zh"]');
    expect(app.problems).toEqual([]);
  });

  it('shows how far a large import has got while it runs', async () => {
    // 60,000 changes: an import of a few seconds, so that the screen's polls (every 300 ms) land
    // in its counted phases; with 24,000 a fast run could end between two polls.
    other.store.db.transaction(() => {
      for (let i = 0; i < 15_000; i++)
        otherApi('experts.create', { name: `专家${i}`, organization: `研究所${i % 9}`, title: '研究员' });
    })();
    const file = otherFile();
    await nav('sync');
    // Every count the bar showed, read in the page as it changes.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { progressSeen: string[] }).progressSeen = seen;
      new MutationObserver(() => {
        const count = document.querySelector('[data-testid="sync-progress-count"]')?.textContent;
        if (count && seen.at(-1) !== count) seen.push(count);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.setInputFiles('[data-testid="sync-import-file"]', file);
    // Attached, not visible: on a fast machine the counted phase shows for about 100 ms, which
    // a visibility poll can miss; the observer above records every count that was shown.
    await page.waitForSelector('[data-testid="sync-progress-count"]', { state: 'attached' });
    await expect.poll(() => figure('newChanges'), { timeout: 60_000 }).toMatch(/^[\d,]+$/);
    const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen[0]).toMatch(/^[\d,]+ \/ [\d,]+（\d+%）$/);
    await page.waitForSelector('[data-testid="sync-progress-import"]', { state: 'detached' });
    expect(app.api('experts.list').total).toBe(15_001);
    expect(app.problems).toEqual([]);
  });
});
