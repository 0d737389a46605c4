import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { z } from 'zod';
import { ApiError } from '../api/errors';
import { newIv, open, seal, TAG_BYTES } from './crypto';
import type { Team } from './team';

// The .vlsync file:
//   MAGIC (8 bytes) | header length (uint32 BE) | header JSON | AES-256-GCM(gzip(body)) | tag
// The header (format, team id, iv) is readable so a file from another team is named as
// such; it is authenticated as GCM additional data. The body holds the manifest and the
// changes; the manifest carries the SHA-256 of the changes as written.

export const MAGIC = Buffer.from('VLSYNC\x00\x01', 'latin1');
export const FORMAT_VERSION = 1;
const MAX_HEADER = 4096;

/** One change as it travels: [hlc, device, staff, table, rowId, field, value, prevHlc]. */
export const WireChange = z.tuple([
  z.string().min(20).max(200),
  z.string().min(1).max(64),
  z.string().max(64).nullable(),
  z.string().min(1).max(64),
  z.string().min(1).max(64),
  z.string().min(1).max(64),
  z.union([z.string(), z.number(), z.null()]),
  z.string().max(200).nullable(),
]);
export type WireChange = z.infer<typeof WireChange>;

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

const Body = z.object({ manifest: Manifest, changes: z.array(z.unknown()) });

export type RefusalReason =
  | 'not_a_sync_file'
  | 'truncated'
  | 'newer_format'
  | 'wrong_team'
  | 'damaged'
  | 'bad_content'
  | 'newer_schema';

export function refuse(reason: RefusalReason, message: string, extra: Record<string, unknown> = {}): ApiError {
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
): Buffer {
  const changesJson = JSON.stringify(changes);
  const full: Manifest = { ...manifest, formatVersion: FORMAT_VERSION, contentSha256: sha256(changesJson) };
  const body = gzipSync(Buffer.from(`{"manifest":${JSON.stringify(full)},"changes":${changesJson}}`));
  const iv = newIv();
  const header = Buffer.from(
    JSON.stringify({
      format: FORMAT_VERSION,
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

/** Reads and checks a sync file; each way it can be wrong has its own refusal. */
export function decodeFile(team: Team, file: Buffer): DecodedFile {
  if (file.length === 0) throw refuse('not_a_sync_file', 'the file is empty: it is not a Visit Ledger sync file');
  if (file.length < MAGIC.length || !file.subarray(0, MAGIC.length).equals(MAGIC)) {
    if (MAGIC.subarray(0, file.length).equals(file.subarray(0, MAGIC.length))) {
      throw refuse('truncated', 'the sync file is cut short (incomplete copy?)');
    }
    throw refuse('not_a_sync_file', 'this is not a Visit Ledger sync file (.vlsync)');
  }
  if (file.length < MAGIC.length + 4) throw refuse('truncated', 'the sync file is cut short (incomplete copy?)');
  const headerLength = file.readUInt32BE(MAGIC.length);
  if (headerLength > MAX_HEADER) throw refuse('damaged', 'the sync file is damaged (its header is unreadable)');
  const bodyStart = MAGIC.length + 4 + headerLength;
  if (file.length < bodyStart + TAG_BYTES) throw refuse('truncated', 'the sync file is cut short (incomplete copy?)');
  let header: z.infer<typeof Header>;
  try {
    header = Header.parse(JSON.parse(file.subarray(MAGIC.length + 4, bodyStart).toString('utf8')));
  } catch {
    throw refuse('damaged', 'the sync file is damaged (its header is unreadable)');
  }
  if (header.format > FORMAT_VERSION) {
    throw refuse('newer_format', 'this sync file was written by a newer version of Visit Ledger: update the app to import it');
  }
  if (file.length - bodyStart < header.length) throw refuse('truncated', 'the sync file is cut short (incomplete copy?)');
  if (file.length - bodyStart > header.length) throw refuse('damaged', 'the sync file has extra bytes at its end: it was altered');
  if (header.team !== team.id) {
    throw refuse(
      'wrong_team',
      `this sync file belongs to another team${header.teamName ? ` ('${header.teamName}')` : ''}, not to '${team.name}'`,
    );
  }
  let body: Buffer;
  try {
    body = gunzipSync(open(team.key, Buffer.from(header.iv, 'base64'), file.subarray(bodyStart), file.subarray(0, bodyStart)));
  } catch {
    throw refuse(
      'damaged',
      'the sync file is damaged or was altered (or the team passphrase changed): it fails its authentication check',
    );
  }
  let parsed: z.infer<typeof Body>;
  try {
    parsed = Body.parse(JSON.parse(body.toString('utf8')));
  } catch {
    throw refuse('bad_content', 'the sync file opens but its content is not understood');
  }
  const changesJson = JSON.stringify(parsed.changes);
  if (sha256(changesJson) !== parsed.manifest.contentSha256 || parsed.changes.length !== parsed.manifest.changeCount) {
    throw refuse('damaged', 'the sync file does not match its own manifest (checksum or count)');
  }
  const changes: WireChange[] = [];
  for (const [i, c] of parsed.changes.entries()) {
    const ok = WireChange.safeParse(c);
    if (!ok.success) throw refuse('bad_content', `change ${i + 1} of the sync file is malformed`);
    changes.push(ok.data);
  }
  return { manifest: parsed.manifest, changes, sha256: sha256(file) };
}
