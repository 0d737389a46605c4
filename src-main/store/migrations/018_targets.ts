// The bureau's annual targets (目标任务): one record per year and figure key, its id derived
// from both (features/targets), so a target set on two laptops is one record after sync.
// migrate() installs the capture triggers of the new table after this migration.

const META = `
  "createdAt" TEXT NOT NULL,
  "updatedAt" TEXT NOT NULL,
  "deletedAt" TEXT,
  "updatedByDevice" TEXT,
  "updatedByStaff" TEXT,
  "deletedKnew" TEXT`;

export const sql = `
CREATE TABLE targets ("id" TEXT PRIMARY KEY, "year" INTEGER, "key" TEXT, "value" REAL, ${META});
CREATE INDEX targets_year ON targets ("year");
`;
