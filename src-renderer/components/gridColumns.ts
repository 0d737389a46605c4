// A screen's grid columns (GridColumn) → AG Grid column definitions: the header in the current
// language, the value's text by kind (enum labels, Shanghai dates, yes/no) and the filter that
// gridQuery can turn into SQL.
import type { ReactNode } from 'react';
import type { ColDef, ValueFormatterParams } from 'ag-grid-community';
import type { RecordKind } from '@shared/contract/methods';
import { ENUMS, type EnumName } from '../enums';
import { defOf, fieldLabel } from '../fieldValues';
import { enumLabel, enumLabels, formatCount, formatDay, formatInstant, yesNo } from '../format';
import { EnumFilter, type EnumFilterParams } from './EnumFilter';
import type { ColumnKind, ColumnKinds } from './gridQuery';
import type { Language } from '../i18n';

export interface GridColumn<Row> {
  /** The API field: also the column id, the sort field and the filter field. */
  field: keyof Row & string;
  /** i18n key of the header; without one, the field's name in its model (@shared/model). */
  header?: string;
  kind?: ColumnKind;
  /** The enum group of its words; without one, the model field's. */
  enumName?: EnumName;
  /** Pixels; per language where its words differ much in length (a cell of tags). */
  width?: number | Readonly<Record<Language, number>>;
  minWidth?: number;
  flex?: number;
  sortable?: boolean;
  filterable?: boolean;
  /** Hidden until the user shows it with the column chooser. */
  hide?: boolean;
  pinned?: 'left' | 'right';
  /** Text shown for the value (defaults by kind: enum labels, Shanghai dates, yes/no). */
  format?: (value: unknown, row: Row) => string;
  /** A React cell (badges, links). */
  render?: (row: Row) => ReactNode;
}

type Translate = (key: string) => string;

/** A column without its own enum group takes its model field's. */
function withModelDefaults<Row>(kind: RecordKind, c: GridColumn<Row>): GridColumn<Row> {
  if (c.enumName) return c;
  const def = defOf(kind, c.field);
  return def?.enum ? { ...c, enumName: def.enum } : c;
}

/** Each column's kind, by field: how gridQuery translates its sort and filter. */
export function columnKindsOf<Row>(columns: readonly GridColumn<Row>[]): ColumnKinds {
  return Object.fromEntries(columns.map((c) => [c.field, c.kind ?? 'text']));
}

function defaultFormat(kind: ColumnKind, enumName: EnumName | undefined, value: unknown): string {
  if (value === null || value === undefined) return '';
  switch (kind) {
    case 'enum':
      return enumName ? enumLabel(enumName, String(value)) : String(value);
    case 'enumList':
      return enumName ? enumLabels(enumName, value as string[]) : (value as string[]).join('、');
    case 'date':
      return formatDay(String(value));
    case 'instant':
      return formatInstant(String(value));
    case 'bool':
      return yesNo(Boolean(value));
    case 'json':
      return JSON.stringify(value);
    case 'number':
      // Thousands grouped, as amounts in yuan are read (7,919,826.39).
      return typeof value === 'number' ? formatCount(value) : String(value);
    default:
      return String(value);
  }
}

/** A value of a column as the grid shows it (a filter chip names its values so). */
export function columnValueText<Row>(kind: RecordKind, column: GridColumn<Row>, value: unknown): string {
  const c = withModelDefaults(kind, column);
  const colKind = c.kind ?? 'text';
  // A list column is filtered by one of its values.
  if (colKind === 'enumList' && !Array.isArray(value)) return defaultFormat('enum', c.enumName, value);
  return defaultFormat(colKind, c.enumName, value);
}

const TEXT_OPTIONS = ['contains', 'equals', 'notEqual', 'startsWith', 'blank', 'notBlank'];
const NUMBER_OPTIONS = [
  'equals',
  'notEqual',
  'lessThan',
  'lessThanOrEqual',
  'greaterThan',
  'greaterThanOrEqual',
  'inRange',
  'blank',
  'notBlank',
];
const DATE_OPTIONS = ['equals', 'notEqual', 'lessThan', 'greaterThan', 'inRange', 'blank', 'notBlank'];
const INSTANT_OPTIONS = ['equals', 'lessThan', 'greaterThan', 'inRange', 'blank', 'notBlank'];

function filterOf(
  kind: ColumnKind,
  enumName: EnumName | undefined,
  t: Translate,
): Pick<ColDef, 'filter' | 'filterParams'> {
  const simple = { maxNumConditions: 1, buttons: ['reset'] };
  switch (kind) {
    case 'number':
      return { filter: 'agNumberColumnFilter', filterParams: { ...simple, filterOptions: NUMBER_OPTIONS } };
    case 'date':
    case 'instant':
      return {
        filter: 'agDateColumnFilter',
        filterParams: {
          ...simple,
          filterOptions: kind === 'date' ? DATE_OPTIONS : INSTANT_OPTIONS,
          inRangeInclusive: true,
        },
      };
    case 'enum':
    case 'enumList': {
      const values = enumName ? (ENUMS[enumName] as readonly string[]) : [];
      const params: EnumFilterParams = {
        options: values.map((v) => ({ value: v, label: enumLabel(enumName!, v) })),
        single: kind === 'enumList',
      };
      return { filter: EnumFilter, filterParams: params };
    }
    case 'bool': {
      const params: EnumFilterParams = {
        options: [
          { value: true, label: t('common.yes') },
          { value: false, label: t('common.no') },
        ],
        single: true,
      };
      return { filter: EnumFilter, filterParams: params };
    }
    case 'json':
      return { filter: false };
    default:
      return { filter: 'agTextColumnFilter', filterParams: { ...simple, filterOptions: TEXT_OPTIONS } };
  }
}

/** The AG Grid column definitions of a screen's columns, in the current language. */
export function columnDefsOf<Row>(
  kind: RecordKind,
  columns: readonly GridColumn<Row>[],
  t: Translate,
  lang: Language,
): ColDef<Row>[] {
  return columns.map((column) => {
    const c = withModelDefaults(kind, column);
    const colKind = c.kind ?? 'text';
    const def: ColDef<Row> = {
      colId: c.field,
      valueGetter: (p) => p.data?.[c.field],
      headerName: c.header ? t(c.header) : fieldLabel(kind, c.field),
      cellDataType: false,
      // Figures line up by their last digit.
      type: colKind === 'number' ? 'rightAligned' : undefined,
      sortable: c.sortable ?? !(colKind === 'enumList' || colKind === 'json'),
      // initial*: defaults for a new grid only; the remembered (or the user's) layout wins.
      initialHide: c.hide,
      pinned: c.pinned, // not part of the remembered layout: always as the screen defines it
      initialWidth: typeof c.width === 'object' ? c.width[lang] : c.width,
      minWidth: c.minWidth,
      initialFlex: c.flex,
      valueFormatter: (p: ValueFormatterParams<Row>) =>
        p.data ? (c.format ? c.format(p.value, p.data) : defaultFormat(colKind, c.enumName, p.value)) : '',
      ...(c.filterable === false ? { filter: false } : filterOf(colKind, c.enumName, t)),
    };
    if (c.render) {
      const render = c.render;
      def.cellRenderer = (p: { data?: Row }) => (p.data ? render(p.data) : null);
    }
    return def;
  });
}
