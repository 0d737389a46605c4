import { z } from 'zod';
import { MODELS, fieldsSchema, recordSchema } from '../model';

// Record schemas, derived from the models (@shared/model). For each kind: `…Fields` (what a
// user writes: create input, and partial for update) and `…Record` (what the API returns).
// Types come from these; kind-specific inputs and nested values are added here.

export { CalendarDate, Id, Instant } from '../model/validators';
export { Contact, TierEntry } from '../model/enterprises';
export { ClinicEnterprise } from '../model/clinics';
export { ExtensionRequest, Supervision } from '../model/demands';

export const StaffFields = fieldsSchema(MODELS.staff);
export const StaffRecord = recordSchema(MODELS.staff);

export const EnterpriseFields = fieldsSchema(MODELS.enterprises);
export const EnterpriseRecord = recordSchema(MODELS.enterprises);
/** Something saved that the bureau's reference lists do not know, e.g. a town not in its list. */
export const RecordWarning = z.object({
  field: z.string(),
  code: z.enum(['not_listed']),
  value: z.string(),
  message: z.string(),
});
export type RecordWarning = z.output<typeof RecordWarning>;
/** An enterprise as get, create and update return it, with its warnings (none: absent). */
export const EnterpriseChecked = EnterpriseRecord.extend({ warnings: z.array(RecordWarning).optional() });

export const ExpertFields = fieldsSchema(MODELS.experts);
export const ExpertRecord = recordSchema(MODELS.experts);

export const UnitFields = fieldsSchema(MODELS.units);
export const UnitRecord = recordSchema(MODELS.units);

// --- demands ---------------------------------------------------------------
export const DemandFields = fieldsSchema(MODELS.demands);
/** Demand fields an update may change (status moves go through demands.transition). */
export const DemandPatch = DemandFields.omit({ receivedAt: true }).partial();
/** One step of a demand's history, as a demand record lists it. */
export const HistoryEntry = recordSchema(MODELS.demandHistory)
  .pick({
    id: true,
    at: true,
    by: true,
    from: true,
    to: true,
    note: true,
  })
  .extend({
    /** 'transition' for a workflow move; other events (a reassignment note…) are not moves. */
    type: z.string(),
    /** A move that lost its place when laptops moved the demand apart: a workflow conflict. */
    superseded: z.boolean(),
    /** The unit a 'unit_reply' event reports for. */
    unitId: z.string().nullable().optional(),
    /** Its name (deleted units included). */
    unitName: z.string().nullable().optional(),
    /** A hand-over (交办): the names of the lead and co units it handed the demand to. */
    leadUnitName: z.string().nullable().optional(),
    coUnitNames: z.array(z.string()).optional(),
  });
export const DemandRecord = recordSchema(MODELS.demands).extend({
  history: z.array(HistoryEntry).optional(),
});

// --- visits ----------------------------------------------------------------
/** A demand raised inside a visit form: the visit supplies enterprise, source and date. */
export const VisitDemand = DemandFields.omit({
  enterpriseId: true,
  source: true,
  sourceVisitId: true,
  sourceClinicId: true,
  sourceActivityId: true,
});
export const VisitFields = fieldsSchema(MODELS.visits);
export const VisitCreate = VisitFields.extend({ demands: z.array(VisitDemand).max(20).optional() });
export const VisitRecord = recordSchema(MODELS.visits).extend({ demands: z.array(DemandRecord).optional() });

// --- clinics ---------------------------------------------------------------
export const ClinicFields = fieldsSchema(MODELS.clinics);
export const ClinicRecord = recordSchema(MODELS.clinics);

// --- follow-ups ------------------------------------------------------------
export const FollowupFields = fieldsSchema(MODELS.followups);
export const FollowupRecord = recordSchema(MODELS.followups);

// --- activities and outcomes ----------------------------------------------
export const ActivityFields = fieldsSchema(MODELS.activities);
export const ActivityRecord = recordSchema(MODELS.activities);
export const OutcomeFields = fieldsSchema(MODELS.outcomes);
export const OutcomeRecord = recordSchema(MODELS.outcomes);

export const DeviceRecord = recordSchema(MODELS.devices);

export type Staff = z.infer<typeof StaffRecord>;
export type Enterprise = z.infer<typeof EnterpriseRecord>;
export type Expert = z.infer<typeof ExpertRecord>;
export type Unit = z.infer<typeof UnitRecord>;
export type Visit = z.infer<typeof VisitRecord>;
export type Demand = z.infer<typeof DemandRecord>;
export type DemandHistoryEntry = z.infer<typeof HistoryEntry>;
export type Clinic = z.infer<typeof ClinicRecord>;
export type Followup = z.infer<typeof FollowupRecord>;
export type Activity = z.infer<typeof ActivityRecord>;
export type Outcome = z.infer<typeof OutcomeRecord>;
