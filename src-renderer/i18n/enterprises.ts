// Enterprises (企业库): the list, the form, the detail page and its timeline.
import { defineWords } from './words';

export default defineWords({
  towns: {
    notListed: { zh: '不在镇街列表中', en: 'Not in the list of towns' },
    add: { zh: '加入列表', en: 'Add to the list' },
    askSupervisor: { zh: '（可请主管加入列表）', en: '(a supervisor can add it)' },
  },
  industries: {
    placeholder: {
      zh: '代码、名称或拼音首字母，如 C39、电子、jsj',
      en: 'Code, name or pinyin initials: C39, 电子, jsj',
    },
    notListed: { zh: '不在行业分类中', en: 'Not in the list of industries' },
    add: { zh: '加入自定义行业', en: 'Add to the custom industries' },
    askSupervisor: { zh: '（可请主管加入列表）', en: '(a supervisor can add it)' },
    custom: { zh: '自定义行业', en: 'Custom industry' },
  },
  enterprise: {
    new: { zh: '新增企业', en: 'New enterprise' },
    edit: { zh: '编辑企业', en: 'Edit enterprise' },
    empty: {
      zh: '企业库是空的。点击“新增企业”录入第一家企业。',
      en: 'No enterprises yet. Click “New enterprise” to add the first.',
    },
    uscc: { zh: '统一社会信用代码', en: 'USCC' },
    usccHint: {
      zh: '18 位，保存前会自动转为大写并去掉空格',
      en: '18 characters; upper-cased and stripped of spaces when saved',
    },
    usccLength: {
      zh: '信用代码应为 18 位，现在是 {{n}} 位。',
      en: 'A USCC has 18 characters, this one has {{n}}.',
    },
    usccChar: {
      zh: '信用代码含有不允许的字符（I、O、S、V、Z 和符号不会出现）。',
      en: 'The USCC has characters that never occur (I, O, S, V, Z, symbols).',
    },
    usccCheck: {
      zh: '信用代码校验位不对：末位是“{{got}}”，按 GB 32100 应为“{{want}}”。请核对证照。',
      en: 'The USCC check character is “{{got}}” but GB 32100 gives “{{want}}”. Please check the licence.',
    },
    name: { zh: '企业名称', en: 'Name' },
    formerNames: { zh: '曾用名', en: 'Former names' },
    formerNamesHint: {
      zh: '多个用“、”分隔；改名后旧名会自动保留',
      en: 'Separate with 、 or commas; a rename keeps the old name',
    },
    town: { zh: '镇街', en: 'Town' },
    address: { zh: '地址', en: 'Address' },
    industry: { zh: '行业', en: 'Industry' },
    industryHint: {
      zh: 'GB/T 4754-2017 门类或大类，如 C39；也可选自定义行业',
      en: 'A GB/T 4754-2017 section or division (C39), or a custom industry',
    },
    tiers: { zh: '企业资质', en: 'Tiers' },
    tier: { zh: '资质', en: 'Tier' },
    tierYear: { zh: '认定年份', en: 'Year' },
    tierExpires: { zh: '有效期至', en: 'Valid until' },
    addTier: { zh: '添加资质', en: 'Add a tier' },
    expires: { zh: '有效期至 {{date}}', en: 'valid until {{date}}' },
    liaison: { zh: '包联人', en: 'Liaison' },
    status: { zh: '经营状态', en: 'Status' },
    contacts: { zh: '联系人', en: 'Contacts' },
    addContact: { zh: '添加联系人', en: 'Add a contact' },
    noContacts: { zh: '尚未登记联系人。', en: 'No contacts yet.' },
    lastVisit: { zh: '最近走访', en: 'Last visit' },
    neverVisited: { zh: '尚未走访', en: 'never visited' },
    openDemands: { zh: '未办结需求', en: 'Open demands' },
    timeline: { zh: '服务记录', en: 'Timeline' },
    noTimeline: { zh: '还没有走访、需求或会诊记录。', en: 'No visits, demands or clinics yet.' },
    sameUscc: { zh: '该信用代码已登记为：', en: 'This USCC is already registered as:' },
    similarNames: {
      zh: '库中有名称相近的企业，请确认不是同一家：',
      en: 'Enterprises with similar names exist; make sure this is not one of them:',
    },
    similarHint: {
      zh: '确认不是同一家企业时，可以继续保存。',
      en: 'If it is a different enterprise, you can save.',
    },
    override: { zh: '保留此代码', en: 'Keep this code' },
    overrideLabel: {
      zh: '证照上的代码确实如此，仍按此保存',
      en: 'The licence really has this code: save it anyway',
    },
    overrideReason: { zh: '保留原因', en: 'Reason' },
    overrideReasonPlaceholder: {
      zh: '如：营业执照原件如此，已向市场监管部门核实',
      en: 'e.g. as printed on the original licence, checked with market regulation',
    },
  },
  contact: {
    name: { zh: '姓名', en: 'Name' },
    title: { zh: '职务', en: 'Position' },
    phone: { zh: '电话', en: 'Phone' },
  },
  timeline: {
    icon_visit: { zh: '访', en: 'V' },
    icon_demand: { zh: '需', en: 'D' },
    icon_demand_event: { zh: '办', en: 'P' },
    icon_clinic: { zh: '诊', en: 'C' },
    icon_followup: { zh: '回', en: 'F' },
    icon_activity: { zh: '活', en: 'A' },
    icon_outcome: { zh: '效', en: 'O' },
  },
});
