// One data row → typed values, or the reasons it cannot be read (per column).
// Staff names are matched exactly (ignoring spaces and width) against live staff; a name that
// fits nobody, or several people, is an error on its column.
import type { CellDemand } from './demandsCell';
import { readDemandsCell } from './demandsCell';
import { FIELDS, KIND_DEFS, fieldLabel, type FieldKey } from './fields';
import type { ColumnMatch } from './headers';
import type { Lookup } from './lookup';
import { readAmount, readCount } from './money';
import { cellText, splitList } from './text';
import {
  isEmptyCell,
  readBool,
  readCategories,
  readDate,
  readEnumCell,
  readEnumList,
  readIndustry,
  readInstant,
  readNames,
  readPhone,
  readText,
  readUnitNames,
  readTiers,
  readUscc,
  type Read,
  type TierValue,
} from './values';
import type { CellValue, ImportKind, SheetRow } from '@shared/ledger/types';

export interface RowValues {
  uscc?: string;
  enterpriseName?: string;
  formerNames?: string[];
  town?: string;
  address?: string;
  industry?: string;
  tiers?: TierValue[];
  liaison?: string;
  contactName?: string[];
  /** In the order of contactName; null where the cell says 无. */
  contactTitle?: (string | null)[];
  contactPhone?: (string | null)[];
  enterpriseStatus?: string;
  visitDate?: string;
  mode?: string;
  leadStaff?: string[];
  staff?: string[];
  peopleMet?: string;
  summary?: string;
  policiesExplained?: string;
  solvedOnSite?: boolean;
  enterpriseConfirmed?: boolean;
  visitStatus?: string;
  demandsText?: CellDemand[];
  remark?: string;
  demandTitle?: string;
  description?: string;
  categories?: string[];
  level?: string;
  assignee?: string;
  leadUnit?: string;
  coUnits?: string[];
  receivedAt?: string;
  dueDate?: string;
  complex?: boolean;
  source?: string;
  demandStatus?: string;
  assignedAt?: string;
  answeredAt?: string;
  closedAt?: string;
  closureType?: string;
  resolution?: string;
  parentType?: string;
  owner?: string;
  doneAt?: string;
  followupDueDate?: string;
  channel?: string;
  content?: string;
  result?: string;
  satisfaction?: string;
  nextFollowupDate?: string;
  staffName?: string;
  role?: string;
  position?: string;
  staffPhone?: string;
  active?: boolean;
  activityTitle?: string;
  activityType?: string;
  activityDate?: string;
  activityPlace?: string;
  activityStatus?: string;
  /** Enterprise ids, in the order the cell names them. */
  activityEnterprises?: string[];
  attendees?: number;
  organizers?: string[];
  activitySummary?: string;
  outcomeType?: string;
  outcomeDate?: string;
  /** Yuan. */
  amount?: number;
  outcomeCount?: number;
  outcomeStatus?: string;
  outcomeDescription?: string;
}

export interface FieldProblem {
  field: FieldKey;
  message: string;
}

export interface NormalRow {
  row: SheetRow;
  values: RowValues;
  problems: FieldProblem[];
}

export interface RowContext {
  lookup: Lookup;
  /** Tiers without a year are taken as of this year. */
  year: number;
  /** The year the ledger's title names ("2026年一季度…"): dates written without one take it. */
  titleYear: number | null;
  /** Names that match no staff member, collected for the preview. */
  unknownStaff: Set<string>;
  /** Names that match no unit, collected for the preview's one-click add. */
  unknownUnits: Set<string>;
}

function staffIdsOf(names: string[], ctx: RowContext): Read<string[]> {
  const ids: string[] = [];
  for (const name of names) {
    const found = ctx.lookup.staffIds(name);
    if (!found.length) {
      ctx.unknownStaff.add(name);
      return {
        ok: false,
        message: `未知的人员 '${name}'：请先在“人员”中添加，或导入时选择自动添加`,
      };
    }
    if (found.length > 1)
      return {
        ok: false,
        message: `有 ${found.length} 位同名人员 '${name}'，无法区分`,
      };
    if (!ids.includes(found[0]!)) ids.push(found[0]!);
  }
  return { ok: true, value: ids };
}

function unitIdsOf(names: string[], ctx: RowContext): Read<string[]> {
  const ids: string[] = [];
  const unknown = names.filter((name) => !ctx.lookup.unitId(name));
  if (unknown.length) {
    for (const name of unknown) ctx.unknownUnits.add(name);
    return {
      ok: false,
      message: `未知的承办单位 ${unknown.map((n) => `'${n}'`).join('、')}：请先在“承办单位”中添加，或导入时选择添加这些单位`,
    };
  }
  for (const name of names) {
    const id = ctx.lookup.unitId(name)!;
    if (!ids.includes(id)) ids.push(id);
  }
  return { ok: true, value: ids };
}

/** Enterprise names, each matched to exactly one live enterprise (by name or former name). */
function enterpriseIdsOf(names: string[], ctx: RowContext): Read<string[]> {
  const ids: string[] = [];
  const unknown: string[] = [];
  for (const name of names) {
    const found = ctx.lookup.enterprisesByName(name);
    if (found.length > 1)
      return {
        ok: false,
        message: `企业库中有 ${found.length} 家企业名为「${name}」，无法区分`,
      };
    if (!found.length) unknown.push(name);
    else if (!ids.includes(found[0]!)) ids.push(found[0]!);
  }
  if (unknown.length) return { ok: false, message: `企业库中没有：${unknown.join('、')}` };
  return { ok: true, value: ids };
}

/** Phone numbers in the order of the contacts (无 keeps a place for a contact without one). */
function readPhones(v: CellValue): Read<(string | null)[]> {
  const out: (string | null)[] = [];
  for (const part of splitList(cellText(v))) {
    if (isEmptyCell(part)) {
      out.push(null);
      continue;
    }
    const r = readPhone(part);
    if (!r.ok) return r;
    out.push(r.value);
  }
  return { ok: true, value: out };
}

function readField(field: FieldKey, raw: CellValue, ctx: RowContext, header: string): Read<unknown> {
  if (field === 'contactPhone') return readPhones(raw);
  if (field === 'contactName') return { ok: true, value: splitList(cellText(raw)) };
  if (field === 'contactTitle')
    return { ok: true, value: splitList(cellText(raw)).map((t) => (isEmptyCell(t) ? null : t)) };
  if (field === 'categories') return readCategories(raw);
  const type = FIELDS[field].type;
  switch (type.t) {
    case 'text':
      return readText(raw, type.max);
    case 'uscc':
      return readUscc(raw);
    case 'date':
      return readDate(raw, ctx.titleYear);
    case 'instant':
      return readInstant(raw, ctx.titleYear);
    case 'bool':
      return readBool(raw);
    case 'phone':
      return readPhone(raw);
    case 'staff': {
      const r = staffIdsOf(readNames(raw).slice(0, 1), ctx);
      return r.ok ? { ok: true, value: r.value[0] } : r;
    }
    case 'staffList':
      return staffIdsOf(readNames(raw), ctx);
    case 'unit': {
      const r = unitIdsOf(readUnitNames(raw).slice(0, 1), ctx);
      return r.ok ? { ok: true, value: r.value[0] } : r;
    }
    case 'unitList':
      return unitIdsOf(readUnitNames(raw), ctx);
    case 'enterpriseList':
      return enterpriseIdsOf(splitList(cellText(raw)), ctx);
    case 'amount':
      return readAmount(raw, header);
    case 'count':
      return readCount(raw, type.min);
    case 'nameList':
      return { ok: true, value: readNames(raw) };
    case 'tiers':
      return readTiers(raw, ctx.year);
    case 'industry':
      return readIndustry(raw);
    case 'demands':
      return readDemandsCell(cellText(raw));
    case 'enum':
      return readEnumCell(type.group, raw);
    case 'enumList':
      return readEnumList(type.group, raw);
  }
}

export function normaliseRow(
  row: SheetRow,
  columns: ColumnMatch[],
  kind: ImportKind,
  ctx: RowContext,
): NormalRow {
  const values: Record<string, unknown> = {};
  const problems: FieldProblem[] = [];
  for (const c of columns) {
    const raw = row.cells[c.column] ?? null;
    if (isEmptyCell(raw)) continue;
    const r = readField(c.field, raw, ctx, c.header);
    if (r.ok) {
      if (r.value !== undefined && r.value !== '') values[c.field] = r.value;
    } else problems.push({ field: c.field, message: r.message });
  }
  for (const group of KIND_DEFS[kind].required) {
    if (group.some((f) => values[f] !== undefined || problems.some((p) => p.field === f))) continue;
    const mapped = group.find((f) => columns.some((c) => c.field === f));
    problems.push({
      field: mapped ?? group[0]!,
      message: mapped
        ? `必填项为空：${group.map(fieldLabel).join(' 或 ')}`
        : `缺少必填列：${group.map(fieldLabel).join(' 或 ')}`,
    });
  }
  return { row, values: values as RowValues, problems };
}
