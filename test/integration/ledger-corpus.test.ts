import { describe, expect, it } from 'vitest';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiErrorBody } from '@shared/contract/errors';
import type { MethodOutput } from '@shared/contract/contract';
import { callAsync } from '../../src-main/dispatch';
import { makeCore, tempDir, type TestCore, zhOf } from '../helpers';
import { cli } from '../cli';
import { aerr, aok } from './ledgerFixtures';
import { CORPUS, CORPUS_STAFF, CORPUS_UNITS, type CorpusOutcome } from '../fixtures/ledgers/corpus';

// The corpus of real-shaped ledgers (test/fixtures/ledgers/corpus.ts), each imported as a dry
// run — what `visit-ledger ledger import FILE --dry-run` prints — with what it must give:
// rows created, rows rejected and why, rows skipped as titles, totals and notes.

/** Writes one ledger of the corpus (test folders last one test). */
async function write(file: string): Promise<string> {
  const ledger = CORPUS.find((c) => c.file === file);
  if (!ledger) throw new Error(`no ledger ${file} in the corpus`);
  return ledger.write(tempDir());
}

function world(): TestCore {
  const t = makeCore();
  for (const name of CORPUS_STAFF) t.ok('staff.create', { name });
  for (const name of CORPUS_UNITS) t.ok('units.create', { name });
  return t;
}

const dryRun = async (t: TestCore, file: string) =>
  aok(t, 'ledger.import', { path: await write(file), dryRun: true });
const preview = async (t: TestCore, file: string) => aok(t, 'ledger.preview', { path: await write(file) });

const formatOf = (file: string) => file.split('.').pop();
/**
 * The ledgers run through the command line: the first of each format and every refusal. The
 * command reads the file and prints what the method returns, so these cover its paths; what
 * every file gives is checked through the API above (a process a file cost about 0.9 s of CPU).
 */
const THROUGH_CLI = CORPUS.filter(
  (c, i) => 'refused' in c.expect || CORPUS.findIndex((d) => formatOf(d.file) === formatOf(c.file)) === i,
);

type DryRun = { result: MethodOutput<'ledger.import'> } | { error: ApiErrorBody };

/** A dry run, from any door, checked against the outcome the corpus states for its file. */
function expectOutcome(got: DryRun, want: CorpusOutcome, file?: string) {
  if ('refused' in want) {
    expect(
      'error' in got ? { field: got.error.details.field, zh: zhOf(got.error) } : got.result,
      file,
    ).toEqual({
      field: want.refused.field,
      zh: expect.stringContaining(want.refused.message),
    });
    return;
  }
  expect('result' in got ? got.result : got.error, file).toMatchObject({
    kind: want.kind,
    created: want.created,
    rejected: want.rejected,
    unknownStaff: want.unknownStaff ?? [],
    unknownUnits: want.unknownUnits ?? [],
  });
}

async function visitDates(t: TestCore, file: string) {
  await aok(t, 'ledger.import', { path: await write(file) });
  return t.ok('visits.list', { sort: [{ field: 'date', dir: 'asc' }] }).rows.map((v) => v.date);
}

describe('the ledger corpus', () => {
  it('has the layouts the issue lists', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(12);
    expect(new Set(CORPUS.map((c) => c.file.split('.').pop()))).toEqual(
      new Set(['xlsx', 'xls', 'et', 'csv']),
    );
  });

  it('two-row merged header', async () => {
    const t = world();
    expect(await dryRun(t, 'two-row-merged-header.xlsx')).toMatchObject({
      kind: 'visits',
      headerRow: 3,
      created: 2,
      rejected: 0,
      enterprisesCreated: 2,
    });
    // The group row above names nothing the field row does not: the title and groups are skipped.
    expect((await preview(t, 'two-row-merged-header.xlsx')).ignoredRows).toEqual([]);
  });

  it('序号 column, and a row naming someone who is not staff', async () => {
    const t = world();
    const r = await dryRun(t, 'serial-numbers.xlsx');
    expect(r).toMatchObject({ kind: 'visits', created: 2, rejected: 1, unknownStaff: ['赵六'] });
    expect(r.errors).toEqual([
      { row: 4, column: '走访人员', field: 'leadStaff', message: expect.stringContaining("'赵六'") },
    ]);
    expect((await preview(t, 'serial-numbers.xlsx')).mapping.some((m) => m.header === '序号')).toBe(false);
  });

  it('合计 row', async () => {
    const t = world();
    expect(await dryRun(t, 'total-row.xlsx')).toMatchObject({ dataRows: 2, created: 2, rejected: 0 });
    expect((await preview(t, 'total-row.xlsx')).ignoredRows).toEqual([
      { row: 4, reason: expect.stringContaining('合计') },
    ]);
  });

  it('notes under the table', async () => {
    const t = world();
    expect(await dryRun(t, 'notes-under-table.xlsx')).toMatchObject({ dataRows: 2, created: 2, rejected: 0 });
    expect((await preview(t, 'notes-under-table.xlsx')).ignoredRows.map((r) => r.row)).toEqual([5, 6, 7]);
  });

  it('one enterprise merged over its demand rows', async () => {
    const t = world();
    expect(await dryRun(t, 'enterprise-over-demands.xlsx')).toMatchObject({
      kind: 'demands',
      created: 4,
      rejected: 0,
      enterprisesCreated: 2,
    });
    await aok(t, 'ledger.import', { path: await write('enterprise-over-demands.xlsx') });
    const demands = t.ok('demands.list', {}).rows.map((d) => [d.enterpriseName, d.title, d.categories]);
    expect(demands.sort((a, b) => (String(a[1]) < String(b[1]) ? -1 : 1))).toEqual([
      ['北京示例精密有限公司', '专利布局', ['ip']],
      ['福州示例科技有限公司', '引进高级工程师', ['talent']],
      ['福州示例科技有限公司', '检测设备共享', ['tech']],
      ['福州示例科技有限公司', '研发贷款贴息', ['finance']],
    ]);
  });

  it('WPS .et with demands in one cell', async () => {
    const t = world();
    expect(await preview(t, 'wps-visits-with-demands.et')).toMatchObject({ format: 'et', sheet: '走访台账' });
    expect(await dryRun(t, 'wps-visits-with-demands.et')).toMatchObject({
      kind: 'visits_with_demands',
      headerRow: 2,
      created: 2,
      rejected: 0,
    });
    await aok(t, 'ledger.import', { path: await write('wps-visits-with-demands.et') });
    expect(
      t
        .ok('demands.list', {})
        .rows.map((d) => d.title)
        .sort(),
    ).toEqual(['检测设备共享', '研发贷款贴息']);
  });

  it('.xls with visit dates stored as serial numbers', async () => {
    const t = world();
    expect(await dryRun(t, 'date-serials.xls')).toMatchObject({ created: 3, rejected: 0 });
    expect(await visitDates(t, 'date-serials.xls')).toEqual(['2026-03-05', '2026-03-06', '2026-03-09']);
  });

  it('GBK CSV without a BOM under a title line', async () => {
    const t = world();
    expect(await preview(t, 'gbk-title.csv')).toMatchObject({
      format: 'csv',
      encoding: 'gb18030',
      headerRow: 2,
    });
    expect(await dryRun(t, 'gbk-title.csv')).toMatchObject({ created: 2, rejected: 0 });
  });

  it('English columns', async () => {
    const t = world();
    expect(await dryRun(t, 'english.xlsx')).toMatchObject({ kind: 'visits', created: 2, rejected: 0 });
  });

  it('two tables side by side are refused, naming their columns', async () => {
    const t = world();
    const e = await aerr(t, 'ledger.import', { path: await write('side-by-side.xlsx'), dryRun: true });
    expect(e.code).toBe('VALIDATION');
    expect(zhOf(e)).toContain('并排放着两个表格（A–C 列、E–G 列）');
    expect(e.details).toMatchObject({
      field: 'sheet',
      tables: [
        { from: 'A', to: 'C' },
        { from: 'E', to: 'G' },
      ],
    });
  });

  it('a hidden column loses to the visible one with the same header', async () => {
    const t = world();
    expect(await dryRun(t, 'hidden-columns.xlsx')).toMatchObject({ created: 2, rejected: 0 });
    expect(
      (await preview(t, 'hidden-columns.xlsx')).mapping.find((m) => m.field === 'visitDate')?.letter,
    ).toBe('D');
    expect(await visitDates(t, 'hidden-columns.xlsx')).toEqual(['2026-03-05', '2026-03-06']);
  });

  it('dates written 2026.3.5 and 3月9日, the year from the title', async () => {
    const t = world();
    expect(await dryRun(t, 'dates-without-year.xlsx')).toMatchObject({ created: 2, rejected: 0 });
    expect(await visitDates(t, 'dates-without-year.xlsx')).toEqual(['2026-03-05', '2026-03-09']);
  });

  it('需求类别 beside 企业需求: categories, and a tier word there rejected with the column named', async () => {
    const t = world();
    const r = await dryRun(t, 'demand-categories.xlsx');
    expect(r).toMatchObject({ kind: 'visits_with_demands', created: 3, rejected: 1 });
    expect(r.errors).toEqual([
      { row: 5, column: '需求类别', field: 'categories', message: expect.stringContaining('企业资质') },
    ]);
  });

  it('.xls of demands handed to units, one unknown unit listed', async () => {
    const t = world();
    const r = await dryRun(t, 'units.xls');
    expect(r).toMatchObject({ kind: 'demands', created: 1, rejected: 1, unknownUnits: ['区自然资源局'] });
    expect(r.errors).toEqual([
      { row: 3, column: '责任单位', field: 'leadUnit', message: expect.stringContaining('区自然资源局') },
    ]);
    expect(
      await aok(t, 'ledger.import', { path: await write('units.xls'), dryRun: true, createUnits: true }),
    ).toMatchObject({ created: 2, rejected: 0, unitsCreated: ['区自然资源局'] });
  });

  it.each(CORPUS)(
    '$file: the API dry run gives the outcome the corpus states',
    async ({ file, expect: want }) => {
      const t = world();
      const r = await callAsync(t.core, 'ledger.import', { path: await write(file), dryRun: true });
      expectOutcome(r.ok ? { result: r.result as MethodOutput<'ledger.import'> } : { error: r.error }, want);
    },
  );

  it('through the command line: ledger import FILE --dry-run gives the outcome, for every format and refusal', async () => {
    const t = world();
    t.core.store.close();
    const dir = tempDir();
    // Two processes at a time, each on its own copy of the database.
    const dbs = [0, 1].map((i) => {
      const db = join(dir, `corpus-${i}.db`);
      copyFileSync(t.path, db);
      return db;
    });
    const queue = [...THROUGH_CLI];
    const outcomes = new Map<string, DryRun>();
    await Promise.all(
      dbs.map(async (db) => {
        for (let c = queue.shift(); c; c = queue.shift()) {
          const run = await cli(['--db', db, 'ledger', 'import', await c.write(dir), '--dry-run']);
          // A refusal is printed as { error } on stderr, with exit code 1.
          const refused = 'refused' in c.expect;
          expect(run.code, `${c.file}: ${run.stderr}`).toBe(refused ? 1 : 0);
          const out = JSON.parse(refused ? run.stderr : run.stdout) as
            { error: ApiErrorBody } | MethodOutput<'ledger.import'>;
          if (!('error' in out)) expect(out.dryRun, c.file).toBe(true);
          outcomes.set(c.file, 'error' in out ? { error: out.error } : { result: out });
        }
      }),
    );
    expect(new Set(THROUGH_CLI.map((c) => formatOf(c.file)))).toEqual(
      new Set(CORPUS.map((c) => formatOf(c.file))),
    );
    for (const c of THROUGH_CLI) expectOutcome(outcomes.get(c.file)!, c.expect, c.file);
  }, 120_000);
});
