// The bureau's annual targets (目标任务, shared/DOMAIN.md "Targets"): the figures a target may be
// set for, their words, and progress against them (the 晾晒表): the figure from 1 January of
// asOf's year to asOf, divided by the year's target.
import { daysBetween } from '../domain/dates';
import { OUTCOME_TYPES, type OutcomeType } from '../domain/enums';
import { wordsOf } from '../labels';
import { LABELS, type Label } from './definitions';

/** The summary's count and sum figures a target may be set for, besides the outcome sums. */
export const FIGURE_TARGET_KEYS = [
  'visits',
  'enterprisesVisited',
  'newDemands',
  'closed',
  'clinics',
  'activities',
  'attendees',
] as const;
export type FigureTargetKey = (typeof FIGURE_TARGET_KEYS)[number];

/** An outcome type's sum of `count` or of `amount` (yuan). */
export const OUTCOME_MEASURES = ['count', 'amount'] as const;
export type OutcomeMeasure = (typeof OUTCOME_MEASURES)[number];
export type OutcomeTargetKey = `outcome:${OutcomeType}:${OutcomeMeasure}`;

export type TargetKey = FigureTargetKey | OutcomeTargetKey;

export const outcomeTargetKey = (type: OutcomeType, measure: OutcomeMeasure): OutcomeTargetKey =>
  `outcome:${type}:${measure}`;

/** Every key a target may be set for, in the order screens and reports list them. */
export const TARGET_KEYS: readonly TargetKey[] = [
  ...FIGURE_TARGET_KEYS,
  ...OUTCOME_TYPES.flatMap((t) => OUTCOME_MEASURES.map((m) => outcomeTargetKey(t, m))),
];

const KEY_SET: ReadonlySet<string> = new Set(TARGET_KEYS);
export const isTargetKey = (key: string): key is TargetKey => KEY_SET.has(key);

export type TargetKeyParts = { figure: FigureTargetKey } | { outcome: OutcomeType; measure: OutcomeMeasure };

export function targetKeyParts(key: TargetKey): TargetKeyParts {
  if (!key.startsWith('outcome:')) return { figure: key as FigureTargetKey };
  const [, type, measure] = key.split(':') as [string, OutcomeType, OutcomeMeasure];
  return { outcome: type, measure };
}

/** An amount in yuan may have fen; every other target counts things, in whole numbers. */
export const isAmountKey = (key: TargetKey): boolean => key.endsWith(':amount');

// A target names what is counted (场次, 人次) where the summary's LABELS name the figure.
const ACTIVITY_LABELS: Record<'activities' | 'attendees', Label> = {
  activities: { zh: '服务活动场次', en: 'service activities', unit: '场' },
  attendees: { zh: '活动参与人次', en: 'activity attendees', unit: '人次' },
};

/** A target key's words: a figure's label, or the outcome type's with what is summed. */
export function targetLabel(key: TargetKey): Label {
  const parts = targetKeyParts(key);
  if ('figure' in parts) {
    const f = parts.figure;
    return f === 'activities' || f === 'attendees' ? ACTIVITY_LABELS[f] : LABELS[f];
  }
  const type = wordsOf('outcomeType', parts.outcome) ?? { zh: parts.outcome, en: parts.outcome };
  return parts.measure === 'count'
    ? { zh: `${type.zh}数量`, en: `${type.en} (count)`, unit: '项' }
    : { zh: `${type.zh}金额`, en: `${type.en} (amount)`, unit: '元' };
}

/** A target against the figure so far this year; pct null where there is no actual or the target is 0. */
export interface TargetProgress {
  target: number;
  /** Null where the figure is not counted (yet) by this app. */
  actual: number | null;
  /** actual ÷ target: 1 = the year's target met. */
  pct: number | null;
}

export const progressOf = (target: number, actual: number | null): TargetProgress => ({
  target,
  actual,
  pct: actual === null || target === 0 ? null : actual / target,
});

/** The days progress is counted over: 1 January of asOf's year to asOf, inclusive. */
export const yearToDate = (asOf: string): { year: number; from: string; to: string } => ({
  year: Number(asOf.slice(0, 4)),
  from: `${asOf.slice(0, 4)}-01-01`,
  to: asOf,
});

/**
 * How much of asOf's year has gone by (时间进度), asOf counted: the share a target on pace has
 * reached, which the 晾晒表 sets each figure's progress against (ahead or behind).
 */
export function yearElapsed(asOf: string): number {
  const y = asOf.slice(0, 4);
  return (daysBetween(`${y}-01-01`, asOf) + 1) / (daysBetween(`${y}-01-01`, `${y}-12-31`) + 1);
}

/** Ahead of the year's pace, behind it, or with nothing to tell (no actual or no target). */
export function paceOf(p: TargetProgress, asOf: string): 'ahead' | 'behind' | null {
  if (p.pct === null) return null;
  return p.pct >= yearElapsed(asOf) ? 'ahead' : 'behind';
}
