// Units (承办单位): the departments and towns demands are handed to.
import { defineWords } from './words';

export default defineWords({
  unit: {
    new: { zh: '新增承办单位', en: 'New unit' },
    edit: { zh: '编辑承办单位', en: 'Edit unit' },
    empty: {
      zh: '还没有承办单位。添加区直部门、镇街等，需求即可交办给它们。',
      en: 'No units yet. Add the departments and towns that demands are handed to.',
    },
    activeLabel: { zh: '启用（可被选为主办、协办单位）', en: 'Active (can lead or co-handle demands)' },
    lead: { zh: '主办单位', en: 'Lead unit' },
    co: { zh: '协办单位', en: 'Co-handling units' },
    none: { zh: '（未指定）', en: '(none)' },
    reply: { zh: '单位答复', en: 'Unit reply' },
    replyAction: { zh: '承办单位反馈', en: "Record a unit's reply" },
    replyUnit: { zh: '承办单位', en: 'Unit' },
    replyNote: { zh: '反馈内容', en: 'What the unit reported' },
    byUnit: { zh: '承办单位统计（按主办单位）', en: 'By lead unit' },
    noUnit: { zh: '未交办单位', en: 'No lead unit' },
    showUnit: {
      zh: '只看 {{name}} 主办或协办的需求',
      en: 'Show only the demands {{name}} leads or co-handles',
    },
    filtered: { zh: '仅显示：{{name}}（主办或协办）', en: 'Showing: {{name}} (lead or co unit)' },
    showAll: { zh: '显示全部', en: 'Show all' },
  },
});
