import { describe, expect, it } from 'vitest';
import { makeCore } from '../../helpers';
import { KIND_VIEWS } from '../../../src-renderer/components/kindViews';
import {
  BUILTIN_VIEWS,
  availableBuiltins,
  conditionsFilter,
  loadUserViews,
  type BuiltinKey,
} from '../../../src-renderer/components/gridViews';

// Every built-in view a grid offers is a filter its kind's list method accepts, and the views
// kept in storage survive anything malformed there.

describe('built-in views of each kind', () => {
  it('are filters the list method accepts, alone and together', () => {
    const t = makeCore();
    const ctx = { me: t.meId, today: '2026-11-23' };
    for (const [kind, views] of Object.entries(KIND_VIEWS)) {
      const keys = availableBuiltins(views, ctx);
      expect(keys.length, kind).toBeGreaterThan(0);
      for (const key of keys) {
        // t.ok throws, naming the method and the error, when a filter is refused.
        t.ok(`${kind}.list` as 'demands.list', { filter: conditionsFilter(views, [key], ctx) });
      }
      t.ok(`${kind}.list` as 'demands.list', { filter: conditionsFilter(views, keys, ctx) });
    }
  });

  it('demands offer all but 待回访, visits 我的 and 本季, follow-ups 我的, 超期 and 待回访', () => {
    const ctx = { me: 'me', today: '2026-11-23' };
    const offered = (kind: keyof typeof KIND_VIEWS): BuiltinKey[] =>
      availableBuiltins(KIND_VIEWS[kind]!, ctx);
    expect(offered('demands')).toEqual(BUILTIN_VIEWS.filter((k) => k !== 'todo'));
    expect(offered('visits')).toEqual(['mine', 'quarter']);
    expect(offered('followups')).toEqual(['mine', 'overdue', 'todo']);
    // Without a "me", 我的 is not offered.
    expect(availableBuiltins(KIND_VIEWS.visits!, { me: null, today: '2026-11-23' })).toEqual(['quarter']);
  });
});

describe('views kept per laptop', () => {
  it('leaves out what is malformed in storage and keeps the rest', () => {
    localStorage.setItem('vl.views.g', 'not json');
    expect(loadUserViews('g')).toEqual([]);
    localStorage.setItem(
      'vl.views.g',
      JSON.stringify([{ name: 'no id' }, 7, { id: 'a', name: '白沙超期', conditions: ['overdue', 'bogus'] }]),
    );
    expect(loadUserViews('g')).toEqual([
      { id: 'a', name: '白沙超期', filterModel: {}, conditions: ['overdue'], q: '', sort: [] },
    ]);
  });
});
