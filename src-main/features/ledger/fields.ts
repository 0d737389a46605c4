// The fields a ledger row can fill, and which of them each kind of import reads.
// Pure data: the import wizard may show these labels and requirements as they are.
import type { EnumGroup } from './labels';
import type { ImportKind } from '@shared/ledger/types';

export type FieldType =
  | { t: 'text'; max: number }
  | { t: 'uscc' }
  | { t: 'date' }
  | { t: 'instant' }
  | { t: 'bool' }
  | { t: 'phone' }
  | { t: 'staff' }
  | { t: 'staffList' }
  | { t: 'nameList' }
  | { t: 'tiers' }
  | { t: 'industry' }
  | { t: 'demands' }
  | { t: 'enum'; group: EnumGroup }
  | { t: 'enumList'; group: EnumGroup };

const text = (max: number): FieldType => ({ t: 'text', max });
const oneOf = (group: EnumGroup): FieldType => ({ t: 'enum', group });

export const FIELDS = {
  // the enterprise a row is about (and what creates it when it is missing)
  uscc: { label: '统一社会信用代码', en: 'USCC', type: { t: 'uscc' } },
  enterpriseName: { label: '企业名称', en: 'Enterprise name', type: text(200) },
  formerNames: { label: '曾用名', en: 'Former names', type: { t: 'nameList' } },
  town: { label: '镇街', en: 'Town', type: text(100) },
  address: { label: '地址', en: 'Address', type: text(300) },
  industry: { label: '行业', en: 'Industry', type: { t: 'industry' } },
  tiers: { label: '企业资质', en: 'Tiers', type: { t: 'tiers' } },
  liaison: { label: '包联人', en: 'Liaison', type: { t: 'staff' } },
  contactName: { label: '联系人', en: 'Contact', type: text(200) },
  contactTitle: { label: '联系人职务', en: "Contact's title", type: text(100) },
  contactPhone: { label: '联系电话', en: 'Contact phone', type: { t: 'phone' } },
  enterpriseStatus: { label: '企业状态', en: 'Enterprise status', type: oneOf('enterpriseStatus') },
  // visits
  visitDate: { label: '走访日期', en: 'Visit date', type: { t: 'date' } },
  mode: { label: '走访方式', en: 'Visit mode', type: oneOf('visitMode') },
  leadStaff: { label: '走访人', en: 'Lead staff', type: { t: 'staffList' } },
  staff: { label: '同行人员', en: 'Other staff', type: { t: 'staffList' } },
  peopleMet: { label: '接待人员', en: 'People met', type: text(500) },
  summary: { label: '走访情况', en: 'Summary', type: text(10_000) },
  policiesExplained: { label: '宣讲政策', en: 'Policies explained', type: text(4000) },
  solvedOnSite: { label: '现场解决', en: 'Solved on site', type: { t: 'bool' } },
  enterpriseConfirmed: { label: '企业确认', en: 'Confirmed by the enterprise', type: { t: 'bool' } },
  visitStatus: { label: '记录状态', en: 'Record status', type: oneOf('visitStatus') },
  demandsText: { label: '企业需求', en: 'Demands', type: { t: 'demands' } },
  remark: { label: '备注', en: 'Remark', type: text(4000) },
  // demands
  demandTitle: { label: '需求标题', en: 'Demand title', type: text(4000) },
  description: { label: '需求描述', en: 'Description', type: text(4000) },
  categories: { label: '需求类别', en: 'Categories', type: { t: 'enumList', group: 'demandCategory' } },
  level: { label: '需求层级', en: 'Level', type: oneOf('demandLevel') },
  assignee: { label: '承办人', en: 'Assignee', type: { t: 'staff' } },
  responsibleUnit: { label: '承办单位', en: 'Responsible unit', type: text(200) },
  receivedAt: { label: '受理时间', en: 'Received at', type: { t: 'instant' } },
  dueDate: { label: '办理期限', en: 'Due date', type: { t: 'date' } },
  complex: { label: '复杂需求', en: 'Complex', type: { t: 'bool' } },
  source: { label: '需求来源', en: 'Source', type: oneOf('demandSource') },
  demandStatus: { label: '办理状态', en: 'Status', type: oneOf('demandStatus') },
  assignedAt: { label: '交办时间', en: 'Assigned at', type: { t: 'instant' } },
  answeredAt: { label: '反馈时间', en: 'Answered at', type: { t: 'instant' } },
  closedAt: { label: '办结时间', en: 'Closed at', type: { t: 'instant' } },
  closureType: { label: '办结方式', en: 'Closure type', type: oneOf('closureType') },
  resolution: { label: '办理结果', en: 'Resolution', type: text(4000) },
  // follow-ups
  parentType: { label: '回访对象', en: 'Follow-up of', type: oneOf('followupParent') },
  owner: { label: '回访人', en: 'Owner', type: { t: 'staff' } },
  doneAt: { label: '回访日期', en: 'Done on', type: { t: 'instant' } },
  followupDueDate: { label: '计划回访日期', en: 'Planned date', type: { t: 'date' } },
  channel: { label: '回访方式', en: 'Channel', type: oneOf('followupChannel') },
  content: { label: '回访内容', en: 'Content', type: text(4000) },
  result: { label: '回访结果', en: 'Result', type: text(4000) },
  satisfaction: { label: '满意度', en: 'Satisfaction', type: oneOf('satisfaction') },
  nextFollowupDate: { label: '下次回访日期', en: 'Next follow-up', type: { t: 'date' } },
} as const satisfies Record<string, { label: string; en: string; type: FieldType }>;

export type FieldKey = keyof typeof FIELDS;
export const FIELD_KEYS = Object.keys(FIELDS) as FieldKey[];
export const isFieldKey = (k: string): k is FieldKey => Object.hasOwn(FIELDS, k);

/** Enterprise fields a visit or demand row may carry: used when the enterprise has to be created. */
const ENTERPRISE_REF: FieldKey[] = [
  'uscc',
  'enterpriseName',
  'town',
  'address',
  'industry',
  'tiers',
  'contactName',
  'contactTitle',
  'contactPhone',
];
const VISIT: FieldKey[] = [
  'visitDate',
  'mode',
  'leadStaff',
  'staff',
  'peopleMet',
  'summary',
  'policiesExplained',
  'solvedOnSite',
  'enterpriseConfirmed',
  'visitStatus',
  'remark',
];
/** How a demand's handling is described: the columns that bring it to its status. */
const HANDLING: FieldKey[] = [
  'demandStatus',
  'assignee',
  'responsibleUnit',
  'level',
  'assignedAt',
  'answeredAt',
  'closedAt',
  'closureType',
  'resolution',
];

export interface KindDef {
  label: string;
  fields: FieldKey[];
  /** Each group needs one non-empty cell in every row (e.g. the enterprise's name or its USCC). */
  required: FieldKey[][];
  /** Columns that must be mapped although their cells may be empty. */
  requiredColumns: FieldKey[];
  /** Header words that mean a field in this kind only (added to headerWords.ts). */
  aliases: Partial<Record<FieldKey, string[]>>;
}

export const KIND_DEFS: Record<ImportKind, KindDef> = {
  enterprises: {
    label: '企业名录',
    fields: [...ENTERPRISE_REF, 'formerNames', 'liaison', 'enterpriseStatus'],
    required: [['uscc'], ['enterpriseName']],
    requiredColumns: [],
    aliases: { enterpriseStatus: ['状态'] },
  },
  visits: {
    label: '走访台账',
    fields: [...ENTERPRISE_REF, ...VISIT],
    required: [['enterpriseName', 'uscc'], ['visitDate'], ['leadStaff']],
    requiredColumns: [],
    aliases: {},
  },
  visits_with_demands: {
    label: '走访及需求台账',
    fields: [...ENTERPRISE_REF, ...VISIT, 'demandsText', ...HANDLING],
    required: [['enterpriseName', 'uscc'], ['visitDate'], ['leadStaff']],
    requiredColumns: ['demandsText'],
    aliases: { demandStatus: ['状态'] },
  },
  demands: {
    label: '需求台账',
    fields: [
      ...ENTERPRISE_REF,
      'demandTitle',
      'description',
      'categories',
      'receivedAt',
      'dueDate',
      'complex',
      'source',
      ...HANDLING,
      'remark',
    ],
    required: [['enterpriseName', 'uscc'], ['demandTitle'], ['receivedAt']],
    requiredColumns: [],
    aliases: { receivedAt: ['走访日期', '日期', '时间', '走访时间'], demandStatus: ['状态'] },
  },
  followups: {
    label: '回访台账',
    fields: [
      'uscc',
      'enterpriseName',
      'parentType',
      'demandTitle',
      'receivedAt',
      'visitDate',
      'owner',
      'doneAt',
      'followupDueDate',
      'channel',
      'content',
      'result',
      'satisfaction',
      'nextFollowupDate',
      'remark',
    ],
    required: [
      ['enterpriseName', 'uscc'],
      ['owner'],
      ['doneAt', 'followupDueDate'],
      ['demandTitle', 'visitDate'],
    ],
    requiredColumns: [],
    aliases: { demandTitle: ['回访事项', '跟踪事项', '需求事项'], doneAt: ['日期', '时间'] },
  },
};

export function fieldLabel(key: string): string {
  return isFieldKey(key) ? FIELDS[key].label : key;
}

/** The field's name in English, for the wizard in English. */
export function fieldLabelEn(key: string): string {
  return isFieldKey(key) ? FIELDS[key].en : key;
}
