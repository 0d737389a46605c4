// A stored field of any record kind shown as words: its label, and its value with enum codes as
// labels, staff ids as names, yes/no for flags. Used by the change history and the conflicts.
import { MODELS, memberOf, textLimitOf, type DerivedDef, type FieldDef, type ModelName } from '@shared/model';
import i18n, { currentLanguage } from './i18n';
import { enumLabel, enumLabels, formatInstant, industryLabel, listSeparator, yesNo } from './format';
import { staffName } from './stores/session';

const INSTANT_FIELDS = new Set(['receivedAt', 'closedAt', 'holdSince', 'createdAt', 'deletedAt', 'at']);

/** A field or derived value of a kind's model; undefined for a name no model has. */
export function defOf(kind: string, field: string): FieldDef | DerivedDef | undefined {
  return Object.hasOwn(MODELS, kind) ? memberOf(MODELS[kind as ModelName], field) : undefined;
}

/** The most characters a text field of a record kind takes (from its model). */
export function textLimit(kind: ModelName, field: string): number | undefined {
  return textLimitOf(MODELS[kind], field);
}

/** The words for a field of a record kind, from its model ("status" of an enterprise → 经营状态). */
export function fieldLabel(kind: string, field: string): string {
  const def = defOf(kind, field);
  if (def) return currentLanguage() === 'en' ? def.en : def.zh;
  const meta = `backups.audit.fields.common.${field}`;
  return i18n.exists(meta) ? i18n.t(meta) : field;
}

const shortId = (id: string) => `#${id.slice(-6)}`;

function staffNames(value: unknown, names: Readonly<Record<string, string>>): string {
  const ids = Array.isArray(value) ? value : [value];
  return ids
    .filter((x): x is string => typeof x === 'string' && x !== '')
    .map((id) => staffName(id) || names[id] || shortId(id))
    .join(listSeparator());
}

function objectText(o: Record<string, unknown>, names: Readonly<Record<string, string>>): string {
  // Tiers, contacts, clinic enterprises: the parts people read, in order; ids as names.
  if (typeof o.tier === 'string')
    return [enumLabel('tier', o.tier), o.year, o.expiresOn].filter((x) => x != null && x !== '').join(' ');
  if ('name' in o || 'phone' in o)
    return [o.name, o.title, o.phone].filter((x) => typeof x === 'string' && x).join(' ');
  return Object.values(o)
    .filter((x) => typeof x === 'string' || typeof x === 'number')
    .map((x) => (typeof x === 'string' && Object.hasOwn(names, x) ? names[x] : x))
    .join(' ');
}

/** A demand's event as its history shows it: what it was, the unit that replied, its note. */
export function demandEventText(e: { type: string; unitName?: string | null; note?: string | null }): string {
  const what = i18n.t(`demand.event_${e.type}`, { defaultValue: e.type });
  return `${what}${e.unitName ? ` · ${e.unitName}` : ''}${e.note ? `：${e.note}` : ''}`;
}

/** A hand-over (交办) as its history shows it: 主办单位：… · 协办单位：…; '' when it named no unit. */
export function handOverText(e: { leadUnitName?: string | null; coUnitNames?: readonly string[] }): string {
  const parts: string[] = [];
  if (e.leadUnitName) parts.push(`${i18n.t('unit.lead')}：${e.leadUnitName}`);
  if (e.coUnitNames?.length) parts.push(`${i18n.t('unit.co')}：${e.coUnitNames.join(listSeparator())}`);
  return parts.join(' · ');
}

/** Ids as the names of their records (the change history's `names`); an unknown one as a short id. */
function recordNames(value: unknown, names: Readonly<Record<string, string>>): string {
  const ids = Array.isArray(value) ? value : [value];
  return ids
    .filter((x): x is string => typeof x === 'string' && x !== '')
    .map((id) => names[id] ?? shortId(id))
    .join(listSeparator());
}

/** A demand's supervision (督办) and pending extension request (延期申请), in words. */
const DEMAND_VALUES: Record<string, (o: Record<string, unknown>) => string> = {
  supervision: (o) =>
    `${enumLabel('supervisionLevel', String(o.level))}${o.note ? `：${String(o.note)}` : ''}`,
  extension: (o) =>
    `${i18n.t('extension.asked', { date: String(o.dueDate) })}${o.reason ? `：${String(o.reason)}` : ''}`,
  history: (o) => demandEventText(o as { type: string }),
};

/** Whether a value is one id, or a list of ids, that `names` knows. */
const namedIds = (value: unknown, names: Readonly<Record<string, string>>): boolean =>
  (Array.isArray(value) ? value : [value]).some((x) => typeof x === 'string' && Object.hasOwn(names, x));

/**
 * A field's value as words; null/empty as an empty string (the caller says "empty"). Ids of
 * records read as the names in `names` (what audit.record returns with its rows): an
 * enterprise's name, a demand's title, a unit's name.
 */
export function fieldValueText(
  kind: string,
  field: string,
  value: unknown,
  names: Readonly<Record<string, string>> = {},
): string {
  if (value === null || value === undefined || value === '') return '';
  if (kind === 'demands' && Object.hasOwn(DEMAND_VALUES, field) && typeof value === 'object')
    return DEMAND_VALUES[field]!(value as Record<string, unknown>);
  const def = defOf(kind, field);
  const enumName = def?.enum;
  const codes = Array.isArray(value) ? value.every((x) => typeof x === 'string') : typeof value === 'string';
  if (enumName && codes) {
    return Array.isArray(value)
      ? enumLabels(enumName, value.map(String))
      : enumLabel(enumName, String(value));
  }
  if (field === 'tiers' && Array.isArray(value) && value.length > 0 && typeof value[0] === 'string')
    return enumLabels('tier', value as string[]);
  if (def && 'ref' in def && def.ref === 'staff') return staffNames(value, names);
  if ((def && 'ref' in def && def.ref) || namedIds(value, names)) return recordNames(value, names);
  if (field === 'industry' && typeof value === 'string') return industryLabel(value);
  if (typeof value === 'boolean') return yesNo(value);
  if (INSTANT_FIELDS.has(field) && typeof value === 'string') return formatInstant(value);
  if (Array.isArray(value)) {
    return value
      .map((x) => (x && typeof x === 'object' ? objectText(x as Record<string, unknown>, names) : String(x)))
      .join(listSeparator());
  }
  if (typeof value === 'object') return objectText(value as Record<string, unknown>, names);
  return String(value);
}
