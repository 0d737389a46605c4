// The bureau's own industries in its settings record (shared/DOMAIN.md, "settings — this
// bureau"), beside the GB/T 4754-2017 list that ships with the app; null until a supervisor
// adds one. And staff.mergedInto, the survivor a duplicate staff member was merged into (set by
// staff.merge, synced), so a laptop whose user was the merged-away copy follows it.
// migrate() installs the capture triggers again afterwards.

export const sql = `
ALTER TABLE settings ADD COLUMN "industries" TEXT;
ALTER TABLE staff ADD COLUMN "mergedInto" TEXT;
`;
