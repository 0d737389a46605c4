// The bureau's annual targets (目标任务): one record per year and figure key, written through
// targets.set / targets.delete (supervisors), synced like any record. The key list and the
// words of each key are in reports/targets.ts.
import { z } from 'zod';
import { defineKind } from './define';

export const targets = defineKind({
  table: 'targets',
  zh: '目标任务',
  en: 'Targets',
  fields: {
    year: { output: z.number().int().nullable(), sql: 'int', zh: '年份', en: 'Year' },
    key: { output: z.string().nullable(), sql: 'text', zh: '指标', en: 'Figure' },
    value: { output: z.number().nullable(), sql: 'real', zh: '年度目标', en: 'Annual target' },
  },
  defaultSort: { field: 'year', dir: 'desc' },
});
