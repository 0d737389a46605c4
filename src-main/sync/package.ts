import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { z } from 'zod';
import { ApiError } from '../api/errors';
import { newIv, open, seal, TAG_BYTES } from './crypto';
import type { Team } from './team';
import { SCHEMA_VERSION } from '../store/migrations';

// The .vlsync file:
//   MAGIC (8 bytes) | header length (uint32 BE) | header JSON | AES-256-GCM(gzip(body)) | tag
// The header (format, team id, iv) is readable so a file from another team is named as
// such; it is authenticated as GCM additional data. The body holds the manifest and the
// changes; the manifest carries the SHA-256 of the changes as written.

export const MAGIC = Buffer.from('VLSYNC\x00\x01', 'latin1');
export const FORMAT_VERSION = 1;
const MAX_HEADER = 4096;

/** A clock stamp as domain/hlc formats it: ms (15 digits), counter (5 base-36 digits), node. */
const STAMP = /^\d{15}-[0-9a-z]{5}-./;

/** One change as it travels: [hlc, device, staff, table, rowId, field, value, prevHlc]. */
export const WireChange = z.tuple([
  z.string().min(20).max(200).regex(STAMP),
  z.string().min(1).max(64),
  z.string().max(64).nullable(),
  z.string().min(1).max(64),
  z.string().min(1).max(64),
  z.string().min(1).max(64),
  z.union([z.string(), z.number(), z.null()]),
  z.string().max(200).regex(STAMP).nullable(),
]);
export type WireChange = z.infer<typeof WireChange>;

const text = (v: unknown, min: number, max: number): v is string =>
  typeof v === 'string' && v.length >= min && v.length <= max;
const stamp = (v: unknown): v is string => text(v, 20, 200) && STAMP.test(v);

/**
 * The same rules as the WireChange schema, checked by hand: a file holds up to a few
 * hundred thousand changes and the schema checker costs more than applying them
 * (test/unit/sync-wire.test.ts holds the two to agree).
 */
export function isWireChange(c: unknown): c is WireChange {
  if (!Array.isArray(c) || c.length !== 8) return false;
  const [hlc, device, staff, table, rowId, field, value, prevHlc] = c as unknown[];
  return (
    stamp(hlc) &&
    text(device, 1, 64) &&
    (staff === null || text(staff, 0, 64)) &&
    text(table, 1, 64) &&
    text(rowId, 1, 64) &&
    text(field, 1, 64) &&
    (value === null || typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) &&
    (prevHlc === null || stamp(prevHlc))
  );
}

export const Manifest = z.object({
  formatVersion: z.number().int(),
  schemaVersion: z.number().int(),
  origin: z.object({ id: z.string(), name: z.string() }),
  exportedAt: z.string(),
  full: z.boolean(),
  changeCount: z.number().int().min(0),
  /** Per origin device: the first and last clock stamp in this file. */
  clockRange: z.record(z.string(), z.object({ from: z.string(), to: z.string(), count: z.number().int() })),
  contentSha256: z.string().length(64),
});
export type Manifest = z.infer<typeof Manifest>;

const Header = z.object({
  format: z.number().int(),
  team: z.string(),
  teamName: z.string().optional(),
  iv: z.string(),
  /** Bytes after the header, so a cut-short copy is told apart from an altered one. */
  length: z.number().int(),
});

export type RefusalReason =
  | 'not_a_sync_file'
  | 'truncated'
  | 'newer_format'
  | 'wrong_team'
  | 'damaged'
  | 'bad_content'
  | 'newer_schema';

export function refuse(
  reason: RefusalReason,
  message: string,
  extra: Record<string, unknown> = {},
): ApiError {
  return new ApiError('VALIDATION', message, { field: 'file', reason, ...extra });
}

const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

function prefixOf(header: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(header.length);
  return Buffer.concat([MAGIC, length, header]);
}

export function encodeFile(
  team: Team,
  manifest: Omit<Manifest, 'contentSha256' | 'formatVersion'>,
  changes: WireChange[],
  /** Only tests write another format, to see how a file from a newer app is received. */
  options: { formatVersion?: number } = {},
): Buffer {
  const format = options.formatVersion ?? FORMAT_VERSION;
  const changesJson = JSON.stringify(changes);
  const full: Manifest = { ...manifest, formatVersion: format, contentSha256: sha256(changesJson) };
  const body = gzipSync(Buffer.from(`{"manifest":${JSON.stringify(full)},"changes":${changesJson}}`));
  const iv = newIv();
  const header = Buffer.from(
    JSON.stringify({
      format,
      team: team.id,
      teamName: team.name,
      iv: iv.toString('base64'),
      length: body.length + TAG_BYTES, // GCM: ciphertext is as long as the plaintext
    }),
  );
  const prefix = prefixOf(header);
  return Buffer.concat([prefix, seal(team.key, iv, body, prefix)]);
}

export interface DecodedFile {
  manifest: Manifest;
  changes: WireChange[];
  sha256: string;
}

const CHANGES_KEY = Buffer.from(',"changes":');
const NEWER_FORMAT =
  'this sync file was written by a newer version of Visit Ledger (a newer file format): update the app to import it';

/** Reads and checks a sync file; each way it can be wrong has its own refusal. */
export function decodeFile(team: Team, file: Buffer): DecodedFile {
  if (file.length === 0)
    throw refuse('not_a_sync_file', 'the file is empty: it is not a Visit Ledger sync file');
  if (file.length < MAGIC.length || !file.subarray(0, MAGIC.length).equals(MAGIC)) {
    if (MAGIC.subarray(0, file.length).equals(file.subarray(0, MAGIC.length))) {
      throw refuse('truncated', 'the sync file is cut short (incomplete copy?)');
    }
    // The last two bytes of the magic number are the container's version.
    const signature = MAGIC.length - 2;
    if (file.length >= MAGIC.length && file.subarray(0, signature).equals(MAGIC.subarray(0, signature))) {
      if (file.readUInt16BE(signature) > MAGIC.readUInt16BE(signature))
        throw refuse('newer_format', NEWER_FORMAT);
    }
    throw refuse('not_a_sync_file', 'this is not a Visit Ledger sync file (.vlsync)');
  }
  if (file.length < MAGIC.length + 4)
    throw refuse('truncated', 'the sync file is cut short (incomplete copy?)');
  const headerLength = file.readUInt32BE(MAGIC.length);
  if (headerLength > MAX_HEADER)
    throw refuse('damaged', 'the sync file is damaged (its header is unreadable)');
  const bodyStart = MAGIC.length + 4 + headerLength;
  if (file.length < bodyStart + TAG_BYTES)
    throw refuse('truncated', 'the sync file is cut short (incomplete copy?)');
  let rawHeader: unknown;
  try {
    rawHeader = JSON.parse(file.subarray(MAGIC.length + 4, bodyStart).toString('utf8'));
  } catch {
    throw refuse('damaged', 'the sync file is damaged (its header is unreadable)');
  }
  // Before the header's shape is checked: a newer format may have another header.
  const format = (rawHeader as { format?: unknown } | null)?.format;
  if (typeof format === 'number' && format > FORMAT_VERSION) throw refuse('newer_format', NEWER_FORMAT);
  const header = Header.safeParse(rawHeader);
  if (!header.success) throw refuse('damaged', 'the sync file is damaged (its header is unreadable)');
  const { length, teamName, iv } = header.data;
  if (file.length - bodyStart < length)
    throw refuse('truncated', 'the sync file is cut short (incomplete copy?)');
  if (file.length - bodyStart > length)
    throw refuse('damaged', 'the sync file has extra bytes at its end: it was altered');
  if (header.data.team !== team.id) {
    throw refuse(
      'wrong_team',
      `this sync file belongs to another team${teamName ? ` ('${teamName}')` : ''}, not to '${team.name}'`,
    );
  }
  let body: Buffer;
  try {
    body = gunzipSync(
      open(team.key, Buffer.from(iv, 'base64'), file.subarray(bodyStart), file.subarray(0, bodyStart)),
    );
  } catch {
    throw refuse(
      'damaged',
      'the sync file is damaged or was altered (or the team passphrase changed): it fails its authentication check',
    );
  }
  const badContent = () => refuse('bad_content', 'the sync file opens but its content is not understood');
  let parsed: { manifest?: unknown; changes?: unknown };
  try {
    parsed = JSON.parse(body.toString('utf8')) as typeof parsed;
  } catch {
    throw badContent();
  }
  if (!parsed || typeof parsed !== 'object' || !Array.isArray(parsed.changes)) throw badContent();
  const list: unknown[] = parsed.changes;
  const read = Manifest.safeParse(parsed.manifest);
  if (!read.success) throw badContent();
  const manifest = read.data;
  if (manifest.formatVersion > FORMAT_VERSION) throw refuse('newer_format', NEWER_FORMAT);

  // The checksum covers the changes as written. encodeFile writes them last, so their bytes
  // are hashed as they stand in the body; only if that fails are they written out again.
  const at = body.lastIndexOf(CHANGES_KEY);
  const asWritten =
    at >= 0 && body[body.length - 1] === 0x7d
      ? body.subarray(at + CHANGES_KEY.length, body.length - 1)
      : null;
  const sumOk =
    (asWritten !== null && sha256(asWritten) === manifest.contentSha256) ||
    sha256(JSON.stringify(list)) === manifest.contentSha256;
  if (!sumOk || list.length !== manifest.changeCount) {
    throw refuse('damaged', 'the sync file does not match its own manifest (checksum or count)');
  }
  // Before the changes are read: a newer schema may carry changes this app cannot read.
  if (manifest.schemaVersion > SCHEMA_VERSION) {
    throw refuse(
      'newer_schema',
      `this sync file comes from a newer version of Visit Ledger (schema ${manifest.schemaVersion}, this app has ${SCHEMA_VERSION}): update the app to import it`,
      { schemaVersion: manifest.schemaVersion, appSchemaVersion: SCHEMA_VERSION },
    );
  }
  for (let i = 0; i < list.length; i++) {
    if (!isWireChange(list[i])) throw refuse('bad_content', `change ${i + 1} of the sync file is malformed`);
  }
  return { manifest, changes: list as WireChange[], sha256: sha256(file) };
}
