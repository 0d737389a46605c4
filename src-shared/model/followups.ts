// 跟踪回访: a follow-up of a demand, a visit or a clinic.
import { z } from 'zod';
import { FOLLOWUP_CHANNELS, FOLLOWUP_PARENTS, SATISFACTIONS } from '../domain/enums';
import { defineKind } from './define';
import { CalendarDate, Id, Instant, optText } from './validators';

const lookedUp = z.string().nullable().optional();

export const followups = defineKind({
  table: 'followups',
  zh: '跟踪回访',
  en: 'Follow-ups',
  fields: {
    parentType: {
      input: z.enum(FOLLOWUP_PARENTS),
      sql: 'text',
      zh: '回访对象',
      en: 'Follow-up of',
      enum: 'followupParent',
      export: 'enum',
    },
    parentId: { input: Id, sql: 'text', zh: '回访对象编号', en: 'Parent' },
    ownerStaffId: { input: Id.optional(), sql: 'text', zh: '回访人', en: 'Owner' },
    dueDate: {
      input: CalendarDate.nullable().optional(),
      sql: 'text',
      zh: '计划回访日期',
      en: 'Planned date',
      export: 'date',
    },
    doneAt: {
      input: Instant.nullable().optional(),
      sql: 'text',
      zh: '回访日期',
      en: 'Done on',
      export: 'instant',
    },
    channel: {
      input: z.enum(FOLLOWUP_CHANNELS).nullable().optional(),
      sql: 'text',
      zh: '回访方式',
      en: 'Channel',
      enum: 'followupChannel',
      export: 'enum',
    },
    content: { input: optText(), sql: 'text', zh: '回访内容', en: 'Content', search: true, export: 'text' },
    result: { input: optText(), sql: 'text', zh: '回访结果', en: 'Result', search: true, export: 'text' },
    satisfaction: {
      input: z.enum(SATISFACTIONS).nullable().optional(),
      sql: 'text',
      zh: '满意度',
      en: 'Satisfaction',
      enum: 'satisfaction',
      export: 'enum',
    },
    nextFollowupDate: {
      input: CalendarDate.nullable().optional(),
      sql: 'text',
      zh: '下次回访日期',
      en: 'Next follow-up',
      export: 'date',
    },
  },
  derived: {
    ownerName: { output: lookedUp, sql: 'text', zh: '回访人', en: 'Owner', export: 'text' },
    enterpriseId: { output: lookedUp, sql: 'text', zh: '企业', en: 'Enterprise' },
    enterpriseName: { output: lookedUp, sql: 'text', zh: '企业名称', en: 'Enterprise', export: 'text' },
    parentTitle: {
      output: lookedUp,
      sql: 'text',
      zh: '回访对象标题',
      en: 'Parent',
      export: { cell: 'custom', header: '需求标题' },
    },
  },
  defaultSort: { field: 'dueDate', dir: 'desc' },
});
