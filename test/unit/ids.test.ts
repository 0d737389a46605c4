import { describe, expect, it } from 'vitest';
import { validate, version } from 'uuid';
import { newId } from '../../src-main/store/ids';

// Record ids are UUID v7, each greater than the one before (lists and histories break ties by
// id, in the order records were made), however many are made in one millisecond.

describe('newId', () => {
  it('makes v7 UUIDs, each greater than the last, all different', () => {
    const ids = Array.from({ length: 5_000 }, () => newId());
    expect(ids.every((id) => validate(id) && version(id) === 7)).toBe(true);
    expect(ids.every((id, i) => i === 0 || id > ids[i - 1]!)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('stamps the time it was made', () => {
    const before = Date.now();
    const id = newId();
    const ms = parseInt(id.replaceAll('-', '').slice(0, 12), 16);
    // A counter that ran over within a millisecond moves its time on by one.
    expect(ms).toBeGreaterThanOrEqual(before);
    expect(ms).toBeLessThanOrEqual(Date.now() + 1);
  });
});
