// Two laptops of one team exchanging sync files, for the tests of what a merge keeps.
import { makeCore, type TestCore } from '../helpers';
import { demandIn, type Demand } from './fixtures';
import { DERIVED_DEMAND_FIELDS } from '../../src-shared/domain/demandReplay';
import type { DemandStatus, Role } from '../../src-shared/domain/enums';

const PASS = 'correct horse battery staple';

/** Laptop A makes the team and B joins it; B's user is a supervisor unless said otherwise. */
export function pair(roles: { a?: Role; b?: Role } = {}): { a: TestCore; b: TestCore } {
  const a = makeCore(roles.a ? { role: roles.a } : {});
  const b = makeCore({ role: roles.b ?? 'supervisor' });
  const { teamCode } = a.ok('sync.team.create', { name: '高新区科技局', passphrase: PASS });
  b.ok('sync.team.join', { code: teamCode, passphrase: PASS });
  return { a, b };
}

/** What `from` has not exported yet, imported by `to`. */
export function ship(from: TestCore, to: TestCore) {
  const file = from.ok('sync.export', {});
  return to.ok('sync.import', { contentBase64: file.contentBase64!, fileName: file.fileName });
}

/** Each laptop's new changes to the other, A's first. */
export function exchange(a: TestCore, b: TestCore) {
  const ab = ship(a, b);
  const ba = ship(b, a);
  return { ab, ba };
}

/** A demand made on A in `status`, known to B; B's clock a minute after A's from then on. */
export function shared(a: TestCore, b: TestCore, status: DemandStatus): Demand {
  const d = demandIn(a, status);
  ship(a, b);
  b.clock.ms = a.clock.ms + 60_000;
  return d;
}

/** A demand's fields its history decides. */
export const derived = (d: Demand) => Object.fromEntries(DERIVED_DEMAND_FIELDS.map((f) => [f, d[f] ?? null]));
