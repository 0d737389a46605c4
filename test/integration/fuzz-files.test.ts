import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { makeCore, type TestCore } from '../helpers';
import { callAsync } from '../../src-main/dispatch';
import { makeEnterprise } from './fixtures';
import { csvText, xlsxFile } from './ledgerFixtures';
import { fuzzRuns } from '../fuzzRuns';

// Property-based fuzzing of the files that reach the app from outside: sync files (damaged,
// truncated, spliced, random) and ledger files (random CSV text, damaged .xlsx). Each is
// either read or refused with a typed error naming what is wrong, never INTERNAL, and a
// refused file (or any dry run) leaves the database as it was.

const PASS = 'correct horse battery staple';

function fingerprint(t: TestCore): string {
  const db = t.core.store.db;
  return JSON.stringify([
    db.prepare(`SELECT count(*) AS n, max("seq") AS m FROM changes`).get(),
    db.prepare(`SELECT count(*) AS n FROM sync_imports`).get(),
    db.prepare(`SELECT count(*) AS n FROM ledger_mappings`).get(),
  ]);
}

async function expectReadOrRefused(
  t: TestCore,
  method: 'sync.import' | 'ledger.preview' | 'ledger.import',
  input: object,
) {
  const before = fingerprint(t);
  const r = await callAsync(t.core, method, input);
  if (!r.ok) {
    expect(r.error.code, `${method}: ${r.error.message}`).not.toBe('INTERNAL');
    expect(r.error.message.length).toBeGreaterThan(5);
    expect(fingerprint(t), `${method} changed the database although refused`).toBe(before);
  }
  return r;
}

/** A byte-level mutation of a valid file: bit flips, a cut, a spliced run, or random bytes. */
function damaged(file: Buffer) {
  const at = fc.nat({ max: file.length - 1 });
  return fc.oneof(
    fc.array(fc.tuple(at, fc.integer({ min: 0, max: 7 })), { minLength: 1, maxLength: 4 }).map((flips) => {
      const copy = Buffer.from(file);
      for (const [i, bit] of flips) copy[i]! ^= 1 << bit;
      return copy;
    }),
    at.map((n) => file.subarray(0, n)),
    fc
      .tuple(at, fc.uint8Array({ minLength: 1, maxLength: 64 }))
      .map(([i, bytes]) => Buffer.concat([file.subarray(0, i), Buffer.from(bytes), file.subarray(i)])),
    fc.uint8Array({ minLength: 1, maxLength: 2048 }).map((b) => Buffer.from(b)),
  );
}

/**
 * A read that never answers fails its run within 20 s, reported as drawn: shrinking it would
 * wait the same 20 s on each smaller file that hangs too.
 */
const hangs = { timeout: 20_000, endOnFailure: true } as const;

describe('fuzzing the files that come from outside', () => {
  it('damaged and random sync files are refused with a typed error and change nothing', async () => {
    const a = makeCore();
    const b = makeCore();
    const { teamCode } = a.ok('sync.team.create', { name: '高新区科技局', passphrase: PASS });
    b.ok('sync.team.join', { code: teamCode, passphrase: PASS });
    makeEnterprise(a);
    a.ok('experts.create', { name: '陈教授' });
    const file = Buffer.from(a.ok('sync.export', { full: true }).contentBase64!, 'base64');
    let refused = 0;
    const runs = { ...fuzzRuns(400, 20261202), ...hangs };
    await fc.assert(
      fc.asyncProperty(damaged(file), async (bytes) => {
        if (bytes.length === 0 || bytes.equals(file)) return;
        const r = await expectReadOrRefused(b, 'sync.import', { contentBase64: bytes.toString('base64') });
        // Encrypted and authenticated: no damaged file is ever taken.
        expect(r.ok, 'a damaged sync file was imported').toBe(false);
        refused += 1;
      }),
      runs,
    );
    expect(refused).toBeGreaterThan(runs.numRuns * 0.85);
    // The intact file still imports.
    expect((await callAsync(b.core, 'sync.import', { contentBase64: file.toString('base64') })).ok).toBe(
      true,
    );
  });

  it('random CSV ledgers are previewed or refused, and a dry run changes nothing', async () => {
    const t = makeCore();
    const headerWord = fc.constantFrom(
      '企业名称',
      '统一社会信用代码',
      '走访日期',
      '走访方式',
      '走访人',
      '需求类型',
      '办理状态',
      '联系电话',
      '',
      '备注',
    );
    const cell = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.constantFrom(
        '2026-03-05',
        '2026年3月5日',
        '45000',
        '实地',
        '已办结',
        '91350100M000100Y43',
        '"',
        '\n',
      ),
      fc.integer().map(String),
    );
    const csv = fc
      .tuple(
        fc.array(headerWord, { minLength: 0, maxLength: 8 }),
        fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 6 }),
      )
      .map(([header, rows]) => csvText([header, ...rows]));
    const raw = fc.oneof(csv, fc.string({ maxLength: 400 }), fc.string({ unit: 'binary', maxLength: 400 }));
    await fc.assert(
      fc.asyncProperty(
        raw,
        fc.constantFrom('ledger.preview', 'ledger.import') as fc.Arbitrary<
          'ledger.preview' | 'ledger.import'
        >,
        async (text, method) => {
          if (!text) return;
          const before = fingerprint(t);
          const input = {
            contentBase64: Buffer.from(text, 'utf8').toString('base64'),
            fileName: 'ledger.csv',
            ...(method === 'ledger.import' ? { dryRun: true } : {}),
          };
          await expectReadOrRefused(t, method, input);
          expect(fingerprint(t), 'a preview or dry run wrote to the database').toBe(before);
        },
      ),
      { ...fuzzRuns(300, 20261202), ...hangs },
    );
  });

  it('damaged .xlsx ledgers are read or refused with a typed error', async () => {
    const t = makeCore();
    // exceljs stamps the workbook and its zip entries with the clock: a fixed one makes the
    // same bytes each run, so that FUZZ_SEED replays a soak's draw.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-03-05T08:00:00Z') });
    const path = await xlsxFile({
      rows: [
        ['企业名称', '走访日期', '走访方式', '走访人'],
        ['闽江智造有限公司', '2026-03-05', '实地', '测试员'],
      ],
    }).finally(() => vi.useRealTimers());
    const file = readFileSync(path);
    await fc.assert(
      fc.asyncProperty(damaged(file), async (bytes) => {
        if (bytes.length === 0) return;
        await expectReadOrRefused(t, 'ledger.preview', {
          contentBase64: bytes.toString('base64'),
          fileName: 'ledger.xlsx',
        });
      }),
      { ...fuzzRuns(200, 20261202), ...hangs },
    );
  });
});
