// The columns a list can be exported with, per record kind: Chinese headers (the same words
// the import reads back), enum words instead of codes, names instead of ids, dates as dates.
// `key` is what ledger.export's `columns` names (mostly the list's own field names).
import type Database from 'better-sqlite3';
import type { RecordKind } from '@shared/contract/methods';
import { ENUM_LABELS, NO, YES, enumLabel, type EnumGroup } from './labels';
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

const text = (key: string, label: string, field = key): ExportColumn => ({
  key,
  label,
  type: 'text',
  value: (r) => str(r[field]),
});
const date = (key: string, label: string): ExportColumn => ({
  key,
  label,
  type: 'date',
  value: (r) => dateCell(r[key]),
});
const instant = (key: string, label: string): ExportColumn => ({
  key,
  label,
  type: 'datetime',
  value: (r) => instantCell(r[key]),
});
const num = (key: string, label: string): ExportColumn => ({
  key,
  label,
  type: 'number',
  value: (r) => (typeof r[key] === 'number' ? (r[key] as number) : null),
});
const bool = (key: string, label: string): ExportColumn => ({
  key,
  label,
  type: 'text',
  value: (r) => (r[key] === true ? YES : r[key] === false ? NO : ''),
});
const oneOf = (key: string, label: string, group: EnumGroup): ExportColumn => ({
  key,
  label,
  type: 'text',
  value: (r) => enumLabel(group, r[key] as string | null),
});
const phone = (key: string, label: string): ExportColumn => ({ ...text(key, label), phone: true });
const optional = (c: ExportColumn): ExportColumn => ({ ...c, optional: true });

const joined = (items: string[]) => items.filter(Boolean).join('、');
const list = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);

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

const enterpriseOf = (field: string) => ({
  uscc: {
    key: 'enterpriseUscc',
    label: '统一社会信用代码',
    type: 'text',
    value: (r: Row, x: Extras) => x.enterprise(r[field])?.uscc ?? '',
  } as ExportColumn,
});

export const EXPORT_COLUMNS: Record<RecordKind, ExportColumn[]> = {
  staff: [
    text('name', '姓名'),
    oneOf('role', '角色', 'role'),
    phone('phone', '联系电话'),
    bool('active', '在岗'),
  ],
  experts: [
    text('name', '姓名'),
    text('organization', '单位'),
    text('title', '职称'),
    text('speciality', '专业领域'),
    phone('phone', '联系电话'),
  ],
  enterprises: [
    text('name', '企业名称'),
    text('uscc', '统一社会信用代码'),
    { key: 'formerNames', label: '曾用名', type: 'text', value: (r) => joined(list<string>(r.formerNames)) },
    text('town', '镇街'),
    text('address', '地址'),
    {
      key: 'industry',
      label: '行业',
      type: 'text',
      value: (r) => {
        const code = str(r.industry);
        const section = ENUM_LABELS.industry[code.slice(0, 1)];
        return code ? `${code}${section ? ` ${section}` : ''}` : '';
      },
    },
    {
      key: 'tiers',
      label: '企业资质',
      type: 'text',
      value: (r) =>
        joined(
          list<{ tier: string; year: number }>(r.tiers).map((t) => `${enumLabel('tier', t.tier)}(${t.year})`),
        ),
    },
    text('liaisonName', '包联人'),
    contactsCol('contactNames', '联系人', 'name'),
    contactsCol('contactTitles', '联系人职务', 'title'),
    contactsCol('contactPhones', '联系电话', 'phone', true),
    oneOf('status', '企业状态', 'enterpriseStatus'),
    date('lastVisitDate', '最近走访日期'),
    num('openDemands', '未办结需求数'),
  ],
  visits: [
    text('visitNo', '走访编号'),
    text('enterpriseName', '企业名称'),
    enterpriseOf('enterpriseId').uscc,
    text('town', '镇街'),
    date('date', '走访日期'),
    oneOf('mode', '走访方式', 'visitMode'),
    text('leadStaffName', '走访人'),
    {
      key: 'staffIds',
      label: '同行人员',
      type: 'text',
      value: (r, x) =>
        joined(
          list<string>(r.staffIds)
            .filter((s) => s !== r.leadStaffId)
            .map((s) => x.staffName(s)),
        ),
    },
    text('peopleMet', '接待人员'),
    text('summary', '走访情况'),
    text('policiesExplained', '宣讲政策'),
    bool('solvedOnSite', '现场解决'),
    bool('enterpriseConfirmed', '企业确认'),
    oneOf('status', '记录状态', 'visitStatus'),
    num('demandCount', '需求数'),
    optional(instant('createdAt', '录入时间')),
  ],
  demands: [
    text('enterpriseName', '企业名称'),
    enterpriseOf('enterpriseId').uscc,
    text('town', '镇街'),
    text('title', '需求标题'),
    {
      key: 'categories',
      label: '需求类别',
      type: 'text',
      value: (r) => joined(list<string>(r.categories).map((c) => enumLabel('demandCategory', c))),
    },
    text('description', '需求描述'),
    oneOf('source', '需求来源', 'demandSource'),
    oneOf('level', '需求层级', 'demandLevel'),
    text('assigneeName', '承办人'),
    text('responsibleUnit', '承办单位'),
    instant('receivedAt', '受理时间'),
    date('dueDate', '办理期限'),
    bool('complex', '复杂需求'),
    oneOf('status', '办理状态', 'demandStatus'),
    oneOf('closureType', '办结方式', 'closureType'),
    instant('closedAt', '办结时间'),
    text('resolution', '办理结果'),
    bool('overdue', '是否超期'),
    optional(num('daysLeft', '剩余天数')),
  ],
  clinics: [
    date('date', '会诊日期'),
    text('topic', '会诊主题'),
    text('place', '地点'),
    text('field', '领域'),
    oneOf('status', '会诊状态', 'clinicStatus'),
    {
      key: 'expertIds',
      label: '专家',
      type: 'text',
      value: (r, x) => joined(list<string>(r.expertIds).map((e) => x.expertName(e))),
    },
    {
      key: 'enterprises',
      label: '会诊企业',
      type: 'text',
      value: (r, x) =>
        joined(
          list<{ enterpriseId: string }>(r.enterprises).map((e) => x.enterprise(e.enterpriseId)?.name ?? ''),
        ),
    },
    num('cooperationIntentions', '合作意向数'),
    num('signedProjects', '签约项目数'),
  ],
  followups: [
    text('enterpriseName', '企业名称'),
    enterpriseOf('enterpriseId').uscc,
    oneOf('parentType', '回访对象', 'followupParent'),
    {
      key: 'parentTitle',
      label: '需求标题',
      type: 'text',
      value: (r) => (r.parentType === 'demand' ? str(r.parentTitle) : ''),
    },
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
    text('ownerName', '回访人'),
    date('dueDate', '计划回访日期'),
    instant('doneAt', '回访日期'),
    oneOf('channel', '回访方式', 'followupChannel'),
    text('content', '回访内容'),
    text('result', '回访结果'),
    oneOf('satisfaction', '满意度', 'satisfaction'),
    date('nextFollowupDate', '下次回访日期'),
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
