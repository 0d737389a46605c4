// The quarterly report: its narrative texts (synced like any record, so a report written on
// one laptop travels with the team) and covering indexes that let the report count from
// indexes alone, without reading whole rows (100k+ visits at the benchmark scale).

const META = `
  "createdAt" TEXT NOT NULL,
  "updatedAt" TEXT NOT NULL,
  "deletedAt" TEXT,
  "updatedByDevice" TEXT,
  "updatedByStaff" TEXT`;

export const sql = `
-- One row per quarter and scope; the id is derived from both (UUID v5), so two devices that
-- write the narrative of the same report edit one record and sync merges it field by field.
CREATE TABLE narratives (
  "id" TEXT PRIMARY KEY, "quarter" TEXT, "scopeType" TEXT, "staffId" TEXT, "town" TEXT,
  "typicalCases" TEXT, "recurringProblems" TEXT, "nextQuarterPlan" TEXT, ${META});
CREATE INDEX narratives_quarter ON narratives ("quarter", "scopeType");

CREATE INDEX visits_report ON visits
  ("date", "status", "deletedAt", "enterpriseId", "mode", "leadStaffId", "solvedOnSite");
CREATE INDEX visits_report_id ON visits ("id", "deletedAt", "status", "enterpriseId");
CREATE INDEX enterprises_report ON enterprises
  ("id", "deletedAt", "town", "industry", "liaisonStaffId");
CREATE INDEX demands_report ON demands
  ("receivedAt", "deletedAt", "status", "closedAt", "enterpriseId", "assigneeStaffId", "dueDate",
   "onHoldDays", "closureType", "id", "categories");
CREATE INDEX demands_report_status ON demands
  ("status", "closedAt", "receivedAt", "deletedAt", "enterpriseId", "assigneeStaffId", "dueDate",
   "onHoldDays", "closureType", "id");
CREATE INDEX demands_report_id ON demands ("id", "deletedAt", "enterpriseId");
CREATE INDEX demand_history_report ON demand_history ("demandId", "at", "id", "from", "to", "deletedAt");
CREATE INDEX followups_report ON followups
  ("doneAt", "deletedAt", "parentType", "parentId", "ownerStaffId", "satisfaction");
`;
