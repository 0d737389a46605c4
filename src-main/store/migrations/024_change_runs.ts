import { counterOf, msOf, name, nameId, namesOf, nodeOf, stampText } from './015_compact_change_log';

// The change log in runs. One write of a record (its creation above all) makes a change per
// field, each under the next stamp of one clock: the same wall time and node, counters one
// apart, the same device, staff and record, seqs one apart. Migration 15 stored those shared
// columns and two index entries with every change: about 60 bytes a change before its value,
// 60% of a large district's file. Now a run holds them once (`change_runs`, keyed by the seq of
// its first change; the change at offset k of a run has the run's counter + k), a change holds
// its offset, field, value and the stamp it overwrote, and the stamp and record indexes are
// the runs'. A run only ever grows at the log's end.
//
// `changes` stays the view with the columns and values it always had; stamps, seqs and order
// are exactly as before (test/integration/changeRuns.migration.test.ts).

/** The run a change row `l` belongs to, and whether it is one of run `h`'s changes. */
const OF_RUN = (h: string, l: string) =>
  `${l}."seq" BETWEEN ${h}."run" AND ${h}."run" + ${h}."n" - 1 AND ${l}."seq" - ${l}."off" = ${h}."run"`;

const CHANGES_VIEW = `
CREATE VIEW changes AS SELECT
  l."seq" AS "seq", ${stampText('h."ms"', '(h."ctr" + l."off")', name('h."node"'))} AS "hlc",
  ${name('h."device"')} AS "device", ${name('h."staff"')} AS "staff",
  r."tbl" AS "tbl", r."rowId" AS "rowId", f."name" AS "field", l."value" AS "value",
  CASE WHEN l."pnode" IS NOT NULL THEN ${stampText('l."pms"', 'l."pctr"', name('l."pnode"'))} END AS "prevHlc"
FROM change_runs h
  JOIN change_log l ON ${OF_RUN('h', 'l')}
  JOIN change_records r ON r."n" = h."rec"
  LEFT JOIN change_names f ON f."n" = l."field";`;

// The columns of a `changes` row NEW as numbers (names and the record are in the dictionaries
// by the time they are read).
const MS = msOf('NEW."hlc"');
const CTR = counterOf('NEW."hlc"');
const NODE = nameId(nodeOf('NEW."hlc"'));
const DEVICE = nameId('NEW."device"');
const STAFF = nameId('NEW."staff"');
const REC = `(SELECT "n" FROM change_records WHERE "rowId" = NEW."rowId" AND "tbl" = NEW."tbl")`;
/** NEW's seq: the one it names, else the next. */
const SEQ = `coalesce(NEW."seq", coalesce((SELECT max("seq") FROM change_log), 0) + 1)`;
/** True when run `h` holds NEW's stamp at `offset` (counting from the run's first change). */
const SAME_RUN = (h: string, offset: string) =>
  `${h}."ms" >= 0 AND ${h}."ms" = ${MS} AND ${h}."ctr" + ${offset} = ${CTR} AND ${h}."node" = ${NODE}
   AND ${h}."device" = ${DEVICE} AND ${h}."staff" IS ${STAFF} AND ${h}."rec" = ${REC}`;
/** The run that holds or would hold seq `s`: the last one starting at or before it. */
const RUN_AT = (s: string) => `(SELECT max("run") FROM change_runs WHERE "run" <= ${s})`;

/**
 * SQL true when the log holds the stamp of wall time `ms`, counter `ctr` and node number
 * `node`: in the last run of that wall time and node to start at or before the counter (runs'
 * counters never overlap), one step down the stamp index.
 */
const holds = (ms: string, ctr: string, node: string) => `EXISTS (
  SELECT 1 FROM change_runs hh JOIN change_log ll ON ll."seq" = hh."run" + (${ctr} - hh."ctr")
  WHERE hh."run" = (SELECT "run" FROM change_runs WHERE "ms" = ${ms} AND "node" = ${node} AND "ctr" <= ${ctr}
      ORDER BY "ctr" DESC LIMIT 1)
    AND ll."off" = ${ctr} - hh."ctr")`;

export const sql = `
CREATE TABLE change_runs (
  "run" INTEGER PRIMARY KEY,
  "ms" INTEGER NOT NULL,
  "ctr" INTEGER NOT NULL,
  "node" INTEGER NOT NULL,
  "device" INTEGER NOT NULL,
  "staff" INTEGER,
  "rec" INTEGER NOT NULL,
  "n" INTEGER NOT NULL
);
CREATE TABLE change_log_runs (
  "seq" INTEGER PRIMARY KEY,
  "off" INTEGER NOT NULL,
  "field" INTEGER NOT NULL,
  "value",
  "pms" INTEGER,
  "pctr" INTEGER,
  "pnode" INTEGER
);

-- Each change's run: a change continues the one before it (seq one less) when both have the
-- same well-formed wall time, node, device, staff and record and its counter is one more.
CREATE TEMP TABLE change_run_of ("seq" INTEGER PRIMARY KEY, "run" INTEGER NOT NULL);
INSERT INTO change_run_of ("seq", "run")
  SELECT "seq", max(CASE WHEN "starts" THEN "seq" END) OVER (ORDER BY "seq" ROWS UNBOUNDED PRECEDING)
  FROM (
    SELECT l."seq", NOT coalesce(l."ms" >= 0 AND p."ms" = l."ms" AND p."ctr" + 1 = l."ctr" AND p."node" = l."node"
      AND p."device" = l."device" AND p."staff" IS l."staff" AND p."rec" = l."rec", 0) AS "starts"
    FROM change_log l LEFT JOIN change_log p ON p."seq" = l."seq" - 1
  );
INSERT INTO change_runs ("run","ms","ctr","node","device","staff","rec","n")
  SELECT c."run", l."ms", l."ctr", l."node", l."device", l."staff", l."rec", c."n"
  FROM (SELECT "run", count(*) AS "n" FROM temp.change_run_of GROUP BY "run") c
    JOIN change_log l ON l."seq" = c."run"
  ORDER BY c."run";
INSERT INTO change_log_runs ("seq","off","field","value","pms","pctr","pnode")
  SELECT l."seq", l."seq" - o."run", l."field", l."value", l."pms", l."pctr", l."pnode"
  FROM change_log l JOIN temp.change_run_of o ON o."seq" = l."seq"
  ORDER BY l."seq";
DROP TABLE temp.change_run_of;

DROP VIEW changes;
DROP TABLE change_log;
-- The capture triggers name the view, made again below: the rename is not to check them now.
PRAGMA legacy_alter_table = ON;
ALTER TABLE change_log_runs RENAME TO change_log;
PRAGMA legacy_alter_table = OFF;
CREATE INDEX changes_hlc ON change_runs ("ms", "node", "ctr");
CREATE INDEX changes_row ON change_runs ("rec");
${CHANGES_VIEW}

-- A change continues the log's last run when it is the next change of that run (stamp, device,
-- staff, record and seq), else it starts a run of its own. A stamp the log holds is refused,
-- as the unique index on stamps refused it.
CREATE TRIGGER changes_insert INSTEAD OF INSERT ON changes BEGIN
  INSERT OR IGNORE INTO change_names ("name") SELECT "name" FROM (${namesOf('NEW')}) WHERE "name" IS NOT NULL;
  INSERT OR IGNORE INTO change_records ("tbl", "rowId") VALUES (NEW."tbl", NEW."rowId");
  SELECT RAISE(ABORT, 'UNIQUE constraint failed: changes.hlc') WHERE ${holds(MS, CTR, NODE)};
  UPDATE change_runs SET "n" = "n" + 1
    WHERE "run" = (SELECT max("run") FROM change_runs)
      AND "run" + "n" - 1 = (SELECT max("seq") FROM change_log) AND "run" + "n" = ${SEQ}
      AND ${SAME_RUN('change_runs', '"n"')};
  INSERT INTO change_runs ("run","ms","ctr","node","device","staff","rec","n")
    SELECT ${SEQ}, ${MS}, ${CTR}, ${NODE}, ${DEVICE}, ${STAFF}, ${REC}, 1
    WHERE NOT EXISTS (
      SELECT 1 FROM change_runs h WHERE h."run" = ${RUN_AT(SEQ)} AND h."run" < ${SEQ}
        AND h."run" + h."n" - 1 = ${SEQ} AND ${SAME_RUN('h', 'h."n" - 1')});
  INSERT INTO change_log ("seq","off","field","value","pms","pctr","pnode")
    SELECT ${SEQ}, ${SEQ} - h."run", ${nameId('NEW."field"')}, NEW."value",
      CASE WHEN NEW."prevHlc" IS NOT NULL THEN ${msOf('NEW."prevHlc"')} END,
      CASE WHEN NEW."prevHlc" IS NOT NULL THEN ${counterOf('NEW."prevHlc"')} END,
      ${nameId(nodeOf('NEW."prevHlc"'))}
    FROM change_runs h WHERE h."run" = ${RUN_AT(SEQ)};
END;
-- A run whose last change goes goes with it (so that its first stamp may come again).
CREATE TRIGGER changes_delete INSTEAD OF DELETE ON changes BEGIN
  DELETE FROM change_runs WHERE "run" = (SELECT "seq" - "off" FROM change_log WHERE "seq" = OLD."seq")
    AND NOT EXISTS (SELECT 1 FROM change_log l WHERE ${OF_RUN('change_runs', 'l')} AND l."seq" <> OLD."seq");
  DELETE FROM change_log WHERE "seq" = OLD."seq";
END;
-- Migration 5's trigger, on the log's new table.
CREATE TRIGGER changes_origin AFTER INSERT ON change_log BEGIN
  INSERT INTO change_origins ("device", "lastHlc")
    SELECT d."name", ${stampText('h."ms"', '(h."ctr" + NEW."off")', 'n."name"')}
    FROM change_runs h, change_names d, change_names n
    WHERE h."run" = NEW."seq" - NEW."off" AND d."n" = h."device" AND n."n" = h."node"
    ON CONFLICT ("device") DO UPDATE SET "lastHlc" = excluded."lastHlc" WHERE excluded."lastHlc" > "lastHlc";
END;
`;
