import { msg } from '@shared/messages';
import type { Core } from '../../core';
import { requireLive } from '../../core';
import { getRow, updateRecord } from '../../store/records';
import { getEnterprise } from '../enterprises/service';
import { invalid } from '@shared/contract/errors';

// Two laptops may create the same enterprise offline. After import, live enterprises
// sharing a USCC are offered for merging; the merge is ordinary changes, so it syncs.

export function listDuplicates(core: Core) {
  const groups = core.store.db
    .prepare(
      `SELECT "uscc", json_group_array("id") AS ids FROM enterprises
       WHERE "deletedAt" IS NULL AND "uscc" IS NOT NULL GROUP BY "uscc" HAVING count(*) > 1 ORDER BY "uscc"`,
    )
    .all() as { uscc: string; ids: string }[];
  return {
    groups: groups.map((g) => ({
      uscc: g.uscc,
      enterprises: (JSON.parse(g.ids) as string[]).map((id) => getEnterprise(core, id)),
    })),
  };
}

export function mergeEnterprises(core: Core, input: { keepId: string; mergeIds: string[] }) {
  const keep = requireLive(core, 'enterprises', input.keepId, 'keepId');
  const db = core.store.db;
  const moved = { visits: 0, demands: 0, clinics: 0, outcomes: 0, activities: 0 };
  const formerNames = new Set(keep.formerNames ?? []);
  const contacts = [...(keep.contacts ?? [])];
  input.mergeIds.forEach((id, i) => {
    if (id === input.keepId) throw invalid(`mergeIds.${i}`, msg('enterprise.mergeKept'));
    const other = requireLive(core, 'enterprises', id, `mergeIds.${i}`);
    for (const kind of ['visits', 'demands', 'outcomes'] as const) {
      const ids = db.prepare(`SELECT "id" FROM ${kind} WHERE "enterpriseId" = ?`).all(id) as { id: string }[];
      for (const r of ids) updateRecord(core.store, kind, r.id, { enterpriseId: input.keepId });
      moved[kind] += ids.length;
    }
    const clinics = db
      .prepare(
        `SELECT "id" FROM clinics WHERE EXISTS (SELECT 1 FROM json_each(clinics."enterprises") j WHERE json_extract(j.value, '$.enterpriseId') = ?)`,
      )
      .all(id) as { id: string }[];
    for (const { id: clinicId } of clinics) {
      const clinic = getRow(core.store, 'clinics', clinicId)!;
      const entries = clinic.enterprises ?? [];
      const hasKept = entries.some((e) => e.enterpriseId === input.keepId);
      const next = hasKept
        ? entries.filter((e) => e.enterpriseId !== id)
        : entries.map((e) => (e.enterpriseId === id ? { ...e, enterpriseId: input.keepId } : e));
      updateRecord(core.store, 'clinics', clinicId, { enterprises: next });
      moved.clinics += 1;
    }
    const activities = db
      .prepare(
        `SELECT "id" FROM activities WHERE EXISTS (SELECT 1 FROM json_each(activities."enterpriseIds") j WHERE j.value = ?)`,
      )
      .all(id) as { id: string }[];
    for (const { id: activityId } of activities) {
      const ids = getRow(core.store, 'activities', activityId)!.enterpriseIds ?? [];
      const next = ids.includes(input.keepId)
        ? ids.filter((e) => e !== id)
        : ids.map((e) => (e === id ? input.keepId : e));
      updateRecord(core.store, 'activities', activityId, { enterpriseIds: next });
      moved.activities += 1;
    }
    for (const n of [other.name, ...(other.formerNames ?? [])]) if (n && n !== keep.name) formerNames.add(n);
    for (const c of other.contacts ?? []) {
      if (!contacts.some((k) => k.name === c.name && k.phone === c.phone)) contacts.push(c);
    }
    // The survivor first, then the delete: the delete then knows it (see lostToDeletes.ts), and
    // records arriving later under this copy are offered to the survivor (orphans.ts).
    updateRecord(core.store, 'enterprises', id, { mergedInto: input.keepId });
    updateRecord(core.store, 'enterprises', id, { deletedAt: new Date(core.store.now()).toISOString() });
  });
  updateRecord(core.store, 'enterprises', input.keepId, { formerNames: [...formerNames], contacts });
  return { kept: getEnterprise(core, input.keepId), moved };
}
