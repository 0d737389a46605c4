// The demand rules of @shared/domain as SQL, generated from the same constants, so a list
// filter, the board and the reports judge a demand exactly as deadline() does (a test holds
// them to agree). Nothing here restates a status list or a number by hand.
import { ENDED_DEMAND_STATUSES, OPEN_DEMAND_STATUSES } from '@shared/domain/enums';
import { DUE_SOON_DAYS } from '@shared/domain/workflow';
import { SHANGHAI_OFFSET_HOURS } from '@shared/domain/dates';

const quoted = (values: readonly string[]): string => values.map((v) => `'${v}'`).join(', ');

/** The open statuses as an SQL list: `"status" IN (${OPEN_STATUSES})`. */
export const OPEN_STATUSES = quoted(OPEN_DEMAND_STATUSES);

/** True when the status expression is an open one (NULL for a status still to arrive by sync). */
export const isOpenSql = (status: string): string => `${status} IN (${OPEN_STATUSES})`;

/** True when the status expression has ended (closed or rejected). */
export const isEndedSql = (status: string): string => `${status} IN (${quoted(ENDED_DEMAND_STATUSES)})`;

/** The Shanghai calendar date of a stored instant. */
export const shanghaiDaySql = (col: string): string => `date(${col}, '+${SHANGHAI_OFFSET_HOURS} hours')`;

/**
 * The day demand `t`'s SLA clock is read at: today, or the day its running hold began
 * (the clock is paused on hold, so an on-hold demand is judged at that day).
 */
const refDate = (t: string): string =>
  `(CASE WHEN ${t}."status" = 'on_hold' AND ${t}."holdSince" IS NOT NULL THEN ${shanghaiDaySql(`${t}."holdSince"`)} ELSE vl_today() END)`;

// coalesce: without a due date the comparison is NULL, which `= 0` would not match.
/** Open and past its due date (deadline().overdue). */
export const overdueSql = (t = 't'): string =>
  `coalesce(${isOpenSql(`${t}."status"`)} AND ${refDate(t)} > ${t}."dueDate", 0)`;

/** Open and due within DUE_SOON_DAYS (deadline().dueSoon). */
export const dueSoonSql = (t = 't'): string =>
  `coalesce(${isOpenSql(`${t}."status"`)} AND julianday(${t}."dueDate") - julianday(${refDate(t)}) BETWEEN 0 AND ${DUE_SOON_DAYS}, 0)`;

/** A late first reply (firstReplyLate()): given after its date, or open and not given past it. */
export const firstReplyLateSql = (t = 't'): string =>
  `coalesce(CASE WHEN ${t}."firstReplyDue" IS NULL THEN 0
    WHEN ${t}."firstRepliedAt" IS NOT NULL THEN ${shanghaiDaySql(`${t}."firstRepliedAt"`)} > ${t}."firstReplyDue"
    ELSE ${isOpenSql(`${t}."status"`)} AND ${refDate(t)} > ${t}."firstReplyDue" END, 0)`;

/** A late follow-up (followupLate()): not done and past its planned date. */
export const followupLateSql = (t = 't'): string =>
  `coalesce(${t}."doneAt" IS NULL AND ${t}."dueDate" < vl_today(), 0)`;
