// The laptops of the team: each stamps the changes it makes.
import { z } from 'zod';
import { defineKind } from './define';

export const devices = defineKind({
  table: 'devices',
  zh: '设备',
  en: 'Devices',
  fields: {
    name: { output: z.string(), sql: 'text', zh: '名称', en: 'Name', search: true },
    code: { output: z.string(), sql: 'text', zh: '代码', en: 'Code' },
  },
  defaultSort: { field: 'name', dir: 'asc' },
});
