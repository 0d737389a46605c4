import { addDays } from '@shared/domain/dates';
import type { Position, Role } from '@shared/domain/enums';
import type { Staff } from '@shared/contract/schemas';
import type { Rand } from './random';
import type { Seeder } from './context';
import { EXPERT_TITLES, FIELDS, GIVEN_CHARS, SURNAMES, UNIVERSITIES, type Field } from './vocabulary';

// Staff of the bureau and the experts it works with.

const MOBILE_PREFIXES = ['135', '136', '137', '138', '139', '150', '151', '158', '177', '186', '189'];

export function mobile(rand: Rand): string {
  return rand.pick(MOBILE_PREFIXES) + rand.digits(8);
}

/** A person's name: common surnames more often, one or two given-name characters. */
export function personName(rand: Rand): string {
  const surname = SURNAMES[Math.min(SURNAMES.length - 1, Math.floor(SURNAMES.length * rand.float() ** 2.2))]!;
  const given = rand.chance(0.3) ? rand.pick(GIVEN_CHARS) : rand.pick(GIVEN_CHARS) + rand.pick(GIVEN_CHARS);
  return surname + given;
}

/** A name nobody in `taken` has yet (the set is updated). */
export function uniqueName(rand: Rand, taken: Set<string>): string {
  for (;;) {
    const name = personName(rand);
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

/**
 * Positions: the first supervisor is the bureau's 分管领导 (leader), the others 科长
 * (section heads); one staff member in five is a 科技特派员 (commissioner), the rest 工作人员.
 */
function positionOf(role: Role, index: number): Position {
  if (role === 'supervisor') return index === 0 ? 'leader' : 'section_head';
  return index % 5 === 4 ? 'commissioner' : 'staff';
}

/** Staff grow modestly with the scale: 10 at ×1, 48 at ×20; about one supervisor in eight. */
export function staffCount(scale: number): { total: number; supervisors: number } {
  const total = 10 + 2 * (scale - 1);
  return { total, supervisors: Math.max(2, Math.round(total / 8)) };
}

export function createStaff(s: Seeder, names: Set<string>): void {
  const rand = s.rand.fork(1);
  const { total, supervisors } = staffCount(s.scale);
  for (let i = 0; i < total; i++) {
    const role: Role = i < supervisors ? 'supervisor' : 'staff';
    const created = s.api('staff.create', {
      name: uniqueName(rand, names),
      role,
      position: positionOf(role, i),
      phone: mobile(rand),
      active: true,
    });
    s.staff.push({ id: created.id, name: created.name!, role, leftOn: null, successor: null });
    s.counts.staff += 1;
  }
  // One colleague moved to another bureau two thirds into the year; a colleague took over.
  const ordinary = s.staff.filter((m) => m.role === 'staff');
  if (ordinary.length >= 3) {
    const leaving = ordinary[ordinary.length - 1]!;
    leaving.leftOn = addDays(s.start, Math.round(365 * 0.62));
    leaving.successor = ordinary[ordinary.length - 2]!;
  }
}

/** Makes the install's "me" part of the team: an existing one, or the first demo supervisor. */
export function chooseMe(s: Seeder): void {
  const existing = s.core.store.getMeta('meStaffId');
  const row = existing ? s.api('staff.list', { filter: { id: existing }, limit: 1 }).rows[0] : undefined;
  if (row) {
    const known = s.staff.find((m) => m.id === row.id);
    if (known) s.me = known;
    else {
      s.me = {
        id: row.id,
        name: (row as Staff).name ?? '我',
        role: row.role ?? 'staff',
        leftOn: null,
        successor: null,
      };
      s.staff.push(s.me);
    }
    return;
  }
  s.me = s.supervisors[0]!;
  s.api('me.set', { staffId: s.me.id });
}

/** Marks the colleague who left as inactive (after their year of work was written). */
export function retireLeavers(s: Seeder): void {
  for (const m of s.staff) if (m.leftOn) s.api('staff.update', { id: m.id, active: false });
}

const ORGANISATION_FOR: Record<string, string[]> = {
  生物医药: ['江州医科大学', '省科学院生物技术研究所', '江州大学'],
  现代农业: ['江州农林大学', '省科学院生物技术研究所'],
  智能制造: ['江州理工大学', '省科学院先进制造研究所', '东海工业大学', '江州职业技术学院'],
  新材料: ['江州新材料研究院', '江州大学', '东海工业大学'],
};

export function expertCount(scale: number): number {
  return Math.round(30 * Math.sqrt(scale));
}

export function createExperts(s: Seeder, names: Set<string>): void {
  const rand = s.rand.fork(2);
  const n = expertCount(s.scale);
  for (let i = 0; i < n; i++) {
    // Round-robin over the fields first, so every field has experts for its clinics.
    const field: Field = FIELDS[i % FIELDS.length]!;
    const organization = rand.pick(ORGANISATION_FOR[field.name] ?? UNIVERSITIES);
    const created = s.api('experts.create', {
      name: uniqueName(rand, names),
      organization,
      title: rand.weighted(EXPERT_TITLES.map((t, k) => [t, k < 2 ? 3 : k < 4 ? 2 : 1.5] as const)),
      speciality: `${field.name} · ${rand.pick(field.specialities)}`,
      phone: mobile(rand),
    });
    s.experts.push({ id: created.id, field });
    s.counts.experts += 1;
  }
}
