// Expert clinics (专家会诊).
import { defineWords } from './words';

export default defineWords({
  clinic: {
    plannedHint: {
      zh: '“计划中”的会诊不计入报表的会诊成果；会诊举办后请改为“已举办”。',
      en: 'A planned clinic is left out of the report’s clinic outcomes: set it to Held once it took place.',
    },
    new: { zh: '新增会诊', en: 'New clinic' },
    edit: { zh: '编辑会诊', en: 'Edit clinic' },
    empty: { zh: '还没有专家会诊记录。', en: 'No expert clinics yet.' },
    date: { zh: '会诊日期', en: 'Date' },
    topic: { zh: '主题', en: 'Topic' },
    place: { zh: '地点', en: 'Place' },
    field: { zh: '领域', en: 'Field' },
    status: { zh: '状态', en: 'Status' },
    experts: { zh: '参加专家', en: 'Experts' },
    addExpert: { zh: '输入专家姓名或单位添加', en: 'Type an expert’s name or organisation to add' },
    enterprises: { zh: '诊断企业', en: 'Enterprises diagnosed' },
    enterprise: { zh: '企业', en: 'Enterprise' },
    enterpriseN: { zh: '企业 {{n}}', en: 'Enterprise {{n}}' },
    addEnterprise: { zh: '添加诊断企业', en: 'Add an enterprise' },
    problems: { zh: '存在问题', en: 'Problems' },
    advice: { zh: '专家建议', en: 'Advice' },
    expertCount: { zh: '专家数', en: 'Experts' },
    enterpriseCount: { zh: '企业数', en: 'Enterprises' },
    cooperationIntentions: { zh: '合作意向', en: 'Cooperation intentions' },
    signedProjects: { zh: '签约项目', en: 'Signed projects' },
    demandsHint: {
      zh: '会诊中发现的需求请登记为需求（来源：专家会诊）。',
      en: 'Enter demands found in the clinic as demands (source: expert clinic).',
    },
  },
});
