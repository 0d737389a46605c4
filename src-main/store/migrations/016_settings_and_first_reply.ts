// The bureau's settings (orgName, sla) and the working-day calendar, one record per year: both
// synced record kinds. A demand's first reply (阶段性答复): its due date, fixed at receipt, and
// when it came, both written by the replay of its history.
//
// Demands received before have no first-reply date (the limits did not exist: none is late);
// their first reply is the first move to answered their history holds, as a replay gives it.
// migrate() installs the capture triggers of the new tables and columns after this migration.

const META = `
  "createdAt" TEXT NOT NULL,
  "updatedAt" TEXT NOT NULL,
  "deletedAt" TEXT,
  "updatedByDevice" TEXT,
  "updatedByStaff" TEXT,
  "deletedKnew" TEXT`;

export const sql = `
CREATE TABLE settings ("id" TEXT PRIMARY KEY, "orgName" TEXT, "sla" TEXT, ${META});
CREATE TABLE calendars ("id" TEXT PRIMARY KEY, "year" INTEGER, "holidays" TEXT, "workdays" TEXT, ${META});
CREATE INDEX calendars_year ON calendars ("year");

ALTER TABLE demands ADD COLUMN "firstReplyDue" TEXT;
ALTER TABLE demands ADD COLUMN "firstRepliedAt" TEXT;
-- Migrations capture nothing; migrate() installs this trigger again right after.
DROP TRIGGER IF EXISTS capture_demands_update;
UPDATE demands SET "firstRepliedAt" = (
  SELECT min(h."at") FROM demand_history h
  WHERE h."demandId" = demands."id" AND h."deletedAt" IS NULL AND h."to" = 'answered'
    AND h."from" IS NOT 'answered' AND coalesce(h."superseded", 0) = 0);
`;
