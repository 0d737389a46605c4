// The newest stamp seen from each device (the Sync screen's "last change from each device"),
// kept by a trigger instead of the index changes_device ("device", "hlc"): that index cost
// every change about 100 bytes, a sixth of the log's size and of a bulk import's writing, to
// answer a question asked about a few dozen devices.

export const sql = `
CREATE TABLE change_origins (
  "device" TEXT PRIMARY KEY,
  "lastHlc" TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO change_origins ("device", "lastHlc") SELECT "device", max("hlc") FROM changes GROUP BY "device";
DROP INDEX changes_device;
CREATE TRIGGER changes_origin AFTER INSERT ON changes BEGIN
  INSERT INTO change_origins ("device", "lastHlc") VALUES (NEW."device", NEW."hlc")
    ON CONFLICT ("device") DO UPDATE SET "lastHlc" = excluded."lastHlc" WHERE excluded."lastHlc" > "lastHlc";
END;
`;
