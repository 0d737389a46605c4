// The UI's words in i18next's shape: one tree per language, assembled from the features' word
// files (each holding both languages) and the enum labels shared with the main process.
import { allLabels } from '@shared/labels';
import { inLanguage, mergeWords } from './words';
import app from './app';
import today from './today';
import visits from './visits';
import demands from './demands';
import enterprises from './enterprises';
import clinics from './clinics';
import experts from './experts';
import units from './units';
import activities from './activities';
import followups from './followups';
import staff from './staff';
import settings from './settings';
import calendar from './calendar';
import targets from './targets';
import reports from './reports';
import ledgerImport from './import';
import sync from './sync';
import quarantine from './quarantine';
import backups from './backups';
import orphans from './orphans';
import workflowConflict from './workflowConflict';
import search from './search';
import inputs from './inputs';
import views from './views';

export const WORDS = mergeWords(
  app,
  today,
  visits,
  demands,
  enterprises,
  clinics,
  experts,
  units,
  activities,
  followups,
  staff,
  settings,
  calendar,
  targets,
  reports,
  ledgerImport,
  sync,
  quarantine,
  backups,
  orphans,
  workflowConflict,
  search,
  inputs,
  views,
);

export const zhCN = { ...inLanguage(WORDS, 'zh'), enum: allLabels('zh') };
export const en = { ...inLanguage(WORDS, 'en'), enum: allLabels('en') };
