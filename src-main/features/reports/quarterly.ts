import type Database from 'better-sqlite3';
import type { Core } from '../../core';
import { today } from '../../core';
import { shiftQuarter } from '@shared/domain/quarter';
import {
  NOTES,
  RATE_DEFINITIONS,
  SCALAR_KEYS,
  type RateKey,
  type ScalarKey,
} from '@shared/reports/definitions';
import { periodParams, type PeriodParams } from './period';
import { resolveScope, scopeParams, type ResolvedScope, type ScopeInput } from './scope';
import { visitFigures, visitTotals, type Split, type VisitTotals } from './visitFigures';
import { categorySplit, demandTotals } from './demandFigures';
import { clinicTotals, followupTotals } from './serviceFigures';
import { activityTotals, outcomesByType, type OutcomesByType } from './activityFigures';

// The quarterly summary (季度走访工作总结) of shared/DOMAIN.md: every figure is counted in SQL
// (see visitFigures, demandFigures, serviceFigures); this module puts them together, adds the
// rates with their formulas and the comparison with the previous quarter and the same
// quarter of the previous year. How the scope applies: see scope.ts.

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

export interface QuarterlyReport {
  quarter: string;
  period: { start: string; end: string };
  /** The day the figures were read; before the quarter's end they are figures so far. */
  asOf: string;
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
  comparison: {
    previousQuarter: string;
    sameQuarterLastYear: string;
    figures: Record<ScalarKey, FigureChange>;
  };
  notes: { key: string; zh: string; en: string }[];
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
}

// The scalar figures of a quarter depend on the data only (not on "now"). A summary needs
// three quarters (the quarter, the previous one, the same one last year), so they are kept
// per connection and reused while the data is unchanged: PRAGMA data_version changes when
// another connection commits, total_changes() counts this connection's own writes, so any
// write anywhere makes the next call recompute. Splits are always computed afresh.
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

/**
 * `memo` comes from memoFor(), called before the first query of the call: the data read
 * afterwards is then never older than the version it is kept under.
 */
function scalarsOf(
  core: Core,
  memo: Map<string, Computed>,
  scope: ResolvedScope,
  period: PeriodParams,
  visits?: VisitTotals,
): Computed {
  const key = `${period.quarter}|${scope.key}`;
  let computed = memo.get(key);
  if (!computed) {
    computed = computeScalars(core, scope, period, visits);
    if (memo.size >= MEMO_SIZE) memo.delete(memo.keys().next().value!);
    memo.set(key, computed);
  }
  return structuredClone(computed);
}

/** The scalar figures and rates of one quarter (no splits). */
function computeScalars(
  core: Core,
  scope: ResolvedScope,
  period: PeriodParams,
  visits?: VisitTotals,
): Computed {
  const db = core.store.db;
  const p = { ...period, ...scopeParams(scope) };
  const v = visits ?? visitTotals(db, scope, p);
  const dm = demandTotals(db, scope, p);
  const fu = followupTotals(db, scope, p);
  const cl = clinicTotals(db, scope, p);
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
  };
  const scalars: ScalarFigures = {
    visits: v.visits,
    enterprisesVisited: v.enterprisesVisited,
    coverage: rates.coverage.value,
    solvedOnSite: v.solvedOnSite,
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
  };
}

/** The activity and outcome figures: the scalars computed above, and their splits by type. */
function activityFiguresOf(
  db: Database.Database,
  scope: ResolvedScope,
  p: Record<string, unknown>,
  s: ScalarFigures,
) {
  return {
    activities: s.activities,
    activitiesByType: activityTotals(db, scope, p).activitiesByType,
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

function monthsOf(period: PeriodParams): string[] {
  const y = period.qs.slice(0, 4);
  const m = Number(period.qs.slice(5, 7));
  return [m, m + 1, m + 2].map((n) => `${y}-${String(n).padStart(2, '0')}`);
}

export interface QuarterlyInput extends ScopeInput {
  quarter: string;
}

/** Scalar figures only, for one quarter (used by comparisons and benchmarks). */
export function quarterlyScalars(core: Core, input: QuarterlyInput): ScalarFigures {
  const memo = memoFor(core.store.db);
  return scalarsOf(core, memo, resolveScope(core, input), periodParams(input.quarter)).scalars;
}

export function quarterlySummary(core: Core, input: QuarterlyInput): QuarterlyReport {
  const memo = memoFor(core.store.db);
  const scope = resolveScope(core, input);
  const period = periodParams(input.quarter);
  const db = core.store.db;
  const p = { ...period, ...scopeParams(scope) };
  const visits = visitFigures(db, scope, p);
  const splits = visits.splits;
  const current = scalarsOf(core, memo, scope, period, visits.totals);
  const previousQuarter = shiftQuarter(period.quarter, -1);
  const sameQuarterLastYear = shiftQuarter(period.quarter, -4);
  const previous = scalarsOf(core, memo, scope, periodParams(previousQuarter)).scalars;
  const lastYear = scalarsOf(core, memo, scope, periodParams(sameQuarterLastYear)).scalars;

  const byMonth: Split = {};
  for (const m of monthsOf(period)) byMonth[m] = splits.byMonth[m] ?? { visits: 0, enterprisesVisited: 0 };
  const staffIds = Object.keys(splits.byStaff);
  const staffNames: Record<string, string> = {};
  if (staffIds.length) {
    const rows = db
      .prepare(`SELECT "id", "name" FROM staff WHERE "id" IN (${staffIds.map(() => '?').join(',')})`)
      .all(...staffIds) as { id: string; name: string | null }[];
    for (const r of rows) staffNames[r.id] = r.name ?? r.id;
  }
  const day = today(core);
  const s = current.scalars;
  return {
    quarter: period.quarter,
    period: { start: period.qs, end: period.qe },
    asOf: day,
    partial: day <= period.qe,
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
      newDemands: s.newDemands,
      carriedOver: s.carriedOver,
      // Not a scalar: the current quarter's only (comparisons do not need it).
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
      followups: s.followups,
      satisfactionRate: s.satisfactionRate,
      clinics: s.clinics,
      experts: s.experts,
      enterprisesServed: s.enterprisesServed,
      cooperationIntentions: s.cooperationIntentions,
      signedProjects: s.signedProjects,
      ...activityFiguresOf(db, scope, p, s),
    },
    rates: current.rates,
    details: {
      byMonth,
      satisfaction: current.satisfaction,
      workloadAtEnd: current.workloadAtEnd,
      staffNames,
    },
    comparison: {
      previousQuarter,
      sameQuarterLastYear,
      figures: compare(s, previous, lastYear),
    },
    notes: NOTES,
  };
}
