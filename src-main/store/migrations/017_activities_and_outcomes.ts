// Service activities (服务活动: one event, many enterprises) and outcomes (服务成效: what the
// service brought an enterprise, in yuan where it is money). migrate() installs the capture
// triggers of the new tables and column after this migration, so they are synced like the others.

const META = `
  "createdAt" TEXT NOT NULL,
  "updatedAt" TEXT NOT NULL,
  "deletedAt" TEXT,
  "updatedByDevice" TEXT,
  "updatedByStaff" TEXT,
  "deletedKnew" TEXT`;

export const sql = `
CREATE TABLE activities (
  "id" TEXT PRIMARY KEY, "type" TEXT, "date" TEXT, "title" TEXT, "place" TEXT,
  "organizerStaffIds" TEXT, "expertIds" TEXT, "enterpriseIds" TEXT, "attendees" INTEGER,
  "summary" TEXT, "status" TEXT, ${META});
CREATE INDEX activities_date ON activities ("date");

CREATE TABLE outcomes (
  "id" TEXT PRIMARY KEY, "enterpriseId" TEXT, "type" TEXT, "date" TEXT, "amount" REAL,
  "count" INTEGER, "status" TEXT, "description" TEXT, "demandId" TEXT, ${META});
CREATE INDEX outcomes_date ON outcomes ("date");
CREATE INDEX outcomes_enterprise ON outcomes ("enterpriseId");
CREATE INDEX outcomes_demand ON outcomes ("demandId");

-- A demand raised at an activity (source 'activity').
ALTER TABLE demands ADD COLUMN "sourceActivityId" TEXT;
`;
