// The home screen (首页 · 我的待办).
import { defineWords } from './words';

export default defineWords({
  today: {
    hello: { zh: '{{name}}，您好', en: 'Hello, {{name}}' },
    myTasks: { zh: '我的待办', en: 'My tasks' },
    unitReplies: { zh: '承办单位有新反馈（{{count}}）', en: 'Units replied ({{count}})' },
    extensionRequests: {
      zh: '待审批的延期申请（{{count}}）',
      en: 'Extension requests to decide ({{count}})',
    },
    extensionTo: { zh: '{{from}} 延至 {{to}}', en: '{{from}} to {{to}}' },
    noMe: {
      zh: '设置“本人”后，这里会列出您今天到期和已超期的事项。',
      en: 'Once you choose who you are in Settings, what is due today or late for you appears here.',
    },
    nothingDue: { zh: '今天没有到期或超期的事项。', en: 'Nothing due today or late.' },
    demandsDue: { zh: '到期或超期的需求（{{count}}）', en: 'Demands due or overdue ({{count}})' },
    assignedToday: { zh: '今天交给我的需求（{{count}}）', en: 'Demands handed to me today ({{count}})' },
    followupsDue: { zh: '到期或逾期的回访（{{count}}）', en: 'Follow-ups due or late ({{count}})' },
    late: { zh: '逾期', en: 'late' },
    figures: { zh: '本季度关键数据（{{quarter}}）', en: 'This quarter ({{quarter}})' },
    forMe: { zh: '我', en: 'Me' },
    forBureau: { zh: '全局', en: 'Bureau' },
    figuresHint: {
      zh: '按列表条数简单统计；完整的季度走访工作总结见“统计报表”。',
      en: 'Simple counts from the lists; the full quarterly summary is under Reports.',
    },
    fig_visits: { zh: '走访家次', en: 'Visits' },
    fig_openDemands: { zh: '未办结需求', en: 'Open demands' },
    fig_overdueDemands: { zh: '超期需求', en: 'Overdue demands' },
    fig_closedDemands: { zh: '本季办结', en: 'Closed this quarter' },
    fig_followupsDone: { zh: '本季回访', en: 'Follow-ups done' },
    fig_newDemands: { zh: '新增需求', en: 'New demands' },
    fig_clinics: { zh: '专家会诊', en: 'Expert clinics' },
  },
});
