import { msg } from '@shared/messages';
import type { z } from 'zod';
import {
  type Core,
  myRole,
  notAfterToday,
  requireLive,
  requireLiveListed,
  requireLiveRef,
  requireMe,
  softDelete,
} from '../../core';
import { getRow, insertRecord, listRows, preparedOn, updateRecord } from '../../store/records';
import type { VisitCreate, VisitFields, Visit } from '@shared/contract/schemas';
import type { ListQuery } from '@shared/contract/contract';
import { ApiError, invalid } from '@shared/contract/errors';
import { decorate, insertDemand } from '../demands/service';
import { nextVisitNo } from './numbers';
import { startOfShanghaiDay } from '@shared/domain/dates';
import type { Made } from '../../registry/define';

type VisitInput = z.output<typeof VisitCreate>;
type VisitPatch = Partial<z.output<typeof VisitFields>> & { id: string };

export function getVisit(core: Core, id: string): Visit {
  const visit = requireLiveListed(core, 'visits', id);
  const demands = preparedOn(
    core.store.db,
    `SELECT "id" FROM demands WHERE "sourceVisitId" = ? AND "deletedAt" IS NULL ORDER BY "createdAt", "id"`,
  ).all(id) as { id: string }[];
  return {
    ...visit,
    demands: demands.map((d) => decorate(core, getRow(core.store, 'demands', d.id, true)!)),
  };
}

function checkStaff(core: Core, lead: string, staffIds: string[]): string[] {
  requireLiveRef(core, 'staff', lead, 'leadStaffId');
  staffIds.forEach((s, i) => requireLiveRef(core, 'staff', s, `staffIds.${i}`));
  return staffIds.includes(lead) ? staffIds : [lead, ...staffIds];
}

function reviewRules(core: Core, from: string | null, to: string | undefined): Record<string, unknown> {
  if (to === undefined || to === from) return {};
  if (to === 'reviewed' || from === 'reviewed') {
    if (myRole(core) !== 'supervisor') {
      throw new ApiError('FORBIDDEN', msg('role.supervisorOnly', { what: { key: 'act.reviewVisit' } }), {
        field: 'status',
      });
    }
  }
  return { reviewedBy: to === 'reviewed' ? core.store.actor.staffId : null };
}

/**
 * Inserts a new visit whose enterprise the caller has found live: the rules of a new visit (date
 * not after today unless a draft, live staff with the lead among them, only a supervisor
 * reviews). `visitNo` numbers it (the importer numbers many visits from one read). Returns its id.
 */
export function insertNewVisit(
  core: Core,
  input: Omit<VisitInput, 'demands'>,
  visitNo: (date: string) => string = (date) => nextVisitNo(core, date),
): string {
  const status = input.status ?? 'submitted';
  if (status !== 'draft') notAfterToday(core, 'date', input.date);
  const lead = input.leadStaffId ?? requireMe(core, 'leadStaffId');
  const staffIds = checkStaff(core, lead, input.staffIds ?? []);
  return insertRecord(core.store, 'visits', {
    ...input,
    leadStaffId: lead,
    staffIds,
    solvedOnSite: input.solvedOnSite ?? false,
    enterpriseConfirmed: input.enterpriseConfirmed ?? false,
    status,
    ...reviewRules(core, null, status),
    visitNo: visitNo(input.date),
  });
}

export const createVisit = (core: Core, input: VisitInput): Visit =>
  getVisit(core, insertVisit(core, input).id);

/** createVisit's writes, without reading the visit back: its id and its demands' in order. */
export function insertVisit(core: Core, { demands = [], ...input }: VisitInput): Made {
  requireLiveRef(core, 'enterprises', input.enterpriseId, 'enterpriseId');
  const { visitNumbers } = core;
  const id = insertNewVisit(core, input, visitNumbers && ((date) => visitNumbers.take(date)));
  const made = demands.map((d, i) => {
    try {
      return insertDemand(core, {
        ...d,
        enterpriseId: input.enterpriseId,
        source: 'visit',
        sourceVisitId: id,
        receivedAt: d.receivedAt ?? startOfShanghaiDay(input.date),
      });
    } catch (e) {
      throw prefixField(e, `demands.${i}`);
    }
  });
  return { id, with: made };
}

/** Re-anchors a nested record's field error under its place in the parent's input. */
function prefixField(e: unknown, prefix: string): unknown {
  if (!(e instanceof ApiError) || typeof e.details.field !== 'string') return e;
  const field = `${prefix}.${e.details.field}`;
  return new ApiError(e.code, e.msg, {
    ...e.details,
    field,
    issues: (e.details.issues ?? []).map((i) => ({ ...i, path: `${prefix}.${i.path}` })),
  });
}

export const updateVisit = (core: Core, patch: VisitPatch): Visit => {
  patchVisit(core, patch);
  return getVisit(core, patch.id);
};

/** updateVisit's writes, without reading the visit back. */
export function patchVisit(core: Core, { id, ...patch }: VisitPatch): void {
  const current = requireLive(core, 'visits', id);
  if (patch.enterpriseId) requireLiveRef(core, 'enterprises', patch.enterpriseId, 'enterpriseId');
  const status = patch.status ?? current.status ?? 'submitted';
  const date = patch.date ?? current.date;
  if (status !== 'draft' && date && (patch.date || patch.status)) notAfterToday(core, 'date', date);
  const next: Record<string, unknown> = {
    ...patch,
    ...reviewRules(core, current.status ?? null, patch.status),
  };
  if (patch.leadStaffId || patch.staffIds) {
    next.staffIds = checkStaff(
      core,
      patch.leadStaffId ?? current.leadStaffId!,
      patch.staffIds ?? current.staffIds ?? [],
    );
  }
  if (patch.enterpriseId && patch.enterpriseId !== current.enterpriseId) {
    const raised = core.store.db
      .prepare(`SELECT count(*) AS n FROM demands WHERE "sourceVisitId" = ? AND "deletedAt" IS NULL`)
      .get(id) as { n: number };
    if (raised.n) throw invalid('enterpriseId', msg('visit.hasDemands'));
  }
  updateRecord(core.store, 'visits', id, next);
}

export const deleteVisit = (core: Core, id: string) => softDelete(core, 'visits', id);

export function listVisits(core: Core, query: ListQuery) {
  return listRows(core.store, 'visits', query);
}
