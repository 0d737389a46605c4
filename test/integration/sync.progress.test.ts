import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call, callAsync, type CallResult } from '../../src-main/dispatch';
import type { MethodOutput } from '@shared/contract/contract';
import { makeCore, snapshot, tempDir, type TestCore } from '../helpers';
import { decodeFile, LINE_CHANGES } from '../../src-main/features/sync/package';
import { requireTeam } from '../../src-main/features/sync/team';

// A large sync import through a door that can wait (the app's IPC and HTTP doors) runs step by
// step: its progress can be read meanwhile, other calls wait for it (and are never caught up in
// its transaction), and a synchronous call that would join its transaction is refused as BUSY.
// An export holds no transaction across its steps: calls run in between.

type Job = MethodOutput<'sync.progress'>['job'];

function pair(experts: number) {
  const a = makeCore();
  const b = makeCore();
  const { teamCode } = a.ok('sync.team.create', { name: '局', passphrase: 'passphrase-1' });
  b.ok('sync.team.join', { code: teamCode, passphrase: 'passphrase-1' });
  for (let i = 0; i < experts; i++)
    a.ok('experts.create', {
      name: `专家${i}`,
      organization: `研究所${i % 7}`,
      title: '研究员',
      speciality: '材料',
    });
  return { a, b };
}

/** Reads sync.progress at every turn of the event loop until `work` settles. */
async function watch(t: TestCore, work: Promise<CallResult>) {
  const seen: NonNullable<Job>[] = [];
  const busy: string[] = [];
  let settled = false;
  void work.finally(() => (settled = true));
  while (!settled) {
    const p = call(t.core, 'sync.progress', {});
    if (!p.ok) throw new Error(JSON.stringify(p.error));
    const job = (p.result as MethodOutput<'sync.progress'>).job;
    if (job) {
      seen.push(job);
      const list = call(t.core, 'experts.list', {});
      busy.push(list.ok ? 'ran' : list.error.code);
    }
    await new Promise((r) => setImmediate(r));
  }
  return { result: await work, seen, busy };
}

describe('sync import in steps', () => {
  it('tells its progress while it runs, refuses calls that would join its transaction, and ends', async () => {
    const { a, b } = pair(2500);
    const file = a.ok('sync.export', { full: true });
    const { result, seen, busy } = await watch(
      b,
      callAsync(b.core, 'sync.import', { contentBase64: file.contentBase64!, fileName: file.fileName }),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const report = result.result as MethodOutput<'sync.import'>;
    expect(report.newChanges).toBe(file.changeCount);

    expect(seen.every((j) => j.method === 'sync.import' && j.file === null)).toBe(true);
    const phases = [...new Set(seen.map((j) => j.phase))];
    expect(phases.slice(0, 3)).toEqual(['checking', 'backup', 'applying']);
    const applying = seen.filter((j) => j.phase === 'applying');
    expect(applying.length).toBeGreaterThanOrEqual(5);
    expect(applying.every((j) => j.total === file.changeCount)).toBe(true);
    const done = applying.map((j) => j.done);
    expect(done).toEqual([...done].sort((x, y) => x - y));
    expect(done[0]).toBe(0);
    expect(done.at(-1)).toBe(file.changeCount);
    // Every read while the job held the connection was refused, none ran inside its transaction.
    expect(new Set(busy)).toEqual(new Set(['BUSY']));

    expect(b.ok('sync.progress').job).toBeNull();
    expect(b.ok('experts.list').total).toBe(2500);
  });

  it('lets calls run between the steps of an export, which holds what was there when it began', async () => {
    const { a, b } = pair(6000);
    const logBefore = a.core.store.db.prepare(`SELECT count(*) FROM changes`).pluck().get() as number;
    expect(logBefore).toBeGreaterThan(3 * LINE_CHANGES);
    const order: string[] = [];
    const exporting = callAsync(a.core, 'sync.export', { full: true }).then((r) => {
      order.push('export');
      return r;
    });
    let importing: Promise<CallResult> | null = null;
    const madeDuring: string[] = [];
    let settled = false;
    void exporting.finally(() => (settled = true));
    for (let i = 0; !settled; i++) {
      // Once the job shows, its first step has fixed what it exports.
      const running = a.ok('sync.progress').job?.method === 'sync.export';
      // An import that arrives meanwhile waits for the export (one job at a time), and the
      // calls after it wait for the import.
      if (madeDuring.length === 2 && !importing) {
        importing = callAsync(a.core, 'sync.import', {
          contentBase64: b.ok('sync.export', { full: true }).contentBase64!,
        }).then((r) => {
          order.push('import');
          return r;
        });
      }
      const name = `导出期间新增${i}`;
      const created = await callAsync(a.core, 'experts.create', { name });
      expect(created.ok).toBe(true);
      // A synchronous call is not refused either: the export holds no transaction.
      if (!importing) expect(call(a.core, 'experts.list', { limit: 1 }).ok).toBe(true);
      if (running && !settled) {
        madeDuring.push(name);
        order.push('create');
      }
      await new Promise((r) => setImmediate(r)); // the export's next step
    }
    const exported = await exporting;
    if (!exported.ok) throw new Error(JSON.stringify(exported.error));
    expect(madeDuring.length).toBeGreaterThanOrEqual(2);
    expect(order.indexOf('create')).toBeLessThan(order.indexOf('export'));
    const file = exported.result as MethodOutput<'sync.export'>;
    const values = new Set(
      decodeFile(requireTeam(a.core.store), Buffer.from(file.contentBase64!, 'base64')).changes.map(
        (c) => c[6],
      ),
    );
    expect(file.changeCount).toBeGreaterThanOrEqual(logBefore);
    expect(madeDuring.filter((n) => values.has(n))).toEqual([]);
    expect(importing, 'the export ended before an import could arrive').not.toBeNull();
    expect((await importing!).ok).toBe(true);
    expect(order.indexOf('import')).toBeGreaterThan(order.indexOf('export'));
    expect(madeDuring).toHaveLength(2);
    // What was written meanwhile is the next export's, not lost: b ends with every expert.
    const next = a.ok('sync.export', {});
    b.ok('sync.import', { contentBase64: file.contentBase64! });
    b.ok('sync.import', { contentBase64: next.contentBase64! });
    expect(b.ok('experts.list').total).toBe(a.ok('experts.list').total);
  });

  it('makes calls that arrive meanwhile wait, and keeps them when the import is refused at its end', async () => {
    const { a, b } = pair(400);
    const first = a.ok('sync.export', { full: true });
    b.ok('sync.import', { contentBase64: first.contentBase64! });
    const ids = a.ok('experts.list', { limit: 500 }).rows.map((r) => r.id);
    for (const id of ids) a.ok('experts.delete', { id });
    const deleting = a.ok('sync.export', {});
    const imports = b.ok('sync.status').imports.length;

    const order: string[] = [];
    const job = callAsync(b.core, 'sync.import', { contentBase64: deleting.contentBase64! }).then((r) => {
      order.push('import');
      return r;
    });
    const write = callAsync(b.core, 'experts.create', { name: '导入期间新增的专家' }).then((r) => {
      order.push('create');
      return r;
    });
    const [refused, created] = await Promise.all([job, write]);

    expect(order).toEqual(['import', 'create']);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.details.reason).toBe('mass_delete');
    expect(created.ok).toBe(true);
    // The refused import changed nothing; the call that waited for it was saved.
    expect(b.ok('experts.list').total).toBe(401);
    expect(b.ok('sync.status').imports).toHaveLength(imports);
    expect(b.ok('sync.progress').job).toBeNull();
  });

  it('tells which file of the folder it is on, refuses the damaged one, and finds nothing new the second time', async () => {
    const { a, b } = pair(800);
    const dir = tempDir();
    const exported = a.ok('sync.export', { full: true, dir });
    writeFileSync(join(dir, 'zz-damaged.vlsync'), Buffer.from('not a sync file'));
    const { result, seen } = await watch(b, callAsync(b.core, 'sync.folder', { path: dir }));
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const folder = result.result as MethodOutput<'sync.folder'>;
    expect(folder.imported.map((r) => r.fileName)).toEqual([exported.fileName]);
    expect(folder.refused.map((r) => r.fileName)).toEqual(['zz-damaged.vlsync']);

    const applying = seen.filter((j) => j.phase === 'applying');
    expect(applying.length).toBeGreaterThan(0);
    expect(applying.every((j) => j.file?.name === exported.fileName && j.file.count === 2)).toBe(true);
    expect(seen.some((j) => j.file?.name === 'zz-damaged.vlsync' && j.file.index === 1)).toBe(true);
    // Then this laptop's own changes go out into the folder.
    expect(seen.some((j) => j.phase === 'exporting' && j.total > 0)).toBe(true);
    expect(seen.at(-1)!.phase).toBe('sealing');

    // The folder again: nothing new to import, and the database stays as it is.
    const before = snapshot(b.core);
    const again = await callAsync(b.core, 'sync.folder', { path: dir });
    expect(again.ok && (again.result as MethodOutput<'sync.folder'>).imported).toEqual([]);
    const after = snapshot(b.core);
    expect(after.experts).toEqual(before.experts);
  });
});
