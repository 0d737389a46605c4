import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { backupDatabase, databaseBytes } from '../../src-main/store/backup';
import { plainBackup } from './backups.bench';
import { CACHE_DIR, ensureDemo } from './fixture';

// The backups bench's time line in CPU (this process's user + system time) as well as wall
// time, a backup and a plain copy taken in turn so that both see the same load: the bench
// times each alone, and on a shared machine the load changes between them.
// `npm exec -- tsx test/bench/backups-cpu.ts [runs] [scale]`

const runs = Number(process.argv[2] ?? 5);
const db = new Database(ensureDemo(Number(process.argv[3] ?? 20)).path, { readonly: true });
const dir = mkdtempSync(join(CACHE_DIR, 'backups-cpu-'));
try {
  const time = (f: () => unknown) => {
    const cpu = process.cpuUsage();
    const wall = performance.now();
    f();
    const used = process.cpuUsage(cpu);
    return { cpu: (used.user + used.system) / 1000, wall: performance.now() - wall };
  };
  let bytes = 0;
  const take = () => {
    rmSync(join(dir, 'backups'), { recursive: true, force: true });
    bytes = backupDatabase(db, join(dir, 'bench.db'), Date.now(), 'bench').bytes;
  };
  const backup: { cpu: number; wall: number }[] = [];
  const plain: { cpu: number; wall: number }[] = [];
  for (let i = 0; i < runs; i++) {
    plain.push(time(() => plainBackup(db, join(dir, 'plain.db'))));
    backup.push(time(take));
  }
  const stat = (xs: number[], pick: 'min' | 'median') =>
    [...xs].sort((a, b) => a - b)[pick === 'min' ? 0 : xs.length >> 1]!;
  console.log(
    `one backup: ${(bytes / 1e6).toFixed(1)} MB, ×${(bytes / databaseBytes(db)).toFixed(3)} the database`,
  );
  for (const what of ['cpu', 'wall'] as const)
    for (const pick of ['median', 'min'] as const) {
      const b = stat(
        backup.map((r) => r[what]),
        pick,
      );
      const p = stat(
        plain.map((r) => r[what]),
        pick,
      );
      console.log(
        `${what} ${pick} of ${runs}: backup ${b.toFixed(0)} ms, plain copy ${p.toFixed(0)} ms, ×${(b / p).toFixed(2)}`,
      );
    }
} finally {
  db.close();
  rmSync(dir, { recursive: true, force: true });
}
