import { z } from 'zod';
import { ApiError, type ApiErrorBody, type FieldIssue } from '@shared/contract/errors';

// Any failure as the { code, message, details } every door shows: the core's calls
// (dispatch.ts) and the desktop shell's own (doors/electron/startup.ts), which must not load
// the core to say so.

export function issuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(input)', message: i.message }));
}

/** An ApiError as it is, a ZodError as VALIDATION with its issues, anything else INTERNAL. */
export function toErrorBody(e: unknown): ApiErrorBody {
  if (e instanceof ApiError) return e.toJSON();
  if (e instanceof z.ZodError) {
    const issues = issuesOf(e);
    const first = issues[0]!;
    return {
      code: 'VALIDATION',
      message: issues.map((i) => `${i.path}: ${i.message}`).join('; '),
      details: { field: first.path, issues },
    };
  }
  return { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e), details: {} };
}
