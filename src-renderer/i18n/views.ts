// Named views of a grid: the built-in ones, the user's own, and the selector's words.
import { defineWords } from './words';

export default defineWords({
  views: {
    label: { zh: '视图', en: 'View' },
    all: { zh: '全部记录', en: 'All records' },
    builtins: { zh: '内置视图', en: 'Built-in views' },
    saved: { zh: '已存视图', en: 'Saved views' },
    builtin: {
      mine: { zh: '我的', en: 'Mine' },
      quarter: { zh: '本季', en: 'This quarter' },
      overdue: { zh: '超期', en: 'Overdue' },
      supervised: { zh: '督办', en: 'Supervised' },
      open: { zh: '未办结', en: 'Open' },
      dueSoon: { zh: '即将超期', en: 'Due soon' },
      firstReplyLate: { zh: '答复超期', en: 'First reply late' },
      todo: { zh: '待回访', en: 'To do' },
    },
    builtinTitle: {
      mine: {
        zh: '我负责（承办中、带队、回访、包联）的记录',
        en: 'Records I am responsible for (demands: open ones I handle)',
      },
      quarter: { zh: '主要日期在本季度内的记录', en: 'Records whose main date is in this quarter' },
      overdue: {
        zh: '未办结且已过期限（与督办看板同一口径）',
        en: 'Open and past the deadline (as the board counts)',
      },
      supervised: {
        zh: '督办中的未办结需求（与督办看板同一口径）',
        en: 'Open demands under supervision (as the board counts)',
      },
      open: { zh: '尚未办结或销号的需求', en: 'Demands not yet closed or ended' },
      dueSoon: {
        zh: '未办结且 3 天内到期（与督办看板同一口径）',
        en: 'Open and due within 3 days (as the board counts)',
      },
      firstReplyLate: {
        zh: '首次答复晚于时限，或过了时限仍未答复（与督办看板同一口径）',
        en: 'First reply given late, or still missing past its date (as the board counts)',
      },
      todo: { zh: '尚未完成的回访', en: 'Follow-ups not yet done' },
    },
    modified: { zh: '已修改', en: 'modified' },
    modifiedTitle: {
      zh: '筛选、搜索或排序已与视图不同',
      en: 'The filters, search or sort differ from the view',
    },
    saveAs: { zh: '存为视图', en: 'Save as view' },
    update: { zh: '更新视图', en: 'Update view' },
    rename: { zh: '重命名视图', en: 'Rename view' },
    remove: { zh: '删除视图', en: 'Delete view' },
    name: { zh: '视图名称', en: 'View name' },
    save: { zh: '保存', en: 'Save' },
    cancel: { zh: '取消', en: 'Cancel' },
    problem: {
      empty: { zh: '请填写视图名称', en: 'Enter a name for the view' },
      taken: { zh: '已有名为“{{name}}”的视图', en: 'A view named “{{name}}” exists already' },
      long: { zh: '视图名称最多 40 个字', en: 'A view name has at most 40 characters' },
    },
  },
});
