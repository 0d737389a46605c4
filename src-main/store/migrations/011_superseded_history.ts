// demand_history."superseded": 1 on a move that lost its place in its demand's replay (see
// @shared/domain/demandReplay), so that reports and the timeline can leave it out or mark
// it with plain SQL. Local and never synced: every laptop derives it from the same events,
// and a later file can give the move its place back (the replay then resets it).
// The replay is TypeScript (the events' order comes from their change stamps), so this
// migration cannot set the flag: it leaves a marker that the first open replays every
// demand by (settlePendingSupersededFlags in features/demands/replay.ts).
// The covering index of the report queries takes the new column, so they still read
// nothing but the index.

export const sql = `
ALTER TABLE demand_history ADD COLUMN "superseded" INTEGER NOT NULL DEFAULT 0;
DROP INDEX demand_history_report;
CREATE INDEX demand_history_report ON demand_history ("demandId", "at", "id", "from", "to", "deletedAt", "superseded");
INSERT OR REPLACE INTO meta ("key", "value") VALUES ('supersededFlagsPending', '1');
`;
