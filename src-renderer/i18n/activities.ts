// Service activities (服务活动) and outcomes (服务成效).
import { defineWords } from './words';

export default defineWords({
  activity: {
    new: { zh: '新增服务活动', en: 'New activity' },
    edit: { zh: '编辑服务活动', en: 'Edit activity' },
    empty: {
      zh: '还没有服务活动。政策宣讲、培训辅导、产学研对接等活动都可以登记在这里。',
      en: 'No activities yet. Record policy briefings, trainings, matchmaking events and the like here.',
    },
    addEnterprise: { zh: '添加参加企业…', en: 'Add an enterprise…' },
    addOrganizer: { zh: '添加组织人员…', en: 'Add an organiser…' },
    addExpert: { zh: '添加专家…', en: 'Add an expert…' },
    heldHint: {
      zh: '活动举办后，填写参加企业或参加人次（至少一项），才能计入统计报表。',
      en: 'A held activity needs its enterprises or its attendees to count in the reports.',
    },
  },
  outcome: {
    new: { zh: '新增服务成效', en: 'New outcome' },
    edit: { zh: '编辑服务成效', en: 'Edit outcome' },
    empty: {
      zh: '还没有服务成效。推荐申报高企、技术合同登记、兑现政策资金等成效都可以登记在这里。',
      en: 'No outcomes yet. Record high-tech applications, technology contracts, policy funds and the like here.',
    },
    demandHint: { zh: '选择该企业的需求（可不填）', en: "One of the enterprise's demands (optional)" },
    onDemand: { zh: '服务成效', en: 'Outcomes' },
    addForDemand: { zh: '登记成效', en: 'Record an outcome' },
    none: { zh: '暂无成效', en: 'No outcome yet' },
  },
});
