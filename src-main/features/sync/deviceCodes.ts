import { msg } from '@shared/messages';
import type { Store } from '../../store/db';
import { freshDeviceCode } from '../../store/identity';
import { updateRecord } from '../../store/records';
import { withCapture } from '../../store/capture';
import { anomaly, type Anomaly } from './merge';
import type { WireChange } from './package';

// Each laptop numbers its visits with its own device code (YEAR-CODE-SEQ), drawn at random:
// two laptops that drew the same code hand out the same numbers. An import notices it and both
// laptops report it; every laptop of the code but the one with the lowest id (uuid v7: the one
// set up first) moves to a fresh code, an ordinary synced change of its devices row. Exactly
// one keeps the code, and the others' new codes reach everyone with their next files.

const SHOWN = 10;

/** Checks this laptop's code against the devices an import brought, and the visit numbers. */
export function checkDeviceCodes(store: Store, changes: readonly WireChange[]): Anomaly[] {
  const anomalies: Anomaly[] = [];
  const me = store.device;
  const twins = store.db
    .prepare(`SELECT "id","name" FROM devices WHERE "code" = ? AND "id" <> ? AND "deletedAt" IS NULL`)
    .all(me.code, me.id) as { id: string; name: string }[];
  if (twins.length) {
    const names = twins.map((t) => `'${t.name}'`).join(', ');
    const keeper = twins.find((t) => t.id < me.id);
    let outcome: string;
    if (keeper) {
      const code = freshDeviceCode(store);
      // A change of this laptop's own, in the midst of an import: captured, to reach the others.
      withCapture(store, true, () => updateRecord(store, 'devices', me.id, { code }));
      store.device = { ...me, code };
      outcome = `this laptop numbers its visits with code ${code} from now on`;
    } else {
      outcome = `${names} will move to a new code when it imports this laptop's changes`;
    }
    anomalies.push({
      ...anomaly('device_code', msg('anomaly.deviceCode', { names, me: me.name, code: me.code, outcome })),
      device: twins[0]!.id,
    });
  }
  const reused = visitNumbersIssuedTwice(store, changes);
  if (reused.length) {
    const shown = reused.slice(0, SHOWN).join(', ');
    const more = reused.length > SHOWN ? ', …' : '';
    anomalies.push(
      anomaly('visit_no_reused', msg('anomaly.visitNoReused', { n: reused.length, shown: shown + more })),
    );
  }
  return anomalies;
}

/** The visit numbers of the imported changes that more than one live visit holds. */
function visitNumbersIssuedTwice(store: Store, changes: readonly WireChange[]): string[] {
  const numbers = new Set<string>();
  for (const c of changes)
    if (c[3] === 'visits' && c[5] === 'visitNo' && typeof c[6] === 'string') numbers.add(c[6]);
  if (!numbers.size) return [];
  return store.db
    .prepare(
      `SELECT v."visitNo" FROM json_each(?) j JOIN visits v ON v."visitNo" = j."value"
       WHERE v."deletedAt" IS NULL GROUP BY 1 HAVING count(*) > 1 ORDER BY 1`,
    )
    .pluck()
    .all(JSON.stringify([...numbers])) as string[];
}
