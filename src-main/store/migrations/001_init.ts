// The first schema. References between records are checked by the services, not by
// FOREIGN KEY constraints: sync files may arrive in any order, and a visit must be
// storable before the enterprise it points at has arrived (see sync/).
// Uniqueness of USCCs and visit numbers is likewise enforced where users write.

const META = `
  "createdAt" TEXT NOT NULL,
  "updatedAt" TEXT NOT NULL,
  "deletedAt" TEXT,
  "updatedByDevice" TEXT,
  "updatedByStaff" TEXT`;

export const sql = `
CREATE TABLE meta ("key" TEXT PRIMARY KEY, "value" TEXT) WITHOUT ROWID;

CREATE TABLE devices ("id" TEXT PRIMARY KEY, "name" TEXT, "code" TEXT, ${META});

CREATE TABLE staff (
  "id" TEXT PRIMARY KEY, "name" TEXT, "role" TEXT, "phone" TEXT, "active" INTEGER, ${META});

CREATE TABLE enterprises (
  "id" TEXT PRIMARY KEY, "uscc" TEXT, "usccOverride" INTEGER, "usccOverrideReason" TEXT,
  "name" TEXT, "formerNames" TEXT, "town" TEXT, "address" TEXT, "industry" TEXT, "tiers" TEXT,
  "liaisonStaffId" TEXT, "contacts" TEXT, "status" TEXT, ${META});
CREATE INDEX enterprises_uscc ON enterprises ("uscc");
CREATE INDEX enterprises_name ON enterprises ("name");
CREATE INDEX enterprises_liaison ON enterprises ("liaisonStaffId");

CREATE TABLE experts (
  "id" TEXT PRIMARY KEY, "name" TEXT, "organization" TEXT, "title" TEXT, "speciality" TEXT,
  "phone" TEXT, ${META});

CREATE TABLE visits (
  "id" TEXT PRIMARY KEY, "enterpriseId" TEXT, "date" TEXT, "mode" TEXT, "leadStaffId" TEXT,
  "staffIds" TEXT, "peopleMet" TEXT, "summary" TEXT, "policiesExplained" TEXT,
  "solvedOnSite" INTEGER, "enterpriseConfirmed" INTEGER, "status" TEXT, "reviewedBy" TEXT,
  "visitNo" TEXT, ${META});
CREATE INDEX visits_enterprise ON visits ("enterpriseId", "date");
CREATE INDEX visits_date ON visits ("date");
CREATE INDEX visits_lead ON visits ("leadStaffId", "date");
CREATE INDEX visits_no ON visits ("visitNo");

CREATE TABLE demands (
  "id" TEXT PRIMARY KEY, "enterpriseId" TEXT, "source" TEXT, "sourceVisitId" TEXT,
  "sourceClinicId" TEXT, "categories" TEXT, "title" TEXT, "description" TEXT, "level" TEXT,
  "assigneeStaffId" TEXT, "responsibleUnit" TEXT, "receivedAt" TEXT, "complex" INTEGER,
  "dueDate" TEXT, "status" TEXT, "closureType" TEXT, "closedAt" TEXT, "resolution" TEXT,
  "holdSince" TEXT, "onHoldDays" INTEGER, ${META});
CREATE INDEX demands_enterprise ON demands ("enterpriseId");
CREATE INDEX demands_status ON demands ("status", "dueDate");
CREATE INDEX demands_assignee ON demands ("assigneeStaffId", "status");
CREATE INDEX demands_visit ON demands ("sourceVisitId");
CREATE INDEX demands_received ON demands ("receivedAt");

CREATE TABLE demand_history (
  "id" TEXT PRIMARY KEY, "demandId" TEXT, "at" TEXT, "by" TEXT, "from" TEXT, "to" TEXT,
  "note" TEXT, ${META});
CREATE INDEX demand_history_demand ON demand_history ("demandId", "at");

CREATE TABLE clinics (
  "id" TEXT PRIMARY KEY, "date" TEXT, "place" TEXT, "topic" TEXT, "field" TEXT,
  "expertIds" TEXT, "status" TEXT, "enterprises" TEXT, "cooperationIntentions" INTEGER,
  "signedProjects" INTEGER, ${META});
CREATE INDEX clinics_date ON clinics ("date");

CREATE TABLE followups (
  "id" TEXT PRIMARY KEY, "parentType" TEXT, "parentId" TEXT, "ownerStaffId" TEXT,
  "dueDate" TEXT, "doneAt" TEXT, "channel" TEXT, "content" TEXT, "result" TEXT,
  "satisfaction" TEXT, "nextFollowupDate" TEXT, ${META});
CREATE INDEX followups_parent ON followups ("parentId");
CREATE INDEX followups_owner ON followups ("ownerStaffId", "dueDate");
CREATE INDEX followups_done ON followups ("doneAt");

-- Every field change, local or arriving by sync: the base of sync and of the audit trail.
CREATE TABLE changes (
  "seq" INTEGER PRIMARY KEY,
  "hlc" TEXT NOT NULL,
  "device" TEXT NOT NULL,
  "staff" TEXT,
  "tbl" TEXT NOT NULL,
  "rowId" TEXT NOT NULL,
  "field" TEXT NOT NULL,
  "value"
);
CREATE INDEX changes_row ON changes ("tbl", "rowId", "field", "hlc");
CREATE INDEX changes_hlc ON changes ("hlc");
`;
