// Where an API error belongs in a form: each field path gets its message; whatever no field
// claims is shown in the form's summary. Pure.
import type { ApiError } from '../api';

/** path → message, from details.issues (or details.field alone). */
export function fieldErrors(error: Pick<ApiError, 'message' | 'details'> | null): Record<string, string> {
  if (!error) return {};
  const out: Record<string, string> = {};
  for (const issue of error.details.issues ?? []) {
    if (issue.path && !(issue.path in out)) out[issue.path] = issue.message;
  }
  const field = error.details.field;
  if (typeof field === 'string' && field && !(field in out)) {
    out[field] = error.message.startsWith(`${field}: `)
      ? error.message.slice(field.length + 2)
      : error.message;
  }
  return out;
}

/** Does a field named `name` show the error at `path` (its own path, or one inside it)? */
export function claims(name: string, path: string): boolean {
  return path === name || path.startsWith(`${name}.`);
}

/** The rendered field that shows an error: the most specific one that claims its path. */
export function bestClaimant(path: string, names: Iterable<string>): string | null {
  let best: string | null = null;
  for (const n of names) if (claims(n, path) && (best === null || n.length > best.length)) best = n;
  return best;
}

/**
 * The first message a field shows: its own path, or a path inside it that no more specific
 * field shows ("tiers.0.year" on the tiers editor, but "enterprises.0.enterpriseId" on its own field).
 */
export function errorFor(
  errors: Record<string, string>,
  name: string,
  names: Iterable<string> = [name],
): string | null {
  if (name in errors) return errors[name]!;
  const list = [...names];
  for (const [path, message] of Object.entries(errors)) {
    if (claims(name, path) && bestClaimant(path, list.includes(name) ? list : [...list, name]) === name)
      return message;
  }
  return null;
}

/** The errors no rendered field shows: they go to the summary so nothing is lost. */
export function unclaimed(errors: Record<string, string>, names: Iterable<string>): [string, string][] {
  const list = [...names];
  return Object.entries(errors).filter(([path]) => !list.some((n) => claims(n, path)));
}
