import { DEMAND_CATEGORIES, type DemandCategory } from '@shared/domain/enums';
import type { Firm } from './context';
import type { Rand } from './random';
import { DEMAND_TEMPLATES, RESPONSIBLE_UNITS, UNIVERSITIES } from './vocabulary';

/** Replaces each {name} by its value; unknown names are left as they are. */
export function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

/** The words a firm's texts are filled with: its field's topics, a university, an amount. */
export function firmVars(rand: Rand, firm: Firm, year: string): Record<string, string | number> {
  const field = firm.fields.length ? rand.pick(firm.fields) : null;
  return {
    topic: field ? rand.pick(field.topics) : rand.pick(['新产品研发', '工艺改进', '数字化转型', '质量提升']),
    field: field?.name ?? '先进制造',
    univ: rand.pick(UNIVERSITIES),
    amount: rand.int(2, 40) * 50,
    year,
    enterprise: firm.name,
    town: firm.town.name,
  };
}

const CATEGORY_WEIGHTS: Record<DemandCategory, number> = {
  tech: 16,
  policy: 14,
  high_tech_cert: 12,
  finance: 12,
  talent: 11,
  rnd: 9,
  tech_transfer: 8,
  ip: 7,
  platform: 6,
  other: 5,
};

/** 1–3 distinct categories, the first one drawn from `prefer` when given. */
export function categoriesFor(rand: Rand, prefer?: readonly DemandCategory[]): DemandCategory[] {
  const first = prefer?.length
    ? rand.pick(prefer)
    : rand.weighted(DEMAND_CATEGORIES.map((c) => [c, CATEGORY_WEIGHTS[c]] as const));
  const extra = rand.weighted([
    [0, 60],
    [1, 32],
    [2, 8],
  ] as const);
  const rest = rand.sample(
    DEMAND_CATEGORIES.filter((c) => c !== first && c !== 'other'),
    extra,
  );
  return [first, ...rest];
}

export interface DemandText {
  title: string;
  description: string;
  responsibleUnit: string;
  level: 'district' | 'city' | 'province';
  complex: boolean;
}

const COMPLEX_ODDS: Partial<Record<DemandCategory, number>> = {
  tech: 0.45,
  tech_transfer: 0.45,
  platform: 0.5,
  finance: 0.3,
  talent: 0.25,
  policy: 0.05,
};

export function demandText(rand: Rand, firm: Firm, category: DemandCategory, year: string): DemandText {
  const vars = firmVars(rand, firm, year);
  const template = rand.pick(DEMAND_TEMPLATES[category]);
  const high = category === 'platform' || category === 'high_tech_cert';
  const level = rand.weighted([
    ['district', high ? 55 : 87],
    ['city', high ? 30 : 10],
    ['province', high ? 15 : 3],
  ] as const);
  return {
    title: fill(template.title, vars),
    description: `${firm.name}反映：${fill(template.description, vars)}`,
    responsibleUnit: rand.pick(RESPONSIBLE_UNITS[category]),
    level,
    // What a city or province must decide takes longer: mostly registered as complex.
    complex:
      rand.chance(COMPLEX_ODDS[category] ?? 0.15) ||
      level === 'province' ||
      (level === 'city' && rand.chance(0.75)),
  };
}
