// The settings screen's bureau part: the limits, name and towns (settings.get/set) and one year of the
// holiday calendar being edited (calendar.get/set), with the pasted notice read into it.
import { create } from 'zustand';
import type { MethodInput, MethodOutput } from '@shared/contract/contract';
import { parseHolidayNotice } from '@shared/domain/holidayNotice';
import { isWeekend } from '@shared/domain/workingDays';
import { call, toApiError, type ApiError } from '../api';

type Settings = MethodOutput<'settings.get'>;

/** What a pasted notice added to the year, and the dates it named in other years. */
export interface NoticeRead {
  holidays: number;
  workdays: number;
  otherYears: number;
}

interface WorkCalendarState {
  settings: Settings | null;
  year: number;
  holidays: string[];
  workdays: string[];
  /** The year's lists differ from the saved ones. */
  dirty: boolean;
  read: NoticeRead | null;
  /** The last refusal of the settings' calls, and of the year's. */
  settingsError: ApiError | null;
  yearError: ApiError | null;
  busy: boolean;
  loadSettings(): Promise<void>;
  saveSettings(patch: MethodInput<'settings.set'>): Promise<boolean>;
  loadYear(year: number): Promise<void>;
  /** A weekday becomes a holiday or back; a weekend day becomes a worked day or back. */
  toggle(date: string): void;
  readNotice(text: string): void;
  saveYear(): Promise<boolean>;
}

const minus = (list: readonly string[], dates: readonly string[]) => list.filter((d) => !dates.includes(d));
const sorted = (set: Iterable<string>) => [...new Set(set)].sort();

export const useWorkCalendar = create<WorkCalendarState>((set, get) => {
  /** Runs a call, keeping its refusal to show; true when it went through. */
  async function run(errorKey: 'settingsError' | 'yearError', work: () => Promise<void>): Promise<boolean> {
    set({ busy: true, [errorKey]: null });
    try {
      await work();
      set({ busy: false });
      return true;
    } catch (e) {
      set({ busy: false, [errorKey]: toApiError(e) });
      return false;
    }
  }
  return {
    settings: null,
    year: new Date().getFullYear(),
    holidays: [],
    workdays: [],
    dirty: false,
    read: null,
    settingsError: null,
    yearError: null,
    busy: false,
    async loadSettings() {
      await run('settingsError', async () => set({ settings: await call('settings.get', {}) }));
    },
    saveSettings(patch) {
      return run('settingsError', async () => {
        set({ settings: await call('settings.set', patch) });
      });
    },
    async loadYear(year) {
      set({ year, holidays: [], workdays: [], dirty: false, read: null });
      await run('yearError', async () => {
        const y = await call('calendar.get', { year });
        if (get().year === year) set({ holidays: y.holidays, workdays: y.workdays });
      });
    },
    toggle(date) {
      const { holidays, workdays } = get();
      if (holidays.includes(date)) set({ holidays: minus(holidays, [date]) });
      else if (workdays.includes(date)) set({ workdays: minus(workdays, [date]) });
      else if (isWeekend(date)) set({ workdays: sorted([...workdays, date]) });
      else set({ holidays: sorted([...holidays, date]) });
      set({ dirty: true, read: null });
    },
    readNotice(text) {
      const { year, holidays, workdays } = get();
      const found = parseHolidayNotice(text, year);
      const inYear = (d: string) => d.startsWith(`${year}-`);
      const newHolidays = found.holidays.filter(inYear);
      const newWorkdays = found.workdays.filter(inYear);
      // What the notice says of a date wins over what the year held.
      set({
        holidays: sorted([...minus(holidays, newWorkdays), ...newHolidays]),
        workdays: sorted([...minus(workdays, newHolidays), ...newWorkdays]),
        dirty: true,
        read: {
          holidays: newHolidays.length,
          workdays: newWorkdays.length,
          otherYears: found.holidays.length + found.workdays.length - newHolidays.length - newWorkdays.length,
        },
      });
    },
    saveYear() {
      const { year, holidays, workdays } = get();
      return run('yearError', async () => {
        const saved = await call('calendar.set', { year, holidays, workdays });
        set({ holidays: saved.holidays, workdays: saved.workdays, dirty: false });
      });
    },
  };
});
