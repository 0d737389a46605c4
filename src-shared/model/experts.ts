// 专家库: the experts clinics invite.
import { defineKind } from './define';
import { Name, Phone, optText } from './validators';

export const experts = defineKind({
  table: 'experts',
  zh: '专家库',
  en: 'Experts',
  fields: {
    name: { input: Name, sql: 'text', zh: '姓名', en: 'Name', search: true, findBy: true, export: 'text' },
    organization: {
      input: optText(200),
      sql: 'text',
      zh: '单位',
      en: 'Organization',
      search: true,
      findBy: true,
      export: 'text',
    },
    title: { input: optText(100), sql: 'text', zh: '职称', en: 'Professional title', export: 'text' },
    speciality: {
      input: optText(300),
      sql: 'text',
      zh: '专业方向',
      file: '专业领域',
      en: 'Speciality',
      search: true,
      findBy: true,
      export: 'text',
    },
    phone: { input: Phone, sql: 'text', zh: '电话', file: '联系电话', en: 'Phone', export: 'phone' },
  },
  defaultSort: { field: 'name', dir: 'asc' },
});
