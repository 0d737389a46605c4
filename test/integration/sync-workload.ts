import { call } from '../../src-main/dispatch';
import type { MethodInput, MethodOutput } from '@shared/contract/contract';
import type { MethodName } from '@shared/contract/methods';
import type { Core } from '../../src-main/core';
import { logSize } from '../../src-main/store/changeLog';
import { usccCheckChar } from '@shared/domain/uscc';
import { addDays, shanghaiDate } from '@shared/domain/dates';

// A district team's work made through the services, for sync files of a realistic shape
// (used by the sync crash test and the sync benchmark).

function ok<M extends MethodName>(core: Core, method: M, input: MethodInput<M>): MethodOutput<M> {
  const r = call(core, method, input);
  if (!r.ok) throw new Error(`${method} failed: ${JSON.stringify(r.error)}`);
  return r.result as MethodOutput<M>;
}

export const changeCount = (core: Core): number => logSize(core.store.db);

/** What joining a team stores, copied from a member, without deriving the key again (scrypt). */
export function joinLike(member: Core, newcomer: Core): void {
  newcomer.store.setMeta('teamCode', member.store.getMeta('teamCode'));
  newcomer.store.setMeta('teamKey', member.store.getMeta('teamKey'));
}

/**
 * Enterprises visited, with a demand each moved along the workflow, follow-ups and edits,
 * until the change log holds at least `target` changes (about 65 per enterprise). The
 * install must have a "me". Returns the size of the change log.
 */
export function generateWork(core: Core, target: number, prefix = 'MA'): number {
  const me = core.store.actor.staffId;
  if (!me) throw new Error('generateWork needs a "me" on this install');
  const colleagues = [
    me,
    ...['林', '陈', '黄', '郑'].map((n) => ok(core, 'staff.create', { name: `${n}科员` }).id),
  ];
  const experts = ['福州大学', '厦门大学', '华侨大学'].map(
    (org, i) =>
      ok(core, 'experts.create', { name: `专家${i}`, organization: org, speciality: '智能制造' }).id,
  );
  const today = shanghaiDate(core.store.now());
  const towns = ['城东街道', '城西街道', '高新园区', '江北镇', '南屿镇'];
  for (let i = 0; changeCount(core) < target; i++) {
    const first17 = `91350100${prefix}${String(i).padStart(7, '0')}`;
    const staff = colleagues[i % colleagues.length]!;
    const e = ok(core, 'enterprises.create', {
      uscc: first17 + usccCheckChar(first17)!,
      name: `闽江第${i}精密制造有限公司`,
      town: towns[i % towns.length]!,
      address: `工业路${i}号`,
      industry: i % 3 ? 'C39' : 'M73',
      tiers: [{ tier: 'tech_sme', year: 2025 }],
      liaisonStaffId: staff,
      contacts: [{ name: `联系人${i}`, title: '总经理', phone: '13800000000' }],
    });
    const v = ok(core, 'visits.create', {
      enterpriseId: e.id,
      date: addDays(today, -(i % 60)),
      mode: i % 4 ? 'onsite' : 'phone',
      leadStaffId: staff,
      peopleMet: '总经理、技术负责人',
      summary: `企业经营正常，第${i}次走访，了解研发投入与人才需求。`.repeat(2),
      policiesExplained: '研发费用加计扣除、高企认定',
      solvedOnSite: i % 5 === 0,
      demands: [
        { categories: ['tech', 'talent'], title: `产线智能化改造需求${i}`, description: '需要高校专家协助' },
      ],
    });
    const demandId = v.demands![0]!.id;
    ok(core, 'demands.transition', { id: demandId, to: 'assigned', assigneeStaffId: staff });
    ok(core, 'demands.transition', { id: demandId, to: 'in_progress' });
    if (i % 2 === 0) {
      ok(core, 'demands.transition', { id: demandId, to: 'answered', note: '已对接专家' });
      ok(core, 'followups.create', {
        parentType: 'demand',
        parentId: demandId,
        channel: 'phone',
        content: '电话回访',
        doneAt: new Date(core.store.now()).toISOString(),
        satisfaction: 'satisfied',
      });
    }
    if (i % 3 === 0)
      ok(core, 'enterprises.update', { id: e.id, address: `工业路${i}号之二`, status: 'normal' });
    if (i % 7 === 0) ok(core, 'experts.update', { id: experts[i % experts.length]!, title: `教授${i}` });
  }
  return changeCount(core);
}
