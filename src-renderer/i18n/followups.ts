// Follow-ups (跟踪回访).
import { defineWords } from './words';

export default defineWords({
  followup: {
    new: { zh: '新增回访', en: 'New follow-up' },
    add: { zh: '添加回访', en: 'Add a follow-up' },
    edit: { zh: '回访记录', en: 'Follow-up' },
    empty: { zh: '还没有回访记录。', en: 'No follow-ups yet.' },
    none: { zh: '尚无回访。', en: 'No follow-ups yet.' },
    parentType: { zh: '回访对象', en: 'Follow-up of' },
    parent: { zh: '回访事项', en: 'Subject' },
    enterprise: { zh: '企业', en: 'Enterprise' },
    owner: { zh: '回访人', en: 'Owner' },
    dueDate: { zh: '计划回访日期', en: 'Due' },
    doneAt: { zh: '回访日期', en: 'Done on' },
    doneAtHint: { zh: '回访完成后填写', en: 'Fill in once done' },
    channel: { zh: '回访方式', en: 'Channel' },
    content: { zh: '回访内容', en: 'Content' },
    result: { zh: '回访结果', en: 'Result' },
    satisfaction: { zh: '满意度', en: 'Satisfaction' },
    dissatisfiedHint: {
      zh: '对已反馈或已办结的需求回访“不满意”，需求将退回办理中。',
      en: '“Dissatisfied” on an answered or closed demand sends it back to In progress.',
    },
    nextDate: { zh: '下次回访日期', en: 'Next follow-up' },
    done: { zh: '已回访', en: 'done' },
    planned: { zh: '待回访', en: 'planned' },
  },
});
