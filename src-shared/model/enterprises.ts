// 企业库: the enterprises the bureau serves.
import { z } from 'zod';
import { ENTERPRISE_STATUSES, TIERS } from '../domain/enums';
import { defineKind } from './define';
import { CalendarDate, Id, Name, Phone, optText } from './validators';

export const TierEntry = z.strictObject({
  tier: z.enum(TIERS),
  year: z.number().int().min(1990).max(2100),
  expiresOn: CalendarDate.nullable().optional(),
});
export const Contact = z.strictObject({
  name: Name,
  title: optText(100),
  phone: Phone,
});

export const enterprises = defineKind({
  table: 'enterprises',
  zh: '企业库',
  en: 'Enterprises',
  fields: {
    uscc: {
      input: z.string().trim().min(1, 'must not be empty').max(40),
      sql: 'text',
      zh: '统一社会信用代码',
      en: 'USCC',
      search: true,
      export: 'text',
    },
    usccOverride: { input: z.boolean().optional(), sql: 'bool', zh: '代码存疑', en: 'USCC override' },
    usccOverrideReason: {
      input: optText(500),
      sql: 'text',
      zh: '存疑说明',
      en: 'Override reason',
      list: false,
    },
    name: { input: Name, sql: 'text', zh: '企业名称', en: 'Name', search: true, export: 'text' },
    formerNames: {
      input: z.array(Name).max(20).optional(),
      sql: 'json',
      zh: '曾用名',
      en: 'Former names',
      search: true,
      export: 'custom',
    },
    town: { input: optText(100), sql: 'text', zh: '镇街', en: 'Town', search: true, export: 'text' },
    address: { input: optText(300), sql: 'text', zh: '地址', en: 'Address', search: true, export: 'text' },
    industry: {
      input: z
        .string()
        .trim()
        .toUpperCase()
        .regex(
          /^[A-T](\d{2})?$/,
          'must be a GB/T 4754-2017 section letter A–T, optionally with a two-digit division (C39)',
        )
        .nullable()
        .optional(),
      sql: 'text',
      zh: '行业',
      en: 'Industry',
      enum: 'industry',
      export: 'custom',
    },
    tiers: {
      input: z.array(TierEntry).max(20).optional(),
      sql: 'json',
      zh: '企业资质',
      en: 'Tiers',
      enum: 'tier',
      export: 'custom',
    },
    liaisonStaffId: { input: Id.nullable().optional(), sql: 'text', zh: '包联人', en: 'Liaison' },
    contacts: { input: z.array(Contact).max(50).optional(), sql: 'json', zh: '联系人', en: 'Contacts' },
    status: {
      input: z.enum(ENTERPRISE_STATUSES).optional(),
      sql: 'text',
      zh: '企业状态',
      en: 'Status',
      enum: 'enterpriseStatus',
      export: 'enum',
    },
  },
  derived: {
    lastVisitDate: {
      output: z.string().nullable().optional(),
      sql: 'text',
      zh: '最近走访日期',
      en: 'Last visit',
      export: 'date',
    },
    openDemands: {
      output: z.number().nullable().optional(),
      sql: 'int',
      zh: '未办结需求数',
      en: 'Open demands',
      export: 'number',
    },
    liaisonName: {
      output: z.string().nullable().optional(),
      sql: 'text',
      zh: '包联人',
      en: 'Liaison',
      export: 'text',
    },
  },
  defaultSort: { field: 'name', dir: 'asc' },
});
