// 专家会诊: experts meeting enterprises on a topic.
import { schemaMessage as m } from '../messages';
import { z } from 'zod';
import { CLINIC_STATUSES } from '../domain/enums';
import { defineKind } from './define';
import { CalendarDate, Id, Name, optText } from './validators';

export const ClinicEnterprise = z.strictObject({
  enterpriseId: Id,
  problems: optText(),
  advice: optText(),
});

const count = z.number().int().min(0).max(100_000).optional();

export const clinics = defineKind({
  table: 'clinics',
  zh: '专家会诊',
  en: 'Expert clinics',
  fields: {
    date: { input: CalendarDate, sql: 'text', zh: '会诊日期', en: 'Clinic date', export: 'date' },
    place: { input: optText(200), sql: 'text', zh: '地点', en: 'Place', search: true, export: 'text' },
    topic: {
      input: Name,
      sql: 'text',
      zh: '主题',
      file: '会诊主题',
      en: 'Topic',
      search: true,
      export: 'text',
    },
    field: { input: optText(200), sql: 'text', zh: '领域', en: 'Field', search: true, export: 'text' },
    expertIds: {
      ref: 'experts',
      input: z.array(Id).max(50).optional(),
      sql: 'json',
      zh: '参加专家',
      file: '专家',
      en: 'Experts',
      export: 'custom',
    },
    status: {
      input: z.enum(CLINIC_STATUSES).optional(),
      sql: 'text',
      zh: '状态',
      file: '会诊状态',
      en: 'Status',
      enum: 'clinicStatus',
      export: 'enum',
    },
    enterprises: {
      input: z
        .array(ClinicEnterprise)
        .max(200)
        .refine((a) => new Set(a.map((e) => e.enterpriseId)).size === a.length, m('field.repeatEnterprise'))
        .optional(),
      parent: { kind: 'enterprises', key: 'enterpriseId' },
      sql: 'json',
      zh: '诊断企业',
      file: '会诊企业',
      en: 'Enterprises',
      export: 'custom',
    },
    cooperationIntentions: {
      input: count,
      sql: 'int',
      zh: '合作意向',
      file: '合作意向数',
      en: 'Cooperation intentions',
      export: 'number',
    },
    signedProjects: {
      input: count,
      sql: 'int',
      zh: '签约项目',
      file: '签约项目数',
      en: 'Signed projects',
      export: 'number',
    },
  },
  derived: {
    enterpriseCount: {
      output: z.number().nullable().optional(),
      sql: 'int',
      zh: '企业数',
      en: 'Enterprises',
    },
    expertCount: { output: z.number().nullable().optional(), sql: 'int', zh: '专家数', en: 'Experts' },
  },
  defaultSort: { field: 'date', dir: 'desc' },
});
