// The closure funnel of a quarter's workload (new + carried over): how far each demand had got
// by the end of the quarter. Pure, so the screen draws the same funnel as the Word report.

export const FUNNEL_STAGES = ['total', 'assigned', 'handled', 'answered', 'closed'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

/** Statuses at the end of the quarter that have passed each stage. */
const PASSED: Record<Exclude<FunnelStage, 'total'>, string[]> = {
  assigned: ['assigned', 'in_progress', 'on_hold', 'answered', 'closed'],
  handled: ['in_progress', 'on_hold', 'answered', 'closed'],
  answered: ['answered', 'closed'],
  closed: ['closed'],
};

export function funnelStages(r: {
  figures: { newDemands: number; carriedOver: number };
  details: { workloadAtEnd: Record<string, number> };
}): { stage: FunnelStage; value: number }[] {
  const w = r.details.workloadAtEnd;
  return FUNNEL_STAGES.map((stage) => ({
    stage,
    value:
      stage === 'total'
        ? r.figures.newDemands + r.figures.carriedOver
        : PASSED[stage].reduce((a, k) => a + (w[k] ?? 0), 0),
  }));
}
