import type { MethodInput, MethodOutput } from '@shared/contract/contract';
import type { MethodName } from '@shared/contract/methods';
import type { Core } from '../src-main/core';
import { call } from '../src-main/dispatch';
import type { Made } from '../src-main/registry/define';
import type { Role } from '@shared/domain/enums';
import type { Rand } from './random';
import type { Field, Town } from './vocabulary';

// What the generator's modules share: the core, the random source, the time frame, and
// the people and enterprises made so far. Everything is written through the API, as a door
// calls it, so every rule holds for the demo data too.

/** A call the API refused: a bug of the generator. */
export class SeedError extends Error {}

export interface Member {
  id: string;
  name: string;
  role: Role;
  /** The day this person left the bureau (no work after it), or null. */
  leftOn: string | null;
  /** Who took over this person's enterprises. */
  successor: Member | null;
}

export interface Firm {
  id: string;
  name: string;
  town: Town;
  division: string;
  /** Fields of expertise that match the enterprise's industry. */
  fields: Field[];
  liaison: Member | null;
  contacts: { name: string; title: string }[];
  status: 'normal' | 'unreachable' | 'dormant';
  /** Relative visit intensity. */
  weight: number;
  tiers: string[];
}

export interface ExpertInfo {
  id: string;
  field: Field;
}

export class Seeder {
  readonly staff: Member[] = [];
  readonly firms: Firm[] = [];
  readonly experts: ExpertInfo[] = [];
  readonly counts = {
    staff: 0,
    enterprises: 0,
    experts: 0,
    visits: 0,
    demands: 0,
    clinics: 0,
    followups: 0,
    activities: 0,
    outcomes: 0,
  };
  me!: Member;

  constructor(
    readonly core: Core,
    readonly rand: Rand,
    /** First day of the demo year. */
    readonly start: string,
    /** Last day of the demo year. */
    readonly asOf: string,
    /** No event of the demo happens after this instant (ms). */
    readonly cutoffMs: number,
    readonly scale: number,
    /**
     * Calls skip the contract's parse and run the methods' writes (a bulk load): the generator's
     * inputs are the contract's as they stand, which a seed parsing each shows
     * (SeedOptions.checked, test/integration/seed.test.ts).
     */
    readonly trusted = false,
  ) {}

  /**
   * Calls one API method inside the seed's transaction (the whole district is written in one,
   * not a transaction per call); a refusal aborts the seed.
   */
  api<M extends MethodName>(method: M, input: MethodInput<M>): MethodOutput<M> {
    return this.run(method, input, false) as MethodOutput<M>;
  }

  /**
   * api() for a call whose result the generator does not read: a bulk load writes without
   * reading the record back where the method can (its `write`, registry/define.ts).
   */
  write<M extends MethodName>(method: M, input: MethodInput<M>): void {
    this.run(method, input, this.trusted);
  }

  /**
   * write() for a call that makes records the generator goes on with: their ids, as the
   * method's `write` tells them in a bulk load (a method whose write returns them: Made), or as
   * `made` reads them from its result.
   */
  make<M extends MethodName>(
    method: M,
    input: MethodInput<M>,
    made: (result: MethodOutput<M>) => Made,
  ): Made {
    const result = this.run(method, input, this.trusted);
    if (!this.trusted) return made(result as MethodOutput<M>);
    if (!Array.isArray((result as Partial<Made> | undefined)?.with))
      throw new SeedError(`demo generator: ${method} has no write that tells what it made`);
    return result as Made;
  }

  private run(method: MethodName, input: unknown, resultUnread: boolean): unknown {
    const r = call(this.core, method, input, { inTransaction: true, trusted: this.trusted, resultUnread });
    if (!r.ok) {
      throw new SeedError(
        `demo generator: ${method} refused (${r.error.code}): ${r.error.message}\ninput: ${JSON.stringify(input)}`,
      );
    }
    return r.result;
  }

  /** Runs `fn` with `member` as the acting staff member (attribution, role checks). */
  as<T>(member: Member, fn: () => T): T {
    const { actor } = this.core.store;
    const previous = actor.staffId;
    this.core.store.actor = { deviceId: actor.deviceId, staffId: member.id };
    try {
      return fn();
    } finally {
      this.core.store.actor = { deviceId: this.core.store.actor.deviceId, staffId: previous };
    }
  }

  /**
   * Runs `fn` as if it were the instant `ms`: the methods that record "now" (督办, 催办,
   * 阶段性答复, 承办单位反馈) record that instant, as they would have when it happened.
   */
  at<T>(ms: number, fn: () => T): T {
    const store = this.core.store;
    const now = store.now;
    store.now = () => ms;
    try {
      return fn();
    } finally {
      store.now = now;
    }
  }

  /** The bureau's 分管领导 (the staff member whose position is leader: see people.ts). */
  get leader(): Member {
    return this.supervisors[0]!;
  }

  get supervisors(): Member[] {
    return this.staff.filter((s) => s.role === 'supervisor');
  }

  /** Staff still at the bureau on a date. */
  activeOn(date: string): Member[] {
    return this.staff.filter((s) => !s.leftOn || date <= s.leftOn);
  }

  /** The person who does a departed member's work on a date. */
  standIn(member: Member, date: string): Member {
    let m = member;
    while (m.leftOn && date > m.leftOn && m.successor) m = m.successor;
    return m;
  }
}
