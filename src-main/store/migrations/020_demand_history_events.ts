// The period summary asks of every demand whether its history holds an event of a type
// (督办, 延期 approved, a first reply) before a day: an index led by the demand and the event's
// type answers it without reading the demand's whole history (a year's summary at ×20: its
// demand facts about ×0.35). The index on ("demandId", "at") is a prefix of
// demand_history_report and goes, so the history is not indexed three times.
export const sql = `
DROP INDEX IF EXISTS demand_history_demand;
CREATE INDEX demand_history_events ON demand_history ("demandId", "type", "at", "deletedAt", "superseded");
`;
