// Display helpers: dates in Asia/Shanghai, enum codes as words.
import i18n from './i18n';
import type { EnumName } from './enums';
import { DATE_RE, shanghaiDate } from '@shared/domain/dates';
import { industryEntry, industryText } from '@shared/domain/industries';

/** A calendar date stays as it is; an instant becomes its Shanghai date. */
export function formatDay(value: string | null | undefined): string {
  if (!value) return '';
  if (DATE_RE.test(value)) return value;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? value : shanghaiDate(ms);
}

/** An instant as "YYYY-MM-DD HH:mm" Shanghai time (a plain date is shown as it is). */
export function formatInstant(value: string | null | undefined): string {
  if (!value) return '';
  if (DATE_RE.test(value)) return value;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return value;
  const iso = new Date(ms + 8 * 3600_000).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

/** The label of an enum value in the current language; unknown codes are shown as they are. */
export function enumLabel(name: EnumName, value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const key = `enum.${name}.${value}`;
  return i18n.exists(key) ? i18n.t(key) : value;
}

/** A count with thousands grouped (12,345): the same in both languages. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** Yuan with thousands grouped and two decimals (7,919,826.39; 360,000.00), as a ledger column shows money. */
export function formatMoney(yuan: number): string {
  return yuan.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** An amount in yuan: 万元 from ten thousand up in Chinese (as the bureau writes money), ¥ in English. */
export function formatYuan(yuan: number): string {
  if (i18n.language === 'en') return `¥${formatMoney(yuan)}`;
  return yuan >= 10_000 ? `${(yuan / 10_000).toFixed(2)}万元` : `${yuan.toFixed(2)}元`;
}

/** 、 between Chinese list items, a comma in English. */
export function listSeparator(): string {
  return i18n.language === 'en' ? ', ' : '、';
}

export function enumLabels(name: EnumName, values: readonly string[] | null | undefined): string {
  return (values ?? []).map((v) => enumLabel(name, v)).join(listSeparator());
}

/**
 * An industry as read: a section by its letter and name in the UI's language ("C 制造业"), a
 * division by its code and GB/T 4754 name, an entry outside the standard as typed.
 */
export function industryLabel(value: string | null | undefined): string {
  const entry = industryEntry(value);
  if (!entry) return value ?? '';
  return entry.code === entry.section
    ? `${entry.code} ${enumLabel('industry', entry.code)}`
    : industryText(value);
}

export function yesNo(value: boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  return i18n.t(value ? 'common.yes' : 'common.no');
}

/** A datetime-local input value ("2026-11-20T15:30") read as Shanghai time, as an ISO instant. */
export function localInputToInstant(value: string): string {
  return `${value.length === 16 ? `${value}:00` : value}+08:00`;
}

/** Empty text → null, for optional text fields. */
export function opt(v: string | null | undefined): string | null {
  const s = (v ?? '').trim();
  return s ? s : null;
}
