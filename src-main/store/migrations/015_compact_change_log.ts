// The change log, stored compactly. It held every id and stamp as text three times over (the
// row, the index by record and field, the unique index on the stamp): about 450 bytes a change,
// 84% of a large district's file. Now ids are numbers into two dictionaries (change_names:
// devices, staff, fields and stamp nodes; change_records: table and record id), a stamp is its
// wall time and counter as integers plus its node's number, and the index by record and field
// no longer repeats the stamp (a field has a handful of changes: they are read from the rows).
//
// `changes` stays, as a view with the columns and values it always had, so every reader and
// every writer (the capture triggers, hand-written statements) keeps its meaning; stamps are
// written back exactly as they came, a stamp of an impossible shape (one a log took in before
// imports refused them) kept whole as its node with wall time -1.

const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';
const COUNTER_PLACES = [36 ** 4, 36 ** 3, 36 ** 2, 36, 1];

/** True when `h` has the shape formatHlc writes (@shared/domain/hlc HLC_SHAPE). */
const wellFormed = (h: string) =>
  `(${h} GLOB '${'[0-9]'.repeat(15)}-${'[0-9a-z]'.repeat(5)}-?*' AND length(${h}) <= 86
    AND substr(${h}, 23) NOT GLOB '*[^0-9A-Za-z_-]*')`;
export const msOf = (h: string) =>
  `CASE WHEN ${wellFormed(h)} THEN CAST(substr(${h}, 1, 15) AS INTEGER) ELSE -1 END`;
export const counterOf = (h: string) =>
  `CASE WHEN ${wellFormed(h)} THEN ${COUNTER_PLACES.map(
    (p, i) => `(instr('${DIGITS}', substr(${h}, ${17 + i}, 1)) - 1) * ${p}`,
  ).join(' + ')} ELSE 0 END`;
export const nodeOf = (h: string) => `CASE WHEN ${wellFormed(h)} THEN substr(${h}, 23) ELSE ${h} END`;
export const nameId = (name: string) => `(SELECT "n" FROM change_names WHERE "name" = ${name})`;

/** The stamp's text again, from its wall time, counter and node name. */
export const stampText = (ms: string, counter: string, node: string) =>
  `CASE WHEN ${ms} < 0 THEN ${node} ELSE printf('%015d-', ${ms}) || ${COUNTER_PLACES.map(
    (p) => `substr('${DIGITS}', ${counter} / ${p} % 36 + 1, 1)`,
  ).join(' || ')} || '-' || ${node} END`;

/**
 * The columns of `changes`, in their order, from a change_log row `l`. The record and field are
 * joined (readers filter on them, through the dictionaries' indexes); the other names are
 * looked up only when a reader asks for them (a join is made for every row, even unused).
 */
export const name = (n: string) => `(SELECT "name" FROM change_names WHERE "n" = ${n})`;
const CHANGES_VIEW = `
CREATE VIEW changes AS SELECT
  l."seq" AS "seq", ${stampText('l."ms"', 'l."ctr"', name('l."node"'))} AS "hlc",
  ${name('l."device"')} AS "device", ${name('l."staff"')} AS "staff",
  r."tbl" AS "tbl", r."rowId" AS "rowId", f."name" AS "field", l."value" AS "value",
  CASE WHEN l."pnode" IS NOT NULL THEN ${stampText('l."pms"', 'l."pctr"', name('l."pnode"'))} END AS "prevHlc"
FROM change_log l
  LEFT JOIN change_records r ON r."n" = l."rec"
  LEFT JOIN change_names f ON f."n" = l."field";`;

/** Columns of change_log, filled from a `changes` row `c` (the old table, or the view's NEW). */
const logValues = (c: string) => `
  ${msOf(`${c}."hlc"`)}, ${counterOf(`${c}."hlc"`)}, ${nameId(nodeOf(`${c}."hlc"`))},
  ${nameId(`${c}."device"`)}, ${nameId(`${c}."staff"`)},
  (SELECT "n" FROM change_records WHERE "rowId" = ${c}."rowId" AND "tbl" = ${c}."tbl"), ${nameId(`${c}."field"`)},
  ${c}."value",
  CASE WHEN ${c}."prevHlc" IS NOT NULL THEN ${msOf(`${c}."prevHlc"`)} END,
  CASE WHEN ${c}."prevHlc" IS NOT NULL THEN ${counterOf(`${c}."prevHlc"`)} END,
  ${nameId(nodeOf(`${c}."prevHlc"`))}`;

/** The names a `changes` row `c` refers to. */
export const namesOf = (c: string) =>
  [nodeOf(`${c}."hlc"`), `${c}."device"`, `${c}."staff"`, `${c}."field"`, nodeOf(`${c}."prevHlc"`)]
    .map((v) => `SELECT ${v} AS "name"`)
    .join(' UNION ALL ');

const LOG_COLUMNS = `"seq","ms","ctr","node","device","staff","rec","field","value","pms","pctr","pnode"`;

export const sql = `
CREATE TABLE change_names ("n" INTEGER PRIMARY KEY, "name" TEXT NOT NULL UNIQUE);
CREATE TABLE change_records (
  "n" INTEGER PRIMARY KEY, "tbl" TEXT NOT NULL, "rowId" TEXT NOT NULL, UNIQUE ("rowId", "tbl")
);
CREATE TABLE change_log (
  "seq" INTEGER PRIMARY KEY,
  "ms" INTEGER NOT NULL,
  "ctr" INTEGER NOT NULL,
  "node" INTEGER NOT NULL,
  "device" INTEGER NOT NULL,
  "staff" INTEGER,
  "rec" INTEGER NOT NULL,
  "field" INTEGER NOT NULL,
  "value",
  "pms" INTEGER,
  "pctr" INTEGER,
  "pnode" INTEGER
);

INSERT OR IGNORE INTO change_names ("name") SELECT DISTINCT ${nodeOf('c."hlc"')} FROM changes c;
INSERT OR IGNORE INTO change_names ("name") SELECT DISTINCT "device" FROM changes;
INSERT OR IGNORE INTO change_names ("name") SELECT DISTINCT "staff" FROM changes WHERE "staff" IS NOT NULL;
INSERT OR IGNORE INTO change_names ("name") SELECT DISTINCT "field" FROM changes;
INSERT OR IGNORE INTO change_names ("name")
  SELECT DISTINCT ${nodeOf('c."prevHlc"')} FROM changes c WHERE c."prevHlc" IS NOT NULL;
INSERT OR IGNORE INTO change_records ("tbl", "rowId") SELECT "tbl", "rowId" FROM changes ORDER BY "seq";
INSERT INTO change_log (${LOG_COLUMNS}) SELECT c."seq", ${logValues('c')} FROM changes c ORDER BY c."seq";

DROP TRIGGER changes_origin;
DROP TABLE changes;
CREATE INDEX changes_row ON change_log ("rec", "field");
CREATE UNIQUE INDEX changes_hlc ON change_log ("ms", "ctr", "node");
${CHANGES_VIEW}

CREATE TRIGGER changes_insert INSTEAD OF INSERT ON changes BEGIN
  INSERT OR IGNORE INTO change_names ("name") SELECT "name" FROM (${namesOf('NEW')}) WHERE "name" IS NOT NULL;
  INSERT OR IGNORE INTO change_records ("tbl", "rowId") VALUES (NEW."tbl", NEW."rowId");
  INSERT INTO change_log (${LOG_COLUMNS}) VALUES (NEW."seq", ${logValues('NEW')});
END;
CREATE TRIGGER changes_delete INSTEAD OF DELETE ON changes BEGIN
  DELETE FROM change_log WHERE "seq" = OLD."seq";
END;
-- Migration 5's trigger, on the log's new table.
CREATE TRIGGER changes_origin AFTER INSERT ON change_log BEGIN
  INSERT INTO change_origins ("device", "lastHlc")
    SELECT d."name", ${stampText('NEW."ms"', 'NEW."ctr"', 'n."name"')}
    FROM change_names d, change_names n WHERE d."n" = NEW."device" AND n."n" = NEW."node"
    ON CONFLICT ("device") DO UPDATE SET "lastHlc" = excluded."lastHlc" WHERE excluded."lastHlc" > "lastHlc";
END;
`;
