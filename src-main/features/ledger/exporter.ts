// ledger.export: what a list shows (its filter, quick search, sort and visible columns), every
// page of it, as .xlsx or CSV with Chinese headers and words.
import { msg } from '@shared/messages';
import type { Core } from '../../core';
import { today } from '../../core';
import { listStaff } from '../staff/service';
import { listEnterprises } from '../enterprises/service';
import { listExperts } from '../experts/service';
import { listVisits } from '../visits/service';
import { listDemands } from '../demands/service';
import { listClinics } from '../clinics/service';
import { listFollowups } from '../followups/service';
import { listUnits } from '../units/service';
import { listActivities } from '../activities/service';
import { listOutcomes } from '../outcomes/service';
import type { ListQuery } from '@shared/contract/contract';
import type { RecordKind } from '@shared/contract/methods';
import { invalid } from '@shared/contract/errors';
import { EXPORT_COLUMNS, Extras, KIND_TITLES, type ExportColumn } from './exportColumns';
import { formatFor, writeTable, type OutFormat, type WrittenFile } from './output';
import type { CellValue } from '@shared/ledger/types';

type Lister = (core: Core, query: ListQuery) => { rows: unknown[]; total: number };

const LISTS: Record<RecordKind, Lister> = {
  staff: listStaff,
  enterprises: listEnterprises,
  experts: listExperts,
  units: listUnits,
  visits: listVisits,
  demands: listDemands,
  clinics: listClinics,
  followups: listFollowups,
  activities: listActivities,
  outcomes: listOutcomes,
};

export interface ExportInput {
  kind: RecordKind;
  filter?: ListQuery['filter'];
  q?: string | undefined;
  sort?: ListQuery['sort'];
  includeDeleted?: boolean | undefined;
  columns?: string[] | undefined;
  format?: OutFormat | undefined;
  path?: string | undefined;
}

export interface ExportResult extends WrittenFile {
  rows: number;
  columns: { key: string; label: string }[];
  /** The file holds contact phone numbers: the UI warns before it is saved or shared. */
  containsPhones: boolean;
}

const PAGE = 5000;

export function exportColumnsOf(kind: RecordKind, keys: string[] | undefined): ExportColumn[] {
  const all = EXPORT_COLUMNS[kind];
  if (!keys?.length) return all.filter((c) => !c.optional);
  return keys.map((key, i) => {
    const c = all.find((x) => x.key === key);
    if (!c)
      throw invalid(
        `columns.${i}`,
        msg('ledger.unknownExportColumn', { key, kind, columns: all.map((x) => x.key).join(', ') }),
      );
    return c;
  });
}

function rowsOf(core: Core, input: ExportInput, columns: ExportColumn[]): CellValue[][] {
  const list = LISTS[input.kind];
  const extras = new Extras(core.store.db);
  const query: ListQuery = {
    filter: input.filter,
    q: input.q,
    sort: input.sort,
    includeDeleted: input.includeDeleted,
  };
  const out: CellValue[][] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = list(core, { ...query, offset, limit: PAGE });
    for (const r of page.rows as Record<string, unknown>[]) out.push(columns.map((c) => c.value(r, extras)));
    if (page.rows.length < PAGE) break;
  }
  return out;
}

const filled = (v: CellValue) => v !== null && v !== '';

export async function exportList(core: Core, input: ExportInput): Promise<ExportResult> {
  const format = formatFor(input.path, input.format);
  const columns = exportColumnsOf(input.kind, input.columns);
  // One read transaction: every page sees the same database.
  const rows = core.store.db.transaction(() => rowsOf(core, input, columns))();
  const table = {
    sheetName: KIND_TITLES[input.kind],
    columns: columns.map((c) => ({ header: c.label, type: c.type })),
    rows,
  };
  const containsPhones = columns.some((c, i) => c.phone && rows.some((r) => filled(r[i] ?? null)));
  const fileName = `${KIND_TITLES[input.kind]}_${today(core)}.${format}`;
  const written = await writeTable(table, format, fileName, input.path);
  return {
    ...written,
    rows: rows.length,
    columns: columns.map((c) => ({ key: c.key, label: c.label })),
    containsPhones,
  };
}
