import type { DemandCategory, UNIT_KINDS } from '@shared/domain/enums';
import type { Seeder } from './context';
import type { DemandCase } from './demands';
import { mobile, personName } from './people';
import { Rand } from './random';
import { TOWNS } from './vocabulary';

// 承办单位 of the demo district: the district departments (区直部门) and the bureau's own
// sections that answer for each kind of demand, a service platform, and the towns (镇街).
// A demand is handed (交办) to the unit answering for its first category (主办), with the
// firm's town or the unit of its second category co-handling it (协办) now and then. The
// choice is drawn from the demand itself (its firm, categories and receipt), so it adds no
// draw to the district's random streams and changes nothing else of the demo.

interface UnitSpec {
  name: string;
  kind: (typeof UNIT_KINDS)[number];
  /** Demand categories this unit leads (the first listed unit of a category leads most). */
  leads: readonly DemandCategory[];
  contactTitle: string;
}

export const DEMO_UNITS: readonly UnitSpec[] = [
  { name: '区工业和信息化局', kind: 'department', leads: ['tech', 'platform'], contactTitle: '科长' },
  { name: '区人力资源和社会保障局', kind: 'department', leads: ['talent'], contactTitle: '科长' },
  { name: '区地方金融服务中心', kind: 'department', leads: ['finance'], contactTitle: '主任' },
  { name: '区市场监督管理局', kind: 'department', leads: ['ip'], contactTitle: '科长' },
  { name: '区发展和改革局', kind: 'department', leads: ['platform', 'policy'], contactTitle: '科长' },
  { name: '区税务局', kind: 'department', leads: ['rnd'], contactTitle: '科长' },
  { name: '区自然资源局', kind: 'department', leads: ['platform'], contactTitle: '科员' },
  {
    name: '区科技局高新技术科',
    kind: 'bureau_section',
    leads: ['high_tech_cert', 'rnd'],
    contactTitle: '科长',
  },
  { name: '区科技局政策法规科', kind: 'bureau_section', leads: ['policy'], contactTitle: '科长' },
  {
    name: '区科技成果转化服务中心',
    kind: 'platform',
    leads: ['tech_transfer', 'tech'],
    contactTitle: '主任',
  },
];

/** The demo's units by name, once created. */
const createdUnits = new WeakMap<Seeder, Map<string, string>>();

export function createUnits(s: Seeder): void {
  const rand = new Rand(hash('units'));
  const ids = new Map<string, string>();
  const specs = [
    ...DEMO_UNITS,
    ...TOWNS.map((t) => ({ name: t.name, kind: 'town' as const, leads: [], contactTitle: '经发办主任' })),
  ];
  for (const spec of specs) {
    const unit = s.api('units.create', {
      name: spec.name,
      kind: spec.kind,
      contact: `${personName(rand)}（${spec.contactTitle}）`,
      phone: mobile(rand),
    });
    ids.set(spec.name, unit.id);
  }
  createdUnits.set(s, ids);
}

/** FNV-1a: a stable number from a text, to draw a demand's units from the demand itself. */
export function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x0100_0193);
  return h | 0;
}

/** The lead and co units a demand is handed to: the same every time it is assigned. */
export function unitsFor(s: Seeder, c: DemandCase): { leadUnitId: string; coUnitIds: string[] } | null {
  const ids = createdUnits.get(s);
  if (!ids) return null;
  const rand = new Rand(hash(`${c.firm.name}|${c.receivedMs}|${c.categories.join(',')}`));
  const leading = (category: DemandCategory) => {
    const units = DEMO_UNITS.filter((u) => u.leads.includes(category));
    // The first unit listed for a category leads four times in five; the town leads the rest.
    return units.length ? (rand.chance(0.8) ? units[0]! : rand.pick(units)).name : c.firm.town.name;
  };
  const lead = leading(c.categories[0]!);
  const co = new Set<string>();
  if (rand.chance(0.35)) co.add(c.firm.town.name);
  if (c.categories.length > 1 && rand.chance(0.5)) co.add(leading(c.categories[1]!));
  co.delete(lead);
  return { leadUnitId: ids.get(lead)!, coUnitIds: [...co].map((name) => ids.get(name)!) };
}
