// One error shape for every door: { code, message, details }.

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
  message: string;
}

export interface ErrorDetails {
  field?: string;
  issues?: FieldIssue[];
  [key: string]: unknown;
}

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  details: ErrorDetails;
}

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toJSON(): ApiErrorBody {
    return { code: this.code, message: this.message, details: this.details };
  }
}

/** A field-level validation error: the message names the field. */
export function invalid(field: string, message: string, extra: ErrorDetails = {}): ApiError {
  return new ApiError('VALIDATION', `${field}: ${message}`, {
    field,
    issues: [{ path: field, message }],
    ...extra,
  });
}

export function notFound(what: string, id: string, field?: string): ApiError {
  return new ApiError('NOT_FOUND', `${field ? `${field}: ` : ''}no ${what} with id '${id}'`, {
    ...(field ? { field } : {}),
    id,
  });
}
