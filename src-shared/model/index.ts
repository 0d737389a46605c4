// Every record kind's model, by the name the store and the API know it by.
import { clinics } from './clinics';
import { demands } from './demands';
import { enterprises } from './enterprises';
import { experts } from './experts';
import { followups } from './followups';
import { demandHistory } from './demandHistory';
import { devices } from './devices';
import { narratives } from './narratives';
import { staff } from './staff';
import { visits } from './visits';

export const MODELS = {
  staff,
  enterprises,
  experts,
  visits,
  demands,
  demandHistory,
  clinics,
  followups,
  narratives,
  devices,
} as const;

export type ModelName = keyof typeof MODELS;
export type ModelOf<K extends ModelName> = (typeof MODELS)[K];

export * from './define';
