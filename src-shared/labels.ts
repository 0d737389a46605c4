// Every enumeration's words in both languages: the one source for the screens, the files the
// core writes (Excel, Word, ledger exports) and the words the ledger importer reads back.
import { ENUM_GROUPS } from './domain/enums';
import { SLA_UNITS } from './domain/workflow';

/** The groups with words: the domain's enumerations, and a few the screens add. */
export const LABEL_GROUPS = {
  ...ENUM_GROUPS,
  timelineType: ['visit', 'demand', 'clinic', 'followup', 'demand_event', 'activity', 'outcome'],
  followupState: ['planned', 'done'],
  slaUnit: SLA_UNITS,
} as const;
export type LabelGroup = keyof typeof LABEL_GROUPS;
export type LabelValue<G extends LabelGroup> = (typeof LABEL_GROUPS)[G][number];

/** A value's words. `zhShort`: the shorter word tables and files use where the screen says more. */
export interface Words {
  zh: string;
  en: string;
  zhShort?: string;
}

export const ENUM_LABELS = {
  role: {
    staff: { zh: '工作人员', en: 'Staff' },
    supervisor: { zh: '督办负责人', en: 'Supervisor' },
  },
  position: {
    leader: { zh: '局领导', en: 'Bureau leader' },
    section_head: { zh: '科室负责人', en: 'Section head' },
    staff: { zh: '工作人员', en: 'Staff' },
    commissioner: { zh: '科技特派员', en: 'Science commissioner' },
    liaison: { zh: '联络员', en: 'Liaison officer' },
  },
  unitKind: {
    bureau_section: { zh: '局内科室', en: 'Bureau section' },
    department: { zh: '区直部门', en: 'District department' },
    town: { zh: '镇街', en: 'Town' },
    platform: { zh: '服务站/平台', en: 'Service station / platform' },
    other: { zh: '其他', en: 'Other' },
  },
  enterpriseStatus: {
    normal: { zh: '正常', en: 'Normal' },
    unreachable: { zh: '失联', en: 'Unreachable' },
    dormant: { zh: '僵尸企业', en: 'Dormant' },
  },
  tier: {
    tech_sme: { zh: '科技型中小企业', en: 'Tech-based SME' },
    high_tech: { zh: '高新技术企业', en: 'High-tech enterprise' },
    innovative_sme: { zh: '创新型中小企业', en: 'Innovative SME' },
    specialized: { zh: '专精特新', en: 'Specialized & sophisticated' },
    little_giant: { zh: '专精特新“小巨人”', en: '“Little giant”' },
    above_scale: { zh: '规上企业', en: 'Above designated size' },
    listed: { zh: '上市企业', en: 'Listed company' },
  },
  visitMode: {
    onsite: { zh: '实地走访', en: 'On site', zhShort: '实地' },
    phone: { zh: '电话', en: 'Phone' },
    meeting: { zh: '座谈', en: 'Meeting' },
    online: { zh: '线上', en: 'Online' },
  },
  visitStatus: {
    draft: { zh: '草稿', en: 'Draft' },
    submitted: { zh: '已提交', en: 'Submitted' },
    reviewed: { zh: '已审核', en: 'Reviewed' },
  },
  demandSource: {
    visit: { zh: '走访', en: 'Visit' },
    clinic: { zh: '专家会诊', en: 'Expert clinic' },
    activity: { zh: '服务活动', en: 'Service activity' },
    hotline: { zh: '热线', en: 'Hotline' },
    self_reported: { zh: '企业自报', en: 'Self-reported' },
    other: { zh: '其他', en: 'Other' },
  },
  demandCategory: {
    tech: { zh: '技术攻关', en: 'Technology' },
    talent: { zh: '人才', en: 'Talent' },
    finance: { zh: '融资', en: 'Finance' },
    ip: { zh: '知识产权', en: 'Intellectual property' },
    policy: { zh: '政策', en: 'Policy' },
    high_tech_cert: { zh: '高企认定', en: 'High-tech certification' },
    rnd: { zh: '研发投入', en: 'R&D investment' },
    tech_transfer: { zh: '成果转化', en: 'Technology transfer' },
    platform: { zh: '平台建设', en: 'Platforms' },
    other: { zh: '其他', en: 'Other' },
  },
  demandLevel: {
    district: { zh: '区级', en: 'District' },
    city: { zh: '市级', en: 'City' },
    province: { zh: '省级', en: 'Province' },
  },
  demandStatus: {
    pending: { zh: '待受理', en: 'Pending' },
    assigned: { zh: '已交办', en: 'Assigned' },
    in_progress: { zh: '办理中', en: 'In progress' },
    on_hold: { zh: '挂起', en: 'On hold' },
    answered: { zh: '已反馈', en: 'Answered' },
    closed: { zh: '已办结', en: 'Closed' },
    rejected: { zh: '不予受理', en: 'Rejected' },
  },
  closureType: {
    substantive: { zh: '实质解决', en: 'Substantively solved' },
    partial: { zh: '部分解决', en: 'Partly solved' },
    explained: { zh: '解释说明', en: 'Explained' },
  },
  clinicStatus: {
    planned: { zh: '计划中', en: 'Planned' },
    held: { zh: '已举办', en: 'Held' },
    written_up: { zh: '已成文', en: 'Written up' },
    closed: { zh: '已结束', en: 'Closed' },
  },
  activityType: {
    policy_briefing: { zh: '政策宣讲', en: 'Policy briefing' },
    training: { zh: '培训辅导', en: 'Training' },
    matchmaking: { zh: '产学研对接', en: 'Industry–research matchmaking' },
    salon: { zh: '科技沙龙', en: 'Tech salon' },
    popular_science: { zh: '科普活动', en: 'Popular science' },
    signing: { zh: '签约仪式', en: 'Signing ceremony' },
    other: { zh: '其他', en: 'Other' },
  },
  activityStatus: {
    planned: { zh: '计划中', en: 'Planned' },
    held: { zh: '已举办', en: 'Held' },
    cancelled: { zh: '已取消', en: 'Cancelled' },
  },
  outcomeType: {
    high_tech_application: { zh: '推荐申报高企', en: 'High-tech application' },
    project_application: { zh: '推荐申报科研项目', en: 'Research project application' },
    talent_application: { zh: '推荐申报人才工程', en: 'Talent programme application' },
    tech_contract: { zh: '技术合同登记', en: 'Technology contract registered' },
    policy_funds: { zh: '兑现政策资金', en: 'Policy funds paid' },
    financing: { zh: '融资到位', en: 'Financing obtained' },
    ip_pledge: { zh: '知识产权质押', en: 'IP pledge financing' },
    achievement_transfer: { zh: '成果转化', en: 'Achievement transfer' },
    other: { zh: '其他', en: 'Other' },
  },
  outcomeStatus: {
    applied: { zh: '已申报', en: 'Applied' },
    approved: { zh: '已获批', en: 'Approved' },
    rejected: { zh: '未获批', en: 'Rejected' },
    done: { zh: '已完成', en: 'Done' },
  },
  followupParent: {
    demand: { zh: '需求', en: 'Demand' },
    visit: { zh: '走访', en: 'Visit' },
    clinic: { zh: '会诊', en: 'Clinic' },
  },
  followupChannel: {
    onsite: { zh: '实地', en: 'On site' },
    phone: { zh: '电话', en: 'Phone' },
    online: { zh: '线上', en: 'Online' },
  },
  satisfaction: {
    satisfied: { zh: '满意', en: 'Satisfied' },
    mostly_satisfied: { zh: '基本满意', en: 'Mostly satisfied' },
    dissatisfied: { zh: '不满意', en: 'Dissatisfied' },
  },
  supervisionLevel: {
    bureau: { zh: '督办', en: 'Supervised' },
    district: { zh: '挂牌督办', en: 'Supervised by the district' },
  },
  slaUnit: {
    calendar: { zh: '自然日', en: 'Calendar days' },
    workday: { zh: '工作日', en: 'Working days' },
  },
  industry: {
    A: { zh: '农、林、牧、渔业', en: 'Agriculture, forestry, animal husbandry, fishery' },
    B: { zh: '采矿业', en: 'Mining' },
    C: { zh: '制造业', en: 'Manufacturing' },
    D: { zh: '电力、热力、燃气及水生产和供应业', en: 'Electricity, heat, gas and water' },
    E: { zh: '建筑业', en: 'Construction' },
    F: { zh: '批发和零售业', en: 'Wholesale and retail' },
    G: { zh: '交通运输、仓储和邮政业', en: 'Transport, storage and post' },
    H: { zh: '住宿和餐饮业', en: 'Accommodation and catering' },
    I: { zh: '信息传输、软件和信息技术服务业', en: 'Information, software and IT services' },
    J: { zh: '金融业', en: 'Finance' },
    K: { zh: '房地产业', en: 'Real estate' },
    L: { zh: '租赁和商务服务业', en: 'Leasing and business services' },
    M: { zh: '科学研究和技术服务业', en: 'Scientific research and technical services' },
    N: { zh: '水利、环境和公共设施管理业', en: 'Water, environment and public facilities' },
    O: { zh: '居民服务、修理和其他服务业', en: 'Resident, repair and other services' },
    P: { zh: '教育', en: 'Education' },
    Q: { zh: '卫生和社会工作', en: 'Health and social work' },
    R: { zh: '文化、体育和娱乐业', en: 'Culture, sports and entertainment' },
    S: { zh: '公共管理、社会保障和社会组织', en: 'Public administration and social organisations' },
    T: { zh: '国际组织', en: 'International organisations' },
  },
  timelineType: {
    visit: { zh: '走访', en: 'Visit' },
    demand: { zh: '需求', en: 'Demand' },
    clinic: { zh: '会诊', en: 'Clinic' },
    followup: { zh: '回访', en: 'Follow-up' },
    demand_event: { zh: '需求进展', en: 'Demand progress' },
    activity: { zh: '服务活动', en: 'Activity' },
    outcome: { zh: '服务成效', en: 'Outcome' },
  },
  followupState: {
    planned: { zh: '待回访', en: 'Planned' },
    done: { zh: '已回访', en: 'Done' },
  },
} as const satisfies { [G in LabelGroup]: Record<LabelValue<G>, Words> };

export type Lang = 'zh' | 'en';

/** The words of a value, or null for a value the group does not have. */
export function wordsOf(group: LabelGroup, value: string): Words | null {
  return (ENUM_LABELS[group] as Record<string, Words>)[value] ?? null;
}

/** value → word in one language, for every value of a group (the screens' labels). */
export function labelsOf(group: LabelGroup, lang: Lang): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [v, w] of Object.entries(ENUM_LABELS[group] as Record<string, Words>)) out[v] = w[lang];
  return out;
}

/** value → the Chinese word files are written with (the short form where there is one). */
export function fileLabelsOf(group: LabelGroup): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [v, w] of Object.entries(ENUM_LABELS[group] as Record<string, Words>))
    out[v] = w.zhShort ?? w.zh;
  return out;
}

/** Every group's labels in one language, keyed like the screens' `enum.<group>.<value>`. */
export function allLabels(lang: Lang): { [G in LabelGroup]: Record<LabelValue<G>, string> } {
  const out: Record<string, Record<string, string>> = {};
  for (const g of Object.keys(LABEL_GROUPS) as LabelGroup[]) out[g] = labelsOf(g, lang);
  return out as { [G in LabelGroup]: Record<LabelValue<G>, string> };
}
