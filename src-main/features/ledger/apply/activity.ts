// Rows of an activity ledger (活动台账) and an outcome ledger (成效台账).
// An activity is the same one again when it has the same name on the same day; an outcome
// when it is the same enterprise's, of the same type, on the same day. Existing ones are
// completed, never overwritten (context.ts); an activity's enterprises are merged.
import { createActivity, updateActivity } from '../../activities/service';
import { createOutcome, updateOutcome } from '../../outcomes/service';
import { ActivityFields, OutcomeFields } from '@shared/contract/schemas';
import type { ApiError } from '@shared/contract/errors';
import { isRowProblem, toRowFailure } from '../failures';
import type { FieldKey } from '../fields';
import { enumLabel } from '../labels';
import type { RowValues } from '../rows';
import { fillPatch, withRemark, type Applied, type ImportContext } from './context';
import { resolveEnterprise } from './enterprise';

const ACTIVITY_FIELDS: Record<string, FieldKey> = {
  title: 'activityTitle',
  type: 'activityType',
  date: 'activityDate',
  place: 'activityPlace',
  status: 'activityStatus',
  enterpriseIds: 'activityEnterprises',
  attendees: 'attendees',
  organizerStaffIds: 'organizers',
  summary: 'activitySummary',
};

const OUTCOME_FIELDS: Record<string, FieldKey> = {
  enterpriseId: 'enterpriseName',
  type: 'outcomeType',
  date: 'outcomeDate',
  amount: 'amount',
  count: 'outcomeCount',
  status: 'outcomeStatus',
  description: 'outcomeDescription',
};

const failure = (fields: Record<string, FieldKey>, fallback: FieldKey) => (e: unknown) =>
  isRowProblem(e) ? toRowFailure(e as ApiError, fields, fallback) : e;

export function applyActivityRow(ctx: ImportContext, v: RowValues): Applied {
  const fail = failure(ACTIVITY_FIELDS, 'activityTitle');
  const title = v.activityTitle!;
  const date = v.activityDate!;
  const summary = withRemark(v.activitySummary, v.remark);
  const existing = ctx.core.store.db
    .prepare(
      `SELECT * FROM activities WHERE "title" = ? AND "date" = ? AND "deletedAt" IS NULL ORDER BY "createdAt", "id" LIMIT 1`,
    )
    .get(title, date) as Record<string, unknown> | undefined;
  if (!existing) {
    try {
      createActivity(
        ctx.core,
        ActivityFields.parse({
          title,
          date,
          type: v.activityType ?? 'other',
          place: v.activityPlace,
          status: v.activityStatus,
          enterpriseIds: v.activityEnterprises,
          attendees: v.attendees,
          organizerStaffIds: v.organizers,
          summary,
        }),
      );
    } catch (e) {
      throw fail(e);
    }
    return { outcome: 'create', enterprisesCreated: 0, notes: [] };
  }
  const notes: string[] = [];
  const patch = fillPatch(
    existing,
    [
      {
        key: 'type',
        field: 'activityType',
        value: v.activityType,
        display: (t) => enumLabel('activityType', String(t)),
      },
      { key: 'place', field: 'activityPlace', value: v.activityPlace },
      {
        key: 'status',
        field: 'activityStatus',
        value: v.activityStatus,
        display: (s) => enumLabel('activityStatus', String(s)),
      },
      { key: 'attendees', field: 'attendees', value: v.attendees },
      { key: 'summary', field: 'activitySummary', value: summary },
    ],
    notes,
  );
  for (const [key, values] of [
    ['enterpriseIds', v.activityEnterprises],
    ['organizerStaffIds', v.organizers],
  ] as const) {
    const had = JSON.parse(String(existing[key] ?? '[]')) as string[];
    const added = (values ?? []).filter((id) => !had.includes(id));
    if (added.length) patch[key] = [...had, ...added];
  }
  if (!Object.keys(patch).length) return { outcome: 'skip', enterprisesCreated: 0, notes };
  try {
    updateActivity(ctx.core, { id: existing.id as string, ...ActivityFields.partial().parse(patch) });
  } catch (e) {
    throw fail(e);
  }
  return { outcome: 'update', enterprisesCreated: 0, notes };
}

export function applyOutcomeRow(ctx: ImportContext, v: RowValues): Applied {
  const fail = failure(OUTCOME_FIELDS, 'outcomeType');
  const enterprise = resolveEnterprise(ctx, v, true);
  const type = v.outcomeType!;
  const date = v.outcomeDate!;
  const description = withRemark(v.outcomeDescription, v.remark);
  const existing = ctx.core.store.db
    .prepare(
      `SELECT * FROM outcomes WHERE "enterpriseId" = ? AND "type" = ? AND "date" = ? AND "deletedAt" IS NULL
       ORDER BY "createdAt", "id" LIMIT 1`,
    )
    .get(enterprise.id, type, date) as Record<string, unknown> | undefined;
  const notes = [...enterprise.notes];
  const created = enterprise.created ? 1 : 0;
  if (!existing) {
    try {
      createOutcome(
        ctx.core,
        OutcomeFields.parse({
          enterpriseId: enterprise.id,
          type,
          date,
          amount: v.amount,
          count: v.outcomeCount,
          status: v.outcomeStatus,
          description,
        }),
      );
    } catch (e) {
      throw fail(e);
    }
    return { outcome: 'create', enterprisesCreated: created, notes };
  }
  const patch = fillPatch(
    existing,
    [
      { key: 'amount', field: 'amount', value: v.amount },
      { key: 'count', field: 'outcomeCount', value: v.outcomeCount },
      {
        key: 'status',
        field: 'outcomeStatus',
        value: v.outcomeStatus,
        display: (s) => enumLabel('outcomeStatus', String(s)),
      },
      { key: 'description', field: 'outcomeDescription', value: description },
    ],
    notes,
  );
  if (!Object.keys(patch).length) return { outcome: 'skip', enterprisesCreated: created, notes };
  try {
    updateOutcome(ctx.core, { id: existing.id as string, ...OutcomeFields.partial().parse(patch) });
  } catch (e) {
    throw fail(e);
  }
  return { outcome: 'update', enterprisesCreated: created, notes };
}
