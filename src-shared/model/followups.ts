// 跟踪回访: a follow-up of a demand, a visit or a clinic.
import { z } from 'zod';
import { FOLLOWUP_CHANNELS, FOLLOWUP_PARENTS, SATISFACTIONS } from '../domain/enums';
import { defineKind, type RefKind } from './define';
import { CalendarDate, Id, Instant, optText } from './validators';

const lookedUp = z.string().nullable().optional();

/** The kind of record each parentType names. */
export const FOLLOWUP_PARENT_KINDS = {
  demand: 'demands',
  visit: 'visits',
  clinic: 'clinics',
} as const satisfies Record<(typeof FOLLOWUP_PARENTS)[number], RefKind>;

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
      words: { words: ['回访对象', '回访类型', '跟踪对象', 'parent type'] },
    },
    parentId: {
      parent: { kind: { field: 'parentType', kinds: FOLLOWUP_PARENT_KINDS } },
      input: Id,
      sql: 'text',
      zh: '回访事项',
      file: '回访对象编号',
      en: 'Followed-up item',
    },
    ownerStaffId: {
      ref: 'staff',
      input: Id.optional(),
      sql: 'text',
      zh: '回访人',
      en: 'Owner',
      words: { words: ['回访人', '回访人员', '跟踪人', '跟踪责任人', '回访责任人', '跟踪人员', 'owner'] },
    },
    dueDate: {
      input: CalendarDate.nullable().optional(),
      sql: 'text',
      zh: '计划回访日期',
      en: 'Planned date',
      export: 'date',
      words: { words: ['计划回访日期', '应回访日期', '回访期限', '计划回访时间', 'follow-up due date'] },
    },
    doneAt: {
      input: Instant.nullable().optional(),
      sql: 'text',
      zh: '回访日期',
      en: 'Done on',
      export: 'instant',
      words: {
        words: [
          '回访日期',
          '回访时间',
          '跟踪日期',
          '跟踪时间',
          '实际回访日期',
          '回访完成时间',
          'done at',
          'follow-up date',
        ],
      },
    },
    channel: {
      input: z.enum(FOLLOWUP_CHANNELS).nullable().optional(),
      sql: 'text',
      zh: '回访方式',
      en: 'Channel',
      enum: 'followupChannel',
      export: 'enum',
      words: { words: ['回访方式', '跟踪方式', '回访形式', 'channel'] },
    },
    content: {
      input: optText(),
      sql: 'text',
      zh: '回访内容',
      en: 'Content',
      search: true,
      export: 'text',
      words: { words: ['回访内容', '跟踪内容', '跟踪情况', '回访情况', 'content'] },
    },
    result: {
      input: optText(),
      sql: 'text',
      zh: '回访结果',
      en: 'Result',
      search: true,
      export: 'text',
      words: { words: ['回访结果', '跟踪结果', '企业反馈', '企业意见', 'result'] },
    },
    satisfaction: {
      input: z.enum(SATISFACTIONS).nullable().optional(),
      sql: 'text',
      zh: '满意度',
      en: 'Satisfaction',
      enum: 'satisfaction',
      export: 'enum',
      words: { words: ['满意度', '企业满意度', '满意程度', '企业评价', '评价', '是否满意', 'satisfaction'] },
    },
    nextFollowupDate: {
      input: CalendarDate.nullable().optional(),
      sql: 'text',
      zh: '下次回访日期',
      en: 'Next follow-up',
      export: 'date',
      words: {
        words: [
          '下次回访日期',
          '下次回访时间',
          '下次跟踪日期',
          '下次回访',
          'next follow-up',
          'next follow-up date',
        ],
      },
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
    /** Not done and past its planned date (domain/followups.followupLate): filters only. */
    overdue: { sql: 'bool', zh: '超期', en: 'Overdue' },
  },
  defaultSort: { field: 'dueDate', dir: 'desc' },
});
