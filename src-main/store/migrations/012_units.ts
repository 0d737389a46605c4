// Units (承办单位) and the demands handed to them: a demand's lead unit (主办) and its
// co-handling units (协办, a JSON list of ids). migrate() installs the capture triggers of
// the new table and columns after this migration, so they are synced like the others.

const META = `
  "createdAt" TEXT NOT NULL,
  "updatedAt" TEXT NOT NULL,
  "deletedAt" TEXT,
  "updatedByDevice" TEXT,
  "updatedByStaff" TEXT`;

export const sql = `
CREATE TABLE units (
  "id" TEXT PRIMARY KEY, "name" TEXT, "kind" TEXT, "contact" TEXT, "phone" TEXT,
  "active" INTEGER, ${META});
CREATE INDEX units_name ON units ("name");

ALTER TABLE demands ADD COLUMN "leadUnitId" TEXT;
ALTER TABLE demands ADD COLUMN "coUnitIds" TEXT;
CREATE INDEX demands_lead_unit ON demands ("leadUnitId");
`;
