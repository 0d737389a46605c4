import { z } from 'zod';
import { ApiError, issue, type ApiErrorBody, type FieldIssue } from '@shared/contract/errors';
import { MESSAGES, msg, type MessageKey, type Msg } from '@shared/messages';

// Any failure as the { code, message, details } every door shows: the core's calls
// (dispatch.ts) and the desktop shell's own (doors/electron/startup.ts), which must not load
// the core to say so.

/** A schema's own message (`.refine(f, MESSAGES['field.date'].en)`) back to its key. */
const BY_ENGLISH = new Map<string, MessageKey>(
  (Object.keys(MESSAGES) as MessageKey[])
    .filter((k) => !MESSAGES[k].en.includes('{{'))
    .map((k) => [MESSAGES[k].en, k]),
);

const n = (v: unknown) => String(typeof v === 'bigint' ? Number(v) : v);

/** What a zod issue says, as a message: the schema's own words, or zod's kind of problem. */
export function zodMsg(i: z.core.$ZodIssue): Msg {
  const own = BY_ENGLISH.get(i.message);
  if (own) return msg(own);
  switch (i.code) {
    case 'invalid_type':
      return i.input === undefined || i.input === null
        ? msg('field.required')
        : msg('field.type', { expected: i.expected });
    case 'invalid_value':
    case 'invalid_union':
      return msg('field.option');
    case 'too_small':
      if (i.origin === 'string')
        return Number(i.minimum) <= 1 ? msg('field.required') : msg('field.tooShort', { n: n(i.minimum) });
      if (i.origin === 'array' || i.origin === 'set') return msg('field.tooFew', { n: n(i.minimum) });
      return msg('field.tooSmall', { n: n(i.minimum) });
    case 'too_big':
      if (i.origin === 'string') return msg('field.tooLong', { n: n(i.maximum) });
      if (i.origin === 'array' || i.origin === 'set') return msg('field.tooMany', { n: n(i.maximum) });
      return msg('field.tooBig', { n: n(i.maximum) });
    case 'unrecognized_keys':
      return msg('field.unknownKey', { name: i.keys.join(', ') });
    case 'invalid_format':
      return i.format === 'date' ? msg('field.date') : msg('field.invalid');
    case 'not_multiple_of':
      return msg('field.integer');
    default:
      return msg('field.invalid');
  }
}

export function issuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({
    ...issue(i.path.map(String).join('.') || '(input)', zodMsg(i)),
    // zod's own English stays what the CLI and the logs read.
    message: i.message,
  }));
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
  const detail = e instanceof Error ? e.message : String(e);
  return { code: 'INTERNAL', message: detail, details: { msg: msg('internal', { detail }) } };
}
