// Saved column mappings of the ledger import: a name, the kind, the header signature of the
// files they fit and the mapping itself (field → header text). This device's own settings:
// not a record kind, so not captured into `changes` and not synced.

export const sql = `
CREATE TABLE ledger_mappings (
  "name" TEXT PRIMARY KEY,
  "kind" TEXT NOT NULL,
  "signature" TEXT NOT NULL,
  "headers" TEXT NOT NULL,
  "mapping" TEXT NOT NULL,
  "createdAt" TEXT NOT NULL,
  "updatedAt" TEXT NOT NULL
);
CREATE INDEX ledger_mappings_signature ON ledger_mappings ("signature", "updatedAt");
`;
