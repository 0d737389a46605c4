// Every record kind's model, by the name the store and the API know it by.
//
// A new field is declared once, in its kind's file here; the API's schemas, the store's
// columns, search, filters and sorts, change capture and the export columns follow from it.
// Besides it: a numbered migration (store/migrations: migrations stay hand-written and a test
// holds them to the models), its place in the export's column order (ledger/exportColumns.ts),
// its grid column and form control on the screen, and, when ledger files carry it, its header
// `words` here and its import field in ledger/fields.ts (label, words and parse type follow).
import { activities } from './activities';
import { calendars } from './calendars';
import { clinics } from './clinics';
import { demands } from './demands';
import { enterprises } from './enterprises';
import { experts } from './experts';
import { followups } from './followups';
import { demandHistory } from './demandHistory';
import { devices } from './devices';
import { narratives } from './narratives';
import { outcomes } from './outcomes';
import { settings } from './settings';
import { staff } from './staff';
import { targets } from './targets';
import { units } from './units';
import { visits } from './visits';

export const MODELS = {
  staff,
  enterprises,
  experts,
  units,
  visits,
  demands,
  demandHistory,
  clinics,
  followups,
  activities,
  outcomes,
  narratives,
  settings,
  calendars,
  targets,
  devices,
} as const;

export type ModelName = keyof typeof MODELS;
export type ModelOf<K extends ModelName> = (typeof MODELS)[K];

export * from './define';
