// Every enumeration of shared/DOMAIN.md, in one place, so schemas, SQL, UI and reports agree.

export const ROLES = ['staff', 'supervisor'] as const;
/** A staff member's post in the bureau (what they are), apart from their role in the app (what they may do). */
export const POSITIONS = ['leader', 'section_head', 'staff', 'commissioner', 'liaison'] as const;
/** What a unit handling demands is (承办单位: a section of the bureau, a district department, a town…). */
export const UNIT_KINDS = ['bureau_section', 'department', 'town', 'platform', 'other'] as const;
export const ENTERPRISE_STATUSES = ['normal', 'unreachable', 'dormant'] as const;
export const TIERS = [
  'tech_sme',
  'high_tech',
  'innovative_sme',
  'specialized',
  'little_giant',
  'above_scale',
  'listed',
] as const;
export const VISIT_MODES = ['onsite', 'phone', 'meeting', 'online'] as const;
export const VISIT_STATUSES = ['draft', 'submitted', 'reviewed'] as const;
export const DEMAND_SOURCES = ['visit', 'clinic', 'activity', 'hotline', 'self_reported', 'other'] as const;
export const DEMAND_CATEGORIES = [
  'tech',
  'talent',
  'finance',
  'ip',
  'policy',
  'high_tech_cert',
  'rnd',
  'tech_transfer',
  'platform',
  'other',
] as const;
export const DEMAND_LEVELS = ['district', 'city', 'province'] as const;
export const DEMAND_STATUSES = [
  'pending',
  'assigned',
  'in_progress',
  'on_hold',
  'answered',
  'closed',
  'rejected',
] as const;
export const CLOSURE_TYPES = ['substantive', 'partial', 'explained'] as const;
export const CLINIC_STATUSES = ['planned', 'held', 'written_up', 'closed'] as const;
export const ACTIVITY_TYPES = [
  'policy_briefing',
  'training',
  'matchmaking',
  'salon',
  'popular_science',
  'signing',
  'other',
] as const;
export const ACTIVITY_STATUSES = ['planned', 'held', 'cancelled'] as const;
export const OUTCOME_TYPES = [
  'high_tech_application',
  'project_application',
  'talent_application',
  'tech_contract',
  'policy_funds',
  'financing',
  'ip_pledge',
  'achievement_transfer',
  'other',
] as const;
export const OUTCOME_STATUSES = ['applied', 'approved', 'rejected', 'done'] as const;
export const FOLLOWUP_PARENTS = ['demand', 'visit', 'clinic'] as const;
export const FOLLOWUP_CHANNELS = ['onsite', 'phone', 'online'] as const;
export const SATISFACTIONS = ['satisfied', 'mostly_satisfied', 'dissatisfied'] as const;
/** 督办 by the bureau, 挂牌督办 by the district. */
export const SUPERVISION_LEVELS = ['bureau', 'district'] as const;
/** GB/T 4754-2017 sections. */
export const INDUSTRY_SECTIONS = 'ABCDEFGHIJKLMNOPQRST'.split('');

export type Role = (typeof ROLES)[number];
export type Position = (typeof POSITIONS)[number];
export type Tier = (typeof TIERS)[number];
export type VisitMode = (typeof VISIT_MODES)[number];
export type DemandStatus = (typeof DEMAND_STATUSES)[number];
export type DemandCategory = (typeof DEMAND_CATEGORIES)[number];
export type ClosureType = (typeof CLOSURE_TYPES)[number];
export type Satisfaction = (typeof SATISFACTIONS)[number];
export type ActivityType = (typeof ACTIVITY_TYPES)[number];
export type OutcomeType = (typeof OUTCOME_TYPES)[number];
export type SupervisionLevel = (typeof SUPERVISION_LEVELS)[number];

/** A demand is open unless it is in one of these (shared/DOMAIN.md, "Overdue"). */
export const ENDED_DEMAND_STATUSES = ['closed', 'rejected'] as const satisfies readonly DemandStatus[];
export const OPEN_DEMAND_STATUSES: readonly DemandStatus[] = DEMAND_STATUSES.filter(
  (s) => !(ENDED_DEMAND_STATUSES as readonly string[]).includes(s),
);
export function isOpenStatus(status: DemandStatus | null | undefined): boolean {
  return !(ENDED_DEMAND_STATUSES as readonly (string | null | undefined)[]).includes(status);
}

/** Tiers that expire: 高新技术企业 is valid for three years. */
export const TIER_VALID_YEARS: Partial<Record<Tier, number>> = { high_tech: 3 };

/** Every enumeration a user sees as words, by group name (the renderer's labels and the files' words key on these). */
export const ENUM_GROUPS = {
  role: ROLES,
  position: POSITIONS,
  unitKind: UNIT_KINDS,
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
  activityType: ACTIVITY_TYPES,
  activityStatus: ACTIVITY_STATUSES,
  outcomeType: OUTCOME_TYPES,
  outcomeStatus: OUTCOME_STATUSES,
  followupParent: FOLLOWUP_PARENTS,
  followupChannel: FOLLOWUP_CHANNELS,
  satisfaction: SATISFACTIONS,
  supervisionLevel: SUPERVISION_LEVELS,
  industry: INDUSTRY_SECTIONS as readonly string[],
} as const;
