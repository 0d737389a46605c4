// Running a plan: every row in one transaction, each row in its own savepoint. A row that
// cannot be imported is rolled back to its savepoint and reported (row and column as the
// user sees them); anything unexpected aborts the whole import and leaves the database as it
// was. A dry run does all of it and rolls the transaction back, so what it reports is exactly
// what the import would do.
import type { Core } from '../../core';
import { createStaff } from '../staff/service';
import { createUnit } from '../units/service';
import { customIndustriesOf, townListFor } from '../settings/service';
import { unlistedIndustries } from '../settings/industries';
import { unlistedTowns } from '../settings/towns';
import { StaffFields, UnitFields } from '@shared/contract/schemas';
import { shanghaiDate } from '@shared/domain/dates';
import { FIELDS, fieldLabel, type FieldKey } from './fields';
import { isRowProblem, toRowFailure } from './failures';
import { Lookup } from './lookup';
import type { Plan } from './plan';
import { normaliseRow, type RowContext } from './rows';
import { applyRow } from './apply/rows';
import type { ImportContext } from './apply/context';
import { VisitNumbers } from '../visits/numbers';
import { readNames, readUnitNames, isEmptyCell } from './values';
import { cellText } from './text';
import type { RowError, RowOutcome, SheetRow } from '@shared/ledger/types';
import { capturingInBulk } from '../../store/bulkCapture';
import { withLargeLoadSettings } from '../../store/bulk';

export interface RowReport {
  row: number;
  outcome: RowOutcome;
  cells: string[];
  errors: RowError[];
  notes: string[];
}

export interface Execution {
  dataRows: number;
  /** The rows counted below: all data rows, or the first `limit`. */
  evaluatedRows: number;
  created: number;
  updated: number;
  skipped: number;
  rejected: number;
  enterprisesCreated: number;
  staffCreated: string[];
  unknownStaff: string[];
  unitsCreated: string[];
  unknownUnits: string[];
  /** Towns of the file the bureau's list does not hold, offered for adding before the import. */
  unknownTowns: string[];
  /** Industries of the file neither GB/T 4754 nor the bureau's own entries hold: kept, with a warning. */
  unknownIndustries: string[];
  errors: RowError[];
  /** The first `keepRows` rows, for the preview. */
  rows: RowReport[];
  /** Every rejected row as it was, with its reasons (for the rejects report). */
  rejects: { row: SheetRow; reasons: string[] }[];
}

export interface ExecuteOptions {
  dryRun: boolean;
  createStaff: boolean;
  /** Units named in the file and unknown to the app are added (the one-click add). */
  createUnits?: boolean | undefined;
  keepRows: number;
  /** Only the first this many data rows (a quick preview of a large file). */
  limit?: number | undefined;
  /**
   * Changes captured in bulk (store/bulkCapture.ts; the default): the same change log as the
   * capture triggers write, at a fraction of their cost per field. False: the triggers.
   */
  bulk?: boolean | undefined;
}

class DryRun extends Error {
  constructor(readonly result: Execution) {
    super('dry run: rolled back');
  }
}

const STAFF_TYPES = new Set(['staff', 'staffList']);

/** Creates the staff members the file names and the app does not know (option createStaff). */
function createMissingStaff(core: Core, plan: Plan, lookup: Lookup): string[] {
  const created: string[] = [];
  const columns = plan.columns.filter((c) => STAFF_TYPES.has(FIELDS[c.field].type.t));
  for (const row of plan.layout.dataRows) {
    for (const c of columns) {
      const raw = row.cells[c.column] ?? null;
      if (isEmptyCell(raw)) continue;
      const names = FIELDS[c.field].type.t === 'staff' ? readNames(raw).slice(0, 1) : readNames(raw);
      for (const name of names) {
        if (lookup.staffIds(name).length || created.includes(name)) continue;
        const parsed = StaffFields.safeParse({ name });
        if (!parsed.success) continue;
        createStaff(core, parsed.data);
        created.push(name);
        lookup.loadStaff();
      }
    }
  }
  return created;
}

const UNIT_TYPES = new Set(['unit', 'unitList']);

/** Creates the units the file names and the app does not know (option createUnits). */
function createMissingUnits(core: Core, plan: Plan, lookup: Lookup): string[] {
  const created: string[] = [];
  const columns = plan.columns.filter((c) => UNIT_TYPES.has(FIELDS[c.field].type.t));
  for (const row of plan.layout.dataRows) {
    for (const c of columns) {
      const raw = row.cells[c.column] ?? null;
      if (isEmptyCell(raw)) continue;
      const names = readUnitNames(raw);
      for (const name of FIELDS[c.field].type.t === 'unit' ? names.slice(0, 1) : names) {
        if (lookup.unitId(name)) continue;
        const parsed = UnitFields.safeParse({ name });
        if (!parsed.success) continue;
        createUnit(core, parsed.data);
        created.push(name);
        lookup.loadUnits();
      }
    }
  }
  return created.sort((a, b) => a.localeCompare(b, 'zh-CN'));
}

function run(core: Core, plan: Plan, opts: ExecuteOptions): Execution {
  const db = core.store.db;
  const lookup = new Lookup(db);
  const staffCreated = opts.createStaff ? createMissingStaff(core, plan, lookup) : [];
  const unitsCreated = opts.createUnits ? createMissingUnits(core, plan, lookup) : [];
  // Taken before any row is written: the file's own towns do not vouch for themselves.
  const townList = townListFor(core, null);
  const towns = new Set<string>();
  const industries = new Set<string>();
  const ctx: ImportContext = {
    core,
    kind: plan.kind,
    lookup,
    numbers: new VisitNumbers(core),
    me: core.store.actor.staffId,
  };
  const rowCtx: RowContext = {
    lookup,
    year: Number(shanghaiDate(core.store.now()).slice(0, 4)),
    titleYear: plan.layout.titleYear,
    unknownStaff: new Set(),
    unknownUnits: new Set(),
  };
  const headerOf = new Map(plan.columns.map((c) => [c.field, c.header || null]));
  const columnOf = (field: FieldKey | null) => (field ? (headerOf.get(field) ?? null) : null);
  const rows = opts.limit === undefined ? plan.layout.dataRows : plan.layout.dataRows.slice(0, opts.limit);
  const out: Execution = {
    dataRows: plan.layout.dataRows.length,
    evaluatedRows: rows.length,
    created: 0,
    updated: 0,
    skipped: 0,
    rejected: 0,
    enterprisesCreated: 0,
    staffCreated,
    unknownStaff: [],
    unitsCreated,
    unknownUnits: [],
    unknownTowns: [],
    unknownIndustries: [],
    errors: [],
    rows: [],
    rejects: [],
  };
  const applyOne = db.transaction((values: Parameters<typeof applyRow>[1]) => applyRow(ctx, values));
  for (const row of rows) {
    const normal = normaliseRow(row, plan.columns, plan.kind, rowCtx);
    if (normal.values.town) towns.add(normal.values.town);
    if (normal.values.industry) industries.add(normal.values.industry);
    let errors: RowError[] = normal.problems.map((p) => ({
      row: row.rowNo,
      column: columnOf(p.field),
      field: p.field,
      message: p.message,
    }));
    let outcome: RowOutcome = 'reject';
    let notes: string[] = [];
    if (!errors.length) {
      const saved = ctx.numbers.checkpoint();
      lookup.beginRow();
      try {
        const applied = applyOne(normal.values);
        outcome = applied.outcome;
        notes = applied.notes;
        out.enterprisesCreated += applied.enterprisesCreated;
      } catch (e) {
        if (!isRowProblem(e)) throw e;
        core.store.rollbackCapture?.();
        ctx.numbers.restore(saved);
        lookup.rollbackRow();
        const f = toRowFailure(e, {}, null);
        errors = [{ row: row.rowNo, column: columnOf(f.field), field: f.field, message: f.message }];
      }
    }
    if (outcome === 'create') out.created++;
    else if (outcome === 'update') out.updated++;
    else if (outcome === 'skip') out.skipped++;
    else {
      out.rejected++;
      out.errors.push(...errors);
      out.rejects.push({
        row,
        reasons: errors.map(
          (e) => `${e.column ? `【${e.column}】` : e.field ? `【${fieldLabel(e.field)}】` : ''}${e.message}`,
        ),
      });
    }
    if (out.rows.length < opts.keepRows) {
      out.rows.push({ row: row.rowNo, outcome, cells: row.cells.map((c) => cellText(c)), errors, notes });
    }
  }
  out.unknownStaff = [...rowCtx.unknownStaff];
  out.unknownUnits = [...rowCtx.unknownUnits].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  out.unknownTowns = unlistedTowns(townList, towns);
  out.unknownIndustries = unlistedIndustries(customIndustriesOf(core), industries);
  return out;
}

/** Large imports get a larger page cache and temporary storage in memory (withLargeLoadSettings). */
const BIG_IMPORT_ROWS = 2000;
const BIG_CACHE_KIB = 128 * 1024;

export function execute(core: Core, plan: Plan, opts: ExecuteOptions): Execution {
  const db = core.store.db;
  const tx = db.transaction(() => {
    const result =
      opts.bulk === false ? run(core, plan, opts) : capturingInBulk(core.store, () => run(core, plan, opts));
    if (opts.dryRun) throw new DryRun(result);
    return result;
  });
  const load = () => {
    try {
      return opts.dryRun ? tx.deferred() : tx.immediate();
    } catch (e) {
      if (e instanceof DryRun) return e.result;
      throw e;
    }
  };
  return plan.layout.dataRows.length >= BIG_IMPORT_ROWS
    ? withLargeLoadSettings(db, BIG_CACHE_KIB, load)
    : load();
}
