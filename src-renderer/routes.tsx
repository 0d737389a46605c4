// The one route table: every screen's key (the first part of #/screen/id/action?k=v), its
// component, its navigation label and the count on its link. The router's screen list, the
// navigation and the screen shown all come from it; its order is the navigation's.
//
// The router reads the screen list from here and the screens import the router for their
// links: the cycle only runs through functions called once everything is loaded.
import { lazy, type ComponentType } from 'react';
import type { Route } from './router';
import { TodayScreen } from './screens/TodayScreen';
import { EnterprisesScreen } from './screens/EnterprisesScreen';
import { VisitsScreen } from './screens/VisitsScreen';
import { DemandsScreen } from './screens/DemandsScreen';
import { BoardScreen } from './screens/BoardScreen';
import { ClinicsScreen } from './screens/ClinicsScreen';
import { ExpertsScreen } from './screens/ExpertsScreen';
import { FollowupsScreen } from './screens/FollowupsScreen';
import { StaffScreen } from './screens/StaffScreen';
import { ImportScreen } from './screens/ImportScreen';
import { SyncScreen } from './screens/SyncScreen';
import { ConflictsScreen } from './screens/ConflictsScreen';
import { BackupsScreen } from './screens/BackupsScreen';
import { SettingsScreen } from './screens/SettingsScreen';

// The charts library is most of the bundle: loaded when the reports are first opened.
const ReportsScreen = lazy(() =>
  import('./screens/ReportsScreen').then((m) => ({ default: m.ReportsScreen })),
);

/** A count shown on a navigation link (from the session store), with its tooltip's i18n key. */
export type BadgeName = 'myLate' | 'bureauOverdue' | 'openConflicts';

export interface RouteDef {
  Component: ComponentType<{ route: Route }>;
  /** i18n key of the navigation link. */
  label: string;
  badge?: { count: BadgeName; title: string };
}

const TABLE = {
  today: { Component: TodayScreen, label: 'nav.today', badge: { count: 'myLate', title: 'nav.myLateTitle' } },
  enterprises: { Component: EnterprisesScreen, label: 'nav.enterprises' },
  visits: { Component: VisitsScreen, label: 'nav.visits' },
  demands: { Component: DemandsScreen, label: 'nav.demands' },
  board: {
    Component: BoardScreen,
    label: 'nav.board',
    badge: { count: 'bureauOverdue', title: 'nav.overdueTitle' },
  },
  clinics: { Component: ClinicsScreen, label: 'nav.clinics' },
  experts: { Component: ExpertsScreen, label: 'nav.experts' },
  followups: { Component: FollowupsScreen, label: 'nav.followups' },
  staff: { Component: StaffScreen, label: 'nav.staff' },
  reports: { Component: ReportsScreen, label: 'nav.reports' },
  import: { Component: ImportScreen, label: 'nav.import' },
  sync: { Component: SyncScreen, label: 'nav.sync' },
  conflicts: {
    Component: ConflictsScreen,
    label: 'nav.conflicts',
    badge: { count: 'openConflicts', title: 'sync.conflictsBadge' },
  },
  backups: { Component: BackupsScreen, label: 'nav.backups' },
  settings: { Component: SettingsScreen, label: 'nav.settings' },
} satisfies Record<string, RouteDef>;

export type Screen = keyof typeof TABLE;
export const ROUTES: Record<Screen, RouteDef> = TABLE;

/** The screens, in the navigation's order. */
export const SCREENS = Object.keys(ROUTES) as Screen[];
