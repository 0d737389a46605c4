// Run by crash.test.ts in a child process that gets killed at a random moment.
// Prints one line before each operation ("BEGIN …") and one after it returned ("OK …"),
// written synchronously so the parent knows exactly which saves had returned.
import { writeSync } from 'node:fs';
import { openCore } from '../../src-main/open';
import { call, callAsync } from '../../src-main/dispatch';
import { usccCheckChar } from '@shared/domain/uscc';

const [mode, dbPath, seedText] = process.argv.slice(2);
const say = (line: string) => writeSync(1, `${line}\n`);

if (mode === 'ledger') {
  // seedText is the ledger file here.
  const core = openCore(dbPath!);
  say('READY');
  const r = await callAsync(core, 'ledger.import', { path: seedText });
  if (!r.ok) throw new Error(`ledger.import: ${r.error.message}`);
  say(`OK ${JSON.stringify({ created: (r.result as { created: number }).created })}`);
  core.store.close();
} else if (mode === 'migrate') {
  say('READY');
  const core = openCore(dbPath!); // runs the pending migrations (and the backup before them)
  say('OK migrated');
  core.store.close();
} else {
  const core = openCore(dbPath!);
  let n = Number(seedText) * 100_000;
  const must = (method: string, input: unknown): { id: string } => {
    say(`BEGIN ${JSON.stringify({ method, input })}`);
    const r = call(core, method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    const result = r.result as { id: string };
    say(`OK ${JSON.stringify({ method, id: result.id, input })}`);
    return result;
  };
  say('READY');
  for (;;) {
    n += 1;
    const first17 = `91350100MA${String(n).padStart(7, '0')}`;
    const e = must('enterprises.create', {
      uscc: first17 + usccCheckChar(first17),
      name: `崩溃测试企业${n}`,
    });
    must('enterprises.update', { id: e.id, address: `测试路${n}号` });
    const v = must('visits.create', {
      enterpriseId: e.id,
      date: '2026-11-20',
      mode: 'onsite',
      summary: '走访'.repeat(50),
      demands: [{ categories: ['tech'], title: `需求${n}` }],
    });
    const visit = call(core, 'visits.get', { id: v.id });
    const demandId = visit.ok ? (visit.result as { demands: { id: string }[] }).demands[0]!.id : '';
    must('demands.transition', { id: demandId, to: 'assigned', assigneeStaffId: core.store.actor.staffId });
    must('followups.create', { parentType: 'demand', parentId: demandId, content: '回访' });
  }
}
