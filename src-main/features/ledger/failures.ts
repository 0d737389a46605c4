// A row that cannot be imported, and the field (so the column) it is about.
import { z } from 'zod';
import { ApiError } from '@shared/contract/errors';
import { sayZh } from '@shared/messages';
import { zodMsg } from '../../errorBody';
import type { FieldKey } from './fields';

export class RowFailure extends Error {
  constructor(
    readonly field: FieldKey | null,
    message: string,
  ) {
    super(message);
    this.name = 'RowFailure';
  }
}

/** Errors that mean "this row is wrong" (anything else aborts the whole import). */
export function isRowProblem(e: unknown): e is RowFailure | ApiError | z.ZodError {
  return e instanceof RowFailure || e instanceof ApiError || e instanceof z.ZodError;
}

/**
 * A service's refusal as a row failure: `fields` maps the service's input fields to the
 * import's (so the error lands on the right column); `prefix` names the part of the row
 * ("第2项需求").
 */
export function toRowFailure(
  e: RowFailure | ApiError | z.ZodError,
  fields: Record<string, FieldKey>,
  fallback: FieldKey | null,
  prefix = '',
): RowFailure {
  if (e instanceof RowFailure) return prefix ? new RowFailure(e.field, `${prefix}${e.message}`) : e;
  let path: string;
  let message: string;
  // Said in Chinese, like the importer's own reasons: the words of the ledgers it reads.
  if (e instanceof ApiError) {
    path = typeof e.details.field === 'string' ? e.details.field : '';
    const own = e.details.issues?.find((i) => i.path === path)?.msg;
    message = sayZh(own ?? e.msg);
  } else {
    const issue = e.issues[0];
    path = issue?.path.map(String).join('.') ?? '';
    message = issue ? sayZh(zodMsg(issue)) : e.message;
  }
  const top = path.split('.')[0] ?? '';
  const field = fields[path] ?? fields[top] ?? fallback;
  return new RowFailure(field, `${prefix}${message}`);
}
