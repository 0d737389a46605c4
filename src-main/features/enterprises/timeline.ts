import type { Core } from '../../core';
import { startOfShanghaiDay } from '@shared/domain/dates';
import type { MethodOutput } from '@shared/contract/contract';
import { getEnterprise } from './service';
import { unitNamesOf } from '../units/service';
import { eventType } from '@shared/domain/demandReplay';
import type { DemandStatus } from '@shared/domain/enums';

type Item = MethodOutput<'enterprises.timeline'>['items'][number];

/** Everything about one enterprise, newest first. */
export function enterpriseTimeline(core: Core, id: string): MethodOutput<'enterprises.timeline'> {
  const enterprise = getEnterprise(core, id);
  const db = core.store.db;
  const visits = db
    .prepare(
      `SELECT v."id", v."date" AS at, coalesce(v."visitNo", '') || ' ' || coalesce(substr(v."summary", 1, 80), '') AS title,
              v."status", s."name" AS staffName
       FROM visits v LEFT JOIN staff s ON s."id" = v."leadStaffId"
       WHERE v."enterpriseId" = ? AND v."deletedAt" IS NULL`,
    )
    .all(id) as Omit<Item, 'type' | 'refId'>[];
  const demands = db
    .prepare(
      `SELECT d."id", d."receivedAt" AS at, d."title", d."status", s."name" AS staffName, d."sourceVisitId" AS refId
       FROM demands d LEFT JOIN staff s ON s."id" = d."assigneeStaffId"
       WHERE d."enterpriseId" = ? AND d."deletedAt" IS NULL`,
    )
    .all(id) as Omit<Item, 'type'>[];
  const events = db
    .prepare(
      `SELECT h."id", h."at", d."title" || coalesce(' — ' || h."note", '') AS title, h."to" AS status,
              s."name" AS staffName, d."id" AS refId, h."superseded", h."type", h."from",
              json_extract(h."data", '$.unitId') AS unitId, json_extract(h."data", '$.leadUnitId') AS leadUnitId,
              json_extract(h."data", '$.coUnitIds') AS coUnitIds
       FROM demand_history h JOIN demands d ON d."id" = h."demandId"
       LEFT JOIN staff s ON s."id" = h."by"
       WHERE d."enterpriseId" = ? AND d."deletedAt" IS NULL AND h."deletedAt" IS NULL AND h."from" IS NOT NULL`,
    )
    .all(id) as (Omit<Item, 'type' | 'superseded' | 'event' | 'unitName'> & {
    unitId: string | null;
    leadUnitId: string | null;
    coUnitIds: string | null;
    superseded: number;
    type: string | null;
    from: DemandStatus | null;
    status: DemandStatus;
  })[];
  const unitNames = unitNamesOf(
    core,
    events.flatMap((e) => [
      e.unitId,
      e.leadUnitId,
      ...(e.coUnitIds ? (JSON.parse(e.coUnitIds) as string[]) : []),
    ]),
  );
  const clinics = db
    .prepare(
      `SELECT c."id", c."date" AS at, c."topic" AS title, c."status", NULL AS staffName
       FROM clinics c WHERE c."deletedAt" IS NULL
         AND EXISTS (SELECT 1 FROM json_each(c."enterprises") j WHERE json_extract(j.value, '$.enterpriseId') = ?)`,
    )
    .all(id) as Omit<Item, 'type' | 'refId'>[];
  const followups = db
    .prepare(
      `SELECT f."id", coalesce(f."doneAt", f."dueDate") AS at,
              coalesce(f."content", f."result", '') AS title,
              coalesce(f."satisfaction", CASE WHEN f."doneAt" IS NULL THEN 'planned' ELSE 'done' END) AS status,
              s."name" AS staffName, f."parentId" AS refId
       FROM followups f LEFT JOIN staff s ON s."id" = f."ownerStaffId"
       WHERE f."deletedAt" IS NULL AND (
         (f."parentType" = 'visit' AND f."parentId" IN (SELECT "id" FROM visits WHERE "enterpriseId" = ? AND "deletedAt" IS NULL)) OR
         (f."parentType" = 'demand' AND f."parentId" IN (SELECT "id" FROM demands WHERE "enterpriseId" = ? AND "deletedAt" IS NULL)))`,
    )
    .all(id, id) as Omit<Item, 'type'>[];
  // Activities it took part in (their first organiser), and what the service brought it.
  const activities = db
    .prepare(
      `SELECT a."id", a."date" AS at, a."title", a."status", a."type" AS kind, s."name" AS staffName
       FROM activities a LEFT JOIN staff s ON s."id" = json_extract(a."organizerStaffIds", '$[0]')
       WHERE a."deletedAt" IS NULL AND EXISTS (SELECT 1 FROM json_each(a."enterpriseIds") j WHERE j.value = ?)`,
    )
    .all(id) as Omit<Item, 'type' | 'refId'>[];
  const outcomes = db
    .prepare(
      `SELECT o."id", o."date" AS at, coalesce(o."description", '') AS title, o."status", o."type" AS kind,
              o."amount", NULL AS staffName, o."demandId" AS refId
       FROM outcomes o WHERE o."enterpriseId" = ? AND o."deletedAt" IS NULL`,
    )
    .all(id) as Omit<Item, 'type'>[];
  const items: Item[] = [
    ...visits.map((v) => ({ ...v, type: 'visit' as const, refId: null })),
    ...demands.map((d) => ({ ...d, type: 'demand' as const })),
    // A superseded move is shown (what happened), marked: it never applied.
    ...events.map(({ from, type, unitId, leadUnitId, coUnitIds, ...e }) => {
      const co = coUnitIds ? (JSON.parse(coUnitIds) as string[]) : [];
      return {
        ...e,
        type: 'demand_event' as const,
        superseded: e.superseded === 1,
        event: eventType({ type, from, to: e.status }),
        unitName: unitId ? (unitNames.get(unitId) ?? null) : null,
        // A hand-over (交办) names its lead and co units.
        ...(leadUnitId || co.length
          ? {
              leadUnitName: leadUnitId ? (unitNames.get(leadUnitId) ?? null) : null,
              coUnitNames: co.map((u) => unitNames.get(u) ?? u),
            }
          : {}),
      };
    }),
    ...clinics.map((c) => ({ ...c, type: 'clinic' as const, refId: null })),
    ...followups.map((f) => ({ ...f, type: 'followup' as const })),
    ...activities.map((a) => ({ ...a, type: 'activity' as const, refId: null })),
    ...outcomes.map((o) => ({ ...o, type: 'outcome' as const })),
  ];
  // A plain date sorts as the start of its Shanghai day.
  const key = (at: string) => (at.length === 10 ? startOfShanghaiDay(at) : at);
  // At the same time, the later recorded first (ids are time-ordered UUIDv7): a reopen that
  // took its closing's time shows above it.
  items.sort((a, b) => key(b.at).localeCompare(key(a.at)) || b.id.localeCompare(a.id));
  return { enterprise, items };
}
