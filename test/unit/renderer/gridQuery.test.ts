import { describe, expect, it } from 'vitest';
import { toCondition, toListQuery, UnsupportedFilter } from '../../../src-renderer/components/gridQuery';

// AG Grid's models → the API's list query: sorting and filtering happen in SQL.

describe('toListQuery', () => {
  const kinds = {
    title: 'text',
    openDemands: 'number',
    dueDate: 'date',
    receivedAt: 'instant',
    status: 'enum',
    categories: 'enumList',
    solvedOnSite: 'bool',
  } as const;

  it('keeps the sort order and drops unsorted columns', () => {
    expect(
      toListQuery(
        [
          { colId: 'dueDate', sort: 'desc' },
          { colId: 'title', sort: null },
          { colId: 'status', sort: 'asc' },
        ],
        null,
        kinds,
      ),
    ).toEqual({
      sort: [
        { field: 'dueDate', dir: 'desc' },
        { field: 'status', dir: 'asc' },
      ],
    });
  });

  it('sends nothing for an empty grid state', () => {
    expect(toListQuery([], {}, kinds, '  ')).toEqual({});
  });

  it('maps the quick search to q and merges the screen filter', () => {
    expect(
      toListQuery([], { title: { filterType: 'text', type: 'contains', filter: '专利' } }, kinds, ' 星火 ', {
        open: true,
      }),
    ).toEqual({ q: '星火', filter: { open: true, title: { contains: '专利' } } });
  });

  it('translates text filters', () => {
    const t = (type: string, filter?: string) => toCondition('text', { filterType: 'text', type, filter });
    expect(t('contains', 'ab')).toEqual({ contains: 'ab' });
    expect(t('equals', 'ab')).toEqual({ eq: 'ab' });
    expect(t('notEqual', 'ab')).toEqual({ ne: 'ab' });
    expect(t('startsWith', 'ab')).toEqual({ startsWith: 'ab' });
    expect(t('blank')).toEqual({ isNull: true });
    expect(t('notBlank')).toEqual({ isNull: false });
    expect(t('contains', '')).toBeNull();
    expect(() => t('endsWith', 'x')).toThrow(UnsupportedFilter);
  });

  it('translates number filters, ranges included', () => {
    const n = (type: string, filter?: number, filterTo?: number) =>
      toCondition('number', { filterType: 'number', type, filter, filterTo });
    expect(n('equals', 3)).toEqual({ eq: 3 });
    expect(n('notEqual', 3)).toEqual({ ne: 3 });
    expect(n('lessThan', 3)).toEqual({ lt: 3 });
    expect(n('lessThanOrEqual', 3)).toEqual({ lte: 3 });
    expect(n('greaterThan', 0)).toEqual({ gt: 0 });
    expect(n('greaterThanOrEqual', 2)).toEqual({ gte: 2 });
    expect(n('inRange', 1, 5)).toEqual({ gte: 1, lte: 5 });
    expect(n('blank')).toEqual({ isNull: true });
  });

  it('translates calendar-date filters on the date part', () => {
    const d = (type: string, dateFrom: string | null, dateTo: string | null = null) =>
      toCondition('date', { filterType: 'date', type, dateFrom, dateTo });
    expect(d('equals', '2026-07-01 00:00:00')).toEqual({ eq: '2026-07-01' });
    expect(d('lessThan', '2026-07-01')).toEqual({ lt: '2026-07-01' });
    expect(d('greaterThan', '2026-07-01')).toEqual({ gt: '2026-07-01' });
    expect(d('inRange', '2026-07-01', '2026-09-30')).toEqual({ gte: '2026-07-01', lte: '2026-09-30' });
    expect(d('equals', null)).toBeNull();
  });

  it('compares instants by Shanghai calendar day', () => {
    const i = (type: string, dateFrom: string, dateTo: string | null = null) =>
      toCondition('instant', { filterType: 'date', type, dateFrom, dateTo });
    // 2026-07-01 in Shanghai is [2026-06-30T16:00Z, 2026-07-01T16:00Z).
    expect(i('equals', '2026-07-01')).toEqual({
      gte: '2026-06-30T16:00:00.000Z',
      lt: '2026-07-01T16:00:00.000Z',
    });
    expect(i('lessThan', '2026-07-01')).toEqual({ lt: '2026-06-30T16:00:00.000Z' });
    expect(i('greaterThan', '2026-07-01')).toEqual({ gte: '2026-07-01T16:00:00.000Z' });
    expect(i('inRange', '2026-07-01', '2026-09-30')).toEqual({
      gte: '2026-06-30T16:00:00.000Z',
      lt: '2026-09-30T16:00:00.000Z',
    });
    expect(() => i('notEqual', '2026-07-01')).toThrow(UnsupportedFilter);
  });

  it('turns code lists into IN, one code into equality, and a list column into has', () => {
    expect(toCondition('enum', { filterType: 'enum', values: ['pending', 'assigned'] })).toEqual([
      'pending',
      'assigned',
    ]);
    expect(toCondition('enum', { filterType: 'enum', values: ['closed'] })).toBe('closed');
    expect(toCondition('enum', { filterType: 'enum', values: [] })).toBeNull();
    expect(toCondition('enumList', { filterType: 'enum', values: ['finance'] })).toEqual({ has: 'finance' });
    expect(() => toCondition('enumList', { filterType: 'enum', values: ['finance', 'ip'] })).toThrow(
      UnsupportedFilter,
    );
    expect(toCondition('bool', { filterType: 'enum', values: [true] })).toBe(true);
  });

  it('merges AND conditions and refuses OR', () => {
    expect(
      toCondition('number', {
        filterType: 'number',
        operator: 'AND',
        conditions: [
          { filterType: 'number', type: 'greaterThan', filter: 1 },
          { filterType: 'number', type: 'lessThan', filter: 9 },
        ],
      }),
    ).toEqual({ gt: 1, lt: 9 });
    expect(() =>
      toCondition('text', {
        filterType: 'text',
        operator: 'OR',
        conditions: [
          { type: 'contains', filter: 'a' },
          { type: 'contains', filter: 'b' },
        ],
      }),
    ).toThrow(UnsupportedFilter);
  });

  it('produces input the list contract accepts', async () => {
    const { ListInput } = await import('@shared/contract/contract');
    const query = toListQuery(
      [{ colId: 'dueDate', sort: 'asc' }],
      {
        title: { filterType: 'text', type: 'contains', filter: 'x' },
        openDemands: { filterType: 'number', type: 'inRange', filter: 1, filterTo: 3 },
        receivedAt: { filterType: 'date', type: 'equals', dateFrom: '2026-07-01' },
        status: { filterType: 'enum', values: ['pending'] },
        categories: { filterType: 'enum', values: ['ip'] },
      },
      kinds,
      'abc',
    );
    expect(ListInput.safeParse({ ...query, offset: 0, limit: 100 }).success).toBe(true);
  });
});
