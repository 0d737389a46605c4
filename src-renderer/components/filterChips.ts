// A column's filter model (AG Grid's, or EnumFilter's) as the words of its chip: 包含“白沙”,
// ≥ 2026-01-01, 督办负责人、科员. Pure: the caller gives the translation and the value's text.

type Translate = (key: string, params?: Record<string, unknown>) => string;

interface Condition {
  type?: string | null;
  filter?: unknown;
  filterTo?: unknown;
  dateFrom?: string | null;
  dateTo?: string | null;
}

const OPS = new Set([
  'contains',
  'equals',
  'notEqual',
  'startsWith',
  'blank',
  'notBlank',
  'lessThan',
  'lessThanOrEqual',
  'greaterThan',
  'greaterThanOrEqual',
  'inRange',
]);

function conditionWords(c: Condition, valueText: (v: unknown) => string, t: Translate): string {
  const type = c.type ?? 'contains';
  const from = c.dateFrom ? c.dateFrom.slice(0, 10) : c.filter;
  const to = c.dateTo ? c.dateTo.slice(0, 10) : c.filterTo;
  const v = from === null || from === undefined ? '' : valueText(from);
  if (!OPS.has(type)) return `${type} ${v}`.trim();
  return t(`grid.op.${type}`, { v, to: to === null || to === undefined ? '' : valueText(to) });
}

/** The chip's words for one column's filter model. */
export function filterWords(model: unknown, valueText: (v: unknown) => string, t: Translate): string {
  if (!model || typeof model !== 'object') return '';
  const m = model as { filterType?: string; values?: unknown[]; conditions?: Condition[] };
  if (m.filterType === 'enum') return (m.values ?? []).map(valueText).join('、');
  if (Array.isArray(m.conditions))
    return m.conditions.map((c) => conditionWords(c, valueText, t)).join(t('grid.filterSep'));
  return conditionWords(m as Condition, valueText, t);
}
