import {
  createCipheriv,
  createDecipheriv,
  randomBytes,
  scryptSync,
  createHmac,
  timingSafeEqual,
} from 'node:crypto';

// Sync files are sealed with AES-256-GCM under a team key derived from the team
// passphrase with scrypt. GCM authenticates the whole file (the plain header as
// additional data), so a flipped bit, a truncation or another team's key fails.

const SCRYPT = { r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;
/** scrypt's cost (log2 N) for every team the app makes. */
const TEAM_KEY_COST = 15;
/** A cost only tests ask for (team.ts): their many teams would take minutes at the real one. */
export const TEST_TEAM_KEY_COST = 10;
const KEY_BYTES = 32;
const IV_BYTES = 12;
export const TAG_BYTES = 16;

/** `cost` is given only for a team code that records one (a test's): else the app's cost. */
export function deriveTeamKey(passphrase: string, salt: Buffer, cost: number = TEAM_KEY_COST): Buffer {
  return scryptSync(passphrase.normalize('NFC'), salt, KEY_BYTES, { ...SCRYPT, N: 2 ** cost });
}

/** A short value that lets a joining colleague check the passphrase before any file arrives. */
export function keyCheck(key: Buffer): string {
  return createHmac('sha256', key).update('visit-ledger team key check').digest('base64url').slice(0, 16);
}

export function sameKeyCheck(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A fresh nonce for every file: GCM must never reuse one under the same key. */
export const newIv = (): Buffer => randomBytes(IV_BYTES);

/** Ciphertext followed by the tag. */
export function seal(key: Buffer, iv: Buffer, plaintext: Buffer, aad: Buffer): Buffer {
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad);
  return Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
}

/** Throws when the key is wrong or any byte was changed. */
export function open(key: Buffer, iv: Buffer, sealed: Buffer, aad: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(aad);
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)), decipher.final()]);
}

export const newSalt = (): Buffer => randomBytes(16);
