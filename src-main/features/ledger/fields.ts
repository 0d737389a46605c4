// The fields a ledger row can fill, and which of them each kind of import reads.
// Most are fields of a record kind's model (@shared/model): their labels and header words are
// the model's, and their parse type follows from the model's validator unless given here. The
// few columns that fill no model field of their own are defined here in full. The import
// wizard may show these labels and requirements as they are.
import type { z } from 'zod';
import {
  MODELS,
  fileWordOf,
  type FieldDef,
  type HeaderWords,
  type KindModel,
  type ModelName,
  type ModelOf,
} from '@shared/model';
import { CalendarDate, Instant, Phone } from '@shared/model/validators';
import { ENUM_VALUES, type EnumGroup } from './labels';
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
  | { t: 'unit' }
  | { t: 'unitList' }
  | { t: 'enterpriseList' }
  | { t: 'amount' }
  | { t: 'count'; min: number }
  | { t: 'nameList' }
  | { t: 'tiers' }
  | { t: 'industry' }
  | { t: 'demands' }
  | { t: 'enum'; group: EnumGroup }
  | { t: 'enumList'; group: EnumGroup };

/** An import field as the importer uses it. */
export interface ImportField {
  label: string;
  en: string;
  type: FieldType;
  words: HeaderWords;
}

/** A model field read from a ledger column; `en` and `type` override what the model gives. */
interface ModelRef {
  kind: ModelName;
  field: string;
  /** The wizard's English name, where the model's is too short out of its kind ("Date"). */
  en?: string;
  /** How the cell is read, where the model's validator does not say it (ids read as names…). */
  type?: FieldType;
}

/** A column that fills no model field of its own: label, type and header words here. */
interface FileColumn {
  zh: string;
  en: string;
  type: FieldType;
  words: HeaderWords;
}

const of = <K extends ModelName>(
  kind: K,
  field: keyof ModelOf<K>['fields'] & string,
  over: Pick<ModelRef, 'en' | 'type'> = {},
): ModelRef => ({ kind, field, ...over });

const text = (max: number): FieldType => ({ t: 'text', max });

const SPECS = {
  // the enterprise a row is about (and what creates it when it is missing)
  uscc: of('enterprises', 'uscc', { type: { t: 'uscc' } }),
  enterpriseName: of('enterprises', 'name', { en: 'Enterprise name' }),
  formerNames: of('enterprises', 'formerNames', { type: { t: 'nameList' } }),
  town: of('enterprises', 'town'),
  address: of('enterprises', 'address'),
  // A section letter, a division code or a section's name (its enum words are sections only).
  industry: of('enterprises', 'industry', { type: { t: 'industry' } }),
  // Tiers with their years ("高新技术企业(2024)"), not bare enum words.
  tiers: of('enterprises', 'tiers', { type: { t: 'tiers' } }),
  liaison: of('enterprises', 'liaisonStaffId', { type: { t: 'staff' } }),
  // Parts of enterprises.contacts, in parallel lists ("张三、李四" / "138…、无").
  contactName: {
    zh: '联系人',
    en: 'Contact',
    type: text(200),
    words: {
      words: [
        '联系人',
        '企业联系人',
        '联系人姓名',
        '对接联系人',
        'contact',
        'contact person',
        'contact name',
      ],
    },
  },
  contactTitle: {
    zh: '联系人职务',
    en: "Contact's title",
    type: text(100),
    words: { words: ['职务', '联系人职务', '职位', 'position', 'contact title'] },
  },
  contactPhone: {
    zh: '联系电话',
    en: 'Contact phone',
    type: { t: 'phone' },
    words: {
      words: [
        '联系电话',
        '联系方式',
        '手机',
        '手机号',
        '手机号码',
        '联系人电话',
        '联系人手机',
        '电话号码',
        '企业电话',
        'phone',
        'telephone',
        'mobile',
        'contact phone',
      ],
      weak: ['电话'],
    },
  },
  enterpriseStatus: of('enterprises', 'status', { en: 'Enterprise status' }),
  // visits
  visitDate: of('visits', 'date', { en: 'Visit date' }),
  mode: of('visits', 'mode', { en: 'Visit mode' }),
  // Names, the first of them leading: the others join visits.staffIds.
  leadStaff: of('visits', 'leadStaffId', { type: { t: 'staffList' } }),
  staff: of('visits', 'staffIds', { en: 'Other staff', type: { t: 'staffList' } }),
  peopleMet: of('visits', 'peopleMet'),
  summary: of('visits', 'summary'),
  policiesExplained: of('visits', 'policiesExplained'),
  solvedOnSite: of('visits', 'solvedOnSite'),
  enterpriseConfirmed: of('visits', 'enterpriseConfirmed'),
  visitStatus: of('visits', 'status', { en: 'Record status' }),
  // A visit's demands in one cell, each becoming a demand record.
  demandsText: {
    zh: '企业需求',
    en: 'Demands',
    type: { t: 'demands' },
    words: {
      words: [
        '企业需求',
        '企业诉求',
        '需求',
        '诉求',
        '存在问题',
        '困难和问题',
        '困难问题',
        '问题和需求',
        '企业需求及问题',
        '需求及建议',
        '困难诉求',
        '企业困难',
        '问题诉求',
        '需求情况',
        'demands',
      ],
      weak: ['需求内容', '诉求内容', '问题'],
    },
  },
  // Appended to the row's main text (走访情况, 需求描述, 回访内容): no field of its own.
  remark: {
    zh: '备注',
    en: 'Remark',
    type: text(4000),
    words: { words: ['备注', '说明', '备注说明', '其他说明', 'remark', 'remarks', 'note', 'notes'] },
  },
  // demands
  // A long title is cut into a title and a description (titleOf), so the cell may be long.
  demandTitle: of('demands', 'title', { en: 'Demand title', type: text(4000) }),
  description: of('demands', 'description'),
  categories: of('demands', 'categories'),
  level: of('demands', 'level'),
  assignee: of('demands', 'assigneeStaffId', { type: { t: 'staff' } }),
  // Unit names, matched to units (承办单位): never kept as free text.
  leadUnit: of('demands', 'leadUnitId', { type: { t: 'unit' } }),
  coUnits: of('demands', 'coUnitIds', { type: { t: 'unitList' } }),
  receivedAt: of('demands', 'receivedAt'),
  dueDate: of('demands', 'dueDate'),
  complex: of('demands', 'complex'),
  source: of('demands', 'source'),
  demandStatus: of('demands', 'status'),
  // Times of the demand's handling steps (its history), not fields of the demand.
  assignedAt: {
    zh: '交办时间',
    en: 'Assigned at',
    type: { t: 'instant' },
    words: { words: ['交办时间', '交办日期', 'assigned at'] },
  },
  answeredAt: {
    zh: '反馈时间',
    en: 'Answered at',
    type: { t: 'instant' },
    words: { words: ['反馈时间', '反馈日期', '答复时间', '答复日期', '回复时间', 'answered at'] },
  },
  // Kept by the workflow as a plain text: the model's output does not say it is a time.
  closedAt: of('demands', 'closedAt', { type: { t: 'instant' } }),
  closureType: of('demands', 'closureType'),
  // Kept by the workflow as a plain text: demands.transition takes up to 4000 characters.
  resolution: of('demands', 'resolution', { type: text(4000) }),
  // follow-ups
  parentType: of('followups', 'parentType'),
  owner: of('followups', 'ownerStaffId', { type: { t: 'staff' } }),
  doneAt: of('followups', 'doneAt'),
  followupDueDate: of('followups', 'dueDate'),
  channel: of('followups', 'channel'),
  content: of('followups', 'content'),
  result: of('followups', 'result'),
  satisfaction: of('followups', 'satisfaction'),
  nextFollowupDate: of('followups', 'nextFollowupDate'),
  // staff
  staffName: of('staff', 'name'),
  role: of('staff', 'role'),
  position: of('staff', 'position'),
  staffPhone: of('staff', 'phone'),
  active: of('staff', 'active'),
  // service activities (活动台账)
  activityTitle: of('activities', 'title', { en: 'Activity' }),
  activityType: of('activities', 'type', { en: 'Activity type' }),
  activityDate: of('activities', 'date', { en: 'Activity date' }),
  activityPlace: of('activities', 'place'),
  activityStatus: of('activities', 'status', { en: 'Activity status' }),
  // Enterprise names, each matched to one enterprise of the app.
  activityEnterprises: of('activities', 'enterpriseIds', { type: { t: 'enterpriseList' } }),
  attendees: of('activities', 'attendees', { type: { t: 'count', min: 0 } }),
  organizers: of('activities', 'organizerStaffIds', { type: { t: 'staffList' } }),
  activitySummary: of('activities', 'summary'),
  // outcomes (成效台账): 金额 in 元, 万元 or 亿元, from the cell or its header
  outcomeType: of('outcomes', 'type', { en: 'Outcome type' }),
  outcomeDate: of('outcomes', 'date', { en: 'Outcome date' }),
  amount: of('outcomes', 'amount', { type: { t: 'amount' } }),
  outcomeCount: of('outcomes', 'count', { type: { t: 'count', min: 1 } }),
  outcomeStatus: of('outcomes', 'status', { en: 'Outcome status' }),
  outcomeDescription: of('outcomes', 'description'),
} satisfies Record<string, ModelRef | FileColumn>;

export type FieldKey = keyof typeof SPECS;

/** The schema and its wrapped schemas (optional, nullable…), outermost first. */
function layers(schema: z.ZodType): z.ZodType[] {
  const out: z.ZodType[] = [];
  for (let s: z.ZodType | undefined = schema; s; s = (s._zod.def as { innerType?: z.ZodType }).innerType)
    out.push(s);
  return out;
}

const isEnumGroup = (g: string): g is EnumGroup => Object.hasOwn(ENUM_VALUES, g);

/** How a model field's cells are read, from its enum group, SQL type or validator; null when they do not say. */
function typeOf(def: FieldDef): FieldType | null {
  if (def.enum && isEnumGroup(def.enum))
    return { t: def.sql === 'json' ? 'enumList' : 'enum', group: def.enum };
  if (def.sql === 'bool') return { t: 'bool' };
  const schemas = layers(def.input ?? def.output);
  if (schemas.includes(CalendarDate)) return { t: 'date' };
  if (schemas.includes(Instant)) return { t: 'instant' };
  if (schemas.includes(Phone)) return { t: 'phone' };
  const max = (schemas.at(-1) as { maxLength?: number | null }).maxLength;
  return typeof max === 'number' ? text(max) : null;
}

function resolve(key: string, spec: ModelRef | FileColumn): ImportField {
  if (!('kind' in spec)) return { label: spec.zh, en: spec.en, type: spec.type, words: spec.words };
  const where = `${spec.kind}.${spec.field}`;
  const def = (MODELS[spec.kind] as KindModel).fields[spec.field];
  if (!def) throw new Error(`ledger field ${key}: ${where} is no model field`);
  if (!def.words) throw new Error(`ledger field ${key}: ${where} declares no header words`);
  const type = spec.type ?? typeOf(def);
  if (!type)
    throw new Error(`ledger field ${key}: give the type of ${where} (its validator does not say it)`);
  return { label: fileWordOf(def), en: spec.en ?? def.en, type, words: def.words };
}

export const FIELDS = Object.fromEntries(
  Object.entries(SPECS).map(([key, spec]) => [key, resolve(key, spec)]),
) as Record<FieldKey, ImportField>;

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
  'leadUnit',
  'coUnits',
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
  /** Header words that mean a field in this kind only (added to the field's own words). */
  aliases: Partial<Record<FieldKey, string[]>>;
  /**
   * Fields of the records a row refers to (the enterprise, a follow-up's parent), not of the
   * records it makes: a header that fits one of the kind's own fields goes there first.
   * None: every field is the kind's own.
   */
  referenced?: FieldKey[];
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
    referenced: ENTERPRISE_REF,
  },
  visits_with_demands: {
    label: '走访及需求台账',
    // 需求类别 beside the demands cell: the categories of the demands that name none.
    fields: [...ENTERPRISE_REF, ...VISIT, 'demandsText', 'categories', ...HANDLING],
    required: [['enterpriseName', 'uscc'], ['visitDate'], ['leadStaff']],
    requiredColumns: ['demandsText'],
    aliases: { demandStatus: ['状态'] },
    referenced: ENTERPRISE_REF,
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
    referenced: ENTERPRISE_REF,
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
    referenced: ['uscc', 'enterpriseName', 'demandTitle', 'receivedAt', 'visitDate'],
  },
  staff: {
    label: '人员名单',
    fields: ['staffName', 'role', 'position', 'staffPhone', 'active'],
    required: [['staffName']],
    requiredColumns: [],
    aliases: {},
  },
  activities: {
    label: '活动台账',
    fields: [
      'activityTitle',
      'activityType',
      'activityDate',
      'activityPlace',
      'activityStatus',
      'activityEnterprises',
      'attendees',
      'organizers',
      'activitySummary',
      'remark',
    ],
    required: [['activityTitle'], ['activityDate']],
    // Only a ledger with a column of activity names is an activity ledger.
    requiredColumns: ['activityTitle'],
    aliases: { activityType: ['类型', '形式'], activityStatus: ['状态'] },
  },
  outcomes: {
    label: '成效台账',
    fields: [
      'uscc',
      'enterpriseName',
      'outcomeType',
      'outcomeDate',
      'amount',
      'outcomeCount',
      'outcomeStatus',
      'outcomeDescription',
      'remark',
    ],
    required: [['enterpriseName', 'uscc'], ['outcomeType'], ['outcomeDate']],
    requiredColumns: ['outcomeType'],
    aliases: { outcomeType: ['类型', '类别'], outcomeStatus: ['状态'] },
  },
};

export function fieldLabel(key: string): string {
  return isFieldKey(key) ? FIELDS[key].label : key;
}

/** The field's name in English, for the wizard in English. */
export function fieldLabelEn(key: string): string {
  return isFieldKey(key) ? FIELDS[key].en : key;
}
