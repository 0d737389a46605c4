// A period summary counts each demand's figures per lead unit (主办单位) and its first-reply
// rate, and asks which demands were supervised (督办) or had an extension approved (延期). The
// report's covering indexes of demands take "leadUnitId" (and the one by receipt the first
// reply's two dates), so these are read with a demand's other columns, not looked up row by
// row (a year at ×20: ~15k lookups each); and an index led by the history event's type finds
// the few 督办 and 延期 events at once, instead of one seek per demand into each demand's
// history. The enterprises' report index takes their tiers, read for the split of the visited
// enterprises and the tier figures. About 9 MB at ×20. No data changes.
export const sql = `
DROP INDEX demands_report;
CREATE INDEX demands_report ON demands
  ("receivedAt", "deletedAt", "status", "closedAt", "enterpriseId", "assigneeStaffId", "dueDate",
   "onHoldDays", "closureType", "id", "categories", "leadUnitId", "firstReplyDue", "firstRepliedAt");
DROP INDEX demands_report_status;
CREATE INDEX demands_report_status ON demands
  ("status", "closedAt", "receivedAt", "deletedAt", "enterpriseId", "assigneeStaffId", "dueDate",
   "onHoldDays", "closureType", "id", "leadUnitId");
DROP INDEX enterprises_report;
CREATE INDEX enterprises_report ON enterprises
  ("id", "deletedAt", "town", "industry", "liaisonStaffId", "tiers");
CREATE INDEX demand_history_by_type ON demand_history ("type", "demandId", "at", "deletedAt", "superseded");
`;
