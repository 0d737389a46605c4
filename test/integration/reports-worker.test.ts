import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../src-main/core';
import { call } from '../../src-main/dispatch';
import { openCore } from '../../src-main/open';
import { ComparisonWorker, withComparisons } from '../../src-main/features/reports/comparisons';
import { clearReportMemo, comparisonsOf } from '../../src-main/features/reports/quarterly';
import { periodParams } from '../../src-main/features/reports/period';
import { resolveScope } from '../../src-main/features/reports/scope';
import { demoDistrictAt, REPORTS_TEST_DISTRICT } from '../district';
import { copyDatabaseFile, makeCore, openTestCore, TestClock } from '../helpers';
import { makeDemand } from './fixtures';

// Summaries count their comparisons (previous period, a year earlier, targets) on a second
// thread while the main one counts the period's own figures (comparisons.ts). What they give
// must be what one thread gives, read from the same data, whatever happens to the file.

const WORKER = new URL('../../src-main/features/reports/comparisonWorker.ts', import.meta.url);
const NOW = Date.parse(REPORTS_TEST_DISTRICT.now);

let dir: string;
let alone: Core;
let paired: Core;

const result = (core: Core, method: string, input: unknown) => {
  clearReportMemo(core.store.db);
  const r = call(core, method, input);
  if (!r.ok) throw new Error(`${method} failed: ${JSON.stringify(r.error)}`);
  return r.result;
};

const readyIn = (core: Core) =>
  vi.waitFor(() => expect(core.comparisons?.startIfIdle()).toBe(true), { timeout: 60_000, interval: 50 });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vl-report-worker-'));
  demoDistrictAt(join(dir, 'a.db'), REPORTS_TEST_DISTRICT);
  copyDatabaseFile(join(dir, 'a.db'), join(dir, 'b.db'));
  alone = openCore(join(dir, 'a.db'), { now: () => NOW, deviceName: 'crosscheck' });
  paired = openCore(join(dir, 'b.db'), { now: () => NOW, deviceName: 'crosscheck', reportsWorker: WORKER });
  await readyIn(paired);
}, 600_000);

afterAll(() => {
  paired?.comparisons?.close();
  paired?.store.close();
  alone?.store.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a summary with its comparisons counted on a second thread', () => {
  it('is exactly the summary counted on one thread, for every period and scope', () => {
    const staffId = (
      alone.store.db
        .prepare(`SELECT "leadStaffId" AS id FROM visits GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`)
        .get() as { id: string }
    ).id;
    const town = (
      alone.store.db
        .prepare(
          `SELECT "town" FROM enterprises WHERE "town" IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
        )
        .get() as { town: string }
    ).town;
    const cases: [string, Record<string, unknown>][] = [
      ...['2026Q1', '2026Q2', '2026Q3', '2026Q4'].map((quarter): [string, Record<string, unknown>] => [
        'reports.quarterly',
        { quarter },
      ]),
      ['reports.quarterly', { quarter: '2026Q3', staffId }],
      ['reports.quarterly', { quarter: '2026Q3', town }],
      ['reports.summary', { period: '2026' }],
      ['reports.summary', { period: '2026-06' }],
      ['reports.summary', { period: '2026H2' }],
      ['reports.summary', { period: '2027Q1' }],
    ];
    const before = paired.comparisons!.answered;
    for (const [method, input] of cases) {
      expect(result(paired, method, input), `${method} ${JSON.stringify(input)}`).toEqual(
        result(alone, method, input),
      );
    }
    // Each was counted on the worker, not on the main thread after a failure.
    expect(paired.comparisons!.answered - before).toBe(cases.length);
    // The district has something to compare: targets and a previous quarter's work.
    const q4 = result(paired, 'reports.quarterly', { quarter: '2026Q4' }) as {
      targets: Record<string, unknown>;
      comparison: { figures: { visits: { previous: number } } };
    };
    expect(Object.keys(q4.targets).length).toBeGreaterThan(0);
    expect(q4.comparison.figures.visits.previous).toBeGreaterThan(0);
  });

  it('answers with the comparisons the main thread would count', () => {
    const scope = resolveScope(paired, {});
    const period = periodParams('2026Q3', { today: '2027-01-04' });
    const found = paired.store.db.transaction(() =>
      paired.comparisons!.countElsewhere(scope, period, '2027-01-04')!(),
    )();
    clearReportMemo(alone.store.db);
    expect(found).toEqual(comparisonsOf(alone, scope, period, '2027-01-04'));
  });

  it('keeps other connections from committing while the worker reads', () => {
    const other = new Database(join(dir, 'b.db'), { timeout: 0 });
    try {
      const tryToWrite = () => other.prepare('BEGIN IMMEDIATE').run() && other.prepare('ROLLBACK').run();
      withComparisons(paired, (elsewhere) => {
        expect(elsewhere).toBeDefined();
        expect(tryToWrite).toThrow(/database is locked/);
      });
      // Counted on one thread, a summary reads as any other call does, and takes no lock.
      withComparisons(alone, (elsewhere) => {
        expect(elsewhere).toBeUndefined();
        expect(tryToWrite).not.toThrow();
      });
      expect(tryToWrite).not.toThrow();
    } finally {
      other.close();
    }
  });

  it('does not wait for another connection that is writing: it counts beside it, on one thread', () => {
    const other = new Database(join(dir, 'b.db'));
    try {
      other.prepare('BEGIN IMMEDIATE').run();
      other.prepare(`UPDATE meta SET "value" = "value" WHERE "key" = 'deviceId'`).run();
      const answered = paired.comparisons!.answered;
      const started = performance.now();
      expect(result(paired, 'reports.quarterly', { quarter: '2026Q3' })).toEqual(
        result(alone, 'reports.quarterly', { quarter: '2026Q3' }),
      );
      // Not the connection's busy wait (5 s): refused at once, then counted here.
      expect(performance.now() - started).toBeLessThan(4000);
      expect(paired.comparisons!.answered).toBe(answered);
      other.prepare('ROLLBACK').run();
      result(paired, 'reports.quarterly', { quarter: '2026Q3' });
      expect(paired.comparisons!.answered).toBe(answered + 1);
    } finally {
      other.close();
    }
  });
});

describe('the comparison worker and the database file', () => {
  it('reads the restored file after a restore, not the one it replaced', async () => {
    const clock = new TestClock(Date.parse('2026-08-10T10:00:00+08:00'));
    const path = join(dir, 'restore.db');
    const core = openTestCore(path, { now: clock.now, deviceName: 'test-laptop', reportsWorker: WORKER });
    try {
      const ok = (method: string, input: unknown) => {
        const r = call(core, method, input);
        if (!r.ok) throw new Error(`${method} failed: ${JSON.stringify(r.error)}`);
        return r.result as { id: string; path: string };
      };
      const me = ok('staff.create', { name: '测试员', role: 'supervisor' });
      ok('me.set', { staffId: me.id });
      const t = { ok, core, clock, meId: me.id } as unknown as Parameters<typeof makeDemand>[0];
      for (let i = 0; i < 3; i++) makeDemand(t);
      const backup = ok('backups.create', {});
      for (let i = 0; i < 2; i++) makeDemand(t);
      await readyIn(core);
      const q3Demands = () =>
        (
          result(core, 'reports.quarterly', { quarter: '2026Q4' }) as {
            comparison: { figures: { newDemands: { previous: number } } };
          }
        ).comparison.figures.newDemands.previous;
      clock.set('2026-11-10T10:00:00+08:00');
      expect(q3Demands()).toBe(5);
      ok('backups.restore', { file: backup.path });
      const answered = core.comparisons!.answered;
      expect(q3Demands()).toBe(3);
      expect(core.comparisons!.answered).toBe(answered + 1);
    } finally {
      core.comparisons?.close();
      core.store.close();
    }
  });

  it('starts with the first summary, which it does not hold up, not with the app', async () => {
    const t = makeCore({ now: '2026-11-10T10:00:00+08:00' });
    const worker = new ComparisonWorker(WORKER, t.core);
    t.core.comparisons = worker;
    await new Promise((r) => setTimeout(r, 300));
    expect(worker.ready).toBe(false);
    // Counted here while the worker starts.
    expect(t.ok('reports.quarterly', { quarter: '2026Q4' }).quarter).toBe('2026Q4');
    expect(worker.answered).toBe(0);
    await vi.waitFor(() => expect(worker.ready).toBe(true), { timeout: 60_000, interval: 50 });
    t.ok('reports.quarterly', { quarter: '2026Q4' });
    expect(worker.answered).toBe(1);
  });

  it('leaves the counting to the main thread when the worker cannot start', async () => {
    const t = makeCore();
    const log: string[] = [];
    const worker = new ComparisonWorker(join(dir, 'no-such-worker.js'), t.core, (m) => log.push(m));
    t.core.comparisons = worker;
    expect(t.ok('reports.quarterly', { quarter: '2026Q4' }).quarter).toBe('2026Q4');
    await vi.waitFor(() => expect(log).toHaveLength(1), { timeout: 30_000 });
    expect(log[0]).toMatch(
      /^comparison worker failed: .*: summaries count their comparisons on the main thread$/,
    );
    expect(worker.startIfIdle()).toBe(false);
    expect(t.ok('reports.quarterly', { quarter: '2026Q4' }).quarter).toBe('2026Q4');
    expect(worker.answered).toBe(0);
  });
});
