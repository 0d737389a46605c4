import { call } from '../../src-main/dispatch';
import type { MethodInput, MethodOutput } from '@shared/contract/contract';
import type { MethodName } from '@shared/contract/methods';
import { pinyinInitials } from '../../src-main/store/initials';
import type { BenchContext, BenchModule } from './harness';

// Finding anything (issue 15): search.global as one keystroke's query, by part of a name and
// by pinyin initials, and a grid's search finding visits by their enterprise. The baseline is
// a plain SQL LIKE over the same kinds' names on the same database.

/** One keystroke's query: under this, typing feels immediate. */
const TARGET_MS = 50;

function ok<M extends MethodName>(ctx: BenchContext, method: M, input: MethodInput<M>): MethodOutput<M> {
  const r = call(ctx.core, method, input);
  if (!r.ok) throw new Error(`${method} failed: ${JSON.stringify(r.error)}`);
  return r.result as MethodOutput<M>;
}

const hits = (r: MethodOutput<'search.global'>) => r.groups.reduce((n, g) => n + g.items.length, 0);

const searchBench: BenchModule = {
  name: 'search',
  cases(ctx) {
    const { db } = ctx;
    // The enterprise with the most visits: its name's words match the most records.
    const name = db
      .prepare(
        `SELECT e."name" FROM enterprises e JOIN visits v ON v."enterpriseId" = e."id"
           WHERE e."deletedAt" IS NULL GROUP BY e."id" ORDER BY count(*) DESC LIMIT 1`,
      )
      .pluck()
      .get() as string;
    const fragment = name.slice(2, 4);
    const initials = pinyinInitials(name).slice(0, 4);
    const plainLike = db.prepare(
      `SELECT (SELECT count(*) FROM (SELECT 1 FROM enterprises WHERE "deletedAt" IS NULL AND "name" LIKE ? LIMIT 5))
            + (SELECT count(*) FROM (SELECT 1 FROM visits WHERE "deletedAt" IS NULL AND "visitNo" LIKE ? LIMIT 5))
            + (SELECT count(*) FROM (SELECT 1 FROM demands WHERE "deletedAt" IS NULL AND "title" LIKE ? LIMIT 5))
            + (SELECT count(*) FROM (SELECT 1 FROM experts WHERE "deletedAt" IS NULL AND "name" LIKE ? LIMIT 5))
            + (SELECT count(*) FROM (SELECT 1 FROM units WHERE "deletedAt" IS NULL AND "name" LIKE ? LIMIT 5))`,
    );
    const visitsOfName = db.prepare(
      `SELECT v.* FROM visits v JOIN enterprises e ON e."id" = v."enterpriseId"
       WHERE v."deletedAt" IS NULL AND e."name" LIKE ? ORDER BY v."date" DESC LIMIT 100`,
    );
    return [
      {
        name: `search.global (part of a name: "${fragment}")`,
        run: () => hits(ok(ctx, 'search.global', { q: fragment })),
        baseline: () => plainLike.pluck().get(...Array(5).fill(`%${fragment}%`)) as number,
        targetMs: TARGET_MS,
      },
      {
        name: `search.global (pinyin initials: "${initials}")`,
        run: () => hits(ok(ctx, 'search.global', { q: initials })),
        baseline: () => plainLike.pluck().get(...Array(5).fill(`%${initials}%`)) as number,
        targetMs: TARGET_MS,
      },
      {
        name: `visits.list {q: the busiest enterprise's name} (limit 100)`,
        run: () => ok(ctx, 'visits.list', { q: name, limit: 100 }).rows.length,
        baseline: () => visitsOfName.all(`%${name}%`).length,
        targetMs: TARGET_MS,
      },
    ];
  },
};

export default searchBench;
