import { addDays } from '@shared/domain/dates';
import type { Firm, Member, Seeder } from './context';
import { Life, resolution } from './demands';
import { newDemand } from './inbound';
import { msOn } from './clock';
import {
  ANSWER_NOTES,
  FOLLOWUP_CONTENT,
  HOLD_NOTES,
  REJECT_NOTES,
  REOPEN_NOTES,
  RETURN_NOTES,
} from './vocabulary';

// Cases that must be in every demo, whatever the seed: work waiting for "me" (overdue and
// due-today demands, follow-ups due today or late) and one demand in each status and
// closure type, with the workflow's detours. They are scripted a few days or weeks before
// the demo's last day, so they finish well before the cutoff.

export function createShowcase(s: Seeder): void {
  const rand = s.rand.fork(9);
  const me = s.me;
  const sup = s.supervisors.find((m) => m !== me) ?? s.supervisors[0]!;
  const staff = s.activeOn(s.asOf).filter((m) => m.role === 'staff' && m !== me);
  const worker = (): Member => (staff.length ? rand.pick(staff) : sup);
  const normal = s.firms.filter((f) => f.status === 'normal');
  const mine = normal.filter((f) => f.liaison === me);
  const myFirm = (): Firm => rand.pick(mine.length ? mine : normal);
  const anyFirm = (): Firm => rand.pick(normal);
  const ago = (days: number): number => msOn(addDays(s.asOf, -days), 10 * 60);
  const life = (
    firm: Firm,
    source: 'hotline' | 'self_reported' | 'other',
    daysAgo: number,
    receiver: Member,
    complex = false,
  ): Life => new Life(s, rand, newDemand(s, rand, firm, source, ago(daysAgo), receiver, { complex }));
  const answerNote = () => rand.pick(ANSWER_NOTES);
  const year = s.asOf.slice(0, 4);

  // --- my tasks -------------------------------------------------------------
  // Overdue: ordinary, received 16 days ago, still being handled.
  let l = life(myFirm(), 'hotline', 16, sup);
  l.move(0.1, sup, { to: 'assigned', assigneeStaffId: me.id });
  l.move(0.3, me, { to: 'in_progress' });
  // Overdue although its due date moved: complex, with a hold in its history.
  l = life(myFirm(), 'self_reported', 40, me, true);
  l.move(0.2, sup, { to: 'assigned', assigneeStaffId: me.id });
  l.move(0.5, me, { to: 'in_progress' });
  l.move(3, me, { to: 'on_hold', note: rand.pick(HOLD_NOTES) });
  l.move(6, me, { to: 'in_progress', note: '已收到答复，恢复办理' });
  // Due today (ordinary, received a week ago) and due in two days (not yet accepted).
  l = life(myFirm(), 'hotline', 7, sup);
  l.move(0.1, sup, { to: 'assigned', assigneeStaffId: me.id });
  l.move(0.2, me, { to: 'in_progress' });
  l = life(myFirm(), 'other', 5, sup);
  l.move(0.1, sup, { to: 'assigned', assigneeStaffId: me.id });
  // Answered; its 回访 was due yesterday.
  l = life(myFirm(), 'self_reported', 12, me);
  l.move(0.1, sup, { to: 'assigned', assigneeStaffId: me.id });
  l.move(0.5, me, { to: 'in_progress' });
  l.move(6, me, { to: 'answered', note: answerNote() });
  pendingFollowup(s, 'demand', l.c.id, me, addDays(s.asOf, -1));
  // Follow-ups on my own visits: one due today, one late.
  for (const [daysAgo, dueIn] of [
    [20, 20],
    [30, 24],
  ] as const) {
    const firm = myFirm();
    const visit = s.as(me, () =>
      s.make(
        'visits.create',
        {
          enterpriseId: firm.id,
          date: addDays(s.asOf, -daysAgo),
          mode: 'onsite',
          leadStaffId: me.id,
          peopleMet: firm.contacts.map((c) => `${c.name}（${c.title}）`).join('、'),
          summary: '了解企业新产品研发进展，企业希望区里协助对接高校实验室资源。约定近期回访。',
          policiesExplained: '科技创新券、研发费用税前加计扣除',
          enterpriseConfirmed: true,
        },
        ({ id }) => ({ id, with: [] }),
      ),
    );
    s.counts.visits += 1;
    pendingFollowup(s, 'visit', visit.id, me, addDays(s.asOf, dueIn - daysAgo));
  }

  // --- one of each status and closure type ----------------------------------
  life(anyFirm(), 'hotline', 0, worker()); // pending: came in today
  l = life(anyFirm(), 'hotline', 30, worker());
  l.move(1, sup, { to: 'rejected', note: rand.pick(REJECT_NOTES) });
  // Returned by the first assignee and assigned to a colleague.
  const first = worker();
  const second = staff.find((m) => m !== first) ?? sup;
  l = life(anyFirm(), 'self_reported', 25, first);
  l.move(0.2, sup, { to: 'assigned', assigneeStaffId: first.id });
  l.move(1, first, { to: 'pending', note: rand.pick(RETURN_NOTES) });
  l.move(0.5, sup, { to: 'assigned', assigneeStaffId: second.id, note: '重新交办' });
  l.move(0.5, second, { to: 'in_progress' });
  l.move(5, second, { to: 'answered', note: answerNote() });
  // On hold now.
  const holder = worker();
  l = life(anyFirm(), 'hotline', 20, holder, true);
  l.move(0.2, sup, { to: 'assigned', assigneeStaffId: holder.id });
  l.move(0.5, holder, { to: 'in_progress' });
  l.move(10, holder, { to: 'on_hold', note: rand.pick(HOLD_NOTES) });
  // Closed, once with each closure type.
  (['substantive', 'partial', 'explained'] as const).forEach((closureType, k) => {
    const w = worker();
    const c = life(anyFirm(), 'self_reported', 60 + 12 * k, w);
    c.move(0.3, sup, { to: 'assigned', assigneeStaffId: w.id });
    c.move(0.5, w, { to: 'in_progress' });
    c.move(4, w, { to: 'answered', note: answerNote() });
    c.followup(2, 3, w, closureType === 'explained' ? 'mostly_satisfied' : 'satisfied');
    c.move(1, closureType === 'partial' ? sup : w, {
      to: 'closed',
      closureType,
      resolution: resolution(rand, c.c, closureType, year),
    });
  });
  // Reopened by a supervisor after closing, then closed again.
  const r = worker();
  l = life(anyFirm(), 'hotline', 90, r);
  l.move(0.3, sup, { to: 'assigned', assigneeStaffId: r.id });
  l.move(0.5, r, { to: 'in_progress' });
  l.move(5, r, { to: 'answered', note: answerNote() });
  l.followup(1, 3, r, 'mostly_satisfied');
  l.move(1, r, { to: 'closed', closureType: 'partial', resolution: resolution(rand, l.c, 'partial', year) });
  l.move(10, sup, { to: 'in_progress', note: rand.pick(REOPEN_NOTES) });
  l.move(6, r, { to: 'answered', note: answerNote() });
  l.move(2, sup, {
    to: 'closed',
    closureType: 'substantive',
    resolution: resolution(rand, l.c, 'substantive', year),
  });
  // A dissatisfied 回访 sent the answer back; handled again and closed.
  const d = worker();
  l = life(anyFirm(), 'self_reported', 70, d);
  l.move(0.3, sup, { to: 'assigned', assigneeStaffId: d.id });
  l.move(0.5, d, { to: 'in_progress' });
  l.move(5, d, { to: 'answered', note: answerNote() });
  l.followup(1, 3, d, 'dissatisfied');
  l.move(6, d, { to: 'answered', note: '重新办理后再次反馈企业' });
  l.followup(1, 3, d, 'satisfied');
  l.move(1, d, {
    to: 'closed',
    closureType: 'substantive',
    resolution: resolution(rand, l.c, 'substantive', year),
  });
  // Closed, then a later dissatisfied 回访 reopened it: being handled again now.
  const e = worker();
  l = life(anyFirm(), 'hotline', 50, e);
  l.move(0.3, sup, { to: 'assigned', assigneeStaffId: e.id });
  l.move(0.5, e, { to: 'in_progress' });
  l.move(4, e, { to: 'answered', note: answerNote() });
  l.followup(1, 3, e, 'satisfied');
  l.move(1, e, {
    to: 'closed',
    closureType: 'explained',
    resolution: resolution(rand, l.c, 'explained', year),
  });
  l.followup(20, 20, e, 'dissatisfied');
}

function pendingFollowup(
  s: Seeder,
  parentType: 'demand' | 'visit',
  parentId: string,
  owner: Member,
  dueDate: string,
): void {
  s.as(owner, () =>
    s.write('followups.create', {
      parentType,
      parentId,
      ownerStaffId: owner.id,
      dueDate,
      channel: 'phone',
      content: FOLLOWUP_CONTENT[parentType][0],
    }),
  );
  s.counts.followups += 1;
}
