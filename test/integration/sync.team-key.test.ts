import { describe, expect, it } from 'vitest';
import { scryptSync } from 'node:crypto';
import { join } from 'node:path';
import { call } from '../../src-main/dispatch';
import { openCore } from '../../src-main/open';
import { decodeTeamCode } from '../../src-main/features/sync/team';
import type { Core } from '../../src-main/core';
import type { MethodOutput } from '@shared/contract/contract';
import { makeCore, tempDir } from '../helpers';

// Team keys: the app's scrypt cost in every code it makes; tests ask for a cheap one
// explicitly, their codes say so, and a store the app opens never takes such a code.

const PASS = 'correct horse battery staple';
const scrypt = (salt: string, log2N: number) =>
  scryptSync(PASS, Buffer.from(salt, 'base64'), 32, { N: 2 ** log2N, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });

function appCore(): Core {
  return openCore(join(tempDir(), 'app.db'));
}

describe('team key cost', () => {
  it('is the app’s (N = 2^15) in a code the app makes, and the code does not name it', () => {
    const core = appCore();
    try {
      const r = call(core, 'sync.team.create', { name: '局', passphrase: PASS });
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      const code = decodeTeamCode((r.result as MethodOutput<'sync.team.create'>).teamCode);
      expect(Object.keys(code).sort()).toEqual(['check', 'id', 'name', 'salt', 'v']);
      expect(core.store.getMeta('teamKey')).toBe(scrypt(code.salt, 15).toString('base64'));
    } finally {
      core.store.close();
    }
  });

  it('is the cheap one only for stores a test opened so, and their code records it', () => {
    const a = makeCore();
    const b = makeCore();
    const { teamCode } = a.ok('sync.team.create', { name: '局', passphrase: PASS });
    const code = decodeTeamCode(teamCode);
    expect(code.cost).toBe(10);
    expect(a.core.store.getMeta('teamKey')).toBe(scrypt(code.salt, 10).toString('base64'));
    b.ok('sync.team.join', { code: teamCode, passphrase: PASS });
    expect(b.core.store.getMeta('teamKey')).toBe(a.core.store.getMeta('teamKey'));
  });

  it('is refused by a store the app opened: a cheap code is not a team code there', () => {
    const { teamCode } = makeCore().ok('sync.team.create', { name: '局', passphrase: PASS });
    const core = appCore();
    try {
      const r = call(core, 'sync.team.join', { code: teamCode, passphrase: PASS });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatchObject({ code: 'VALIDATION', details: { field: 'code' } });
      expect(core.store.getMeta('teamCode')).toBeNull();
      expect(core.store.getMeta('teamKey')).toBeNull();
    } finally {
      core.store.close();
    }
  });
});
