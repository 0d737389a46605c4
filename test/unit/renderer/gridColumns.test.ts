import { describe, expect, it } from 'vitest';
import type { ValueFormatterParams } from 'ag-grid-community';
import '../../../src-renderer/i18n';
import { columnDefsOf, type GridColumn } from '../../../src-renderer/components/gridColumns';

// How a screen's columns become the grid's: here, figures (金额, 数量).

type Outcome = { amount: number | null; count: number | null; title: string };

const COLUMNS: GridColumn<Outcome>[] = [
  { field: 'amount', kind: 'number' },
  { field: 'count', kind: 'number' },
  { field: 'title' },
];

const t = (key: string) => key;

describe('grid columns', () => {
  const [amount, count, title] = columnDefsOf('outcomes', COLUMNS, t, 'zh-CN');
  const shown = (def: typeof amount, value: unknown) =>
    (def!.valueFormatter as (p: Partial<ValueFormatterParams>) => string)({
      value,
      data: { amount: null, count: null, title: '' },
    });

  it('shows numbers with their thousands grouped, decimals kept, and aligns them right', () => {
    expect(shown(amount, 7919826.39)).toBe('7,919,826.39');
    expect(shown(amount, 360000)).toBe('360,000');
    expect(shown(count, 1)).toBe('1');
    expect(shown(count, null)).toBe('');
    expect(amount!.type).toBe('rightAligned');
    expect(title!.type).toBeUndefined();
    expect(shown(title, '12345')).toBe('12345');
  });

  it('takes a width per language where one is given', () => {
    const cols: GridColumn<Outcome>[] = [
      { field: 'title', width: { 'zh-CN': 232, en: 300 } },
      { field: 'count', width: 80 },
    ];
    expect(columnDefsOf('outcomes', cols, t, 'zh-CN').map((c) => c.initialWidth)).toEqual([232, 80]);
    expect(columnDefsOf('outcomes', cols, t, 'en').map((c) => c.initialWidth)).toEqual([300, 80]);
  });
});
