// The one route table: every screen's key (the first part of #/screen/id/action?k=v), its
// component, its navigation label and the count on its link. The router's screen list, the
// navigation and the screen shown all come from it; its order is the navigation's.
//
// The router reads the screen list from here and the screens import the router for their
// links: the cycle only runs through functions called once everything is loaded.
import { lazy, type ComponentType } from 'react';
import type { Route } from './router';
import { TodayScreen } from './screens/TodayScreen';

type ScreenComponent = ComponentType<{ route: Route }>;

/** A screen loaded when first opened: only the home screen is in the first bundle, so the grid,
 *  the forms, the charts and the model's schemas arrive with the screen that uses them. */
function onDemand<N extends string>(load: () => Promise<Record<N, ScreenComponent>>, name: N) {
  return lazy(() => load().then((m) => ({ default: m[name] })));
}

const EnterprisesScreen = onDemand(() => import('./screens/EnterprisesScreen'), 'EnterprisesScreen');
const VisitsScreen = onDemand(() => import('./screens/VisitsScreen'), 'VisitsScreen');
const DemandsScreen = onDemand(() => import('./screens/DemandsScreen'), 'DemandsScreen');
const BoardScreen = onDemand(() => import('./screens/BoardScreen'), 'BoardScreen');
const ClinicsScreen = onDemand(() => import('./screens/ClinicsScreen'), 'ClinicsScreen');
const ExpertsScreen = onDemand(() => import('./screens/ExpertsScreen'), 'ExpertsScreen');
const UnitsScreen = onDemand(() => import('./screens/UnitsScreen'), 'UnitsScreen');
const FollowupsScreen = onDemand(() => import('./screens/FollowupsScreen'), 'FollowupsScreen');
const ActivitiesScreen = onDemand(() => import('./screens/ActivitiesScreen'), 'ActivitiesScreen');
const OutcomesScreen = onDemand(() => import('./screens/OutcomesScreen'), 'OutcomesScreen');
const StaffScreen = onDemand(() => import('./screens/StaffScreen'), 'StaffScreen');
const ReportsScreen = onDemand(() => import('./screens/ReportsScreen'), 'ReportsScreen');
const ImportScreen = onDemand(() => import('./screens/ImportScreen'), 'ImportScreen');
const SyncScreen = onDemand(() => import('./screens/SyncScreen'), 'SyncScreen');
const ConflictsScreen = onDemand(() => import('./screens/ConflictsScreen'), 'ConflictsScreen');
const BackupsScreen = onDemand(() => import('./screens/BackupsScreen'), 'BackupsScreen');
const SettingsScreen = onDemand(() => import('./screens/SettingsScreen'), 'SettingsScreen');
const CalendarScreen = onDemand(() => import('./screens/CalendarScreen'), 'CalendarScreen');
const TargetsScreen = onDemand(() => import('./screens/TargetsScreen'), 'TargetsScreen');

/** A count shown on a navigation link (from the session store), with its tooltip's i18n key. */
export type BadgeName = 'myLate' | 'bureauOverdue' | 'openConflicts';

export interface RouteDef {
  Component: ScreenComponent;
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
  units: { Component: UnitsScreen, label: 'nav.units' },
  followups: { Component: FollowupsScreen, label: 'nav.followups' },
  activities: { Component: ActivitiesScreen, label: 'nav.activities' },
  outcomes: { Component: OutcomesScreen, label: 'nav.outcomes' },
  staff: { Component: StaffScreen, label: 'nav.staff' },
  reports: { Component: ReportsScreen, label: 'nav.reports' },
  targets: { Component: TargetsScreen, label: 'nav.targets' },
  import: { Component: ImportScreen, label: 'nav.import' },
  sync: { Component: SyncScreen, label: 'nav.sync' },
  conflicts: {
    Component: ConflictsScreen,
    label: 'nav.conflicts',
    badge: { count: 'openConflicts', title: 'sync.conflictsBadge' },
  },
  backups: { Component: BackupsScreen, label: 'nav.backups' },
  calendar: { Component: CalendarScreen, label: 'nav.calendar' },
  settings: { Component: SettingsScreen, label: 'nav.settings' },
} satisfies Record<string, RouteDef>;

export type Screen = keyof typeof TABLE;
export const ROUTES: Record<Screen, RouteDef> = TABLE;

/** The screens, in the navigation's order. */
export const SCREENS = Object.keys(ROUTES) as Screen[];
