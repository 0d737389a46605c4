// The visits' text index (store/textIndex.ts): the grams of each visit's number, people met and
// summary, for the grids' search. Contentless (it stores tokens, not a second copy of the
// texts; 20 MB at ×20) and without positions (`detail=none`: the LIKE tests that follow it
// decide, so it needs no phrase queries). Kept by triggers on every write of the visits, by
// any path, capturing or not (sync applies with capture off); `vl_grams` is the store's.
// Rows are keyed by the visits' rowid, which VACUUM (and VACUUM INTO, the backups) keeps.
const GRAMS = (row: string) =>
  `vl_grams(${row}."visitNo"), vl_grams(${row}."peopleMet"), vl_grams(${row}."summary")`;

export const sql = `
CREATE VIRTUAL TABLE visits_text USING fts5(
  "visitNo", "peopleMet", "summary",
  content = '', contentless_delete = 1, detail = none, tokenize = 'ascii'
);
INSERT INTO visits_text ("rowid", "visitNo", "peopleMet", "summary") SELECT "rowid", ${GRAMS('visits')} FROM visits;
INSERT INTO visits_text (visits_text) VALUES ('optimize');

CREATE TRIGGER visits_text_insert AFTER INSERT ON visits BEGIN
  INSERT INTO visits_text ("rowid", "visitNo", "peopleMet", "summary") VALUES (NEW."rowid", ${GRAMS('NEW')});
END;
CREATE TRIGGER visits_text_update AFTER UPDATE OF "visitNo", "peopleMet", "summary" ON visits
  WHEN NEW."visitNo" IS NOT OLD."visitNo" OR NEW."peopleMet" IS NOT OLD."peopleMet" OR NEW."summary" IS NOT OLD."summary"
BEGIN
  DELETE FROM visits_text WHERE "rowid" = OLD."rowid";
  INSERT INTO visits_text ("rowid", "visitNo", "peopleMet", "summary") VALUES (NEW."rowid", ${GRAMS('NEW')});
END;
CREATE TRIGGER visits_text_delete AFTER DELETE ON visits BEGIN
  DELETE FROM visits_text WHERE "rowid" = OLD."rowid";
END;
`;
