// Child process of ledger.bench.ts: one import of the ledger file into a fresh database,
// printed as JSON with the process's peak resident memory (what the import needs, alone).
import { importJob } from './ledgerJob';

const [file, dbPath] = process.argv.slice(2);
if (!file || !dbPath) throw new Error('usage: ledger-child.ts LEDGER.xlsx DB');
const result = await importJob(file, dbPath);
process.stdout.write(`${JSON.stringify({ ...result, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
