// Child process of run.ts: one first start's demo seed (timeDemoSeed) in a process that has
// done nothing else yet, printed as JSON.
import { timeDemoSeed } from './fixture';

process.stdout.write(`${JSON.stringify(timeDemoSeed())}\n`);
