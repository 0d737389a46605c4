import { msg } from '@shared/messages';
import type { Core } from '../../core';
import { getRow } from '../../store/records';
import { ApiError, invalid, notFound } from '@shared/contract/errors';

// Who a summary is about: the whole bureau, one staff member, one town or one unit (承办单位).
//
// How the scope applies to each group of figures (also returned in `scope.rules`):
//   visits & splits   staff: visits the member LED (leadStaffId), so per-staff figures add up
//                     to the bureau's; town: visits to enterprises whose town is the town.
//   coverage          base = live enterprises with a liaison; staff: those whose liaison
//                     (包联人) is the member; town: those in the town. Numerator = base
//                     enterprises among the scope's visited enterprises.
//   demands           staff: demands currently assigned to the member (assigneeStaffId; the
//                     history does not record past assignees); town: demands of the town's
//                     enterprises.
//   follow-ups        staff: follow-ups the member owns; town: follow-ups whose parent demand
//                     or visit belongs to a town enterprise, or whose parent clinic diagnosed one.
//   clinics           staff: not attributable to one staff member (clinics carry no staff):
//                     the clinic figures are null; town: clinics that diagnosed at least one
//                     live enterprise of the town; enterprisesServed counts only the town's
//                     enterprises, experts and outcomes are those of the whole clinics.
//   unit              demands whose lead unit (主办单位) is the unit, and the follow-ups of
//                     those demands; visits and clinics are not handed to units: visits count
//                     0 (coverage has no base) and the clinic figures are null.
//   activities        service activities and outcomes (成效): see activityFigures.ts.

export type ScopeType = 'bureau' | 'staff' | 'town' | 'unit';

export interface ScopeInput {
  staffId?: string | undefined;
  town?: string | undefined;
  unitId?: string | undefined;
}

export interface ResolvedScope {
  type: ScopeType;
  staffId: string | null;
  staffName: string | null;
  town: string | null;
  unitId: string | null;
  unitName: string | null;
  /** Stable key, e.g. `bureau`, `staff:<id>`, `town:<name>`, `unit:<id>` (narratives are saved per key). */
  key: string;
  label: { zh: string; en: string };
  rules: ScopeRule[];
}

export interface ScopeRule {
  group: 'visits' | 'coverage' | 'demands' | 'followups' | 'clinics' | 'activities';
  zh: string;
  en: string;
}

const BUREAU_RULES: ScopeRule[] = [
  {
    group: 'visits',
    zh: '全局所有走访记录（不含草稿、已删除）',
    en: 'all visits of the bureau (no drafts, no deleted records)',
  },
  { group: 'coverage', zh: '分母为有包联人的在册企业', en: 'base: live enterprises with a liaison' },
  { group: 'demands', zh: '全部企业需求', en: 'all demands' },
  { group: 'followups', zh: '全部回访', en: 'all follow-ups' },
  { group: 'clinics', zh: '全部专家会诊', en: 'all expert clinics' },
  { group: 'activities', zh: '全部服务活动与成效', en: 'all service activities and outcomes' },
];

const STAFF_RULES: ScopeRule[] = [
  { group: 'visits', zh: '该人员作为带队人的走访', en: 'visits the staff member led (lead staff)' },
  {
    group: 'coverage',
    zh: '分母为该人员包联的在册企业',
    en: 'base: live enterprises the staff member is liaison for',
  },
  { group: 'demands', zh: '当前交办给该人员的需求', en: 'demands currently assigned to the staff member' },
  { group: 'followups', zh: '该人员负责的回访', en: 'follow-ups the staff member owns' },
  {
    group: 'clinics',
    zh: '专家会诊不归属个人，按人员统计时不适用（为空）',
    en: 'expert clinics are not attributable to one staff member: null in staff scope',
  },
  {
    group: 'activities',
    zh: '该人员组织的服务活动；该人员包联企业的成效',
    en: 'activities the staff member organised; outcomes of the enterprises the member is liaison for',
  },
];

const TOWN_RULES: ScopeRule[] = [
  { group: 'visits', zh: '对该镇街企业的走访', en: "visits to the town's enterprises" },
  {
    group: 'coverage',
    zh: '分母为该镇街有包联人的在册企业',
    en: 'base: live enterprises of the town with a liaison',
  },
  { group: 'demands', zh: '该镇街企业提出的需求', en: "demands of the town's enterprises" },
  {
    group: 'followups',
    zh: '对象为该镇街企业的需求、走访或诊断了该镇街企业的会诊的回访',
    en: "follow-ups of the town's demands and visits, and of clinics that diagnosed a town enterprise",
  },
  {
    group: 'clinics',
    zh: '诊断了该镇街企业的会诊；服务企业数只计该镇街企业，专家数与成果为整场会诊的数字',
    en: "clinics that diagnosed a town enterprise; enterprises served counts the town's only, experts and outcomes are whole-clinic figures",
  },
  {
    group: 'activities',
    zh: '该镇街企业参加的服务活动（覆盖企业只计该镇街企业，参加人次为整场活动的数字）；该镇街企业的成效',
    en: "activities a town enterprise took part in (enterprises reached counts the town's only, attendees are whole-activity figures); outcomes of the town's enterprises",
  },
];

const UNIT_RULES: ScopeRule[] = [
  {
    group: 'visits',
    zh: '走访不交办给承办单位，按单位统计时不适用（计为0）',
    en: 'visits are not handed to units: not applicable in unit scope (counted as 0)',
  },
  { group: 'coverage', zh: '不适用', en: 'not applicable' },
  { group: 'demands', zh: '主办单位为该单位的需求', en: 'demands the unit leads (lead unit)' },
  { group: 'followups', zh: '上述需求的回访', en: 'follow-ups of those demands' },
  {
    group: 'clinics',
    zh: '专家会诊不归属承办单位，按单位统计时不适用（为空）',
    en: 'expert clinics are not attributable to a unit: null in unit scope',
  },
  {
    group: 'activities',
    zh: '服务活动不交办给承办单位（计为0）；成效为回应该单位主办需求的成效',
    en: 'activities are not handed to units (counted as 0); outcomes answering demands the unit leads',
  },
];

/** The live staff member or unit a scope names; refused (naming the field) otherwise. */
function liveNamed(core: Core, kind: 'staff' | 'units', id: string, field: string): string {
  const row = getRow(core.store, kind, id);
  if (!row) throw notFound(`kind.${kind}`, id, field);
  if (row.deletedAt) throw invalid(field, msg('record.deleted', { kind: { key: `kind.${kind}` }, id }));
  return row.name ?? id;
}

/** A town is one that some live enterprise is in. */
function requireTown(core: Core, town: string): void {
  const known = core.store.db
    .prepare(`SELECT 1 FROM enterprises WHERE "town" = ? AND "deletedAt" IS NULL LIMIT 1`)
    .get(town);
  if (!known)
    throw new ApiError('NOT_FOUND', msg('report.noTown', { town }), {
      field: 'town',
      town,
    });
}

const NO_ONE = { staffId: null, staffName: null, town: null, unitId: null, unitName: null };

export function resolveScope(core: Core, input: ScopeInput): ResolvedScope {
  const given = (['staffId', 'town', 'unitId'] as const).filter((k) => input[k]);
  if (given.length > 1) {
    throw invalid(given[1]!, msg('report.oneScope', { given: given.join(' and ') }));
  }
  if (input.unitId) {
    const name = liveNamed(core, 'units', input.unitId, 'unitId');
    return {
      ...NO_ONE,
      type: 'unit',
      unitId: input.unitId,
      unitName: name,
      key: `unit:${input.unitId}`,
      label: { zh: `承办单位：${name}`, en: `unit: ${name}` },
      rules: UNIT_RULES,
    };
  }
  if (input.staffId) {
    const name = liveNamed(core, 'staff', input.staffId, 'staffId');
    return {
      ...NO_ONE,
      type: 'staff',
      staffId: input.staffId,
      staffName: name,
      key: `staff:${input.staffId}`,
      label: { zh: `人员：${name}`, en: `staff member: ${name}` },
      rules: STAFF_RULES,
    };
  }
  const town = input.town?.trim();
  if (town) {
    requireTown(core, town);
    return {
      ...NO_ONE,
      type: 'town',
      town,
      key: `town:${town}`,
      label: { zh: `镇街：${town}`, en: `town: ${town}` },
      rules: TOWN_RULES,
    };
  }
  return {
    ...NO_ONE,
    type: 'bureau',
    key: 'bureau',
    label: { zh: '全局', en: 'whole bureau' },
    rules: BUREAU_RULES,
  };
}

/** Named SQL parameters shared by every report query. */
export interface ScopeParams {
  staffId: string | null;
  town: string | null;
  unitId: string | null;
}

export const scopeParams = (s: ResolvedScope): ScopeParams => ({
  staffId: s.staffId,
  town: s.town,
  unitId: s.unitId,
});

/**
 * SQL conditions per record kind, besides `enterpriseFilter`. Aliases: visits `v`, demands
 * `t`, follow-ups `f`, clinics `c`, coverage base enterprises `b`.
 */
export function scopeSql(s: ResolvedScope) {
  switch (s.type) {
    case 'staff':
      return {
        visits: `v."leadStaffId" = @staffId`,
        base: `b."liaisonStaffId" = @staffId`,
        demands: `t."assigneeStaffId" = @staffId`,
        followups: `f."ownerStaffId" = @staffId`,
        clinics: null,
      };
    case 'town':
      return {
        visits: '1',
        base: `b."town" = @town`,
        demands: '1',
        // The town is checked on the follow-up's parent (see serviceFigures.followupsFrom).
        followups: '1',
        clinics: townEnterpriseInClinic('c'),
      };
    case 'unit':
      return {
        visits: '0',
        base: '0',
        // By id: the demand queries read a few columns of `t`, and the lead unit is not one.
        demands: `t."id" IN (SELECT u."id" FROM demands u WHERE u."leadUnitId" = @unitId)`,
        followups: `f."parentType" = 'demand' AND f."parentId" IN (SELECT u."id" FROM demands u WHERE u."leadUnitId" = @unitId)`,
        clinics: null,
      };
    default:
      return { visits: '1', base: '1', demands: '1', followups: '1', clinics: '1' };
  }
}

/** The clinic (alias) diagnosed at least one live enterprise of the town. */
export const townEnterpriseInClinic = (alias: string): string =>
  `EXISTS (SELECT 1 FROM json_each(${alias}."enterprises") j JOIN enterprises je
     ON je."id" = json_extract(j.value, '$.enterpriseId') AND je."deletedAt" IS NULL AND je."town" = @town)`;

/**
 * Keeps records of the scope's enterprises and drops those of deleted enterprises. Bureau and
 * staff scope test against the (usually empty) set of deleted enterprises, which is nearly free
 * per row; a record whose enterprise has not arrived yet (sync) still counts. Town scope keeps
 * the town's live enterprises. `+` keeps SQLite from driving the query by the enterprise index.
 */
export function enterpriseFilter(s: ResolvedScope, column: string): string {
  return s.type === 'town'
    ? `+${column} IN (SELECT e."id" FROM enterprises e WHERE e."deletedAt" IS NULL AND e."town" = @town)`
    : `+${column} NOT IN (SELECT e."id" FROM enterprises e WHERE e."deletedAt" IS NOT NULL)`;
}

/**
 * enterpriseFilter's enterprises as a CTE `name` (to be tested with enterpriseFilterOf), for a
 * statement that filters in many places: each enterpriseFilter builds its set anew, reading
 * every enterprise (~0.16 ms at ×20), where the CTE is read once per statement.
 */
export function enterpriseSetSql(s: ResolvedScope, name: string): string {
  return s.type === 'town'
    ? `${name} AS MATERIALIZED (SELECT e."id" FROM enterprises e WHERE e."deletedAt" IS NULL AND e."town" = @town)`
    : `${name} AS MATERIALIZED (SELECT e."id" FROM enterprises e WHERE e."deletedAt" IS NOT NULL)`;
}

/** enterpriseFilter against the set of enterpriseSetSql named `name`. */
export function enterpriseFilterOf(s: ResolvedScope, column: string, name: string): string {
  return `+${column} ${s.type === 'town' ? 'IN' : 'NOT IN'} (SELECT "id" FROM ${name})`;
}
