// One error shape for every door: { code, message, details }. What a person reads is
// details.msg (and each issue's msg): a message key and its parameters from src-shared/messages.ts,
// said in the UI's language by the renderer. `message` is the same in English, for the CLI,
// logs and scripts.
import { z } from 'zod';
import { say, type Msg } from '../messages';

export const ERROR_CODES = [
  'VALIDATION', // input does not match the schema or a field rule
  'NOT_FOUND',
  'CONFLICT', // unique value taken, stale write
  'WORKFLOW', // a demand move that the workflow refuses
  'FORBIDDEN', // the actor's role may not do this
  'UNKNOWN_METHOD',
  'BUSY', // a long job (a sync import) holds the database: try again when it ends
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldIssue {
  path: string;
  /** In English. */
  message: string;
  /** What to say, in the reader's language. */
  msg?: Msg;
}

export interface ErrorDetails {
  field?: string;
  issues?: FieldIssue[];
  msg?: Msg;
  [key: string]: unknown;
}

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  details: ErrorDetails;
}

/** A message as it travels in a method's output (a folder sync's refused files). */
export const MsgSchema = z.custom<Msg>((v) => typeof v === 'object' && v !== null && 'key' in v);

/** An issue of a field, with its English message. */
export const issue = (path: string, m: Msg): FieldIssue => ({ path, message: say('en', m), msg: m });

export class ApiError extends Error {
  readonly details: ErrorDetails;
  /**
   * `m` is what a person reads; the English message is prefixed with details.field, as
   * "uscc: … already belongs to …".
   */
  constructor(
    readonly code: ErrorCode,
    m: Msg,
    details: ErrorDetails = {},
  ) {
    super(`${details.field ? `${details.field}: ` : ''}${say('en', m)}`);
    this.name = 'ApiError';
    this.details = { ...details, msg: m };
  }

  get msg(): Msg {
    return this.details.msg!;
  }

  toJSON(): ApiErrorBody {
    return { code: this.code, message: this.message, details: this.details };
  }
}

/** A field-level validation error: the message names the field. */
export function invalid(field: string, m: Msg, extra: ErrorDetails = {}): ApiError {
  return new ApiError('VALIDATION', m, { field, issues: [issue(field, m)], ...extra });
}

export function notFound(kind: Msg['key'], id: string, field?: string): ApiError {
  const m: Msg = { key: 'record.notFound', params: { kind: { key: kind }, id } };
  return new ApiError('NOT_FOUND', m, { ...(field ? { field } : {}), id });
}
