// The working-day calendar (shared/DOMAIN.md, "Working days"): one record per year holding the
// official holidays and the weekend days worked (调休), as the State Council publishes them.
// Written through calendar.set, synced like any record.
import { z } from 'zod';
import { defineKind } from './define';

const Dates = z.array(z.string()).nullable();

export const calendars = defineKind({
  table: 'calendars',
  zh: '节假日安排',
  en: 'Holiday calendar',
  fields: {
    year: { output: z.number().int().nullable(), sql: 'int', zh: '年份', en: 'Year' },
    holidays: { output: Dates, sql: 'json', zh: '放假日期', en: 'Holidays', list: false },
    workdays: { output: Dates, sql: 'json', zh: '调休上班日期', en: 'Worked weekend days', list: false },
  },
  defaultSort: { field: 'year', dir: 'desc' },
});
