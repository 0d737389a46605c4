// demand_history rows become events: a `type` ('transition' for a workflow move; notes and,
// later, other events have their own) and the `data` the event carries (JSON: a closing
// move's closure, the due date set at creation). Rows written before have neither: NULL
// reads as a move, or as a reassignment note when it stays in the same status (see
// eventType in @shared/domain/demandReplay), so no UPDATE here (the capture triggers must
// not fire inside a migration) and rows arriving from laptops not yet upgraded read the same.

export const sql = `
ALTER TABLE demand_history ADD COLUMN "type" TEXT;
ALTER TABLE demand_history ADD COLUMN "data" TEXT;
`;
