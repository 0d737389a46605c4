import { msg } from '@shared/messages';
import type { Core } from '../../core';
import { today } from '../../core';
import { invalid } from '@shared/contract/errors';
import { chosenPeriod, periodParams, type PeriodChoice } from './period';
import { shanghaiDaySql } from '../../store/rulesSql';
import { resolveScope, scopeParams, type ResolvedScope, type ScopeInput } from './scope';
import { baseFrom, LEADER_LED, TIER_VALID, visitsFrom } from './visitFigures';
import { demandFactsSql, firstReplySql, unitFactsSql } from './demandFigures';
import { tierEntriesFrom } from './tierFigures';
import { clinicsFrom, followupsFrom, servedEnterprisesSql } from './serviceFigures';
import { activitiesFrom, outcomesFrom, reachedEnterprisesSql } from './activityFigures';
import { UNKNOWN_KEY, type RecordFigure } from '@shared/reports/definitions';
import { industrySplitSql } from '@shared/domain/industries';

export { RECORD_FIGURES, type RecordFigure } from '@shared/reports/definitions';

// The records behind a figure ("overdue at end: 7" → the 7 demands), from the same SQL as
// the figure itself, so that the count of rows is the figure. For a rate, the rows are its
// denominator and `inNumerator` marks those counted above the line.

export type RecordKind =
  'visit' | 'demand' | 'followup' | 'clinic' | 'enterprise' | 'expert' | 'activity' | 'outcome';

export interface FigureRecord {
  kind: RecordKind;
  id: string;
  /** Visit date, demand received date, follow-up done date, clinic date (Shanghai). */
  date: string | null;
  title: string | null;
  enterpriseId: string | null;
  enterpriseName: string | null;
  town: string | null;
  staffId: string | null;
  staffName: string | null;
  status: string | null;
  /** For rate figures: whether the record is counted in the numerator. */
  inNumerator: boolean | null;
  detail: Record<string, string | number | boolean | null>;
}

export interface FigureRecordsInput extends ScopeInput, PeriodChoice {
  figure: RecordFigure;
  /** The split key (byMode: 'onsite', byCategory: 'tech', byStaff: a staff id…). */
  key?: string | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

export interface FigureRecords {
  period: string;
  /** The period's key, under its name from before other periods. */
  quarter: string;
  scope: ResolvedScope;
  figure: RecordFigure;
  key: string | null;
  kind: RecordKind;
  total: number;
  rows: FigureRecord[];
}

const SPLIT_FILTER: Record<string, string> = {
  byMode: `v."mode"`,
  byTown: `e."town"`,
  byIndustry: industrySplitSql(`e."industry"`),
  byStaff: `v."leadStaffId"`,
};

const KIND_OF: Record<RecordFigure, RecordKind> = {
  visits: 'visit',
  solvedOnSite: 'visit',
  byMode: 'visit',
  byTown: 'visit',
  byIndustry: 'visit',
  byTier: 'visit',
  byStaff: 'visit',
  enterprisesVisited: 'enterprise',
  coverage: 'enterprise',
  newDemands: 'demand',
  carriedOver: 'demand',
  byCategory: 'demand',
  closed: 'demand',
  closureRate: 'demand',
  substantiveRate: 'demand',
  onTimeRate: 'demand',
  avgDaysToClose: 'demand',
  openAtEnd: 'demand',
  overdueAtEnd: 'demand',
  supervised: 'demand',
  extensions: 'demand',
  followups: 'followup',
  satisfactionRate: 'followup',
  clinics: 'clinic',
  cooperationIntentions: 'clinic',
  signedProjects: 'clinic',
  experts: 'expert',
  enterprisesServed: 'enterprise',
  leaderVisits: 'visit',
  firstReplyRate: 'demand',
  byUnit: 'demand',
  tierStock: 'enterprise',
  tierNew: 'enterprise',
  activities: 'activity',
  activitiesByType: 'activity',
  attendees: 'activity',
  enterprisesReached: 'enterprise',
  outcomesByType: 'outcome',
};

/** A JSON boolean (or null) in json_object(), where SQLite would give 0 / 1. */
const jbool = (expr: string) =>
  `json(CASE WHEN (${expr}) IS NULL THEN 'null' WHEN (${expr}) THEN 'true' ELSE 'false' END)`;

interface Built {
  sql: string;
  params: Record<string, unknown>;
}

function visitRows(scope: ResolvedScope, figure: RecordFigure, key: string | null): Built {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (figure === 'solvedOnSite') where.push(`v."solvedOnSite" = 1`);
  if (figure === 'leaderVisits') where.push(LEADER_LED);
  if (figure in SPLIT_FILTER) {
    if (key === null) throw invalid('key', msg('report.needsKey', { figure }));
    where.push(`coalesce(nullif(${SPLIT_FILTER[figure]}, ''), '${UNKNOWN_KEY}') = @key`);
    params.key = key;
  }
  if (figure === 'byTier') {
    if (key === null) throw invalid('key', msg('report.needsKey', { figure: 'byTier' }));
    params.key = key;
    const valid = `SELECT 1 FROM json_each(e."tiers") j WHERE ${TIER_VALID}`;
    where.push(
      key === 'none'
        ? `NOT EXISTS (${valid})`
        : `EXISTS (${valid} AND json_extract(j.value, '$.tier') = @key)`,
    );
  }
  return {
    params,
    sql: `SELECT 'visit' AS kind, v."id", v."date", coalesce(v."visitNo", '') || ' ' || coalesce(substr(v."summary", 1, 60), '') AS title,
        v."enterpriseId", e."name" AS enterpriseName, e."town", v."leadStaffId" AS staffId, s."name" AS staffName,
        v."status", NULL AS inNumerator,
        json_object('mode', v."mode", 'solvedOnSite', ${jbool('v."solvedOnSite" = 1')}, 'visitNo', v."visitNo") AS detail
      FROM visits v LEFT JOIN enterprises e ON e."id" = v."enterpriseId" LEFT JOIN staff s ON s."id" = v."leadStaffId"
      WHERE v."id" IN (SELECT v."id" ${visitsFrom(scope)})
        ${where.map((w) => `AND ${w}`).join(' ')}
      ORDER BY v."date", v."visitNo", v."id"`,
  };
}

function enterpriseRows(scope: ResolvedScope, figure: RecordFigure, key: string | null): Built {
  if (figure === 'tierStock' || figure === 'tierNew') return tierRows(scope, figure, key);
  const visited = `SELECT v."enterpriseId" AS eid, count(*) AS n ${visitsFrom(scope)} GROUP BY v."enterpriseId"`;
  if (figure === 'coverage') {
    return {
      params: {},
      sql: `SELECT 'enterprise' AS kind, b."id", NULL AS date, b."name" AS title, b."id" AS enterpriseId,
          b."name" AS enterpriseName, b."town", b."liaisonStaffId" AS staffId, s."name" AS staffName, b."status",
          (vc.n IS NOT NULL) AS inNumerator, json_object('visits', coalesce(vc.n, 0)) AS detail
        ${baseFrom(scope).replace('FROM enterprises b', `FROM enterprises b LEFT JOIN (${visited}) vc ON vc.eid = b."id" LEFT JOIN staff s ON s."id" = b."liaisonStaffId"`)}
        ORDER BY inNumerator, b."town", b."name", b."id"`,
    };
  }
  if (figure === 'enterprisesServed') {
    const from = clinicsFrom(scope);
    if (from === null) return { params: {}, sql: `SELECT NULL WHERE 0` };
    return {
      params: {},
      sql: `SELECT 'enterprise' AS kind, se."id", min(c."date") AS date, se."name" AS title, se."id" AS enterpriseId,
          se."name" AS enterpriseName, se."town", se."liaisonStaffId" AS staffId, s."name" AS staffName, se."status",
          NULL AS inNumerator, json_object('clinics', count(DISTINCT c."id")) AS detail
        FROM (SELECT c."id", c."date", c."enterprises" ${from}) c ${servedEnterprisesSql(scope)}
        LEFT JOIN staff s ON s."id" = se."liaisonStaffId"
        GROUP BY se."id" ORDER BY se."town", se."name", se."id"`,
    };
  }
  return {
    params: {},
    sql: `SELECT 'enterprise' AS kind, e."id", NULL AS date, e."name" AS title, e."id" AS enterpriseId,
        e."name" AS enterpriseName, e."town", e."liaisonStaffId" AS staffId, s."name" AS staffName, e."status",
        NULL AS inNumerator, json_object('visits', vc.n) AS detail
      FROM (${visited}) vc JOIN enterprises e ON e."id" = vc.eid LEFT JOIN staff s ON s."id" = e."liaisonStaffId"
      ORDER BY e."town", e."name", e."id"`,
  };
}

/** The enterprises holding a tier (key) at the end, or certified in its year. */
function tierRows(scope: ResolvedScope, figure: 'tierStock' | 'tierNew', key: string | null): Built {
  if (key === null) throw invalid('key', msg('report.needsKey', { figure }));
  return {
    params: { key },
    sql: `SELECT 'enterprise' AS kind, e."id", NULL AS date, e."name" AS title, e."id" AS enterpriseId,
        e."name" AS enterpriseName, e."town", e."liaisonStaffId" AS staffId,
        (SELECT s."name" FROM staff s WHERE s."id" = e."liaisonStaffId") AS staffName, e."status", NULL AS inNumerator,
        json_object('tier', @key, 'year', min(json_extract(j.value, '$.year')),
          'expiresOn', max(json_extract(j.value, '$.expiresOn'))) AS detail
      ${tierEntriesFrom(scope, figure)} AND json_extract(j.value, '$.tier') = @key
      GROUP BY e."id"
      ORDER BY e."town", e."name", e."id"`,
  };
}

/** The demands of the first-reply rate's denominator; those replied on time are its numerator. */
function firstReplyRows(scope: ResolvedScope): Built {
  return {
    params: {},
    sql: `SELECT 'demand' AS kind, t."id", ${shanghaiDaySql('t."receivedAt"')} AS date, t."title", t."enterpriseId",
        e."name" AS enterpriseName, e."town", t."assigneeStaffId" AS staffId, s."name" AS staffName, t."status",
        fr.onTime AS inNumerator,
        json_object('firstReplyDue', t."firstReplyDue", 'firstRepliedAt', t."firstRepliedAt",
          'firstRepliedOn', ${shanghaiDaySql('t."firstRepliedAt"')}, 'onTime', ${jbool('fr.onTime')},
          'receivedAt', t."receivedAt") AS detail
      FROM (${firstReplySql(scope)}) fr JOIN demands t ON t."id" = fr.id
      LEFT JOIN enterprises e ON e."id" = t."enterpriseId" LEFT JOIN staff s ON s."id" = t."assigneeStaffId"
      ORDER BY t."receivedAt", t."id"`,
  };
}

const DEMAND_CONDITION: Partial<Record<RecordFigure, { where: string; numerator?: string }>> = {
  newDemands: { where: 'f.isNew' },
  carriedOver: { where: 'f.carried' },
  byCategory: { where: 'f.isNew' },
  closed: { where: 'f.closed' },
  closureRate: { where: '(f.isNew OR f.carried)', numerator: 'f.closed' },
  substantiveRate: { where: 'f.closed', numerator: `f.closureType = 'substantive'` },
  onTimeRate: { where: 'f.closed', numerator: 'f.onTime' },
  avgDaysToClose: { where: 'f.closed' },
  openAtEnd: { where: 'f.openEnd' },
  overdueAtEnd: { where: 'f.overdueEnd' },
  supervised: { where: 'f.supervised' },
  extensions: { where: 'f.extensions > 0' },
  byUnit: { where: `f.unitId = @key` },
};

function demandRows(scope: ResolvedScope, figure: RecordFigure, key: string | null): Built {
  if (figure === 'firstReplyRate') return firstReplyRows(scope);
  const c = DEMAND_CONDITION[figure]!;
  const params: Record<string, unknown> = {};
  let where = c.where;
  if (figure === 'byUnit') {
    if (key === null) throw invalid('key', msg('report.needsKey', { figure: 'byUnit' }));
    params.key = key;
  }
  if (figure === 'byCategory') {
    if (key === null) throw invalid('key', msg('report.needsKey', { figure: 'byCategory' }));
    where += ` AND EXISTS (SELECT 1 FROM json_each(t."categories") j WHERE j.value = @key)`;
    params.key = key;
  }
  return {
    params,
    sql: `SELECT 'demand' AS kind, t."id", ${shanghaiDaySql('t."receivedAt"')} AS date, t."title", t."enterpriseId", e."name" AS enterpriseName,
        e."town", t."assigneeStaffId" AS staffId, s."name" AS staffName, t."status",
        ${c.numerator ? `coalesce(${c.numerator}, 0)` : 'NULL'} AS inNumerator,
        json_object('statusAtEnd', f.s1, 'new', ${jbool('f.isNew')}, 'carriedOver', ${jbool('f.carried')}, 'closedInQuarter', ${jbool('f.closed')},
          'closedOn', f.closedOn, 'dueDateAtEnd', f.dueEnd, 'overdueAtEnd', ${jbool('f.overdueEnd')}, 'daysToClose', f.daysToClose,
          'onTime', ${jbool('CASE WHEN f.closed THEN f.onTime END')}, 'closureType', f.closureType, 'categories', json(t."categories"),
          'supervised', ${jbool('f.supervised')}, 'extensions', f.extensions,
          'receivedAt', t."receivedAt") AS detail
      FROM (${figure === 'byUnit' ? unitFactsSql(scope) : demandFactsSql(scope)}) f JOIN demands t ON t."id" = f.id
      LEFT JOIN enterprises e ON e."id" = t."enterpriseId" LEFT JOIN staff s ON s."id" = t."assigneeStaffId"
      WHERE ${where}
      ORDER BY t."receivedAt", t."id"`,
  };
}

function followupRows(scope: ResolvedScope, figure: RecordFigure): Built {
  const rate = figure === 'satisfactionRate';
  return {
    params: {},
    sql: `SELECT 'followup' AS kind, f."id", ${shanghaiDaySql('f."doneAt"')} AS date,
        coalesce(substr(f."content", 1, 60), substr(f."result", 1, 60)) AS title,
        pe."id" AS enterpriseId, pe."name" AS enterpriseName, pe."town", f."ownerStaffId" AS staffId, s."name" AS staffName,
        f."satisfaction" AS status,
        ${rate ? `f."satisfaction" IN ('satisfied', 'mostly_satisfied')` : 'NULL'} AS inNumerator,
        json_object('parentType', f."parentType", 'parentId', f."parentId", 'channel', f."channel",
          'satisfaction', f."satisfaction", 'doneAt', f."doneAt") AS detail
      FROM followups f
      LEFT JOIN demands pd ON f."parentType" = 'demand' AND pd."id" = f."parentId"
      LEFT JOIN visits pv ON f."parentType" = 'visit' AND pv."id" = f."parentId"
      LEFT JOIN enterprises pe ON pe."id" = coalesce(pd."enterpriseId", pv."enterpriseId")
      LEFT JOIN staff s ON s."id" = f."ownerStaffId"
      WHERE f."id" IN (SELECT f."id" ${followupsFrom(scope)})
      ${rate ? `AND f."satisfaction" IS NOT NULL` : ''}
      ORDER BY f."doneAt", f."id"`,
  };
}

function clinicRows(scope: ResolvedScope, figure: RecordFigure): Built {
  const from = clinicsFrom(scope);
  if (from === null) return { params: {}, sql: `SELECT NULL WHERE 0` };
  if (figure === 'experts') {
    return {
      params: {},
      sql: `SELECT 'expert' AS kind, x."id", min(c."date") AS date, x."name" AS title, NULL AS enterpriseId,
          NULL AS enterpriseName, NULL AS town, NULL AS staffId, NULL AS staffName, NULL AS status, NULL AS inNumerator,
          json_object('organization', x."organization", 'clinics', count(DISTINCT c."id")) AS detail
        FROM (SELECT c."id", c."date", c."expertIds" ${from}) c
        JOIN json_each(c."expertIds") jx JOIN experts x ON x."id" = jx.value AND x."deletedAt" IS NULL
        GROUP BY x."id" ORDER BY x."name", x."id"`,
    };
  }
  return {
    params: {},
    sql: `SELECT 'clinic' AS kind, c."id", c."date", c."topic" AS title, NULL AS enterpriseId, NULL AS enterpriseName,
        NULL AS town, NULL AS staffId, NULL AS staffName, c."status", NULL AS inNumerator,
        json_object('place', c."place", 'experts', json_array_length(c."expertIds"),
          'enterprises', json_array_length(c."enterprises"), 'cooperationIntentions', c."cooperationIntentions",
          'signedProjects', c."signedProjects") AS detail
      ${from}
      ${figure === 'cooperationIntentions' ? 'AND c."cooperationIntentions" > 0' : ''}
      ${figure === 'signedProjects' ? 'AND c."signedProjects" > 0' : ''}
      ORDER BY c."date", c."id"`,
  };
}

/** The activities behind activities / activitiesByType / attendees, and the enterprises they reached. */
function activityRows(scope: ResolvedScope, figure: RecordFigure, key: string | null): Built {
  const from = activitiesFrom(scope);
  if (figure === 'enterprisesReached') {
    return {
      params: {},
      // Materialized, as in activityTotals: flattened, the join is driven by every enterprise.
      sql: `WITH a AS MATERIALIZED (SELECT a."id", a."date", a."enterpriseIds" ${from})
        SELECT 'enterprise' AS kind, re."id", min(a."date") AS date, re."name" AS title, re."id" AS enterpriseId,
          re."name" AS enterpriseName, re."town", re."liaisonStaffId" AS staffId, s."name" AS staffName, re."status",
          NULL AS inNumerator, json_object('activities', count(DISTINCT a."id")) AS detail
        FROM a ${reachedEnterprisesSql(scope)}
        LEFT JOIN staff s ON s."id" = re."liaisonStaffId"
        GROUP BY re."id" ORDER BY re."town", re."name", re."id"`,
    };
  }
  const params: Record<string, unknown> = {};
  let where = '';
  if (figure === 'activitiesByType') {
    if (key === null) throw invalid('key', msg('report.needsKey', { figure: 'activitiesByType' }));
    where = 'AND a."type" = @key';
    params.key = key;
  }
  if (figure === 'attendees') where = 'AND a."attendees" > 0';
  return {
    params,
    sql: `SELECT 'activity' AS kind, a."id", a."date", a."title", NULL AS enterpriseId, NULL AS enterpriseName,
        NULL AS town, NULL AS staffId, NULL AS staffName, a."status", NULL AS inNumerator,
        json_object('type', a."type", 'place', a."place", 'attendees', a."attendees",
          'enterprises', json_array_length(a."enterpriseIds")) AS detail
      ${from} ${where}
      ORDER BY a."date", a."id"`,
  };
}

function outcomeRows(scope: ResolvedScope, key: string | null): Built {
  if (key === null) throw invalid('key', msg('report.needsKey', { figure: 'outcomesByType' }));
  return {
    params: { key },
    sql: `SELECT 'outcome' AS kind, o."id", o."date", coalesce(substr(o."description", 1, 60), '') AS title,
        o."enterpriseId", e."name" AS enterpriseName, e."town", e."liaisonStaffId" AS staffId, s."name" AS staffName,
        o."status", NULL AS inNumerator,
        json_object('type', o."type", 'count', o."count", 'amount', o."amount", 'demandId', o."demandId") AS detail
      FROM outcomes o LEFT JOIN enterprises e ON e."id" = o."enterpriseId" LEFT JOIN staff s ON s."id" = e."liaisonStaffId"
      WHERE o."id" IN (SELECT o."id" ${outcomesFrom(scope)}) AND o."type" = @key
      ORDER BY o."date", o."id"`,
  };
}

function build(scope: ResolvedScope, figure: RecordFigure, key: string | null): Built {
  if (
    figure === 'activities' ||
    figure === 'activitiesByType' ||
    figure === 'attendees' ||
    figure === 'enterprisesReached'
  )
    return activityRows(scope, figure, key);
  if (figure === 'outcomesByType') return outcomeRows(scope, key);
  switch (KIND_OF[figure]) {
    case 'visit':
      return visitRows(scope, figure, key);
    case 'enterprise':
      return enterpriseRows(scope, figure, key);
    case 'demand':
      return demandRows(scope, figure, key);
    case 'followup':
      return followupRows(scope, figure);
    default:
      return clinicRows(scope, figure);
  }
}

interface RawRow extends Omit<FigureRecord, 'inNumerator' | 'detail'> {
  inNumerator: number | null;
  detail: string | null;
}

/** The counted days of the input's period as of today (as the summary counts them). */
function periodNow(core: Core, input: PeriodChoice) {
  const { key, field } = chosenPeriod(input);
  return periodParams(key, { today: today(core), field });
}

export function figureRecords(core: Core, input: FigureRecordsInput): FigureRecords {
  const scope = resolveScope(core, input);
  const period = periodNow(core, input);
  const key = input.key ?? null;
  const built = build(scope, input.figure, key);
  const params = { ...period, ...scopeParams(scope), ...built.params };
  const db = core.store.db;
  const total = (db.prepare(`SELECT count(*) AS n FROM (${built.sql})`).get(params) as { n: number }).n;
  const limit = input.limit ?? 1000;
  const offset = input.offset ?? 0;
  const raw = db
    .prepare(`${built.sql} LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit, offset }) as RawRow[];
  return {
    period: period.quarter,
    quarter: period.quarter,
    scope,
    figure: input.figure,
    key,
    kind: KIND_OF[input.figure],
    total,
    rows: raw.map((r) => ({
      ...r,
      inNumerator: r.inNumerator === null ? null : Boolean(r.inNumerator),
      detail: r.detail ? (JSON.parse(r.detail) as FigureRecord['detail']) : {},
    })),
  };
}

/** One demand of the quarter's figures with every flag: the Excel export's record sheet. */
export interface LedgerDemand {
  id: string;
  title: string | null;
  enterpriseName: string | null;
  town: string | null;
  assigneeName: string | null;
  receivedOn: string;
  categories: string[];
  statusAtEnd: string;
  isNew: boolean;
  carriedOver: boolean;
  closed: boolean;
  closedOn: string | null;
  closureType: string | null;
  daysToClose: number | null;
  onTime: boolean | null;
  openAtEnd: boolean;
  overdueAtEnd: boolean;
  dueDateAtEnd: string | null;
}

/** The demands that count in any demand figure of the period, oldest first. */
export function demandLedger(core: Core, input: ScopeInput & PeriodChoice): LedgerDemand[] {
  const scope = resolveScope(core, input);
  const period = periodNow(core, input);
  const rows = core.store.db
    .prepare(
      `SELECT t."id", t."title", e."name" AS enterpriseName, e."town", s."name" AS assigneeName, ${shanghaiDaySql('t."receivedAt"')} AS receivedOn,
          t."categories", f.s1 AS statusAtEnd, f.isNew, f.carried AS carriedOver, f.closed, f.closedOn, f.closureType,
          f.daysToClose, f.onTime, f.openEnd AS openAtEnd, f.overdueEnd AS overdueAtEnd, f.dueEnd AS dueDateAtEnd
       FROM (${demandFactsSql(scope)}) f JOIN demands t ON t."id" = f.id
       LEFT JOIN enterprises e ON e."id" = t."enterpriseId" LEFT JOIN staff s ON s."id" = t."assigneeStaffId"
       WHERE f.isNew OR f.carried OR f.closed OR f.openEnd
       ORDER BY t."receivedAt", t."id"`,
    )
    .all({ ...period, ...scopeParams(scope) }) as (Omit<LedgerDemand, 'categories'> & {
    categories: string;
  })[];
  return rows.map((r) => ({
    ...r,
    categories: JSON.parse(r.categories ?? '[]') as string[],
    isNew: Boolean(r.isNew),
    carriedOver: Boolean(r.carriedOver),
    closed: Boolean(r.closed),
    onTime: r.onTime === null ? null : Boolean(r.onTime),
    openAtEnd: Boolean(r.openAtEnd),
    overdueAtEnd: Boolean(r.overdueAtEnd),
  }));
}
