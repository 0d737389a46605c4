// Changes stamped more than a day ahead of this laptop's clock (a laptop with a wrong clock)
// are held here, unapplied and unseen by the clock, until a person accepts or discards them or
// time catches up with them. The columns of `changes`, plus when the change arrived and the
// name of the laptop whose file brought it (senderName).

export const sql = `
CREATE TABLE quarantine (
  "hlc" TEXT PRIMARY KEY,
  "device" TEXT NOT NULL,
  "staff" TEXT,
  "tbl" TEXT NOT NULL,
  "rowId" TEXT NOT NULL,
  "field" TEXT NOT NULL,
  "value",
  "prevHlc" TEXT,
  "receivedAt" TEXT NOT NULL,
  "senderName" TEXT
);
`;
