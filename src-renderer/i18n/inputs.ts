// Words of the shared input controls: the typed date field and the people picker.
import { defineWords } from './words';

export default defineWords({
  dateInput: {
    means: { zh: '即 {{date}}', en: '= {{date}}' },
    impossible: { zh: '没有这一天：{{text}}', en: 'No such date: {{text}}' },
    format: {
      zh: '无法识别的日期“{{text}}”：请输入如 2026-03-05、2026-3-5、20260305 或 3.5（本年）',
      en: 'Not a date: “{{text}}”. Type it as 2026-03-05, 2026-3-5, 20260305 or 3.5 (this year)',
    },
    calendar: { zh: '从日历中选择', en: 'Pick from a calendar' },
  },
  people: {
    placeholder: { zh: '输入姓名筛选', en: 'Type a name' },
    remove: { zh: '移除 {{name}}', en: 'Remove {{name}}' },
  },
});
