// Shared builders for the integration tests: records made through the API, and demands
// driven to any status along the workflow of DOMAIN.md.
import type { TestCore } from '../helpers';
import type { MethodInput, MethodOutput } from '@shared/contract/contract';
import { usccCheckChar } from '@shared/domain/uscc';
import type { DemandStatus } from '@shared/domain/enums';

export type Demand = MethodOutput<'demands.get'>;
export type Enterprise = MethodOutput<'enterprises.get'>;

let usccSeq = 0;
/** A fresh USCC with a correct check character (the check itself is tested against DOMAIN.md's examples). */
export function freshUscc(): string {
  usccSeq += 1;
  const first17 = `91350100MA${String(usccSeq).padStart(7, '0')}`;
  return first17 + usccCheckChar(first17)!;
}

/** Replaces the check character with a wrong one. */
export function withWrongCheck(uscc: string): string {
  const wrong = uscc[17] === '0' ? '1' : '0';
  return uscc.slice(0, 17) + wrong;
}

export function makeEnterprise(
  t: TestCore,
  fields: Partial<MethodInput<'enterprises.create'>> = {},
): MethodOutput<'enterprises.create'> {
  return t.ok('enterprises.create', { uscc: freshUscc(), name: `测试企业${usccSeq}有限公司`, ...fields });
}

export function makeDemand(t: TestCore, fields: Partial<MethodInput<'demands.create'>> = {}): Demand {
  const enterpriseId = fields.enterpriseId ?? makeEnterprise(t).id;
  return t.ok('demands.create', { enterpriseId, categories: ['tech'], title: '需要检测设备', ...fields });
}

/** The moves, from a new (pending) demand, that reach each status. */
export const PATH_TO: Record<DemandStatus, DemandStatus[]> = {
  pending: [],
  assigned: ['assigned'],
  in_progress: ['assigned', 'in_progress'],
  on_hold: ['assigned', 'in_progress', 'on_hold'],
  answered: ['assigned', 'in_progress', 'answered'],
  closed: ['assigned', 'in_progress', 'answered', 'closed'],
  rejected: ['rejected'],
};

/** What a move needs so that the workflow accepts it (notes, closure). */
export function moveInput(id: string, to: DemandStatus, assigneeStaffId: string) {
  return {
    id,
    to,
    ...(to === 'assigned' ? { assigneeStaffId } : {}),
    ...(to === 'rejected' || to === 'pending' ? { note: '不属于本局职责' } : {}),
    ...(to === 'on_hold' ? { note: '等待第三方检测报告' } : {}),
    ...(to === 'closed' ? { closureType: 'substantive' as const, resolution: '已协调解决' } : {}),
  };
}

/**
 * Moves a demand along PATH_TO[status] at the current time. A staff member closes only after a
 * satisfied follow-up (DOMAIN.md, "Closing"): recorded first when the user is one.
 */
export function driveTo(t: TestCore, demand: Demand, status: DemandStatus): Demand {
  let d = demand;
  for (const to of PATH_TO[status]) {
    if (to === 'closed' && t.ok('staff.get', { id: t.meId }).role === 'staff') satisfiedFollowup(t, d.id);
    d = t.ok('demands.transition', moveInput(d.id, to, t.meId));
  }
  return d;
}

/** A follow-up done now in which the enterprise was satisfied: what lets a staff member close. */
export function satisfiedFollowup(t: TestCore, demandId: string) {
  return t.ok('followups.create', {
    parentType: 'demand',
    parentId: demandId,
    dueDate: new Date(t.clock.ms).toISOString().slice(0, 10),
    doneAt: new Date(t.clock.ms).toISOString(),
    satisfaction: 'satisfied',
  });
}

export function demandIn(
  t: TestCore,
  status: DemandStatus,
  fields: Partial<MethodInput<'demands.create'>> = {},
): Demand {
  return driveTo(t, makeDemand(t, fields), status);
}

export type Unit = MethodOutput<'units.get'>;

/** Three units (承办单位): a department to lead, a town and a platform to co-handle. */
export function makeUnits(t: TestCore): { lead: Unit; co: Unit; other: Unit } {
  return {
    lead: t.ok('units.create', { name: '区工信局', kind: 'department', contact: '王科长' }),
    co: t.ok('units.create', { name: '东街道', kind: 'town' }),
    other: t.ok('units.create', { name: '知识产权服务站', kind: 'platform' }),
  };
}

/** 交办: moves a pending demand to assigned, handled by `assigneeStaffId` (me) and the units. */
export function handToUnits(
  t: TestCore,
  demandId: string,
  leadUnitId: string | null,
  coUnitIds: string[] = [],
  assigneeStaffId: string = t.meId,
): Demand {
  return t.ok('demands.transition', { id: demandId, to: 'assigned', assigneeStaffId, leadUnitId, coUnitIds });
}
