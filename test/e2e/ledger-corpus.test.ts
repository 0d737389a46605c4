// Every ledger of the corpus (test/fixtures/ledgers/corpus.ts) uploaded into the import wizard,
// one after the other in one app, with the staff and units the corpus needs: the wizard must
// detect the kind and preview the counts the corpus states (the API's dry run), show the names it
// does not know, and show a refusal where the file is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Page } from 'playwright-core';
import { tempDir } from '../helpers';
import { CORPUS, CORPUS_STAFF, CORPUS_UNITS, writeCorpus } from '../fixtures/ledgers/corpus';
import { startApp, type App } from './harness';

let app: App;
let page: Page;
let files: Record<string, string>;

beforeAll(async () => {
  app = await startApp();
  page = app.page;
  const staff = CORPUS_STAFF.map((name) => app.api('staff.create', { name }));
  for (const name of CORPUS_UNITS) app.api('units.create', { name });
  app.api('me.set', { staffId: staff[0]!.id });
  await page.reload();
  files = await writeCorpus(tempDir());
});

afterAll(async () => {
  await app?.close();
});

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

/** Picks the file and waits until the wizard has read it (its detection, or its refusal). */
async function upload(path: string) {
  const name = basename(path);
  await page.setInputFiles('[data-testid="ledger-import-file"]', {
    name,
    mimeType: 'application/octet-stream',
    buffer: readFileSync(path),
  });
  await page.waitForFunction(
    (name) =>
      document.querySelector('[data-testid="import-picked"]')?.textContent?.includes(name) &&
      !document.querySelector('[data-step="file"] .muted[role="status"]'),
    name,
  );
}

/** Back from the preview to the file step, for the next file. */
async function backToFile() {
  await page.click('[data-step="preview"] .form-actions .btn:not(.primary)');
  await page.click('[data-step="mapping"] .form-actions .btn:not(.primary)');
  await page.waitForSelector('[data-step="file"]');
}

describe('the ledger corpus in the import wizard', () => {
  it('previews every ledger as its dry run states', async () => {
    await page.click('[data-nav="import"]');
    await page.waitForSelector('[data-nav="import"][aria-current="page"]');
    const seen: Record<string, unknown> = {};
    const wanted: Record<string, unknown> = {};
    for (const ledger of CORPUS) {
      const want = ledger.expect;
      await upload(files[ledger.file]!).catch(async (e: Error) => {
        await app.shot('corpus-stuck');
        throw new Error(`${ledger.file}: ${e.message}`);
      });
      if ('refused' in want) {
        // Refused at the file step: the refusal is shown, and there is no next step.
        const alert = page.locator('[data-step="file"] [role="alert"]');
        seen[ledger.file] = {
          refusal: (await alert.count()) ? await alert.first().textContent() : null,
          next: await page.isEnabled('[data-testid="import-next"]'),
        };
        wanted[ledger.file] = { refusal: expect.stringContaining(want.refused.message), next: false };
        await app.shot(`corpus-${ledger.file}`);
        continue;
      }
      const kind = await page.inputValue('#import-kind');
      await page.click('[data-testid="import-next"]');
      await page.click('[data-testid="import-to-preview"]');
      await page.waitForSelector('[data-testid="import-counts"]');
      const unknown = async (testId: string) => {
        const box = page.locator(`[data-testid="${testId}"]`);
        return (await box.count()) ? await box.textContent() : '';
      };
      seen[ledger.file] = {
        kind,
        ...(await counts()),
        unknownStaff: await unknown('import-unknown-staff'),
        unknownUnits: await unknown('import-unknown-units'),
        // Units not found are a question: the wizard offers to add them.
        addUnits: await page.isVisible('[data-testid="import-add-units"]'),
      };
      const names = (list: string[] | undefined) =>
        list?.length ? expect.stringContaining(list.join('、')) : '';
      wanted[ledger.file] = {
        kind: want.kind,
        created: want.created,
        updated: 0,
        skipped: 0,
        rejected: want.rejected,
        unknownStaff: names(want.unknownStaff),
        unknownUnits: names(want.unknownUnits),
        addUnits: Boolean(want.unknownUnits?.length),
      };
      await app.shot(`corpus-${ledger.file}`);
      await backToFile();
    }
    // All files first, then one comparison: a failure lists every ledger that differs.
    expect(seen).toEqual(wanted);
    // Nothing was imported by previewing.
    expect(app.api('visits.list').total).toBe(0);
    expect(app.problems).toEqual([]);
  });
});
