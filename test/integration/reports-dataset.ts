// A hand-built district for the quarterly-summary tests: every record is made through the
// API with a pinned clock, and the expected figures for 2026Q3 are worked out by hand in
// reports.test.ts next to the records below.
import { makeCore } from '../helpers';
import { freshUscc } from './fixtures';
import type { MethodInput } from '@shared/contract/contract';
import type { DemandStatus } from '@shared/domain/enums';

/** "Now" for the whole dataset: two weeks after 2026Q3. */
export const NOW = '2026-10-15T12:00:00+08:00';

type Move = [to: DemandStatus, at: string, extra?: Partial<MethodInput<'demands.transition'>>];

export type Dataset = ReturnType<typeof buildDataset>;

const CLOSE = { closureType: 'substantive' as const, resolution: '已协调解决' };

export function buildDataset() {
  const t = makeCore({ now: NOW });
  const a = t.ok('staff.create', { name: '张三', role: 'staff' }).id;
  const b = t.ok('staff.create', { name: '李四', role: 'staff' }).id;
  const ent = (name: string, fields: Partial<MethodInput<'enterprises.create'>>) =>
    t.ok('enterprises.create', { uscc: freshUscc(), name, ...fields }).id;
  const e = {
    // 2026Q3 coverage base (live, with a liaison): E1 E2 E3 E6.
    E1: ent('东城精密机械有限公司', {
      town: '东城街道',
      industry: 'C39',
      tiers: [{ tier: 'high_tech', year: 2025 }],
      liaisonStaffId: a,
    }),
    E2: ent('东城软件有限公司', { town: '东城街道', industry: 'I65', liaisonStaffId: a }),
    E3: ent('西湖新材料有限公司', {
      town: '西湖镇',
      industry: 'C',
      tiers: [{ tier: 'tech_sme', year: 2026 }],
      liaisonStaffId: b,
    }),
    E4: ent('西湖贸易有限公司', { town: '西湖镇' }),
    E5: ent('西湖已注销有限公司', { town: '西湖镇', liaisonStaffId: b }),
    E6: ent('东城未走访有限公司', { town: '东城街道', liaisonStaffId: b }),
  };
  const visit = (enterpriseId: string, date: string, fields: Partial<MethodInput<'visits.create'>> = {}) =>
    t.ok('visits.create', { enterpriseId, date, mode: 'onsite', summary: '了解企业生产经营情况', ...fields })
      .id;
  const v = {
    V1: visit(e.E1, '2026-07-01', { leadStaffId: a, solvedOnSite: true }), // first day of Q3
    V2: visit(e.E1, '2026-09-30', { leadStaffId: b, mode: 'phone' }), // last day of Q3
    V3: visit(e.E2, '2026-08-15', { leadStaffId: a, mode: 'meeting' }),
    V4: visit(e.E3, '2026-09-30', { leadStaffId: b, solvedOnSite: true }),
    V5: visit(e.E4, '2026-07-10', { leadStaffId: a, mode: 'online' }),
    V6: visit(e.E1, '2026-06-30', { leadStaffId: a }), // Q2
    V7: visit(e.E2, '2026-10-01', { leadStaffId: a }), // Q4
    V8: visit(e.E3, '2026-08-01', { leadStaffId: b, status: 'draft' }), // draft
    V9: visit(e.E2, '2026-08-02', { leadStaffId: a }), // deleted below
    V10: visit(e.E5, '2026-08-03', { leadStaffId: b }), // its enterprise is deleted below
  };
  t.ok('visits.delete', { id: v.V9 });

  const demand = (
    enterpriseId: string,
    receivedAt: string,
    categories: MethodInput<'demands.create'>['categories'],
    moves: Move[],
    fields: Partial<MethodInput<'demands.create'>> = {},
  ) => {
    const id = t.ok('demands.create', {
      enterpriseId,
      receivedAt,
      categories,
      title: `需求 ${receivedAt}`,
      ...fields,
    }).id;
    for (const [to, at, extra] of moves) {
      t.ok('demands.transition', {
        id,
        to,
        at,
        ...(to === 'assigned' ? { assigneeStaffId: fields.assigneeStaffId ?? a } : {}),
        ...(to === 'closed' ? CLOSE : {}),
        ...(to === 'rejected' ? { note: '不属于本局职责范围' } : {}),
        ...(to === 'on_hold' ? { note: '等待第三方检测报告' } : {}),
        ...extra,
      });
    }
    return id;
  };
  const flow = (day: string, ...tos: DemandStatus[]): Move[] =>
    tos.map((to, i) => [to, `${day}T0${2 + i}:00:00Z`]);
  const d = {
    // Carried over (in progress at the start), closed late on 07-10: due 06-27, 20 days.
    D1: demand(
      e.E1,
      '2026-06-20T02:00:00Z',
      ['policy'],
      [
        ['assigned', '2026-06-21T02:00:00Z'],
        ['in_progress', '2026-06-22T02:00:00Z'],
        ['answered', '2026-07-05T02:00:00Z'],
        ['closed', '2026-07-10T02:00:00Z'],
      ],
    ),
    // Closed in Q2, reopened 07-20, closed again 07-28: closed in Q3 (88 days, late), not carried over.
    D2: demand(
      e.E2,
      '2026-05-01T02:00:00Z',
      ['finance'],
      [
        ['assigned', '2026-05-02T02:00:00Z'],
        ['in_progress', '2026-05-03T02:00:00Z'],
        ['answered', '2026-05-05T02:00:00Z'],
        ['closed', '2026-05-06T02:00:00Z', { closureType: 'partial' }],
        ['in_progress', '2026-07-20T02:00:00Z', { note: '企业反映未解决，重新办理' }],
        ['answered', '2026-07-25T02:00:00Z'],
        ['closed', '2026-07-28T02:00:00Z'],
      ],
    ),
    // New; on hold from 09-05 across the quarter's end until 10-10 (due 09-08 then, 10-13 now): not overdue at the end.
    D3: demand(
      e.E3,
      '2026-09-01T01:00:00Z',
      ['tech'],
      [
        ...flow('2026-09-01', 'assigned'),
        ['in_progress', '2026-09-02T02:00:00Z'],
        ['on_hold', '2026-09-05T02:00:00Z'],
        ['in_progress', '2026-10-10T02:00:00Z'],
      ],
    ),
    // New; on hold since 08-20 (already past its due date 08-08) and still: overdue at the end.
    D3b: demand(
      e.E3,
      '2026-08-01T02:00:00Z',
      ['talent'],
      [
        ['assigned', '2026-08-01T03:00:00Z'],
        ['in_progress', '2026-08-02T02:00:00Z'],
        ['on_hold', '2026-08-20T02:00:00Z'],
      ],
    ),
    // New; a 10-day hold inside Q3 moves the due date to 07-19; closed 07-19: on time, 17 − 10 = 7 days.
    D4: demand(
      e.E1,
      '2026-07-02T02:00:00Z',
      ['ip'],
      [
        ['assigned', '2026-07-02T03:00:00Z'],
        ['in_progress', '2026-07-03T02:00:00Z'],
        ['on_hold', '2026-07-05T02:00:00Z'],
        ['in_progress', '2026-07-15T02:00:00Z'],
        ['answered', '2026-07-18T02:00:00Z'],
        ['closed', '2026-07-19T02:00:00Z'],
      ],
    ),
    // New, assigned to B on 09-11 and left there: overdue at the end (due 09-17).
    D5: demand(e.E4, '2026-09-10T02:00:00Z', ['policy'], [['assigned', '2026-09-11T02:00:00Z']], {
      assigneeStaffId: b,
    }),
    // New, closed 07-08 and reopened 07-12 by a dissatisfied follow-up (F1): open and overdue at the end.
    D6: demand(
      e.E2,
      '2026-07-05T02:00:00Z',
      ['finance', 'policy'],
      [
        ['assigned', '2026-07-05T03:00:00Z'],
        ['in_progress', '2026-07-06T02:00:00Z'],
        ['answered', '2026-07-07T02:00:00Z'],
        ['closed', '2026-07-08T02:00:00Z', { closureType: 'explained' }],
      ],
    ),
    // 2026-09-30T17:00Z is already 10-01 in Shanghai: a Q4 demand.
    D7: demand(e.E1, '2026-09-30T17:00:00Z', ['tech'], []),
    // 2026-06-30T16:30Z is 07-01 00:30 in Shanghai: new in Q3, never moved, due 07-08: overdue at the end.
    D7b: demand(e.E4, '2026-06-30T16:30:00Z', ['other'], [], { assigneeStaffId: a }),
    // New; answered 09-25, closed at 2026-09-30T17:00Z = 10-01 Shanghai: open (answered) and overdue at the end of Q3.
    D8: demand(
      e.E3,
      '2026-09-20T02:00:00Z',
      ['platform'],
      [
        ['assigned', '2026-09-20T03:00:00Z'],
        ['in_progress', '2026-09-21T02:00:00Z'],
        ['answered', '2026-09-25T02:00:00Z'],
        ['closed', '2026-09-30T17:00:00Z'],
      ],
      { assigneeStaffId: b },
    ),
    // New, rejected: neither open nor closed.
    D9: demand(e.E2, '2026-08-05T02:00:00Z', ['rnd'], [['rejected', '2026-08-06T02:00:00Z']]),
    // Rejected in Q2: counts nowhere in Q3.
    D10: demand(e.E1, '2026-04-01T02:00:00Z', ['policy'], [['rejected', '2026-04-02T02:00:00Z']]),
    // Carried over from Q1, two categories, still in progress: open and overdue at the end.
    D11: demand(
      e.E3,
      '2026-03-15T02:00:00Z',
      ['tech', 'finance'],
      [
        ['assigned', '2026-03-16T02:00:00Z'],
        ['in_progress', '2026-03-17T02:00:00Z'],
      ],
      { assigneeStaffId: b },
    ),
    // Deleted below.
    D12: demand(e.E1, '2026-08-10T02:00:00Z', ['tech'], []),
    // Its enterprise is deleted below (rejected first: an enterprise with open demands cannot be deleted).
    D13: demand(e.E5, '2026-08-03T02:00:00Z', ['tech'], [['rejected', '2026-08-04T02:00:00Z']]),
    // New, three categories, complex (due 08-19), closed 08-10: on time, 21 days.
    D14: demand(
      e.E1,
      '2026-07-20T02:00:00Z',
      ['tech', 'talent', 'ip'],
      [
        ['assigned', '2026-07-20T03:00:00Z'],
        ['in_progress', '2026-07-21T02:00:00Z'],
        ['answered', '2026-08-05T02:00:00Z'],
        ['closed', '2026-08-10T02:00:00Z'],
      ],
      { complex: true },
    ),
    // Received and closed in Q2: counts nowhere in Q3.
    D15: demand(
      e.E2,
      '2026-04-10T02:00:00Z',
      ['policy'],
      [
        ['assigned', '2026-04-11T02:00:00Z'],
        ['in_progress', '2026-04-12T02:00:00Z'],
        ['answered', '2026-04-13T02:00:00Z'],
        ['closed', '2026-04-14T02:00:00Z'],
      ],
    ),
    // Carried over while on hold (06-05 → 07-05, 30 days: due 06-08 → 07-08), closed 07-08 as partial: on time, 37 − 30 = 7 days.
    D16: demand(
      e.E4,
      '2026-06-01T02:00:00Z',
      ['high_tech_cert'],
      [
        ['assigned', '2026-06-01T03:00:00Z'],
        ['in_progress', '2026-06-02T02:00:00Z'],
        ['on_hold', '2026-06-05T02:00:00Z'],
        ['in_progress', '2026-07-05T02:00:00Z'],
        ['answered', '2026-07-06T02:00:00Z'],
        ['closed', '2026-07-08T02:00:00Z', { closureType: 'partial' }],
      ],
    ),
  };

  const experts = {
    X1: t.ok('experts.create', { name: '王教授', organization: '江州大学' }).id,
    X2: t.ok('experts.create', { name: '刘研究员', organization: '江州材料研究所' }).id,
    X3: t.ok('experts.create', { name: '陈教授', organization: '江州理工大学' }).id, // deleted below
  };
  const clinic = (
    date: string,
    status: MethodInput<'clinics.create'>['status'],
    expertIds: string[],
    ents: string[],
    co = 0,
    signed = 0,
  ) =>
    t.ok('clinics.create', {
      date,
      topic: `专家会诊 ${date}`,
      status,
      expertIds,
      enterprises: ents.map((enterpriseId) => ({ enterpriseId, problems: '工艺问题', advice: '改进建议' })),
      cooperationIntentions: co,
      signedProjects: signed,
    }).id;
  const c = {
    C1: clinic('2026-08-20', 'held', [experts.X1, experts.X2], [e.E1, e.E3], 2, 1),
    C2: clinic('2026-09-10', 'written_up', [experts.X2, experts.X3], [e.E2, e.E5], 1, 0),
    C3: clinic('2026-09-15', 'planned', [experts.X1], [e.E1]), // not held
    C4: clinic('2026-06-30', 'closed', [experts.X1], [e.E1], 5, 5), // Q2
    C5: clinic('2026-08-01', 'held', [experts.X1], [e.E6], 3, 3), // deleted below
  };

  const followup = (
    parentType: 'demand' | 'visit' | 'clinic',
    parentId: string,
    fields: Partial<MethodInput<'followups.create'>>,
  ) =>
    t.ok('followups.create', { parentType, parentId, channel: 'phone', content: '电话回访', ...fields }).id;
  const f = {
    F1: followup('demand', d.D6, {
      ownerStaffId: a,
      doneAt: '2026-07-12T02:00:00Z',
      satisfaction: 'dissatisfied',
    }),
    F2: followup('demand', d.D1, {
      ownerStaffId: a,
      doneAt: '2026-07-15T02:00:00Z',
      satisfaction: 'satisfied',
    }),
    // 15:59Z is 23:59 on 09-30 in Shanghai: in Q3.
    F3: followup('visit', v.V3, {
      ownerStaffId: b,
      doneAt: '2026-09-30T15:59:00Z',
      satisfaction: 'mostly_satisfied',
    }),
    // 16:00Z is 10-01 00:00 in Shanghai: Q4.
    F4: followup('demand', d.D4, {
      ownerStaffId: a,
      doneAt: '2026-09-30T16:00:00Z',
      satisfaction: 'satisfied',
    }),
    F5: followup('demand', d.D14, { ownerStaffId: a, doneAt: '2026-08-20T02:00:00Z' }), // no satisfaction
    F6: followup('demand', d.D12, {
      ownerStaffId: a,
      doneAt: '2026-08-20T02:00:00Z',
      satisfaction: 'satisfied',
    }), // parent deleted
    F7: followup('demand', d.D1, {
      ownerStaffId: a,
      doneAt: '2026-08-01T02:00:00Z',
      satisfaction: 'satisfied',
    }), // deleted
    F8: followup('demand', d.D5, { ownerStaffId: b, dueDate: '2026-09-20' }), // not done
    F9: followup('clinic', c.C1, {
      ownerStaffId: b,
      doneAt: '2026-08-25T02:00:00Z',
      satisfaction: 'satisfied',
    }),
  };

  t.ok('followups.delete', { id: f.F7 });
  t.ok('demands.delete', { id: d.D12 });
  t.ok('clinics.delete', { id: c.C5 });
  t.ok('experts.delete', { id: experts.X3 });
  t.ok('enterprises.delete', { id: e.E5 });
  return { t, staff: { me: t.meId, a, b }, e, v, d, f, c, x: experts };
}
