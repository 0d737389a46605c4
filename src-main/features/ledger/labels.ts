// Chinese words for every enumeration, for files the core writes (ledger exports, rejects
// reports). The groups the quarterly report already names come from reports/definitions.ts,
// so an exported list and the report say the same word; the rest are added here.
import {
  CATEGORY_LABELS,
  CLOSURE_LABELS,
  INDUSTRY_LABELS,
  MODE_LABELS,
  SATISFACTION_LABELS,
  STATUS_LABELS,
  TIER_LABELS,
} from '@shared/reports/definitions';
import { ENUM_GROUPS } from '@shared/domain/enums';

export const ENUM_VALUES = ENUM_GROUPS;
export type EnumGroup = keyof typeof ENUM_VALUES;
export type EnumValue<G extends EnumGroup> = (typeof ENUM_VALUES)[G][number];

export const ENUM_LABELS: { [G in EnumGroup]: Record<string, string> } = {
  role: { staff: '工作人员', supervisor: '督办负责人' },
  enterpriseStatus: { normal: '正常', unreachable: '失联', dormant: '僵尸企业' },
  tier: TIER_LABELS,
  visitMode: MODE_LABELS,
  visitStatus: { draft: '草稿', submitted: '已提交', reviewed: '已审核' },
  demandSource: {
    visit: '走访',
    clinic: '专家会诊',
    hotline: '热线',
    self_reported: '企业自报',
    other: '其他',
  },
  demandCategory: CATEGORY_LABELS,
  demandLevel: { district: '区级', city: '市级', province: '省级' },
  demandStatus: STATUS_LABELS,
  closureType: CLOSURE_LABELS,
  clinicStatus: { planned: '计划中', held: '已举办', written_up: '已成文', closed: '已结束' },
  followupParent: { demand: '需求', visit: '走访', clinic: '会诊' },
  followupChannel: { onsite: '实地', phone: '电话', online: '线上' },
  satisfaction: SATISFACTION_LABELS,
  industry: INDUSTRY_LABELS,
};

/** The Chinese word for an enum value; the value itself when it has none. */
export function enumLabel(group: EnumGroup, value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  return ENUM_LABELS[group][value] ?? value;
}

export const YES = '是';
export const NO = '否';
