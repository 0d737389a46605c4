// Run by the sync crash tests (syncCrash.ts) in a child process that gets killed mid-import:
// opens the database, says READY, imports the sync file, says DONE (with the time it took).
// Meanwhile it says PHASE and the phase each time the import's progress (sync.progress, as the
// app's window reads it) enters another one, so a kill can be aimed at a phase.
// Lines are written synchronously so the parent knows exactly what had happened.
import { writeSync } from 'node:fs';
import { openCore } from '../../src-main/open';
import { call, callAsync } from '../../src-main/dispatch';

const [dbPath, filePath] = process.argv.slice(2);
const say = (line: string) => writeSync(1, `${line}\n`);

const core = openCore(dbPath!);
say('READY');
const started = performance.now();
// As the app's doors run it: step by step, giving the event loop a turn between steps, in
// which the progress is read.
let phase = '';
let importing = true;
const watch = () => {
  const r = call(core, 'sync.progress', {});
  const now = r.ok ? ((r.result as { job: { phase: string } | null }).job?.phase ?? '') : '';
  if (now && now !== phase) say(`PHASE ${(phase = now)}`);
  if (importing) setImmediate(watch);
};
setImmediate(watch);
const r = await callAsync(core, 'sync.import', { path: filePath! });
importing = false;
if (!r.ok) {
  say(`ERROR ${JSON.stringify(r.error)}`);
  process.exit(2);
}
say(`DONE ${Math.round(performance.now() - started)}`);
core.store.close();
