import { msg } from '@shared/messages';
import { newId } from '../../store/ids';
import { z } from 'zod';
import type { Store } from '../../store/db';
import { ApiError, invalid } from '@shared/contract/errors';
import { SHANGHAI_OFFSET_HOURS } from '@shared/domain/dates';
import { deriveTeamKey, keyCheck, newSalt, sameKeyCheck, TEST_TEAM_KEY_COST } from './crypto';

// A team shares one passphrase. Creating a team makes a team code (id, name, salt and a
// key check — never the passphrase or the key) that colleagues join with.

export interface Team {
  id: string;
  name: string;
  key: Buffer;
}

const TeamCode = z.object({
  v: z.literal(1),
  id: z.string().min(1),
  name: z.string(),
  salt: z.string(),
  check: z.string(),
  /** The key's scrypt cost, only in a test's team code (StoreOptions.cheapTeamKeysForTests). */
  cost: z.literal(TEST_TEAM_KEY_COST).optional(),
});
type TeamCode = z.infer<typeof TeamCode>;

const MIN_PASSPHRASE = 8;

function checkPassphrase(passphrase: string): void {
  if (passphrase.length < MIN_PASSPHRASE) {
    throw invalid('passphrase', msg('team.passphraseShort', { n: MIN_PASSPHRASE }));
  }
}

function save(store: Store, code: TeamCode, key: Buffer): Team {
  store.setMeta('teamCode', encodeTeamCode(code));
  // The derived key stays on this device so exports need no passphrase each time; it
  // protects files in transit, the database itself relies on the disk's encryption.
  store.setMeta('teamKey', key.toString('base64'));
  return { id: code.id, name: code.name, key };
}

export const encodeTeamCode = (code: TeamCode): string =>
  `VLT1.${Buffer.from(JSON.stringify(code)).toString('base64url')}`;

export function decodeTeamCode(text: string): TeamCode {
  const m = /^VLT1\.([A-Za-z0-9_-]+)$/.exec(text.trim());
  let parsed: unknown;
  try {
    parsed = m ? JSON.parse(Buffer.from(m[1]!, 'base64url').toString('utf8')) : null;
  } catch {
    parsed = null; // not JSON: refused below like any other malformed code
  }
  const code = TeamCode.safeParse(parsed);
  if (!code.success) throw notATeamCode();
  return code.data;
}

const notATeamCode = () => invalid('code', msg('team.notACode'));

export function createTeam(store: Store, name: string, passphrase: string): { team: Team; teamCode: string } {
  checkPassphrase(passphrase);
  const salt = newSalt();
  const cost = store.options.cheapTeamKeysForTests ? TEST_TEAM_KEY_COST : undefined;
  const key = deriveTeamKey(passphrase, salt, cost);
  const code: TeamCode = {
    v: 1,
    id: newId(),
    name,
    salt: salt.toString('base64'),
    check: keyCheck(key),
    ...(cost === undefined ? {} : { cost }),
  };
  return { team: save(store, code, key), teamCode: encodeTeamCode(code) };
}

export function joinTeam(store: Store, codeText: string, passphrase: string): Team {
  const code = decodeTeamCode(codeText);
  // A test's cheap key is never taken by the app's own stores.
  if (code.cost !== undefined && !store.options.cheapTeamKeysForTests) throw notATeamCode();
  const key = deriveTeamKey(passphrase, Buffer.from(code.salt, 'base64'), code.cost);
  if (!sameKeyCheck(keyCheck(key), code.check)) throw invalid('passphrase', msg('team.wrongPassphrase'));
  return save(store, code, key);
}

export function currentTeam(store: Store): Team | null {
  const codeText = store.getMeta('teamCode');
  const key = store.getMeta('teamKey');
  if (!codeText || !key) return null;
  const code = decodeTeamCode(codeText);
  return { id: code.id, name: code.name, key: Buffer.from(key, 'base64') };
}

export function requireTeam(store: Store): Team {
  const team = currentTeam(store);
  if (!team) {
    throw new ApiError('CONFLICT', msg('team.none'), {
      reason: 'no_team',
    });
  }
  return team;
}

export function teamCodeOf(store: Store): string | null {
  return store.getMeta('teamCode');
}

/**
 * A team as messages name it: its name, and when its code was made (its id is a UUIDv7, which
 * begins with that time) and its id, so that a team deleted and made again under the same
 * name is told apart from the first.
 */
export function describeTeam(id: string, name: string | undefined): string {
  const made = /^[0-9a-f]{8}-[0-9a-f]{4}-7/i.test(id)
    ? new Date(parseInt(id.replace(/-/g, '').slice(0, 12), 16) + SHANGHAI_OFFSET_HOURS * 3600_000)
        .toISOString()
        .slice(0, 16)
        .replace('T', ' ')
    : null;
  return `${name === undefined ? '' : `'${name}', `}${made ? `team code made ${made}, ` : ''}id ${id}`;
}
