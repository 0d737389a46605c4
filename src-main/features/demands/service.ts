import type { z } from 'zod';
import {
  type Core,
  myRole,
  nowIso,
  notInFuture,
  requireLive,
  requireSupervisor,
  softDelete,
  today,
} from '../../core';
import { getRow, insertRecord, listRows, updateRecord } from '../../store/records';
import type { ListedOf } from '../../store/schema';
import type { DemandFields, DemandPatch, Demand, DemandHistoryEntry } from '@shared/contract/schemas';
import type { ListQuery, Transition } from '@shared/contract/contract';
import { ApiError, invalid } from '@shared/contract/errors';
import { checkMove, deadline, defaultDueDate } from '@shared/domain/workflow';
import { eventType, type HistoryEventData } from '@shared/domain/demandReplay';
import { addDays, shanghaiDate, toInstant } from '@shared/domain/dates';
import { OPEN_DEMAND_STATUSES, isOpenStatus, type DemandStatus } from '@shared/domain/enums';
import { eventsOf, replayDemands } from './replay';

type DemandInput = z.output<typeof DemandFields>;
type TransitionInput = z.output<typeof Transition>;

/** Adds the deadline flags, read against today's date. */
export function decorate(core: Core, d: ListedOf<'demands'>): Demand {
  const flags = deadline(
    { status: d.status, dueDate: d.dueDate ?? null, holdSince: d.holdSince ?? null },
    today(core),
  );
  return {
    ...d,
    overdue: flags.overdue,
    dueSoon: flags.dueSoon,
    effectiveDueDate: flags.effectiveDueDate,
    daysLeft: flags.daysLeft,
  };
}

/** A demand's events by their `at`, the moves that lost their place marked superseded (by the replay). */
export function demandHistory(core: Core, demandId: string): DemandHistoryEntry[] {
  const events = eventsOf(core.store, [demandId]).get(demandId) ?? [];
  return events
    .map((e) => ({
      id: e.id,
      at: e.at,
      by: e.by,
      from: e.from,
      to: e.to,
      note: e.note,
      type: eventType(e),
      superseded: e.superseded,
    }))
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function getDemand(core: Core, id: string): Demand {
  requireLive(core, 'demands', id);
  return { ...decorate(core, getRow(core.store, 'demands', id, true)!), history: demandHistory(core, id) };
}

/**
 * Appends an event to a demand's history, then writes what the replay of its history now
 * gives: the one way a demand's status, closure, hold and due date change.
 */
function recordEvent(
  core: Core,
  demandId: string,
  event: {
    type: 'transition' | 'reassigned' | 'due_date_set';
    at: string;
    from: DemandStatus | null;
    to: DemandStatus;
    note?: string | null | undefined;
    data?: HistoryEventData | undefined;
  },
): void {
  insertRecord(core.store, 'demandHistory', {
    demandId,
    type: event.type,
    at: event.at,
    by: core.store.actor.staffId,
    from: event.from,
    to: event.to,
    note: event.note ?? null,
    data: event.data ?? null,
  });
  replayDemands(core.store, [demandId], 'local');
}

function checkReferences(
  core: Core,
  input: Partial<DemandInput>,
  enterpriseId: string | null | undefined,
): void {
  if (input.enterpriseId) requireLive(core, 'enterprises', input.enterpriseId, 'enterpriseId');
  if (input.assigneeStaffId) requireLive(core, 'staff', input.assigneeStaffId, 'assigneeStaffId');
  if (input.sourceVisitId) {
    const visit = requireLive(core, 'visits', input.sourceVisitId, 'sourceVisitId');
    if (visit.enterpriseId !== enterpriseId) {
      throw invalid('sourceVisitId', 'the visit was to another enterprise');
    }
  }
  if (input.sourceClinicId) {
    const clinic = requireLive(core, 'clinics', input.sourceClinicId, 'sourceClinicId');
    const diagnosed = (clinic.enterprises as { enterpriseId: string }[] | null) ?? [];
    if (!diagnosed.some((e) => e.enterpriseId === enterpriseId)) {
      throw invalid('sourceClinicId', 'the enterprise was not diagnosed in that clinic');
    }
  }
}

export function createDemand(core: Core, input: DemandInput): Demand {
  checkReferences(core, input, input.enterpriseId);
  const receivedAt = input.receivedAt ? toInstant(input.receivedAt) : nowIso(core);
  notInFuture(core, 'receivedAt', receivedAt);
  const source = input.source ?? (input.sourceVisitId ? 'visit' : input.sourceClinicId ? 'clinic' : 'other');
  if (source === 'visit' && !input.sourceVisitId)
    throw invalid('sourceVisitId', "is required when source is 'visit'");
  if (source === 'clinic' && !input.sourceClinicId) {
    throw invalid('sourceClinicId', "is required when source is 'clinic'");
  }
  const complex = input.complex ?? false;
  const dueDate = input.dueDate ?? defaultDueDate(receivedAt, complex);
  if (dueDate < shanghaiDate(receivedAt)) throw invalid('dueDate', 'is before the demand was received');
  const id = insertRecord(core.store, 'demands', {
    ...input,
    source,
    complex,
    level: input.level ?? 'district',
    receivedAt,
    dueDate,
    status: 'pending',
    onHoldDays: 0,
  });
  recordEvent(core, id, { type: 'transition', at: receivedAt, from: null, to: 'pending', data: { dueDate } });
  return getDemand(core, id);
}

export function updateDemand(
  core: Core,
  { id, ...patch }: z.output<typeof DemandPatch> & { id: string },
): Demand {
  const current = requireLive(core, 'demands', id);
  const enterpriseId = patch.enterpriseId ?? current.enterpriseId;
  checkReferences(
    core,
    {
      ...patch,
      sourceVisitId: patch.sourceVisitId ?? (patch.enterpriseId ? current.sourceVisitId : undefined),
      sourceClinicId: patch.sourceClinicId ?? (patch.enterpriseId ? current.sourceClinicId : undefined),
    },
    enterpriseId,
  );
  // Deadlines are controlled: after creation a due date moves only by hold time (and by an
  // approved extension), each a history event.
  if (patch.dueDate !== undefined && patch.dueDate !== current.dueDate) {
    throw invalid('dueDate', 'cannot be changed after the demand was created: it moves only by hold time');
  }
  const { dueDate: _unchanged, ...next } = patch;
  updateRecord(core.store, 'demands', id, next);
  // Switching between ordinary and complex moves a due date that was still the default
  // (the default moved by the days already spent on hold) of an open demand.
  if (patch.complex !== undefined && current.receivedAt && current.status && isOpenStatus(current.status)) {
    const held = current.onHoldDays ?? 0;
    const wasDefault =
      current.dueDate === addDays(defaultDueDate(current.receivedAt, current.complex ?? false), held);
    const dueDate = addDays(defaultDueDate(current.receivedAt, patch.complex), held);
    if (wasDefault && dueDate !== current.dueDate) {
      recordEvent(core, id, {
        type: 'due_date_set',
        at: nowIso(core),
        from: current.status,
        to: current.status,
        note: `${patch.complex ? '改为复杂需求' : '改为一般需求'}，办理期限调整为 ${dueDate} (due date follows the switch)`,
        data: { dueDate },
      });
    }
  }
  return getDemand(core, id);
}

export const deleteDemand = (core: Core, id: string) => softDelete(core, 'demands', id);

export function listDemands(core: Core, query: ListQuery) {
  const page = listRows(core.store, 'demands', query);
  return { rows: page.rows.map((r) => decorate(core, r)), total: page.total };
}

/** A workflow move. `automatic` is set when the system moves it (a dissatisfied follow-up). */
export function transitionDemand(core: Core, input: TransitionInput, automatic = false): Demand {
  const current = requireLive(core, 'demands', input.id);
  const from = current.status;
  const problem = checkMove({
    from,
    to: input.to,
    note: input.note,
    closureType: input.closureType,
    resolution: input.resolution,
    actorRole: myRole(core),
    automatic,
  });
  if (problem) {
    const code =
      problem.field === 'to' ? (problem.message.startsWith('only') ? 'FORBIDDEN' : 'WORKFLOW') : 'VALIDATION';
    throw new ApiError(code, `${problem.field}: ${problem.message}`, {
      field: problem.field,
      from,
      to: input.to,
      issues: [{ path: problem.field, message: problem.message }],
    });
  }
  const at = input.at ? toInstant(input.at) : nowIso(core);
  notInFuture(core, 'at', at);
  // Never before the previous transition (notes such as a due date switch do not count, nor a
  // move that lost its place to a concurrent one on another laptop).
  const moves = demandHistory(core, input.id).filter((h) => h.type === 'transition' && !h.superseded);
  const floor = moves[moves.length - 1]?.at ?? current.receivedAt;
  if (floor && Date.parse(at) < Date.parse(floor)) {
    throw invalid('at', `cannot be before the previous step (${floor})`);
  }

  let assigneeStaffId = input.assigneeStaffId ?? undefined;
  if (input.to === 'assigned') {
    assigneeStaffId ??= current.assigneeStaffId ?? undefined;
    if (!assigneeStaffId) throw invalid('assigneeStaffId', 'assigning a demand needs an assignee');
  }
  if (assigneeStaffId) {
    requireLive(core, 'staff', assigneeStaffId, 'assigneeStaffId');
    updateRecord(core.store, 'demands', input.id, { assigneeStaffId });
  }
  // What the move carries travels with it: the replay reads it from the event.
  const data: HistoryEventData | undefined =
    input.to === 'closed'
      ? { closureType: input.closureType ?? null, resolution: input.resolution ?? null }
      : input.to === 'assigned'
        ? { assigneeStaffId: assigneeStaffId ?? null }
        : undefined;
  recordEvent(core, input.id, { type: 'transition', at, from, to: input.to, note: input.note, data });
  return getDemand(core, input.id);
}

/** Moves a demand back to handling after a dissatisfied follow-up on an answer or closure. */
export function reopenAfterDissatisfied(core: Core, demandId: string, doneAt: string): void {
  const demand = getRow(core.store, 'demands', demandId);
  if (!demand || demand.deletedAt || (demand.status !== 'answered' && demand.status !== 'closed')) return;
  const history = demandHistory(core, demandId);
  const lastAt = history[history.length - 1]?.at ?? demand.receivedAt ?? doneAt;
  const at = Date.parse(doneAt) >= Date.parse(lastAt) ? doneAt : lastAt;
  transitionDemand(
    core,
    { id: demandId, to: 'in_progress', note: '回访不满意，重新办理 (dissatisfied follow-up)', at },
    true,
  );
}

export function openBoard(
  core: Core,
  input: { assigneeStaffId?: string | undefined; town?: string | undefined },
) {
  const filter: ListQuery['filter'] = { status: [...OPEN_DEMAND_STATUSES] };
  if (input.assigneeStaffId) filter.assigneeStaffId = input.assigneeStaffId;
  if (input.town) filter.town = input.town;
  const rows = listRows(core.store, 'demands', { filter, limit: 10_000 }).rows.map((r) => decorate(core, r));
  rows.sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      Number(b.dueSoon) - Number(a.dueSoon) ||
      (a.effectiveDueDate ?? '').localeCompare(b.effectiveDueDate ?? ''),
  );
  const staff = new Map<
    string | null,
    { staffId: string | null; name: string | null; open: number; overdue: number; dueSoon: number }
  >();
  for (const d of rows) {
    const key = d.assigneeStaffId ?? null;
    const s = staff.get(key) ?? {
      staffId: key,
      name: d.assigneeName ?? null,
      open: 0,
      overdue: 0,
      dueSoon: 0,
    };
    s.open += 1;
    if (d.overdue) s.overdue += 1;
    if (d.dueSoon) s.dueSoon += 1;
    staff.set(key, s);
  }
  return {
    today: today(core),
    rows,
    counts: {
      open: rows.length,
      overdue: rows.filter((d) => d.overdue).length,
      dueSoon: rows.filter((d) => d.dueSoon).length,
    },
    byStaff: [...staff.values()].sort((a, b) => b.overdue - a.overdue || b.open - a.open),
  };
}

/** Bulk reassignment from the supervisor board; pending demands become assigned. */
export function reassign(
  core: Core,
  input: { ids: string[]; assigneeStaffId: string; note?: string | undefined },
) {
  requireSupervisor(core, 'reassign demands');
  const assignee = requireLive(core, 'staff', input.assigneeStaffId, 'assigneeStaffId');
  const note = input.note?.trim() || `改派给 ${String(assignee.name)} (reassigned)`;
  let updated = 0;
  input.ids.forEach((id, i) => {
    const d = getRow(core.store, 'demands', id);
    if (!d || d.deletedAt) throw invalid(`ids.${i}`, `no demand with id '${id}'`);
    if (d.status === 'closed' || d.status === 'rejected') {
      throw invalid(`ids.${i}`, `demand '${d.title}' is ${d.status} and cannot be reassigned`);
    }
    if (!d.status) {
      throw invalid(
        `ids.${i}`,
        `demand '${d.title}' has no status yet (its record is still to come by sync)`,
      );
    }
    if (d.status === 'pending') {
      transitionDemand(core, { id, to: 'assigned', assigneeStaffId: input.assigneeStaffId, note });
    } else if (d.assigneeStaffId !== input.assigneeStaffId) {
      updateRecord(core.store, 'demands', id, { assigneeStaffId: input.assigneeStaffId });
      recordEvent(core, id, {
        type: 'reassigned',
        at: nowIso(core),
        from: d.status,
        to: d.status,
        note,
        data: { assigneeStaffId: input.assigneeStaffId },
      });
    } else return;
    updated += 1;
  });
  return { updated };
}
