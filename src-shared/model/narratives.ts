// The narrative sections of a quarterly report, one record per quarter and scope (written
// through reports.narrative, synced like any record).
import { z } from 'zod';
import { defineKind } from './define';

const nullableText = z.string().nullable();

export const narratives = defineKind({
  table: 'narratives',
  zh: '季报文字',
  en: 'Report narratives',
  fields: {
    quarter: { output: nullableText, sql: 'text', zh: '季度', en: 'Quarter' },
    scopeType: { output: nullableText, sql: 'text', zh: '范围', en: 'Scope' },
    staffId: { output: nullableText, sql: 'text', zh: '人员', en: 'Staff' },
    town: { output: nullableText, sql: 'text', zh: '镇街', en: 'Town' },
    typicalCases: { output: nullableText, sql: 'text', zh: '典型案例', en: 'Typical cases', search: true },
    recurringProblems: {
      output: nullableText,
      sql: 'text',
      zh: '共性问题',
      en: 'Recurring problems',
      search: true,
    },
    nextQuarterPlan: {
      output: nullableText,
      sql: 'text',
      zh: '下季度计划',
      en: 'Next quarter',
      search: true,
    },
  },
  defaultSort: { field: 'quarter', dir: 'desc' },
});
