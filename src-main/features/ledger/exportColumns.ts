// The columns a list can be exported with, per record kind: Chinese headers (the same words
// the import reads back), enum words instead of codes, names instead of ids, dates as dates.
// `key` is what ledger.export's `columns` names (mostly the list's own field names). Each
// field's header and cell come from its model (@shared/model); the order is chosen here.
import type Database from 'better-sqlite3';
import type { RecordKind } from '@shared/contract/methods';
import { MODELS, exportOf, type ExportSpec, type KindModel } from '@shared/model';
import { fileLabelsOf, type LabelGroup } from '@shared/labels';
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

export interface ExportColumn {
  key: string;
  label: string;
  type: ColumnType;
  value: (row: Row, x: Extras) => CellValue;
  /** The column holds phone numbers (the UI warns before such a file is saved). */
  phone?: boolean;
  /** Left out unless asked for by name. */
  optional?: boolean;
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
  return Number.isNaN(ms) ? null : new Date(ms + 8 * 3600_000);
}

const joined = (items: string[]) => items.filter(Boolean).join('、');
const list = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);

type Cell = (row: Row, x: Extras) => CellValue;

/** How each export cell type of the models is written. */
function cellOf(
  spec: ExportSpec,
  key: string,
  group: LabelGroup | undefined,
): { type: ColumnType; value: Cell } {
  const words = group ? fileLabelsOf(group) : {};
  const word = (v: unknown) =>
    v === null || v === undefined || v === '' ? '' : (words[String(v)] ?? String(v));
  switch (spec.cell) {
    case 'text':
    case 'phone':
      return { type: 'text', value: (r) => str(r[key]) };
    case 'date':
      return { type: 'date', value: (r) => dateCell(r[key]) };
    case 'instant':
      return { type: 'datetime', value: (r) => instantCell(r[key]) };
    case 'number':
      return { type: 'number', value: (r) => (typeof r[key] === 'number' ? r[key] : null) };
    case 'bool':
      return { type: 'text', value: (r) => (r[key] === true ? YES : r[key] === false ? NO : '') };
    case 'enum':
      return { type: 'text', value: (r) => word(r[key]) };
    case 'enumList':
      return { type: 'text', value: (r) => joined(list<string>(r[key]).map(word)) };
    case 'custom':
      throw new Error(`export column '${key}' writes its cells itself: give its value`);
  }
}

/**
 * The column of a model field or derived value, as the model declares its export: header,
 * cell type, enum words. `value` writes the cells of a `custom` one (names for ids…).
 */
function col(kind: RecordKind, key: string, value?: Cell): ExportColumn {
  const model: KindModel = MODELS[kind];
  const def = model.fields[key] ?? model.derived[key];
  const spec = def && exportOf(def);
  if (!spec) throw new Error(`${kind}.${key} is not exported by its model`);
  const label = spec.header ?? def.zh;
  const cell = value ? { type: 'text' as const, value } : cellOf(spec, key, def.enum);
  return {
    key,
    label,
    ...cell,
    ...(spec.cell === 'phone' ? { phone: true } : {}),
    ...(spec.optional ? { optional: true } : {}),
  };
}

interface Contact {
  name?: string | null;
  title?: string | null;
  phone?: string | null;
}
/** Contacts in parallel lists; a missing title or phone is written 无 so the lists stay aligned. */
const contactsCol = (key: string, label: string, part: keyof Contact, isPhone = false): ExportColumn => ({
  key,
  label,
  type: 'text',
  phone: isPhone,
  value: (r) => {
    const cs = list<Contact>(r.contacts);
    if (part !== 'name' && cs.every((c) => !c[part])) return '';
    return cs.map((c) => c[part] || '无').join('、');
  },
});

const enterpriseUscc = (field: string): ExportColumn => ({
  key: 'enterpriseUscc',
  label: '统一社会信用代码',
  type: 'text',
  value: (r, x) => x.enterprise(r[field])?.uscc ?? '',
});

/** Columns besides the models' own: values looked up or split out of a field. */
export const EXTRA_COLUMN_KEYS = [
  'enterpriseUscc',
  'contactNames',
  'contactTitles',
  'contactPhones',
  'parentReceivedAt',
  'parentVisitDate',
  'createdAt',
] as const;

const cols = (kind: RecordKind, keys: string[]) => keys.map((k) => col(kind, k));

export const EXPORT_COLUMNS: Record<RecordKind, ExportColumn[]> = {
  staff: cols('staff', ['name', 'role', 'position', 'phone', 'active']),
  experts: cols('experts', ['name', 'organization', 'title', 'speciality', 'phone']),
  enterprises: [
    ...cols('enterprises', ['name', 'uscc']),
    col('enterprises', 'formerNames', (r) => joined(list<string>(r.formerNames))),
    ...cols('enterprises', ['town', 'address']),
    col('enterprises', 'industry', (r) => {
      const code = str(r.industry);
      const section = ENUM_LABELS.industry[code.slice(0, 1)];
      return code ? `${code}${section ? ` ${section}` : ''}` : '';
    }),
    col('enterprises', 'tiers', (r) =>
      joined(
        list<{ tier: string; year: number }>(r.tiers).map((t) => `${enumLabel('tier', t.tier)}(${t.year})`),
      ),
    ),
    col('enterprises', 'liaisonName'),
    contactsCol('contactNames', '联系人', 'name'),
    contactsCol('contactTitles', '联系人职务', 'title'),
    contactsCol('contactPhones', '联系电话', 'phone', true),
    ...cols('enterprises', ['status', 'lastVisitDate', 'openDemands']),
  ],
  visits: [
    ...cols('visits', ['visitNo', 'enterpriseName']),
    enterpriseUscc('enterpriseId'),
    ...cols('visits', ['town', 'date', 'mode', 'leadStaffName']),
    col('visits', 'staffIds', (r, x) =>
      joined(
        list<string>(r.staffIds)
          .filter((s) => s !== r.leadStaffId)
          .map((s) => x.staffName(s)),
      ),
    ),
    ...cols('visits', [
      'peopleMet',
      'summary',
      'policiesExplained',
      'solvedOnSite',
      'enterpriseConfirmed',
      'status',
      'demandCount',
    ]),
    {
      key: 'createdAt',
      label: '录入时间',
      type: 'datetime',
      value: (r) => instantCell(r.createdAt),
      optional: true,
    },
  ],
  demands: [
    col('demands', 'enterpriseName'),
    enterpriseUscc('enterpriseId'),
    ...cols('demands', [
      'town',
      'title',
      'categories',
      'description',
      'source',
      'level',
      'assigneeName',
      'responsibleUnit',
      'receivedAt',
      'dueDate',
      'complex',
      'status',
      'closureType',
      'closedAt',
      'resolution',
      'overdue',
      'daysLeft',
    ]),
  ],
  clinics: [
    ...cols('clinics', ['date', 'topic', 'place', 'field', 'status']),
    col('clinics', 'expertIds', (r, x) => joined(list<string>(r.expertIds).map((e) => x.expertName(e)))),
    col('clinics', 'enterprises', (r, x) =>
      joined(
        list<{ enterpriseId: string }>(r.enterprises).map((e) => x.enterprise(e.enterpriseId)?.name ?? ''),
      ),
    ),
    ...cols('clinics', ['cooperationIntentions', 'signedProjects']),
  ],
  followups: [
    col('followups', 'enterpriseName'),
    enterpriseUscc('enterpriseId'),
    col('followups', 'parentType'),
    col('followups', 'parentTitle', (r) => (r.parentType === 'demand' ? str(r.parentTitle) : '')),
    {
      key: 'parentReceivedAt',
      label: '受理时间',
      type: 'datetime',
      value: (r, x) => (r.parentType === 'demand' ? instantCell(x.demandReceivedAt(r.parentId)) : null),
    },
    {
      key: 'parentVisitDate',
      label: '走访日期',
      type: 'date',
      value: (r, x) => (r.parentType === 'visit' ? dateCell(x.visitDate(r.parentId)) : null),
    },
    ...cols('followups', [
      'ownerName',
      'dueDate',
      'doneAt',
      'channel',
      'content',
      'result',
      'satisfaction',
      'nextFollowupDate',
    ]),
  ],
};

export const KIND_TITLES: Record<RecordKind, string> = {
  staff: '人员',
  experts: '专家库',
  enterprises: '企业库',
  visits: '走访记录',
  demands: '需求台账',
  clinics: '专家会诊',
  followups: '跟踪回访',
};
