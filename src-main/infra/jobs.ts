import type { Store } from '../store/db';
import type { Core } from '../core';
import { CallGate } from './gate';
import { runStepsAsync, type StepProgress, type Steps } from './steps';

// The long job running on a database (one at a time) and the gate that gives it the
// connection: alone for a job that holds a transaction across its steps (an import), shared
// for one that does not (an export reads the append-only change log a line at a time, so
// calls may run between its steps). `sync.progress` reads the job's latest step while it runs.

export interface Job {
  method: string;
  startedAt: string;
  progress: StepProgress;
}

const gates = new WeakMap<Store, CallGate>();
const jobs = new WeakMap<Store, Job>();

export function gateOf(core: Core): CallGate {
  let gate = gates.get(core.store);
  if (!gate) gates.set(core.store, (gate = new CallGate()));
  return gate;
}

export function currentJob(core: Core): Job | null {
  return jobs.get(core.store) ?? null;
}

/**
 * Waits for the connection (alone, or shared with ordinary calls), then runs the job's steps,
 * keeping its progress readable. Either way no other job runs meanwhile (see gate.ts).
 */
export function runJob<T>(
  core: Core,
  method: string,
  steps: () => Steps<T>,
  connection: 'alone' | 'shared',
): Promise<T> {
  const gate = gateOf(core);
  const run = async () => {
    const job: Job = {
      method,
      startedAt: new Date(core.store.now()).toISOString(),
      progress: { phase: 'starting', done: 0, total: 0 },
    };
    jobs.set(core.store, job);
    try {
      return await runStepsAsync(steps(), (p) => (job.progress = p));
    } finally {
      jobs.delete(core.store);
    }
  };
  return connection === 'alone' ? gate.exclusive(run) : gate.sharedJob(run);
}
