import type { Msg } from '../messages';
import { isOpenStatus, type DemandStatus, type Role } from './enums';
import { addDays, daysBetween, shanghaiDate } from './dates';
import { PLAIN_WEEKS, addWorkingDays, type WorkCalendar } from './workingDays';

/** The demand workflow of shared/DOMAIN.md: every allowed move and what it requires. */
interface Move {
  /**
   * Asked of a person at every door. A hold needs one too: it stops the clock, so why? Events
   * already in a history (older laptops held without one) are replayed as they are.
   */
  noteRequired?: boolean;
  supervisorOnly?: boolean;
  closing?: boolean;
}

export const MOVES: Readonly<Record<DemandStatus, Partial<Record<DemandStatus, Move>>>> = {
  pending: { assigned: {}, rejected: { noteRequired: true } },
  assigned: { in_progress: {}, pending: { noteRequired: true } },
  in_progress: { on_hold: { noteRequired: true }, answered: {} },
  on_hold: { in_progress: {} },
  answered: { closed: { closing: true }, in_progress: {} },
  closed: { in_progress: { noteRequired: true, supervisorOnly: true } },
  rejected: {},
};

/**
 * A demand whose status has not arrived yet (its creation is in a sync file still to come)
 * has no moves until it does.
 */
export function allowedMoves(from: DemandStatus | null | undefined): DemandStatus[] {
  const moves = from ? MOVES[from] : undefined;
  return moves ? (Object.keys(moves) as DemandStatus[]) : [];
}

export interface MoveRequest {
  /** Null while the demand's status has not arrived by sync. */
  from: DemandStatus | null;
  to: DemandStatus;
  note?: string | null;
  closureType?: string | null;
  resolution?: string | null;
  actorRole: Role;
  /** Set when the system moves the demand (a dissatisfied follow-up), not a person. */
  automatic?: boolean;
}

export interface MoveProblem {
  field: string;
  msg: Msg;
  /** What else is missing from the same request, so one try shows all of it. */
  also?: { field: string; msg: Msg }[];
  /** Refused for the actor's role, not for the move itself. */
  forbidden?: true;
}

const fromTo = (from: DemandStatus, to: DemandStatus) =>
  ({
    from: { group: 'demandStatus', value: from },
    to: { group: 'demandStatus', value: to },
    fromCode: from,
    toCode: to,
  }) as const;

/** Returns what is wrong with a requested move, or null when it is allowed. */
export function checkMove(req: MoveRequest): MoveProblem | null {
  if (!req.from || !MOVES[req.from]) {
    return {
      field: 'to',
      msg: { key: 'move.statusMissing' },
    };
  }
  const move = MOVES[req.from][req.to];
  if (!move) {
    const allowed = allowedMoves(req.from);
    return {
      field: 'to',
      msg: {
        key: 'move.notAllowed',
        params: {
          ...fromTo(req.from, req.to),
          allowed: allowed.length ? `allowed: ${allowed.join(', ')}` : `'${req.from}' is final`,
        },
      },
    };
  }
  if (move.noteRequired && !req.note?.trim()) {
    return { field: 'note', msg: { key: 'move.needsNote', params: fromTo(req.from, req.to) } };
  }
  if (move.supervisorOnly && !req.automatic && req.actorRole !== 'supervisor') {
    return {
      field: 'to',
      msg: { key: 'role.supervisorOnly', params: { what: { key: 'act.reopen' } } },
      forbidden: true,
    };
  }
  if (move.closing) {
    const missing = [
      ...(req.closureType ? [] : [{ field: 'closureType', msg: { key: 'move.closureType' } as Msg }]),
      ...(req.resolution?.trim() ? [] : [{ field: 'resolution', msg: { key: 'move.resolution' } as Msg }]),
    ];
    const [first, ...also] = missing;
    if (first) return also.length ? { ...first, also } : first;
  }
  return null;
}

/** Whether a move's dialog requires a note. */
export const moveNeedsNote = (from: DemandStatus, to: DemandStatus): boolean =>
  Boolean(MOVES[from][to]?.noteRequired);

export const DUE_DAYS = { ordinary: 7, complex: 30 } as const;

export const SLA_UNITS = ['calendar', 'workday'] as const;
export type SlaUnit = (typeof SLA_UNITS)[number];

/**
 * The bureau's time limits (settings `sla`): days to close an ordinary and a complex demand,
 * counted in `unit`, and working days to a first reply (阶段性答复), whatever the unit.
 */
export interface Sla {
  unit: SlaUnit;
  ordinary: number;
  complex: number;
  firstReply: number;
}

/** Calendar days, 7 / 30: the limits every demand was given before settings existed. */
export const DEFAULT_SLA: Sla = { unit: 'calendar', ...DUE_DAYS, firstReply: 3 };

/** A demand's default due date and first-reply date, fixed when it is received. */
export function slaDates(
  receivedAt: string,
  complex: boolean,
  sla: Sla = DEFAULT_SLA,
  cal: WorkCalendar = PLAIN_WEEKS,
): { dueDate: string; firstReplyDue: string } {
  const day = shanghaiDate(receivedAt);
  const days = complex ? sla.complex : sla.ordinary;
  return {
    dueDate: sla.unit === 'workday' ? addWorkingDays(day, days, cal) : addDays(day, days),
    firstReplyDue: addWorkingDays(day, sla.firstReply, cal),
  };
}

export function defaultDueDate(
  receivedAt: string,
  complex: boolean,
  sla: Sla = DEFAULT_SLA,
  cal: WorkCalendar = PLAIN_WEEKS,
): string {
  return slaDates(receivedAt, complex, sla, cal).dueDate;
}

/** Calendar days a hold lasted: the SLA clock does not run between them. */
export function pausedDays(holdStartedAt: string, resumedAt: string): number {
  return Math.max(0, daysBetween(shanghaiDate(holdStartedAt), shanghaiDate(resumedAt)));
}

export const DUE_SOON_DAYS = 3;

export interface Deadline {
  open: boolean;
  /** The due date with any running hold added (the clock is paused while on hold). */
  effectiveDueDate: string | null;
  overdue: boolean;
  dueSoon: boolean;
  daysLeft: number | null;
}

export function deadline(
  d: { status: DemandStatus | null; dueDate: string | null; holdSince: string | null },
  today: string,
): Deadline {
  const open = isOpenStatus(d.status);
  if (!open || !d.dueDate) {
    return { open, effectiveDueDate: d.dueDate, overdue: false, dueSoon: false, daysLeft: null };
  }
  const running =
    d.status === 'on_hold' && d.holdSince ? pausedDays(d.holdSince, `${today}T12:00:00+08:00`) : 0;
  const effectiveDueDate = addDays(d.dueDate, running);
  const daysLeft = daysBetween(today, effectiveDueDate);
  return {
    open,
    effectiveDueDate,
    overdue: daysLeft < 0,
    dueSoon: daysLeft >= 0 && daysLeft <= DUE_SOON_DAYS,
    daysLeft,
  };
}

/**
 * A late first reply (阶段性答复): given after its date, or still not given by an open demand
 * once its date has passed (judged, like a deadline, at the day a running hold began).
 */
export function firstReplyLate(
  d: {
    status: DemandStatus | null;
    firstReplyDue: string | null;
    firstRepliedAt: string | null;
    holdSince: string | null;
  },
  today: string,
): boolean {
  if (!d.firstReplyDue) return false;
  if (d.firstRepliedAt) return shanghaiDate(d.firstRepliedAt) > d.firstReplyDue;
  if (!isOpenStatus(d.status)) return false;
  const day = d.status === 'on_hold' && d.holdSince ? shanghaiDate(d.holdSince) : today;
  return day > d.firstReplyDue;
}

/** A late follow-up (回访超期): not done, and its planned date has passed. */
export function followupLate(f: { doneAt?: string | null; dueDate?: string | null }, today: string): boolean {
  return !f.doneAt && !!f.dueDate && f.dueDate < today;
}
