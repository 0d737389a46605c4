import { dueSoonSql, isOpenSql, overdueSql } from './rulesSql';
// The record kinds as stored: one table each, columns named like the API fields.
// Used to convert rows, to whitelist filter/sort fields, and to install change capture.

export type FieldType = 'text' | 'int' | 'real' | 'bool' | 'json';

export interface KindDef {
  table: string;
  fields: Record<string, FieldType>;
  /** Read-only fields computed in SQL for lists (alias `t` is the kind's table). */
  derived?: Record<string, { sql: string; type: FieldType }>;
  /** Text fields searched by the quick-search box. */
  search: string[];
  defaultSort: { field: string; dir: 'asc' | 'desc' };
}

/** Columns every record has besides its own fields. */
export const META_FIELDS: Record<string, FieldType> = {
  createdAt: 'text',
  updatedAt: 'text',
  deletedAt: 'text',
  updatedByDevice: 'text',
  updatedByStaff: 'text',
};

/** Meta columns that change on every write and are not synced as fields. */
export const UNCAPTURED = new Set(['id', 'updatedAt', 'updatedByDevice', 'updatedByStaff']);

const enterpriseName = {
  sql: `(SELECT e."name" FROM enterprises e WHERE e."id" = t."enterpriseId")`,
  type: 'text' as const,
};
const enterpriseTown = {
  sql: `(SELECT e."town" FROM enterprises e WHERE e."id" = t."enterpriseId")`,
  type: 'text' as const,
};

export const KINDS = {
  staff: {
    table: 'staff',
    fields: { name: 'text', role: 'text', phone: 'text', active: 'bool' },
    search: ['name', 'phone'],
    defaultSort: { field: 'name', dir: 'asc' },
  },
  enterprises: {
    table: 'enterprises',
    fields: {
      uscc: 'text',
      usccOverride: 'bool',
      usccOverrideReason: 'text',
      name: 'text',
      formerNames: 'json',
      town: 'text',
      address: 'text',
      industry: 'text',
      tiers: 'json',
      liaisonStaffId: 'text',
      contacts: 'json',
      status: 'text',
    },
    derived: {
      lastVisitDate: {
        sql: `(SELECT max(v."date") FROM visits v WHERE v."enterpriseId" = t."id" AND v."deletedAt" IS NULL AND v."status" <> 'draft')`,
        type: 'text',
      },
      openDemands: {
        sql: `(SELECT count(*) FROM demands d WHERE d."enterpriseId" = t."id" AND d."deletedAt" IS NULL AND ${isOpenSql('d."status"')})`,
        type: 'int',
      },
      liaisonName: {
        sql: `(SELECT s."name" FROM staff s WHERE s."id" = t."liaisonStaffId")`,
        type: 'text',
      },
    },
    search: ['name', 'uscc', 'town', 'address', 'formerNames'],
    defaultSort: { field: 'name', dir: 'asc' },
  },
  experts: {
    table: 'experts',
    fields: { name: 'text', organization: 'text', title: 'text', speciality: 'text', phone: 'text' },
    search: ['name', 'organization', 'speciality'],
    defaultSort: { field: 'name', dir: 'asc' },
  },
  visits: {
    table: 'visits',
    fields: {
      enterpriseId: 'text',
      date: 'text',
      mode: 'text',
      leadStaffId: 'text',
      staffIds: 'json',
      peopleMet: 'text',
      summary: 'text',
      policiesExplained: 'text',
      solvedOnSite: 'bool',
      enterpriseConfirmed: 'bool',
      status: 'text',
      reviewedBy: 'text',
      visitNo: 'text',
    },
    derived: {
      enterpriseName,
      town: enterpriseTown,
      leadStaffName: {
        sql: `(SELECT s."name" FROM staff s WHERE s."id" = t."leadStaffId")`,
        type: 'text',
      },
      demandCount: {
        sql: `(SELECT count(*) FROM demands d WHERE d."sourceVisitId" = t."id" AND d."deletedAt" IS NULL)`,
        type: 'int',
      },
    },
    search: ['visitNo', 'summary', 'peopleMet'],
    defaultSort: { field: 'date', dir: 'desc' },
  },
  demands: {
    table: 'demands',
    fields: {
      enterpriseId: 'text',
      source: 'text',
      sourceVisitId: 'text',
      sourceClinicId: 'text',
      categories: 'json',
      title: 'text',
      description: 'text',
      level: 'text',
      assigneeStaffId: 'text',
      responsibleUnit: 'text',
      receivedAt: 'text',
      complex: 'bool',
      dueDate: 'text',
      status: 'text',
      closureType: 'text',
      closedAt: 'text',
      resolution: 'text',
      holdSince: 'text',
      onHoldDays: 'int',
    },
    derived: {
      enterpriseName,
      town: enterpriseTown,
      assigneeName: {
        sql: `(SELECT s."name" FROM staff s WHERE s."id" = t."assigneeStaffId")`,
        type: 'text',
      },
      // Filters only (values are recomputed by domain/workflow.deadline, which a test
      // holds to agree): the clock is paused on hold, so an on-hold demand is judged
      // at the day its hold began.
      open: { sql: `(${isOpenSql('t."status"')})`, type: 'bool' },
      overdue: { sql: overdueSql(), type: 'bool' },
      dueSoon: { sql: dueSoonSql(), type: 'bool' },
    },
    search: ['title', 'description', 'responsibleUnit'],
    defaultSort: { field: 'receivedAt', dir: 'desc' },
  },
  demandHistory: {
    table: 'demand_history',
    fields: { demandId: 'text', at: 'text', by: 'text', from: 'text', to: 'text', note: 'text' },
    search: ['note'],
    defaultSort: { field: 'at', dir: 'asc' },
  },
  clinics: {
    table: 'clinics',
    fields: {
      date: 'text',
      place: 'text',
      topic: 'text',
      field: 'text',
      expertIds: 'json',
      status: 'text',
      enterprises: 'json',
      cooperationIntentions: 'int',
      signedProjects: 'int',
    },
    derived: {
      enterpriseCount: { sql: `json_array_length(t."enterprises")`, type: 'int' },
      expertCount: { sql: `json_array_length(t."expertIds")`, type: 'int' },
    },
    search: ['topic', 'place', 'field'],
    defaultSort: { field: 'date', dir: 'desc' },
  },
  followups: {
    table: 'followups',
    fields: {
      parentType: 'text',
      parentId: 'text',
      ownerStaffId: 'text',
      dueDate: 'text',
      doneAt: 'text',
      channel: 'text',
      content: 'text',
      result: 'text',
      satisfaction: 'text',
      nextFollowupDate: 'text',
    },
    derived: {
      ownerName: {
        sql: `(SELECT s."name" FROM staff s WHERE s."id" = t."ownerStaffId")`,
        type: 'text',
      },
      enterpriseId: {
        sql: `CASE t."parentType" WHEN 'demand' THEN (SELECT d."enterpriseId" FROM demands d WHERE d."id" = t."parentId") WHEN 'visit' THEN (SELECT v."enterpriseId" FROM visits v WHERE v."id" = t."parentId") END`,
        type: 'text',
      },
      enterpriseName: {
        sql: `(SELECT e."name" FROM enterprises e WHERE e."id" = CASE t."parentType" WHEN 'demand' THEN (SELECT d."enterpriseId" FROM demands d WHERE d."id" = t."parentId") WHEN 'visit' THEN (SELECT v."enterpriseId" FROM visits v WHERE v."id" = t."parentId") END)`,
        type: 'text',
      },
      parentTitle: {
        sql: `CASE t."parentType" WHEN 'demand' THEN (SELECT d."title" FROM demands d WHERE d."id" = t."parentId") WHEN 'visit' THEN (SELECT v."visitNo" FROM visits v WHERE v."id" = t."parentId") WHEN 'clinic' THEN (SELECT c."topic" FROM clinics c WHERE c."id" = t."parentId") END`,
        type: 'text',
      },
    },
    search: ['content', 'result'],
    defaultSort: { field: 'dueDate', dir: 'desc' },
  },
  narratives: {
    // The narrative sections of a quarterly report, one record per quarter and scope.
    table: 'narratives',
    fields: {
      quarter: 'text',
      scopeType: 'text',
      staffId: 'text',
      town: 'text',
      typicalCases: 'text',
      recurringProblems: 'text',
      nextQuarterPlan: 'text',
    },
    search: ['typicalCases', 'recurringProblems', 'nextQuarterPlan'],
    defaultSort: { field: 'quarter', dir: 'desc' },
  },
  devices: {
    table: 'devices',
    fields: { name: 'text', code: 'text' },
    search: ['name'],
    defaultSort: { field: 'name', dir: 'asc' },
  },
} as const satisfies Record<string, KindDef>;

export type KindName = keyof typeof KINDS;
export const KIND_NAMES = Object.keys(KINDS) as KindName[];

export function allColumns(kind: KindName): Record<string, FieldType> {
  return { ...KINDS[kind].fields, ...META_FIELDS };
}

export const q = (ident: string): string => `"${ident.replace(/"/g, '""')}"`;

/** SQLite value → API value. */
export function fromSql(type: FieldType, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  switch (type) {
    case 'bool':
      return v === 1 || v === 1n || v === true;
    case 'json':
      return JSON.parse(v as string);
    case 'int':
    case 'real':
      return Number(v);
    default:
      return v;
  }
}

/** API value → SQLite value. */
export function toSql(type: FieldType, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  switch (type) {
    case 'bool':
      return v ? 1 : 0;
    case 'json':
      return JSON.stringify(v);
    default:
      return v;
  }
}

export function rowToRecord(kind: KindName, row: Record<string, unknown>): Record<string, unknown> {
  const def: KindDef = KINDS[kind];
  const out: Record<string, unknown> = { id: row.id };
  for (const [f, t] of Object.entries(allColumns(kind))) out[f] = fromSql(t, row[f]);
  for (const [f, d] of Object.entries(def.derived ?? {})) if (f in row) out[f] = fromSql(d.type, row[f]);
  return out;
}
