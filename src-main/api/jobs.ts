import type { Store } from '../store/db';
import type { Core } from '../services/core';
import { CallGate } from './gate';
import { runStepsAsync, type StepProgress, type Steps } from './steps';

// The long job running on a database (one at a time) and the gate that gives it the
// connection alone; `sync.progress` reads the job's latest step while it runs.

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

/** Waits for the connection, then runs the job's steps alone, keeping its progress readable. */
export function runJob<T>(core: Core, method: string, steps: () => Steps<T>): Promise<T> {
  return gateOf(core).exclusive(async () => {
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
  });
}
