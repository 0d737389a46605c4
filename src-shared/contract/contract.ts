import { MsgSchema } from './errors';
import { z } from 'zod';
import { RECORD_KINDS, type MethodName } from './methods';
import {
  ActivityFields,
  ActivityRecord,
  ClinicFields,
  ClinicRecord,
  DemandFields,
  DemandPatch,
  DemandRecord,
  DeviceRecord,
  CalendarDate,
  EnterpriseFields,
  ExtensionRequest,
  EnterpriseRecord,
  EnterpriseChecked,
  ExpertFields,
  ExpertRecord,
  FollowupFields,
  FollowupRecord,
  Id,
  Instant,
  OutcomeFields,
  OutcomeRecord,
  StaffFields,
  StaffRecord,
  UnitFields,
  UnitRecord,
  VisitCreate,
  VisitFields,
  VisitRecord,
} from './schemas';
import { CLOSURE_TYPES, DEMAND_STATUSES, SUPERVISION_LEVELS } from '../domain/enums';
import {
  ExportedFileSchema,
  ExportInput,
  FigureRecordsSchema,
  NarrativeGetInput,
  NarrativeSaveInput,
  NarrativeSchema,
  QuarterlyInput,
  QuarterlyReportSchema,
  RecordsInput,
  SummaryInput,
  SummaryReportSchema,
} from './reports';
import { ledgerContract } from './ledger';
import { SearchInput, SearchResult } from './search';
import {
  CalendarGetInput,
  CalendarSetInput,
  CalendarYearSchema,
  SettingsSchema,
  SettingsSetInput,
} from './settings';
import {
  TargetDeleteInput,
  TargetDeleteSchema,
  TargetListInput,
  TargetListSchema,
  TargetSchema,
  TargetSetInput,
} from './targets';
import { UpwardExportInput, UpwardInput, UpwardReportSchema } from './upward';
import { JOB_PHASES } from './jobs';
import { fieldRecord } from './fieldRecord';

// The contract: every method with the zod schema of its input and output.
// Doors validate against it; the renderer's types are inferred from it.

const Scalar = z.union([z.string().max(1000), z.number(), z.boolean(), z.null()]);
export const Condition = z.union([
  Scalar,
  z.array(Scalar).max(1000),
  z.strictObject({
    eq: Scalar.optional(),
    ne: Scalar.optional(),
    in: z.array(Scalar).max(1000).optional(),
    gt: Scalar.optional(),
    gte: Scalar.optional(),
    lt: Scalar.optional(),
    lte: Scalar.optional(),
    contains: z.string().max(200).optional(),
    startsWith: z.string().max(200).optional(),
    has: z.string().max(200).optional(),
    isNull: z.boolean().optional(),
  }),
]);
export const ListInput = z.strictObject({
  filter: fieldRecord(z.string().max(64), Condition).optional(),
  q: z.string().max(200).optional(),
  sort: z
    .array(z.strictObject({ field: z.string().max(64), dir: z.enum(['asc', 'desc']) }))
    .max(5)
    .optional(),
  offset: z.number().int().min(0).max(10_000_000).optional(),
  limit: z.number().int().min(1).max(10_000).optional(),
  includeDeleted: z.boolean().optional(),
});
export type ListQuery = z.infer<typeof ListInput>;
export type FilterCondition = z.infer<typeof Condition>;

const ById = z.strictObject({ id: Id });
const page = <T extends z.ZodType>(row: T) => z.object({ rows: z.array(row), total: z.number().int() });
const patchOf = <T extends z.ZodRawShape>(fields: z.ZodObject<T>) =>
  fields.partial().extend({ id: Id }).strict();
const Deleted = z.object({ id: Id, deletedAt: z.string() });

function crud<C extends z.ZodType, U extends z.ZodType, R extends z.ZodType>(
  create: C,
  update: U,
  record: R,
) {
  return {
    create: { input: create, output: record },
    get: { input: ById, output: record },
    update: { input: update, output: record },
    delete: { input: ById, output: Deleted },
    list: { input: ListInput.optional().default({}), output: page(record) },
  };
}

const staff = crud(StaffFields, patchOf(StaffFields), StaffRecord);
const enterprises = crud(EnterpriseFields, patchOf(EnterpriseFields), EnterpriseRecord);
const experts = crud(ExpertFields, patchOf(ExpertFields), ExpertRecord);
const units = crud(UnitFields, patchOf(UnitFields), UnitRecord);
const visits = crud(VisitCreate, patchOf(VisitFields), VisitRecord);
const demands = crud(DemandFields, DemandPatch.extend({ id: Id }).strict(), DemandRecord);
const clinics = crud(ClinicFields, patchOf(ClinicFields), ClinicRecord);
const followups = crud(FollowupFields, patchOf(FollowupFields), FollowupRecord);
const activities = crud(ActivityFields, patchOf(ActivityFields), ActivityRecord);
const outcomes = crud(OutcomeFields, patchOf(OutcomeFields), OutcomeRecord);

/** A new device identity this database took, restored from a backup or copied from another laptop. */
export const NewIdentity = z.object({
  at: z.string(),
  reason: z.enum(['restored', 'copied']),
  previousDeviceId: z.string(),
  deviceId: z.string(),
});

export const AppInfo = z.object({
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  dbPath: z.string(),
  device: DeviceRecord.pick({ id: true, name: true, code: true }),
  me: StaffRecord.nullable(),
  /** Set when this database was created with the demo district on the app's first start. */
  demoLoadedAt: z.string().nullable(),
  today: z.string(),
  /** The last new identity taken (null when this database always had the one it has). */
  newIdentity: NewIdentity.nullable(),
});

export const TimelineItem = z.object({
  type: z.enum(['visit', 'demand', 'clinic', 'followup', 'demand_event', 'activity', 'outcome']),
  id: Id,
  /** What orders the timeline: a date or an instant. */
  at: z.string(),
  title: z.string(),
  status: z.string().nullable(),
  staffName: z.string().nullable(),
  refId: Id.nullable(),
  /** A demand's move that lost its place when laptops moved it apart: shown, never applied. */
  superseded: z.boolean().optional(),
  /** demand_event: what the event was (DEMAND_EVENT_TYPES: a move, a unit's reply, 督办, 催办, 延期…). */
  event: z.string().optional(),
  /** demand_event of a unit's reply: the unit. */
  unitName: z.string().nullable().optional(),
  /** demand_event of a hand-over (交办): the lead and co units, by name. */
  leadUnitName: z.string().nullable().optional(),
  coUnitNames: z.array(z.string()).optional(),
  /** activity / outcome: its type (the activityType / outcomeType code). */
  kind: z.string().nullable().optional(),
  /** outcome: its amount in yuan. */
  amount: z.number().nullable().optional(),
});

export const BoardStaffCount = z.object({
  staffId: z.string().nullable(),
  name: z.string().nullable(),
  open: z.number().int(),
  overdue: z.number().int(),
  dueSoon: z.number().int(),
});

/** A 延期申请 waiting for a supervisor's decision, as the board lists it. */
export const BoardExtension = ExtensionRequest.extend({
  demandId: z.string(),
  title: z.string(),
  enterpriseName: z.string().nullable(),
  /** The demand's due date now: the request asks to move it to `dueDate`. */
  currentDueDate: z.string().nullable(),
});

/** The board's counts per lead unit (主办单位); unitId null: demands with no lead unit. */
export const BoardUnitCount = z.object({
  unitId: z.string().nullable(),
  name: z.string().nullable(),
  open: z.number().int(),
  overdue: z.number().int(),
  dueSoon: z.number().int(),
});

export const Transition = z.strictObject({
  id: Id,
  to: z.enum(DEMAND_STATUSES),
  note: z.string().trim().max(2000).nullable().optional(),
  closureType: z.enum(CLOSURE_TYPES).nullable().optional(),
  resolution: z.string().trim().max(4000).nullable().optional(),
  assigneeStaffId: Id.nullable().optional(),
  /** On a move to 'assigned': the lead unit (主办) and co-handling units (协办) it is handed to. */
  leadUnitId: Id.nullable().optional(),
  coUnitIds: DemandFields.shape.coUnitIds,
  at: Instant.optional(),
});

// --- sync ---------------------------------------------------------------------
const Passphrase = z.string().min(1).max(1000);
const FilePath = z.string().min(1).max(4096);
const ExportResult = z.object({
  fileName: z.string(),
  path: z.string().nullable(),
  contentBase64: z.string().nullable(),
  bytes: z.number().int(),
  changeCount: z.number().int(),
  full: z.boolean(),
});
export const ImportReport = z.object({
  id: z.string(),
  at: z.string(),
  fileName: z.string().nullable(),
  origin: z.object({ id: z.string(), name: z.string() }),
  exportedAt: z.string(),
  received: z.number().int(),
  newChanges: z.number().int(),
  alreadyKnown: z.number().int(),
  createdRecords: z.number().int(),
  updatedRecords: z.number().int(),
  conflicts: z.number().int(),
  deletions: z.record(z.string(), z.number().int()),
  duplicateEnterprises: z.number().int(),
  /** Groups of staff members recorded twice (staff.duplicates; absent before schema 22). */
  duplicateStaff: z.number().int().optional(),
  /** Live records left under a deleted or merged-away parent (absent before schema 10). */
  orphans: z.number().int().optional(),
  anomalies: z.array(
    z.object({
      kind: z.string(),
      device: z.string().optional(),
      deviceName: z.string().optional(),
      message: z.string(),
      msg: MsgSchema.optional(),
    }),
  ),
  backup: z.string().nullable(),
});
const ConflictSide = z.object({
  value: z.unknown(),
  device: z.string(),
  deviceName: z.string().nullable(),
  at: z.string(),
});
export const CONFLICT_TYPES = ['field', 'workflow', 'delete'] as const;
export const ConflictView = z.object({
  id: z.string(),
  detectedAt: z.string(),
  /** field: a value lost to a concurrent edit; workflow: a move lost its place; delete: lost to a delete. */
  type: z.enum(CONFLICT_TYPES),
  kind: z.string(),
  recordId: z.string(),
  recordLabel: z.string().nullable(),
  field: z.string(),
  winner: ConflictSide,
  loser: ConflictSide,
  resolvedAt: z.string().nullable(),
  resolution: z.string().nullable(),
  /** What a workflow or delete conflict needs to be shown and resolved. */
  detail: z.unknown().nullable(),
});
export const ORPHAN_ACTIONS = ['reattach', 'delete', 'restoreParent'] as const;
/** A live record whose parent is deleted, or was merged into another record (the survivor). */
export const OrphanView = z.object({
  kind: z.enum(RECORD_KINDS),
  recordId: z.string(),
  recordLabel: z.string().nullable(),
  parentKind: z.enum(RECORD_KINDS),
  parentId: z.string(),
  parentLabel: z.string().nullable(),
  reason: z.enum(['deleted', 'merged']),
  /** The record the parent was merged into, to re-attach to. */
  suggestedParentId: z.string().nullable(),
});
/** A change held for being stamped far ahead of this laptop's clock (its clock is wrong). */
export const QuarantineView = z.object({
  hlc: z.string(),
  device: z.string(),
  /** The name of the laptop that made it (or sent it, when that one is unknown here). */
  deviceName: z.string().nullable(),
  kind: z.string(),
  recordId: z.string(),
  recordLabel: z.string().nullable(),
  field: z.string(),
  value: z.unknown(),
  /** The time it is stamped with. */
  at: z.string(),
});
/** The long job running (a sync export, import or folder sync) and its latest step. */
export const JobView = z.object({
  method: z.string(),
  startedAt: z.string(),
  phase: z.enum(JOB_PHASES),
  done: z.number().int(),
  total: z.number().int(),
  file: z.object({ name: z.string(), index: z.number().int(), count: z.number().int() }).nullable(),
});
export const SyncStatus = z.object({
  team: z.object({ id: z.string(), name: z.string() }).nullable(),
  teamCode: z.string().nullable(),
  device: DeviceRecord.pick({ id: true, name: true, code: true }),
  pendingChanges: z.number().int(),
  /** Per table, the records and changes the next export holds; null when too many wait to say. */
  pendingByKind: z
    .record(z.string(), z.object({ records: z.number().int(), changes: z.number().int() }))
    .nullable(),
  lastExportAt: z.string().nullable(),
  /** The sync folder this laptop last used (kept on this laptop only). */
  folder: z.string().nullable(),
  imports: z.array(ImportReport),
  devices: z.array(
    z.object({
      id: z.string(),
      name: z.string().nullable(),
      code: z.string().nullable(),
      isMe: z.boolean(),
      lastHlc: z.string().nullable(),
      lastChangeAt: z.string().nullable(),
    }),
  ),
  openConflicts: z.number().int(),
  duplicateEnterprises: z.number().int(),
  orphans: z.number().int(),
  /** Changes held for being stamped far ahead (quarantine.list). */
  quarantined: z.number().int(),
  clockBehind: z.object({ newestSeen: z.string(), now: z.string() }).nullable(),
});

const BackupInfo = z.object({
  file: z.string(),
  path: z.string(),
  at: z.string(),
  reason: z.string(),
  bytes: z.number().int(),
  /** Its SHA-256 as written when it was taken: matches, is missing (older versions), or not. */
  checksum: z.enum(['verified', 'unverified', 'mismatch']),
  /** The backup cannot be restored: its content changed since it was taken. */
  damaged: z.boolean(),
});

function def<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output };
}

export const contract = {
  'staff.create': staff.create,
  'staff.get': staff.get,
  'staff.update': staff.update,
  'staff.delete': staff.delete,
  'staff.list': staff.list,
  'enterprises.create': { ...enterprises.create, output: EnterpriseChecked },
  'enterprises.get': { ...enterprises.get, output: EnterpriseChecked },
  'enterprises.update': { ...enterprises.update, output: EnterpriseChecked },
  'enterprises.delete': enterprises.delete,
  'enterprises.list': enterprises.list,
  'experts.create': experts.create,
  'experts.get': experts.get,
  'experts.update': experts.update,
  'experts.delete': experts.delete,
  'experts.list': experts.list,
  'units.create': units.create,
  'units.get': units.get,
  'units.update': units.update,
  'units.delete': units.delete,
  'units.list': units.list,
  'visits.create': visits.create,
  'visits.get': visits.get,
  'visits.update': visits.update,
  'visits.delete': visits.delete,
  'visits.list': visits.list,
  'demands.create': demands.create,
  'demands.get': demands.get,
  'demands.update': demands.update,
  'demands.delete': demands.delete,
  'demands.list': demands.list,
  'clinics.create': clinics.create,
  'clinics.get': clinics.get,
  'clinics.update': clinics.update,
  'clinics.delete': clinics.delete,
  'clinics.list': clinics.list,
  'followups.create': followups.create,
  'followups.get': followups.get,
  'followups.update': followups.update,
  'followups.delete': followups.delete,
  'followups.list': followups.list,
  'activities.create': activities.create,
  'activities.get': activities.get,
  'activities.update': activities.update,
  'activities.delete': activities.delete,
  'activities.list': activities.list,
  'outcomes.create': outcomes.create,
  'outcomes.get': outcomes.get,
  'outcomes.update': outcomes.update,
  'outcomes.delete': outcomes.delete,
  'outcomes.list': outcomes.list,
  'app.info': def(z.strictObject({}).optional().default({}), AppInfo),
  'me.set': def(z.strictObject({ staffId: Id }), AppInfo),
  'me.tasks': def(
    z.strictObject({}).optional().default({}),
    z.object({
      today: z.string(),
      followups: z.array(FollowupRecord),
      /** My open demands due today or late. */
      demands: z.array(DemandRecord),
      /** My open demands handed to me today (created, assigned or reassigned), not yet due. */
      assignedToday: z.array(DemandRecord),
      /** My open demands a unit replied on (recorded by someone else) since my last step on them. */
      unitReplies: z.array(
        DemandRecord.extend({
          /** The latest of those replies. */
          unitReply: z.object({
            at: z.string(),
            unitName: z.string().nullable(),
            note: z.string().nullable(),
          }),
        }),
      ),
      /** For a supervisor: the open demands whose extension request waits for a decision. */
      extensionRequests: z.array(DemandRecord),
    }),
  ),
  'search.global': def(SearchInput, SearchResult),
  'enterprises.timeline': def(ById, z.object({ enterprise: EnterpriseRecord, items: z.array(TimelineItem) })),
  'enterprises.checkDuplicates': def(
    z.strictObject({
      uscc: z.string().max(40).optional(),
      name: z.string().max(200).optional(),
      excludeId: Id.optional(),
    }),
    z.object({
      sameUscc: z.array(EnterpriseRecord),
      similarName: z.array(EnterpriseRecord),
      usccProblem: z.string().nullable(),
    }),
  ),
  'demands.transition': def(Transition, DemandRecord),
  'demands.openBoard': def(
    z
      .strictObject({
        assigneeStaffId: Id.optional(),
        town: z.string().max(100).optional(),
        /** Only demands under supervision (督办). */
        supervised: z.literal(true).optional(),
        /** Demands this unit leads or co-handles. */
        unitId: Id.optional(),
      })
      .optional()
      .default({}),
    z.object({
      today: z.string(),
      rows: z.array(DemandRecord),
      counts: z.object({
        open: z.number().int(),
        overdue: z.number().int(),
        dueSoon: z.number().int(),
        supervised: z.number().int(),
      }),
      /** Among them, those whose first reply (阶段性答复) is late. */
      lateFirstReplies: z.number().int(),
      byStaff: z.array(BoardStaffCount),
      /** The pending extension requests among the board's demands, for a supervisor to decide. */
      extensions: z.array(BoardExtension),
      byUnit: z.array(BoardUnitCount),
    }),
  ),
  'demands.reassign': def(
    z.strictObject({
      ids: z.array(Id).min(1).max(1000),
      assigneeStaffId: Id,
      note: z.string().trim().max(2000).optional(),
    }),
    z.object({ updated: z.number().int() }),
  ),
  'demands.requestExtension': def(
    z.strictObject({ id: Id, dueDate: CalendarDate, reason: z.string().trim().min(1).max(2000) }),
    DemandRecord,
  ),
  'demands.decideExtension': def(
    z.strictObject({ id: Id, approve: z.boolean(), note: z.string().trim().max(2000).optional() }),
    DemandRecord,
  ),
  'demands.supervise': def(
    z.strictObject({
      ids: z.array(Id).min(1).max(1000),
      level: z.enum(SUPERVISION_LEVELS),
      note: z.string().trim().min(1).max(2000),
    }),
    z.object({ updated: z.number().int() }),
  ),
  'demands.urge': def(
    z.strictObject({ ids: z.array(Id).min(1).max(1000), note: z.string().trim().max(2000).optional() }),
    /** Per demand, the reminder ready to paste into a chat app. */
    z.object({ texts: z.array(z.object({ id: z.string(), text: z.string() })) }),
  ),
  'demands.unitReply': def(
    z.strictObject({ id: Id, unitId: Id, note: z.string().trim().min(1).max(4000) }),
    DemandRecord,
  ),
  /** A 阶段性答复 to the enterprise: the first one is the demand's firstRepliedAt. */
  'demands.reply': def(z.strictObject({ id: Id, note: z.string().trim().min(1).max(4000) }), DemandRecord),
  'settings.get': def(z.strictObject({}).optional().default({}), SettingsSchema),
  'settings.set': def(SettingsSetInput, SettingsSchema),
  'calendar.get': def(CalendarGetInput, CalendarYearSchema),
  'calendar.set': def(CalendarSetInput, CalendarYearSchema),
  'targets.set': def(TargetSetInput, TargetSchema),
  'targets.list': def(TargetListInput, TargetListSchema),
  'targets.delete': def(TargetDeleteInput, TargetDeleteSchema),
  'sync.team.create': def(
    z.strictObject({ name: z.string().trim().min(1).max(100), passphrase: Passphrase }),
    z.object({ teamId: z.string(), name: z.string(), teamCode: z.string() }),
  ),
  'sync.team.join': def(
    z.strictObject({ code: z.string().min(1).max(2000), passphrase: Passphrase }),
    z.object({ teamId: z.string(), name: z.string(), teamCode: z.string() }),
  ),
  'sync.export': def(
    z
      .strictObject({ full: z.boolean().optional(), path: FilePath.optional(), dir: FilePath.optional() })
      .optional()
      .default({}),
    ExportResult,
  ),
  'sync.import': def(
    z.strictObject({
      path: FilePath.optional(),
      // A sync file of a whole large district (×20: 53 MB, 70 M characters in base64) fits the web door's body limit.
      contentBase64: z.string().max(80_000_000).optional(),
      fileName: z.string().max(300).optional(),
      confirmMassDelete: z.boolean().optional(),
    }),
    ImportReport,
  ),
  'sync.folder': def(
    z.strictObject({ path: FilePath, confirmMassDelete: z.boolean().optional() }),
    z.object({
      imported: z.array(ImportReport),
      refused: z.array(z.object({ fileName: z.string(), message: z.string(), msg: MsgSchema.optional() })),
      exported: z.object({ fileName: z.string(), changeCount: z.number().int() }).nullable(),
    }),
  ),
  'sync.status': def(z.strictObject({}).optional().default({}), SyncStatus),
  'sync.progress': def(z.strictObject({}).optional().default({}), z.object({ job: JobView.nullable() })),
  'conflicts.list': def(
    z.strictObject({ includeResolved: z.boolean().optional() }).optional().default({}),
    z.object({ rows: z.array(ConflictView) }),
  ),
  'conflicts.resolve': def(z.strictObject({ id: Id, keep: z.enum(['winner', 'loser']) }), ConflictView),
  'orphans.list': def(z.strictObject({}).optional().default({}), z.object({ rows: z.array(OrphanView) })),
  'orphans.resolve': def(
    z.strictObject({
      kind: z.enum(RECORD_KINDS),
      recordId: Id,
      /** reattach: to parentId (default: the survivor of a merge); restoreParent: undelete it. */
      action: z.enum(ORPHAN_ACTIONS),
      parentId: Id.optional(),
      /** Which deleted parent, for a record listing several (a clinic's enterprises). */
      fromParentId: Id.optional(),
    }),
    z.object({ rows: z.array(OrphanView) }),
  ),
  'quarantine.list': def(
    z.strictObject({}).optional().default({}),
    z.object({ rows: z.array(QuarantineView) }),
  ),
  'quarantine.resolve': def(
    z.strictObject({
      hlcs: z.array(z.string().min(1).max(200)).min(1).max(10_000),
      action: z.enum(['accept', 'discard']),
    }),
    z.object({ resolved: z.number().int() }),
  ),
  'duplicates.list': def(
    z.strictObject({}).optional().default({}),
    z.object({ groups: z.array(z.object({ uscc: z.string(), enterprises: z.array(EnterpriseRecord) })) }),
  ),
  'duplicates.merge': def(
    z.strictObject({ keepId: Id, mergeIds: z.array(Id).min(1).max(50) }),
    z.object({
      kept: EnterpriseRecord,
      moved: z.object({
        visits: z.number().int(),
        demands: z.number().int(),
        clinics: z.number().int(),
        outcomes: z.number().int(),
        activities: z.number().int(),
      }),
    }),
  ),
  // The same person recorded on two laptops (same name and phone): offered, then merged.
  'staff.duplicates': def(
    z.strictObject({}).optional().default({}),
    z.object({
      groups: z.array(z.object({ name: z.string(), phone: z.string(), staff: z.array(StaffRecord) })),
    }),
  ),
  'staff.merge': def(
    z.strictObject({ keepId: Id, mergeIds: z.array(Id).min(1).max(50) }),
    /** `moved`: the records now naming the survivor, by kind. */
    z.object({ kept: StaffRecord, moved: z.record(z.string(), z.number().int()) }),
  ),
  'backups.list': def(z.strictObject({}).optional().default({}), z.object({ rows: z.array(BackupInfo) })),
  'backups.create': def(
    z.strictObject({ out: FilePath.optional() }).optional().default({}),
    z.object({ path: z.string(), bytes: z.number().int() }),
  ),
  'backups.restore': def(
    z.strictObject({ file: FilePath }),
    z.object({ restoredFrom: z.string(), safetyBackup: z.string().nullable(), newIdentity: NewIdentity }),
  ),
  'audit.record': def(
    z.strictObject({ kind: z.enum(RECORD_KINDS), id: Id }),
    z.object({
      /**
       * The names of the records the rows' values refer to, by id (an enterprise's name, a
       * demand's title, a unit's or a staff member's name, a visit's number), deleted ones included.
       */
      names: z.record(z.string(), z.string()),
      rows: z.array(
        z.object({
          at: z.string(),
          device: z.string(),
          deviceName: z.string().nullable(),
          staffId: z.string().nullable(),
          staffName: z.string().nullable(),
          field: z.string(),
          value: z.unknown(),
        }),
      ),
    }),
  ),
  'reports.summary': def(SummaryInput, SummaryReportSchema),
  'reports.quarterly': def(QuarterlyInput, QuarterlyReportSchema),
  'reports.records': def(RecordsInput, FigureRecordsSchema),
  'reports.narrative.get': def(NarrativeGetInput, NarrativeSchema),
  'reports.narrative.save': def(NarrativeSaveInput, NarrativeSchema),
  'reports.export': def(ExportInput, ExportedFileSchema),
  'reports.upward': def(UpwardInput, UpwardReportSchema),
  'reports.upwardExport': def(UpwardExportInput, ExportedFileSchema),
  ...ledgerContract(ListInput),
} satisfies Record<MethodName, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
