import { describe, expect, it } from 'vitest';
import { CallGate } from '../../src-main/infra/gate';

// The gate in front of the connection: calls share it, a stepped job has it alone (or shares it
// with calls but not with another job), in order of arrival.

const tick = () => new Promise<void>((r) => setImmediate(r));

/** A piece of work that runs until released, logging its start and end. */
function held(log: string[], name: string) {
  let release!: () => void;
  const done = new Promise<void>((r) => (release = r));
  return {
    release,
    work: async () => {
      log.push(`${name}:start`);
      await done;
      log.push(`${name}:end`);
      return name;
    },
  };
}

describe('CallGate', () => {
  it('lets shared calls run together', async () => {
    const gate = new CallGate();
    const log: string[] = [];
    const a = held(log, 'a');
    const b = held(log, 'b');
    const pa = gate.shared(a.work);
    const pb = gate.shared(b.work);
    await tick();
    expect(log).toEqual(['a:start', 'b:start']);
    b.release();
    a.release();
    expect(await Promise.all([pa, pb])).toEqual(['a', 'b']);
  });

  it('starts a job only when the shared calls before it have ended, and holds later calls until it ends', async () => {
    const gate = new CallGate();
    const log: string[] = [];
    const first = held(log, 'first');
    const job = held(log, 'job');
    const later = held(log, 'later');
    const p1 = gate.shared(first.work);
    const pj = gate.exclusive(job.work);
    const p2 = gate.shared(later.work);
    await tick();
    expect(log).toEqual(['first:start']);
    expect(gate.busy).toBe(false);
    first.release();
    await p1;
    await tick();
    expect(log).toEqual(['first:start', 'first:end', 'job:start']);
    expect(gate.busy).toBe(true);
    later.release();
    await tick();
    expect(log).not.toContain('later:start');
    job.release();
    await Promise.all([pj, p2]);
    expect(log).toEqual(['first:start', 'first:end', 'job:start', 'job:end', 'later:start', 'later:end']);
    expect(gate.busy).toBe(false);
  });

  it('runs two jobs one after the other', async () => {
    const gate = new CallGate();
    const log: string[] = [];
    const j1 = held(log, 'j1');
    const j2 = held(log, 'j2');
    const p1 = gate.exclusive(j1.work);
    const p2 = gate.exclusive(j2.work);
    await tick();
    expect(log).toEqual(['j1:start']);
    j2.release();
    j1.release();
    await Promise.all([p1, p2]);
    expect(log).toEqual(['j1:start', 'j1:end', 'j2:start', 'j2:end']);
  });

  it('frees the connection when a job fails', async () => {
    const gate = new CallGate();
    await expect(
      gate.exclusive(async () => {
        await tick();
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(gate.busy).toBe(false);
    expect(await gate.shared(() => 'after')).toBe('after');
  });
  it('lets calls run beside a job that shares the connection, while another job waits for it', async () => {
    const gate = new CallGate();
    const log: string[] = [];
    const exporting = held(log, 'export');
    const call = held(log, 'call');
    const second = held(log, 'export2');
    const importing = held(log, 'import');
    const pe = gate.sharedJob(exporting.work);
    const pc = gate.shared(call.work);
    await tick();
    expect(log).toEqual(['export:start', 'call:start']);
    expect(gate.busy).toBe(false);
    const p2 = gate.sharedJob(second.work);
    const pi = gate.exclusive(importing.work);
    await tick();
    expect(log).toEqual(['export:start', 'call:start']);
    call.release();
    await pc;
    exporting.release();
    await pe;
    await tick();
    // In order of arrival: the second export, then the import once it has ended.
    expect(log.slice(-1)).toEqual(['export2:start']);
    second.release();
    await p2;
    await tick();
    expect(log.slice(-1)).toEqual(['import:start']);
    expect(gate.busy).toBe(true);
    importing.release();
    await pi;
    expect(log).toEqual([
      'export:start',
      'call:start',
      'call:end',
      'export:end',
      'export2:start',
      'export2:end',
      'import:start',
      'import:end',
    ]);
  });
});
