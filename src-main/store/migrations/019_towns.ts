// The bureau's list of towns (镇街) in its settings record (shared/DOMAIN.md, "settings — this
// bureau"). Null until a supervisor sets it: the towns live enterprises use stand in for it, so
// nothing already recorded is flagged. migrate() installs the capture triggers again afterwards.

export const sql = `
ALTER TABLE settings ADD COLUMN "towns" TEXT;
`;
