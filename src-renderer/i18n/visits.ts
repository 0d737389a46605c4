// Visits (走访记录): the list and the visit form.
import { defineWords } from './words';

export default defineWords({
  visit: {
    new: { zh: '记一次走访', en: 'Log a visit' },
    edit: { zh: '走访记录 {{no}}', en: 'Visit {{no}}' },
    empty: {
      zh: '还没有走访记录。点击“记一次走访”开始。',
      en: 'No visits yet. Click “Log a visit” to start.',
    },
    visitNo: { zh: '走访编号', en: 'Visit no.' },
    enterprise: { zh: '走访企业', en: 'Enterprise' },
    enterprisePlaceholder: {
      zh: '输入企业名称、信用代码或镇街，回车选中',
      en: 'Type a name, USCC or town; Enter picks',
    },
    date: { zh: '走访日期', en: 'Date' },
    mode: { zh: '走访方式', en: 'Mode' },
    lead: { zh: '牵头人', en: 'Lead' },
    participants: { zh: '同行人员', en: 'Colleagues' },
    participantsHint: {
      zh: '输入姓名筛选，回车选中；退格键移除最后一位',
      en: 'Type a name, Enter adds; Backspace removes the last',
    },
    peopleMet: { zh: '接待人员', en: 'People met' },
    peopleMetPlaceholder: {
      zh: '如：张总（总经理）、李工（技术负责人）',
      en: 'e.g. Mr Zhang (general manager), Ms Li (CTO)',
    },
    summary: { zh: '走访情况', en: 'Summary' },
    summaryPlaceholder: { zh: '企业经营情况、交流内容', en: 'How the business is doing, what was discussed' },
    policies: { zh: '宣讲政策', en: 'Policies explained' },
    outcome: { zh: '走访成效', en: 'Outcome' },
    solvedOnSite: { zh: '现场解决', en: 'Solved on site' },
    enterpriseConfirmed: { zh: '企业已确认', en: 'Confirmed by the enterprise' },
    status: { zh: '状态', en: 'Status' },
    demandCount: { zh: '需求数', en: 'Demands' },
    demands: { zh: '本次收集的企业需求', en: 'Demands raised in this visit' },
    demandN: { zh: '需求 {{n}}', en: 'Demand {{n}}' },
    addDemand: { zh: '添加需求', en: 'Add a demand' },
    noDemandsHint: {
      zh: '企业提出的诉求可在此直接登记，保存走访时一并建立需求台账。',
      en: 'Enter what the enterprise asked for here: the demands are created with the visit.',
    },
    saveDraft: { zh: '存为草稿', en: 'Save as draft' },
    saved: { zh: '走访已保存 {{no}}', en: 'Visit saved {{no}}' },
    draftKept: {
      zh: '未保存的走访已作为草稿保留，下次打开时恢复。',
      en: 'The unsaved visit is kept as a draft and comes back next time.',
    },
    dateImplausible: {
      zh: '走访日期 {{date}} 早于 2000 年或晚于明年，请确认是否输入有误。',
      en: 'The visit date {{date}} is before 2000 or after next year: is it a typo?',
    },
    draftRestored: { zh: '已恢复上次未保存的走访草稿。', en: 'Your unsaved visit was restored.' },
    discardDraft: { zh: '丢弃草稿', en: 'Discard draft' },
    liaisonIs: { zh: '包联人 {{name}}', en: 'liaison {{name}}' },
    lastVisit: { zh: '上次走访 {{date}}', en: 'last visit {{date}}' },
    openDemands: { zh: '未办结需求 {{count}} 件', en: '{{count}} open demands', en_one: '1 open demand' },
    recorded: { zh: '编号 {{no}}，录入于 {{date}}。', en: 'No. {{no}}, entered on {{date}}.' },
    confirmDelete: {
      zh: '确定删除这次走访吗？已登记的需求不会被删除。',
      en: 'Delete this visit? Its demands are kept.',
    },
  },
});
