import { v5 as uuidv5 } from 'uuid';
import { type Core, requireSupervisor } from '../../core';
import type { Store } from '../../store/db';
import { getRow, insertRecord, preparedOn, updateRecord } from '../../store/records';
import { invalid, issue } from '@shared/contract/errors';
import type { CalendarYearView, Settings } from '@shared/contract/settings';
import { DEFAULT_SLA, type Sla } from '@shared/domain/workflow';
import { checkedTowns, townsInUse } from './towns';
import { checkedIndustries } from './industries';
import {
  calendarProblems,
  workCalendar,
  type CalendarYear,
  type WorkCalendar,
} from '@shared/domain/workingDays';

// The bureau's settings and its working-day calendar (shared/DOMAIN.md, "settings", "Working
// days"): synced records whose ids are derived from what they hold (the one settings record,
// one record per year), so the same year set on two laptops is one record after sync, merged
// field by field, rather than two. Only supervisors change them.

const NAMESPACE = '2b0d6c8e-41f7-4a5e-9c3d-7e1f0a9b6d24';
const SETTINGS_ID = uuidv5('settings', NAMESPACE);
export const calendarId = (year: number): string => uuidv5(`calendar|${year}`, NAMESPACE);

function liveSettings(core: Core) {
  const row = getRow(core.store, 'settings', SETTINGS_ID);
  return row && !row.deletedAt ? row : null;
}

export function getSettings(core: Core): Settings {
  const live = liveSettings(core);
  return {
    orgName: live?.orgName ?? null,
    sla: { ...DEFAULT_SLA, ...(live?.sla ?? {}) },
    towns: live?.towns ?? townsInUse(core),
    industries: live?.industries ?? [],
    updatedAt: live?.updatedAt ?? null,
    updatedByStaff: live?.updatedByStaff ?? null,
  };
}

/**
 * The towns an enterprise's town is checked against. Until a list is set, the towns the other
 * live enterprises use: the enterprise being saved does not vouch for its own town.
 */
export function townListFor(core: Core, enterpriseId: string | null): string[] {
  return liveSettings(core)?.towns ?? townsInUse(core, enterpriseId);
}

/** The bureau's own industries, checked beside the GB/T 4754-2017 list. */
export const customIndustriesOf = (core: Core): string[] => liveSettings(core)?.industries ?? [];

/** The limits a demand received now is given (as getSettings has them, without listing the towns). */
export const slaOf = (core: Core): Sla => ({ ...DEFAULT_SLA, ...(liveSettings(core)?.sla ?? {}) });

export function setSettings(
  core: Core,
  input: {
    orgName?: string | null | undefined;
    sla?: Partial<Sla> | undefined;
    towns?: string[] | undefined;
    industries?: string[] | undefined;
  },
): Settings {
  const field = input.sla ? 'sla' : input.towns ? 'towns' : input.industries ? 'industries' : 'orgName';
  requireSupervisor(core, 'act.settings', field);
  const patch: Record<string, unknown> = {};
  if (input.towns) patch.towns = checkedTowns(input.towns);
  if (input.industries) patch.industries = checkedIndustries(input.industries);
  if (input.orgName !== undefined) patch.orgName = input.orgName?.trim() || null;
  // Limits given in part keep the others: a change applies to demands received afterwards.
  if (input.sla) patch.sla = { ...getSettings(core).sla, ...input.sla };
  const row = getRow(core.store, 'settings', SETTINGS_ID);
  if (!row) insertRecord(core.store, 'settings', patch, SETTINGS_ID);
  else
    updateRecord(core.store, 'settings', SETTINGS_ID, {
      ...patch,
      ...(row.deletedAt ? { deletedAt: null } : {}),
    });
  return getSettings(core);
}

export function getCalendar(core: Core, { year }: { year: number }): CalendarYearView {
  const row = getRow(core.store, 'calendars', calendarId(year));
  const live = row && !row.deletedAt ? row : null;
  return {
    year,
    holidays: live?.holidays ?? [],
    workdays: live?.workdays ?? [],
    updatedAt: live?.updatedAt ?? null,
  };
}

/** Records a year's official list, replacing the one it had; refused whole at the first bad date. */
export function setCalendar(core: Core, input: CalendarYear): CalendarYearView {
  requireSupervisor(core, 'act.calendar', 'year');
  const problems = calendarProblems(input);
  if (problems.length) {
    const first = problems[0]!;
    throw invalid(first.field, first.msg, { issues: problems.map((p) => issue(p.field, p.msg)) });
  }
  const values = {
    year: input.year,
    holidays: [...input.holidays].sort(),
    workdays: [...input.workdays].sort(),
  };
  const id = calendarId(input.year);
  const row = getRow(core.store, 'calendars', id);
  if (!row) insertRecord(core.store, 'calendars', values, id);
  else
    updateRecord(core.store, 'calendars', id, { ...values, ...(row.deletedAt ? { deletedAt: null } : {}) });
  return getCalendar(core, input);
}

/** Every year's list this laptop holds: what working days are counted by. */
export const workCalendarOf = (core: Core): WorkCalendar => workCalendarIn(core.store);

export function workCalendarIn(store: Store): WorkCalendar {
  const rows = preparedOn(
    store.db,
    `SELECT "year", "holidays", "workdays" FROM calendars WHERE "deletedAt" IS NULL`,
  ).all() as { year: number; holidays: string | null; workdays: string | null }[];
  return workCalendar(
    rows.map((r) => ({
      year: r.year,
      holidays: JSON.parse(r.holidays ?? '[]') as string[],
      workdays: JSON.parse(r.workdays ?? '[]') as string[],
    })),
  );
}
