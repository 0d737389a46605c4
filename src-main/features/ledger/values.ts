// Cell → value for each field type. Each reader gets a non-empty cell and returns the value
// or a message for the user (Chinese first, English in brackets).
import { sayZh } from '@shared/messages';
import { checkUscc } from '@shared/domain/uscc';
import { INDUSTRY_SECTIONS, type DemandCategory, type Tier } from '@shared/domain/enums';
import { industryByName } from '@shared/domain/industries';
import { BOOL_WORDS, EMPTY_WORDS } from './enumWords';
import { exactEnum, readEnum } from './enums';
import { readDateTime, toInstantIso } from './dates';
import { ENUM_LABELS, type EnumGroup } from './labels';
import { cellText, fold, splitList } from './text';
import type { CellValue } from '@shared/ledger/types';

export type Read<T> = { ok: true; value: T } | { ok: false; message: string };
const fail = (message: string): { ok: false; message: string } => ({ ok: false, message });

const EMPTY = new Set(EMPTY_WORDS.map(fold).concat(EMPTY_WORDS));
const TRUE = new Set(BOOL_WORDS.true.map(fold));
const FALSE = new Set(BOOL_WORDS.false.map(fold));

/** Empty cells and words such as 无, /, — mean "not given". */
export function isEmptyCell(v: CellValue | undefined): boolean {
  const t = cellText(v);
  return t === '' || EMPTY.has(t) || EMPTY.has(t.toLowerCase());
}

export function readText(v: CellValue, max: number): Read<string> {
  const t = cellText(v).replace(/\r\n?/g, '\n');
  if (t.length > max) return fail(`内容过长：${t.length} 字，最多 ${max} 字`);
  return { ok: true, value: t };
}

/** `year`: the year of dates written without one (from the ledger's title). */
export function readDate(v: CellValue, year: number | null = null): Read<string> {
  const r = readDateTime(v, year);
  return r.ok ? { ok: true, value: r.value.date } : r;
}

export function readInstant(v: CellValue, year: number | null = null): Read<string> {
  const r = readDateTime(v, year);
  return r.ok ? { ok: true, value: toInstantIso(r.value) } : r;
}

export function readBool(v: CellValue): Read<boolean> {
  if (typeof v === 'boolean') return { ok: true, value: v };
  if (v === 1 || v === 0) return { ok: true, value: v === 1 };
  const f = fold(cellText(v)) || cellText(v);
  if (TRUE.has(f)) return { ok: true, value: true };
  if (FALSE.has(f)) return { ok: true, value: false };
  return fail(`无法识别 '${cellText(v)}'：可填 是、否`);
}

export function readEnumCell(group: EnumGroup, v: CellValue): Read<string> {
  return readEnum(group, cellText(v));
}

/** Several values in one cell ("技术攻关、人才"); at most `max` distinct ones. */
export function readEnumList(group: EnumGroup, v: CellValue, max = 4): Read<string[]> {
  const values: string[] = [];
  for (const part of splitList(cellText(v), /[和及与]/)) {
    if (EMPTY.has(part)) continue;
    const r = readEnum(group, part);
    if (!r.ok) return r;
    if (!values.includes(r.value)) values.push(r.value);
  }
  if (!values.length) return fail('没有可识别的值');
  if (values.length > max) return fail(`最多 ${max} 项，填了 ${values.length} 项`);
  return { ok: true, value: values };
}

/**
 * Demand categories. A word that is exactly an enterprise's tier (高新技术企业) and no category is
 * an error, not a category guessed from its parts ("技术"): the column was probably the
 * enterprise's, and the user should see what it was read as.
 */
export function readCategories(v: CellValue): Read<string[]> {
  for (const part of splitList(cellText(v), /[和及与]/)) {
    if (exactEnum('demandCategory', part)) continue;
    const tier = exactEnum('tier', part.replace(/(19|20)\d{2}\s*年?度?|[()（）]/g, ''));
    if (tier)
      return fail(
        `'${part}' 是企业资质（${ENUM_LABELS.tier[tier] ?? tier}），本列读作需求类别：请填需求类别，或把该列映射为企业资质`,
      );
  }
  return readEnumList('demandCategory', v);
}

export function readUscc(v: CellValue): Read<string> {
  if (typeof v === 'number' && !Number.isSafeInteger(v)) {
    return fail('信用代码被存成了数字，末几位已丢失：请把该列设为文本后重新填写');
  }
  const check = checkUscc(cellText(v));
  return check.ok ? { ok: true, value: check.normalized } : fail(`信用代码有误：${sayZh(check.msg)}`);
}

/** The first phone number of the cell ("0591-87654321 / 138…" → the landline), digits and + - ( ) only. */
export function readPhone(v: CellValue): Read<string> {
  const first =
    cellText(v)
      .normalize('NFKC')
      .split(/[/,，;；、\n]/)[0] ?? '';
  const cleaned = first
    .replace(/[^\d+\-() ]/g, ' ')
    .trim()
    .replace(/\s+/g, ' ');
  if (!/\d{3,}/.test(cleaned) || cleaned.length > 40) return fail(`不是电话号码 '${cellText(v)}'`);
  return { ok: true, value: cleaned };
}

/** Person names in one cell, in order, without repeats. */
export function readNames(v: CellValue): string[] {
  const names: string[] = [];
  for (const part of splitList(cellText(v), /\s+/)) {
    const name = part.normalize('NFKC').trim();
    if (name && !EMPTY.has(name) && !names.includes(name)) names.push(name);
  }
  return names;
}

/** Unit names in one cell ("区工信局、高新镇"): names may hold spaces, so only list marks split them. */
export function readUnitNames(v: CellValue): string[] {
  const names: string[] = [];
  for (const part of splitList(cellText(v))) {
    const name = part.normalize('NFKC').trim();
    if (name && !EMPTY.has(name) && !names.includes(name)) names.push(name);
  }
  return names;
}

export interface TierValue {
  tier: Tier;
  year: number;
}

/** "高新技术企业(2024)、科技型中小企业" → tiers; a tier without a year gets `defaultYear`. */
export function readTiers(v: CellValue, defaultYear: number): Read<TierValue[]> {
  const out: TierValue[] = [];
  for (const part of splitList(cellText(v))) {
    if (EMPTY.has(part)) continue;
    const year = /(19|20)\d{2}/.exec(part)?.[0];
    const word = part
      .replace(/(19|20)\d{2}\s*年?(度)?/g, '')
      .replace(/认定|入库|[()（）[\]【】]/g, '')
      .trim();
    const r = readEnum('tier', word || part);
    if (!r.ok) return r;
    const tier = r.value as Tier;
    if (!out.some((t) => t.tier === tier)) out.push({ tier, year: year ? Number(year) : defaultYear });
  }
  return out.length ? { ok: true, value: out } : fail('没有可识别的资质');
}

/**
 * "C39", "C 制造业", "C39 计算机…", a division's or a section's name ("制造业") → GB/T 4754
 * code. Any other text is kept as written: the run lists it (unknownIndustries) and the
 * enterprise is saved with a warning, as an industry outside the list is (settings/industries).
 */
export function readIndustry(v: CellValue): Read<string> {
  const t = cellText(v).normalize('NFKC').trim();
  const code = /^([A-Ta-t])(\d{2})?(?![0-9A-Za-z])/.exec(t);
  if (code) return { ok: true, value: `${code[1]!.toUpperCase()}${code[2] ?? ''}` };
  const named = industryByName(t);
  if (named) return { ok: true, value: named.code };
  const f = fold(t);
  const labels = ENUM_LABELS.industry;
  const hits = INDUSTRY_SECTIONS.filter((s) => {
    const l = fold(labels[s] ?? '');
    return l === f || (f.length >= 2 && (l.includes(f) || f.includes(l)));
  });
  if (hits.length === 1) return { ok: true, value: hits[0]! };
  return { ok: true, value: t };
}

export type { DemandCategory };
