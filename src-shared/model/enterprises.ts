// 企业库: the enterprises the bureau serves.
import { schemaMessage as m } from '../messages';
import { z } from 'zod';
import { ENTERPRISE_STATUSES, TIERS } from '../domain/enums';
import { INDUSTRY_CODE_RE } from '../domain/industries';
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
      input: z.string().trim().min(1, m('field.empty')).max(40),
      sql: 'text',
      zh: '统一社会信用代码',
      en: 'Credit code',
      search: true,
      findBy: true,
      export: 'text',
      words: {
        words: [
          '统一社会信用代码',
          '社会信用代码',
          '信用代码',
          '统一信用代码',
          '统一代码',
          '社会统一信用代码',
          'USCC',
          'credit code',
          'unified social credit code',
        ],
        weak: ['纳税人识别号', '税号', '组织机构代码', '代码'],
      },
    },
    usccOverride: {
      input: z.boolean().optional(),
      sql: 'bool',
      zh: '保留信用代码',
      file: '代码存疑',
      en: 'Code kept as is',
    },
    usccOverrideReason: {
      input: optText(500),
      sql: 'text',
      zh: '保留原因',
      file: '存疑说明',
      en: 'Reason for keeping',
      list: false,
    },
    name: {
      input: Name,
      sql: 'text',
      zh: '企业名称',
      en: 'Enterprise name',
      search: true,
      findBy: true,
      searchInitials: true,
      export: 'text',
      words: {
        words: [
          '企业名称',
          '单位名称',
          '公司名称',
          '企业全称',
          '企业(单位)名称',
          '走访企业',
          '服务企业',
          '被走访企业',
          '企业名',
          'enterprise',
          'enterprise name',
          'company',
          'company name',
        ],
        weak: ['企业', '名称', '单位', 'name'],
      },
    },
    formerNames: {
      input: z.array(Name).max(20).optional(),
      sql: 'json',
      zh: '曾用名',
      en: 'Former names',
      search: true,
      findBy: true,
      searchInitials: true,
      export: 'custom',
      words: { words: ['曾用名', '原名称', '原企业名称', 'former names'] },
    },
    town: {
      input: optText(100),
      sql: 'text',
      zh: '镇街',
      en: 'Town',
      search: true,
      export: 'text',
      words: {
        words: [
          '镇街',
          '所属镇街',
          '所在镇街',
          '镇(街道)',
          '镇街道',
          '所属街道',
          '所在街道',
          '乡镇街道',
          '所属乡镇',
          'town',
        ],
        weak: ['街道', '乡镇', '镇', '属地', '区域'],
      },
    },
    address: {
      input: optText(300),
      sql: 'text',
      zh: '地址',
      en: 'Address',
      search: true,
      export: 'text',
      words: {
        words: ['地址', '企业地址', '注册地址', '经营地址', '详细地址', '通讯地址', '生产地址', 'address'],
      },
    },
    industry: {
      // A code (C39) is checked for its shape; a name outside the standard (a custom entry,
      // an old ledger's wording) is kept, and get / create / update warn about it.
      input: z
        .string()
        .trim()
        .max(100)
        .refine((s) => !/^[A-Za-z]\d*$/.test(s) || INDUSTRY_CODE_RE.test(s), m('field.industry'))
        .transform((s) => (INDUSTRY_CODE_RE.test(s) ? s.toUpperCase() : s))
        .nullable()
        .optional(),
      sql: 'text',
      zh: '行业',
      en: 'Industry',
      enum: 'industry',
      export: 'custom',
      words: {
        words: [
          '行业',
          '所属行业',
          '行业类别',
          '行业分类',
          '国民经济行业',
          '国民经济行业分类',
          '行业代码',
          '所属领域',
          'industry',
        ],
        weak: ['领域', '产业'],
      },
    },
    tiers: {
      input: z.array(TierEntry).max(20).optional(),
      sql: 'json',
      zh: '企业资质',
      en: 'Qualifications',
      enum: 'tier',
      export: 'custom',
      words: {
        words: [
          '企业资质',
          '资质',
          '资质类型',
          '企业类型',
          '企业类别',
          '认定情况',
          '企业标签',
          '资质认定',
          '企业性质',
          'tiers',
          'tier',
          'qualification',
        ],
        weak: ['类型', '类别', '标签'],
      },
    },
    liaisonStaffId: {
      ref: 'staff',
      input: Id.nullable().optional(),
      sql: 'text',
      zh: '包联人',
      en: 'Liaison',
      words: {
        words: ['包联人', '包联干部', '挂钩干部', '服务专员', '联络员', '包联领导', '挂钩领导', 'liaison'],
      },
    },
    contacts: {
      input: z.array(Contact).max(50).optional(),
      sql: 'json',
      zh: '联系人',
      en: 'Contacts',
      search: true,
      findBy: true,
    },
    status: {
      input: z.enum(ENTERPRISE_STATUSES).optional(),
      sql: 'text',
      zh: '经营状态',
      file: '企业状态',
      en: 'Business status',
      enum: 'enterpriseStatus',
      export: 'enum',
      words: { words: ['企业状态', '经营状态', '登记状态', 'enterprise status'] },
    },
    // Set when the enterprise was merged into another as a duplicate (and deleted): records
    // that still arrive under it are offered to the survivor.
    mergedInto: {
      ref: 'enterprises',
      output: z.string().nullable(),
      sql: 'text',
      zh: '已合并至',
      en: 'Merged into',
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
