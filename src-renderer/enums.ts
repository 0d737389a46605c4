// The enumerations the UI shows as words: each group's values (from the domain) and its i18n key.
import {
  CLINIC_STATUSES,
  CLOSURE_TYPES,
  DEMAND_CATEGORIES,
  DEMAND_LEVELS,
  DEMAND_SOURCES,
  DEMAND_STATUSES,
  ENTERPRISE_STATUSES,
  FOLLOWUP_CHANNELS,
  FOLLOWUP_PARENTS,
  INDUSTRY_SECTIONS,
  ROLES,
  SATISFACTIONS,
  TIERS,
  VISIT_MODES,
  VISIT_STATUSES,
} from '../src-main/domain/enums';

export const ENUMS = {
  role: ROLES,
  enterpriseStatus: ENTERPRISE_STATUSES,
  tier: TIERS,
  visitMode: VISIT_MODES,
  visitStatus: VISIT_STATUSES,
  demandSource: DEMAND_SOURCES,
  demandCategory: DEMAND_CATEGORIES,
  demandLevel: DEMAND_LEVELS,
  demandStatus: DEMAND_STATUSES,
  closureType: CLOSURE_TYPES,
  clinicStatus: CLINIC_STATUSES,
  followupParent: FOLLOWUP_PARENTS,
  followupChannel: FOLLOWUP_CHANNELS,
  satisfaction: SATISFACTIONS,
  industry: INDUSTRY_SECTIONS as readonly string[],
  timelineType: ['visit', 'demand', 'clinic', 'followup', 'demand_event'] as const,
  followupState: ['planned', 'done'] as const,
} as const;

export type EnumName = keyof typeof ENUMS;
export type EnumValue<E extends EnumName> = (typeof ENUMS)[E][number];
