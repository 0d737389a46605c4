// 走访记录: a visit of bureau staff to an enterprise.
import { z } from 'zod';
import { VISIT_MODES, VISIT_STATUSES } from '../domain/enums';
import { defineKind } from './define';
import { CalendarDate, Id, optText } from './validators';

const lookedUp = z.string().nullable().optional();

export const visits = defineKind({
  table: 'visits',
  zh: '走访记录',
  en: 'Visits',
  fields: {
    enterpriseId: { input: Id, sql: 'text', zh: '企业', en: 'Enterprise' },
    date: { input: CalendarDate, sql: 'text', zh: '走访日期', en: 'Date', export: 'date' },
    mode: {
      input: z.enum(VISIT_MODES),
      sql: 'text',
      zh: '走访方式',
      en: 'Mode',
      enum: 'visitMode',
      export: 'enum',
    },
    leadStaffId: { input: Id.optional(), sql: 'text', zh: '走访人', en: 'Lead staff' },
    staffIds: {
      input: z.array(Id).max(20).optional(),
      sql: 'json',
      zh: '同行人员',
      en: 'Staff',
      export: 'custom',
    },
    peopleMet: {
      input: optText(500),
      sql: 'text',
      zh: '接待人员',
      en: 'People met',
      search: true,
      export: 'text',
    },
    summary: {
      input: optText(10_000),
      sql: 'text',
      zh: '走访情况',
      en: 'Summary',
      search: true,
      export: 'text',
    },
    policiesExplained: {
      input: optText(4000),
      sql: 'text',
      zh: '宣讲政策',
      en: 'Policies explained',
      export: 'text',
    },
    solvedOnSite: {
      input: z.boolean().optional(),
      sql: 'bool',
      zh: '现场解决',
      en: 'Solved on site',
      export: 'bool',
    },
    enterpriseConfirmed: {
      input: z.boolean().optional(),
      sql: 'bool',
      zh: '企业确认',
      en: 'Confirmed by the enterprise',
      export: 'bool',
    },
    status: {
      input: z.enum(VISIT_STATUSES).optional(),
      sql: 'text',
      zh: '记录状态',
      en: 'Status',
      enum: 'visitStatus',
      export: 'enum',
    },
    // Kept by the core: the reviewer, and the number given when the visit is submitted.
    reviewedBy: { output: z.string().nullable(), sql: 'text', zh: '审核人', en: 'Reviewed by' },
    visitNo: {
      output: z.string().nullable(),
      sql: 'text',
      zh: '走访编号',
      en: 'Visit number',
      search: true,
      export: 'text',
    },
  },
  derived: {
    enterpriseName: { output: lookedUp, sql: 'text', zh: '企业名称', en: 'Enterprise', export: 'text' },
    town: { output: lookedUp, sql: 'text', zh: '镇街', en: 'Town', export: 'text' },
    leadStaffName: { output: lookedUp, sql: 'text', zh: '走访人', en: 'Lead staff', export: 'text' },
    demandCount: {
      output: z.number().nullable().optional(),
      sql: 'int',
      zh: '需求数',
      en: 'Demands',
      export: 'number',
    },
  },
  defaultSort: { field: 'date', dir: 'desc' },
});
