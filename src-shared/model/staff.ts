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
    name: {
      input: Name,
      sql: 'text',
      zh: '姓名',
      en: 'Name',
      search: true,
      export: 'text',
      words: { words: ['姓名', '人员姓名', '干部姓名', '员工姓名', '名字', 'name', 'staff name'] },
    },
    role: {
      input: z.enum(ROLES).optional(),
      sql: 'text',
      zh: '角色',
      en: 'Role',
      enum: 'role',
      export: 'enum',
      words: { words: ['角色', '系统角色', '用户角色', '权限', 'role'] },
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
    phone: {
      input: Phone,
      sql: 'text',
      zh: '电话',
      file: '联系电话',
      en: 'Phone',
      search: true,
      export: 'phone',
      words: {
        words: ['联系电话', '手机', '手机号', '手机号码', '电话号码', '办公电话', 'phone', 'mobile'],
        weak: ['电话', '联系方式'],
      },
    },
    active: {
      input: z.boolean().optional(),
      sql: 'bool',
      zh: '在岗',
      en: 'Active',
      export: 'bool',
      words: { words: ['在岗', '是否在岗', '在职', '是否在职', '在岗情况', 'active'] },
    },
    // Set when the staff member was merged into another as the same person (and deleted): a
    // laptop whose user was this copy follows it to the survivor.
    mergedInto: {
      ref: 'staff',
      output: z.string().nullable(),
      sql: 'text',
      zh: '已合并至',
      en: 'Merged into',
    },
  },
  defaultSort: { field: 'name', dir: 'asc' },
});
