// 承办单位: the departments, towns and sections that demands are handed to (交办).
import { z } from 'zod';
import { UNIT_KINDS } from '../domain/enums';
import { defineKind } from './define';
import { Name, Phone, optText } from './validators';

export const units = defineKind({
  table: 'units',
  zh: '承办单位',
  en: 'Units',
  fields: {
    name: {
      input: Name,
      sql: 'text',
      zh: '单位名称',
      en: 'Name',
      search: true,
      findBy: true,
      export: 'text',
    },
    kind: {
      input: z.enum(UNIT_KINDS).optional(),
      sql: 'text',
      zh: '单位类型',
      en: 'Kind',
      enum: 'unitKind',
      export: 'enum',
    },
    contact: {
      input: optText(100),
      sql: 'text',
      zh: '联系人',
      en: 'Contact',
      search: true,
      findBy: true,
      export: 'text',
    },
    phone: { input: Phone, sql: 'text', zh: '电话', file: '联系电话', en: 'Phone', export: 'phone' },
    active: { input: z.boolean().optional(), sql: 'bool', zh: '启用', en: 'Active', export: 'bool' },
  },
  defaultSort: { field: 'name', dir: 'asc' },
});
