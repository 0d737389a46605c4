import { label, msg, sayZh, statusParams as status, type Msg } from '@shared/messages';
import type { z } from 'zod';
import {
  type Core,
  myRole,
  nowIso,
  notInFuture,
  requireLive,
  requireLiveRef,
  requireLiveListed,
  requireSupervisor,
  softDelete,
  today,
} from '../../core';
import { getRow, insertRecord, listRows, preparedOn, updateRecord } from '../../store/records';
import type { ListedOf } from '../../store/schema';
import type { DemandFields, DemandPatch, Demand, DemandHistoryEntry } from '@shared/contract/schemas';
import type { ListQuery, Transition } from '@shared/contract/contract';
import { ApiError, invalid, issue } from '@shared/contract/errors';
import {
  checkMove,
  deadline,
  type MoveProblem,
  defaultDueDate,
  firstReplyLate,
  slaDates,
} from '@shared/domain/workflow';
import { eventType, type DemandEventType, type HistoryEventData } from '@shared/domain/demandReplay';
import { missingForClosing, type FollowupOutcome } from '@shared/domain/closing';
import { addDays, shanghaiDate, toInstant } from '@shared/domain/dates';
import { OPEN_DEMAND_STATUSES, isOpenStatus, type DemandStatus } from '@shared/domain/enums';
import { eventsOf, eventTimesOf, replayDemands, type StoredEvent } from './replay';
import { unitNamesOf } from '../units/service';
import { slaOf, workCalendarOf } from '../settings/service';

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
    firstReplyLate: firstReplyLate(
      {
        status: d.status,
        firstReplyDue: d.firstReplyDue ?? null,
        firstRepliedAt: d.firstRepliedAt ?? null,
        holdSince: d.holdSince ?? null,
      },
      today(core),
    ),
  };
}

/**
 * A demand's events by their `at`, the moves that lost their place marked superseded (by the
 * replay). `events`: the demand's events as a replay just read and flagged them, if it did.
 */
export function demandHistory(
  core: Core,
  demandId: string,
  events: readonly StoredEvent[] = eventsOf(core.store, [demandId]).get(demandId) ?? [],
): DemandHistoryEntry[] {
  // The units named by the events (a unit's reply, a hand-over to lead and co units), by name.
  const names = unitNamesOf(
    core,
    events.flatMap((e) => [e.data?.unitId, e.data?.leadUnitId, ...(e.data?.coUnitIds ?? [])]),
  );
  const nameOf = (id: string | null | undefined) => (id ? (names.get(id) ?? null) : null);
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
      unitId: e.data?.unitId ?? null,
      unitName: nameOf(e.data?.unitId),
      ...(e.data?.leadUnitId || e.data?.coUnitIds?.length
        ? {
            leadUnitName: nameOf(e.data.leadUnitId),
            coUnitNames: (e.data.coUnitIds ?? []).map((id) => nameOf(id) ?? id),
          }
        : {}),
    }))
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function getDemand(core: Core, id: string, events?: readonly StoredEvent[]): Demand {
  return {
    ...decorate(core, requireLiveListed(core, 'demands', id)),
    history: demandHistory(core, id, events),
  };
}

/**
 * Appends an event to a demand's history, then writes what the replay of its history now
 * gives: the one way a demand's status, closure, hold and due date change. Returns the events
 * the replay read and flagged (none for a demand whose creation has not arrived).
 */
export function recordEvent(
  core: Core,
  demandId: string,
  event: {
    type: DemandEventType;
    at: string;
    from: DemandStatus | null;
    to: DemandStatus;
    note?: string | null | undefined;
    data?: HistoryEventData | undefined;
  },
): StoredEvent[] | undefined {
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
  return replayDemands(core.store, [demandId], 'local').get(demandId)?.events;
}

function checkReferences(
  core: Core,
  input: Partial<DemandInput>,
  enterpriseId: string | null | undefined,
): void {
  if (input.enterpriseId) requireLiveRef(core, 'enterprises', input.enterpriseId, 'enterpriseId');
  if (input.assigneeStaffId) requireLiveRef(core, 'staff', input.assigneeStaffId, 'assigneeStaffId');
  checkUnits(core, input);
  if (input.sourceVisitId) {
    const visit = requireLive(core, 'visits', input.sourceVisitId, 'sourceVisitId');
    if (visit.enterpriseId !== enterpriseId) {
      throw invalid('sourceVisitId', msg('demand.visitOtherEnterprise'));
    }
  }
  if (input.sourceClinicId) {
    const clinic = requireLive(core, 'clinics', input.sourceClinicId, 'sourceClinicId');
    const diagnosed = (clinic.enterprises as { enterpriseId: string }[] | null) ?? [];
    if (!diagnosed.some((e) => e.enterpriseId === enterpriseId)) {
      throw invalid('sourceClinicId', msg('demand.clinicOtherEnterprise'));
    }
  }
  if (input.sourceActivityId) {
    const activity = requireLive(core, 'activities', input.sourceActivityId, 'sourceActivityId');
    if (!enterpriseId || !(activity.enterpriseIds ?? []).includes(enterpriseId))
      throw invalid('sourceActivityId', msg('demand.activityOtherEnterprise'));
  }
}

/** A lead unit and co units that are live units, none of them twice. */
function checkUnits(
  core: Core,
  {
    leadUnitId,
    coUnitIds,
  }: { leadUnitId?: string | null | undefined; coUnitIds?: string[] | null | undefined },
): void {
  if (leadUnitId) requireLiveRef(core, 'units', leadUnitId, 'leadUnitId');
  (coUnitIds ?? []).forEach((unitId, i) => {
    if (unitId === leadUnitId) throw invalid(`coUnitIds.${i}`, msg('unit.leadAsCo'));
    if ((coUnitIds ?? []).indexOf(unitId) !== i) throw invalid(`coUnitIds.${i}`, msg('field.repeatUnit'));
    requireLiveRef(core, 'units', unitId, `coUnitIds.${i}`);
  });
}

const sourceNeeded = (source: string): Msg =>
  msg('demand.sourceNeeded', { source: label('demandSource', source), code: source });

export const createDemand = (core: Core, input: DemandInput): Demand =>
  getDemand(core, insertDemand(core, input));

/** createDemand's writes, without reading the demand back: returns its id. */
export function insertDemand(core: Core, input: DemandInput): string {
  checkReferences(core, input, input.enterpriseId);
  const receivedAt = input.receivedAt ? toInstant(input.receivedAt) : nowIso(core);
  notInFuture(core, 'receivedAt', receivedAt);
  const source =
    input.source ??
    (input.sourceVisitId
      ? 'visit'
      : input.sourceClinicId
        ? 'clinic'
        : input.sourceActivityId
          ? 'activity'
          : 'other');
  if (source === 'visit' && !input.sourceVisitId) throw invalid('sourceVisitId', sourceNeeded('visit'));
  if (source === 'clinic' && !input.sourceClinicId) {
    throw invalid('sourceClinicId', sourceNeeded('clinic'));
  }
  if (source === 'activity' && !input.sourceActivityId)
    throw invalid('sourceActivityId', sourceNeeded('activity'));
  const complex = input.complex ?? false;
  // The limits and calendar of the day it is received: a later change applies to later demands.
  const sla = slaOf(core);
  const due = slaDates(receivedAt, complex, sla, workCalendarOf(core));
  const dueDate = input.dueDate ?? due.dueDate;
  if (dueDate < shanghaiDate(receivedAt)) throw invalid('dueDate', msg('demand.dueBeforeReceived'));
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
  recordEvent(core, id, {
    type: 'transition',
    at: receivedAt,
    from: null,
    to: 'pending',
    data: {
      dueDate,
      firstReplyDue: due.firstReplyDue,
      ...(sla.unit === 'workday' ? { slaUnit: sla.unit } : {}),
    },
  });
  return id;
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
      // A co unit is checked against the lead unit the demand will have, and the other way round.
      ...(patch.leadUnitId !== undefined || patch.coUnitIds !== undefined
        ? {
            leadUnitId: patch.leadUnitId === undefined ? current.leadUnitId : patch.leadUnitId,
            coUnitIds: (patch.coUnitIds === undefined ? current.coUnitIds : patch.coUnitIds) ?? undefined,
          }
        : {}),
      sourceVisitId: patch.sourceVisitId ?? (patch.enterpriseId ? current.sourceVisitId : undefined),
      sourceClinicId: patch.sourceClinicId ?? (patch.enterpriseId ? current.sourceClinicId : undefined),
      sourceActivityId: patch.sourceActivityId ?? (patch.enterpriseId ? current.sourceActivityId : undefined),
    },
    enterpriseId,
  );
  // Deadlines are controlled: after creation a due date moves only by hold time (and by an
  // approved extension), each a history event.
  if (patch.dueDate !== undefined && patch.dueDate !== current.dueDate) {
    throw invalid('dueDate', msg('demand.dueFixed'));
  }
  const { dueDate: _unchanged, ...next } = patch;
  updateRecord(core.store, 'demands', id, next);
  // Switching between ordinary and complex moves a due date that was still the default
  // (the default moved by the days already spent on hold) of an open demand.
  // (Judged by today's limits: a due date given under limits since changed is left as it is.)
  if (patch.complex !== undefined && current.receivedAt && current.status && isOpenStatus(current.status)) {
    const held = current.onHoldDays ?? 0;
    const [sla, cal] = [slaOf(core), workCalendarOf(core)];
    const defaultFor = (complex: boolean) => defaultDueDate(current.receivedAt!, complex, sla, cal);
    const wasDefault = current.dueDate === addDays(defaultFor(current.complex ?? false), held);
    const dueDate = addDays(defaultFor(patch.complex), held);
    if (wasDefault && dueDate !== current.dueDate) {
      recordEvent(core, id, {
        type: 'due_date_set',
        at: nowIso(core),
        from: current.status,
        to: current.status,
        note: `${patch.complex ? '改为复杂需求' : '改为一般需求'}，办理期限调整为 ${dueDate}`,
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

/**
 * Who makes a move: a person here; the system (a dissatisfied follow-up reopens a demand); or
 * a ledger being imported, which records moves made before the app knew of the demand, so
 * 销号's rule (a satisfied follow-up first) is not asked of them.
 */
export type MoveOrigin = 'person' | 'system' | 'ledger';

/** A workflow move. */
export const transitionDemand = (core: Core, input: TransitionInput, origin: MoveOrigin = 'person'): Demand =>
  getDemand(core, input.id, applyTransition(core, input, origin));

/**
 * transitionDemand's writes, without reading the demand back: returns the events its replay
 * read (as recordEvent does).
 */
export function applyTransition(
  core: Core,
  input: TransitionInput,
  origin: MoveOrigin = 'person',
): StoredEvent[] | undefined {
  const automatic = origin === 'system';
  const current = requireLive(core, 'demands', input.id);
  const from = current.status;
  const actorRole = myRole(core);
  const problem: MoveProblem | null =
    checkMove({
      from,
      to: input.to,
      note: input.note,
      closureType: input.closureType,
      resolution: input.resolution,
      actorRole,
      automatic,
    }) ??
    (input.to === 'closed' && actorRole !== 'supervisor' && origin === 'person'
      ? closingProblem(core, input.id)
      : null);
  if (problem) {
    const code = problem.forbidden ? 'FORBIDDEN' : problem.field === 'to' ? 'WORKFLOW' : 'VALIDATION';
    throw new ApiError(code, problem.msg, {
      field: problem.field,
      from,
      to: input.to,
      issues: [problem, ...(problem.also ?? [])].map((p) => issue(p.field, p.msg)),
    });
  }
  const at = input.at ? toInstant(input.at) : nowIso(core);
  notInFuture(core, 'at', at);
  // Never before the previous transition (notes such as a due date switch do not count, nor a
  // move that lost its place to a concurrent one on another laptop).
  const floor = latestMoveAt(core, input.id) ?? current.receivedAt;
  if (floor && Date.parse(at) < Date.parse(floor)) {
    throw invalid('at', msg('move.beforePrevious', { at: floor }));
  }

  let assigneeStaffId = input.assigneeStaffId ?? undefined;
  if (input.to === 'assigned') {
    assigneeStaffId ??= current.assigneeStaffId ?? undefined;
    if (!assigneeStaffId) throw invalid('assigneeStaffId', msg('move.assignee'));
  }
  if (assigneeStaffId) requireLiveRef(core, 'staff', assigneeStaffId, 'assigneeStaffId');
  // Handing it over (交办) names the units too: given ones replace the demand's, else it keeps them.
  let units: Pick<HistoryEventData, 'leadUnitId' | 'coUnitIds'> = {};
  if (input.to === 'assigned') {
    units = {
      leadUnitId: input.leadUnitId === undefined ? (current.leadUnitId ?? null) : input.leadUnitId,
      coUnitIds: input.coUnitIds === undefined ? (current.coUnitIds ?? []) : input.coUnitIds,
    };
    checkUnits(core, units);
  } else if (input.leadUnitId !== undefined || input.coUnitIds !== undefined) {
    const field = input.leadUnitId !== undefined ? 'leadUnitId' : 'coUnitIds';
    throw invalid(field, msg('unit.byAssign'));
  }
  // The assignee and the units in one write (the replayed fields follow in recordEvent's).
  updateRecord(core.store, 'demands', input.id, { assigneeStaffId, ...units });
  // What the move carries travels with it: the replay reads it from the event.
  const data: HistoryEventData | undefined =
    input.to === 'closed'
      ? { closureType: input.closureType ?? null, resolution: input.resolution ?? null }
      : input.to === 'assigned'
        ? { assigneeStaffId: assigneeStaffId ?? null, ...units }
        : undefined;
  return recordEvent(core, input.id, {
    type: 'transition',
    at,
    from,
    to: input.to,
    note: input.note,
    data,
  });
}

/**
 * When the demand last moved (to `to`, if given) by a move that kept its place; null if never.
 * Read from the events' times alone: a move is checked against them on every transition.
 */
function latestMoveAt(core: Core, demandId: string, to?: string): string | null {
  return eventTimesOf(core.store, demandId)
    .filter((e) => eventType(e) === 'transition' && !e.superseded && (to === undefined || e.to === to))
    .reduce<string | null>((latest, e) => (latest === null || e.at > latest ? e.at : latest), null);
}

/** 销号 by a staff member: what the demand's follow-ups still lack (see @shared/domain/closing). */
function closingProblem(core: Core, demandId: string): MoveProblem | null {
  const followups = preparedOn(
    core.store.db,
    `SELECT "doneAt", "satisfaction" FROM followups
       WHERE "parentType" = 'demand' AND "parentId" = ? AND "deletedAt" IS NULL`,
  ).all(demandId) as FollowupOutcome[];
  const missing = missingForClosing(latestMoveAt(core, demandId, 'answered'), followups);
  return missing ? { field: 'to', msg: missing, forbidden: true } : null;
}

/** Moves a demand back to handling after a dissatisfied follow-up on an answer or closure. */
export function reopenAfterDissatisfied(core: Core, demandId: string, doneAt: string): void {
  const demand = getRow(core.store, 'demands', demandId);
  if (!demand || demand.deletedAt || (demand.status !== 'answered' && demand.status !== 'closed')) return;
  const history = demandHistory(core, demandId);
  const lastAt = history[history.length - 1]?.at ?? demand.receivedAt ?? doneAt;
  const at = Date.parse(doneAt) >= Date.parse(lastAt) ? doneAt : lastAt;
  applyTransition(
    core,
    { id: demandId, to: 'in_progress', note: sayZh(msg('note.reopenDissatisfied')), at },
    'system',
  );
}

/**
 * A 阶段性答复 to the enterprise: a history event, not a move, so it travels and merges like
 * the others; the first one (or the first move to answered) is the demand's firstRepliedAt.
 */
export const reply = (core: Core, input: { id: string; note: string }): Demand => {
  recordReply(core, input);
  return getDemand(core, input.id);
};

/** reply's writes, without reading the demand back. */
export function recordReply(core: Core, input: { id: string; note: string }): void {
  const demand = requireLive(core, 'demands', input.id);
  if (!demand.status) throw invalid('id', msg('demand.noStatus'));
  if (!isOpenStatus(demand.status)) {
    throw invalid('id', msg('demand.replyEnded', { title: demand.title ?? '', ...status(demand.status) }));
  }
  recordEvent(core, input.id, {
    type: 'reply',
    at: nowIso(core),
    from: demand.status,
    to: demand.status,
    note: input.note,
  });
}

/** What a unit handling the demand (lead or co) reported: a history event, not a move. */
export const unitReply = (core: Core, input: { id: string; unitId: string; note: string }): Demand => {
  recordUnitReply(core, input);
  return getDemand(core, input.id);
};

/** unitReply's writes, without reading the demand back. */
export function recordUnitReply(core: Core, input: { id: string; unitId: string; note: string }): void {
  const demand = requireLive(core, 'demands', input.id);
  const unit = requireLive(core, 'units', input.unitId, 'unitId');
  if (demand.leadUnitId !== input.unitId && !(demand.coUnitIds ?? []).includes(input.unitId)) {
    throw invalid('unitId', msg('unit.notHandling', { name: String(unit.name) }));
  }
  if (!demand.status) throw invalid('id', msg('demand.noStatus'));
  recordEvent(core, input.id, {
    type: 'unit_reply',
    at: nowIso(core),
    from: demand.status,
    to: demand.status,
    note: input.note,
    data: { unitId: input.unitId },
  });
}

type Counts = { open: number; overdue: number; dueSoon: number };

/** Open, overdue and due-soon counts of demands grouped by a key, worst first. */
function countBy<K, T extends Counts>(
  rows: Demand[],
  keyOf: (d: Demand) => K,
  make: (d: Demand, key: K) => T,
): T[] {
  const groups = new Map<K, T>();
  for (const d of rows) {
    const key = keyOf(d);
    const g = groups.get(key) ?? make(d, key);
    g.open += 1;
    if (d.overdue) g.overdue += 1;
    if (d.dueSoon) g.dueSoon += 1;
    groups.set(key, g);
  }
  return [...groups.values()].sort((a, b) => b.overdue - a.overdue || b.open - a.open);
}

/** The live open demands a unit leads (主办) or co-handles (协办). */
const UNIT_DEMANDS_SQL = `SELECT d."id" FROM demands d
  WHERE d."deletedAt" IS NULL AND d."status" IN (${OPEN_DEMAND_STATUSES.map((x) => `'${x}'`).join(', ')})
    AND (d."leadUnitId" = ? OR EXISTS (SELECT 1 FROM json_each(d."coUnitIds") j WHERE j.value = ?))`;

export function openBoard(
  core: Core,
  input: {
    assigneeStaffId?: string | undefined;
    town?: string | undefined;
    unitId?: string | undefined;
    supervised?: true | undefined;
  },
) {
  const filter: ListQuery['filter'] = { status: [...OPEN_DEMAND_STATUSES] };
  if (input.assigneeStaffId) filter.assigneeStaffId = input.assigneeStaffId;
  if (input.town) filter.town = input.town;
  if (input.unitId) {
    requireLiveRef(core, 'units', input.unitId, 'unitId');
    // The demands it leads or co-handles, found first: only they are looked up and decorated.
    filter.id = (
      preparedOn(core.store.db, UNIT_DEMANDS_SQL).all(input.unitId, input.unitId) as { id: string }[]
    ).map((r) => r.id);
  }
  const rows = listRows(core.store, 'demands', { filter, limit: 10_000 })
    .rows.filter((r) => !input.supervised || r.supervision)
    .map((r) => decorate(core, r));
  rows.sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      Number(b.dueSoon) - Number(a.dueSoon) ||
      (a.effectiveDueDate ?? '').localeCompare(b.effectiveDueDate ?? ''),
  );
  return {
    today: today(core),
    rows,
    counts: {
      open: rows.length,
      overdue: rows.filter((d) => d.overdue).length,
      dueSoon: rows.filter((d) => d.dueSoon).length,
      supervised: rows.filter((d) => d.supervision).length,
    },
    lateFirstReplies: rows.filter((d) => d.firstReplyLate).length,
    byStaff: countBy(
      rows,
      (d) => d.assigneeStaffId ?? null,
      (d, staffId) => ({ staffId, name: d.assigneeName ?? null, open: 0, overdue: 0, dueSoon: 0 }),
    ),
    // Per lead unit (主办): the unit answerable for the demand.
    byUnit: countBy(
      rows,
      (d) => d.leadUnitId ?? null,
      (d, unitId) => ({ unitId, name: d.leadUnitName ?? null, open: 0, overdue: 0, dueSoon: 0 }),
    ),
    extensions: rows.flatMap((d) =>
      d.extension
        ? [
            {
              ...d.extension,
              demandId: d.id,
              title: d.title ?? '',
              enterpriseName: d.enterpriseName ?? null,
              currentDueDate: d.dueDate ?? null,
            },
          ]
        : [],
    ),
  };
}

/** Bulk reassignment from the supervisor board; pending demands become assigned. */
export function reassign(
  core: Core,
  input: { ids: string[]; assigneeStaffId: string; note?: string | undefined },
) {
  requireSupervisor(core, 'act.reassign');
  const assignee = requireLive(core, 'staff', input.assigneeStaffId, 'assigneeStaffId');
  const note = input.note?.trim() || `改派给 ${String(assignee.name)}`;
  let updated = 0;
  input.ids.forEach((id, i) => {
    const d = getRow(core.store, 'demands', id);
    if (!d || d.deletedAt) throw invalid(`ids.${i}`, msg('demand.noSuch', { id }));
    if (d.status === 'closed' || d.status === 'rejected') {
      throw invalid(`ids.${i}`, msg('demand.cannotReassign', { title: d.title ?? '', ...status(d.status) }));
    }
    if (!d.status) {
      throw invalid(`ids.${i}`, msg('demand.titledNoStatus', { title: d.title ?? '' }));
    }
    if (d.status === 'pending') {
      applyTransition(core, { id, to: 'assigned', assigneeStaffId: input.assigneeStaffId, note });
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
