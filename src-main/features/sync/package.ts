import { msg, type Msg } from '@shared/messages';
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { crc32, gzipSync, inflateRawSync } from 'node:zlib';
import { z } from 'zod';
import { ApiError } from '@shared/contract/errors';
import { isHlc } from '@shared/domain/hlc';
import { newIv, open, seal, TAG_BYTES } from './crypto';
import { describeTeam, type Team } from './team';
import { SCHEMA_VERSION } from '../../store/migrations';
import { runSteps, type Steps } from '../../infra/steps';

// The .vlsync file:
//   MAGIC (8 bytes) | header length (uint32 BE) | header JSON | AES-256-GCM(gzip(body)) | tag
// The header (format, team id, iv) is readable so a file from another team is named as
// such; it is authenticated as GCM additional data. The body holds the manifest and the
// changes; the manifest carries the SHA-256 of the changes as written.
// Formats 2 and 3: the body is lines, the manifest first, then the changes in lines of up to
// LINE_CHANGES, gzipped line by line: no part of the file, written or read, is ever one string,
// so a whole district fits (a JS string holds at most 512 MiB; 2.5 million changes are about
// 600 MB of JSON). The checksum covers every byte after the manifest's line.
//   Format 3 (this app writes it): a line is the JSON array [strings, flat]. `strings` lists the
//   line's device, staff, table, record and field names once each; `flat` holds 8 slots per
//   change, [hlc, device, staff, table, rowId, field, value, prevHlc], the five names as indexes
//   into `strings`. Characters beyond ASCII are written as \u escapes, so a line is ASCII and is
//   read as Latin-1. Both halve the bytes to read: the names repeat on every change (a
//   record's id on each of its fields), and decoding UTF-8 text with Chinese in it costs more
//   than parsing it.
//   Format 2 (still read): a line is a JSON array of changes, each an 8-tuple, UTF-8.
// Format 1 (still read): one JSON object, {manifest, changes}.

export const MAGIC = Buffer.from('VLSYNC\x00\x01', 'latin1');
export const FORMAT_VERSION = 3;
/** Changes per line of a format 2 or 3 body. */
export const LINE_CHANGES = 10_000;
const MAX_HEADER = 4096;
const MB = 2 ** 20;
/**
 * What one line may expand to: past it the file is refused as damaged (a gzip bomb) before it
 * can take the memory. The writer splits lines long before (LINE_BYTES).
 */
export const MAX_LINE_BYTES = 64 * MB;
const LINE_BYTES = 16 * MB;
/** Format 1 has no lines: its one body is bounded by what a JS string holds anyway. */
const MAX_BODY1_BYTES = 512 * MB;

/**
 * Roughly a clock stamp: a file whose stamps are not even this is not understood. One of this
 * shape but not exactly what domain/hlc writes (isHlc) is skipped alone, see take().
 */
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

export function refuse(reason: RefusalReason, m: Msg, extra: Record<string, unknown> = {}): ApiError {
  return new ApiError('VALIDATION', m, { field: 'file', reason, ...extra });
}

export const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

function prefixOf(header: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(header.length);
  return Buffer.concat([MAGIC, length, header]);
}

type ManifestInput = Omit<Manifest, 'contentSha256' | 'formatVersion'>;

/** Seals a body (gzip members) under the team key, behind the readable header. */
function sealBody(team: Team, format: number, body: Buffer): Buffer {
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

const NON_ASCII = /[\u0080-\uffff]/g;
const escapeNonAscii = (json: string) =>
  json.replace(NON_ASCII, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** A line of format 3 (see the top of this file). */
function compactLine(changes: WireChange[]): string {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const ref = (name: string) => {
    let i = index.get(name);
    if (i === undefined) {
      i = strings.length;
      strings.push(name);
      index.set(name, i);
    }
    return i;
  };
  const flat: unknown[] = [];
  for (const c of changes) {
    flat.push(c[0], ref(c[1]), c[2] === null ? null : ref(c[2]), ref(c[3]), ref(c[4]), ref(c[5]), c[6], c[7]);
  }
  return escapeNonAscii(JSON.stringify([strings, flat]));
}

/**
 * Writes a format 3 (or, for tests, 2) file line by line: add() takes the changes in order, a
 * line at a time (compressed at once, so only the compressed file is held), finish() adds the
 * manifest.
 */
export class FileWriter {
  private readonly lines: Buffer[] = [];
  private readonly hash = createHash('sha256');
  private count = 0;

  constructor(
    private readonly team: Team,
    /** Only tests write another format, to see how a file from a newer app is received. */
    private readonly format = FORMAT_VERSION,
  ) {}

  add(changes: WireChange[]): void {
    if (!changes.length) return;
    const text = this.format === 2 ? JSON.stringify(changes) : compactLine(changes);
    // Changes with long texts are split over more lines, so no line comes near MAX_LINE_BYTES.
    if (text.length > LINE_BYTES && changes.length > 1) {
      const half = changes.length >> 1;
      this.add(changes.slice(0, half));
      this.add(changes.slice(half));
    } else this.addLine(text, changes.length);
  }

  /** One line of `count` changes, as written (tests also write malformed ones). */
  addLine(text: string, count: number): void {
    const line = Buffer.from(`${text}\n`);
    this.hash.update(line);
    this.lines.push(gzipSync(line));
    this.count += count;
  }

  finish(manifest: ManifestInput): Buffer {
    if (manifest.changeCount !== this.count)
      throw new Error(`the manifest counts ${manifest.changeCount} changes, the file holds ${this.count}`);
    const full: Manifest = {
      ...manifest,
      formatVersion: this.format,
      contentSha256: this.hash.digest('hex'),
    };
    const head = gzipSync(Buffer.from(`${JSON.stringify(full)}\n`));
    return sealBody(this.team, this.format, Buffer.concat([head, ...this.lines]));
  }
}

/** A whole file at once (tests; and format 1, which only tests still write). */
export function encodeFile(
  team: Team,
  manifest: ManifestInput,
  changes: WireChange[],
  options: { formatVersion?: number } = {},
): Buffer {
  const format = options.formatVersion ?? FORMAT_VERSION;
  if (format === 1) {
    const changesJson = JSON.stringify(changes);
    const full: Manifest = { ...manifest, formatVersion: 1, contentSha256: sha256(changesJson) };
    return sealBody(
      team,
      1,
      gzipSync(Buffer.from(`{"manifest":${JSON.stringify(full)},"changes":${changesJson}}`)),
    );
  }
  const writer = new FileWriter(team, format);
  for (let i = 0; i < changes.length; i += LINE_CHANGES) writer.add(changes.slice(i, i + LINE_CHANGES));
  return writer.finish(manifest);
}

export interface DecodedFile {
  manifest: Manifest;
  changes: WireChange[];
  /** Positions (from 1) of the changes skipped because a stamp has an impossible shape. */
  malformedStamps: number[];
  sha256: string;
}

const CHANGES_KEY = Buffer.from(',"changes":');
const NEWER_FORMAT = msg('sync.newerFormat');

/** Reads and checks a sync file; each way it can be wrong has its own refusal. */
export function decodeFile(team: Team, file: Buffer): DecodedFile {
  return runSteps(decodeSteps(team, file));
}

/** decodeFile, telling how far it has read (bytes of the opened body) line by line. */
export function* decodeSteps(team: Team, file: Buffer): Steps<DecodedFile> {
  if (file.length === 0) throw refuse('not_a_sync_file', msg('sync.empty'));
  if (file.length < MAGIC.length || !file.subarray(0, MAGIC.length).equals(MAGIC)) {
    if (MAGIC.subarray(0, file.length).equals(file.subarray(0, MAGIC.length))) {
      throw refuse('truncated', msg('sync.truncated'));
    }
    // The last two bytes of the magic number are the container's version.
    const signature = MAGIC.length - 2;
    if (file.length >= MAGIC.length && file.subarray(0, signature).equals(MAGIC.subarray(0, signature))) {
      if (file.readUInt16BE(signature) > MAGIC.readUInt16BE(signature))
        throw refuse('newer_format', NEWER_FORMAT);
    }
    throw refuse('not_a_sync_file', msg('sync.notSyncFile'));
  }
  if (file.length < MAGIC.length + 4) throw refuse('truncated', msg('sync.truncated'));
  const headerLength = file.readUInt32BE(MAGIC.length);
  if (headerLength > MAX_HEADER) throw refuse('damaged', msg('sync.damagedHeader'));
  const bodyStart = MAGIC.length + 4 + headerLength;
  if (file.length < bodyStart + TAG_BYTES) throw refuse('truncated', msg('sync.truncated'));
  let rawHeader: unknown;
  try {
    rawHeader = JSON.parse(file.subarray(MAGIC.length + 4, bodyStart).toString('utf8'));
  } catch {
    throw refuse('damaged', msg('sync.damagedHeader'));
  }
  // Before the header's shape is checked: a newer format may have another header.
  const format = (rawHeader as { format?: unknown } | null)?.format;
  if (typeof format === 'number' && format > FORMAT_VERSION) throw refuse('newer_format', NEWER_FORMAT);
  const header = Header.safeParse(rawHeader);
  if (!header.success || header.data.format < 1) throw refuse('damaged', msg('sync.damagedHeader'));
  const { length, teamName, iv } = header.data;
  if (file.length - bodyStart < length) throw refuse('truncated', msg('sync.truncated'));
  if (file.length - bodyStart > length) throw refuse('damaged', msg('sync.extraBytes'));
  if (header.data.team !== team.id) {
    throw refuse(
      'wrong_team',
      msg('sync.wrongTeam', {
        theirs: describeTeam(header.data.team, teamName),
        ours: describeTeam(team.id, team.name),
      }),
    );
  }
  let body: Buffer;
  try {
    body = open(team.key, Buffer.from(iv, 'base64'), file.subarray(bodyStart), file.subarray(0, bodyStart));
  } catch {
    throw unauthentic();
  }
  const read =
    header.data.format === 1
      ? readBody1(Buffer.concat([...inflateMembers(body, MAX_BODY1_BYTES)].map((m) => m.data)))
      : yield* readLines(body, header.data.format);
  return { ...read, sha256: sha256(file) };
}

const unauthentic = () => refuse('damaged', msg('sync.authFailed'));
const tooLarge = (limit: number) => refuse('damaged', msg('sync.expandsTooMuch', { mb: limit / MB }));

/** The length of the gzip member header at `at` (RFC 1952: optional extra, name, comment, CRC). */
function gzipHeaderLength(b: Buffer, at: number): number {
  if (at + 10 > b.length || b[at] !== 0x1f || b[at + 1] !== 0x8b || b[at + 2] !== 8) throw unauthentic();
  const flags = b[at + 3]!;
  let end = at + 10;
  if (flags & 4) end = end + 2 <= b.length ? end + 2 + b.readUInt16LE(end) : Infinity;
  for (const bit of [8, 16]) {
    if (!(flags & bit) || end >= b.length) continue;
    const zero = b.indexOf(0, end);
    end = zero < 0 ? Infinity : zero + 1;
  }
  if (flags & 2) end += 2;
  if (end > b.length) throw unauthentic();
  return end - at;
}

/**
 * The gzip members of an opened body, inflated one at a time with at most `limit` bytes out
 * (gunzip of the whole body would inflate a bomb until memory runs out), and how far into the
 * body each ends. Each member's length and CRC are checked as gunzip checks them.
 */
function* inflateMembers(body: Buffer, limit: number): Generator<{ data: Buffer; end: number }> {
  for (let at = 0; at < body.length;) {
    const start = at + gzipHeaderLength(body, at);
    let out: { buffer: Buffer; engine: { bytesWritten: number } };
    try {
      // `info` gives the engine too, whose bytesWritten is where this member's data ends.
      out = inflateRawSync(body.subarray(start), {
        info: true,
        maxOutputLength: limit,
      }) as unknown as typeof out;
    } catch (e) {
      if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(limit);
      throw unauthentic();
    }
    const end = start + out.engine.bytesWritten + 8;
    if (
      end > body.length ||
      body.readUInt32LE(end - 8) !== crc32(out.buffer) ||
      body.readUInt32LE(end - 4) !== out.buffer.length % 2 ** 32
    )
      throw unauthentic();
    yield { data: out.buffer, end };
    at = end;
  }
}

/** The lines of an opened body (each with its newline), and how far into the body each ends. */
function* linesOf(body: Buffer): Generator<{ line: Buffer; end: number }> {
  let rest: Buffer | null = null;
  for (const { data, end } of inflateMembers(body, MAX_LINE_BYTES)) {
    const chunk: Buffer = rest ? Buffer.concat([rest, data]) : data;
    let at = 0;
    for (let nl = chunk.indexOf(0x0a); nl >= 0; nl = chunk.indexOf(0x0a, at)) {
      yield { line: chunk.subarray(at, nl + 1), end };
      at = nl + 1;
    }
    rest = at < chunk.length ? chunk.subarray(at) : null;
    if (rest && rest.length > MAX_LINE_BYTES) throw tooLarge(MAX_LINE_BYTES);
  }
  if (rest) throw badContent();
}

const badContent = () => refuse('bad_content', msg('sync.badContent'));

/** JSON of the opened body; text that is not JSON is content not understood. */
function parseContent(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw badContent();
  }
}
const mismatch = () => refuse('damaged', msg('sync.mismatch'));

function checkManifest(raw: unknown): Manifest {
  const read = Manifest.safeParse(raw);
  if (!read.success) throw badContent();
  if (read.data.formatVersion > FORMAT_VERSION) throw refuse('newer_format', NEWER_FORMAT);
  return read.data;
}

/** Before the changes are read: a newer schema may carry changes this app cannot read. */
function checkSchema(manifest: Manifest): void {
  if (manifest.schemaVersion > SCHEMA_VERSION) {
    throw refuse(
      'newer_schema',
      msg('sync.newerSchema', { theirs: manifest.schemaVersion, ours: SCHEMA_VERSION }),
      { schemaVersion: manifest.schemaVersion, appSchemaVersion: SCHEMA_VERSION },
    );
  }
}

const malformed = (n: number) => refuse('bad_content', msg('sync.malformed', { n }));

type Read = Pick<DecodedFile, 'changes' | 'malformedStamps'>;

/**
 * Adds one change read from the file. A change not of the wire's shape refuses the file; one
 * whose stamp has an impossible shape (a crafted stamp no clock of this app writes, which a
 * clock following it would carry into every later file) is skipped alone, its place noted.
 */
function take(c: unknown, read: Read): void {
  const n = read.changes.length + read.malformedStamps.length + 1;
  if (!isWireChange(c)) throw malformed(n);
  if (isHlc(c[0]) && (c[7] === null || isHlc(c[7]))) read.changes.push(c);
  else read.malformedStamps.push(n);
}

/** A format 3 line (ASCII, checked before it is read as Latin-1), its names looked up. */
function readCompactLine(body: Buffer, at: number, end: number, read: Read): void {
  if (!isAscii(body.subarray(at, end))) throw badContent();
  const line = parseContent(body.toString('latin1', at, end));
  if (!Array.isArray(line) || line.length !== 2) throw badContent();
  const [strings, flat] = line as unknown[];
  if (!Array.isArray(strings) || !Array.isArray(flat) || flat.length % 8 !== 0) throw badContent();
  const name = (i: unknown) => (typeof i === 'number' ? (strings[i] as unknown) : undefined);
  for (let j = 0; j < flat.length; j += 8) {
    const staff = flat[j + 2];
    take(
      [
        flat[j],
        name(flat[j + 1]),
        staff === null ? null : name(staff),
        name(flat[j + 3]),
        name(flat[j + 4]),
        name(flat[j + 5]),
        flat[j + 6],
        flat[j + 7],
      ],
      read,
    );
  }
}

/**
 * Formats 2 and 3: the manifest's line, then lines of changes (see the top of this file), read
 * as they are inflated: the opened body is never held whole.
 */
function* readLines(body: Buffer, format: number): Steps<Omit<DecodedFile, 'sha256'>> {
  let manifest: Manifest | undefined;
  const hash = createHash('sha256');
  const read: Read = { changes: [], malformedStamps: [] };
  for (const { line, end } of linesOf(body)) {
    if (!manifest) {
      manifest = checkManifest(parseContent(line.toString('utf8', 0, line.length - 1)));
      if (manifest.formatVersion !== format) throw badContent();
      checkSchema(manifest);
      continue;
    }
    hash.update(line);
    if (format === 2) {
      const list = parseContent(line.toString('utf8', 0, line.length - 1));
      if (!Array.isArray(list)) throw badContent();
      for (const c of list) take(c, read);
    } else readCompactLine(line, 0, line.length - 1, read);
    yield { phase: 'checking', done: end, total: body.length };
  }
  if (!manifest) throw badContent();
  if (hash.digest('hex') !== manifest.contentSha256) throw mismatch();
  if (read.changes.length + read.malformedStamps.length !== manifest.changeCount) throw mismatch();
  return { manifest, ...read };
}

/** Format 1: one JSON object, {manifest, changes}, the changes written last. */
function readBody1(body: Buffer): Omit<DecodedFile, 'sha256'> {
  const parsed = parseContent(body.toString('utf8')) as { manifest?: unknown; changes?: unknown } | null;
  if (!parsed || typeof parsed !== 'object' || !Array.isArray(parsed.changes)) throw badContent();
  const list: unknown[] = parsed.changes;
  const manifest = checkManifest(parsed.manifest);
  // The checksum covers the changes as written: their bytes as they stand at the body's end;
  // only if that fails are they written out again.
  const at = body.lastIndexOf(CHANGES_KEY);
  const asWritten =
    at >= 0 && body[body.length - 1] === 0x7d
      ? body.subarray(at + CHANGES_KEY.length, body.length - 1)
      : null;
  const sumOk =
    (asWritten !== null && sha256(asWritten) === manifest.contentSha256) ||
    sha256(JSON.stringify(list)) === manifest.contentSha256;
  if (!sumOk || list.length !== manifest.changeCount) throw mismatch();
  checkSchema(manifest);
  const read: Read = { changes: [], malformedStamps: [] };
  for (const c of list) take(c, read);
  return { manifest, ...read };
}
