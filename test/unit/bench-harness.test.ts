import { describe, expect, it } from 'vitest';
import { formatTable, judged, type ResultLine } from '../bench/harness';

// The bench's verdict: a case passes only when it meets every target it has, its time and
// its ratio to the plain-SQL baseline.

const line = (over: Partial<ResultLine>): ResultLine => ({
  operation: 'op',
  rows: 100,
  ms: 1500,
  ratio: 2.5,
  targetMs: null,
  ...over,
});

describe('bench verdicts', () => {
  it('judges the time target, the ratio target, or both', () => {
    expect(judged(line({}))).toBeNull();
    expect(judged(line({ targetMs: 2000 }))).toBe(true);
    expect(judged(line({ targetMs: 1000 }))).toBe(false);
    expect(judged(line({ maxRatio: 3 }))).toBe(true);
    expect(judged(line({ maxRatio: 3, ratio: 3.2 }))).toBe(false);
    expect(judged(line({ maxRatio: 3, ratio: null }))).toBe(false);
    expect(judged(line({ targetMs: 2000, maxRatio: 3, ratio: 3.4 }))).toBe(false);
    expect(judged(line({ targetMs: 1000, maxRatio: 3 }))).toBe(false);
    expect(judged(line({ targetMs: 2000, maxRatio: 3 }))).toBe(true);
  });

  it('shows both targets and one result in the table', () => {
    const table = formatTable([
      line({ operation: 'import', targetMs: 2000, maxRatio: 3, ratio: 3.4 }),
      line({ operation: 'export', targetMs: 2000 }),
    ]);
    const [, , imp, exp] = table.split('\n');
    expect(imp).toMatch(/×3\.4\s+< 2 s, ≤ ×3\.0\s+MISS$/);
    expect(exp).toMatch(/< 2 s\s+PASS$/);
  });
});
