import type Database from 'better-sqlite3';
import type { Core } from '../../core';
import { today } from '../../core';
import {
  cutPeriod,
  dayCount,
  periodYearEarlier,
  previousPeriod,
  type Period,
  type PeriodKind,
} from '@shared/domain/period';
import {
  NOTES,
  RATE_DEFINITIONS,
  SCALAR_KEYS,
  type RateKey,
  type ScalarKey,
} from '@shared/reports/definitions';
import { yearToDate, type TargetProgress } from '@shared/reports/targets';
import { periodOf, periodParams, windowParams, type PeriodParams } from './period';
import { preparedOn } from '../../store/records';
import { resolveScope, scopeParams, type ResolvedScope, type ScopeInput } from './scope';
import {
  leaderVisitCount,
  monthsBetween,
  PIVOT_MONTHS,
  visitFigures,
  visitsFrom,
  visitCounts,
  visitTotals,
  visitTotalsWithin,
  type Split,
  type VisitTotals,
} from './visitFigures';
import { categorySplit, demandFlow, demandTotals, firstReplyTotals, type UnitFigures } from './demandFigures';
import { tierSplits, type TierEntriesCache } from './tierFigures';
import { clinicSums, clinicTotals, followupTotals } from './serviceFigures';
import { targetProgress, type TargetActuals } from './targets';
import { targetsOf } from '../targets/service';
import { activityCounts, activityTotals, outcomesByType, type OutcomesByType } from './activityFigures';

// The period summary (走访工作总结) of shared/DOMAIN.md, for a month, quarter, half year, year or
// any range of days: every figure is counted in SQL (see visitFigures, demandFigures,
// serviceFigures) over the days from the period's first to `asOf` (period.ts); this module puts
// them together, adds the rates with their formulas and the comparison with the previous
// period of the same kind and the same period a year earlier, both cut to as many days as the
// period has had so far. reports.quarterly is the same thing for a quarter. How the scope
// applies: see scope.ts.

export interface RateDetail {
  value: number | null;
  numerator: number;
  denominator: number;
  formula: { zh: string; en: string };
  numeratorLabel: { zh: string; en: string };
  denominatorLabel: { zh: string; en: string };
}

/** Keyed exactly as DOMAIN.md. Clinic figures are null in staff scope. */
export interface QuarterlyFigures {
  visits: number;
  enterprisesVisited: number;
  coverage: number | null;
  byMode: Split;
  byTown: Split;
  byIndustry: Split;
  byTier: Split;
  byStaff: Split;
  solvedOnSite: number;
  leaderVisits: number;
  newDemands: number;
  carriedOver: number;
  byCategory: Record<string, number>;
  closed: number;
  closureRate: number | null;
  substantiveRate: number | null;
  onTimeRate: number | null;
  avgDaysToClose: number | null;
  openAtEnd: number;
  overdueAtEnd: number;
  supervised: number;
  extensions: number;
  firstReplyRate: number | null;
  /** Per lead unit id (主办单位). */
  byUnit: Record<string, UnitFigures>;
  /** Enterprises holding each tier at the end, and those certified in its year. */
  tierStock: Record<string, number>;
  tierNew: Record<string, number>;
  followups: number;
  satisfactionRate: number | null;
  clinics: number | null;
  experts: number | null;
  enterprisesServed: number | null;
  cooperationIntentions: number | null;
  signedProjects: number | null;
  activities: number;
  activitiesByType: Record<string, number>;
  attendees: number;
  enterprisesReached: number;
  outcomesByType: OutcomesByType;
}

export type ScalarFigures = Pick<QuarterlyFigures, ScalarKey>;

export interface FigureChange {
  current: number | null;
  previous: number | null;
  /** current − previous (for rates: in rate units, 0.05 = 5 percentage points). */
  changeVsPrevious: number | null;
  /** (current − previous) ÷ previous; null when previous is 0 or null. */
  pctVsPrevious: number | null;
  lastYear: number | null;
  changeVsLastYear: number | null;
  pctVsLastYear: number | null;
}

/** The days a comparison column counts: a period, cut to `to` (its last day counted). */
export interface ComparedWindow {
  period: string;
  from: string;
  to: string;
}

/** reports.summary: the figures of one period and scope. */
export interface SummaryReport {
  period: string;
  kind: PeriodKind;
  /** The period's first and last day. */
  from: string;
  to: string;
  /** The day the figures are taken at: the earlier of `to` and today. */
  asOf: string;
  /** Today is not after the period's last day: the figures are figures so far. */
  partial: boolean;
  scope: ResolvedScope;
  figures: QuarterlyFigures;
  rates: Record<RateKey, RateDetail>;
  details: {
    /** Visits per month of the quarter (every month present). */
    byMonth: Split;
    /** Follow-ups done in Q per satisfaction (`none`: not given). */
    satisfaction: Record<string, number>;
    /** Status at the quarter's end of the workload (new + carried over). */
    workloadAtEnd: Record<string, number>;
    /** Names of the staff keyed in byStaff. */
    staffNames: Record<string, string>;
  };
  /** The bureau's annual targets against their figures from 1 January to asOf (bureau scope only). */
  targets: Record<string, TargetProgress>;
  comparison: {
    /** Whole periods when the period is over, else cut to as many days as it has had. */
    previous: ComparedWindow;
    lastYear: ComparedWindow;
    figures: Record<ScalarKey, FigureChange>;
  };
  notes: { key: string; zh: string; en: string }[];
}

/** reports.quarterly: the summary of a quarter, in the shape it had before other periods. */
export interface QuarterlyReport extends Omit<
  SummaryReport,
  'period' | 'kind' | 'from' | 'to' | 'comparison'
> {
  quarter: string;
  period: { start: string; end: string };
  comparison: SummaryReport['comparison'] & { previousQuarter: string; sameQuarterLastYear: string };
}

const ratio = (num: number, den: number): number | null => (den === 0 ? null : num / den);

function rate(key: RateKey, numerator: number, denominator: number): RateDetail {
  const d = RATE_DEFINITIONS[key];
  return {
    value: ratio(numerator, denominator),
    numerator,
    denominator,
    formula: d.formula,
    numeratorLabel: { zh: d.numerator.zh, en: d.numerator.en },
    denominatorLabel: { zh: d.denominator.zh, en: d.denominator.en },
  };
}

interface Computed {
  scalars: ScalarFigures;
  rates: Record<RateKey, RateDetail>;
  satisfaction: Record<string, number>;
  workloadAtEnd: Record<string, number>;
  /**
   * Counted with the demand totals (the same facts): only the summary's own period shows it,
   * so a comparison's figures are counted without it (null).
   */
  byUnit: Record<string, UnitFigures> | null;
  /** Counted with the activity totals, likewise. */
  activitiesByType: Record<string, number>;
}

// The scalar figures of a quarter depend on the data only (not on "now"). A summary needs
// three quarters (the quarter, the previous one, the same one last year), so they are kept
// per connection and reused while the data is unchanged: PRAGMA data_version changes when
// another connection commits, total_changes() counts this connection's own writes, so any
// write anywhere makes the next call recompute. Splits other than byUnit and activitiesByType
// (counted with the demand and activity totals) are always computed afresh.
const MEMO_SIZE = 48;
const memos = new WeakMap<Database.Database, { version: string; entries: Map<string, Computed> }>();

function dataVersion(db: Database.Database): string {
  const other = db.pragma('data_version', { simple: true }) as number;
  const own = db.prepare('SELECT total_changes()').pluck().get() as number;
  return `${other}:${own}`;
}

function memoFor(db: Database.Database): Map<string, Computed> {
  const version = dataVersion(db);
  let memo = memos.get(db);
  if (!memo || memo.version !== version) {
    memo = { version, entries: new Map() };
    memos.set(db, memo);
  }
  return memo.entries;
}

/** Forgets the memoized figures of this connection (benchmarks measure the cold path). */
export function clearReportMemo(db: Database.Database): void {
  memos.delete(db);
}

const memoKey = (scope: ResolvedScope, period: PeriodParams) => `${period.qs}..${period.qe}|${scope.key}`;

/** Keeps `computed` under `key`, the oldest entry given up when the memo is full. */
function keep(memo: Map<string, Computed>, key: string, computed: Computed): void {
  if (!memo.has(key) && memo.size >= MEMO_SIZE) memo.delete(memo.keys().next().value!);
  memo.set(key, computed);
}

/**
 * `memo` comes from memoFor(), called before the first query of the call: the data read
 * afterwards is then never older than the version it is kept under.
 */
function scalarsOf(
  core: Core,
  memo: Map<string, Computed>,
  scope: ResolvedScope,
  period: PeriodParams,
  { visits, units = false }: { visits?: VisitTotals; units?: boolean } = {},
): Computed {
  const key = memoKey(scope, period);
  let computed = memo.get(key);
  if (!computed || (units && computed.byUnit === null)) {
    computed = computeScalars(core, scope, period, visits, units);
    keep(memo, key, computed);
  }
  return structuredClone(computed);
}

/** The scalar figures and rates of the days of `period` (no splits). */
function computeScalars(
  core: Core,
  scope: ResolvedScope,
  period: PeriodParams,
  visits: VisitTotals | undefined,
  units: boolean,
): Computed {
  const db = core.store.db;
  const p = { ...period, ...scopeParams(scope) };
  const v = visits ?? visitTotals(db, scope, p);
  const dm = demandTotals(db, scope, p, units);
  const fu = followupTotals(db, scope, p);
  const cl = clinicTotals(db, scope, p);
  const leaderVisits = v.leaderVisits ?? leaderVisitCount(db, scope, p);
  const firstReply = firstReplyTotals(db, scope, p);
  const ac = activityTotals(db, scope, p);
  const sat = fu.bySatisfaction;
  const withSatisfaction = (sat.satisfied ?? 0) + (sat.mostly_satisfied ?? 0) + (sat.dissatisfied ?? 0);
  const rates: Record<RateKey, RateDetail> = {
    coverage: rate('coverage', v.coverageNumerator, v.coverageDenominator),
    closureRate: rate('closureRate', dm.closedOfWorkload, dm.newDemands + dm.carriedOver),
    substantiveRate: rate('substantiveRate', dm.substantive, dm.closed),
    onTimeRate: rate('onTimeRate', dm.onTime, dm.closed),
    avgDaysToClose: rate('avgDaysToClose', dm.daysToCloseTotal, dm.closed),
    satisfactionRate: rate(
      'satisfactionRate',
      (sat.satisfied ?? 0) + (sat.mostly_satisfied ?? 0),
      withSatisfaction,
    ),
    firstReplyRate: rate('firstReplyRate', firstReply.onTime, firstReply.due),
  };
  const scalars: ScalarFigures = {
    visits: v.visits,
    enterprisesVisited: v.enterprisesVisited,
    coverage: rates.coverage.value,
    solvedOnSite: v.solvedOnSite,
    leaderVisits,
    newDemands: dm.newDemands,
    carriedOver: dm.carriedOver,
    closed: dm.closed,
    closureRate: rates.closureRate.value,
    substantiveRate: rates.substantiveRate.value,
    onTimeRate: rates.onTimeRate.value,
    avgDaysToClose: rates.avgDaysToClose.value,
    openAtEnd: dm.openAtEnd,
    overdueAtEnd: dm.overdueAtEnd,
    supervised: dm.supervised,
    extensions: dm.extensions,
    firstReplyRate: rates.firstReplyRate.value,
    followups: fu.followups,
    satisfactionRate: rates.satisfactionRate.value,
    clinics: cl?.clinics ?? null,
    experts: cl?.experts ?? null,
    enterprisesServed: cl?.enterprisesServed ?? null,
    cooperationIntentions: cl?.cooperationIntentions ?? null,
    signedProjects: cl?.signedProjects ?? null,
    activities: ac.activities,
    attendees: ac.attendees,
    enterprisesReached: ac.enterprisesReached,
  };
  return {
    scalars,
    rates,
    satisfaction: sat,
    workloadAtEnd: dm.workloadAtEnd,
    byUnit: units ? dm.byUnit : null,
    activitiesByType: ac.activitiesByType,
  };
}

/** The activity and outcome figures: the scalars computed above, and their splits by type. */
function activityFiguresOf(
  db: Database.Database,
  scope: ResolvedScope,
  p: Record<string, unknown>,
  current: Computed,
) {
  const s = current.scalars;
  return {
    activities: s.activities,
    activitiesByType: current.activitiesByType,
    attendees: s.attendees,
    enterprisesReached: s.enterprisesReached,
    outcomesByType: outcomesByType(db, scope, p),
  };
}

function change(current: number | null, base: number | null): { change: number | null; pct: number | null } {
  if (current === null || base === null) return { change: null, pct: null };
  return { change: current - base, pct: base === 0 ? null : (current - base) / base };
}

function compare(current: ScalarFigures, previous: ScalarFigures, lastYear: ScalarFigures) {
  const out = {} as Record<ScalarKey, FigureChange>;
  for (const key of SCALAR_KEYS) {
    const p = change(current[key], previous[key]);
    const y = change(current[key], lastYear[key]);
    out[key] = {
      current: current[key],
      previous: previous[key],
      changeVsPrevious: p.change,
      pctVsPrevious: p.pct,
      lastYear: lastYear[key],
      changeVsLastYear: y.change,
      pctVsLastYear: y.pct,
    };
  }
  return out;
}

/** Visits per month, for ranges longer than the pivot of visitFigures. */
function visitsByMonth(db: Database.Database, scope: ResolvedScope, p: Record<string, unknown>): Split {
  const rows = preparedOn(
    db,
    `SELECT substr(v."date", 1, 7) AS k, count(*) AS a, count(DISTINCT v."enterpriseId") AS b
     ${visitsFrom(scope)} GROUP BY 1`,
  ).all(p) as { k: string; a: number; b: number }[];
  return Object.fromEntries(rows.map((r) => [r.k, { visits: r.a, enterprisesVisited: r.b }]));
}

export interface SummaryInput extends ScopeInput {
  period: string;
}

export interface QuarterlyInput extends ScopeInput {
  quarter: string;
}

/**
 * What targets are measured against over the days `from`…`to` (a year to date, a period so
 * far): the memo's figures when the summary has counted those days (a year as of today), else
 * only these, since all of a month's or a quarter's year to date would cost more than the
 * period itself. Outcomes are not among the scalars and are counted each time (one query).
 */
export function targetActuals(
  core: Core,
  scope: ResolvedScope,
  from: string,
  to: string,
  memo = memoFor(core.store.db),
  visits?: { visits: number; enterprisesVisited: number },
): TargetActuals {
  const db = core.store.db;
  const window = windowParams(`${from}..${to}`, 'range', from, to, to);
  const p = { ...window, ...scopeParams(scope) };
  const outcomes = outcomesByType(db, scope, p);
  const counted = memo.get(memoKey(scope, window));
  if (counted) return { ...counted.scalars, outcomesByType: outcomes };
  const v = visits ?? visitCounts(db, scope, p);
  const dm = demandFlow(db, scope, p);
  const ac = activityCounts(db, scope, p);
  return {
    visits: v.visits,
    enterprisesVisited: v.enterprisesVisited,
    newDemands: dm.newDemands,
    closed: dm.closed,
    clinics: clinicSums(db, scope, p)?.clinics ?? null,
    activities: ac.activities,
    attendees: ac.attendees,
    outcomesByType: outcomes,
  };
}

/** Scalar figures only, for one period (used by comparisons and benchmarks). */
export function quarterlyScalars(core: Core, input: QuarterlyInput): ScalarFigures {
  const memo = memoFor(core.store.db);
  return scalarsOf(core, memo, resolveScope(core, input), periodParams(input.quarter)).scalars;
}

/** The days of `other` a comparison counts: as many as `period` has had, or all when it is over. */
function comparedWindow(other: Period, current: PeriodParams, partial: boolean): PeriodParams {
  const end = partial ? cutPeriod(other, dayCount(current.from, current.asOf)).end : other.end;
  return windowParams(other.key, other.kind, other.start, other.end, end);
}

const ALONG_YEAR_AFTER_DAYS = 62;

/**
 * The previous period's visit totals and the year to date's visit counts (targets), read
 * together (visitTotalsWithin) when the targets will be measured, the previous period lies
 * within the year to date (all but a first quarter's), it is longer than two months, and
 * neither is counted yet. Else null: each is read on its own. A shorter previous period is
 * read alone for less than the combined reading adds (at ×20: a month ~5 ms, ~1.5 ms more
 * together; a quarter ~12 ms, ~3.5 ms less).
 */
function previousWithYearToDate(
  core: Core,
  memo: Map<string, Computed>,
  scope: ResolvedScope,
  previous: PeriodParams,
  asOf: string,
) {
  if (scope.type !== 'bureau') return null;
  const ytd = yearToDate(asOf);
  if (previous.qs < ytd.from || previous.qe > ytd.to || memo.has(memoKey(scope, previous))) return null;
  if (dayCount(previous.qs, previous.qe) <= ALONG_YEAR_AFTER_DAYS) return null;
  const window = windowParams(`${ytd.from}..${ytd.to}`, 'range', ytd.from, ytd.to, ytd.to);
  if (memo.has(memoKey(scope, window)) || !targetsOf(core.store, ytd.year).length) return null;
  const found = visitTotalsWithin(core.store.db, scope, { ...window, ...scopeParams(scope) }, previous);
  return { ...found, from: ytd.from, to: ytd.to };
}

const windowOf = (p: PeriodParams): ComparedWindow => ({ period: p.quarter, from: p.qs, to: p.qe });

/** What a summary sets its period against: the previous period, the same one a year earlier, the targets. */
export interface Comparisons {
  previousWindow: PeriodParams;
  lastYearWindow: PeriodParams;
  previous: Computed;
  lastYear: Computed;
  targets: Record<string, TargetProgress>;
}

/**
 * The comparisons of a summary of `period` for `scope`. They do not depend on the period's
 * own figures, so they may be counted apart from them: on another connection, at the same
 * time (comparisons.ts). Counted after them, the targets reuse the period's figures when it
 * is the year to date.
 */
export function comparisonsOf(
  core: Core,
  scope: ResolvedScope,
  period: PeriodParams,
  today: string,
  memo = memoFor(core.store.db),
): Comparisons {
  const partial = today <= period.to;
  const own = periodOf(period.quarter);
  const previousWindow = comparedWindow(previousPeriod(own), period, partial);
  const lastYearWindow = comparedWindow(periodYearEarlier(own), period, partial);
  const alongYear = previousWithYearToDate(core, memo, scope, previousWindow, period.asOf);
  const previous = scalarsOf(core, memo, scope, previousWindow, { visits: alongYear?.totals });
  const lastYear = scalarsOf(core, memo, scope, lastYearWindow);
  const targets = targetProgress(core, scope, period.asOf, (from, to) =>
    targetActuals(
      core,
      scope,
      from,
      to,
      memo,
      alongYear && alongYear.from === from && alongYear.to === to ? alongYear.outer : undefined,
    ),
  );
  return { previousWindow, lastYearWindow, previous, lastYear, targets };
}

/** Keeps comparisons counted elsewhere in this connection's memo, as if counted here. */
function remember(memo: Map<string, Computed>, scope: ResolvedScope, found: Comparisons): void {
  for (const [window, computed] of [
    [found.previousWindow, found.previous],
    [found.lastYearWindow, found.lastYear],
  ] as const) {
    keep(memo, memoKey(scope, window), structuredClone(computed));
  }
}

/** Counts a summary's comparisons elsewhere: a function that waits for them, or null when it cannot. */
export type CountElsewhere = (
  scope: ResolvedScope,
  period: PeriodParams,
  today: string,
) => (() => Comparisons | null) | null;

/**
 * Every figure of the days `period` counts (its first day to asOf), for `scope`, with the
 * comparison columns: the summary behind reports.summary, reports.quarterly and the exports.
 * `today` decides whether the period is over (partial) and so how the comparisons are cut.
 * `elsewhere`, when given, counts the comparisons while this counts the period's own figures
 * (only inside a transaction no other connection can commit during: see comparisons.ts).
 */
export function summaryFigures(
  core: Core,
  scope: ResolvedScope,
  period: PeriodParams,
  today: string,
  elsewhere?: CountElsewhere,
): SummaryReport {
  const memo = memoFor(core.store.db);
  const db = core.store.db;
  const pending = elsewhere?.(scope, period, today) ?? null;
  const p = { ...period, ...scopeParams(scope) };
  // The visited enterprises' tiers and every enterprise's (tierSplits): each text read once.
  const tiers: TierEntriesCache = new Map();
  const visits = visitFigures(db, scope, p, tiers);
  const splits = visits.splits;
  const current = scalarsOf(core, memo, scope, period, { visits: visits.totals, units: true });
  const partial = today <= period.to;
  const counted = pending?.();
  if (counted) remember(memo, scope, counted);
  const { previousWindow, lastYearWindow, previous, lastYear, targets } =
    counted ?? comparisonsOf(core, scope, period, today, memo);

  // visitFigures pivots the months of up to a year; a longer range counts its months apart.
  const months = monthsBetween(period.qs, period.qe);
  const monthly = months.length <= PIVOT_MONTHS ? splits.byMonth : visitsByMonth(db, scope, p);
  const byMonth: Split = {};
  for (const m of months) byMonth[m] = monthly[m] ?? { visits: 0, enterprisesVisited: 0 };
  const staffIds = Object.keys(splits.byStaff);
  const staffNames: Record<string, string> = {};
  if (staffIds.length) {
    const rows = db
      .prepare(`SELECT "id", "name" FROM staff WHERE "id" IN (${staffIds.map(() => '?').join(',')})`)
      .all(...staffIds) as { id: string; name: string | null }[];
    for (const r of rows) staffNames[r.id] = r.name ?? r.id;
  }
  const s = current.scalars;
  return {
    period: period.quarter,
    kind: period.kind,
    from: period.from,
    to: period.to,
    asOf: period.asOf,
    partial,
    scope,
    figures: {
      visits: s.visits,
      enterprisesVisited: s.enterprisesVisited,
      coverage: s.coverage,
      byMode: splits.byMode,
      byTown: splits.byTown,
      byIndustry: splits.byIndustry,
      byTier: splits.byTier,
      byStaff: splits.byStaff,
      solvedOnSite: s.solvedOnSite,
      leaderVisits: s.leaderVisits,
      newDemands: s.newDemands,
      carriedOver: s.carriedOver,
      // Not a scalar: the current period's only (comparisons do not need it).
      byCategory: categorySplit(db, scope, p),
      closed: s.closed,
      closureRate: s.closureRate,
      substantiveRate: s.substantiveRate,
      onTimeRate: s.onTimeRate,
      avgDaysToClose: s.avgDaysToClose,
      openAtEnd: s.openAtEnd,
      overdueAtEnd: s.overdueAtEnd,
      supervised: s.supervised,
      extensions: s.extensions,
      firstReplyRate: s.firstReplyRate,
      // Tables of the current period only, like byCategory.
      byUnit: current.byUnit ?? {},
      ...tierSplits(db, scope, p, tiers),
      followups: s.followups,
      satisfactionRate: s.satisfactionRate,
      clinics: s.clinics,
      experts: s.experts,
      enterprisesServed: s.enterprisesServed,
      cooperationIntentions: s.cooperationIntentions,
      signedProjects: s.signedProjects,
      ...activityFiguresOf(db, scope, p, current),
    },
    rates: current.rates,
    details: {
      byMonth,
      satisfaction: current.satisfaction,
      workloadAtEnd: current.workloadAtEnd,
      staffNames,
    },
    targets,
    comparison: {
      previous: windowOf(previousWindow),
      lastYear: windowOf(lastYearWindow),
      figures: compare(s, previous.scalars, lastYear.scalars),
    },
    notes: NOTES,
  };
}

/** reports.summary. */
export function periodSummary(
  core: Core,
  input: SummaryInput,
  elsewhere?: CountElsewhere,
  day: string = today(core),
): SummaryReport {
  const scope = resolveScope(core, input);
  return summaryFigures(
    core,
    scope,
    periodParams(input.period, { today: day, field: 'period' }),
    day,
    elsewhere,
  );
}

/** The summary of a quarter as of `day` (a refused quarter names the field `quarter`). */
export function quarterSummary(
  core: Core,
  input: QuarterlyInput,
  elsewhere?: CountElsewhere,
  day: string = today(core),
): SummaryReport {
  return summaryFigures(
    core,
    resolveScope(core, input),
    periodParams(input.quarter, { today: day }),
    day,
    elsewhere,
  );
}

/** reports.quarterly: the summary of a quarter, with its quarter-named fields. */
export function quarterlySummary(
  core: Core,
  input: QuarterlyInput,
  elsewhere?: CountElsewhere,
  day: string = today(core),
): QuarterlyReport {
  const r = quarterSummary(core, input, elsewhere, day);
  const { period, kind: _kind, from, to, comparison, ...rest } = r;
  return {
    quarter: period,
    period: { start: from, end: to },
    ...rest,
    comparison: {
      previousQuarter: comparison.previous.period,
      sameQuarterLastYear: comparison.lastYear.period,
      ...comparison,
    },
  };
}
