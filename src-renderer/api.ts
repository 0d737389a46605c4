// The renderer's only way to the core: one typed call, whichever door the page is behind
// (the Electron preload bridge, or the HTTP door of the web mode).
import type { MethodInput, MethodOutput } from '@shared/contract/contract';
import type { MethodName } from '@shared/contract/methods';
import type { ApiErrorBody, ErrorCode, ErrorDetails } from '@shared/contract/errors';
import { currentLanguage, sayMsg } from './i18n';

export type ClientErrorCode = ErrorCode | 'NETWORK';

/**
 * The core's error in the UI's language: its message and each issue's said from their message
 * keys (details.msg, issues[].msg); the English `message` stays only where the core gave no key.
 */
export function localized(
  message: string,
  details: ErrorDetails,
): { message: string; details: ErrorDetails } {
  const issues = details.issues?.map((i) => (i.msg ? { ...i, message: sayMsg(i.msg) } : i));
  const text = details.msg
    ? sayMsg(details.msg)
    : issues?.length && issues.every((i) => i.msg)
      ? issues.map((i) => i.message).join(currentLanguage() === 'en' ? '; ' : '；')
      : message;
  return { message: text, details: issues ? { ...details, issues } : details };
}

/** A refused or failed call: the core's { code, message, details }, never a raw stack. */
export class ApiError extends Error {
  readonly code: ClientErrorCode;
  readonly details: ErrorDetails;
  constructor(code: ClientErrorCode, message: string, details: ErrorDetails = {}) {
    const said = localized(message, details);
    super(said.message);
    this.name = 'ApiError';
    this.code = code;
    this.details = said.details;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/** Any thrown value as an ApiError, so screens have one shape to show. */
export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  if (e && typeof e === 'object' && 'code' in e && 'message' in e) {
    const b = e as Partial<ApiErrorBody>;
    return new ApiError((b.code as ClientErrorCode) ?? 'INTERNAL', String(b.message), b.details ?? {});
  }
  return new ApiError('INTERNAL', e instanceof Error ? e.message : String(e));
}

function fromBody(body: unknown, fallback: string): ApiError {
  const err = (body as { error?: Partial<ApiErrorBody> } | null)?.error;
  if (err && typeof err.message === 'string') {
    return new ApiError((err.code as ClientErrorCode) ?? 'INTERNAL', err.message, err.details ?? {});
  }
  return new ApiError('INTERNAL', fallback);
}

async function viaBridge(method: MethodName, input: unknown): Promise<unknown> {
  const r = await window.visitLedger![method](input);
  if (r.ok) return r.result;
  throw new ApiError(r.error.code, r.error.message, r.error.details ?? {});
}

async function viaHttp(method: MethodName, input: unknown): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify(input ?? {}),
    });
  } catch (e) {
    throw new ApiError('NETWORK', `cannot reach the Visit Ledger server: ${(e as Error).message}`);
  }
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    /* not JSON: handled below */
  }
  if (res.ok && body && typeof body === 'object' && 'result' in body)
    return (body as { result: unknown }).result;
  throw fromBody(body, `HTTP ${res.status} ${res.statusText}`.trim());
}

/** The methods whose input may be omitted (app.info, lists…). */
type OptionalInputMethod = { [M in MethodName]: undefined extends MethodInput<M> ? M : never }[MethodName];

/**
 * Calls one contract method; resolves with its output or rejects with an ApiError. Two
 * overloads rather than one conditional parameter list, so that a method named through a type
 * parameter (`${K}.list` in records.ts) still checks its input.
 */
export function call<M extends OptionalInputMethod>(
  method: M,
  input?: MethodInput<M>,
): Promise<MethodOutput<M>>;
export function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
export function call(method: MethodName, input?: unknown): Promise<unknown> {
  const door = typeof window !== 'undefined' && window.visitLedger ? viaBridge : viaHttp;
  return door(method, input);
}
