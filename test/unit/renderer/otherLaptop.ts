// A second laptop for renderer tests: its own core and database (the screen under test talks to
// the bridge's core), in the same sync team, with files passed between them as the API gives them.
import { join } from 'node:path';
import { call } from '../../../src-main/dispatch';
import type { MethodInput, MethodOutput } from '@shared/contract/contract';
import type { MethodName } from '@shared/contract/methods';
import type { Core } from '../../../src-main/core';
import { openTestCore, tempDir } from '../../helpers';
import type { Bridge } from './bridge';

export const PASSPHRASE = 'river-stone-42';

export interface Laptop {
  core: Core;
  meId: string;
  ok<M extends MethodName>(method: M, input?: MethodInput<M>): MethodOutput<M>;
  /** A sync file of this laptop's changes as the browser would hold it. */
  exportFile(full?: boolean): File;
  close(): void;
}

export function openLaptop(name: string, staffName: string, now: () => number): Laptop {
  const core = openTestCore(join(tempDir(), 'other.db'), { now, deviceName: name });
  const ok = <M extends MethodName>(method: M, input?: MethodInput<M>): MethodOutput<M> => {
    const r = call(core, method, input);
    if (!r.ok) throw new Error(`${method} failed: ${JSON.stringify(r.error)}`);
    return r.result as MethodOutput<M>;
  };
  const me = ok('staff.create', { name: staffName, role: 'staff' });
  ok('me.set', { staffId: me.id });
  return {
    core,
    meId: me.id,
    ok,
    exportFile(full = false) {
      const r = ok('sync.export', full ? { full: true } : {});
      return new File([Buffer.from(r.contentBase64!, 'base64')], r.fileName);
    },
    close: () => core.store.close(),
  };
}

/** The bridge's laptop creates the team; the other laptop joins it. */
export function sameTeam(b: Bridge, other: Laptop): void {
  const { teamCode } = b.ok('sync.team.create', { name: '高新区科技局', passphrase: PASSPHRASE });
  other.ok('sync.team.join', { code: teamCode, passphrase: PASSPHRASE });
}

/** Imports a laptop's file into the bridge's core directly (not through a screen). */
export function importInto(b: Bridge, file: { contentBase64: string | null }): void {
  b.ok('sync.import', { contentBase64: file.contentBase64! });
}
