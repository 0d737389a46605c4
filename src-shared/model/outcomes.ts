// 服务成效: what the service brought an enterprise (a recommendation, a contract, funds…),
// optionally answering one of its demands.
import { schemaMessage as m } from '../messages';
import { z } from 'zod';
import { OUTCOME_STATUSES, OUTCOME_TYPES } from '../domain/enums';
import { defineKind } from './define';
import { CalendarDate, Id, optText } from './validators';

const lookedUp = z.string().nullable().optional();

/** Yuan, at most two decimals (分): amounts are summed in reports, so no fractions of a fen. */
export const Amount = z
  .number()
  .min(0, m('amount.negative'))
  .max(1e12, m('amount.tooLarge'))
  .refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, m('amount.decimals'));

export const outcomes = defineKind({
  table: 'outcomes',
  zh: '服务成效',
  en: 'Outcomes',
  fields: {
    enterpriseId: { ref: 'enterprises', parent: true, input: Id, sql: 'text', zh: '企业', en: 'Enterprise' },
    type: {
      input: z.enum(OUTCOME_TYPES),
      sql: 'text',
      zh: '成效类型',
      en: 'Type',
      enum: 'outcomeType',
      export: { cell: 'enum', header: '类型' },
      words: {
        words: ['成效类型', '成效类别', '服务成效', '成果类型', 'outcome type'],
        weak: ['类型', '类别', 'type'],
      },
    },
    date: {
      input: CalendarDate,
      sql: 'text',
      zh: '日期',
      en: 'Date',
      export: 'date',
      words: {
        words: ['成效日期', '日期', '时间', '登记日期', '到位日期', '兑现日期', '获批日期', 'date'],
        weak: ['日期', '时间'],
      },
    },
    amount: {
      input: Amount.nullable().optional(),
      sql: 'real',
      zh: '金额（元）',
      file: '金额（元）',
      en: 'Amount (yuan)',
      export: 'number',
      words: { words: ['金额', '成交额', '合同金额', '资金', '融资金额', '兑现金额', '质押金额', 'amount'] },
    },
    count: {
      input: z.number().int().min(1).max(100_000).optional(),
      sql: 'int',
      zh: '数量',
      en: 'Count',
      export: 'number',
      words: { words: ['数量', '件数', '项数', '个数', 'count'] },
    },
    status: {
      input: z.enum(OUTCOME_STATUSES).optional(),
      sql: 'text',
      zh: '状态',
      file: '成效状态',
      en: 'Status',
      enum: 'outcomeStatus',
      export: 'enum',
      words: { words: ['成效状态', '申报状态', '办理状态', 'status'], weak: ['状态'] },
    },
    description: {
      input: optText(4000),
      sql: 'text',
      zh: '说明',
      en: 'Description',
      search: true,
      export: 'text',
      words: {
        words: ['成效说明', '具体情况', '项目名称', '成效内容', 'description'],
        weak: ['内容', '情况'],
      },
    },
    demandId: {
      ref: 'demands',
      input: Id.nullable().optional(),
      sql: 'text',
      zh: '对应需求',
      en: 'Demand answered',
    },
  },
  derived: {
    enterpriseName: { output: lookedUp, sql: 'text', zh: '企业名称', en: 'Enterprise', export: 'text' },
    demandTitle: { output: lookedUp, sql: 'text', zh: '对应需求', en: 'Demand answered', export: 'text' },
  },
  defaultSort: { field: 'date', dir: 'desc' },
});
