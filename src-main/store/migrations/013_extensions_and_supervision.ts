// demands."extension" (the pending 延期申请) and demands."supervision" (督办): JSON, written by
// the replay of the demand's history like its status (extension_requested, extension_decided
// and supervised events). Existing demands have neither: null, which is what a replay of
// their history gives, so nothing needs replaying here.
// migrate() reinstalls the capture triggers after each migration, so both are synced.

export const sql = `
ALTER TABLE demands ADD COLUMN "extension" TEXT;
ALTER TABLE demands ADD COLUMN "supervision" TEXT;
`;
