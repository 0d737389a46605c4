// 办理记录: one step of a demand's handling, written by its transitions (no API of its own).
import { z } from 'zod';
import { DEMAND_STATUSES } from '../domain/enums';
import { defineKind } from './define';

const nullableText = z.string().nullable();

export const demandHistory = defineKind({
  table: 'demand_history',
  zh: '办理记录',
  en: 'Demand history',
  fields: {
    demandId: {
      parent: { kind: 'demands', part: true },
      output: z.string(),
      sql: 'text',
      zh: '需求',
      en: 'Demand',
    },
    at: { output: z.string(), sql: 'text', zh: '时间', en: 'At' },
    by: { ref: 'staff', output: nullableText, sql: 'text', zh: '操作人', en: 'By' },
    from: {
      output: z.enum(DEMAND_STATUSES).nullable(),
      sql: 'text',
      zh: '原状态',
      en: 'From',
      enum: 'demandStatus',
    },
    to: { output: z.enum(DEMAND_STATUSES), sql: 'text', zh: '新状态', en: 'To', enum: 'demandStatus' },
    note: { output: nullableText, sql: 'text', zh: '说明', en: 'Note', search: true },
  },
  defaultSort: { field: 'at', dir: 'asc' },
});

/** The narrative sections of a quarterly report, one record per quarter and scope. */
