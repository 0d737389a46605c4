import type { Satisfaction } from './enums';

// 销号 (shared/DOMAIN.md, "Closing"): a staff member closes a demand only once the enterprise
// has confirmed the result, in a follow-up done after the demand was answered; a supervisor
// may always close it.

/** The satisfactions that let a staff member close the demand. */
export const CLOSING_SATISFACTIONS: readonly Satisfaction[] = ['satisfied', 'mostly_satisfied'];

export interface FollowupOutcome {
  doneAt: string | null;
  satisfaction: Satisfaction | null;
}

/**
 * What a staff member's close of a demand answered at `answeredAt` still lacks, given its
 * follow-ups; null when nothing does.
 */
export function missingForClosing(
  answeredAt: string | null,
  followups: readonly FollowupOutcome[],
): string | null {
  const needed =
    'only a supervisor can close a demand without a follow-up, done after it was answered, ' +
    'that found the enterprise satisfied or mostly satisfied';
  const since = followups.filter(
    (f) => f.doneAt && (!answeredAt || Date.parse(f.doneAt) >= Date.parse(answeredAt)),
  );
  if (since.some((f) => f.satisfaction && CLOSING_SATISFACTIONS.includes(f.satisfaction))) return null;
  if (!since.length) {
    return `${needed}: no follow-up has been done since it was answered${answeredAt ? ` (${answeredAt})` : ''}`;
  }
  return since.some((f) => f.satisfaction === 'dissatisfied')
    ? `${needed}: the follow-up since the answer found the enterprise dissatisfied`
    : `${needed}: the follow-up since the answer has no satisfaction recorded`;
}
