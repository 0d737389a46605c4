// The figures of the quarterly summary (shared/DOMAIN.md, "Quarterly summary"): their keys,
// labels and, for rates, the formula printed next to every rate.
import { fileLabelsOf } from '../labels';

export const RATE_KEYS = [
  'coverage',
  'closureRate',
  'substantiveRate',
  'onTimeRate',
  'avgDaysToClose',
  'satisfactionRate',
  'firstReplyRate',
] as const;
export type RateKey = (typeof RATE_KEYS)[number];

export const SPLIT_KEYS = ['byMode', 'byTown', 'byIndustry', 'byTier', 'byStaff'] as const;
export type SplitKey = (typeof SPLIT_KEYS)[number];

/**
 * Figures that are tables of their own: per lead unit (承办单位) and the enterprises holding
 * each tier (梯次培育). Not compared with other periods.
 */
export const TABLE_KEYS = ['byUnit', 'tierStock', 'tierNew'] as const;
export type TableKey = (typeof TABLE_KEYS)[number];

/**
 * Every scalar figure by the section of the report it belongs to (一 to 五), in the order the
 * Excel and Word reports print them; the screen orders each section's tiles its own way
 * (src-renderer/components/reports/sections.ts).
 */
export const SCALAR_SECTIONS = {
  visits: ['visits', 'enterprisesVisited', 'coverage', 'solvedOnSite', 'leaderVisits'],
  demands: [
    'newDemands',
    'carriedOver',
    'closed',
    'closureRate',
    'substantiveRate',
    'onTimeRate',
    'avgDaysToClose',
    'openAtEnd',
    'overdueAtEnd',
    'supervised',
    'extensions',
    'firstReplyRate',
  ],
  followups: ['followups', 'satisfactionRate'],
  /** Figures that only exist where clinics apply (null in staff scope). */
  clinics: ['clinics', 'experts', 'enterprisesServed', 'cooperationIntentions', 'signedProjects'],
  activities: ['activities', 'attendees', 'enterprisesReached'],
} as const;
export type FigureSectionKey = keyof typeof SCALAR_SECTIONS;
export type ScalarKey = (typeof SCALAR_SECTIONS)[FigureSectionKey][number];

/** Every scalar figure, in the order the report prints them. */
export const SCALAR_KEYS: readonly ScalarKey[] = Object.values(SCALAR_SECTIONS).flat();

/** The clinic section's figures (null in staff scope). */
export const CLINIC_KEYS = SCALAR_SECTIONS.clinics;

/** Figures whose records can be listed (reports.records); splits need a key. */
export const RECORD_FIGURES = [
  ...SCALAR_KEYS,
  ...SPLIT_KEYS,
  'byCategory',
  ...TABLE_KEYS,
  // activitiesByType and outcomesByType need a type as key
  'activitiesByType',
  'outcomesByType',
] as const;
export type RecordFigure = (typeof RECORD_FIGURES)[number];

export interface Label {
  zh: string;
  en: string;
  /** Unit printed after the value in Chinese text. */
  unit?: string;
}

/** Figures keyed by an activity or outcome type. */
export const TYPE_SPLIT_KEYS = ['activitiesByType', 'outcomesByType'] as const;
export type TypeSplitKey = (typeof TYPE_SPLIT_KEYS)[number];

export const LABELS: Record<ScalarKey | SplitKey | TableKey | TypeSplitKey | 'byCategory', Label> = {
  visits: { zh: '走访家次', en: 'visits', unit: '家次' },
  enterprisesVisited: { zh: '走访企业数', en: 'enterprises visited', unit: '家' },
  coverage: { zh: '覆盖率', en: 'coverage' },
  solvedOnSite: { zh: '现场解决', en: 'solved on site', unit: '次' },
  leaderVisits: { zh: '领导带队走访', en: 'visits led by leaders', unit: '家次' },
  newDemands: { zh: '新增需求', en: 'new demands', unit: '件' },
  carriedOver: { zh: '上期结转', en: 'carried over', unit: '件' },
  closed: { zh: '办结数', en: 'closed', unit: '件' },
  closureRate: { zh: '办结率', en: 'closure rate' },
  substantiveRate: { zh: '解决率', en: 'substantive rate' },
  onTimeRate: { zh: '按时办结率', en: 'on-time rate' },
  avgDaysToClose: { zh: '平均办结时长', en: 'average days to close', unit: '天' },
  openAtEnd: { zh: '期末在办', en: 'open at end', unit: '件' },
  overdueAtEnd: { zh: '期末超期', en: 'overdue at end', unit: '件' },
  supervised: { zh: '督办件', en: 'supervised', unit: '件' },
  extensions: { zh: '批准延期', en: 'extensions approved', unit: '次' },
  firstReplyRate: { zh: '按时答复率', en: 'first reply on time' },
  followups: { zh: '回访次数', en: 'follow-ups', unit: '次' },
  satisfactionRate: { zh: '满意率', en: 'satisfaction rate' },
  clinics: { zh: '会诊场次', en: 'clinics', unit: '场' },
  experts: { zh: '参与专家', en: 'experts', unit: '人' },
  enterprisesServed: { zh: '服务企业', en: 'enterprises served', unit: '家' },
  cooperationIntentions: { zh: '合作意向', en: 'cooperation intentions', unit: '项' },
  signedProjects: { zh: '签约项目', en: 'signed projects', unit: '项' },
  byMode: { zh: '按走访方式', en: 'by mode' },
  byTown: { zh: '按镇街', en: 'by town' },
  byIndustry: { zh: '按行业门类', en: 'by industry section' },
  byTier: { zh: '按企业资质', en: 'by tier' },
  byStaff: { zh: '按带队人员', en: 'by lead staff' },
  byCategory: { zh: '按需求类别', en: 'by category' },
  byUnit: { zh: '按主办单位', en: 'per lead unit' },
  tierStock: { zh: '梯次培育企业数', en: 'enterprises per tier' },
  tierNew: { zh: '本年新增', en: 'new in the year' },
  activities: { zh: '服务活动', en: 'service activities', unit: '场' },
  attendees: { zh: '参加人次', en: 'attendees', unit: '人次' },
  enterprisesReached: { zh: '参加企业', en: 'enterprises reached', unit: '家' },
  activitiesByType: { zh: '服务活动（按类型）', en: 'activities by type' },
  outcomesByType: { zh: '服务成效（按类型）', en: 'outcomes by type' },
};

export interface RateDefinition {
  numerator: Label;
  denominator: Label;
  formula: { zh: string; en: string };
  /** A mean (days), not a proportion. */
  mean?: boolean;
}

export const RATE_DEFINITIONS: Record<RateKey, RateDefinition> = {
  coverage: {
    numerator: {
      zh: '本期被走访的有包联人在册企业数',
      en: 'live enterprises with a liaison visited in the quarter',
    },
    denominator: { zh: '有包联人的在册企业数', en: 'live enterprises with a liaison' },
    formula: {
      zh: '覆盖率 = 本期被走访的有包联人在册企业数 ÷ 有包联人的在册企业数',
      en: 'coverage = live enterprises with a liaison visited in the quarter ÷ live enterprises with a liaison',
    },
  },
  closureRate: {
    numerator: {
      zh: '新增及结转需求中本期办结数',
      en: 'new and carried-over demands closed in the quarter',
    },
    denominator: { zh: '新增需求 + 上期结转', en: 'new demands + carried over' },
    formula: {
      zh: '办结率 = 本期新增及上期结转需求中本期办结（期末仍为办结）的件数 ÷（本期新增需求 + 上期结转需求）',
      en: 'closure rate = new and carried-over demands closed in the quarter (still closed at its end) ÷ (new demands + carried over)',
    },
  },
  substantiveRate: {
    numerator: { zh: '实质解决办结数', en: 'closed as substantive' },
    denominator: { zh: '办结数', en: 'closed' },
    formula: {
      zh: '解决率 = 办结方式为“实质解决”的办结数 ÷ 办结数',
      en: 'substantive rate = demands closed as substantive ÷ demands closed',
    },
  },
  onTimeRate: {
    numerator: { zh: '按时办结数', en: 'closed on time' },
    denominator: { zh: '办结数', en: 'closed' },
    formula: {
      zh: '按时办结率 = 办结日期（北京时间）不晚于当时办理期限（含挂起顺延）的办结数 ÷ 办结数',
      en: 'on-time rate = demands closed on or before their due date (Shanghai date, hold extensions included) ÷ demands closed',
    },
  },
  avgDaysToClose: {
    numerator: { zh: '办结用时合计（天）', en: 'total days to close' },
    denominator: { zh: '办结数', en: 'closed' },
    formula: {
      zh: '平均办结时长 = Σ（受理日至办结日的自然日数 − 挂起天数）÷ 办结数',
      en: 'average days to close = Σ (calendar days from received to closed − days on hold) ÷ demands closed',
    },
    mean: true,
  },
  satisfactionRate: {
    numerator: { zh: '满意 + 基本满意', en: 'satisfied + mostly satisfied' },
    denominator: { zh: '填写满意度的回访次数', en: 'follow-ups with a satisfaction' },
    formula: {
      zh: '满意率 =（满意 + 基本满意）÷ 本期完成且填写了满意度的回访次数',
      en: 'satisfaction rate = (satisfied + mostly satisfied) ÷ follow-ups done in the quarter with a satisfaction',
    },
  },
  firstReplyRate: {
    numerator: { zh: '按时答复数', en: 'first replied on time' },
    denominator: {
      zh: '本期受理且答复时限已到的需求数',
      en: 'demands received in the period whose first reply was due by its end',
    },
    formula: {
      zh: '按时答复率 = 本期受理、在答复时限内（含当日）作出阶段性答复的需求数 ÷ 本期受理且答复时限不晚于统计截止日的需求数',
      en: 'first reply on time = demands received in the period first replied on or before their first-reply date ÷ demands received in the period whose first-reply date is on or before the as-of day',
    },
  },
};

// The words of the report's tables, from the one source of labels (@shared/labels).
export const MODE_LABELS: Record<string, string> = fileLabelsOf('visitMode');
export const TIER_LABELS: Record<string, string> = { ...fileLabelsOf('tier'), none: '无资质' };
export const ACTIVITY_TYPE_LABELS: Record<string, string> = fileLabelsOf('activityType');
export const OUTCOME_TYPE_LABELS: Record<string, string> = fileLabelsOf('outcomeType');
export const CATEGORY_LABELS: Record<string, string> = fileLabelsOf('demandCategory');
export const STATUS_LABELS: Record<string, string> = fileLabelsOf('demandStatus');
export const CLOSURE_LABELS: Record<string, string> = fileLabelsOf('closureType');
export const SATISFACTION_LABELS: Record<string, string> = fileLabelsOf('satisfaction');
/** GB/T 4754-2017 sections. */
export const INDUSTRY_LABELS: Record<string, string> = fileLabelsOf('industry');

/** The key used in splits for a record without a town / industry. */
export const UNKNOWN_KEY = 'unknown';

/** Definitions chosen where DOMAIN.md leaves room, printed with the report. */
export const NOTES: { key: string; zh: string; en: string }[] = [
  {
    key: 'exclusions',
    zh: '不含草稿走访和已删除记录；所属企业已删除的走访、需求，以及对象已删除的回访同样不计。',
    en: 'Draft visits and deleted records are excluded, and so are visits and demands of deleted enterprises and follow-ups of deleted records.',
  },
  {
    key: 'dates',
    zh: '所有日期按北京时间（UTC+8）自然日计算；统计期起止含首尾两日。',
    en: 'Dates are Asia/Shanghai calendar days; a quarter includes its first and last day.',
  },
  {
    key: 'statusAtBoundary',
    zh: '期初、期末状态由需求流转记录还原：期初 = 首日0点前最后一次流转后的状态，期末 = 末日24点前最后一次流转后的状态。期前已办结、期内重新办理的需求不计入上期结转。',
    en: 'Status at the start / end of the quarter is rebuilt from the demand history: the state after the last move before the first day / by the end of the last day. A demand closed before the quarter and reopened inside it was not open at its start.',
  },
  {
    key: 'closed',
    zh: '办结数 = 期内发生办结且期末仍为办结状态的需求（同一需求期内多次办结只计一次；期内办结后又重新办理、期末未办结的不计入办结，计入期末在办）。办结日期取期内最后一次办结。',
    en: 'Closed = demands moved to closed in the quarter and still closed at its end (counted once however many times; closed then reopened and open at the end counts as open, not closed). The closing date is the last move to closed in the quarter.',
  },
  {
    key: 'closureRateNumerator',
    zh: '办结率分子只计本期新增和上期结转的需求，以保证比率不超过100%；期前办结、期内重新办理后再次办结的需求计入办结数，但不计入办结率。',
    en: 'The closure-rate numerator counts only new and carried-over demands, so the rate stays within 100%; a demand closed before the quarter, reopened and closed again in it is in "closed" but not in the rate.',
  },
  {
    key: 'dueDateAtEnd',
    zh: '期末超期按期末时有效的办理期限判断：现行期限减去期末之后才结束的挂起所顺延的天数；期末仍在挂起的需求按挂起开始当日判断（挂起期间期限暂停计时）。手工修改期限没有日期记录，按现行值计。',
    en: "Overdue at the end uses the due date in force then: today's due date minus the days added by holds that ended after the quarter; a demand on hold at the end is judged on the day its hold began (the clock is paused). Manual due-date edits are not dated and count as they are now.",
  },
  {
    key: 'closureType',
    zh: '解决率按办结方式计；期末办结、之后又被重新办理的需求，取其最后一次记录的办结方式。',
    en: 'The substantive rate uses the closure type; for a demand reopened after the quarter, the last closure type recorded.',
  },
  {
    key: 'avgDaysToClose',
    zh: '办结时长 = 受理日至办结日的自然日数减去办结前累计挂起天数。',
    en: 'Days to close = calendar days from the received date to the closing date minus the days on hold before closing.',
  },
  {
    key: 'supervised',
    zh: '督办件 = 本期新增及上期结转的需求中，期末前已被督办（含挂牌督办）的件数；督办一经记录即持续有效。批准延期 = 本期内批准的延期申请次数。',
    en: 'Supervised = new and carried-over demands of the quarter put under supervision (either level) before its end; a supervision stays once recorded. Extensions approved = extension requests approved in the quarter.',
  },
  {
    key: 'byTier',
    zh: '按资质统计时，企业在期内有效的每一项资质各计一次（认定年份不晚于统计期末所在年份、且有效期不早于统计期首日）；无有效资质的计入“无资质”，各项之和可能大于合计。',
    en: 'By tier: an enterprise counts once under each tier valid in the quarter (year not after the quarter\'s year, expiry not before its first day); enterprises without one count under "none"; the tiers may add up to more than the total.',
  },
  {
    key: 'leaderVisits',
    zh: '领导带队走访 = 带队人职务为“领导”的走访（按带队人现在的职务认定）。',
    en: "Visits led by leaders = visits whose lead staff member's position is leader (the position as it is now).",
  },
  {
    key: 'firstReplyRate',
    zh: '按时答复率：首次阶段性答复（或首次反馈企业）日期不晚于答复时限的为按时；答复时限尚未到的需求不计入分母。',
    en: 'First reply on time: the first reply (or first answer) on or before the first-reply date; demands whose first reply is not due yet are left out.',
  },
  {
    key: 'byUnit',
    zh: '按主办单位统计需求当前的主办单位：交办件数 = 本期新增及上期结转，办结、期末在办、期末超期与总表口径相同；未交办到单位的需求不列入。',
    en: 'Per lead unit: the lead unit a demand has now; assigned = new and carried over, the other columns as in the totals; demands not handed to a unit are not listed.',
  },
  {
    key: 'tierStock',
    zh: '梯次培育企业数 = 截止日持有该资质的在册企业（认定年份不晚于截止日所在年份，且未填有效期或有效期不早于截止日）；本年新增 = 认定年份为截止日所在年份的在册企业。一家企业在其每项资质下各计一次。按人员统计时为其包联的企业，按镇街统计时为该镇街的企业。',
    en: "Enterprises per tier = live enterprises holding the tier on the as-of day (certified in or before that year, with no expiry or one not before that day); new in the year = live enterprises certified in that year. An enterprise counts once under each tier. Staff scope: the enterprises the member is liaison for; town scope: the town's.",
  },
  {
    key: 'byCategory',
    zh: '按类别统计本期新增需求，一件需求在其每个类别下各计一次。',
    en: 'By category: new demands of the quarter, counted once in each of their categories.',
  },
  {
    key: 'activities',
    zh: '服务活动 = 活动日期在本期内、状态为“已举办”的活动场次；按类型各计场次；参加人次为这些活动填写的参加人次之和；参加企业为这些活动的参加企业去重后的在册企业数。按人员统计时为其作为组织人员的活动；按镇街统计时为有该镇街企业参加的活动（参加企业只计该镇街企业，参加人次为整场活动的人次）。',
    en: "Service activities = activities held and dated in the period, counted per type; attendees = the sum of their attendees; enterprises reached = the distinct live enterprises that took part. Staff scope: activities the member organised; town scope: activities a town enterprise took part in (enterprises reached counts the town's only, attendees are whole activities).",
  },
  {
    key: 'outcomes',
    zh: '服务成效按类型统计本期内（成效日期）、状态不是“未获批”的成效：数量为各条成效数量之和，金额为填写的金额之和（元）。所属企业已删除的不计；按人员统计时为其包联企业的成效，按镇街统计时为该镇街企业的成效。',
    en: "Outcomes by type: outcomes dated in the period and not rejected; count = the sum of their counts, amount = the sum of their amounts (yuan). Outcomes of deleted enterprises are excluded; staff scope: outcomes of the enterprises the member is liaison for; town scope: of the town's enterprises.",
  },
  {
    key: 'noHistory',
    zh: '没有任何流转记录的需求（如外部导入）：已办结且有办结时间的，视为受理后待办、于办结时间办结；其余视为自受理起即为现状态。',
    en: 'A demand without any history (e.g. imported): if closed with a closedAt, taken as pending from receipt and closed at closedAt; otherwise as in its current status since receipt.',
  },
];
