// How a staff member is named where people are picked. Two laptops that joined may each have
// their 王伟: a name someone else also has gets the position when that tells them apart, else
// the last four digits of the phone, else a number in the list's order.
import { enumLabel } from './format';

interface Person {
  id: string;
  name?: string | null;
  position?: string | null;
  phone?: string | null;
}

const unique = <T>(values: T[], value: T) => values.filter((v) => v === value).length === 1;
const phoneTail = (phone: string | null | undefined) => (phone ?? '').replace(/\D/g, '').slice(-4);

/** Staff id → the label to show for them among `staff`. */
export function staffLabels(staff: readonly Person[]): Map<string, string> {
  const byName = new Map<string, Person[]>();
  for (const s of staff) {
    const name = s.name ?? s.id;
    byName.set(name, [...(byName.get(name) ?? []), s]);
  }
  const labels = new Map<string, string>();
  for (const [name, group] of byName) {
    const positions = group.map((s) => s.position ?? null);
    const tails = group.map((s) => phoneTail(s.phone));
    group.forEach((s, i) => {
      const position = positions[i]!;
      const tail = tails[i]!;
      if (group.length === 1) labels.set(s.id, name);
      else if (position && unique(positions, position))
        labels.set(s.id, `${name}（${enumLabel('position', position)}）`);
      else if (tail && unique(tails, tail)) labels.set(s.id, `${name} ·${tail}`);
      else labels.set(s.id, `${name} (${i + 1})`);
    });
  }
  return labels;
}
