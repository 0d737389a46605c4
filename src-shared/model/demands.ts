// 需求台账: what enterprises ask of the bureau, and how it is handled.
import { z } from 'zod';
import {
  CLOSURE_TYPES,
  DEMAND_CATEGORIES,
  DEMAND_LEVELS,
  DEMAND_SOURCES,
  DEMAND_STATUSES,
} from '../domain/enums';
import { defineKind } from './define';
import { CalendarDate, Id, Instant, Name, optText } from './validators';

const nullableText = z.string().nullable();
const lookedUp = z.string().nullable().optional();

export const demands = defineKind({
  table: 'demands',
  zh: '需求台账',
  en: 'Demands',
  fields: {
    enterpriseId: { input: Id, sql: 'text', zh: '企业', en: 'Enterprise' },
    source: {
      input: z.enum(DEMAND_SOURCES).optional(),
      sql: 'text',
      zh: '需求来源',
      en: 'Source',
      enum: 'demandSource',
      export: 'enum',
    },
    sourceVisitId: { input: Id.nullable().optional(), sql: 'text', zh: '来源走访', en: 'Source visit' },
    sourceClinicId: { input: Id.nullable().optional(), sql: 'text', zh: '来源会诊', en: 'Source clinic' },
    categories: {
      input: z
        .array(z.enum(DEMAND_CATEGORIES))
        .min(1, 'needs 1 to 4 categories')
        .max(4, 'needs 1 to 4 categories')
        .refine((a) => new Set(a).size === a.length, 'must not repeat a category'),
      sql: 'json',
      zh: '需求类别',
      en: 'Categories',
      enum: 'demandCategory',
      export: 'enumList',
    },
    title: { input: Name, sql: 'text', zh: '需求标题', en: 'Title', search: true, export: 'text' },
    description: {
      input: optText(),
      sql: 'text',
      zh: '需求描述',
      en: 'Description',
      search: true,
      export: 'text',
    },
    level: {
      input: z.enum(DEMAND_LEVELS).optional(),
      sql: 'text',
      zh: '需求层级',
      en: 'Level',
      enum: 'demandLevel',
      export: 'enum',
    },
    assigneeStaffId: { input: Id.nullable().optional(), sql: 'text', zh: '承办人', en: 'Assignee' },
    responsibleUnit: {
      input: optText(200),
      sql: 'text',
      zh: '承办单位',
      en: 'Responsible unit',
      search: true,
      export: 'text',
    },
    receivedAt: {
      input: Instant.optional(),
      sql: 'text',
      zh: '受理时间',
      en: 'Received at',
      export: 'instant',
    },
    complex: { input: z.boolean().optional(), sql: 'bool', zh: '复杂需求', en: 'Complex', export: 'bool' },
    dueDate: { input: CalendarDate.optional(), sql: 'text', zh: '办理期限', en: 'Due date', export: 'date' },
    // Kept by the workflow (demands.transition), never written directly.
    /** Null while the demand's creation is still to come by sync (a later edit arrived first). */
    status: {
      output: z.enum(DEMAND_STATUSES).nullable(),
      sql: 'text',
      zh: '办理状态',
      en: 'Status',
      enum: 'demandStatus',
      export: 'enum',
    },
    closureType: {
      output: z.enum(CLOSURE_TYPES).nullable(),
      sql: 'text',
      zh: '办结方式',
      en: 'Closure type',
      enum: 'closureType',
      export: 'enum',
    },
    closedAt: { output: nullableText, sql: 'text', zh: '办结时间', en: 'Closed at', export: 'instant' },
    resolution: { output: nullableText, sql: 'text', zh: '办理结果', en: 'Resolution', export: 'text' },
    holdSince: { output: nullableText, sql: 'text', zh: '挂起时间', en: 'On hold since' },
    onHoldDays: { output: z.number().nullable(), sql: 'int', zh: '挂起天数', en: 'Days on hold' },
  },
  derived: {
    enterpriseName: { output: lookedUp, sql: 'text', zh: '企业名称', en: 'Enterprise', export: 'text' },
    town: { output: lookedUp, sql: 'text', zh: '镇街', en: 'Town', export: 'text' },
    assigneeName: { output: lookedUp, sql: 'text', zh: '承办人', en: 'Assignee', export: 'text' },
    // The deadline flags: in SQL for filters, recomputed for records by domain/workflow.deadline.
    open: { sql: 'bool', zh: '未办结', en: 'Open' },
    overdue: {
      output: z.boolean(),
      sql: 'bool',
      zh: '超期',
      en: 'Overdue',
      export: { cell: 'bool', header: '是否超期' },
    },
    dueSoon: { output: z.boolean(), sql: 'bool', zh: '即将到期', en: 'Due soon' },
    effectiveDueDate: { output: z.string().nullable(), zh: '实际期限', en: 'Effective due date' },
    daysLeft: {
      output: z.number().nullable(),
      zh: '剩余天数',
      en: 'Days left',
      export: { cell: 'number', optional: true },
    },
  },
  defaultSort: { field: 'receivedAt', dir: 'desc' },
});
