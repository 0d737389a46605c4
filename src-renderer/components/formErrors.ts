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

interface Rule {
  re: RegExp;
  key: string;
}

/** English API messages that have a Chinese wording (the rest are shown as they come). */
const RULES: Rule[] = [
  { re: /^must not be empty$/, key: 'apiMsg.empty' },
  { re: /^needs 1 to 4 categories$/, key: 'apiMsg.categories' },
  { re: /^must not repeat a category$/, key: 'apiMsg.categoryRepeat' },
  { re: /^must be a calendar date YYYY-MM-DD$/, key: 'apiMsg.date' },
  { re: /^must be an ISO 8601/, key: 'apiMsg.instant' },
  { re: /^cannot be in the future/, key: 'apiMsg.future' },
  { re: /^cannot be after today/, key: 'apiMsg.afterToday' },
  { re: /needs a note$/, key: 'apiMsg.note' },
  { re: /^closing needs a closure type$/, key: 'apiMsg.closureType' },
  { re: /^closing needs a resolution$/, key: 'apiMsg.resolution' },
  { re: /^assigning a demand needs an assignee$/, key: 'apiMsg.assignee' },
  { re: /^cannot be before the previous step \((?<at>[^)]+)\)$/, key: 'apiMsg.beforePrevious' },
  { re: /^is before the demand was received$/, key: 'apiMsg.dueBeforeReceived' },
  { re: /^is required when usccOverride is set$/, key: 'apiMsg.overrideReason' },
  { re: /^already belongs to '(?<name>.*)'$/, key: 'apiMsg.usccTaken' },
  { re: /^USCC must have 18 characters, got (?<n>\d+)/, key: 'apiMsg.usccLength' },
  { re: /^USCC character (?<pos>\d+) \('(?<ch>.)'\) is not allowed/, key: 'apiMsg.usccChar' },
  { re: /^USCC check character is '(?<got>.)' but should be '(?<want>.)'/, key: 'apiMsg.usccCheck' },
  { re: /^may hold only digits/, key: 'apiMsg.phone' },
  { re: /^must be a GB\/T 4754-2017/, key: 'apiMsg.industry' },
  { re: /^Invalid option/, key: 'apiMsg.option' },
  { re: /^Invalid input: expected string, received undefined$/, key: 'apiMsg.required' },
  { re: /^Too small: expected string to have >=1 characters?$/, key: 'apiMsg.required' },
  { re: /^Too big: expected string to have <=(?<n>\d+) characters?$/, key: 'apiMsg.tooLong' },
  { re: /^Too small: expected number to be >=(?<n>-?[\d.]+)$/, key: 'apiMsg.tooSmall' },
  // 销号 and 延期 (before the general supervisor-only rule).
  { re: /^only a supervisor can close .*: no follow-up has been done/, key: 'apiMsg.closingNoFollowup' },
  {
    re: /^only a supervisor can close .*found the enterprise dissatisfied$/,
    key: 'apiMsg.closingDissatisfied',
  },
  { re: /^only a supervisor can close .*no satisfaction recorded$/, key: 'apiMsg.closingNoSatisfaction' },
  { re: /^must be after the current due date \((?<date>[^)]+)\)$/, key: 'apiMsg.extensionNotLater' },
  {
    re: /already has an extension request to (?<date>\S+) waiting for a decision$/,
    key: 'apiMsg.extensionPending',
  },
  { re: /has no extension request waiting for a decision$/, key: 'apiMsg.noExtensionPending' },
  // The holiday calendar and the first reply.
  { re: /^'(?<date>[^']*)' is not a calendar date YYYY-MM-DD$/, key: 'apiMsg.calendarDate' },
  { re: /^(?<date>\S+) is outside the year (?<year>\d+)$/, key: 'apiMsg.calendarYear' },
  { re: /^(?<date>\S+) is listed twice$/, key: 'apiMsg.calendarTwice' },
  { re: /^(?<date>\S+) is listed both as a holiday and as a workday$/, key: 'apiMsg.calendarBoth' },
  { re: /a first reply is for open demands$/, key: 'apiMsg.replyEnded' },
  { re: /^only a supervisor can/, key: 'apiMsg.supervisorOnly' },
  { re: /^cannot move a demand from/, key: 'apiMsg.move' },
  { re: /^no staff member is set as "me"/, key: 'apiMsg.noMe' },
  { re: /has been deleted$/, key: 'apiMsg.deleted' },
];

/** Chinese wording for a known English message, or the message itself. */
export function localizeMessage(
  message: string,
  t: (key: string, params?: Record<string, string>) => string,
  lang: string,
): string {
  if (lang === 'en') return message;
  for (const rule of RULES) {
    const m = rule.re.exec(message);
    if (m) return t(rule.key, m.groups ?? {});
  }
  return message;
}
