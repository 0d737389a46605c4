import type { DemandCategory, Satisfaction } from '@shared/domain/enums';
import { addDays } from '@shared/domain/dates';
import type { MethodInput } from '@shared/contract/contract';
import type { Firm, Member, Seeder } from './context';
import type { Rand } from './random';
import { dateOf, iso, later } from './clock';
import { categoriesFor, demandText, fill, firmVars } from './text';
import { unitsFor } from './units';
import {
  ANSWER_NOTES,
  DISTRICT_SUPERVISE_NOTES,
  FIRST_REPLY_NOTES,
  SUPERVISE_NOTES,
  UNIT_REPLY_NOTES,
  URGE_NOTES,
  FOLLOWUP_CONTENT,
  FOLLOWUP_RESULTS,
  HOLD_NOTES,
  REJECT_NOTES,
  ACTIONS,
  EXPLANATIONS,
  OUTCOMES,
  PARTIAL_OUTCOMES,
  REOPEN_NOTES,
  RESUME_NOTES,
  RETURN_NOTES,
} from './vocabulary';

// The life of a demand: 受理 → 交办 → 办理 → 反馈 → 回访 → 办结, with the detours of the
// workflow (不予受理, 退回, 挂起, 回访不满意, 重新办理). Every step is a `demands.transition`
// (or a follow-up) at an instant after the previous one; a life stops at the demo's
// cutoff, which leaves the district's recent demands in every open status.

export interface DemandCase {
  id: string;
  firm: Firm;
  categories: DemandCategory[];
  complex: boolean;
  level: 'district' | 'city' | 'province';
  receivedMs: number;
}

type Move = Omit<MethodInput<'demands.transition'>, 'id' | 'at'>;
type Closure = 'substantive' | 'partial' | 'explained';

/** Steps one demand through its life, each after the previous one, until the cutoff. */
export class Life {
  private t: number;
  stopped = false;

  constructor(
    private readonly s: Seeder,
    private readonly rand: Rand,
    readonly c: DemandCase,
  ) {
    this.t = c.receivedMs;
  }

  get date(): string {
    return dateOf(this.t);
  }

  /** The next instant `days` after the last step, or null (and the life stops) past the cutoff. */
  private advance(days: number): number | null {
    if (this.stopped) return null;
    const at = later(this.rand, this.t, days);
    if (at > this.s.cutoffMs) {
      this.stopped = true;
      return null;
    }
    this.t = at;
    return at;
  }

  /** A move `days` after the last step; 交办 hands the demand to its units too (seeds/units). */
  move(days: number, who: Member, move: Move): boolean {
    const at = this.advance(days);
    if (at === null) return false;
    const units = move.to === 'assigned' && move.leadUnitId === undefined ? unitsFor(this.s, this.c) : null;
    this.s.as(who, () =>
      this.s.write('demands.transition', { id: this.c.id, at: iso(at), ...move, ...units }),
    );
    return true;
  }

  /**
   * An event that is no move (督办, 催办, 阶段性答复, 承办单位反馈) `days` after the last step,
   * recorded by `who` through its method as of that instant.
   */
  event(days: number, who: Member, record: (id: string) => void): boolean {
    const at = this.advance(days);
    if (at === null) return false;
    this.s.as(who, () => this.s.at(at, () => record(this.c.id)));
    return true;
  }

  /**
   * A 回访 due `dueDays` after the last step and done `days` after it. When that is past the
   * cutoff it stays planned (not done) and the life stops. A dissatisfied one sends an answered
   * or closed demand back to handling (the service does that).
   */
  followup(days: number, dueDays: number, owner: Member, satisfaction: Satisfaction): boolean {
    if (this.stopped) return false;
    const dueDate = dateOf(later(this.rand, this.t, dueDays));
    const at = this.advance(days);
    const base = {
      parentType: 'demand' as const,
      parentId: this.c.id,
      ownerStaffId: owner.id,
      dueDate,
      channel: this.rand.weighted([
        ['phone', 6],
        ['onsite', 3],
        ['online', 1],
      ] as const),
      content: this.rand.pick(FOLLOWUP_CONTENT.demand),
    };
    if (at === null) {
      this.s.as(owner, () => this.s.write('followups.create', base));
    } else {
      this.s.as(owner, () =>
        this.s.write('followups.create', {
          ...base,
          doneAt: iso(at),
          satisfaction,
          result: this.rand.pick(FOLLOWUP_RESULTS[satisfaction]),
        }),
      );
    }
    this.s.counts.followups += 1;
    return at !== null;
  }
}

export interface LifeCast {
  assigner: Member;
  assignee: Member;
  /** Someone else, for a demand that is returned and assigned again. */
  other: Member;
}

/** Most demands are handled briskly; one in ten drags on (and is overdue while open). */
const SPEEDS = [
  ['fast', 52, 0.6],
  ['normal', 38, 1],
  ['slow', 10, 2.3],
] as const;

function closureOf(rand: Rand): Closure {
  return rand.weighted([
    ['substantive', 56],
    ['partial', 27],
    ['explained', 17],
  ] as const);
}

/** What was done and how it ended, in the words of the demand's first category. */
export function resolution(rand: Rand, c: DemandCase, closure: Closure, year: string): string {
  if (closure === 'explained') return rand.pick(EXPLANATIONS);
  const category = c.categories[0]!;
  const outcome = closure === 'substantive' ? OUTCOMES[category] : rand.pick(PARTIAL_OUTCOMES);
  return fill(`已${rand.pick(ACTIONS[category])}，${outcome}`, firmVars(rand, c.firm, year));
}

function satisfaction(rand: Rand, dissatisfied: number): Satisfaction {
  return rand.weighted([
    ['satisfied', 70],
    ['mostly_satisfied', 30 - dissatisfied * 100],
    ['dissatisfied', dissatisfied * 100],
  ] as const);
}

/** A demand's ordinary life, with its random detours. */
export function liveOut(s: Seeder, rand: Rand, c: DemandCase, cast: LifeCast): void {
  const life = new Life(s, rand, c);
  const year = s.asOf.slice(0, 4);
  const sup = cast.assigner;
  if (rand.chance(0.035)) {
    life.move(rand.between(0.3, 3), sup, { to: 'rejected', note: rand.pick(REJECT_NOTES) });
    return;
  }
  const factor = rand.weighted(SPEEDS.map(([, w, f]) => [f, w] as const));
  let assignee = cast.assignee;
  life.move(rand.between(0.05, 0.5) * factor, sup, { to: 'assigned', assigneeStaffId: assignee.id });
  if (rand.chance(0.04)) {
    life.move(rand.between(0.3, 2), assignee, { to: 'pending', note: rand.pick(RETURN_NOTES) });
    assignee = cast.other;
    life.move(rand.between(0.2, 1.5), sup, {
      to: 'assigned',
      assigneeStaffId: assignee.id,
      note: '重新交办',
    });
  }
  // 阶段性答复: a complex demand gets a first reply to the enterprise within days.
  if (c.complex && rand.chance(0.7)) {
    life.event(rand.between(0.3, 2.5), assignee, (id) =>
      s.write('demands.reply', { id, note: rand.pick(FIRST_REPLY_NOTES) }),
    );
  }
  life.move(rand.between(0.05, 0.4) * factor, assignee, { to: 'in_progress' });
  const base = c.complex ? rand.between(6, 22) : rand.between(0.5, 2.5);
  const extra = c.level === 'district' ? 0 : c.complex ? rand.between(2, 10) : rand.between(0.5, 2);
  let handling = (base + extra) * factor;
  if (rand.chance(0.12)) {
    const before = handling * rand.between(0.2, 0.6);
    life.move(before, assignee, { to: 'on_hold', note: rand.pick(HOLD_NOTES) });
    life.move(rand.between(4, 35), assignee, { to: 'in_progress', note: rand.pick(RESUME_NOTES) || null });
    handling -= before;
  }
  handling -= chase(s, rand, life, cast, assignee, handling, factor);
  life.move(handling, assignee, { to: 'answered', note: rand.pick(ANSWER_NOTES) });

  // 回访: usually within two days of the answer.
  const first = satisfaction(rand, 0.08);
  life.followup(rand.between(0.2, 1.5), 2, assignee, first);
  if (first === 'dissatisfied') {
    life.move(rand.between(2, 10), assignee, { to: 'answered', note: '重新办理后再次反馈企业' });
    life.followup(rand.between(0.3, 2), 2, assignee, rand.chance(0.7) ? 'satisfied' : 'mostly_satisfied');
  }
  const closer = rand.chance(0.65) ? assignee : sup;
  let closure = closureOf(rand);
  life.move(rand.between(0, 0.8), closer, {
    to: 'closed',
    closureType: closure,
    resolution: resolution(rand, c, closure, year),
  });

  if (rand.chance(0.03)) {
    // A supervisor's spot check finds it was not really done.
    life.move(rand.between(4, 40), sup, { to: 'in_progress', note: rand.pick(REOPEN_NOTES) });
    life.move(rand.between(2, 15), assignee, { to: 'answered', note: rand.pick(ANSWER_NOTES) });
    closure = closureOf(rand);
    life.move(rand.between(0.5, 4), sup, {
      to: 'closed',
      closureType: closure,
      resolution: resolution(rand, c, closure, year),
    });
  } else if (rand.chance(0.1)) {
    // A later 回访 some weeks after closing; now and then the problem has come back.
    const later = satisfaction(rand, 0.15);
    life.followup(rand.between(20, 70), 30, assignee, later);
    if (later === 'dissatisfied') {
      life.move(rand.between(3, 20), assignee, { to: 'answered', note: rand.pick(ANSWER_NOTES) });
      // 销号 again only once the enterprise has confirmed the new answer.
      life.followup(rand.between(0.3, 2), 2, assignee, rand.chance(0.7) ? 'satisfied' : 'mostly_satisfied');
      closure = closureOf(rand);
      life.move(rand.between(1, 5), closer, {
        to: 'closed',
        closureType: closure,
        resolution: resolution(rand, c, closure, year),
      });
    }
  }
}

/**
 * While a demand is handled: its lead (or a co) unit reports progress now and then (承办单位反馈);
 * a slow one is put under supervision (督办, now and then 挂牌督办) and chased (催办). Returns
 * the days of handling spent.
 */
function chase(
  s: Seeder,
  rand: Rand,
  life: Life,
  cast: LifeCast,
  assignee: Member,
  handling: number,
  factor: number,
) {
  let spent = 0;
  const units = unitsFor(s, life.c);
  if (units && rand.chance(0.3)) {
    const days = handling * rand.between(0.2, 0.5);
    const unitId = units.coUnitIds.length && rand.chance(0.3) ? rand.pick(units.coUnitIds) : units.leadUnitId;
    life.event(days, assignee, (id) =>
      s.write('demands.unitReply', { id, unitId, note: rand.pick(UNIT_REPLY_NOTES) }),
    );
    spent += days;
  }
  if (factor > 1.5 && cast.assigner.role === 'supervisor' && rand.chance(0.5)) {
    const days = (handling - spent) * rand.between(0.3, 0.5);
    const district = rand.chance(0.2);
    life.event(days, cast.assigner, (id) =>
      s.api('demands.supervise', {
        ids: [id],
        level: district ? 'district' : 'bureau',
        note: rand.pick(district ? DISTRICT_SUPERVISE_NOTES : SUPERVISE_NOTES),
      }),
    );
    spent += days;
    if (rand.chance(0.6)) {
      const later = (handling - spent) * rand.between(0.3, 0.6);
      const note = rand.pick(URGE_NOTES);
      life.event(later, cast.assigner, (id) =>
        s.api('demands.urge', { ids: [id], ...(note ? { note } : {}) }),
      );
      spent += later;
    }
  }
  return spent;
}

/** Where a demand raised at an event came from, as demands.create takes it. */
type RaisedAt = Pick<MethodInput<'demands.create'>, 'source' | 'sourceClinicId' | 'sourceActivityId'>;

/**
 * A demand a firm raised at a clinic or an activity (`at`), received at `receivedMs`, of one
 * of the `prefer`red categories first, and handled as any demand (liveOut).
 */
export function raiseDemand(
  s: Seeder,
  rand: Rand,
  firm: Firm,
  at: RaisedAt,
  receivedMs: number,
  prefer: readonly DemandCategory[],
  year: string,
): void {
  const categories = categoriesFor(rand, prefer);
  const text = demandText(rand, firm, categories[0]!, year);
  const cast = castFor(s, rand, firm, dateOf(receivedMs));
  const demand = s.as(cast.assigner, () =>
    s.api('demands.create', {
      enterpriseId: firm.id,
      ...at,
      categories,
      ...text,
      receivedAt: iso(receivedMs),
    }),
  );
  s.counts.demands += 1;
  liveOut(
    s,
    rand,
    { id: demand.id, firm, categories, complex: text.complex, level: text.level, receivedMs },
    cast,
  );
}

/** Who assigns and who handles a demand received on a date. */
export function castFor(s: Seeder, rand: Rand, firm: Firm, receivedDate: string): LifeCast {
  // Someone leaving within six weeks gets no new demands.
  const horizon = addDays(receivedDate, 45);
  const active = s.activeOn(horizon);
  const staff = active.filter((m) => m.role === 'staff');
  const supervisors = active.filter((m) => m.role === 'supervisor');
  const liaison = firm.liaison ? s.standIn(firm.liaison, horizon) : null;
  const roll = rand.float();
  const assignee =
    liaison && roll < 0.55
      ? liaison
      : roll < 0.9 && staff.length
        ? rand.pick(staff)
        : rand.pick(supervisors.length ? supervisors : active);
  const others = active.filter((m) => m !== assignee);
  return {
    assigner: rand.pick(supervisors.length ? supervisors : active),
    assignee,
    other: rand.pick(others.length ? others : active),
  };
}
