// Whether a comparison period had any work at all: with none, "change vs" figures say nothing.
type Counted = 'visits' | 'newDemands' | 'carriedOver' | 'followups';

/** True when the previous period (or the same period last year) logged any visits, demands or follow-ups. */
export function hadWork(
  r: { comparison: { figures: Record<Counted, Partial<Record<'previous' | 'lastYear', number | null>>> } },
  which: 'previous' | 'lastYear',
): boolean {
  const f = r.comparison.figures;
  return (
    (f.visits[which] ?? 0) +
      (f.newDemands[which] ?? 0) +
      (f.carriedOver[which] ?? 0) +
      (f.followups[which] ?? 0) >
    0
  );
}
