import { contract, type MethodInput, type MethodOutput, type ParsedInput } from '@shared/contract/contract';
import type { Core } from '../src-main/core';
import { createStaff, listStaff, updateStaff } from '../src-main/features/staff/service';
import { createExpert } from '../src-main/features/experts/service';
import { createEnterprise, updateEnterprise } from '../src-main/features/enterprises/service';
import { createVisit, deleteVisit, updateVisit } from '../src-main/features/visits/service';
import { createDemand, transitionDemand } from '../src-main/features/demands/service';
import { createClinic, updateClinic } from '../src-main/features/clinics/service';
import { createFollowup } from '../src-main/features/followups/service';
import { setMe } from '../src-main/features/app/service';
import { toErrorBody } from '../src-main/dispatch';

// The generator writes through the services, after the contract's input schema, exactly as
// `call()` does, minus call()'s per-call savepoint: the whole seed runs in one transaction,
// and a refusal aborts all of it (a refusal is a bug of the generator).

const SERVICES = {
  'staff.create': createStaff,
  'staff.update': updateStaff,
  'staff.list': listStaff,
  'me.set': (c, i) => setMe(c, i.staffId),
  'experts.create': createExpert,
  'enterprises.create': createEnterprise,
  'enterprises.update': updateEnterprise,
  'visits.create': createVisit,
  'visits.update': updateVisit,
  'visits.delete': (c, i) => deleteVisit(c, i.id),
  'demands.create': createDemand,
  'demands.transition': (c, i) => transitionDemand(c, i),
  'clinics.create': createClinic,
  'clinics.update': updateClinic,
  'followups.create': createFollowup,
} satisfies { [M in SeedMethod]: (core: Core, input: ParsedInput<M>) => MethodOutput<M> };

export type SeedMethod =
  | 'staff.create'
  | 'staff.update'
  | 'staff.list'
  | 'me.set'
  | 'experts.create'
  | 'enterprises.create'
  | 'enterprises.update'
  | 'visits.create'
  | 'visits.update'
  | 'visits.delete'
  | 'demands.create'
  | 'demands.transition'
  | 'clinics.create'
  | 'clinics.update'
  | 'followups.create';

export class SeedError extends Error {}

/** Validates the input against the contract and runs the service. */
export function runService<M extends SeedMethod>(
  core: Core,
  method: M,
  input: MethodInput<M>,
): MethodOutput<M> {
  try {
    const parsed = contract[method].input.parse(input) as ParsedInput<M>;
    const service = SERVICES[method] as unknown as (core: Core, input: ParsedInput<M>) => MethodOutput<M>;
    return service(core, parsed);
  } catch (e) {
    const body = toErrorBody(e);
    throw new SeedError(
      `demo generator: ${method} refused (${body.code}): ${body.message}\ninput: ${JSON.stringify(input)}`,
    );
  }
}
