import { z } from 'zod';
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
  ROLES,
  SATISFACTIONS,
  TIERS,
  VISIT_MODES,
  VISIT_STATUSES,
} from '../domain/enums';
import { isValidDate } from '../domain/dates';

// Record schemas. For each kind: `…Fields` (what a user writes: create input, and
// partial for update) and `…Record` (what the API returns). Types come from these.

export const Id = z.string().min(1).max(64);
export const CalendarDate = z.string().refine(isValidDate, { message: 'must be a calendar date YYYY-MM-DD' });
/** An instant (ISO 8601 with offset) or a plain date, read as the start of that day in Shanghai. */
export const Instant = z.union([z.iso.datetime({ offset: true }), CalendarDate], {
  message: 'must be an ISO 8601 date-time with offset, or YYYY-MM-DD',
});
const name = z.string().trim().min(1, 'must not be empty').max(200);
const text = (max = 4000) => z.string().trim().max(max);
const optText = (max = 4000) => text(max).nullable().optional();
const phone = z
  .string()
  .trim()
  .max(40)
  .regex(/^[0-9+\-() ]*$/, 'may hold only digits, spaces and + - ( )')
  .nullable()
  .optional();

const Meta = {
  id: Id,
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
  updatedByDevice: z.string().nullable(),
  updatedByStaff: z.string().nullable(),
};

/** Stored records may lack values an older import or a sync did not set: nullable on output. */
type Nullish<T extends z.ZodRawShape> = { [K in keyof T]: z.ZodOptional<z.ZodNullable<T[K]>> };
function recordOf<T extends z.ZodRawShape, E extends z.ZodRawShape = Record<never, never>>(
  fields: T,
  extra?: E,
) {
  const out: Record<string, z.ZodType> = {};
  for (const [k, v] of Object.entries(fields)) out[k] = (v as z.ZodType).nullable().optional();
  return z.object({ ...Meta, ...(out as Nullish<T>), ...(extra as E) });
}

// --- staff -----------------------------------------------------------------
export const StaffFields = z.strictObject({
  name,
  role: z.enum(ROLES).optional(),
  phone,
  active: z.boolean().optional(),
});
export const StaffRecord = recordOf(StaffFields.shape);

// --- enterprises -----------------------------------------------------------
export const TierEntry = z.strictObject({
  tier: z.enum(TIERS),
  year: z.number().int().min(1990).max(2100),
  expiresOn: CalendarDate.nullable().optional(),
});
export const Contact = z.strictObject({
  name: name,
  title: optText(100),
  phone,
});
export const EnterpriseFields = z.strictObject({
  uscc: z.string().trim().min(1, 'must not be empty').max(40),
  usccOverride: z.boolean().optional(),
  usccOverrideReason: optText(500),
  name,
  formerNames: z.array(name).max(20).optional(),
  town: optText(100),
  address: optText(300),
  industry: z
    .string()
    .trim()
    .toUpperCase()
    .regex(
      /^[A-T](\d{2})?$/,
      'must be a GB/T 4754-2017 section letter A–T, optionally with a two-digit division (C39)',
    )
    .nullable()
    .optional(),
  tiers: z.array(TierEntry).max(20).optional(),
  liaisonStaffId: Id.nullable().optional(),
  contacts: z.array(Contact).max(50).optional(),
  status: z.enum(ENTERPRISE_STATUSES).optional(),
});
export const EnterpriseRecord = recordOf(EnterpriseFields.shape, {
  lastVisitDate: z.string().nullable().optional(),
  openDemands: z.number().nullable().optional(),
  liaisonName: z.string().nullable().optional(),
});

// --- experts ---------------------------------------------------------------
export const ExpertFields = z.strictObject({
  name,
  organization: optText(200),
  title: optText(100),
  speciality: optText(300),
  phone,
});
export const ExpertRecord = recordOf(ExpertFields.shape);

// --- demands ---------------------------------------------------------------
export const DemandFields = z.strictObject({
  enterpriseId: Id,
  source: z.enum(DEMAND_SOURCES).optional(),
  sourceVisitId: Id.nullable().optional(),
  sourceClinicId: Id.nullable().optional(),
  categories: z
    .array(z.enum(DEMAND_CATEGORIES))
    .min(1, 'needs 1 to 4 categories')
    .max(4, 'needs 1 to 4 categories')
    .refine((a) => new Set(a).size === a.length, 'must not repeat a category'),
  title: name,
  description: optText(),
  level: z.enum(DEMAND_LEVELS).optional(),
  assigneeStaffId: Id.nullable().optional(),
  responsibleUnit: optText(200),
  receivedAt: Instant.optional(),
  complex: z.boolean().optional(),
  dueDate: CalendarDate.optional(),
});
/** Demand fields an update may change (status moves go through demands.transition). */
export const DemandPatch = DemandFields.omit({ receivedAt: true }).partial();
export const HistoryEntry = z.object({
  id: Id,
  at: z.string(),
  by: z.string().nullable(),
  from: z.enum(DEMAND_STATUSES).nullable(),
  to: z.enum(DEMAND_STATUSES),
  note: z.string().nullable(),
});
export const DemandRecord = recordOf(DemandFields.shape, {
  /** Null while the demand's creation is still to come by sync (a later edit arrived first). */
  status: z.enum(DEMAND_STATUSES).nullable(),
  closureType: z.enum(CLOSURE_TYPES).nullable(),
  closedAt: z.string().nullable(),
  resolution: z.string().nullable(),
  holdSince: z.string().nullable(),
  onHoldDays: z.number().nullable(),
  enterpriseName: z.string().nullable().optional(),
  town: z.string().nullable().optional(),
  assigneeName: z.string().nullable().optional(),
  overdue: z.boolean(),
  dueSoon: z.boolean(),
  effectiveDueDate: z.string().nullable(),
  daysLeft: z.number().nullable(),
  history: z.array(HistoryEntry).optional(),
});

// --- visits ----------------------------------------------------------------
/** A demand raised inside a visit form: the visit supplies enterprise, source and date. */
export const VisitDemand = DemandFields.omit({
  enterpriseId: true,
  source: true,
  sourceVisitId: true,
  sourceClinicId: true,
});
export const VisitFields = z.strictObject({
  enterpriseId: Id,
  date: CalendarDate,
  mode: z.enum(VISIT_MODES),
  leadStaffId: Id.optional(),
  staffIds: z.array(Id).max(20).optional(),
  peopleMet: optText(500),
  summary: optText(10_000),
  policiesExplained: optText(4000),
  solvedOnSite: z.boolean().optional(),
  enterpriseConfirmed: z.boolean().optional(),
  status: z.enum(VISIT_STATUSES).optional(),
});
export const VisitCreate = VisitFields.extend({ demands: z.array(VisitDemand).max(20).optional() });
export const VisitRecord = recordOf(VisitFields.shape, {
  reviewedBy: z.string().nullable(),
  visitNo: z.string().nullable(),
  enterpriseName: z.string().nullable().optional(),
  town: z.string().nullable().optional(),
  leadStaffName: z.string().nullable().optional(),
  demandCount: z.number().nullable().optional(),
  demands: z.array(DemandRecord).optional(),
});

// --- clinics ---------------------------------------------------------------
export const ClinicEnterprise = z.strictObject({
  enterpriseId: Id,
  problems: optText(),
  advice: optText(),
});
export const ClinicFields = z.strictObject({
  date: CalendarDate,
  place: optText(200),
  topic: name,
  field: optText(200),
  expertIds: z.array(Id).max(50).optional(),
  status: z.enum(CLINIC_STATUSES).optional(),
  enterprises: z
    .array(ClinicEnterprise)
    .max(200)
    .refine((a) => new Set(a.map((e) => e.enterpriseId)).size === a.length, 'lists an enterprise twice')
    .optional(),
  cooperationIntentions: z.number().int().min(0).max(100_000).optional(),
  signedProjects: z.number().int().min(0).max(100_000).optional(),
});
export const ClinicRecord = recordOf(ClinicFields.shape, {
  enterpriseCount: z.number().nullable().optional(),
  expertCount: z.number().nullable().optional(),
});

// --- follow-ups ------------------------------------------------------------
export const FollowupFields = z.strictObject({
  parentType: z.enum(FOLLOWUP_PARENTS),
  parentId: Id,
  ownerStaffId: Id.optional(),
  dueDate: CalendarDate.nullable().optional(),
  doneAt: Instant.nullable().optional(),
  channel: z.enum(FOLLOWUP_CHANNELS).nullable().optional(),
  content: optText(),
  result: optText(),
  satisfaction: z.enum(SATISFACTIONS).nullable().optional(),
  nextFollowupDate: CalendarDate.nullable().optional(),
});
export const FollowupRecord = recordOf(FollowupFields.shape, {
  ownerName: z.string().nullable().optional(),
  enterpriseId: z.string().nullable().optional(),
  enterpriseName: z.string().nullable().optional(),
  parentTitle: z.string().nullable().optional(),
});

export const DeviceRecord = z.object({ ...Meta, name: z.string(), code: z.string() });

export type Staff = z.infer<typeof StaffRecord>;
export type Enterprise = z.infer<typeof EnterpriseRecord>;
export type Expert = z.infer<typeof ExpertRecord>;
export type Visit = z.infer<typeof VisitRecord>;
export type Demand = z.infer<typeof DemandRecord>;
export type DemandHistoryEntry = z.infer<typeof HistoryEntry>;
export type Clinic = z.infer<typeof ClinicRecord>;
export type Followup = z.infer<typeof FollowupRecord>;
