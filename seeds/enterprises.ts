import { usccCheckChar } from '@shared/domain/uscc';
import type { Tier } from '@shared/domain/enums';
import type { Member, Seeder } from './context';
import type { Rand } from './random';
import { mobile, personName } from './people';
import {
  BRAND_FIRST,
  BRAND_SECOND,
  CITY,
  CONTACT_TITLES,
  DISTRICT,
  DIVISIONS,
  DIVISION_CODES,
  FIELDS,
  LEGAL_FORMS,
  TOWNS,
  type Division,
} from './vocabulary';

// The district's enterprises: valid, unique USCCs, industries, tiers, a liaison and contacts.

export const ENTERPRISES_PER_SCALE = 300;

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** Codes that documentation and tests use as examples: the demo never takes them. */
const RESERVED_USCC = new Set(['91350100M000100Y43', '91110000600037341L']);

/** GB 11714 organisation code check character for 8 body characters. */
function orgCodeCheck(body: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = body[i]!;
    const v = c >= '0' && c <= '9' ? Number(c) : c.charCodeAt(0) - 55;
    sum += v * weights[i]!;
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/** A valid 18-character USCC: 91 + division code + organisation code, then the check character. */
export function makeUscc(rand: Rand): string {
  const division = rand.pick(DIVISION_CODES);
  let body: string;
  if (rand.chance(0.55)) {
    // Codes issued since 2015 start with MA.
    body = 'MA';
    for (let i = 0; i < 6; i++)
      body += rand.chance(0.75) ? String(rand.int(0, 9)) : rand.pick([...USCC_ALPHABET.slice(10)]);
  } else {
    body = String(rand.pick([5, 6, 7, 0])) + rand.digits(7);
  }
  const first17 = `91${division}${body}${orgCodeCheck(body)}`;
  return first17 + usccCheckChar(first17)!;
}

function uniqueUscc(rand: Rand, taken: Set<string>): string {
  for (;;) {
    const uscc = makeUscc(rand);
    if (!taken.has(uscc) && !RESERVED_USCC.has(uscc)) {
      taken.add(uscc);
      return uscc;
    }
  }
}

function brand(rand: Rand): string {
  const first = rand.pick(BRAND_FIRST);
  let second = rand.pick(BRAND_SECOND);
  while (second === first) second = rand.pick(BRAND_SECOND);
  return first + second;
}

export function enterpriseName(rand: Rand, division: Division, listed: boolean, taken: Set<string>): string {
  for (;;) {
    const word = rand.pick(division.words);
    const form = listed ? '股份有限公司' : rand.pick(LEGAL_FORMS);
    const b = brand(rand);
    const name = rand.chance(0.72) ? `${CITY}${b}${word}${form}` : `${b}${word}（${CITY}）${form}`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

interface TierPlan {
  tier: Tier;
  year: number;
}

/** Tiers follow a latent strength: most firms are small; a few are 小巨人 or listed. */
function tiersFor(rand: Rand, strength: number, year: number): TierPlan[] {
  const out: TierPlan[] = [];
  const add = (tier: Tier, from: number, to: number) => out.push({ tier, year: rand.int(from, to) });
  if (strength > 0.12 && rand.chance(0.8)) add('tech_sme', year - 1, year);
  if (strength > 0.45 && rand.chance(0.75)) add('high_tech', year - 4, year);
  if (strength > 0.35 && rand.chance(0.55)) add('innovative_sme', year - 1, year);
  const specialized = strength > 0.6 && rand.chance(0.6);
  if (specialized) add('specialized', year - 3, year);
  if (specialized && strength > 0.86 && rand.chance(0.55)) add('little_giant', year - 3, year - 1);
  if (strength > 0.4 && rand.chance(0.7)) add('above_scale', year - 6, year - 1);
  if (strength > 0.95 && rand.chance(0.4)) add('listed', 2012, year - 1);
  return out;
}

function contactsFor(rand: Rand): { name: string; title: string; phone: string }[] {
  const titles = [
    rand.pick(CONTACT_TITLES.slice(0, 2)),
    rand.pick(CONTACT_TITLES.slice(3, 5)),
    rand.pick(CONTACT_TITLES.slice(5)),
  ];
  const n = rand.weighted([
    [1, 3],
    [2, 5],
    [3, 2],
  ] as const);
  return titles.slice(0, n).map((title) => ({ name: personName(rand), title, phone: mobile(rand) }));
}

function liaisonPool(s: Seeder): (readonly [Member, number])[] {
  return s.staff.map((m) => [m, m.role === 'supervisor' ? 0.35 : 1] as const);
}

export function createEnterprises(s: Seeder, existingUscc: Set<string>): void {
  const rand = s.rand.fork(3);
  const names = new Set<string>();
  const pool = liaisonPool(s);
  const year = Number(s.asOf.slice(0, 4));
  const n = ENTERPRISES_PER_SCALE * s.scale;
  for (let i = 0; i < n; i++) {
    const division = rand.weighted(DIVISIONS.map((d) => [d, d.weight] as const));
    const town = rand.pick(TOWNS);
    const strength = rand.float() ** 1.6;
    const tiers = tiersFor(rand, strength, year);
    const status = rand.weighted([
      ['normal', 94],
      ['unreachable', 3.5],
      ['dormant', 2.5],
    ] as const);
    const liaison = rand.chance(0.04) ? null : rand.weighted(pool);
    const contacts = contactsFor(rand);
    const address = rand.chance(0.6)
      ? `${CITY}市${DISTRICT}${town.name}${rand.pick(town.roads)}${rand.int(1, 999)}号`
      : `${CITY}市${DISTRICT}${town.name}${rand.pick(town.parks)}${rand.int(1, 30)}号楼`;
    // In the order the input's fields were once given: each draws from the random source.
    const uscc = uniqueUscc(rand, existingUscc);
    const name = enterpriseName(
      rand,
      division,
      tiers.some((t) => t.tier === 'listed'),
      names,
    );
    const created = s.make(
      'enterprises.create',
      {
        uscc,
        name,
        town: town.name,
        address,
        industry: division.code,
        tiers,
        liaisonStaffId: liaison?.id ?? null,
        contacts,
        status,
      },
      ({ id }) => ({ id, with: [] }),
    );
    // Visits per year grow with the firm's importance; some firms were not visited at all.
    const neverVisited = rand.chance(liaison ? 0.07 : 0.5);
    const weight = neverVisited ? 0 : status !== 'normal' ? 0.4 : 5 + 45 * strength ** 2;
    s.firms.push({
      id: created.id,
      name,
      town,
      division: division.code,
      fields: FIELDS.filter((f) => f.industries.includes(division.code)),
      liaison,
      contacts: contacts.map(({ name, title }) => ({ name, title })),
      status,
      weight,
      tiers: tiers.map((t) => t.tier),
    });
    s.counts.enterprises += 1;
  }
  renameSome(s, rand, names);
}

/** A few firms restructured and changed their name; the old one stays findable. */
function renameSome(s: Seeder, rand: Rand, names: Set<string>): void {
  for (const firm of s.firms) {
    if (!rand.chance(0.03)) continue;
    const division = DIVISIONS.find((d) => d.code === firm.division)!;
    const name = enterpriseName(rand, division, true, names);
    s.write('enterprises.update', { id: firm.id, name });
    firm.name = name;
  }
}

/** USCCs already in the database (a demo added twice must not collide). */
export function existingUsccs(s: Seeder): Set<string> {
  const rows = s.core.store.db.prepare(`SELECT "uscc" FROM enterprises`).all() as { uscc: string | null }[];
  return new Set(rows.map((r) => r.uscc ?? ''));
}
