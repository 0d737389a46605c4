// The bureau's settings (shared/DOMAIN.md, "settings"): one record, synced, so every laptop of
// the team titles its reports with the same name and counts deadlines by the same limits.
// Written through settings.set; settings.get fills what was never set with the defaults.
import { z } from 'zod';
import { SLA_UNITS, type Sla } from '../domain/workflow';
import { defineKind } from './define';

const Days = (max: number) => z.number().int().min(1).max(max);

/** The time limits: ordinary and complex demands in `unit`, a first reply in working days. */
export const SlaSchema = z.strictObject({
  unit: z.enum(SLA_UNITS),
  ordinary: Days(365),
  complex: Days(365),
  firstReply: Days(60),
}) satisfies z.ZodType<Sla>;

export const settings = defineKind({
  table: 'settings',
  zh: '单位设置',
  en: 'Settings',
  fields: {
    orgName: { output: z.string().nullable(), sql: 'text', zh: '单位名称', en: 'Organisation' },
    sla: { output: SlaSchema.nullable(), sql: 'json', zh: '办理时限', en: 'Time limits', list: false },
    towns: { output: z.array(z.string()).nullable(), sql: 'json', zh: '镇街列表', en: 'Towns', list: false },
    /** The bureau's own industries, beside the GB/T 4754-2017 list (domain/industries). */
    industries: {
      output: z.array(z.string()).nullable(),
      sql: 'json',
      zh: '自定义行业',
      en: 'Custom industries',
      list: false,
    },
  },
  defaultSort: { field: 'orgName', dir: 'asc' },
});
