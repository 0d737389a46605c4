import { sql as init } from './001_init';
import { sql as sync } from './002_sync';
import { sql as reports } from './003_reports';
import { sql as ledger } from './004_ledger';
import { sql as changeOrigins } from './005_change_origins';
import { sql as staffPosition } from './006_staff_position';
import { sql as conflictTypes } from './007_conflict_types';
import { sql as historyEvents } from './008_history_events';
import { sql as quarantine } from './009_quarantine';
import { sql as deletesAndMerges } from './010_deletes_and_merges';
import { sql as supersededHistory } from './011_superseded_history';
import { sql as units } from './012_units';
import { sql as extensionsAndSupervision } from './013_extensions_and_supervision';
import { sql as deleteKnowledge } from './014_delete_knowledge';
import { sql as compactChangeLog } from './015_compact_change_log';
import { sql as settingsAndFirstReply } from './016_settings_and_first_reply';
import { sql as activitiesAndOutcomes } from './017_activities_and_outcomes';
import { sql as targets } from './018_targets';
import { sql as towns } from './019_towns';
import { sql as demandHistoryEvents } from './020_demand_history_events';
import { sql as industries } from './022_industries';
import { sql as visitsByEnterprise } from './023_visits_by_enterprise';
import { sql as changeRuns } from './024_change_runs';
import { sql as reportDemandUnits } from './025_report_demand_units';
import { sql as visitsTextIndex } from './026_visits_text_index';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Append only: a released migration is never edited. */
export const MIGRATIONS: Migration[] = [
  { version: 1, name: 'init', sql: init },
  { version: 2, name: 'sync', sql: sync },
  { version: 3, name: 'reports', sql: reports },
  { version: 4, name: 'ledger', sql: ledger },
  { version: 5, name: 'change_origins', sql: changeOrigins },
  { version: 6, name: 'staff_position', sql: staffPosition },
  { version: 7, name: 'conflict_types', sql: conflictTypes },
  { version: 8, name: 'history_events', sql: historyEvents },
  { version: 9, name: 'quarantine', sql: quarantine },
  { version: 10, name: 'deletes_and_merges', sql: deletesAndMerges },
  { version: 11, name: 'superseded_history', sql: supersededHistory },
  { version: 12, name: 'units', sql: units },
  { version: 13, name: 'extensions_and_supervision', sql: extensionsAndSupervision },
  { version: 14, name: 'delete_knowledge', sql: deleteKnowledge },
  { version: 15, name: 'compact_change_log', sql: compactChangeLog },
  { version: 16, name: 'settings_and_first_reply', sql: settingsAndFirstReply },
  { version: 17, name: 'activities_and_outcomes', sql: activitiesAndOutcomes },
  { version: 18, name: 'targets', sql: targets },
  { version: 19, name: 'towns', sql: towns },
  { version: 20, name: 'demand_history_events', sql: demandHistoryEvents },
  // 21 was kept for the change log in runs, which came after 23 as 24: never used.
  { version: 22, name: 'industries_and_staff_merges', sql: industries },
  { version: 23, name: 'visits_by_enterprise', sql: visitsByEnterprise },
  { version: 24, name: 'change_runs', sql: changeRuns },
  { version: 25, name: 'report_demand_units', sql: reportDemandUnits },
  { version: 26, name: 'visits_text_index', sql: visitsTextIndex },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
