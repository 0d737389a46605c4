// An independent computation of the summary figures, for cross-checking the report: plain
// reads of whole tables and a replay of each demand's history in JavaScript. It shares no
// code with src-main/reports (only the calendar helpers of domain/dates and domain/period)
// and is slow on purpose: simple enough to check by reading.
import type Database from 'better-sqlite3';
import { wholeTable } from './oracleTables';
import { addDays, daysBetween, shanghaiDate } from '@shared/domain/dates';
import { parsePeriod } from '@shared/domain/period';
import { oracleActivityFigures } from './reports-oracle-activities';

export interface OracleScope {
  staffId?: string;
  town?: string;
}

type Row = Record<string, unknown>;
const s = (v: unknown) => (v === null || v === undefined ? null : String(v));
const OPEN = (status: string) => status !== 'closed' && status !== 'rejected';

interface SplitCounter {
  visits: Map<string, number>;
  ents: Map<string, Set<string>>;
}
function counter(): SplitCounter {
  return { visits: new Map(), ents: new Map() };
}
function add(c: SplitCounter, key: string, eid: string) {
  c.visits.set(key, (c.visits.get(key) ?? 0) + 1);
  if (!c.ents.has(key)) c.ents.set(key, new Set());
  c.ents.get(key)!.add(eid);
}
function out(c: SplitCounter) {
  return Object.fromEntries(
    [...c.visits].map(([k, n]) => [k, { visits: n, enterprisesVisited: c.ents.get(k)!.size }]),
  );
}
const ratio = (a: number, b: number) => (b === 0 ? null : a / b);

/**
 * The figures of `period` (a quarter, month, …) counted up to `asOf` when it is given and
 * before the period's last day: every "at end" figure is then taken at asOf.
 */
export function oracleFigures(db: Database.Database, period: string, scope: OracleScope = {}, asOf?: string) {
  const p = parsePeriod(period);
  const q = { start: p.start, end: asOf && asOf < p.end ? asOf : p.end };
  const all = (table: string) => wholeTable(db, table) as Row[];
  const enterprises = new Map(all('enterprises').map((e) => [e.id as string, e]));
  const liveEnt = (id: unknown) => {
    const e = enterprises.get(String(id));
    return e && !e.deletedAt ? e : null;
  };
  // Records of deleted enterprises never count; one whose enterprise is unknown (not arrived
  // yet) counts for the bureau and a staff member, not for a town.
  const enterpriseOk = (id: unknown) => {
    const e = enterprises.get(String(id));
    if (e?.deletedAt) return false;
    return !scope.town || e?.town === scope.town;
  };

  // --- visits
  const visits = all('visits').filter((v) => {
    if (v.deletedAt || v.status === 'draft') return false;
    if (String(v.date) < q.start || String(v.date) > q.end) return false;
    if (!enterpriseOk(v.enterpriseId)) return false;
    return !scope.staffId || v.leadStaffId === scope.staffId;
  });
  const visited = new Set(visits.map((v) => String(v.enterpriseId)));
  const byMode = counter();
  const byTown = counter();
  const byIndustry = counter();
  const byTier = counter();
  const byStaff = counter();
  const year = Number(q.end.slice(0, 4));
  for (const v of visits) {
    const eid = String(v.enterpriseId);
    const e = enterprises.get(eid) ?? {};
    add(byMode, s(v.mode) || 'unknown', eid);
    add(byTown, s(e.town) || 'unknown', eid);
    add(byIndustry, (s(e.industry) ?? '').slice(0, 1).toUpperCase() || 'unknown', eid);
    add(byStaff, s(v.leadStaffId) || 'unknown', eid);
    const tiers = (
      JSON.parse(String(e.tiers ?? '[]')) as { tier: string; year: number; expiresOn?: string | null }[]
    )
      .filter((t) => t.year <= year && (!t.expiresOn || t.expiresOn >= q.start))
      .map((t) => t.tier);
    for (const tier of tiers.length ? new Set(tiers) : ['none']) add(byTier, tier, eid);
  }
  const base = [...enterprises.values()].filter(
    (e) =>
      !e.deletedAt &&
      e.liaisonStaffId &&
      (!scope.staffId || e.liaisonStaffId === scope.staffId) &&
      (!scope.town || e.town === scope.town),
  );
  const covered = base.filter((e) => visited.has(String(e.id))).length;

  // --- demands: replay each history
  const history = new Map<string, Row[]>();
  for (const h of all('demand_history')) {
    // A superseded move never applied: the replay left it out of the demand's state.
    if (h.deletedAt || h.superseded) continue;
    const list = history.get(String(h.demandId)) ?? [];
    list.push(h);
    history.set(String(h.demandId), list);
  }
  const startMs = Date.parse(`${q.start}T00:00:00+08:00`);
  const endMs = Date.parse(`${addDays(q.end, 1)}T00:00:00+08:00`);
  const lastClosureType = db.prepare(
    `SELECT "value" FROM changes WHERE "tbl" = 'demands' AND "rowId" = ? AND "field" = 'closureType' AND "value" IS NOT NULL ORDER BY "hlc" DESC LIMIT 1`,
  );
  let newDemands = 0;
  let carriedOver = 0;
  let closed = 0;
  let closedOfWorkload = 0;
  let substantive = 0;
  let onTime = 0;
  let days = 0;
  let openAtEnd = 0;
  let overdueAtEnd = 0;
  let supervised = 0;
  let extensions = 0;
  let firstRepliesDue = 0;
  let firstRepliesOnTime = 0;
  const units = new Map(all('units').map((u) => [String(u.id), u]));
  const byUnit: Record<
    string,
    {
      name: string;
      assigned: number;
      closed: number;
      onTime: number;
      openAtEnd: number;
      overdueAtEnd: number;
    }
  > = {};
  const byCategory: Record<string, number> = {};
  for (const d of all('demands')) {
    if (d.deletedAt || !enterpriseOk(d.enterpriseId)) continue;
    if (scope.staffId && d.assigneeStaffId !== scope.staffId) continue;
    const received = String(d.receivedAt);
    const rday = shanghaiDate(received);
    if (rday > q.end) continue;
    const moves = (history.get(String(d.id)) ?? []).sort(
      (a, b) =>
        Date.parse(String(a.at)) - Date.parse(String(b.at)) || String(a.id).localeCompare(String(b.id)),
    );
    if (!moves.length) {
      // Without history: pending from receipt, closed at closedAt; otherwise as now.
      if (d.status === 'closed' && d.closedAt) {
        moves.push(
          { at: received, from: null, to: 'pending', id: '' },
          { at: d.closedAt, from: 'pending', to: 'closed', id: '~' },
        );
      } else moves.push({ at: received, from: null, to: d.status, id: '' });
    }
    const before = (ms: number) => moves.filter((m) => Date.parse(String(m.at)) < ms);
    const atStart = before(startMs);
    const atEnd = before(endMs);
    const s0 = atStart.length ? String(atStart[atStart.length - 1]!.to) : 'pending';
    const last = atEnd[atEnd.length - 1];
    const s1 = last ? String(last.to) : 'pending';
    let heldBy = 0;
    let holdStart: string | null = null;
    for (const m of atEnd) {
      const day = shanghaiDate(String(m.at));
      if (m.to === 'on_hold' && m.from !== 'on_hold') holdStart = day;
      if (m.from === 'on_hold' && m.to !== 'on_hold' && holdStart) {
        heldBy += Math.max(0, daysBetween(holdStart, day));
        holdStart = null;
      }
    }
    const isNew = rday >= q.start;
    const carried = !isNew && OPEN(s0);
    const open = OPEN(s1);
    const isClosed = s1 === 'closed' && !!last && Date.parse(String(last.at)) >= startMs;
    const held = Number(d.onHoldDays ?? 0);
    const dueEnd = d.dueDate ? addDays(String(d.dueDate), -Math.max(0, held - heldBy)) : null;
    // 按时答复率 (asOf = the period's last day): received in it, first reply due by then.
    if (isNew && d.firstReplyDue && String(d.firstReplyDue) <= q.end) {
      firstRepliesDue += 1;
      if (d.firstRepliedAt && shanghaiDate(String(d.firstRepliedAt)) <= String(d.firstReplyDue))
        firstRepliesOnTime += 1;
    }
    if (isNew) {
      newDemands += 1;
      for (const c of JSON.parse(String(d.categories)) as string[]) byCategory[c] = (byCategory[c] ?? 0) + 1;
    }
    if (carried) carriedOver += 1;
    // 督办 before the end, on the quarter's workload; extensions approved in the quarter.
    const events = history.get(String(d.id)) ?? [];
    const inQuarter = (e: Row) => Date.parse(String(e.at)) >= startMs && Date.parse(String(e.at)) < endMs;
    if ((isNew || carried) && events.some((e) => e.type === 'supervised' && Date.parse(String(e.at)) < endMs))
      supervised += 1;
    extensions += events.filter(
      (e) =>
        e.type === 'extension_decided' &&
        inQuarter(e) &&
        (JSON.parse(String(e.data)) as { approve?: boolean }).approve === true,
    ).length;
    if (open) {
      openAtEnd += 1;
      const judgedOn = s1 === 'on_hold' && holdStart ? holdStart : q.end;
      if (dueEnd && judgedOn > dueEnd) overdueAtEnd += 1;
    }
    if (isClosed) {
      closed += 1;
      if (isNew || carried) closedOfWorkload += 1;
      const closedOn = shanghaiDate(String(last!.at));
      if (!dueEnd || closedOn <= dueEnd) onTime += 1;
      days += daysBetween(rday, closedOn) - heldBy;
      const type = d.closureType ?? (lastClosureType.get(d.id) as { value: string } | undefined)?.value;
      if (type === 'substantive') substantive += 1;
    }
    // Per lead unit (the unit it has now): any demand that counts in one of its columns.
    const unitId = s(d.leadUnitId);
    if (unitId && (isNew || carried || isClosed || open)) {
      const u = (byUnit[unitId] ??= {
        name: s(units.get(unitId)?.name) ?? unitId,
        assigned: 0,
        closed: 0,
        onTime: 0,
        openAtEnd: 0,
        overdueAtEnd: 0,
      });
      if (isNew || carried) u.assigned += 1;
      if (open) u.openAtEnd += 1;
      if (open && dueEnd && (s1 === 'on_hold' && holdStart ? holdStart : q.end) > dueEnd) u.overdueAtEnd += 1;
      if (isClosed) {
        u.closed += 1;
        if (!dueEnd || shanghaiDate(String(last!.at)) <= dueEnd) u.onTime += 1;
      }
    }
  }

  // --- follow-ups
  const demandsById = new Map(all('demands').map((d) => [String(d.id), d]));
  const visitsById = new Map(all('visits').map((v) => [String(v.id), v]));
  const clinics = all('clinics');
  const clinicsById = new Map(clinics.map((c) => [String(c.id), c]));
  const clinicEnterprises = (c: Row) =>
    (JSON.parse(String(c.enterprises ?? '[]')) as { enterpriseId: string }[])
      .map((x) => liveEnt(x.enterpriseId))
      .filter((e): e is Row => !!e);
  const satisfaction: Record<string, number> = {};
  let followups = 0;
  for (const f of all('followups')) {
    if (f.deletedAt || !f.doneAt) continue;
    const day = shanghaiDate(String(f.doneAt));
    if (day < q.start || day > q.end) continue;
    if (scope.staffId && f.ownerStaffId !== scope.staffId) continue;
    let ok = false;
    if (f.parentType === 'demand' || f.parentType === 'visit') {
      const parent = (f.parentType === 'demand' ? demandsById : visitsById).get(String(f.parentId));
      ok = !!parent && !parent.deletedAt && parent.status !== 'draft' && enterpriseOk(parent.enterpriseId);
    } else if (f.parentType === 'clinic') {
      const c = clinicsById.get(String(f.parentId));
      ok = !!c && !c.deletedAt && (!scope.town || clinicEnterprises(c).some((e) => e.town === scope.town));
    }
    if (!ok) continue;
    followups += 1;
    const k = s(f.satisfaction) ?? 'none';
    satisfaction[k] = (satisfaction[k] ?? 0) + 1;
  }
  const rated =
    (satisfaction.satisfied ?? 0) + (satisfaction.mostly_satisfied ?? 0) + (satisfaction.dissatisfied ?? 0);

  // --- clinics (not attributable to a staff member)
  let clinicFigures: Record<string, number | null> = {
    clinics: null,
    experts: null,
    enterprisesServed: null,
    cooperationIntentions: null,
    signedProjects: null,
  };
  if (!scope.staffId) {
    const liveExperts = new Set(
      all('experts')
        .filter((x) => !x.deletedAt)
        .map((x) => String(x.id)),
    );
    const held = clinics.filter(
      (c) =>
        !c.deletedAt &&
        String(c.date) >= q.start &&
        String(c.date) <= q.end &&
        ['held', 'written_up', 'closed'].includes(String(c.status)) &&
        (!scope.town || clinicEnterprises(c).some((e) => e.town === scope.town)),
    );
    const experts = new Set(
      held
        .flatMap((c) => JSON.parse(String(c.expertIds ?? '[]')) as string[])
        .filter((x) => liveExperts.has(x)),
    );
    const served = new Set(
      held.flatMap((c) =>
        clinicEnterprises(c)
          .filter((e) => !scope.town || e.town === scope.town)
          .map((e) => String(e.id)),
      ),
    );
    clinicFigures = {
      clinics: held.length,
      experts: experts.size,
      enterprisesServed: served.size,
      cooperationIntentions: held.reduce((a, c) => a + Number(c.cooperationIntentions ?? 0), 0),
      signedProjects: held.reduce((a, c) => a + Number(c.signedProjects ?? 0), 0),
    };
  }

  // --- 梯次培育: live enterprises of the scope (staff: those they are liaison for) per tier.
  const tierStock: Record<string, number> = {};
  const tierNew: Record<string, number> = {};
  for (const e of enterprises.values()) {
    if (e.deletedAt) continue;
    if (scope.staffId && e.liaisonStaffId !== scope.staffId) continue;
    if (scope.town && e.town !== scope.town) continue;
    const tiers = JSON.parse(String(e.tiers ?? '[]')) as {
      tier: string;
      year: number;
      expiresOn?: string | null;
    }[];
    const held = new Set(
      tiers.filter((t) => t.year <= year && (!t.expiresOn || t.expiresOn >= q.end)).map((t) => t.tier),
    );
    const fresh = new Set(tiers.filter((t) => t.year === year).map((t) => t.tier));
    for (const t of held) tierStock[t] = (tierStock[t] ?? 0) + 1;
    for (const t of fresh) tierNew[t] = (tierNew[t] ?? 0) + 1;
  }
  const leaders = new Set(
    all('staff')
      .filter((m) => m.position === 'leader')
      .map((m) => String(m.id)),
  );

  return {
    visits: visits.length,
    enterprisesVisited: visited.size,
    coverage: ratio(covered, base.length),
    byMode: out(byMode),
    byTown: out(byTown),
    byIndustry: out(byIndustry),
    byTier: out(byTier),
    byStaff: out(byStaff),
    solvedOnSite: visits.filter((v) => v.solvedOnSite === 1).length,
    leaderVisits: visits.filter((v) => leaders.has(String(v.leadStaffId))).length,
    newDemands,
    carriedOver,
    byCategory,
    closed,
    closureRate: ratio(closedOfWorkload, newDemands + carriedOver),
    substantiveRate: ratio(substantive, closed),
    onTimeRate: ratio(onTime, closed),
    avgDaysToClose: ratio(days, closed),
    openAtEnd,
    overdueAtEnd,
    supervised,
    extensions,
    firstReplyRate: ratio(firstRepliesOnTime, firstRepliesDue),
    byUnit: Object.fromEntries(
      Object.entries(byUnit).map(([id, { onTime, ...u }]) => [
        id,
        { ...u, onTimeRate: ratio(onTime, u.closed) },
      ]),
    ),
    tierStock,
    tierNew,
    followups,
    satisfactionRate: ratio((satisfaction.satisfied ?? 0) + (satisfaction.mostly_satisfied ?? 0), rated),
    ...clinicFigures,
    ...oracleActivityFigures(db, q, scope),
  };
}
