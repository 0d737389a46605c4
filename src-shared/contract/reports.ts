import { schemaMessage as m } from '../messages';
import { z } from 'zod';
import { QUARTER_RE } from '../domain/quarter';
import { PERIOD_KINDS } from '../domain/period';
import { RECORD_FIGURES, SCALAR_KEYS, type ScalarKey } from '../reports/definitions';
import { TargetProgressMap } from './targets';

// Zod schemas of the report methods (reports.summary, reports.quarterly, reports.records,
// reports.narrative.get / .save, reports.export), used by contract.ts.

const Id = z.string().min(1).max(64);
const int = z.number().int();
const Bilingual = z.object({ zh: z.string(), en: z.string() });

const scopeFields = {
  staffId: Id.optional(),
  town: z.string().trim().min(1, m('field.empty')).max(100).optional(),
  unitId: Id.optional(),
};

const Quarter = z.string().regex(QUARTER_RE, m('field.quarter'));
/** '2026-08', '2026Q3', '2026H1', '2026' or '2026-01-01..2026-08-31'; checked by parsePeriod. */
const PeriodKey = z.string().trim().min(1, m('field.empty')).max(40);

export const QuarterlyInput = z.strictObject({ quarter: Quarter, ...scopeFields });

export const SummaryInput = z.strictObject({ period: PeriodKey, ...scopeFields });

/**
 * Methods about the records of a report (drill-down, narrative, export) take any `period`, or
 * the `quarter` they took before periods other than quarters existed.
 */
const PeriodOrQuarter = z.strictObject({
  quarter: Quarter.optional(),
  period: PeriodKey.optional(),
  ...scopeFields,
});

function onePeriod(v: { quarter?: string | undefined; period?: string | undefined }, ctx: z.RefinementCtx) {
  if (v.quarter === undefined && v.period === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['quarter'],
      message: m('report.periodOrQuarter'),
    });
  } else if (v.quarter !== undefined && v.period !== undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['period'],
      message: m('report.periodAndQuarter'),
    });
  }
}

const SplitEntry = z.object({ visits: int, enterprisesVisited: int });
const Split = z.record(z.string(), SplitEntry);
const count = int;
const maybeCount = int.nullable();
const rate = z.number().min(0).max(1).nullable();
const UnitEntry = z.object({
  name: z.string(),
  assigned: count,
  closed: count,
  openAtEnd: count,
  overdueAtEnd: count,
  onTimeRate: rate,
});

export const QuarterlyFigures = z.object({
  visits: count,
  enterprisesVisited: count,
  coverage: rate,
  byMode: Split,
  byTown: Split,
  byIndustry: Split,
  byTier: Split,
  byStaff: Split,
  solvedOnSite: count,
  leaderVisits: count,
  newDemands: count,
  carriedOver: count,
  byCategory: z.record(z.string(), count),
  closed: count,
  closureRate: rate,
  substantiveRate: rate,
  onTimeRate: rate,
  avgDaysToClose: z.number().nullable(),
  openAtEnd: count,
  overdueAtEnd: count,
  supervised: count,
  extensions: count,
  firstReplyRate: rate,
  byUnit: z.record(z.string(), UnitEntry),
  tierStock: z.record(z.string(), count),
  tierNew: z.record(z.string(), count),
  followups: count,
  satisfactionRate: rate,
  clinics: maybeCount,
  experts: maybeCount,
  enterprisesServed: maybeCount,
  cooperationIntentions: maybeCount,
  signedProjects: maybeCount,
  activities: count,
  activitiesByType: z.record(z.string(), count),
  attendees: count,
  enterprisesReached: count,
  outcomesByType: z.record(z.string(), z.object({ count, amount: z.number() })),
});

export const RateDetail = z.object({
  value: z.number().nullable(),
  numerator: z.number(),
  denominator: z.number(),
  formula: Bilingual,
  numeratorLabel: Bilingual,
  denominatorLabel: Bilingual,
});

export const ReportScope = z.object({
  type: z.enum(['bureau', 'staff', 'town', 'unit']),
  staffId: z.string().nullable(),
  staffName: z.string().nullable(),
  town: z.string().nullable(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  key: z.string(),
  label: Bilingual,
  rules: z.array(z.object({ group: z.string(), zh: z.string(), en: z.string() })),
});

const FigureChange = z.object({
  current: z.number().nullable(),
  previous: z.number().nullable(),
  changeVsPrevious: z.number().nullable(),
  pctVsPrevious: z.number().nullable(),
  lastYear: z.number().nullable(),
  changeVsLastYear: z.number().nullable(),
  pctVsLastYear: z.number().nullable(),
});

const ComparedWindow = z.object({ period: z.string(), from: z.string(), to: z.string() });

const summaryFields = {
  asOf: z.string(),
  partial: z.boolean(),
  scope: ReportScope,
  figures: QuarterlyFigures,
  rates: z.object({
    coverage: RateDetail,
    closureRate: RateDetail,
    substantiveRate: RateDetail,
    onTimeRate: RateDetail,
    avgDaysToClose: RateDetail,
    satisfactionRate: RateDetail,
    firstReplyRate: RateDetail,
  }),
  details: z.object({
    byMonth: Split,
    satisfaction: z.record(z.string(), count),
    workloadAtEnd: z.record(z.string(), count),
    staffNames: z.record(z.string(), z.string()),
  }),
  notes: z.array(z.object({ key: z.string(), zh: z.string(), en: z.string() })),
  /** The bureau's annual targets against their figures from 1 January to asOf (the 晾晒表). */
  targets: TargetProgressMap,
};

const comparisonFields = {
  previous: ComparedWindow,
  lastYear: ComparedWindow,
  figures: z.object(
    Object.fromEntries(SCALAR_KEYS.map((k) => [k, FigureChange])) as Record<ScalarKey, typeof FigureChange>,
  ),
};

export const SummaryReportSchema = z.object({
  period: z.string(),
  kind: z.enum(PERIOD_KINDS),
  from: z.string(),
  to: z.string(),
  ...summaryFields,
  comparison: z.object(comparisonFields),
});

export const QuarterlyReportSchema = z.object({
  quarter: z.string(),
  period: z.object({ start: z.string(), end: z.string() }),
  ...summaryFields,
  comparison: z.object({
    previousQuarter: z.string(),
    sameQuarterLastYear: z.string(),
    ...comparisonFields,
  }),
});

export const RecordsInput = PeriodOrQuarter.extend({
  figure: z.enum(RECORD_FIGURES),
  key: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(100_000).optional(),
  offset: z.number().int().min(0).max(10_000_000).optional(),
})
  .strict()
  .superRefine(onePeriod);

export const FigureRecordSchema = z.object({
  kind: z.enum(['visit', 'demand', 'followup', 'clinic', 'enterprise', 'expert', 'activity', 'outcome']),
  id: z.string(),
  date: z.string().nullable(),
  title: z.string().nullable(),
  enterpriseId: z.string().nullable(),
  enterpriseName: z.string().nullable(),
  town: z.string().nullable(),
  staffId: z.string().nullable(),
  staffName: z.string().nullable(),
  status: z.string().nullable(),
  inNumerator: z.boolean().nullable(),
  detail: z.record(z.string(), z.unknown()),
});

export const FigureRecordsSchema = z.object({
  /** The period's key (`quarter` too, as before other periods). */
  period: z.string(),
  quarter: z.string(),
  scope: ReportScope,
  figure: z.enum(RECORD_FIGURES),
  key: z.string().nullable(),
  kind: FigureRecordSchema.shape.kind,
  total: int,
  rows: z.array(FigureRecordSchema),
});

const narrativeText = z.string().max(20_000).nullable().optional();
export const NarrativeGetInput = PeriodOrQuarter.superRefine(onePeriod);
export const NarrativeSaveInput = PeriodOrQuarter.extend({
  typicalCases: narrativeText,
  recurringProblems: narrativeText,
  nextQuarterPlan: narrativeText,
})
  .strict()
  .superRefine(onePeriod);

export const NarrativeSchema = z.object({
  id: z.string(),
  /** The period's key (`quarter` too, as before other periods). */
  period: z.string(),
  quarter: z.string(),
  scopeKey: z.string(),
  typicalCases: z.string(),
  recurringProblems: z.string(),
  nextQuarterPlan: z.string(),
  updatedAt: z.string().nullable(),
  updatedByStaff: z.string().nullable(),
});

export const EXPORT_FORMATS = ['xlsx', 'docx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The report as a file: back as base64, or written to `path` (which must end with .xlsx / .docx). */
export const ExportInput = PeriodOrQuarter.extend({
  format: z.enum(EXPORT_FORMATS),
  path: z.string().min(1).max(4096).optional(),
  /** The bureau's name in the titles (default: the orgName setting). */
  orgName: z.string().trim().min(1, m('field.empty')).max(100).optional(),
})
  .strict()
  .superRefine(onePeriod);

export const ExportedFileSchema = z.object({
  fileName: z.string(),
  format: z.enum(EXPORT_FORMATS),
  path: z.string().nullable(),
  contentBase64: z.string().nullable(),
  bytes: z.number().int(),
});
