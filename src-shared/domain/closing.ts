import type { Msg } from '../messages';
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
): Msg | null {
  const since = followups.filter(
    (f) => f.doneAt && (!answeredAt || Date.parse(f.doneAt) >= Date.parse(answeredAt)),
  );
  if (since.some((f) => f.satisfaction && CLOSING_SATISFACTIONS.includes(f.satisfaction))) return null;
  if (!since.length) {
    return { key: 'move.closingNoFollowup', params: { since: answeredAt ? ` (${answeredAt})` : '' } };
  }
  return since.some((f) => f.satisfaction === 'dissatisfied')
    ? { key: 'move.closingDissatisfied' }
    : { key: 'move.closingNoSatisfaction' };
}
