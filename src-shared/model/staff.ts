// 人员: the people of the bureau.
import { z } from 'zod';
import { POSITIONS, ROLES } from '../domain/enums';
import { defineKind } from './define';
import { Name, Phone } from './validators';

export const staff = defineKind({
  table: 'staff',
  zh: '人员',
  en: 'Staff',
  fields: {
    name: { input: Name, sql: 'text', zh: '姓名', en: 'Name', search: true, export: 'text' },
    role: {
      input: z.enum(ROLES).optional(),
      sql: 'text',
      zh: '角色',
      en: 'Role',
      enum: 'role',
      export: 'enum',
    },
    position: {
      input: z.enum(POSITIONS).optional(),
      sql: 'text',
      zh: '职务',
      en: 'Position',
      enum: 'position',
      export: 'enum',
      words: { words: ['职务', '职位', '岗位', 'position'] },
    },
    phone: { input: Phone, sql: 'text', zh: '联系电话', en: 'Phone', search: true, export: 'phone' },
    active: { input: z.boolean().optional(), sql: 'bool', zh: '在岗', en: 'Active', export: 'bool' },
  },
  defaultSort: { field: 'name', dir: 'asc' },
});
