import { describe, expect, it } from 'vitest';
import {
  TARGET_KEYS,
  isAmountKey,
  isTargetKey,
  paceOf,
  progressOf,
  targetKeyParts,
  targetLabel,
  yearElapsed,
  yearToDate,
} from '@shared/reports/targets';

// The target keys and the arithmetic of progress (shared/DOMAIN.md, "Targets").

describe('target keys', () => {
  it('are the count and sum figures and each outcome type counted and summed, nothing else', () => {
    expect(TARGET_KEYS.slice(0, 7)).toEqual([
      'visits',
      'enterprisesVisited',
      'newDemands',
      'closed',
      'clinics',
      'activities',
      'attendees',
    ]);
    expect(isTargetKey('outcome:ip_pledge:amount')).toBe(true);
    for (const bad of ['coverage', 'closureRate', 'outcome:ip_pledge', 'outcome:loan:count', 'Visits', ''])
      expect(isTargetKey(bad), bad).toBe(false);
    expect(targetKeyParts('outcome:tech_contract:amount')).toEqual({
      outcome: 'tech_contract',
      measure: 'amount',
    });
    expect(targetKeyParts('closed')).toEqual({ figure: 'closed' });
    expect(isAmountKey('outcome:tech_contract:amount')).toBe(true);
    expect(isAmountKey('outcome:tech_contract:count')).toBe(false);
  });

  it('have Chinese words and units', () => {
    expect(targetLabel('visits')).toMatchObject({ zh: '走访家次', unit: '家次' });
    expect(targetLabel('outcome:policy_funds:amount')).toMatchObject({ zh: '兑现政策资金金额', unit: '元' });
    expect(targetLabel('outcome:high_tech_application:count')).toMatchObject({
      zh: '推荐申报高企数量',
      unit: '项',
    });
  });
});

describe('progress', () => {
  it('is actual ÷ target; nothing to tell without an actual or with a target of 0', () => {
    expect(progressOf(1200, 1238.4)).toEqual({ target: 1200, actual: 1238.4, pct: 1.032 });
    expect(progressOf(1200, null).pct).toBeNull();
    expect(progressOf(0, 5).pct).toBeNull();
  });

  it('counts the year to date from 1 January of asOf’s year, asOf included', () => {
    expect(yearToDate('2026-08-31')).toEqual({ year: 2026, from: '2026-01-01', to: '2026-08-31' });
    expect(yearElapsed('2026-01-01')).toBeCloseTo(1 / 365);
    expect(yearElapsed('2026-12-31')).toBe(1);
    // A leap year has 366 days: 29 February is the 60th.
    expect(yearElapsed('2028-02-29')).toBeCloseTo(60 / 366);
  });

  it('is ahead when its share reaches the share of the year gone by', () => {
    const half = '2026-07-02'; // 183 of 365
    expect(paceOf(progressOf(100, 51), half)).toBe('ahead');
    expect(paceOf(progressOf(100, 50), half)).toBe('behind');
    expect(paceOf(progressOf(100, null), half)).toBeNull();
  });
});
