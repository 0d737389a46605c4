import type { Core } from '../../core';
import type { Store } from '../../store/db';
import { targetsOf } from '../targets/service';
import type { ResolvedScope } from './scope';
import type { ScalarFigures } from './quarterly';
import type { OutcomesByType } from './activityFigures';
import {
  TARGET_KEYS,
  progressOf,
  targetKeyParts,
  type FigureTargetKey,
  yearToDate,
  type TargetKey,
  type TargetProgress,
} from '@shared/reports/targets';

// Progress against the bureau's annual targets (the 晾晒表, shared/DOMAIN.md "Targets"): each
// target of asOf's year against its figure from 1 January to asOf. The targets are the
// bureau's: a summary of one staff member, town or unit has none to be measured against.

/** The figures a target is measured against: its count figures and the outcomes by type. */
export type TargetActuals = Pick<ScalarFigures, FigureTargetKey> & { outcomesByType: OutcomesByType };

/** A target key's figure; null where the figure is not counted (a scope without clinics). */
export function targetFigure(s: TargetActuals, key: TargetKey): number | null {
  const parts = targetKeyParts(key);
  if ('figure' in parts) return s[parts.figure];
  const outcome = s.outcomesByType[parts.outcome];
  return outcome ? outcome[parts.measure] : 0;
}

export const targetFigures = (s: TargetActuals): Record<TargetKey, number | null> =>
  Object.fromEntries(TARGET_KEYS.map((k) => [k, targetFigure(s, k)])) as Record<TargetKey, number | null>;

/** The year's targets, by key. */
export function targetValues(store: Store, year: number): Partial<Record<TargetKey, number>> {
  return Object.fromEntries(targetsOf(store, year).map((t) => [t.key, t.value]));
}

/**
 * The progress of asOf's year's targets, keyed by target key (keys without a target absent).
 * `figuresOver(from, to)` gives the scope's scalar figures of those days.
 */
export function targetProgress(
  core: Core,
  scope: ResolvedScope,
  asOf: string,
  figuresOver: (from: string, to: string) => TargetActuals,
): Record<string, TargetProgress> {
  if (scope.type !== 'bureau') return {};
  const { year, from, to } = yearToDate(asOf);
  const targets = targetsOf(core.store, year);
  if (!targets.length) return {};
  const actual = figuresOver(from, to);
  return Object.fromEntries(
    targets.map((t) => [t.key, progressOf(t.value, targetFigure(actual, t.key as TargetKey))]),
  );
}
