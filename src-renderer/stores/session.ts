// Who and where: app.info, the staff list for pickers, badges, and a version per kind of data
// that screens watch to reload what a write changed.
import { create } from 'zustand';
import type { MethodOutput } from '@shared/contract/contract';
import type { Staff } from '@shared/contract/schemas';
import { call, toApiError, type ApiError } from '../api';
import { DATA_KINDS, type DataKind } from './dataKinds';
import { notify } from './notices';

type AppInfo = MethodOutput<'app.info'>;

interface SessionState {
  info: AppInfo | null;
  loadError: ApiError | null;
  staff: Staff[];
  /** My overdue demands + late follow-ups (the navigation badge). */
  myLate: number;
  /** Overdue open demands of the whole bureau (the board badge). */
  bureauOverdue: number;
  /** Open sync conflicts (the Conflicts badge). */
  openConflicts: number;
  /** Set when this machine's clock is behind the newest clock it has seen (the shell's banner). */
  clockBehind: MethodOutput<'sync.status'>['clockBehind'];
  /** Bumped per kind of data after a change, so the screens that show it reload. */
  versions: Record<DataKind, number>;
  load(): Promise<void>;
  loadStaff(): Promise<void>;
  refreshBadges(): Promise<void>;
  /**
   * The conflicts badge and the clock banner. Not part of every change's refresh: sync.status
   * reads the whole change log (about 0.5 s at 600,000 changes); imports and resolutions set
   * these themselves.
   */
  refreshSync(): Promise<void>;
  setMe(staffId: string): Promise<void>;
  /**
   * Call after any write, with the kinds of data it changed (none: everything, as after a
   * restore, a sync or an import): moves their versions on, and refreshes the badges and the
   * staff list when they may have changed.
   */
  changed(...kinds: DataKind[]): void;
}

export const useSession = create<SessionState>((set, get) => ({
  info: null,
  loadError: null,
  staff: [],
  myLate: 0,
  bureauOverdue: 0,
  openConflicts: 0,
  clockBehind: null,
  versions: noVersions(),
  async load() {
    try {
      const info = await call('app.info');
      set({ info, loadError: null });
      await Promise.all([get().loadStaff(), get().refreshBadges(), get().refreshSync()]);
    } catch (e) {
      set({ loadError: toApiError(e) });
    }
  },
  async loadStaff() {
    try {
      const page = await call('staff.list', { sort: [{ field: 'name', dir: 'asc' }], limit: 1000 });
      set({ staff: page.rows });
    } catch (e) {
      notify(toApiError(e));
    }
  },
  async refreshBadges() {
    try {
      const [tasks, overdue] = await Promise.all([
        call('me.tasks'),
        call('demands.list', { filter: { overdue: true }, limit: 1 }),
      ]);
      const lateFollowups = tasks.followups.filter((f) => (f.dueDate ?? '') < tasks.today).length;
      const lateDemands = tasks.demands.filter((d) => d.overdue).length;
      set({
        myLate: lateDemands + lateFollowups,
        bureauOverdue: overdue.total,
      });
    } catch (e) {
      notify(toApiError(e));
    }
  },
  async refreshSync() {
    try {
      const sync = await call('sync.status');
      set({ openConflicts: sync.openConflicts, clockBehind: sync.clockBehind });
    } catch (e) {
      notify(toApiError(e));
    }
  },
  async setMe(staffId) {
    const info = await call('me.set', { staffId });
    set({ info });
    // Whose tasks the badge counts; screens that depend on me read `info`.
    void get().refreshBadges();
  },
  changed(...kinds) {
    const moved = kinds.length ? kinds : DATA_KINDS;
    set((s) => {
      const versions = { ...s.versions };
      for (const k of moved) versions[k] += 1;
      return { versions };
    });
    if (moved.some((k) => BADGE_READS.includes(k))) void get().refreshBadges();
    if (moved.includes('staff')) void get().loadStaff();
  },
}));

/** What the badges count: my late demands and follow-ups, the bureau's overdue demands. */
const BADGE_READS: readonly DataKind[] = ['demands', 'followups'];

export function noVersions(): Record<DataKind, number> {
  return Object.fromEntries(DATA_KINDS.map((k) => [k, 0])) as Record<DataKind, number>;
}

/**
 * A number that moves on whenever data of one of `kinds` changes: a screen lists it among
 * its effect's dependencies to reload then, and only then.
 */
export function useDataVersion(kinds: readonly DataKind[]): number {
  return useSession((s) => kinds.reduce((n, k) => n + s.versions[k], 0));
}

/** Staff id → name, for history entries and other places that carry only an id. */
export function staffName(id: string | null | undefined): string {
  if (!id) return '';
  return useSession.getState().staff.find((s) => s.id === id)?.name ?? '';
}
