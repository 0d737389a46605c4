import { call } from '../../src-main/dispatch';
import type { MethodInput, MethodOutput } from '@shared/contract/contract';
import type { MethodName } from '@shared/contract/methods';
import { addDays } from '@shared/domain/dates';
import { OPEN_DEMAND_STATUSES } from '@shared/domain/enums';
import type { BenchContext, BenchModule } from './harness';

// The screens people wait on, through call() as every door uses it: a page of the visit
// list, an enterprise's timeline, the supervisor's open-demand board (all of it, and one
// unit's). Each has a plain SQL baseline doing comparable raw work on the same database.

const TARGET_MS = 50;

function ok<M extends MethodName>(ctx: BenchContext, method: M, input: MethodInput<M>): MethodOutput<M> {
  const r = call(ctx.core, method, input);
  if (!r.ok) throw new Error(`${method} failed: ${JSON.stringify(r.error)}`);
  return r.result as MethodOutput<M>;
}

const coreBench: BenchModule = {
  name: 'core',
  cases(ctx) {
    const { db } = ctx;
    const last = (
      db.prepare(`SELECT max("date") AS d FROM visits WHERE "deletedAt" IS NULL`).get() as { d: string }
    ).d;
    const from = addDays(last, -90);
    const busiest = (
      db
        .prepare(
          `SELECT "enterpriseId" AS id FROM visits WHERE "deletedAt" IS NULL GROUP BY "enterpriseId" ORDER BY count(*) DESC LIMIT 1`,
        )
        .get() as { id: string }
    ).id;
    const open = [...OPEN_DEMAND_STATUSES];

    const visitsPage = db.prepare(
      `SELECT * FROM visits WHERE "deletedAt" IS NULL AND "mode" = ? AND "date" >= ? AND "date" <= ?
       ORDER BY "date" DESC, "id" DESC LIMIT 100`,
    );
    const byEnterprise = [
      `SELECT * FROM visits WHERE "enterpriseId" = ? AND "deletedAt" IS NULL`,
      `SELECT * FROM demands WHERE "enterpriseId" = ? AND "deletedAt" IS NULL`,
      `SELECT h.* FROM demand_history h JOIN demands d ON d."id" = h."demandId" WHERE d."enterpriseId" = ?`,
      `SELECT f.* FROM followups f JOIN demands d ON d."id" = f."parentId" WHERE d."enterpriseId" = ?`,
      `SELECT f.* FROM followups f JOIN visits v ON v."id" = f."parentId" WHERE v."enterpriseId" = ?`,
    ].map((sql) => db.prepare(sql));
    const openDemands = db.prepare(
      `SELECT * FROM demands WHERE "deletedAt" IS NULL AND "status" IN (${open.map(() => '?').join(', ')})`,
    );
    // The unit that leads the most open demands: its board is the largest one a unit has.
    const busiestUnit = (
      db
        .prepare(
          `SELECT "leadUnitId" AS id FROM demands
           WHERE "deletedAt" IS NULL AND "leadUnitId" IS NOT NULL AND "status" IN (${open.map(() => '?').join(', ')})
           GROUP BY "leadUnitId" ORDER BY count(*) DESC LIMIT 1`,
        )
        .get(...open) as { id: string } | undefined
    )?.id;
    const unitDemands = db.prepare(
      `SELECT * FROM demands d WHERE d."deletedAt" IS NULL AND d."status" IN (${open.map(() => '?').join(', ')})
         AND (d."leadUnitId" = ? OR EXISTS (SELECT 1 FROM json_each(d."coUnitIds") j WHERE j.value = ?))`,
    );

    return [
      {
        name: `visits.list (onsite, ${from}…${last}, date desc, limit 100)`,
        run: () =>
          ok(ctx, 'visits.list', {
            filter: { mode: 'onsite', date: { gte: from, lte: last } },
            sort: [{ field: 'date', dir: 'desc' }],
            limit: 100,
          }).rows.length,
        baseline: () => visitsPage.all('onsite', from, last).length,
        targetMs: TARGET_MS,
      },
      {
        name: 'enterprises.timeline (busiest enterprise)',
        run: () => ok(ctx, 'enterprises.timeline', { id: busiest }).items.length,
        baseline: () => byEnterprise.reduce((n, stmt) => n + stmt.all(busiest).length, 0),
        targetMs: TARGET_MS,
      },
      {
        name: 'demands.openBoard (all open demands)',
        run: () => ok(ctx, 'demands.openBoard', {}).rows.length,
        baseline: () => openDemands.all(...open).length,
        targetMs: TARGET_MS,
      },
      {
        name: 'demands.openBoard ({unitId}: the unit leading most open demands; byUnit)',
        run: () => {
          if (!busiestUnit) throw new Error('the bench district has no demand handed to a unit');
          const board = ok(ctx, 'demands.openBoard', { unitId: busiestUnit });
          return board.rows.length + board.byUnit.length;
        },
        baseline: () => unitDemands.all(...open, busiestUnit, busiestUnit).length,
        targetMs: TARGET_MS,
      },
    ];
  },
};

export default coreBench;
