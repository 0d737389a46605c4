// File sync: what each change overwrote (to tell sequential edits from concurrent ones),
// one row per change stamp, the import history and the conflicts found on import.
// sync_imports and conflicts are this device's own records and are not synced.

export const sql = `
ALTER TABLE changes ADD COLUMN "prevHlc" TEXT;
DROP INDEX changes_hlc;
CREATE UNIQUE INDEX changes_hlc ON changes ("hlc");
CREATE INDEX changes_device ON changes ("device", "hlc");

CREATE TABLE sync_imports (
  "id" TEXT PRIMARY KEY,
  "at" TEXT NOT NULL,
  "fileName" TEXT,
  "fileSha256" TEXT NOT NULL,
  "originDevice" TEXT NOT NULL,
  "originName" TEXT,
  "report" TEXT NOT NULL
);
CREATE INDEX sync_imports_sha ON sync_imports ("fileSha256");

CREATE TABLE conflicts (
  "id" TEXT PRIMARY KEY,
  "detectedAt" TEXT NOT NULL,
  "tbl" TEXT NOT NULL,
  "rowId" TEXT NOT NULL,
  "field" TEXT NOT NULL,
  "winnerHlc" TEXT NOT NULL,
  "winnerValue",
  "loserHlc" TEXT NOT NULL,
  "loserValue",
  "resolvedAt" TEXT,
  "resolution" TEXT
);
CREATE UNIQUE INDEX conflicts_pair ON conflicts ("winnerHlc", "loserHlc");
CREATE INDEX conflicts_open ON conflicts ("resolvedAt", "detectedAt");
`;
