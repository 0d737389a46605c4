import { isOpenStatus, type ClosureType, type DemandStatus, type SupervisionLevel } from './enums';
import { addDays, shanghaiDate } from './dates';
import { MOVES, pausedDays, type SlaUnit } from './workflow';
import { PLAIN_WEEKS, addWorkingDays, workingDaysBetween, type WorkCalendar } from './workingDays';

// A demand's state is its history (shared/DOMAIN.md, "Sync"): status, closure, hold and
// deadline are what replaying its history events in clock order through the workflow
// gives. Events are merged as a set by sync, so two laptops that moved a demand apart
// both land in the history; the move that finds the demand no longer where it started
// is superseded: kept, marked, and shown as a conflict, never applied.

/** The types of the events a demand's history holds (events of older versions may have none: eventType). */
export const DEMAND_EVENT_TYPES = [
  'transition',
  'reassigned',
  'due_date_set',
  'unit_reply',
  'extension_requested',
  'extension_decided',
  'supervised',
  'urged',
  'reply',
] as const;
export type DemandEventType = (typeof DEMAND_EVENT_TYPES)[number];

/** What an event carries besides its move: set by the service that records it. */
export interface HistoryEventData {
  /** The demand's due date as this event set it (creation, a complex switch). */
  dueDate?: string | null;
  /** Its creation: the date a first reply (阶段性答复) is due by, fixed at receipt. */
  firstReplyDue?: string | null;
  /** Its creation: 'workday' when its deadline counts working days (a hold then moves it by those). */
  slaUnit?: SlaUnit;
  closureType?: ClosureType | null;
  resolution?: string | null;
  assigneeStaffId?: string | null;
  /** The units a move to 'assigned' hands the demand to (主办, 协办). */
  leadUnitId?: string | null;
  coUnitIds?: string[] | null;
  /** The unit a 'unit_reply' event reports for. */
  unitId?: string;
  /** extension_requested: the date asked for, and why. */
  extension?: { dueDate: string; reason: string };
  /** extension_decided: whether the pending request was approved. */
  approve?: boolean;
  /** supervised: 督办 or 挂牌督办. */
  level?: SupervisionLevel;
}

/** The pending 延期申请 of a demand. */
export interface PendingExtension {
  dueDate: string;
  reason: string;
  by: string | null;
  at: string;
}

/** A demand under supervision (督办). */
export interface DemandSupervision {
  level: SupervisionLevel;
  since: string;
  by: string | null;
  note: string | null;
}

export interface HistoryEvent {
  id: string;
  /**
   * The event's creation stamp (the smallest clock stamp of its changes): the same on every
   * laptop, and after everything its maker knew, so every laptop replays in the same order.
   */
  stamp: string;
  /** Null for events written before events had a type (migration 8). */
  type: string | null;
  at: string;
  from: DemandStatus | null;
  to: DemandStatus;
  /** Null for events written before events carried their data. */
  data: HistoryEventData | null;
  /** Who recorded it and its note: what a request or a supervision keeps of its event. */
  by?: string | null;
  note?: string | null;
}

/** The demand fields the history decides. */
export interface DerivedDemand {
  status: DemandStatus;
  closedAt: string | null;
  closureType: ClosureType | null;
  resolution: string | null;
  holdSince: string | null;
  onHoldDays: number;
  dueDate: string | null;
  extension: PendingExtension | null;
  supervision: DemandSupervision | null;
  firstReplyDue: string | null;
  firstRepliedAt: string | null;
}

export const DERIVED_DEMAND_FIELDS = [
  'status',
  'closedAt',
  'closureType',
  'resolution',
  'holdSince',
  'onHoldDays',
  'dueDate',
  'extension',
  'supervision',
  'firstReplyDue',
  'firstRepliedAt',
] as const satisfies readonly (keyof DerivedDemand)[];

/**
 * What an event written before events carried their data falls back to: the demand row as
 * the version that wrote it left it (its due date then included the hold days).
 */
export interface LegacyBasis {
  dueDate?: string | null | undefined;
  onHoldDays?: number | null | undefined;
  closureType?: ClosureType | null | undefined;
  resolution?: string | null | undefined;
}

export interface Replay {
  derived: DerivedDemand;
  /** Superseded event id → the id of the event that took its place. */
  superseded: Map<string, string>;
}

interface State extends Omit<DerivedDemand, 'status' | 'dueDate' | 'firstReplyDue'> {
  status: DemandStatus | null;
  /** The due date before any hold moved it. */
  baseDue: string | null;
  /** The first-reply date before any hold moved it. */
  baseReplyDue: string | null;
  /** Each ended hold: when it began and ended (those before the first reply move its date). */
  holds: { since: string; until: string }[];
  /** A working-day deadline: the date last set, and how many holds had ended then. */
  workdayDue: { date: string; holdsBefore: number } | null;
}

/** The first reply is the earliest reply event or move to answered, whatever order they arrive in. */
const replied = (s: State, at: string) => {
  if (!s.firstRepliedAt || Date.parse(at) < Date.parse(s.firstRepliedAt)) s.firstRepliedAt = at;
};

/** What an event type does to the state: false when the event has lost its place. */
type Effect = (s: State, e: HistoryEvent, legacy: LegacyBasis) => boolean;

const move: Effect = (s, e, legacy) => {
  if (e.from === null) {
    // The demand's creation: once, first.
    if (s.status !== null) return false;
    s.baseDue =
      e.data?.dueDate ?? (legacy.dueDate ? addDays(legacy.dueDate, -(legacy.onHoldDays ?? 0)) : null);
    s.baseReplyDue = e.data?.firstReplyDue ?? null;
    if (e.data?.slaUnit === 'workday' && s.baseDue) s.workdayDue = { date: s.baseDue, holdsBefore: 0 };
  } else if (e.from !== s.status || !MOVES[e.from]?.[e.to]) {
    return false;
  }
  if (e.from === 'on_hold' && s.holdSince) {
    s.onHoldDays += pausedDays(s.holdSince, e.at);
    s.holds.push({ since: s.holdSince, until: e.at });
    s.holdSince = null;
  }
  if (e.from === 'closed') {
    // A reopen clears the closure; its text stays in the closing event. One written before
    // events had a type kept the resolution, as the version that wrote it did.
    s.closedAt = s.closureType = null;
    if (e.type !== null) s.resolution = null;
  }
  // A request still pending when the demand ends is moot: an ended demand's deadline never changes.
  if (!isOpenStatus(e.to)) s.extension = null;
  if (e.to === 'on_hold') s.holdSince = e.at;
  if (e.to === 'answered') replied(s, e.at);
  if (e.to === 'closed') {
    s.closedAt = e.at;
    s.closureType = e.data ? (e.data.closureType ?? null) : (legacy.closureType ?? null);
    s.resolution = e.data ? (e.data.resolution ?? null) : (legacy.resolution ?? null);
  }
  s.status = e.to;
  return true;
};

const isOpen = (s: State) => s.status !== null && isOpenStatus(s.status);

/**
 * Every event type that changes a derived field, and how. Types not listed (notes such as
 * 'reassigned', a unit's report 'unit_reply', or types of a newer version) change nothing and
 * are never superseded.
 */
const EFFECTS: Readonly<Record<string, Effect>> = {
  transition: move,
  due_date_set: (s, e) => {
    // A closed or rejected demand's deadline never changes.
    if (e.data?.dueDate && isOpen(s)) {
      s.baseDue = addDays(e.data.dueDate, -s.onHoldDays);
      if (s.workdayDue) s.workdayDue = { date: e.data.dueDate, holdsBefore: s.holds.length };
    }
    return true;
  },
  // Requests and decisions that find the demand ended, or the request already decided or
  // another one pending (two laptops apart), have lost their place: a closed or rejected
  // demand's deadline never changes, so a past period's on-time rate never does either.
  extension_requested: (s, e) => {
    if (!isOpen(s) || s.extension || !e.data?.extension) return false;
    s.extension = { ...e.data.extension, by: e.by ?? null, at: e.at };
    return true;
  },
  extension_decided: (s, e) => {
    if (!isOpen(s) || !s.extension) return false;
    if (e.data?.approve) {
      s.baseDue = addDays(s.extension.dueDate, -s.onHoldDays);
      if (s.workdayDue) s.workdayDue = { date: s.extension.dueDate, holdsBefore: s.holds.length };
    }
    s.extension = null;
    return true;
  },
  supervised: (s, e) => {
    if (!isOpen(s) || !e.data?.level) return false;
    s.supervision = { level: e.data.level, since: e.at, by: e.by ?? null, note: e.note ?? null };
    return true;
  },
  // A 阶段性答复 is a fact of its moment, whatever the demand's status: never superseded.
  reply: (s, e) => {
    replied(s, e.at);
    return true;
  },
};

/** The type of an event; events written before types existed: a move, or a note (same status). */
export const eventType = (e: Pick<HistoryEvent, 'type' | 'from' | 'to'>): string =>
  e.type ?? (e.from === e.to ? 'reassigned' : 'transition');

const byStamp = (a: HistoryEvent, b: HistoryEvent) =>
  a.stamp < b.stamp ? -1 : a.stamp > b.stamp ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * Replays a demand's events (in any order: they are sorted by stamp, then id). Null when
 * its creation has not arrived yet: nothing can be derived until it has. `cal` counts the
 * working days a hold lasted, for a first reply and a working-day deadline.
 */
export function replayDemand(
  events: readonly HistoryEvent[],
  legacy: LegacyBasis,
  cal: WorkCalendar = PLAIN_WEEKS,
): Replay | null {
  const ordered = [...events].sort(byStamp);
  const s: State = {
    status: null,
    closedAt: null,
    closureType: null,
    resolution: null,
    holdSince: null,
    onHoldDays: 0,
    baseDue: null,
    extension: null,
    supervision: null,
    baseReplyDue: null,
    holds: [],
    workdayDue: null,
    firstRepliedAt: null,
  };
  const superseded = new Map<string, string>();
  // Who moved the demand out of each status, to name what took a superseded move's place.
  const leftBy = new Map<DemandStatus | null, string>();
  let last: string | null = null;
  for (const e of ordered) {
    const effect = EFFECTS[eventType(e)];
    if (!effect) continue;
    if (effect(s, e, legacy)) {
      if (eventType(e) === 'transition') {
        leftBy.set(e.from, e.id);
        last = e.id;
      }
    } else if (s.status !== null || e.from === null) {
      superseded.set(e.id, leftBy.get(e.from) ?? last ?? e.id);
    } else {
      // A move stamped before the demand's creation cannot be: its creation is still to come.
      return null;
    }
  }
  if (s.status === null) return null;
  const { baseDue, baseReplyDue, holds, workdayDue, ...rest } = s;
  /** The working days these holds lasted: what they move a working-day date by. */
  const heldWorkdays = (list: typeof holds) =>
    list.reduce((n, h) => n + workingDaysBetween(shanghaiDate(h.since), shanghaiDate(h.until), cal), 0);
  // The clock of a first reply still awaited when a hold began paused too (judged once every
  // event is in: a reply made before a hold may arrive after it).
  const replied = s.firstRepliedAt ? Date.parse(s.firstRepliedAt) : Infinity;
  const beforeReply = holds.filter((h) => Date.parse(h.since) < replied);
  // A deadline in working days moves by the working days on hold since it was set.
  const dueDate = workdayDue
    ? addWorkingDays(workdayDue.date, heldWorkdays(holds.slice(workdayDue.holdsBefore)), cal)
    : baseDue
      ? addDays(baseDue, s.onHoldDays)
      : null;
  return {
    derived: {
      ...rest,
      status: s.status,
      dueDate,
      firstReplyDue: baseReplyDue ? addWorkingDays(baseReplyDue, heldWorkdays(beforeReply), cal) : null,
    },
    superseded,
  };
}
