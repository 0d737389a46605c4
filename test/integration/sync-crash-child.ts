// Run by sync.crash.test.ts in a child process that gets killed at a random moment:
// opens the database, says READY, imports the sync file, says DONE (with the time it took).
// Lines are written synchronously so the parent knows exactly what had happened.
import { writeSync } from 'node:fs';
import { openCore } from '../../src-main/open';
import { callAsync } from '../../src-main/dispatch';

const [dbPath, filePath] = process.argv.slice(2);
const say = (line: string) => writeSync(1, `${line}\n`);

const core = openCore(dbPath!);
say('READY');
const started = performance.now();
// As the app's doors run it: step by step, giving the event loop a turn between steps.
const r = await callAsync(core, 'sync.import', { path: filePath! });
if (!r.ok) {
  say(`ERROR ${JSON.stringify(r.error)}`);
  process.exit(2);
}
say(`DONE ${Math.round(performance.now() - started)}`);
core.store.close();
