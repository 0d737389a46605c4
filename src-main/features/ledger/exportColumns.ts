// The columns a list can be exported with, per record kind: Chinese headers (the same words
// the import reads back), enum words instead of codes, names instead of ids, dates as dates.
// `key` is what ledger.export's `columns` names (mostly the list's own field names). Headers,
// cell types and order are declared in @shared/model/exports; this writes the cells.
import type Database from 'better-sqlite3';
import { RECORD_KINDS, type RecordKind } from '@shared/contract/methods';
import { EXPORT_SPECS, type ExportColumnSpec } from '@shared/model/exports';
import type { CellType } from '@shared/model';
import { SHANGHAI_OFFSET_HOURS } from '@shared/domain/dates';
import { fileLabelsOf } from '@shared/labels';
import { ENUM_LABELS, NO, YES, enumLabel } from './labels';
import type { ColumnType } from './writers';
import type { CellValue } from '@shared/ledger/types';

type Row = Record<string, unknown>;

/** Values looked up for ids, once per export. */
export class Extras {
  private staff: Map<string, string> | null = null;
  private experts: Map<string, string> | null = null;
  private enterprises: Map<string, { name: string; uscc: string }> | null = null;
  private demands = new Map<string, string | null>();
  private visits = new Map<string, string | null>();

  constructor(private readonly db: Database.Database) {}

  private names(table: 'staff' | 'experts'): Map<string, string> {
    const rows = this.db.prepare(`SELECT "id","name" FROM ${table}`).all() as {
      id: string;
      name: string | null;
    }[];
    return new Map(rows.map((r) => [r.id, r.name ?? '']));
  }

  staffName(id: unknown): string {
    this.staff ??= this.names('staff');
    return typeof id === 'string' ? (this.staff.get(id) ?? '') : '';
  }

  expertName(id: unknown): string {
    this.experts ??= this.names('experts');
    return typeof id === 'string' ? (this.experts.get(id) ?? '') : '';
  }

  enterprise(id: unknown): { name: string; uscc: string } | null {
    if (!this.enterprises) {
      const rows = this.db.prepare(`SELECT "id","name","uscc" FROM enterprises`).all() as {
        id: string;
        name: string | null;
        uscc: string | null;
      }[];
      this.enterprises = new Map(rows.map((r) => [r.id, { name: r.name ?? '', uscc: r.uscc ?? '' }]));
    }
    return typeof id === 'string' ? (this.enterprises.get(id) ?? null) : null;
  }

  demandReceivedAt(id: unknown): string | null {
    if (typeof id !== 'string') return null;
    if (!this.demands.has(id)) {
      const r = this.db.prepare(`SELECT "receivedAt" FROM demands WHERE "id" = ?`).get(id) as
        { receivedAt: string | null } | undefined;
      this.demands.set(id, r?.receivedAt ?? null);
    }
    return this.demands.get(id) ?? null;
  }

  visitDate(id: unknown): string | null {
    if (typeof id !== 'string') return null;
    if (!this.visits.has(id)) {
      const r = this.db.prepare(`SELECT "date" FROM visits WHERE "id" = ?`).get(id) as
        { date: string | null } | undefined;
      this.visits.set(id, r?.date ?? null);
    }
    return this.visits.get(id) ?? null;
  }
}

/** A declared export column with how its cells are written. */
export interface ExportColumn extends ExportColumnSpec {
  type: ColumnType;
  value: (row: Row, x: Extras) => CellValue;
}

const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

/** A calendar date as a date cell (Excel dates are wall-clock times in UTC). */
export function dateCell(v: unknown): Date | null {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return null;
  return new Date(`${v}T00:00:00Z`);
}

/** An instant as a date cell in Shanghai wall time. */
export function instantCell(v: unknown): Date | null {
  if (typeof v !== 'string') return null;
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? null : new Date(ms + SHANGHAI_OFFSET_HOURS * 3600_000);
}

const joined = (items: string[]) => items.filter(Boolean).join('、');
const list = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);

type Cell = (row: Row, x: Extras) => CellValue;

/** The spreadsheet type of each export cell type (a custom cell writes text). */
const COLUMN_TYPES: Record<CellType, ColumnType> = {
  text: 'text',
  phone: 'text',
  date: 'date',
  instant: 'datetime',
  number: 'number',
  bool: 'text',
  enum: 'text',
  enumList: 'text',
  custom: 'text',
};

/** How each export cell type of the models is written. */
function cellOf({ cell, key, group }: ExportColumnSpec): Cell {
  const words = group ? fileLabelsOf(group) : {};
  const word = (v: unknown) =>
    v === null || v === undefined || v === '' ? '' : (words[String(v)] ?? String(v));
  switch (cell) {
    case 'text':
    case 'phone':
      return (r) => str(r[key]);
    case 'date':
      return (r) => dateCell(r[key]);
    case 'instant':
      return (r) => instantCell(r[key]);
    case 'number':
      return (r) => (typeof r[key] === 'number' ? r[key] : null);
    case 'bool':
      return (r) => (r[key] === true ? YES : r[key] === false ? NO : '');
    case 'enum':
      return (r) => word(r[key]);
    case 'enumList':
      return (r) => joined(list<string>(r[key]).map(word));
    case 'custom':
      throw new Error(`export column '${key}' writes its cells itself: give its value`);
  }
}

interface Contact {
  name?: string | null;
  title?: string | null;
  phone?: string | null;
}
/** Contacts in parallel lists; a missing title or phone is written 无 so the lists stay aligned. */
const contactsPart =
  (part: keyof Contact): Cell =>
  (r) => {
    const cs = list<Contact>(r.contacts);
    if (part !== 'name' && cs.every((c) => !c[part])) return '';
    return cs.map((c) => c[part] || '无').join('、');
  };
const enterpriseUscc =
  (field: string): Cell =>
  (r, x) =>
    x.enterprise(r[field])?.uscc ?? '';

/** Cells that are not the field's value in words: names for ids, lists, looked-up values. */
const CELLS: Partial<Record<RecordKind, Record<string, Cell>>> = {
  enterprises: {
    formerNames: (r) => joined(list<string>(r.formerNames)),
    industry: (r) => {
      const code = str(r.industry);
      const section = ENUM_LABELS.industry[code.slice(0, 1)];
      return code ? `${code}${section ? ` ${section}` : ''}` : '';
    },
    tiers: (r) =>
      joined(
        list<{ tier: string; year: number }>(r.tiers).map((t) => `${enumLabel('tier', t.tier)}(${t.year})`),
      ),
    contactNames: contactsPart('name'),
    contactTitles: contactsPart('title'),
    contactPhones: contactsPart('phone'),
  },
  visits: {
    enterpriseUscc: enterpriseUscc('enterpriseId'),
    staffIds: (r, x) =>
      joined(
        list<string>(r.staffIds)
          .filter((s) => s !== r.leadStaffId)
          .map((s) => x.staffName(s)),
      ),
  },
  demands: {
    enterpriseUscc: enterpriseUscc('enterpriseId'),
    coUnitNames: (r) => joined(list<string>(r.coUnitNames)),
    supervision: (r) => {
      const s = r.supervision as { level: string; note: string | null } | null;
      return s ? `${enumLabel('supervisionLevel', s.level)}${s.note ? `：${s.note}` : ''}` : '';
    },
    extension: (r) => {
      const x = r.extension as { dueDate: string; reason: string } | null;
      return x ? `申请延期至 ${x.dueDate}：${x.reason}` : '';
    },
  },
  clinics: {
    expertIds: (r, x) => joined(list<string>(r.expertIds).map((e) => x.expertName(e))),
    enterprises: (r, x) =>
      joined(
        list<{ enterpriseId: string }>(r.enterprises).map((e) => x.enterprise(e.enterpriseId)?.name ?? ''),
      ),
  },
  activities: {
    enterpriseIds: (r, x) => joined(list<string>(r.enterpriseIds).map((e) => x.enterprise(e)?.name ?? '')),
    organizerStaffIds: (r, x) => joined(list<string>(r.organizerStaffIds).map((s) => x.staffName(s))),
    expertIds: (r, x) => joined(list<string>(r.expertIds).map((e) => x.expertName(e))),
  },
  outcomes: {
    enterpriseUscc: enterpriseUscc('enterpriseId'),
  },
  followups: {
    enterpriseUscc: enterpriseUscc('enterpriseId'),
    parentTitle: (r) => (r.parentType === 'demand' ? str(r.parentTitle) : ''),
    parentReceivedAt: (r, x) =>
      r.parentType === 'demand' ? instantCell(x.demandReceivedAt(r.parentId)) : null,
    parentVisitDate: (r, x) => (r.parentType === 'visit' ? dateCell(x.visitDate(r.parentId)) : null),
  },
};

/** The columns of a kind's export: the declared specs (@shared/model/exports) with their cells. */
function columnsOf(kind: RecordKind): ExportColumn[] {
  return EXPORT_SPECS[kind].map((spec) => ({
    ...spec,
    type: COLUMN_TYPES[spec.cell],
    value: CELLS[kind]?.[spec.key] ?? cellOf(spec),
  }));
}

export const EXPORT_COLUMNS: Record<RecordKind, ExportColumn[]> = Object.fromEntries(
  RECORD_KINDS.map((kind) => [kind, columnsOf(kind)]),
) as Record<RecordKind, ExportColumn[]>;

export const KIND_TITLES: Record<RecordKind, string> = {
  staff: '人员',
  experts: '专家库',
  units: '承办单位',
  enterprises: '企业库',
  visits: '走访记录',
  demands: '需求台账',
  clinics: '专家会诊',
  followups: '跟踪回访',
  activities: '服务活动',
  outcomes: '服务成效',
};
