// Deletes and merges that sync can reason about:
// - enterprises.mergedInto: the enterprise a duplicate was merged into (set by
//   duplicates.merge, synced), so records that arrive later under the merged-away copy are
//   offered to the survivor;
// - a change of deletedAt now records as prevHlc the newest stamp of any field of the record
//   (what its maker knew), so an import can tell an edit the delete never saw. That is the
//   capture triggers' work: migrate() installs them again after this migration.

export const sql = `
ALTER TABLE enterprises ADD COLUMN "mergedInto" TEXT;
`;
