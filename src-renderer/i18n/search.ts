// Finding anything: the Ctrl+K search palette.
import { defineWords } from './words';

export default defineWords({
  search: {
    open: { zh: '搜索', en: 'Search' },
    openTitle: {
      zh: '查找企业、走访、需求、专家、单位 (Ctrl+K)',
      en: 'Find enterprises, visits, demands, experts, units (Ctrl+K)',
    },
    title: { zh: '查找', en: 'Find' },
    placeholder: {
      zh: '企业名称、拼音首字母、信用代码、联系人、走访编号、需求标题…',
      en: 'Enterprise name, pinyin initials, credit code, contact, visit number, demand title…',
    },
    hint: { zh: '↑↓ 选择 · Enter 打开 · Esc 关闭', en: '↑↓ choose · Enter open · Esc close' },
    searching: { zh: '正在查找…', en: 'Searching…' },
    none: { zh: '没有找到“{{q}}”', en: 'Nothing found for “{{q}}”' },
    more: {
      zh: '仅列出前 {{shown}} 条，更多请在列表中搜索',
      en: 'first {{shown}} shown: search the list for more',
    },
    failed: { zh: '查找失败', en: 'Search failed' },
  },
});
