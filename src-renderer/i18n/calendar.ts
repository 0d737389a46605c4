// 工作日历: the bureau's name and time limits, and the holiday calendar.
import { defineWords } from './words';

export default defineWords({
  calendar: {
    limits: { zh: '单位名称与办理时限', en: 'Name and time limits' },
    limitsHint: {
      zh: '单位名称用于报表和导出的标题。时限的修改只影响此后受理的需求；阶段性答复始终按工作日计算。',
      en: 'The name titles reports and exports. A change of limits applies to demands received afterwards; a first reply always counts working days.',
    },
    orgName: { zh: '单位名称', en: 'Organisation name' },
    unit: { zh: '办结时限计算方式', en: 'Count due dates in' },
    ordinary: { zh: '一般需求办结时限（天）', en: 'Ordinary demand (days)' },
    complex: { zh: '复杂需求办结时限（天）', en: 'Complex demand (days)' },
    firstReply: { zh: '阶段性答复时限（工作日）', en: 'First reply (working days)' },
    settingsSaved: { zh: '已保存单位设置', en: 'Settings saved' },
    towns: { zh: '镇街列表', en: 'Towns' },
    townsHint: {
      zh: '每行一个。录入或导入的镇街不在列表中时会提示，以免同一镇街因写法不同在报表中分成几行。',
      en: 'One a line. A town typed or imported that is not listed gets a warning, so spelling variants do not split the reports.',
    },
    townsSaved: { zh: '已保存镇街列表', en: 'Towns saved' },
    industries: { zh: '自定义行业', en: 'Custom industries' },
    industriesHint: {
      zh: '每行一个。国民经济行业分类（GB/T 4754-2017）的门类和大类已内置；录入或导入的行业两者都不在时会提示。',
      en: 'One a line. The GB/T 4754-2017 sections and divisions are built in; an industry typed or imported that is in neither gets a warning.',
    },
    industriesSaved: { zh: '已保存自定义行业', en: 'Custom industries saved' },
    year: { zh: '{{year}} 年节假日安排', en: 'Holidays of {{year}}' },
    prevYear: { zh: '上一年', en: 'Previous year' },
    nextYear: { zh: '下一年', en: 'Next year' },
    month: { zh: '{{month}} 月', en: 'Month {{month}}' },
    weekdays: { zh: '一,二,三,四,五,六,日', en: 'Mo,Tu,We,Th,Fr,Sa,Su' },
    off: { zh: '休', en: 'Off' },
    on: { zh: '班', en: 'Work' },
    holidays: { zh: '放假 {{count}} 天', en: '{{count}} holidays' },
    workdays: { zh: '调休上班 {{count}} 天', en: '{{count}} worked weekend days' },
    toggleHint: {
      zh: '点击工作日标为放假，点击周末标为调休上班，再点一次恢复。',
      en: 'Click a weekday to mark it a holiday, a weekend day to mark it worked; click again to undo.',
    },
    notice: { zh: '粘贴国务院办公厅节假日安排通知', en: "Paste the State Council's holiday notice" },
    noticeHint: {
      zh: '例如：“1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。”也可每行一个日期。',
      en: 'E.g. “1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。”, or one date a line.',
    },
    readNotice: { zh: '识别并标记', en: 'Read and mark' },
    read: {
      zh: '已识别放假 {{holidays}} 天、调休上班 {{workdays}} 天，请核对后保存。',
      en: 'Read {{holidays}} holidays and {{workdays}} worked days: check them, then save.',
    },
    otherYears: {
      zh: '另有 {{count}} 个日期不在本年，已忽略。',
      en: '{{count}} dates of other years were left out.',
    },
    saveYear: { zh: '保存 {{year}} 年安排', en: 'Save {{year}}' },
    yearSaved: { zh: '已保存 {{year}} 年节假日安排', en: 'Holidays of {{year}} saved' },
    supervisorsOnly: { zh: '仅督办负责人可以修改', en: 'Supervisors only' },
  },
});
